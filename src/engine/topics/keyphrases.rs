//! Key phrases: candidates that read as chips, scored with local statistics in the spirit of YAKE
//! (Campos et al., 2020: casing, position, frequency, relatedness to context, spread over sentences),
//! a lead-position prior, a background "commonness" prior and the entity stage's names.
//!
//! Candidates are 1–3-word runs of content words inside a sentence, and the entity stage's name
//! mentions. Variants merge on the concatenation of their word stems (so "Solar Winds" and
//! "SolarWinds", "treaty" and "treaties" are one chip) and on the entity stage's clusters (so
//! "Biden" and "Joe Biden" are one chip). Each candidate gets a feature vector; a logistic model
//! whose weights `article-analyzer train topics` fits on KPCrowd train
//! (`data/topics/keyphrases.tsv`) turns it into a score in 0..1.

use super::words::{key, KeyMap, Words, NONE};
use crate::entities::Found;
use crate::hash::KeyTable;
use crate::model::{Keyphrase, Label, MentionKind, Span, Text};
use crate::sort::{from_order_bits, order_bits, Ascending};
use crate::text::{Doc, Token};
use std::borrow::Cow;
use std::sync::OnceLock;

const WEIGHTS: &str = include_str!("../../../data/topics/keyphrases.tsv");
/// `data/topics/common.tsv` and the category model's stems, packed by the build script
/// ([`crate::packed`]).
pub(crate) const STEMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/stems.bin"));

/// Chips returned.
pub const MAX_CHIPS: usize = 15;
/// Longest candidate, in words.
const MAX_WORDS: usize = 3;

/// Number of features.
pub const N_FEATURES: usize = 28;

/// Feature names, in vector order (the weights file keys on them).
pub const FEATURES: [&str; N_FEATURES] = [
    "bias",
    "log_tf",
    "tf_over_max",
    "lead_prior",
    "in_first_sentence",
    "first_position",
    "spread",
    "capitalized",
    "all_caps",
    "one_word",
    "two_words",
    "three_words",
    "entity",
    "per",
    "org",
    "loc",
    "misc",
    "commonness_mean",
    "commonness_max",
    "unknown_word",
    "relatedness",
    "verb_like",
    "long_word",
    "multiword_log_tf",
    "entity_multiword",
    "entity_commonness",
    "modifier",
    "verbal",
];

/// Words before a verb ("to discuss", "will act", "he added"): how often a candidate follows one is
/// a feature (verbs are poor chips).
const VERB_CUES: &[&str] = &[
    "to", "will", "would", "can", "could", "should", "may", "might", "must", "did", "does", "do",
    "not", "he", "she", "they", "we", "i", "it", "who", "has", "have", "had", "was", "were", "is",
    "are", "be", "been",
];

/// Words ending in -ly that are nouns, not adverbs.
const LY_NOUNS: &[&str] = &[
    "family", "assembly", "supply", "ally", "rally", "monopoly", "anomaly", "reply", "july",
    "italy", "bully", "belly", "jelly", "lily", "folly", "holly", "polly", "sally", "kelly",
    "emily", "molly", "billy", "willy", "wally", "dolly", "tally", "gully",
];

/// Whether a word can be part of a chip: not an adverb in -ly.
fn chip_word(lower: &str) -> bool {
    !(lower.len() >= 5 && lower.ends_with("ly") && !LY_NOUNS.contains(&lower))
}

/// Whether a word can end a chip: not a past form in -ed ("discussed"; "speed" and "need" are fine).
fn chip_end(lower: &str) -> bool {
    !(lower.len() >= 5 && lower.ends_with("ed") && !lower.ends_with("eed"))
}

/// [`word_flags`]: the word may stand in a chip (not a function word, at least three characters
/// with a letter, not an -ly adverb).
const CHIP_OK: u8 = 1;
/// [`word_flags`]: the word may end a chip ([`chip_end`]).
const CHIP_END: u8 = 2;
/// [`word_flags`]: a word before a verb ([`VERB_CUES`]).
const VERB_CUE: u8 = 4;
/// [`word_flags`]: ends like a verb form (-ed, -ing).
const VERB_LIKE: u8 = 8;
/// (Per token, in `candidates`:) the token continues the run of the token before it (same
/// sentence, whitespace between).
const JOINS: u8 = 16;

/// What this stage asks of a word (`token` as written, `lower` its lower-cased letters and
/// digits), computed once per word (cached with its stem).
pub fn word_flags(token: &str, lower: &str) -> u8 {
    // Titles and roles ("minister", "Secretary-General", "counterpart") say who, not what the
    // article is about.
    let title = token.split('-').all(crate::entities::tagger::is_title)
        || matches!(
            lower,
            "counterpart"
                | "counterparts"
                | "spokesperson"
                | "spokespeople"
                | "writer"
                | "editor"
                | "correspondent"
                | "reporter"
                | "columnist"
        );
    let ok = !super::words::is_stopword(lower)
        && !title
        && lower.chars().count() >= 3
        && lower.chars().any(char::is_alphabetic)
        && chip_word(lower);
    (ok as u8 * CHIP_OK)
        | (chip_end(lower) as u8 * CHIP_END)
        | (VERB_CUES.contains(&lower) as u8 * VERB_CUE)
        | ((lower.ends_with("ed") || lower.ends_with("ing")) as u8 * VERB_LIKE)
}

/// Background commonness of word stems: ln(1+df)/ln(1+N) over a news corpus, quantized to 0..=255.
#[derive(Debug, Default, Clone)]
pub struct Common {
    /// By [`key`] of the stem.
    map: KeyMap<u8>,
}

impl Common {
    /// Parses `stem<TAB>value` lines (`#` comments).
    pub fn parse(s: &str) -> Common {
        let map = s
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (w, v) = l.split_once('\t')?;
                Some((key(w), v.trim().parse().ok()?))
            })
            .collect();
        Common { map }
    }

    /// The commonness list from the build script's stem table (empty if it is malformed).
    pub fn from_stems(bin: &[u8]) -> Common {
        let mut map = KeyMap::default();
        crate::packed::stems_decode(bin, false, |w, c, _| {
            if let Some(c) = c {
                map.insert(key(w), c);
            }
        });
        Common { map }
    }

    /// Commonness in 0..=1, `None` for stems outside the list (rare words).
    pub fn get(&self, stem: &str) -> Option<f32> {
        self.get_key(key(stem))
    }

    /// [`Common::get`] by the stem's [`key`] (`Word::stem_key`).
    pub fn get_key(&self, stem_key: u64) -> Option<f32> {
        self.map.get(&stem_key).map(|&v| v as f32 / 255.0)
    }
}

