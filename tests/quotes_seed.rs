//! The seed article's seven quotes and their speakers (`../shared/fixtures/seed-article.*`).
//!
//! The fixture is not part of the repository; without it the test prints a loud notice and passes.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::eval::CharToByte;
use article_analyzer::{analyze, Analysis, Options, QuoteKind};
use std::path::PathBuf;

fn fixture() -> Option<(String, serde_json::Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    let text = std::fs::read_to_string(dir.join("seed-article.txt")).ok()?;
    let expected = std::fs::read_to_string(dir.join("seed-article.expected.json")).ok()?;
    Some((text, serde_json::from_str(&expected).ok()?))
}

/// The speaker's entity, by id.
fn speaker_entity<'a>(
    a: &'a Analysis,
    q: &article_analyzer::Quote,
) -> Option<&'a article_analyzer::Entity> {
    let id = q.speaker.as_ref()?.entity.as_ref()?;
    a.entities.iter().find(|e| &e.id == id)
}

#[test]
fn seed_article_quotes_and_speakers() {
    let Some((text, expected)) = fixture() else {
        eprintln!("\n*** SKIPPED seed_article_quotes_and_speakers: ../shared/fixtures/seed-article.* not found ***\n");
        return;
    };
    let a = analyze(&text, &Options::default());
    let c2b = CharToByte::new(&text);
    let want = expected["quotes"]
        .as_array()
        .expect("quotes in the fixture");
    assert_eq!(want.len(), 7);
    let direct: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
        .collect();
    assert_eq!(
        direct.len(),
        7,
        "direct and partial quotes: {:#?}",
        direct.iter().map(|q| &q.text).collect::<Vec<_>>()
    );
    for w in want {
        let start = c2b.byte(w["start"].as_u64().unwrap_or(0) as usize);
        let end = c2b.byte(w["end"].as_u64().unwrap_or(0) as usize);
        let speaker = w["speaker"].as_str().unwrap_or("");
        let q = direct
            .iter()
            .find(|q| q.start == start && q.end == end)
            .unwrap_or_else(|| panic!("quote not found: {}", w["text"]));
        let sp = q
            .speaker
            .as_ref()
            .unwrap_or_else(|| panic!("no speaker for {}", q.text));
        let e = speaker_entity(&a, q)
            .unwrap_or_else(|| panic!("speaker of {} is not an entity: {sp:?}", q.text));
        // The right entity: one of its names is the expected speaker ("US President Joe Biden"
        // contains "Joe Biden"), and the quote names it by the entity's canonical name.
        assert!(
            e.mentions.iter().any(|m| m.text.contains(speaker)),
            "speaker of {} should be {speaker}, got entity {} {:?}",
            q.text,
            e.name,
            e.mentions.iter().map(|m| &m.text).collect::<Vec<_>>()
        );
        assert_eq!(sp.name, e.name);
        assert_eq!(
            sp.name, speaker,
            "canonical name of the speaker of {}",
            q.text
        );
    }
    // "it added" and "He added" are resolved through the pronoun, which joins the entity.
    for (pronoun, name) in [("it", "White House"), ("He", "Joe Biden")] {
        let q = direct
            .iter()
            .find(|q| {
                q.speaker
                    .as_ref()
                    .and_then(|s| s.mention.as_ref())
                    .is_some_and(|m| m.text == pronoun)
            })
            .unwrap_or_else(|| panic!("no quote attributed through {pronoun:?}"));
        let e = speaker_entity(&a, q).expect("entity");
        assert!(e.mentions.iter().any(|m| m.text.contains(name)));
        assert!(e.mentions.iter().any(|m| m.text == pronoun));
    }
}
