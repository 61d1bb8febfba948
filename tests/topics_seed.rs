//! The seed article's topic expectations (`../shared/fixtures/seed-article*`): the first five key
//! phrases name the subject (New START or arms control, and at least two of SolarWinds, Navalny,
//! Russia/United States), none of them is a generic word; the first category is politics and
//! government with international relations (or diplomacy) among the second-level topics.
//!
//! The fixture lives outside the repository; without it the test says so loudly and passes.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::{analyze, Options};
use std::path::PathBuf;

fn seed() -> Option<String> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/seed-article.txt");
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(_) => {
            eprintln!(
                "\n*** SKIPPED: seed fixture not found at {} — topic expectations NOT checked ***\n",
                path.display()
            );
            None
        }
    }
}

#[test]
fn seed_top_five_chips_name_the_subject() {
    let Some(text) = seed() else { return };
    let a = analyze(&text, &Options::default());
    let top: Vec<String> = a
        .topics
        .keyphrases
        .iter()
        .take(5)
        .map(|k| k.text.to_lowercase())
        .collect();
    let has = |alts: &[&str]| top.iter().any(|t| alts.contains(&t.as_str()));
    assert!(
        has(&["new start", "arms control"]),
        "New START or arms control in the top five: {top:?}"
    );
    let others = [
        has(&["solarwinds", "solar winds", "solarwinds hack"]),
        has(&["navalny", "alexei navalny"]),
        has(&["russia", "united states", "us", "u.s."]),
    ];
    assert!(
        others.iter().filter(|&&b| b).count() >= 2,
        "two of SolarWinds, Navalny, Russia/United States in the top five: {top:?}"
    );
    for generic in [
        "president",
        "issues",
        "issue",
        "statement",
        "call",
        "press",
        "countries",
    ] {
        assert!(
            !top.iter().any(|t| t == generic),
            "generic chip {generic:?} in {top:?}"
        );
    }
}

#[test]
fn seed_category_is_politics_with_international_relations() {
    let Some(text) = seed() else { return };
    let a = analyze(&text, &Options::default());
    let cats = &a.topics.categories;
    let first = cats.first().expect("at least one category");
    assert_eq!(first.code, "medtop:11000000", "politics first: {cats:?}");
    assert!(first.parent.is_none());
    assert!(
        cats.iter()
            .any(|c| c.parent.as_deref() == Some("medtop:11000000")
                && (c.code == "medtop:20000638" || c.code == "medtop:20000639")),
        "international relations or diplomacy under politics: {cats:?}"
    );
    assert!(
        !first.evidence.is_empty(),
        "evidence words for the first category"
    );
}

#[test]
fn seed_chip_mentions_are_exact_spans() {
    let Some(text) = seed() else { return };
    let a = analyze(&text, &Options::default());
    for k in &a.topics.keyphrases {
        assert!(!k.mentions.is_empty(), "{} has mentions", k.text);
        for m in &k.mentions {
            assert_eq!(&text[m.start..m.end], m.text);
        }
        assert!((0.0..=1.0).contains(&k.score));
    }
}