/// The logistic model's weights, by feature order.
#[derive(Debug, Clone)]
pub struct Weights(pub Vec<f32>);

impl Weights {
    /// Parses `name<TAB>weight` lines; unknown names are ignored, missing ones are 0.
    pub fn parse(s: &str) -> Weights {
        let mut w = vec![0.0; FEATURES.len()];
        for l in s.lines().filter(|l| !l.starts_with('#')) {
            if let Some((name, v)) = l.split_once('\t') {
                if let (Some(i), Ok(v)) = (
                    FEATURES.iter().position(|f| *f == name),
                    v.trim().parse::<f32>(),
                ) {
                    w[i] = v;
                }
            }
        }
        Weights(w)
    }

    /// The logistic model's logit.
    pub fn logit(&self, x: &[f32]) -> f32 {
        // The shipped case, at fixed length: fully unrolled and vectorized.
        if let (Ok(w), Ok(x)) = (
            <&[f32; N_FEATURES]>::try_from(self.0.as_slice()),
            <&[f32; N_FEATURES]>::try_from(x),
        ) {
            return dot4(w, x);
        }
        // Four running sums: a single one is a chain of dependent additions.
        let mut acc = [0f32; 4];
        for (w, x) in self.0.chunks_exact(4).zip(x.chunks_exact(4)) {
            for k in 0..4 {
                acc[k] += w[k] * x[k];
            }
        }
        let n = self.0.len().min(x.len());
        let tail: f32 = (n / 4 * 4..n).map(|k| self.0[k] * x[k]).sum();
        (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
    }

    /// The logistic model's score in 0..1.
    pub fn score(&self, x: &[f32]) -> f32 {
        let z: f32 = self.0.iter().zip(x).map(|(w, x)| w * x).sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }

    /// The score with the [`chip_prior`] added to the logit (used for the first chips).
    pub fn headline_score(&self, x: &[f32]) -> f32 {
        let z: f32 = self.0.iter().zip(x).map(|(w, x)| w * x).sum::<f32>() + chip_prior(x);
        1.0 / (1.0 + (-z).exp())
    }
}

/// A hash of `s` lower-cased: the [`key`] of its lower-cased bytes (compared within one
/// document's chips only).
fn caseless_key(s: &str) -> u64 {
    // ASCII (most chips), short: lower-cased on the stack, no string.
    let mut buf = [0u8; 48];
    if s.is_ascii() && s.len() <= buf.len() {
        let lower = &mut buf[..s.len()];
        for (l, b) in lower.iter_mut().zip(s.bytes()) {
            *l = b.to_ascii_lowercase();
        }
        return crate::hash::key_of_bytes(lower);
    }
    // (Char by char: `str::to_lowercase` brings 1.5 KB gz of its own into the wasm build.)
    let lower: String = s.chars().flat_map(char::to_lowercase).collect();
    key(&lower)
}

/// The dot product of two feature vectors with four running sums, added in the same order as
/// [`Weights::logit`]'s general case.
fn dot4(w: &[f32; N_FEATURES], x: &[f32; N_FEATURES]) -> f32 {
    const _: () = assert!(N_FEATURES.is_multiple_of(4));
    let mut acc = [0f32; 4];
    for c in 0..N_FEATURES / 4 {
        for k in 0..4 {
            acc[k] += w[4 * c + k] * x[4 * c + k];
        }
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3])
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// A fixed, hand-set offset to the logit that makes the first chips read as the article's subject:
/// crowd-chosen gold (KPCrowd) rewards any content word, readers want the repeated names and
/// subjects first. Reads the feature vector by position.
pub fn chip_prior(x: &[f32]) -> f32 {
    let f = |i: usize| x.get(i).copied().unwrap_or(0.0);
    let entity = f(F_ENTITY);
    // Seen at least twice (ln 2 ≈ 0.69).
    let repeated = (f(F_LOG_TF) > 0.7) as u8 as f32;
    // Rare one-word names ("Navalny") say more about an article than common ones ("Russia").
    let rare_name = entity * f(F_ONE_WORD) * (1.0 - f(F_ENTITY_COMMONNESS));
    // Weights set by hand; on KPCrowd dev F1@10 is 0.239 without the prior, 0.219–0.224 with it.
    2.0 * entity * repeated
        + 2.0 * f(F_ENTITY_MULTIWORD)
        + 1.5 * rare_name
        + 1.0 * entity * f(F_ALL_CAPS)
        - (1.0 - entity) * (0.8 * (1.0 - repeated) + 0.6 * f(F_VERB_LIKE) + 0.8 * f(F_MODIFIER))
}

// Positions in `FEATURES` that the prior reads (checked by a unit test).
const F_LOG_TF: usize = 1;
const F_ALL_CAPS: usize = 8;
const F_ONE_WORD: usize = 9;
const F_ENTITY: usize = 12;
const F_VERB_LIKE: usize = 21;
const F_ENTITY_MULTIWORD: usize = 24;
const F_ENTITY_COMMONNESS: usize = 25;
const F_MODIFIER: usize = 26;

/// The shipped commonness list and weights.
pub fn shipped() -> &'static (Common, Weights) {
    static S: OnceLock<(Common, Weights)> = OnceLock::new();
    S.get_or_init(|| (Common::from_stems(STEMS), Weights::parse(WEIGHTS)))
}

/// A merged candidate: every occurrence of one phrase or one entity.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    /// Number of occurrences (their spans are in [`Candidates::spans_of`]).
    tf: u32,
    /// Entity cluster, when the candidate names one.
    pub cluster: Option<usize>,
    label: Option<Label>,
    /// Sentence of the first occurrence added, of the last one, and the number of changes of
    /// sentence from one added occurrence to the next (+1): the spread, without a vector.
    first_sentence: u32,
    last_sentence: u32,
    n_sentences: u32,
    first_token: u32,
    capitalized: u32,
    all_caps: u32,
    /// Occurrences right before another content word ("telephonic" in "telephonic conversation").
    modifier: u32,
    /// Occurrences right after a verb cue ("to discuss").
    verbal: u32,
    /// Surface forms with counts (mid-sentence occurrences count double, so the casing a writer
    /// chooses mid-sentence wins over sentence-initial capitals). Most candidates have one form:
    /// it is kept inline, the others in `more_surfaces` (no allocation for most candidates).
    surface: Option<Surface>,
    more_surfaces: Vec<Surface>,
    /// The chip text (borrowed from the document unless made from an entity's name).
    pub text: Cow<'a, str>,
}

