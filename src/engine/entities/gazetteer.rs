//! Name lists (countries, places, nationalities, first names with gender), built by
//! `scripts/build-lexicons.py` from openly licensed packages (see `data/ner/SOURCES.md`).
//!
//! The list is a text file of `class<TAB>phrase` lines (embedded front-coded by `engine/build.rs`,
//! see [`crate::packed`]), parsed once into a hash table keyed by the phrase's lower-cased token
//! sequence, hashed exactly as the tagger hashes tokens.

use super::features::{lower_hash, HashKeyed};
use crate::text::{tokenize_into, Doc, Token};
use std::sync::OnceLock;

/// A country name ("Russia", "United States").
pub const COUNTRY: u8 = 1;
/// A city, state or region.
pub const PLACE: u8 = 2;
/// A nationality or demonym ("Russian").
pub const DEMONYM: u8 = 4;
/// A common first name.
pub const FIRST_NAME: u8 = 8;
/// Mostly a male first name.
pub const MALE: u8 = 16;
/// Mostly a female first name.
pub const FEMALE: u8 = 32;
/// The classes the tagger sees as a feature (gender is for pronoun resolution).
pub const FEATURE_MASK: u8 = COUNTRY | PLACE | DEMONYM | FIRST_NAME;
/// Internal: the key is a proper prefix of a listed phrase ("new" of "new york"), so a longer
/// match may follow; without it the phrase scan stops (most tokens start no phrase).
const PREFIX: u8 = 64;
/// Every class bit.
const CLASSES: u8 = !PREFIX;

/// `data/ner/gazetteer.tsv`, front-coded per class by the build script.
const PACKED: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer.fc"));
/// Longest phrase in tokens.
const MAX_LEN: usize = 4;

/// The parsed lists.
pub struct Gaz {
    map: HashKeyed<u8>,
}

impl Gaz {
    /// Parses `class<TAB>phrase` lines; classes are letters: `c` country, `p` place, `d` demonym,
    /// `m`/`f`/`u` first name (male, female, either).
    pub fn parse(list: &str) -> Gaz {
        let mut gaz = Gaz {
            map: HashKeyed::default(),
        };
        let mut buf = Vec::new();
        for line in list.lines() {
            if let Some((cls, phrase)) = line.split_once('\t') {
                gaz.add(cls, phrase, &mut buf);
            }
        }
        gaz
    }

    /// Parses the build script's form of the list: per class a line of DEL and the class letter,
    /// then the class's phrases front-coded. Stops at a malformed block (the data is ours and
    /// tested).
    pub fn parse_packed(packed: &str) -> Gaz {
        let mut gaz = Gaz {
            map: HashKeyed::default(),
        };
        // One key per phrase plus the prefix keys of the few longer ones: sized once, not rehashed
        // a dozen times while growing.
        gaz.map
            .reserve(packed.bytes().filter(|&b| b == b'\n').count());
        let mut buf = Vec::new();
        for block in packed.split('\x7f').skip(1) {
            let Some((cls, coded)) = block.split_once('\n') else {
                break;
            };
            if !crate::packed::front_decode(coded, |phrase| gaz.add(cls, phrase, &mut buf)) {
                break;
            }
        }
        gaz
    }

    /// Adds one phrase of class `cls` (`buf`: scratch space for its tokens).
    fn add(&mut self, cls: &str, phrase: &str, buf: &mut Vec<Token>) {
        let map = &mut self.map;
        let bits = match cls {
            "c" => COUNTRY,
            "p" => PLACE,
            "d" => DEMONYM,
            "m" => FIRST_NAME | MALE,
            "f" => FIRST_NAME | FEMALE,
            "u" => FIRST_NAME,
            _ => return,
        };
        // Most phrases are one ASCII word, which is one token: no tokenizer needed.
        if !phrase.is_empty() && phrase.bytes().all(|b| b.is_ascii_alphanumeric()) {
            *map.entry(step(0, lower_hash(phrase))).or_default() |= bits;
            return;
        }
        tokenize_into(phrase, buf);
        if buf.is_empty() || buf.len() > MAX_LEN {
            return;
        }
        let mut h = 0u64;
        for (i, t) in buf.iter().enumerate() {
            if i > 0 {
                *map.entry(h).or_default() |= PREFIX;
            }
            h = step(h, lower_hash(t.text(phrase)));
        }
        *map.entry(h).or_default() |= bits;
    }

