//! Speed of the topic stage against the entity stage on the same text (release build):
//!
//! `cargo test --release --test topics_speed -- --ignored --nocapture`
//!
//! Builds a ~5 MB text from the KPCrowd and BBC training articles (skips loudly when absent) and
//! prints the time of each stage (a report, not a check: timings are not asserted, only that the
//! 5 MB text finishes). The target of issue 5: the topic stage adds at most 30 % to the entity
//! stage's time.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::engine::{entities, text::Doc, topics};
use std::path::PathBuf;
use std::time::Instant;

/// Articles, about 5 MB in all.
fn corpus() -> Option<Vec<String>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let mut out = Vec::new();
    let mut size = 0;
    for f in [
        "keyphrases/kpcrowd/train.jsonl",
        "topics/bbc/train.jsonl",
        "topics/masakhanews_eng/train.jsonl",
        "quotes/polnear_direct/train.jsonl",
    ] {
        let raw = std::fs::read_to_string(root.join(f)).ok()?;
        for line in raw.lines() {
            let v: serde_json::Value = serde_json::from_str(line).ok()?;
            let t = v["text"].as_str()?.to_string();
            size += t.len();
            out.push(t);
            if size > 5_000_000 {
                return Some(out);
            }
        }
    }
    Some(out)
}

/// Per-article (entity stage, topic stage) seconds over the corpus cut into articles, and as one text.
#[test]
#[ignore]
fn topic_stage_time_against_entity_stage() {
    let Some(articles) = corpus() else {
        eprintln!("\n*** SKIPPED: ../shared/data not found — topic speed NOT measured ***\n");
        return;
    };
    // Warm up the shipped models (parsed once per process).
    std::hint::black_box(topics::extract(&Doc::new("warm up"), &Default::default()));
    // Articles one by one, as the page analyzes them; the topic stage's parts timed apart. The
    // first pass meets every word for the first time (stemmed then cached per thread); the second
    // is the steady state of a long batch or of re-analysis while typing.
    for pass in ["first pass", "second pass"] {
        let (mut ent, mut top) = (0.0, 0.0);
        let (mut t_words, mut t_kp, mut t_cat) = (0.0, 0.0, 0.0);
        for article in &articles {
            let doc = Doc::new(article);
            let t0 = Instant::now();
            let found = entities::extract(&doc, None);
            let t1 = Instant::now();
            let t = topics::extract(&doc, &found);
            let t2 = Instant::now();
            std::hint::black_box(t);
            ent += (t1 - t0).as_secs_f64();
            top += (t2 - t1).as_secs_f64();
            let a = Instant::now();
            let words = topics::words::Words::new(&doc, &found.words);
            let b = Instant::now();
            std::hint::black_box(topics::keyphrases::extract(&doc, &found, &words));
            let c = Instant::now();
            std::hint::black_box(topics::categories::model().categorize(&words));
            let d = Instant::now();
            t_words += (b - a).as_secs_f64();
            t_kp += (c - b).as_secs_f64();
            t_cat += (d - c).as_secs_f64();
        }
        eprintln!(
            "{pass}, {} articles: entity stage {ent:.3}s, topic stage {top:.3}s ({:.0} %); \
             its parts re-run warm: words {t_words:.3}s, key phrases {t_kp:.3}s, categories {t_cat:.3}s",
            articles.len(),
            100.0 * top / ent
        );
    }
    // And the whole corpus as one text (the 5 MB worst case).
    let text = articles.join("\n\n");
    let doc = Doc::new(&text);
    let t0 = Instant::now();
    let found = entities::extract(&doc, None);
    let t1 = Instant::now();
    let t = topics::extract(&doc, &found);
    let t2 = Instant::now();
    std::hint::black_box(t);
    let (ent1, top1) = ((t1 - t0).as_secs_f64(), (t2 - t1).as_secs_f64());
    eprintln!(
        "{} bytes: entity stage {ent1:.3}s, topic stage {top1:.3}s ({:.0} %) as one text",
        text.len(),
        100.0 * top1 / ent1
    );
    assert!(top1 < 2.0, "topic stage on 5 MB took {top1:.3}s");
}
