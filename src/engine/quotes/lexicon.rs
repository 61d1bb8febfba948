//! Word lists of the quote stage, read from `data/quotes/*.txt` (compiled in) into one lookup table.

use crate::hash::FxMap;
use std::sync::OnceLock;

/// A verb form the attribution sieves look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// A labelling verb ("called", "dubbing") rather than a speech verb ("said", "adds").
    pub label: bool,
    /// The "-ing" form ("adding", "calling").
    pub participle: bool,
    /// Also a common noun ("statement", "tweets"): a verb only right after a subject.
    pub ambiguous: bool,
}

/// Gender of a first name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameGender {
    /// Usually male.
    Male,
    /// Usually female.
    Female,
}

/// Class of a noun heading a speaker phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    /// A text that "reads" or "says": statement, release.
    Document,
    /// An organization word: company, campaign.
    Organization,
    /// A group of people: officials, sources.
    Plural,
}

/// All lists.
pub struct Lexicon {
    verbs: FxMap<&'static str, Word>,
    names: FxMap<&'static str, NameGender>,
    nouns: FxMap<&'static str, Noun>,
}

const SPEECH: &str = include_str!("../../../data/quotes/speech-verbs.txt");
const LABEL: &str = include_str!("../../../data/quotes/label-verbs.txt");
const NAMES: &str = include_str!("../../../data/quotes/first-names.txt");
const NOUNS: &str = include_str!("../../../data/quotes/nouns.txt");

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut verbs = FxMap::default();
        for (file, label) in [(SPEECH, false), (LABEL, true)] {
            for l in lines(file) {
                for w in l.split_whitespace() {
                    let (w, ambiguous) = match w.strip_prefix('~') {
                        Some(rest) => (rest, true),
                        None => (w, false),
                    };
                    let v = Word {
                        label,
                        participle: w.ends_with("ing"),
                        ambiguous,
                    };
                    // Speech wins over label for words in both lists.
                    verbs.entry(w).or_insert(v);
                }
            }
        }
        let mut names = FxMap::default();
        let mut nouns = FxMap::default();
        for l in lines(NAMES) {
            let (g, rest) = match l.split_once(':') {
                Some(("m", r)) => (NameGender::Male, r),
                Some(("f", r)) => (NameGender::Female, r),
                _ => continue,
            };
            for w in rest.split_whitespace() {
                names.insert(w, g);
            }
        }
        for l in lines(NOUNS) {
            let (c, rest) = match l.split_once(':') {
                Some(("document", r)) => (Noun::Document, r),
                Some(("organization", r)) => (Noun::Organization, r),
                Some(("plural", r)) => (Noun::Plural, r),
                _ => continue,
            };
            for w in rest.split_whitespace() {
                nouns.insert(w, c);
            }
        }
        Lexicon {
            verbs,
            names,
            nouns,
        }
    })
}

impl Lexicon {
    /// The verb class of a lower-case word.
    pub fn verb(&self, lower: &str) -> Option<Word> {
        self.verbs.get(lower).copied()
    }

    /// The usual gender of a lower-case first name.
    pub fn first_name(&self, lower: &str) -> Option<NameGender> {
        self.names.get(lower).copied()
    }

    /// The class of a lower-case noun.
    pub fn noun(&self, lower: &str) -> Option<Noun> {
        self.nouns.get(lower).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let l = lexicon();
        let w = |label, participle, ambiguous| {
            Some(Word {
                label,
                participle,
                ambiguous,
            })
        };
        assert_eq!(l.verb("said"), w(false, false, false));
        assert_eq!(l.verb("adding"), w(false, true, false));
        assert_eq!(l.verb("calling"), w(true, true, false));
        assert_eq!(l.verb("tweets"), w(false, false, true));
        assert_eq!(l.first_name("hillary"), Some(NameGender::Female));
        assert_eq!(l.first_name("donald"), Some(NameGender::Male));
        assert_eq!(l.noun("statement"), Some(Noun::Document));
        assert_eq!(l.noun("officials"), Some(Noun::Plural));
    }
}
