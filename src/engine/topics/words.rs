//! The document's vocabulary, built once and shared by the key-phrase and category scorers.
//!
//! Each word token gets a word id. The entity stage has numbered the distinct words already
//! ([`WordIds`]); here each of them is looked up once per document in a per-thread cache of what
//! a word is (stem, stop word, model entries), so only a word never seen before is stemmed.

use crate::entities::features::WordIds;
use crate::text::Doc;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub use crate::hash::{key, FxHasher, FxMap, FxSet};

/// Marks tokens that are not words (numbers, punctuation).
pub const NONE: u32 = u32::MAX;

/// One distinct lower-cased word. Plain data: copying it out of the per-thread cache touches no
/// other memory (the strings were `Rc`s once, and their reference counts cost a cache miss each).
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// [`key`] of the stem: what the models' tables are keyed by, so lookups compare no strings.
    pub stem_key: u64,
    /// The stem as a [`StemHash`], for phrase keys over concatenated stems.
    pub stem_hash: StemHash,
    /// Occurrences in the document.
    pub count: u32,
    /// The byte range of its first occurrence in the text (see [`Words::lower`]).
    first: (u32, u32),
    /// The stem's entry in the shipped category model (a copy: one cache miss less per word).
    pub category: super::categories::Entry,
    /// The stem's commonness in the shipped list (`Common::get_key`), if listed.
    pub common: Option<f32>,
    /// A function word or a word too generic to stand alone as a chip.
    pub stop: bool,
    /// What the key-phrase stage asks of the word (`keyphrases::word_flags`).
    pub flags: u8,
    /// Characters in the lower-cased form (at most 255).
    pub chars: u8,
}

/// A polynomial hash of a stem's bytes with the base raised to its length, so that the hash of
/// concatenated stems is built from the parts: `h(ab) = h(a)·B^|b| + h(b)` ("Solar Winds" and
/// "SolarWinds" share a key without any string being concatenated).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StemHash {
    pub hash: u64,
    pub pow: u64,
}

impl StemHash {
    const BASE: u64 = 0x0000_0100_0000_01b3;

    /// The hash of `s`.
    pub fn of(s: &str) -> StemHash {
        let (mut hash, mut pow) = (0u64, 1u64);
        for &b in s.as_bytes() {
            hash = hash.wrapping_mul(Self::BASE).wrapping_add(b as u64 + 1);
            pow = pow.wrapping_mul(Self::BASE);
        }
        StemHash { hash, pow }
    }

    /// The hash of a phrase so far (`h`) continued by this stem.
    pub fn extend(self, h: u64) -> u64 {
        h.wrapping_mul(self.pow).wrapping_add(self.hash)
    }
}

/// Word ids per token and the distinct words.
#[derive(Debug, Clone, Default)]
pub struct Words<'a> {
    /// For each token of the doc: its word id, or [`NONE`].
    pub ids: Vec<u32>,
    /// Distinct words, indexed by id.
    pub vocab: Vec<Word>,
    /// The document's text.
    text: &'a str,
}

/// A `HashMap` keyed by [`key`] values, which are hashes already: the key is its own hash.
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// Passes a `u64` key through as its hash (see [`KeyMap`]).
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// What a word is regardless of the document: cached per thread, keyed by the entity stage's
/// hash of the lower-cased token ([`WordIds::lowers`]).
#[derive(Clone, Copy)]
struct Facts {
    /// The word of ours (letters and digits, lower-cased: `U.S.` and `US` share it) in
    /// [`Cache::slots`]; [`NONE`] for a token with neither (not a word here).
    slot: u32,
    /// Another token form maps to the same word of ours ("U.S." and "US"): the word's document
    /// id is then kept in [`Cache::slots`] (for the others, each word of the entity stage is a
    /// word of ours, and no shared state is read).
    shared: bool,
    /// The line holding these facts is in use (here rather than in [`Line`]: it fits in the
    /// padding, and the line in 64 bytes).
    used: bool,
    stem_key: u64,
    stem_hash: StemHash,
    category: super::categories::Entry,
    common: Option<f32>,
    stop: bool,
    flags: u8,
    chars: u8,
}

/// One slot of [`Cache::lines`]: a cache line holding its key and facts, so that a lookup of a
/// word cached earlier costs one memory access (the cache outgrows the processor's caches, and
/// the entity stage, which runs just before, evicts it).
#[derive(Clone, Copy)]
#[repr(align(64))]
struct Line {
    lower: u64,
    facts: Facts,
}

