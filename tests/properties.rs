//! Properties of `analyze` over arbitrary and news-like Unicode text (proptest), and linear time.
//!
//! For every input: every returned offset is within the text, on a char boundary, and slices the
//! text to the reported string (also in UTF-16, as the JS binding reports it); mentions of an entity
//! are ordered and never overlap; quotes are in text order; scores are in 0..=1; the same input gives
//! the same output. The checks live in `tests/support/invariants.rs` (shared with the fuzz target).
//!
//! Cases are few (256 per property, inputs ≤ 2 KB) because the suite runs in debug mode; the fuzz
//! target (`scripts/fuzz.sh`) explores far more.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/invariants.rs"]
mod invariants;
#[path = "support/synth.rs"]
mod synth;

use article_analyzer::engine::text::Doc;
use article_analyzer::{analyze, Options};
use proptest::prelude::*;
use std::time::Instant;

/// Any Unicode scalar values, up to 512 of them (≤ 2 KB).
fn any_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..512).prop_map(|v| v.into_iter().collect())
}

/// Characters that matter to the engine, mixed with arbitrary ones.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            '“', '”', '‘', '’', '"', '\'', '«', '»', '„', '‹', '›', '「', '」', '`', '.', ',', ';', ':',
            '!', '?', '…', '—', '-', '(', ')', '&', '/', '$', '%', '€', '\n', '\r', '\t', ' ', ' ',
            '\u{a0}', '\u{200b}', '\u{200d}', '\u{feff}', '\u{301}', '\u{2028}', '\u{2029}', '\0',
        ]),
        2 => prop::char::range('A', 'Z'),
        2 => prop::char::range('a', 'z'),
        1 => prop::char::range('0', '9'),
        1 => any::<char>(),
    ]
}

/// Strings made mostly of the characters above, up to 512 of them.
fn tricky_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(tricky_char(), 0..512).prop_map(|v| v.into_iter().collect())
}

