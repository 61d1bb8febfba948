//! The page's worker form of an Analysis (`article_analyzer::wire`) gives back exactly the
//! analysis, and the page's re-indented JSON export (`article_analyzer::pretty`) is exactly
//! serde_json's pretty JSON, on real articles (the dev sets in ../shared/data; skipped loudly when
//! absent).
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::{analyze, pretty::pretty, wire};
use std::path::PathBuf;

#[test]
fn dev_articles_round_trip() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let mut n = 0;
    let (mut wire_bytes, mut json_bytes) = (0, 0);
    for f in ["quotes/polnear_direct/dev.jsonl", "topics/bbc/dev.jsonl"] {
        let Ok(raw) = std::fs::read_to_string(root.join(f)) else {
            eprintln!("\n*** SKIPPED {f}: ../shared/data not found — wire round trip NOT checked on it ***\n");
            continue;
        };
        for line in raw.lines().take(120) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let a = analyze(v["text"].as_str().unwrap(), &Default::default());
            let bytes = wire::encode(&a);
            wire_bytes += bytes.len();
            json_bytes += a.to_json().unwrap().len();
            let compact = a.to_json().unwrap();
            assert!(
                pretty(&compact) == serde_json::to_string_pretty(&a).unwrap(),
                "{f}: {}",
                v["id"]
            );
            assert!(wire::decode(&bytes) == Some(a), "{f}: {}", v["id"]);
            n += 1;
        }
    }
    eprintln!("{n} analyses round-tripped; wire {wire_bytes} bytes, JSON {json_bytes} bytes");
}
