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

/// The language whose common function words the text uses most: English, or one of six other
/// European languages of the news (so that the page can say its results will be poor), or `und`.
/// Each list leaves out words that are common in English text too ("in", "a", "die", "no",
/// "per", "con", "met", and "von" or "van" of English-language names).
fn guess_language(doc: &Doc) -> &'static str {
    const LANGS: [(&str, WordList); 7] = [
        (
            "en",
            WordList::new(&[
                "a", "and", "are", "as", "at", "be", "by", "for", "from", "have", "he", "her",
                "his", "in", "is", "it", "of", "on", "said", "that", "the", "this", "to", "was",
                "with",
            ]),
        ),
        (
            "de",
            WordList::new(&[
                "der", "das", "und", "ist", "nicht", "zu", "sich", "des", "auf", "für", "ein",
                "eine", "dem", "im", "auch", "wird", "wir", "nach", "sind", "wurde",
            ]),
        ),
        (
            "fr",
            WordList::new(&[
                "le", "la", "les", "et", "des", "une", "du", "que", "pour", "dans", "pas", "au",
                "sur", "qui", "il", "elle", "ne", "ce", "avec", "aux", "sont",
            ]),
        ),
        (
            "es",
            WordList::new(&[
                "el", "los", "las", "y", "que", "del", "se", "por", "una", "para", "es", "su",
                "lo", "como", "más", "la",
            ]),
        ),
        (
            "it",
            WordList::new(&[
                "il", "gli", "della", "che", "è", "di", "non", "una", "sono", "nel", "alla",
                "delle", "degli", "anche", "la", "le",
            ]),
        ),
        (
            "pt",
            WordList::new(&[
                "os", "e", "da", "dos", "das", "que", "não", "em", "para", "uma", "na", "é",
            ]),
        ),
        (
            "nl",
            WordList::new(&[
                "de", "het", "een", "en", "dat", "niet", "zijn", "voor", "op", "ook", "te", "aan",
                "wordt",
            ]),
        ),
    ];
    let mut words = 0usize;
    let mut hits = [0usize; LANGS.len()];
    for i in 0..doc.tokens.len().min(2000) {
        if doc.tokens[i].kind == text::TokenKind::Word {
            words += 1;
            let w = doc.tok(i);
            if let Some(p) = text::Probe::new(w).filter(|_| w.len() <= 6) {
                hits[0] += usize::from(LANGS[0].1.has(p));
                // Not in capitals: "NA / NA" in a table is no Portuguese.
                if !doc.tokens[i].all_caps || w.len() == 1 {
                    for (h, (_, list)) in hits.iter_mut().zip(&LANGS).skip(1) {
                        *h += usize::from(list.has(p));
                    }
                }
            }
        }
    }
    // The first of the most used (English on a tie).
    let (best, &top) = hits
        .iter()
        .enumerate()
        .fold((0, &0), |b, h| if *h.1 > *b.1 { h } else { b });
    // Another language needs a few of its words (a short English text can hold one or two:
    // "No service.. But good food.." is not Portuguese).
    if best != 0 && top >= 3 {
        LANGS[best].0
    } else if words > 0 && hits[0] * 100 >= words * 5 {
        "en"
    } else {
        "und"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(text: &str) -> &'static str {
        guess_language(&Doc::new(text))
    }

    #[test]
    fn languages_of_the_news() {
        for (text, lang) in [
            ("Der Kanzler hat am Dienstag in Berlin gesagt, dass die Regierung auch im Winter nicht auf die Hilfe für die Ukraine verzichten wird.", "de"),
            ("Le président a annoncé mardi à Paris que le gouvernement ne renoncera pas aux aides pour les familles dans la crise.", "fr"),
            ("El presidente anunció el martes en Madrid que el Gobierno no renunciará a las ayudas para las familias en la crisis.", "es"),
            ("Il presidente ha annunciato martedì a Roma che il governo non rinuncerà agli aiuti per le famiglie della crisi.", "it"),
            ("O presidente anunciou na terça-feira em Lisboa que o governo não vai desistir das ajudas para as famílias e os jovens.", "pt"),
            ("De premier heeft dinsdag in Den Haag gezegd dat het kabinet ook in de winter niet zal afzien van de steun aan de gezinnen.", "nl"),
            ("The president said on Tuesday in Washington that the government will not give up on its aid to families during the crisis.", "en"),
            // English with other languages' words in names, abbreviations and loans.
            ("Ursula von der Leyen met Jan van der Berg and MIT researchers in Des Moines; no deal was reached, per the statement, and the con was exposed.", "en"),
            ("No service.. But good food..", "und"),
            ("", "und"),
            ("北京时间周一，习近平在北京说：“我们将继续努力。”", "und"),
        ] {
            assert_eq!(language(text), lang, "{text}");
        }
    }
}