/// The per-thread cache of [`Facts`].
#[derive(Default)]
struct Cache {
    /// Open addressing (linear probing) by the entity stage's hash of the lower-cased token; a
    /// power of two long, at most half full.
    lines: Vec<Line>,
    /// Lines in use.
    len: usize,
    /// Our words' slots by [`key`] of their form (read only when a word is new to the cache).
    slot_of: KeyMap<u32>,
    /// Per word of ours: the document (epoch) that last met it and its id there (kept up to date
    /// for shared words only), and the first token form that mapped to it.
    slots: Vec<(u64, u32, u64)>,
    /// The current document.
    epoch: u64,
    /// A form met in the current document made a word shared: facts copied before that still
    /// say unshared, so this document's ids all go through `slots`.
    reshared: bool,
}

/// Lines of an empty cache's first table.
const MIN_LINES: usize = 1 << 10;
/// Cached forms at which the cache is full: a document's further new words are looked up but not
/// kept, and the next document starts over (bounds the table at 2^17 lines of 64 bytes, 8 MB,
/// even for a text of a million distinct tokens).
const MAX_CACHED: usize = 1 << 16;

impl Cache {
    /// The line index where a probe for `lower` starts.
    fn home(&self, lower: u64) -> usize {
        let bits = self.lines.len().trailing_zeros();
        (lower.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
    }

    /// The cached facts of `lower`, if any.
    fn get(&self, lower: u64) -> Option<&Facts> {
        if self.lines.is_empty() {
            return None;
        }
        let mask = self.lines.len() - 1;
        let mut i = self.home(lower);
        loop {
            let l = &self.lines[i];
            if !l.facts.used {
                return None;
            }
            if l.lower == lower {
                return Some(&l.facts);
            }
            i = (i + 1) & mask;
        }
    }

    /// Loads the home line of each key in `lowers` (a sum that is not used: loads with nothing
    /// waiting on them, which the processor overlaps).
    fn touch(&self, lowers: &[u64]) {
        if self.lines.is_empty() {
            return;
        }
        let mut sum = 0u64;
        for &lower in lowers {
            sum = sum.wrapping_add(self.lines[self.home(lower)].lower);
        }
        std::hint::black_box(sum);
    }

    /// Where `lower` is or would go.
    fn place(&self, lower: u64) -> usize {
        let mask = self.lines.len() - 1;
        let mut i = self.home(lower);
        while self.lines[i].facts.used && self.lines[i].lower != lower {
            i = (i + 1) & mask;
        }
        i
    }

    /// Stores `facts` for `lower` (growing the table first when it would be over half full).
    fn put(&mut self, lower: u64, facts: Facts) {
        if (self.len + 1) * 2 > self.lines.len() {
            let size = (self.lines.len() * 2).max(MIN_LINES);
            let old = std::mem::replace(&mut self.lines, vec![Line::EMPTY; size]);
            for l in old.into_iter().filter(|l| l.facts.used) {
                let i = self.place(l.lower);
                self.lines[i] = l;
            }
        }
        let i = self.place(lower);
        if !self.lines[i].facts.used {
            self.len += 1;
        }
        self.lines[i] = Line {
            lower,
            facts: Facts {
                used: true,
                ..facts
            },
        };
    }

    /// Forgets everything (the words' ids restart too).
    fn clear(&mut self) {
        self.lines = Vec::new();
        self.len = 0;
        self.slot_of.clear();
        self.slots.clear();
    }

    /// Caches the facts of `token`, whose lower-cased hash is `lower`.
    fn insert(&mut self, lower: u64, token: &str) -> Facts {
        let (mut f, key) = Facts::of(token);
        if let Some(key) = key {
            let next = self.slots.len() as u32;
            f.slot = *self.slot_of.entry(key).or_insert(next);
            if f.slot == next {
                self.slots.push((0, 0, lower));
            } else if let Some(first) = self.slots.get(f.slot as usize).map(|s| s.2) {
                // A second form of one word of ours: both now keep their id in `slots`.
                f.shared = true;
                self.reshared = true;
                if !self.lines.is_empty() {
                    let i = self.place(first);
                    if self.lines[i].facts.used {
                        self.lines[i].facts.shared = true;
                    }
                }
            }
        }
        if self.len < MAX_CACHED {
            self.put(lower, f);
        }
        f
    }
}

impl Line {
    const EMPTY: Line = Line {
        lower: 0,
        facts: Facts {
            slot: NONE,
            shared: false,
            used: false,
            stem_key: 0,
            stem_hash: StemHash { hash: 0, pow: 1 },
            category: super::categories::Entry::NONE,
            common: None,
            stop: false,
            flags: 0,
            chars: 0,
        },
    };
}

impl Facts {
    /// The facts of a token, with the [`key`] of its form (`None` when it has no letter or
    /// digit); its slot is set by [`Cache::insert`].
    fn of(token: &str) -> (Facts, Option<u64>) {
        thread_local! {
            static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
        }
        let mut buf = String::new();
        lower_into(token, &mut buf);
        let stem = STEMMER.with(|st| stem(st, &buf));
        let stem_key = key(&stem);
        let facts = Facts {
            slot: NONE,
            shared: false,
            used: false,
            stem_key,
            stem_hash: StemHash::of(&stem),
            stop: is_stopword(&buf),
            category: super::categories::model().entry_record(stem_key),
            common: super::keyphrases::shipped().0.get_key(stem_key),
            flags: super::keyphrases::word_flags(token, &buf),
            chars: buf.chars().count().min(255) as u8,
        };
        (facts, (!buf.is_empty()).then(|| key(&buf)))
    }
}

impl<'a> Words<'a> {
    /// Builds the vocabulary of `doc` from the entity stage's numbering of its words (`words`,
    /// [`crate::entities::Found::words`]; numbered here when it does not fit the document).
    pub fn new(doc: &Doc<'a>, words: &WordIds) -> Words<'a> {
        use std::cell::RefCell;
        thread_local! {
            static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
        }
        let own;
        let n = doc.tokens.len();
        let fits = words.ids.len() == n
            && words.first.len() == words.lowers.len()
            && words.first.iter().all(|&i| (i as usize) < n);
        let words = if fits {
            words
        } else {
            own = WordIds::of(doc);
            &own
        };
        // The entity stage's words are told apart by case-folded form, ours by letters and digits
        // only: each of its words maps to one of ours ("U.S." and "US" to "us").
        let mut ours = vec![NONE; words.lowers.len()];
        let mut vocab: Vec<Word> =
            Vec::with_capacity(super::keyphrases::presize(words.lowers.len()));
        let mut ids = Vec::with_capacity(doc.tokens.len());
        CACHE.with(|cache| {
            let cache = &mut *cache.borrow_mut();
            // Stems stay the same from one document to the next; clear now and then to bound memory.
            if cache.len >= MAX_CACHED {
                cache.clear();
            }
            // Each document (each attempt at it) is an epoch: a word of ours met first in it gets
            // its id there, so no per-document index is needed.
            cache.reshared = false;
            // The table outgrows the processor's caches in a long batch: its lines are first
            // only touched, all loads in flight at once, before the probes that use them.
            cache.touch(&words.lowers);
            // Ids are numbered in order of first occurrence, so resolving the entity stage's
            // words in id order numbers ours in the same order. A word of ours with several forms
            // ("U.S.", "US") keeps its id in `slots`; when a form met in this document makes a
            // word shared, words resolved before did not record theirs: start over, every word
            // through `slots` (rare: new forms only).
            let mut all_slots = false;
            'resolve: loop {
                cache.epoch += 1;
                let epoch = cache.epoch;
                vocab.clear();
                ours.fill(NONE);
                for (e, slot) in ours.iter_mut().enumerate() {
                    let lower = words.lowers[e];
                    let f = match cache.get(lower) {
                        Some(f) => *f,
                        None => {
                            let t = &doc.tokens[words.first[e] as usize];
                            let f = cache.insert(lower, &doc.text[t.start..t.end]);
                            if cache.reshared && !all_slots {
                                all_slots = true;
                                continue 'resolve;
                            }
                            f
                        }
                    };
                    if f.slot == NONE {
                        continue;
                    }
                    let id = if f.shared || all_slots {
                        let Some(s) = cache.slots.get_mut(f.slot as usize) else {
                            continue;
                        };
                        if s.0 == epoch {
                            *slot = s.1;
                            continue;
                        }
                        *s = (epoch, vocab.len() as u32, s.2);
                        s.1
                    } else {
                        vocab.len() as u32
                    };
                    let t = &doc.tokens[words.first[e] as usize];
                    vocab.push(Word {
                        stem_key: f.stem_key,
                        stem_hash: f.stem_hash,
                        count: 0,
                        first: (t.start as u32, t.end as u32),
                        category: f.category,
                        common: f.common,
                        stop: f.stop,
                        flags: f.flags,
                        chars: f.chars,
                    });
                    *slot = id;
                }
                break;
            }
        });
        for &e in &words.ids {
            let id = ours.get(e as usize).copied().unwrap_or(NONE);
            if let Some(w) = vocab.get_mut(id as usize) {
                w.count += 1;
            }
            ids.push(id);
        }
        Words {
            ids,
            vocab,
            text: doc.text,
        }
    }

