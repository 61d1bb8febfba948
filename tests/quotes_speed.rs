//! Speed of the quote stage against the entity stage on the same text (release build):
//!
//! `cargo test --release --test quotes_speed -- --ignored --nocapture`
//!
//! Builds a ~5 MB text from the PolNeAR train articles (skips loudly when absent) and a text of
//! pathological quote marks, and prints the time of each stage. The target: the quote stage adds at
//! most 30 % to the entity stage's time, and grows linearly.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::engine::{entities, quotes, text::Doc};
use std::path::PathBuf;
use std::time::Instant;

fn corpus() -> Option<String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/quotes/polnear_direct/train.jsonl");
    let raw = std::fs::read_to_string(p).ok()?;
    let mut text = String::new();
    for line in raw.lines() {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        text.push_str(v["text"].as_str()?);
        text.push_str("\n\n");
        if text.len() > 5_000_000 {
            break;
        }
    }
    Some(text)
}

/// (entity stage, quote stage) seconds, best of `runs`.
fn time(text: &str, runs: usize) -> (f64, f64, usize) {
    let doc = Doc::new(text);
    let (mut te, mut tq, mut n) = (f64::MAX, f64::MAX, 0);
    for _ in 0..runs {
        let t = Instant::now();
        let mut found = entities::extract(&doc, None);
        te = te.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        n = quotes::extract(&doc, &mut found).len();
        tq = tq.min(t.elapsed().as_secs_f64());
    }
    (te, tq, n)
}

#[test]
#[ignore = "timing; run in release with --ignored --nocapture"]
fn quote_stage_cost_relative_to_entities() {
    let Some(text) = corpus() else {
        eprintln!("\n*** SKIPPED quote_stage_cost: ../shared/data/quotes/polnear_direct/train.jsonl not found ***\n");
        return;
    };
    let half = {
        let mut h = text.len() / 2;
        while !text.is_char_boundary(h) {
            h -= 1;
        }
        &text[..h]
    };
    let (te, tq, n) = time(&text, 3);
    let (he, hq, _) = time(half, 3);
    println!(
        "{:.1} MB: entities {:.3} s, quotes {:.3} s ({n} quotes) = +{:.1} % ; half text: entities {:.3} s, quotes {:.3} s",
        text.len() as f64 / 1e6,
        te,
        tq,
        100.0 * tq / te,
        he,
        hq
    );
    // Linear: twice the text costs about twice the time (generous bound for noisy machines).
    assert!(tq < 3.0 * hq.max(1e-3), "quote stage is not linear");
}

#[test]
fn pathological_quote_marks_stay_fast() {
    // 200 KB of unbalanced marks, apostrophes and quote-like noise in one paragraph.
    let unit = "“he said ‘x’s ” \" ' '' « „ said Smith ” ‘ ’s said, “ ";
    let text = unit.repeat(200_000 / unit.len());
    let t = Instant::now();
    let a = article_analyzer::analyze(&text, &Default::default());
    let secs = t.elapsed().as_secs_f64();
    for q in &a.quotes {
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
    }
    assert!(secs < 20.0, "took {secs} s");
}