/// A document's candidates, with every occurrence.
#[derive(Debug, Clone, Default)]
pub struct Candidates<'a> {
    /// The candidates.
    pub list: Vec<Candidate<'a>>,
    /// (candidate index, start, end) of every occurrence, in the order found (one flat vector
    /// rather than one per candidate: most candidates never become chips).
    occurrences: Vec<(u32, usize, usize)>,
    /// Each candidate's features (kept apart: the candidates are written once per occurrence,
    /// the features once).
    pub x: Vec<[f32; N_FEATURES]>,
}

impl Candidates<'_> {
    /// The byte spans of candidate `i`'s occurrences, in text order.
    pub fn spans_of(&self, i: usize) -> Vec<(usize, usize)> {
        let mut v: Vec<(usize, usize)> = self
            .occurrences
            .iter()
            .filter(|o| o.0 as usize == i)
            .map(|o| (o.1, o.2))
            .collect();
        v.sort_unstable();
        v
    }
}

impl Candidate<'_> {
    /// The candidate with its chip text owned (to keep it beyond the document).
    pub fn into_owned(self) -> Candidate<'static> {
        Candidate {
            text: Cow::Owned(self.text.into_owned()),
            tf: self.tf,
            cluster: self.cluster,
            label: self.label,
            first_sentence: self.first_sentence,
            last_sentence: self.last_sentence,
            n_sentences: self.n_sentences,
            first_token: self.first_token,
            capitalized: self.capitalized,
            all_caps: self.all_caps,
            modifier: self.modifier,
            verbal: self.verbal,
            surface: self.surface,
            more_surfaces: self.more_surfaces,
        }
    }

    fn surfaces(&self) -> impl Iterator<Item = &Surface> {
        self.surface.iter().chain(&self.more_surfaces)
    }
}

/// One way a candidate is written: its first occurrence (bytes and tokens) and a weighted count.
/// (32-bit positions: the engine reads at most a few MB; a wrapped offset would only be read
/// with `str::get`.)
#[derive(Debug, Clone, Copy)]
struct Surface {
    start: u32,
    end: u32,
    first: u32,
    last: u32,
    count: u32,
}

impl Surface {
    fn new(start: usize, end: usize, first: usize, last: usize, count: u32) -> Surface {
        Surface {
            start: start as u32,
            end: end as u32,
            first: first as u32,
            last: last as u32,
            count,
        }
    }

    /// Its bytes in the text.
    fn bytes(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Finds and features the candidates of a document (unscored, in no particular order).
pub fn candidates<'a>(
    doc: &Doc<'a>,
    found: &Found,
    words: &Words,
    common: &Common,
) -> Candidates<'a> {
    let n_tok = doc.tokens.len();
    // Capacities for a typical article (a candidate per three tokens, in 99 % of 2,950 training
    // articles fewer than one per two; an occurrence per token): large enough to rarely grow (a
    // regrowth copies every candidate: ≈ 5 % of the stage on a short article), small enough to
    // stay cheap to allocate.
    let mut groups: Vec<Candidate<'a>> = Vec::with_capacity(presize(n_tok / 2));
    let mut occurrences: Vec<(u32, usize, usize)> = Vec::with_capacity(presize(n_tok));
    // Keyed by a 64-bit hash of the concatenated stems: no string per occurrence (a collision
    // between two real phrases of one document is vanishingly unlikely and only merges two chips).
    let mut by_key = KeyTable::with_capacity(presize(n_tok / 2));
    // Candidate of each entity cluster (clusters are numbered densely).
    let mut by_cluster: Vec<u32> = vec![u32::MAX; found.clusters.len()];
    // Tokens covered by a name mention: they are candidates only as that whole mention.
    let mut in_name = vec![false; n_tok];
    // Mentions come in text order: their first tokens are found by walking forward (a search
    // when they do not).
    let mut cursor = 0;
    for m in &found.mentions {
        // Names only: nominal ("his counterpart") and pronoun mentions are not chips.
        if !m.label.is_name() || m.kind != MentionKind::Name || m.end <= m.start {
            continue;
        }
        if cursor > 0
            && doc
                .tokens
                .get(cursor - 1)
                .is_some_and(|t| t.start >= m.start)
        {
            cursor = doc.token_at_or_after(m.start);
        }
        // Galloping: the next name is mostly a few tokens on, sometimes hundreds (a step per
        // doubling, then a search within the last one; a search over all the rest would jump
        // across the whole of a long text for each of its many names).
        let rest = doc.tokens.get(cursor..).unwrap_or_default();
        let mut hi = 1;
        while hi < rest.len() && rest[hi - 1].start < m.start {
            hi *= 2;
        }
        let (lo, hi) = (hi / 2, hi.min(rest.len()));
        cursor += lo
            + rest
                .get(lo..hi)
                .unwrap_or_default()
                .partition_point(|t| t.start < m.start);
        let first = cursor;
        let mut last = first;
        while last < n_tok && doc.tokens[last].start < m.end {
            in_name[last] = true;
            last += 1;
        }
        // Who reports and from where (the byline, the dateline) is not what the article is about.
        if last == first || crate::entities::byline_or_dateline(m.rule) {
            continue;
        }
        let key = stem_key(words, first, last);
        let gi = match by_cluster.get(m.cluster) {
            Some(&g) if g != u32::MAX => g as usize,
            _ => {
                groups.push(Candidate::new(Some(m.cluster), Some(m.label)));
                if let Some(g) = by_cluster.get_mut(m.cluster) {
                    *g = (groups.len() - 1) as u32;
                }
                groups.len() - 1
            }
        };
        if key != EMPTY_KEY {
            if let (slot, None) = by_key.find(key) {
                by_key.put(slot, key, gi as u64);
            }
        }
        if let Some((s, e)) = groups[gi].add(doc, words, first, last) {
            occurrences.push((gi as u32, s, e));
        }
    }
    // Runs of 1–3 content words inside a sentence, outside names. What the runs ask of each
    // token, in a byte per token (most tokens end every run at once).
    let mut mask = vec![0u8; n_tok];
    let mut prev_sentence = u32::MAX;
    for (((m, t), &id), &name) in mask
        .iter_mut()
        .zip(&doc.tokens)
        .zip(&words.ids)
        .zip(&in_name)
    {
        let flags = words.vocab.get(id as usize).map_or(0, |w| w.flags);
        if !name && flags & CHIP_OK != 0 {
            let joins = t.space_before && t.sentence == prev_sentence;
            *m = (flags & (CHIP_OK | CHIP_END)) | if joins { JOINS } else { 0 };
        }
        prev_sentence = t.sentence;
    }
    let mut pending = 0;
    for i in 0..n_tok {
        if mask[i] & CHIP_OK == 0 {
            continue;
        }
        // The key of i..=j, extended one word at a time (the same hash as `stem_key`).
        let mut key = EMPTY_KEY;
        for n in 0..MAX_WORDS {
            let j = i + n;
            let m = mask.get(j).copied().unwrap_or(0);
            if m & CHIP_OK == 0 || (n > 0 && m & JOINS == 0) {
                break;
            }
            let Some(w) = words.at(j) else { break };
            key = w.stem_hash.extend(key);
            if m & CHIP_END == 0 {
                continue;
            }
            // A phrase of two or three words, not a name, becomes a candidate when met a second
            // time: met once it is practically never a chip (on KPCrowd dev, when it was one:
            // 1,875 of 7,480 candidates, 3 of the 750 top-15 chips).
            let gi = match by_key.find(key) {
                (slot, Some(v)) => match Slot::of(v) {
                    Slot::Candidate(g) => g,
                    Slot::Pending(..) if groups.len() >= MAX_CANDIDATES => continue,
                    Slot::Pending(p, q) => {
                        groups.push(const { Candidate::new(None, None) });
                        let g = groups.len() - 1;
                        by_key.put(slot, key, g as u64);
                        if let Some((s, e)) = groups[g].add(doc, words, p, q) {
                            occurrences.push((g as u32, s, e));
                        }
                        g
                    }
                },
                // A text of hundreds of thousands of distinct words (a word list) would otherwise
                // hold a candidate for each word and pair: 678 MB at peak for 5 MB of text.
                (_, None) if groups.len() >= MAX_CANDIDATES => continue,
                (_, None) if n > 0 && pending >= MAX_CANDIDATES => continue,
                (slot, None) if n > 0 => {
                    by_key.put(slot, key, Slot::pending(i, j + 1));
                    pending += 1;
                    continue;
                }
                (slot, None) => {
                    // From a constant: built on the stack, the 128-byte value was copied out
                    // through overlapping stores (a store-forwarding stall per new candidate).
                    groups.push(const { Candidate::new(None, None) });
                    by_key.put(slot, key, groups.len() as u64 - 1);
                    groups.len() - 1
                }
            };
            if let Some((s, e)) = groups[gi].add(doc, words, i, j + 1) {
                occurrences.push((gi as u32, s, e));
            }
        }
    }
    let x = features(doc, found, words, common, &in_name, &mut groups);
    Candidates {
        list: groups,
        occurrences,
        x,
    }
}