    /// The lower-cased form of word `w` (letters and digits only).
    // `Text` is `String` in the wasm build: the final conversion is then a no-op.
    #[allow(clippy::useless_conversion)]
    pub fn lower(&self, w: &Word) -> crate::model::Text {
        let (start, end) = (w.first.0 as usize, w.first.1 as usize);
        let word = self.text.get(start..end).unwrap_or("");
        // Natively, short ASCII words (nearly all) through a buffer on the stack: no allocation
        // (`Text` keeps them inline). In the wasm build `Text` is a `String` anyway.
        let mut buf = [0u8; 23];
        if cfg!(not(target_arch = "wasm32")) && word.is_ascii() && word.len() <= buf.len() {
            let mut n = 0;
            for b in word.bytes().filter(u8::is_ascii_alphanumeric) {
                buf[n] = b.to_ascii_lowercase();
                n += 1;
            }
            return crate::model::Text::from(std::str::from_utf8(&buf[..n]).unwrap_or_default());
        }
        let mut out = String::new();
        lower_into(word, &mut out);
        out.into()
    }

    /// The word at token `i`, if it is one.
    pub fn at(&self, i: usize) -> Option<&Word> {
        let id = *self.ids.get(i)?;
        self.vocab.get(id as usize)
    }
}

/// `ln(1 + n)` for a count, from a table for small counts (the same value, without a `logf` call
/// for each of a document's many words and phrases).
pub fn ln_1p_count(n: u32) -> f32 {
    use std::sync::OnceLock;
    static TABLE: OnceLock<[f32; 64]> = OnceLock::new();
    let table = TABLE.get_or_init(|| std::array::from_fn(|k| (1.0 + k as f32).ln()));
    match table.get(n as usize) {
        Some(&v) => v,
        None => (1.0 + n as f32).ln(),
    }
}

/// The Snowball English stem of a lower-cased word (for the training tools; the engine caches
/// [`Word::stem_key`] and [`Word::stem_hash`] instead).
pub fn stem_of(lower: &str) -> String {
    stem(&Stemmer::create(Algorithm::English), lower).into_owned()
}

/// How common `word` (any case) is in news text: the shipped commonness of its stem, in 0..=1
/// (`None` for a rare word). For the entity stage's rare questions; the topic stage reads
/// [`Word::common`].
pub fn commonness(word: &str) -> Option<f32> {
    let mut lower = String::new();
    lower_into(word, &mut lower);
    let st = stem(&Stemmer::create(Algorithm::English), &lower);
    super::keyphrases::shipped().0.get(&st)
}

/// The stem of a lower-cased word.
fn stem<'w>(stemmer: &Stemmer, lower: &'w str) -> std::borrow::Cow<'w, str> {
    // Snowball's English stemmer is quadratic in the word's length (a 1 MB "word" took minutes);
    // no English word is this long, so very long tokens stay as they are.
    if lower.len() > 64 {
        return lower.into();
    }
    stemmer.stem(lower)
}

