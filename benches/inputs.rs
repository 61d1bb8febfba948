//! The benchmarks' sized inputs: dev texts of ../shared/data concatenated (never committed).

/// Dev texts from the shared gold sets, concatenated as paragraphs.
pub fn corpus() -> Option<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/");
    let files = [
        "quotes/polnear_direct/dev.jsonl",
        "ner/conll2003/dev.jsonl",
        "keyphrases/kpcrowd/dev.jsonl",
        "topics/masakhanews_eng/dev.jsonl",
    ];
    let mut out = String::new();
    for f in files {
        let Ok(s) = std::fs::read_to_string(format!("{root}{f}")) else {
            eprintln!("SKIP: {root}{f} is absent; size benchmarks need ../shared/data");
            return None;
        };
        for line in s.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(t) = v["text"].as_str() {
                    out.push_str(t);
                    out.push_str("\n\n");
                }
            }
        }
    }
    Some(out)
}

/// Whole dev articles, one text each (the typical input: a news story of a few KB): every dev
/// text of the topic and key-phrase sets and of PolNeAR.
#[allow(dead_code)] // (benches/analyze.rs includes this file too and reads sized inputs only)
pub fn articles() -> Option<Vec<String>> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/");
    let files = [
        "keyphrases/kpcrowd/dev.jsonl",
        "topics/bbc/dev.jsonl",
        "topics/masakhanews_eng/dev.jsonl",
        "quotes/polnear_direct/dev.jsonl",
    ];
    let mut out = Vec::new();
    for f in files {
        let Ok(s) = std::fs::read_to_string(format!("{root}{f}")) else {
            eprintln!("SKIP: {root}{f} is absent; the articles benchmark needs ../shared/data");
            return None;
        };
        for line in s.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(t) = v["text"].as_str() {
                    out.push(t.to_string());
                }
            }
        }
    }
    Some(out)
}

/// The first `n` bytes of `s`, cut back to a char boundary.
pub fn prefix(s: &str, n: usize) -> &str {
    let mut e = n.min(s.len());
    while !s.is_char_boundary(e) {
        e -= 1;
    }
    &s[..e]
}