    /// Classes of the exact lower-cased phrase, 0 if absent.
    pub fn lookup(&self, phrase: &str) -> u8 {
        let mut toks = Vec::new();
        tokenize_into(phrase, &mut toks);
        let mut h = 0u64;
        for t in &toks {
            h = step(h, lower_hash(t.text(phrase)));
        }
        self.map.get(&h).map_or(0, |&b| b & CLASSES)
    }

    /// Classes of a single word (no allocation).
    pub fn lookup_word(&self, word: &str) -> u8 {
        self.map
            .get(&step(0, lower_hash(word)))
            .map_or(0, |&b| b & CLASSES)
    }

    /// Number of distinct phrases.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The entry of the one-word key with lower-case hash `lower` ([`classes`]' first step).
    pub fn first_step(&self, lower: u64) -> Option<u8> {
        self.map.get(&step(0, lower)).copied()
    }
}

/// The key of a phrase extended by one token: one multiply-xorshift round (the token hashes are
/// well mixed already; the keys never leave the process: the table is built from the list at
/// startup, so the round is ours to choose).
fn step(h: u64, tok: u64) -> u64 {
    let x = (h ^ tok.rotate_left(17)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 29)
}

/// The shipped lists, parsed on first use.
pub fn shipped() -> &'static Gaz {
    static GAZ: OnceLock<Gaz> = OnceLock::new();
    GAZ.get_or_init(|| Gaz::parse_packed(PACKED))
}

/// For each token, the classes of the longest listed phrase covering it (within a sentence);
/// `lower(j)` is token `j`'s [`lower_hash`], `first(j)` its one-word entry
/// ([`Gaz::first_step`], which the caller may cache per distinct word).
pub fn classes(
    doc: &Doc,
    gaz: &Gaz,
    lower: impl Fn(usize) -> u64,
    mut first: impl FnMut(usize) -> Option<u8>,
) -> Vec<u8> {
    let n = doc.tokens.len();
    let mut out = vec![0u8; n];
    if gaz.is_empty() {
        return out;
    }
    let mut i = 0;
    while i < n {
        let sent = doc.tokens[i].sentence;
        let mut h = 0u64;
        let mut best: Option<(usize, u8)> = None;
        for len in 1..=MAX_LEN {
            let j = i + len - 1;
            if j >= n || doc.tokens[j].sentence != sent {
                break;
            }
            let entry = if len == 1 {
                first(i)
            } else {
                if len == 2 {
                    h = step(0, lower(i));
                }
                h = step(h, lower(j));
                gaz.map.get(&h).copied()
            };
            let Some(b) = entry else { break };
            if b & CLASSES != 0 {
                best = Some((len, b & CLASSES));
            }
            if b & PREFIX == 0 {
                break;
            }
        }
        match best {
            Some((len, b)) => {
                for o in &mut out[i..i + len] {
                    *o |= b;
                }
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded front-coded list means exactly what `data/ner/gazetteer.tsv` says.
    #[test]
    fn packed_list_equals_the_readable_one() {
        let tsv = include_str!("../../../data/ner/gazetteer.tsv");
        let (a, b) = (Gaz::parse(tsv), Gaz::parse_packed(PACKED));
        assert!(a.map.len() > 10_000);
        assert_eq!(a.map, b.map);
        assert_eq!(b.lookup("New York") & PLACE, PLACE);
        // States and provinces, diacritics folded; not those that are people's names too.
        for state in ["Kerala", "Punjab", "Bihar", "Bihār", "Queensland", "Sindh"] {
            assert_eq!(b.lookup(state) & PLACE, PLACE, "{state}");
        }
        assert_eq!(b.lookup("Hidalgo") & PLACE, 0);
        // The one-word shortcut of `add` is what the tokenizer would have made of such phrases.
        let mut toks = Vec::new();
        for phrase in tsv.lines().filter_map(|l| l.split_once('\t')).map(|p| p.1) {
            if !phrase.is_empty() && phrase.bytes().all(|b| b.is_ascii_alphanumeric()) {
                tokenize_into(phrase, &mut toks);
                assert_eq!((toks.len(), toks[0].end), (1, phrase.len()), "{phrase}");
            }
        }
        // A cut list keeps what came before the cut and never panics.
        for cut in (0..PACKED.len()).step_by(997) {
            if PACKED.is_char_boundary(cut) {
                assert!(Gaz::parse_packed(&PACKED[..cut]).map.len() <= b.map.len());
            }
        }
    }
}