/// A news-like fragment: names, function words, speech verbs, dates, numbers, quote marks,
/// punctuation, emoji, combining marks.
fn fragment() -> impl Strategy<Value = String> {
    let pick = |xs: &'static [&'static str]| prop::sample::select(xs).prop_map(str::to_string);
    prop_oneof![
        4 => pick(&[
            "Biden", "Jane", "Smith", "Putin", "Moscow", "London", "Apple", "Inc.", "U.S.", "U.N.",
            "AT&T", "O'Neill", "Mr.", "Dr.", "Gen.", "New", "York", "Times", "White", "House",
            "European", "Union", "Ministry", "The", "In", "He", "She", "It", "They",
        ]),
        4 => "[A-Z][a-z]{1,9}",
        6 => pick(&[
            "the", "a", "of", "and", "to", "in", "on", "that", "said", "says", "told", "added",
            "according", "he", "she", "they", "it", "his", "her", "called", "was", "is", "by",
            "reporters", "statement", "president", "company", "spokesman",
        ]),
        3 => pick(&[
            "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‹", "›", "''", "``", "「", "」", "’s",
        ]),
        3 => pick(&[".", ",", ";", ":", "!", "?", "…", "—", "-", "(", ")", "...", ".”", ",”", ",\""]),
        2 => pick(&["\n", "\n\n", "\r\n", "\r", "\r\n\r\n", "\t", "\u{2029}"]),
        2 => pick(&[
            "January", "Feb.", "March", "Sept.", "Monday", "Tuesday", "yesterday", "last week",
            "2021", "1996-08-30", "10:30 a.m.", "noon",
        ]),
        2 => "[$€£]?[0-9]{1,6}([.,][0-9]{1,3})?( ?%| million| billion)?",
        1 => pick(&["👩‍👩‍👧", "🇺🇸", "😀", "👍🏽", "e\u{301}", "\u{301}", "\u{20dd}", "\u{200d}", "\u{feff}"]),
        1 => pick(&["مرحبا", "שלום", "北京", "東京都", "Ελλάδα", "Москва", "İstanbul", "ß", "ǅ"]),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// News-like text: fragments joined mostly by single spaces, up to ~2 KB.
fn news_text() -> impl Strategy<Value = String> {
    let sep = prop_oneof![8 => Just(" "), 1 => Just(""), 1 => Just("\n")];
    proptest::collection::vec((fragment(), sep), 0..220).prop_map(|parts| {
        let mut s = String::new();
        for (f, sep) in parts {
            s.push_str(&f);
            s.push_str(sep);
        }
        s
    })
}

fn options() -> impl Strategy<Value = Options> {
    (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(e, q, t, d)| Options {
        article_date: d.then(|| "2021-01-27".to_string()),
        entities: e,
        quotes: q,
        topics: t,
    })
}

/// The analysis satisfies every invariant and is deterministic.
fn holds(text: &str, options: &Options) -> Result<(), TestCaseError> {
    let a = analyze(text, options);
    if let Err(e) = invariants::check(text, &a) {
        return Err(TestCaseError::fail(format!("{e}\ninput: {text:?}")));
    }
    let b = analyze(text, options);
    prop_assert_eq!(&a, &b, "not deterministic for {:?}", text);
    Ok(())
}

/// The segmentation the later stages index into: tokens ordered, non-empty, on char boundaries;
/// sentences and paragraphs tile the tokens in order.
fn doc_holds(text: &str) -> Result<(), TestCaseError> {
    let doc = Doc::new(text);
    let mut prev_end = 0;
    for t in &doc.tokens {
        prop_assert!(prev_end <= t.start && t.start < t.end && t.end <= text.len());
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        prop_assert!((t.sentence as usize) < doc.sentences.len());
        prev_end = t.end;
    }
    let mut next_tok = 0;
    for (si, s) in doc.sentences.iter().enumerate() {
        prop_assert_eq!(
            s.first,
            next_tok,
            "sentence {} does not follow the previous one",
            si
        );
        prop_assert!(s.first < s.last && s.last <= doc.tokens.len());
        prop_assert_eq!(s.start, doc.tokens[s.first].start);
        prop_assert_eq!(s.end, doc.tokens[s.last - 1].end);
        prop_assert!((s.paragraph as usize) < doc.paragraphs.len());
        next_tok = s.last;
    }
    prop_assert_eq!(next_tok, doc.tokens.len());
    let mut next_sent = 0;
    for p in &doc.paragraphs {
        prop_assert_eq!(p.first, next_sent);
        prop_assert!(p.first < p.last && p.last <= doc.sentences.len());
        next_sent = p.last;
    }
    prop_assert_eq!(next_sent, doc.sentences.len());
    // Words: whitespace-separated runs with a letter or digit.
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    prop_assert_eq!(words, doc.word_count());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(text in any_text()) {
        holds(&text, &Options::default())?;
    }

    #[test]
    fn tricky_characters(text in tricky_text(), options in options()) {
        holds(&text, &options)?;
    }

    #[test]
    fn news_like_text(text in news_text()) {
        holds(&text, &Options::default())?;
    }

    #[test]
    fn news_like_text_any_options(text in news_text(), options in options()) {
        holds(&text, &options)?;
    }

    #[test]
    fn segmentation_tiles_the_text(text in prop_oneof![any_text(), tricky_text(), news_text()]) {
        doc_holds(&text)?;
    }
}

/// Seconds for the fastest of `runs` analyses of `text`.
fn best_time(text: &str, runs: usize) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(analyze(text, &Options::default()));
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

/// Asserts that analyzing `big` (≈ 8 × `small` in bytes) takes at most 16 × as long: linear with
/// a generous margin for a noisy, shared machine in a debug build. A quadratic stage gives ≈ 64 ×.
fn assert_linear(name: &str, small: &str, big: &str) {
    let a = analyze(big, &Options::default());
    invariants::check(big, &a).unwrap_or_else(|e| panic!("{name}: {e}"));
    // One shape timed at a time: the test harness runs tests in parallel, and timings taken
    // while other shapes compete for the cores are what made these checks noisy.
    static TIMING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    // (Best of several runs: one preempted run on a shared machine doubled a 1 ms timing and
    // failed the nested-quotes shape once, under a concurrent fuzzing job.)
    // And up to three attempts: a quadratic step fails every one (≈ ×64), while a burst of load
    // from another process (it failed once more this way, beside a fuzzing job) rarely lasts.
    let size_ratio = big.len() as f64 / small.len() as f64;
    let mut ratio = f64::MAX;
    for _ in 0..3 {
        let ts = best_time(small, 5).max(1e-3);
        let tb = best_time(big, 3);
        ratio = tb / ts;
        eprintln!(
            "{name}: {} B in {:.1} ms, {} B in {:.1} ms: time ×{ratio:.1} for size ×{size_ratio:.1}",
            small.len(),
            ts * 1e3,
            big.len(),
            tb * 1e3
        );
        if ratio <= 2.0 * size_ratio {
            break;
        }
    }
    assert!(
        ratio <= 2.0 * size_ratio,
        "{name}: time grew ×{ratio:.1} for ×{size_ratio:.1} the text (super-linear)"
    );
}

/// The same shape at n and 8n bytes.
fn linear_shape(name: &str, make: impl Fn(usize) -> String, n: usize) {
    assert_linear(name, &make(n), &make(8 * n));
}

#[test]
fn linear_time_article_text() {
    linear_shape("article", |n| synth::article(7, n), 64 * 1024);
}

#[test]
fn linear_time_one_huge_paragraph() {
    linear_shape(
        "one paragraph",
        |n| synth::article(11, n).replace("\n\n", " "),
        64 * 1024,
    );
}

#[test]
fn linear_time_many_short_lines() {
    let make = |n: usize| {
        let mut r = synth::Rng::new(5);
        let mut s = String::new();
        while s.len() < n {
            let words = [
                "Smith said",
                "“Yes”",
                "In Paris",
                "2021",
                "he told",
                "the U.N.",
            ];
            s.push_str(r.pick(&words));
            s.push('\n');
        }
        s
    };
    linear_shape("short lines", make, 64 * 1024);
}

#[test]
fn linear_time_quote_marks() {
    // 100 000 quote marks at the large size, of every kind, unbalanced.
    let unit = "“\"”‘’«»„' ";
    let make = |n: usize| unit.repeat(n / unit.len());
    let big = make(8 * 40 * 1024);
    assert!(
        big.matches(['“', '"', '”', '‘', '’', '«', '»', '„', '\''])
            .count()
            >= 100_000
    );
    linear_shape("quote marks", make, 40 * 1024);
}

#[test]
fn linear_time_nested_quotes() {
    // Deeply nested openers, then as many closers, with words and speech verbs between.
    let make = |n: usize| {
        let k = n / 40;
        let mut s = String::new();
        for i in 0..k {
            s.push_str(if i % 2 == 0 {
                "“Smith said "
            } else {
                "‘ he told "
            });
        }
        for i in 0..k {
            s.push_str(if i % 2 == 0 { "now,’ " } else { "it.” " });
        }
        s
    };
    // (128 KB: at 32 KB the small run took 1 ms, too short to time reliably.)
    linear_shape("nested quotes", make, 128 * 1024);
}

#[test]
fn linear_time_capitalised_words() {
    let make = |n: usize| {
        let mut r = synth::Rng::new(3);
        let mut s = String::new();
        while s.len() < n {
            s.push_str(r.pick(&["Smith", "Jones", "Paris", "Apple", "Union", "New", "Gen."]));
            s.push(' ');
        }
        s
    };
    linear_shape("capitalised words", make, 32 * 1024);
}
