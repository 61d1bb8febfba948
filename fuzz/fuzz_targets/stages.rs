//! Fuzzes the stages one by one (segmentation, entities, quotes, topics) with the invariants each
//! stage promises its successor: tokens, sentences and paragraphs tile the text in order on char
//! boundaries. The end-to-end output is checked by the `analyze` target.
#![no_main]

use article_analyzer::engine::{entities, quotes, text::Doc, topics};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = Doc::new(&text);
    let mut prev_end = 0;
    for t in &doc.tokens {
        assert!(prev_end <= t.start && t.start < t.end && t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        prev_end = t.end;
    }
    let mut next = 0;
    for s in &doc.sentences {
        assert_eq!(s.first, next);
        assert!(s.first < s.last && s.last <= doc.tokens.len());
        next = s.last;
    }
    assert_eq!(next, doc.tokens.len());
    let mut next = 0;
    for p in &doc.paragraphs {
        assert_eq!(p.first, next);
        assert!(p.first < p.last && p.last <= doc.sentences.len());
        next = p.last;
    }
    assert_eq!(next, doc.sentences.len());
    let mut found = entities::extract(&doc, None);
    let quotes = quotes::extract(&doc, &mut found);
    for q in &quotes {
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end) && q.start <= q.end);
    }
    let _ = topics::extract(&doc, &found);
});