/// Candidates of one document at most: phrases first met after that many are not candidates
/// (an article has a few hundred; the 5 MB of news articles of `tests/topics_speed.rs`, 86 K).
const MAX_CANDIDATES: usize = 1 << 18;

/// What the key map holds for a phrase: its candidate, or (high bit set) the tokens of its
/// first occurrence while it has been met once.
enum Slot {
    Candidate(usize),
    Pending(usize, usize),
}

impl Slot {
    const PENDING: u64 = 1 << 63;

    fn pending(first: usize, last: usize) -> u64 {
        Self::PENDING | (first as u64) << 2 | (last - first) as u64
    }

    fn of(v: u64) -> Slot {
        if v & Self::PENDING == 0 {
            Slot::Candidate(v as usize)
        } else {
            let first = ((v & !Self::PENDING) >> 2) as usize;
            Slot::Pending(first, first + (v & 3) as usize)
        }
    }
}

/// A capacity to reserve for `n` expected items: enough for an article (no regrowth in the hot
/// loops), bounded so that a huge text reserves no more than it will use.
pub(crate) fn presize(n: usize) -> usize {
    n.min(1 << 14)
}

/// The key of no stems at all.
const EMPTY_KEY: u64 = 0;

/// The [`StemHash`] key of the concatenated stems of tokens `first..last` (words only), so
/// "Solar Winds" and "SolarWinds" share a key.
fn stem_key(words: &Words, first: usize, last: usize) -> u64 {
    (first..last)
        .filter_map(|i| words.at(i))
        .fold(EMPTY_KEY, |h, w| w.stem_hash.extend(h))
}