/// Lower-cases `word` into `out`, keeping letters and digits only (so `U.S.` → `us`, `well-known`
/// → `wellknown`, `Biden’s` → `bidens`): the form the gold key phrases and the models use.
pub fn lower_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(
            word.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase() as char),
        );
        return;
    }
    for c in word.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
}

/// Function words and reporting words that never make a chip on their own (written by hand).
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "at",
    "away",
    "back",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "came",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "enough",
    "etc",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "getting",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "let",
    "like",
    "likely",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mostly",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "never",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "onto",
    "or",
    "other",
    "others",
    "otherwise",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "perhaps",
    "put",
    "rather",
    "really",
    "s",
    "said",
    "same",
    "say",
    "says",
    "see",
    "seen",
    "several",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "something",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "thing",
    "things",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "told",
    "too",
    "took",
    "toward",
    "towards",
    "under",
    "unless",
    "until",
    "up",
    "upon",
    "us",
    "use",
    "used",
    "very",
    "via",
    "was",
    "way",
    "we",
    "well",
    "were",
    "what",
    "whatever",
    "when",
    "whenever",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whole",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "don't",
    "dont",
    "didnt",
    "doesnt",
    "isnt",
    "wasnt",
    "wont",
    "cant",
    "couldnt",
    "wouldnt",
    "im",
    "ive",
    "youre",
    "theyre",
    "thats",
    "whats",
    "lets",
    "also",
    "just",
    "told",
    "asked",
    "added",
    "according",
    "including",
    "new",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "first",
    "second",
    "third",
    "yesterday",
    "today",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "day",
    "days",
    "time",
    "times",
    "people",
    "lot",
    "lots",
    "part",
    "issue",
    "issues",
    "statement",
    "president",
    "presidents",
    "presidential",
    "official",
    "officials",
    "report",
    "reports",
    "reported",
    "news",
    "says",
    "saying",
    "going",
    "want",
    "wants",
    "wanted",
    "think",
    "know",
    "come",
    "comes",
    "go",
    "goes",
    "went",
    "take",
    "takes",
    "give",
    "gives",
    "given",
    "tell",
    "tells",
    "went",
    "called",
    "call",
    "based",
    "number",
    "way",
    "ways",
    "good",
    "great",
    "big",
    "small",
    "large",
    "long",
    "old",
    "high",
    "low",
    "recent",
    "recently",
    "former",
    "early",
    "later",
    "latest",
    "late",
    "end",
    "set",
    "need",
    "needs",
    "including",
    "told",
    "certain",
    "able",
    "whose",
    "furthermore",
    "meanwhile",
    "moreover",
    "nevertheless",
    "instead",
    "indeed",
    "despite",
    "amid",
    "besides",
    "beyond",
    "hence",
    "whereas",
    "yes",
    "okay",
    "ok",
    "mr.",
    "mrs.",
    "dr",
    "sir",
];

