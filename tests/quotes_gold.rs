//! The quote stage against PolNeAR-direct dev (`../shared/data/quotes/polnear_direct/dev.jsonl`),
//! through the same code as `article-analyzer eval quotes`. Skips loudly when the data is absent.
//! The bounds sit a little under the measured figures, so a regression (here or in the entity
//! stage the speakers depend on) fails the build.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

#[test]
fn polnear_direct_dev_quotes_and_speakers() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/quotes/polnear_direct/dev.jsonl");
    if !path.exists() {
        eprintln!(
            "\n*** SKIPPED polnear_direct_dev: {} not found ***\n",
            path.display()
        );
        return;
    }
    let report = article_analyzer::eval::quotes::run(&path).expect("eval runs");
    print!("{}", report.table);
    let j = &report.json;
    let f1 = j["quotes"]["f1"].as_f64().unwrap_or(0.0);
    let speaker = j["speaker"]["either"].as_f64().unwrap_or(0.0);
    let e2e = j["end_to_end"].as_f64().unwrap_or(0.0);
    assert!(f1 >= 0.93, "quote F1 {f1}");
    assert!(speaker >= 0.88, "speaker right among matched {speaker}");
    assert!(e2e >= 0.80, "end-to-end {e2e}");
}