impl<'a> Candidate<'a> {
    const fn new(cluster: Option<usize>, label: Option<Label>) -> Candidate<'a> {
        Candidate {
            tf: 0,
            cluster,
            label,
            first_sentence: 0,
            last_sentence: u32::MAX,
            n_sentences: 0,
            first_token: u32::MAX,
            capitalized: 0,
            all_caps: 0,
            modifier: 0,
            verbal: 0,
            surface: None,
            more_surfaces: Vec::new(),
            text: Cow::Borrowed(""),
        }
    }

    /// Records the occurrence at tokens `first..last`.
    fn add(
        &mut self,
        doc: &Doc,
        words: &Words,
        first: usize,
        last: usize,
    ) -> Option<(usize, usize)> {
        let (Some(a), Some(b)) = (doc.tokens.get(first), doc.tokens.get(last - 1)) else {
            return None;
        };
        self.tf += 1;
        self.first_token = self.first_token.min(first as u32);
        if self.n_sentences == 0 {
            self.first_sentence = a.sentence;
        }
        if self.last_sentence != a.sentence {
            self.last_sentence = a.sentence;
            self.n_sentences += 1;
        }
        // (The token before, next in memory, rather than the sentence's record.)
        let sentence_start = first == 0 || doc.tokens[first - 1].sentence != a.sentence;
        let toks = &doc.tokens[first..last];
        let acronym = |t: &Token| t.all_caps && t.end - t.start >= 3;
        // (One word, most occurrences: no loops.)
        let (capitalized, all_caps) = if last == first + 1 {
            (a.cap, acronym(a))
        } else {
            (toks.iter().all(|t| t.cap), toks.iter().any(acronym))
        };
        if !sentence_start && capitalized {
            self.capitalized += 1;
        }
        // YAKE's acronym count: an all-capital word marks a specific name ("New START", "NATO").
        if all_caps {
            self.all_caps += 1;
        }
        let next = doc.tokens.get(last);
        if next.is_some_and(|t| t.sentence == b.sentence && t.space_before)
            && words.at(last).is_some_and(|w| !w.stop)
        {
            self.modifier += 1;
        }
        let before = first.checked_sub(1).and_then(|p| words.at(p));
        if before.is_some_and(|w| w.flags & VERB_CUE != 0) {
            self.verbal += 1;
        }
        // Compared as bytes: the spans are the tokens', on character boundaries already.
        let bytes = doc.text.as_bytes();
        let surface = bytes.get(a.start..b.end).unwrap_or_default();
        // Only single-spaced forms read well as chips. After a few dozen occurrences the most
        // common form is settled: stop counting (keeps frequent words cheap).
        // (Tokens hold no whitespace: only the gaps between them are checked.)
        if self.tf <= 48
            && toks.windows(2).all(|p| {
                let gap = doc.text.get(p[0].end..p[1].start).unwrap_or_default();
                gap == " " || gap.chars().all(|c| c == ' ' || !c.is_whitespace())
            })
        {
            let weight = if sentence_start { 1 } else { 2 };
            let same = |s: &&mut Surface| bytes.get(s.bytes()) == Some(surface);
            if let Some(e) = self.surface.as_mut().filter(same) {
                e.count += weight;
            } else if self.surface.is_none() {
                self.surface = Some(Surface::new(a.start, b.end, first, last, weight));
            } else if let Some(e) = self.more_surfaces.iter_mut().find(same) {
                e.count += weight;
            } else if self.more_surfaces.len() < 7 {
                self.more_surfaces
                    .push(Surface::new(a.start, b.end, first, last, weight));
            }
        }
        Some((a.start, b.end))
    }

    fn tf(&self) -> usize {
        self.tf as usize
    }

    /// The first token of its first occurrence.
    pub fn first_token(&self) -> usize {
        self.first_token as usize
    }
}

/// The number of words (1–3) a candidate's features `x` say its chip has.
pub fn words_in(x: &[f32; N_FEATURES]) -> usize {
    (1..=MAX_WORDS)
        .find(|&n| x[F_ONE_WORD + n - 1] > 0.0)
        .unwrap_or(MAX_WORDS)
}

/// Fills each candidate's features and chip text.
fn features<'a>(
    doc: &Doc<'a>,
    found: &Found,
    words: &Words,
    common: &Common,
    in_name: &[bool],
    groups: &mut [Candidate<'a>],
) -> Vec<[f32; N_FEATURES]> {
    let n_tok = doc.tokens.len().max(1) as f32;
    let n_sent = doc.sentences.len().max(1) as f32;
    let max_tf = groups.iter().map(Candidate::tf).max().unwrap_or(1).max(1) as f32;
    // Relatedness to context (YAKE's DL/DR): distinct neighbours of each word over its count.
    // Only the words of candidates are read: chip words, and words inside names.
    // Per word: needed (a chip word, or inside a name) and met once, a bit each.
    const NEEDED: u8 = 1;
    const ONCE: u8 = 2;
    let mut kind: Vec<u8> = words
        .vocab
        .iter()
        .map(|w| {
            (if w.flags & CHIP_OK != 0 { NEEDED } else { 0 }) | if w.count == 1 { ONCE } else { 0 }
        })
        .collect();
    for (i, _) in in_name.iter().enumerate().filter(|t| *t.1) {
        if let Some(k) = words.ids.get(i).and_then(|&id| kind.get_mut(id as usize)) {
            *k |= NEEDED;
        }
    }
    // A word's distinct left and right neighbours are the distinct word pairs (bigrams) it
    // ends and starts: one set of pairs serves both sides, each pair packed in one integer.
    let mut pairs = KeyTable::with_capacity(presize(doc.tokens.len() / 4));
    let mut distinct = vec![0u32; words.vocab.len()];
    for p in words.ids.windows(2) {
        let (a, b) = (p[0] as usize, p[1] as usize);
        let (Some(&ka), Some(&kb)) = (kind.get(a), kind.get(b)) else {
            continue;
        };
        if (ka | kb) & NEEDED == 0 {
            continue;
        }
        // A pair with a word met once is met once: no set needed.
        if (ka | kb) & ONCE != 0 || pairs.insert((a as u64) << 32 | b as u64) {
            distinct[a] += u32::from(ka & NEEDED);
            distinct[b] += u32::from(kb & NEEDED);
        }
    }
    // The words carry their commonness in the shipped list already (another list, a test's or
    // the trainer's, is looked up).
    let shipped_common = std::ptr::eq(common, &shipped().0);
    // Zeroed up front and written in place (a pushed 112-byte row was built, then copied).
    let mut xs = vec![[0.0; N_FEATURES]; groups.len()];
    for (g, slot) in groups.iter_mut().zip(&mut xs) {
        let tf = g.tf() as f32;
        let (text, chip_words) = chip_text(g, doc, found);
        g.text = text;
        // One pass over the chip's words (no per-candidate vectors: there are many candidates).
        let (mut n, mut cm_sum, mut cm_top, mut unknown, mut rel_sum, mut last_verb, mut longest) =
            (0usize, 0f32, 0f32, false, 0f32, false, 0usize);
        for id in chip_words.ids(words) {
            let Some(w) = words.vocab.get(id as usize) else {
                continue;
            };
            let c = if shipped_common {
                w.common
            } else {
                common.get_key(w.stem_key)
            };
            let d = distinct.get(id as usize).copied().unwrap_or(0);
            let rel = d as f32 / (2.0 * w.count.max(1) as f32);
            n += 1;
            cm_sum += c.unwrap_or(0.0);
            cm_top = cm_top.max(c.unwrap_or(0.0));
            unknown |= c.is_none();
            rel_sum += rel;
            last_verb = w.flags & VERB_LIKE != 0;
            longest = longest.max(w.chars as usize);
        }
        let nw = n.clamp(1, MAX_WORDS);
        let cm_mean = cm_sum / n.max(1) as f32;
        // Common words inside a name ("New START") say little about the name's importance.
        let (cm_mean, cm_max, ent_cm) = if g.cluster.is_some() {
            (0.0, 0.0, cm_mean)
        } else {
            (cm_mean, cm_top, 0.0)
        };
        let first_sentence = g.first_sentence as f32;
        let label = g.label;
        let ln_1p = super::words::ln_1p_count(g.tf);
        *slot = [
            1.0,
            ln_1p,
            tf / max_tf,
            1.0 / (1.0 + first_sentence),
            if first_sentence == 0.0 { 1.0 } else { 0.0 },
            (g.first_token as usize).min(doc.tokens.len()) as f32 / n_tok,
            g.n_sentences as f32 / n_sent,
            g.capitalized as f32 / tf.max(1.0),
            g.all_caps as f32 / tf.max(1.0),
            (nw == 1) as u8 as f32,
            (nw == 2) as u8 as f32,
            (nw == 3) as u8 as f32,
            g.cluster.is_some() as u8 as f32,
            (label == Some(Label::PER)) as u8 as f32,
            (label == Some(Label::ORG)) as u8 as f32,
            (label == Some(Label::LOC)) as u8 as f32,
            (label == Some(Label::MISC)) as u8 as f32,
            cm_mean,
            cm_max,
            unknown as u8 as f32,
            rel_sum / n.max(1) as f32,
            last_verb as u8 as f32,
            (longest as f32 / 10.0).min(1.5),
            if nw > 1 { ln_1p } else { 0.0 },
            (g.cluster.is_some() && nw > 1) as u8 as f32,
            ent_cm,
            g.modifier as f32 / tf.max(1.0),
            g.verbal as f32 / tf.max(1.0),
        ];
    }
    xs
}

