//! The checked-in JSON Schema matches the types, and real output conforms to its required shape.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn checked_in_schema_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/analysis.schema.json");
    let on_disk = std::fs::read_to_string(path).expect("docs/analysis.schema.json");
    assert_eq!(
        on_disk.trim_end(),
        article_analyzer::engine::model::json_schema(),
        "docs/analysis.schema.json is stale: run `cargo run -- schema > docs/analysis.schema.json`"
    );
}

#[test]
fn output_round_trips_through_json() {
    let text = "“We will act,” said Jane Smith, the mayor of Paris, on Tuesday. Sales rose 5% to $3 million.";
    let a = article_analyzer::analyze(
        text,
        &article_analyzer::Options {
            article_date: Some("2021-01-27".into()),
            ..Default::default()
        },
    );
    let json = serde_json::to_string(&a).unwrap();
    let back: article_analyzer::Analysis = serde_json::from_str(&json).unwrap();
    assert_eq!(a, back);
}