pub(crate) fn is_stopword(lower: &str) -> bool {
    use std::sync::OnceLock;
    static SET: OnceLock<FxSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_with_the_same_letters_are_one_word() {
        let doc = Doc::new("The U.S. and the US agreed; U.S. officials said so.");
        let found = crate::entities::extract(&doc, None);
        for numbering in [&found.words, &WordIds::default()] {
            let words = Words::new(&doc, numbering);
            assert_eq!(words.ids.len(), doc.tokens.len());
            let us: Vec<&Word> = words
                .vocab
                .iter()
                .filter(|w| words.lower(w) == "us")
                .collect();
            assert_eq!(us.len(), 1, "one word for U.S. and US");
            assert_eq!(us[0].count, 3);
            let the = words.vocab.iter().find(|w| words.lower(w) == "the");
            assert_eq!(the.map(|w| w.count), Some(2), "The and the");
            // Punctuation is no word.
            let semi = doc
                .tokens
                .iter()
                .position(|t| &doc.text[t.start..t.end] == ";");
            assert_eq!(semi.map(|i| words.ids[i]), Some(NONE));
        }
    }

    #[test]
    fn the_per_thread_cache_gives_the_same_words_across_documents() {
        // Forms of one word met in different documents, then together; and enough distinct words
        // to grow the cache's table several times and to make it start over once.
        let texts = [
            "US troops left.".to_string(),
            "The U.S. said US troops left.".to_string(),
            "US, U.S. and US again.".to_string(),
            (0..70_000)
                .map(|i| format!("w{i}x"))
                .collect::<Vec<_>>()
                .join(" "),
            "US, U.S. and US again.".to_string(),
        ];
        for text in &texts {
            let doc = Doc::new(text);
            let found = crate::entities::extract(&doc, None);
            let cached = Words::new(&doc, &found.words);
            let cached_again = Words::new(&doc, &found.words);
            for words in [&cached, &cached_again] {
                assert_eq!(words.ids.len(), doc.tokens.len());
                let mut forms: Vec<crate::model::Text> =
                    words.vocab.iter().map(|w| words.lower(w)).collect();
                let n = forms.len();
                forms.sort();
                forms.dedup();
                assert_eq!(forms.len(), n, "one word per form in {:.40}", text);
                let total: u32 = words.vocab.iter().map(|w| w.count).sum();
                let word_tokens = words.ids.iter().filter(|&&i| i != NONE).count();
                assert_eq!(total as usize, word_tokens);
                // Ids are numbered in order of first occurrence.
                let mut next = 0;
                for &id in words.ids.iter().filter(|&&i| i != NONE) {
                    assert!(id <= next);
                    next = next.max(id + 1);
                }
            }
            assert_eq!(cached.ids, cached_again.ids);
            let stems = |w: &Words| w.vocab.iter().map(|v| v.stem_key).collect::<Vec<_>>();
            assert_eq!(stems(&cached), stems(&cached_again));
            if text.contains("U.S.") {
                let us = cached.vocab.iter().filter(|w| cached.lower(w) == "us");
                assert_eq!(
                    us.map(|w| w.count).collect::<Vec<_>>(),
                    vec![text.matches("U").count() as u32]
                );
            }
        }
    }

    #[test]
    fn small_counts_come_from_the_table_unchanged() {
        for n in [0, 1, 2, 63, 64, 1000] {
            assert_eq!(ln_1p_count(n), (1.0 + n as f32).ln());
        }
    }
}