/// The most common of a candidate's forms of at most three words (ties to the first written),
/// other than `skip`.
fn best_form<'g>(g: &'g Candidate, doc: &Doc, skip: Option<&str>) -> Option<&'g Surface> {
    let mut best: Option<&Surface> = None;
    for s in g.surfaces() {
        if skip.is_some() && doc.text.get(s.bytes()) == skip {
            continue;
        }
        // Tokens hold no whitespace: a form of at most three tokens has at most three words.
        if (s.last - s.first) as usize > MAX_WORDS
            && doc
                .text
                .get(s.bytes())
                .unwrap_or("")
                .split_whitespace()
                .count()
                > MAX_WORDS
        {
            continue;
        }
        if best.is_none_or(|b| s.count > b.count) {
            best = Some(s);
        }
    }
    best
}

/// The chip text and its words: the most common surface form of at most three words (readers
/// and crowd annotators alike say "Biden" more than "Joe Biden"); for an entity without one, the
/// last two words of a person's name ("Vladimir Putin") or the first three of another name. The
/// words are the tokens `first..last` that are words, the last `keep` of them.
fn chip_text<'a>(g: &Candidate, doc: &Doc<'a>, found: &Found) -> (Cow<'a, str>, ChipWords) {
    let best = match &g.surface {
        // Most candidates have one form, of three tokens at most: no search.
        Some(s) if g.more_surfaces.is_empty() && (s.last - s.first) as usize <= MAX_WORDS => {
            Some(s)
        }
        _ => {
            // A person's first name alone is no chip ("Daniel" for Daniel Craig): the entity
            // stage merges it into the person, and the chip is their surname or full name.
            let first_name = g
                .cluster
                .filter(|_| g.label == Some(Label::PER))
                .and_then(|c| found.clusters.get(c))
                .and_then(|c| c.name.split_once(' '))
                .map(|(first, _)| first);
            best_form(g, doc, first_name)
        }
    };
    let text: &'a str = doc.text;
    if let Some(b) = best {
        return (
            Cow::Borrowed(trim_possessive(text.get(b.bytes()).unwrap_or(""))),
            ChipWords {
                first: b.first as usize,
                last: b.last as usize,
                keep: usize::MAX,
            },
        );
    }
    let name = g
        .cluster
        .and_then(|c| found.clusters.get(c))
        .map(|c| c.name.as_str())
        .unwrap_or("");
    let parts: Vec<&str> = name.split_whitespace().collect();
    let keep = if g.label == Some(Label::PER) {
        2
    } else {
        MAX_WORDS
    };
    let words = match g.surfaces().next() {
        Some(s) => ChipWords {
            first: s.first as usize,
            last: s.last as usize,
            keep,
        },
        None => ChipWords {
            first: 0,
            last: 0,
            keep,
        },
    };
    (
        Cow::Owned(parts[parts.len().saturating_sub(keep)..].join(" ")),
        words,
    )
}

/// Which words a chip has (see [`chip_text`]).
struct ChipWords {
    first: usize,
    last: usize,
    keep: usize,
}

impl ChipWords {
    /// The word ids.
    fn ids<'w>(&self, words: &'w Words) -> impl Iterator<Item = u32> + 'w {
        let ids = words
            .ids
            .get(self.first..self.last)
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|&id| id != NONE);
        let n = if self.keep == usize::MAX {
            0
        } else {
            ids.clone().count()
        };
        ids.skip(n.saturating_sub(self.keep))
    }
}

fn trim_possessive(s: &str) -> &str {
    // Most chips do not end in "s": one byte decides.
    if !s.ends_with('s') {
        return s;
    }
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s)
}

/// The first chips, ranked with the [`chip_prior`]; the rest follow by the model's score.
const HEADLINE_CHIPS: usize = 5;

