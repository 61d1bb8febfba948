//! The extraction engine: `text → Doc → entities → quotes → topics → Analysis`.
//!
//! Each stage is a module with one entry point; each decision it makes carries the rule name and a
//! confidence into the output.

pub mod dates;
pub mod entities;
pub mod hash;
pub mod model;
pub mod offsets;
pub mod packed;
pub mod quotes;
pub mod sort;
pub mod text;
pub mod topics;

// `packed` (also compiled into the build script) names the weight packer `super::rans`.
use entities::rans;
use model::{Analysis, Meta, Options};
use text::{Doc, WordList};

/// The largest input analyzed in full (5 MiB). Longer text is cut at a character boundary before
/// this limit and `meta.truncated` is set, so the caller can say so instead of hanging.
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;

/// Analyzes an article. Never panics; every offset in the result indexes `text` on a char boundary.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let (text, truncated) = clip(text, MAX_INPUT_BYTES);
    let doc = Doc::new(text);
    let date = dates::article_date(&doc, options.article_date.as_deref());
    let words = doc.word_count();
    let meta = Meta {
        chars: text.chars().count(),
        words,
        sentences: doc.sentences.len(),
        paragraphs: doc.paragraphs.len(),
        reading_minutes: words.div_ceil(230) as u32,
        article_date: date.as_ref().map(|d| d.date.to_string()),
        article_date_source: date.as_ref().map(|d| d.source.to_string()),
        language: guess_language(&doc).to_string(),
        truncated,
    };
    let article_date = date.map(|d| d.date);
    let mut found = if options.entities || options.quotes || options.topics {
        entities::extract(&doc, article_date)
    } else {
        entities::Found::default()
    };
    let mut quotes = if options.quotes {
        quotes::extract(&doc, &mut found)
    } else {
        Vec::new()
    };
    found.publish_speaker_ids(&mut quotes);
    let topics = if options.topics {
        topics::extract(&doc, &found)
    } else {
        Default::default()
    };
    let entities = if options.entities {
        found.into_entities(&doc, &quotes)
    } else {
        Vec::new()
    };
    Analysis {
        meta,
        entities,
        quotes,
        topics,
    }
}

/// Cuts `text` to at most `max` bytes on a char boundary.
fn clip(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

/// English if enough common English function words occur; `und` otherwise.
fn guess_language(doc: &Doc) -> &'static str {
    const COMMON: WordList = WordList::new(&[
        "a", "and", "are", "as", "at", "be", "by", "for", "from", "have", "he", "her", "his", "in",
        "is", "it", "of", "on", "said", "that", "the", "this", "to", "was", "with",
    ]);
    let mut words = 0usize;
    let mut hits = 0usize;
    for i in 0..doc.tokens.len().min(2000) {
        if doc.tokens[i].kind == text::TokenKind::Word {
            words += 1;
            let w = doc.tok(i);
            if w.len() <= 4 && text::listed(&COMMON, w) {
                hits += 1;
            }
        }
    }
    if words > 0 && hits * 100 >= words * 12 {
        "en"
    } else if words == 0 {
        "und"
    } else if hits * 100 >= words * 5 {
        "en"
    } else {
        "und"
    }
}