/// Ranks candidates: the best `limit` indices with scores, best first, chip texts deduplicated
/// (case-insensitively).
pub fn rank(
    cands: &[Candidate],
    xs: &[[f32; N_FEATURES]],
    weights: &Weights,
    limit: usize,
) -> Vec<(usize, f32)> {
    let head_n = HEADLINE_CHIPS.min(limit);
    // Each (logit, index) packed in one integer that sorts best first, ties by index (integer
    // sorts are the cheapest; the score is computed for the chips kept only).
    let pack = |z: f32, i: usize| (u64::from(!order_bits(z)) << 32) | i as u64;
    let mut plain: Vec<u64> = Vec::with_capacity(cands.len());
    let mut head: Vec<u64> = Vec::with_capacity(cands.len());
    for (i, (c, x)) in cands.iter().zip(xs).enumerate() {
        if c.text.is_empty() {
            continue;
        }
        let z = weights.logit(x);
        plain.push(pack(z, i));
        head.push(pack(z + chip_prior(x), i));
    }
    // Best first. Only the first few are read (a few more when duplicates are skipped): the best
    // `limit + 8` are found in one pass, the rest put in order only if the loops get that far.
    let prefix = limit + 8;
    let unpack = |k: u64| {
        (
            sigmoid(from_order_bits(!((k >> 32) as u32))),
            k as u32 as usize,
        )
    };
    // Chip texts taken, compared without case (by a hash: no string per chip).
    // (A list: a few dozen at most are ever asked about.)
    let mut seen: Vec<u64> = Vec::with_capacity(2 * prefix);
    let mut new_text = |text: &str| {
        let k = caseless_key(text);
        let new = !seen.contains(&k);
        if new {
            seen.push(k);
        }
        new
    };
    let mut out = Vec::with_capacity(limit);
    // The headline chips name the subject, not the cast: at most one person and two places.
    let (mut people, mut places) = (0, 0);
    // (The headline needs fewer: a few more than its chips for the people, places and
    // duplicates it skips.)
    for k in Ascending::new(head, head_n + 8) {
        if out.len() >= head_n {
            break;
        }
        let (s, i) = unpack(k);
        let c = &cands[i];
        let cap = match c.label {
            Some(Label::PER) => &mut people,
            Some(Label::LOC) => &mut places,
            _ => {
                if new_text(&c.text) {
                    out.push((i, s));
                }
                continue;
            }
        };
        let limit = if c.label == Some(Label::PER) { 1 } else { 2 };
        if *cap < limit && new_text(&c.text) {
            *cap += 1;
            out.push((i, s));
        }
    }
    for k in Ascending::new(plain, prefix) {
        if out.len() >= limit {
            break;
        }
        let (s, i) = unpack(k);
        if new_text(&cands[i].text) {
            out.push((i, s));
        }
    }
    // Scores must not increase down the list.
    for k in 1..out.len() {
        if out[k].1 > out[k - 1].1 {
            out[k].1 = out[k - 1].1;
        }
    }
    out
}

/// Sorts `v`, made of sorted runs, by merging each run into the sorted prefix before it (linear
/// for the two runs a chip's occurrences form).
fn merge_runs(v: &mut [(usize, usize)], scratch: &mut Vec<(usize, usize)>) {
    let mut sorted = 1;
    while sorted < v.len() {
        if v[sorted] >= v[sorted - 1] {
            sorted += 1;
            continue;
        }
        // v[..sorted] is sorted; the next run is v[sorted..end].
        let mut end = sorted + 1;
        while end < v.len() && v[end] >= v[end - 1] {
            end += 1;
        }
        scratch.clear();
        let (mut a, mut b) = (0, sorted);
        while a < sorted && b < end {
            if v[b] < v[a] {
                scratch.push(v[b]);
                b += 1;
            } else {
                scratch.push(v[a]);
                a += 1;
            }
        }
        scratch.extend_from_slice(&v[a..sorted]);
        scratch.extend_from_slice(&v[b..end]);
        v[..end].copy_from_slice(scratch);
        sorted = end;
    }
}

/// Scores and ranks the candidates into chips.
pub fn extract(doc: &Doc, found: &Found, words: &Words) -> Vec<Keyphrase> {
    let (common, weights) = shipped();
    let mut cands = candidates(doc, found, words, common);
    let ranked = rank(&cands.list, &cands.x, weights, MAX_CHIPS);
    // The chips' occurrences, in one pass over all occurrences.
    let mut slot = vec![u8::MAX; cands.list.len()];
    for (k, &(i, _)) in ranked.iter().enumerate() {
        slot[i] = k as u8;
    }
    // Each chip's occurrences in text order, one chip after the other. They were found in two
    // passes over the text (name mentions, then runs of words), each in text order: bucketed by
    // chip in the order found, a chip's list is two sorted runs, merged here (no sort).
    let mut first = vec![0usize; ranked.len() + 1];
    let chip_of = |i: u32| {
        slot.get(i as usize)
            .filter(|&&k| k != u8::MAX)
            .map(|&k| k as usize)
    };
    for &(i, _, _) in &cands.occurrences {
        if let Some(k) = chip_of(i) {
            first[k + 1] += 1;
        }
    }
    for k in 0..ranked.len() {
        first[k + 1] += first[k];
    }
    let mut spans = vec![(0usize, 0usize); first[ranked.len()]];
    let mut fill = first.clone();
    for &(i, s, e) in &cands.occurrences {
        if let Some(k) = chip_of(i) {
            spans[fill[k]] = (s, e);
            fill[k] += 1;
        }
    }
    let mut scratch = Vec::new();
    for k in 0..ranked.len() {
        merge_runs(&mut spans[first[k]..first[k + 1]], &mut scratch);
    }
    let ranks = found.ranks();
    let mut out = Vec::with_capacity(ranked.len());
    for (k, (i, score)) in ranked.into_iter().enumerate() {
        let c = &mut cands.list[i];
        let mine = &spans[first[k]..first[k + 1]];
        out.push(Keyphrase {
            text: Text::from(std::mem::take(&mut c.text)),
            score: (score * 1000.0).round() / 1000.0,
            mentions: mine
                .iter()
                .map(|&(s, e)| Span {
                    start: s,
                    end: e,
                    text: Text::from(&doc.text[s..e]),
                })
                .collect(),
            entity: c
                .cluster
                .and_then(|cl| ranks.get(cl))
                .filter(|&&r| r != u32::MAX)
                .map(|&r| crate::entities::entity_id(r)),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word list (every word new) gets at most `MAX_CANDIDATES` candidates, and its first
    /// words are still among them.
    #[test]
    fn candidates_are_bounded() {
        let text: String = (0..MAX_CANDIDATES + 1000)
            .map(|i| format!("zq{i}x "))
            .collect();
        let doc = Doc::new(&text);
        let found = Found::default();
        let words = Words::new(&doc, &crate::entities::features::WordIds::default());
        let c = candidates(&doc, &found, &words, &shipped().0);
        assert_eq!(c.list.len(), MAX_CANDIDATES);
        assert!(c.list.iter().any(|g| g.text == "zq0x"));
        assert_eq!(c.x.len(), c.list.len());
    }

    /// A phrase of several words is a candidate once met twice, with both occurrences; met
    /// once, it is none (its words still are).
    #[test]
    fn phrases_met_twice_become_candidates() {
        let text = "Arms control talks resumed. Negotiators said arms control mattered. \
                    Budget talks stalled.";
        let doc = Doc::new(text);
        let found = crate::entities::extract(&doc, None);
        let words = Words::new(&doc, &found.words);
        let c = candidates(&doc, &found, &words, &shipped().0);
        let find = |t: &str| c.list.iter().position(|g| g.text.eq_ignore_ascii_case(t));
        let twice = find("arms control").expect("\"arms control\" is a candidate");
        assert_eq!(c.list[twice].tf, 2);
        let spans = c.spans_of(twice);
        assert_eq!(spans.len(), 2);
        for (s, e) in spans {
            assert!(text[s..e].eq_ignore_ascii_case("arms control"));
        }
        assert!(find("budget talks").is_none(), "met once: no candidate");
        // (Not even an unfeatured one, without a chip text.)
        assert!(c.list.iter().all(|g| !g.text.is_empty()));
        assert!(find("budget").is_some(), "its words are");
    }

    /// A byline's names and a dateline's place and agency are no chips, however often the agency
    /// appears.
    #[test]
    fn reporters_are_no_chips() {
        let text =
            "By Jane Whitmore, Reuters\n\nBRUSSELS, Nov 20 (Reuters) - Gibraltar talks ended. \
                    Gibraltar border checks go. Spain and Gibraltar agreed on the border.";
        let doc = Doc::new(text);
        let found = crate::entities::extract(&doc, None);
        let words = Words::new(&doc, &found.words);
        let chips: Vec<String> = extract(&doc, &found, &words)
            .into_iter()
            .map(|k| k.text.to_string())
            .collect();
        assert!(chips.iter().any(|c| c == "Gibraltar"), "{chips:?}");
        for reporter in [
            "Reuters",
            "Jane Whitmore",
            "Whitmore",
            "BRUSSELS",
            "Brussels",
        ] {
            assert!(
                !chips.iter().any(|c| c == reporter),
                "{reporter}: {chips:?}"
            );
        }
        // Named in the story, the agency is a chip like any name.
        let text = "Reuters cut jobs. Reuters said the cuts at Reuters would go on.";
        let doc = Doc::new(text);
        let found = crate::entities::extract(&doc, None);
        let words = Words::new(&doc, &found.words);
        let chips = extract(&doc, &found, &words);
        assert!(chips.iter().any(|k| k.text == "Reuters"), "{chips:?}");
    }

    /// A person named mostly by their first name has a chip of their surname or full name.
    #[test]
    fn a_first_name_is_no_chip() {
        let text = "Daniel Craig will play the reporter. Daniel said the role was hard. Daniel \
                    trained for months, and Daniel is ready, Craig told the studio.";
        let doc = Doc::new(text);
        let found = crate::entities::extract(&doc, None);
        let words = Words::new(&doc, &found.words);
        let chips: Vec<String> = extract(&doc, &found, &words)
            .into_iter()
            .map(|k| k.text.to_string())
            .collect();
        assert!(
            chips.iter().any(|c| c == "Craig" || c == "Daniel Craig"),
            "{chips:?}"
        );
        assert!(!chips.iter().any(|c| c == "Daniel"), "{chips:?}");
    }

    /// The build script's stem table holds exactly `data/topics/common.tsv`.
    #[test]
    fn packed_commonness_equals_the_readable_list() {
        let tsv = include_str!("../../../data/topics/common.tsv");
        let (a, b) = (Common::parse(tsv), Common::from_stems(STEMS));
        assert!(a.map.len() > 5_000);
        assert_eq!(a.map, b.map);
        assert!(Common::from_stems(&STEMS[..STEMS.len() / 2]).map.len() < a.map.len());
    }

    #[test]
    fn prior_reads_the_right_features() {
        for (i, name) in [
            (F_LOG_TF, "log_tf"),
            (F_ALL_CAPS, "all_caps"),
            (F_ONE_WORD, "one_word"),
            (F_ONE_WORD + 1, "two_words"),
            (F_ONE_WORD + 2, "three_words"),
            (F_ENTITY, "entity"),
            (F_VERB_LIKE, "verb_like"),
            (F_ENTITY_MULTIWORD, "entity_multiword"),
            (F_ENTITY_COMMONNESS, "entity_commonness"),
            (F_MODIFIER, "modifier"),
        ] {
            assert_eq!(FEATURES[i], name);
        }
    }

    /// Titles are no chips, hyphenated ones included.
    #[test]
    fn titles_are_no_chip_words() {
        for (token, lower) in [
            ("minister", "minister"),
            ("Secretary-General", "secretarygeneral"),
            ("counterpart", "counterpart"),
        ] {
            assert_eq!(word_flags(token, lower) & CHIP_OK, 0, "{token}");
        }
        assert_ne!(word_flags("ceasefire", "ceasefire") & CHIP_OK, 0);
    }

    #[test]
    fn chip_word_rules() {
        assert!(!chip_word("urgently"));
        assert!(chip_word("family"));
        assert!(!chip_end("discussed"));
        assert!(chip_end("speed"));
        assert!(!chip_end("armed") && chip_word("armed"));
    }

    /// Runs merged into order, however many there are.
    #[test]
    fn runs_are_merged() {
        let mut scratch = Vec::new();
        for v in [
            vec![],
            vec![(3, 4)],
            vec![(1, 2), (5, 6), (9, 9), (0, 1), (4, 5), (7, 8)],
            vec![(5, 6), (4, 9), (4, 5), (3, 3), (1, 1), (2, 2), (0, 7)],
            vec![(2, 3), (2, 3), (1, 1), (2, 3)],
        ] {
            let mut want = v.clone();
            want.sort_unstable();
            let mut got = v.clone();
            merge_runs(&mut got, &mut scratch);
            assert_eq!(got, want, "{v:?}");
        }
    }
}
