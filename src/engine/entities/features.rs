//! Hashed features for the name tagger, shared by the engine and the trainer (`train ner`), so both
//! sides compute exactly the same bucket for the same feature.
//!
//! Every distinct token text is hashed once per document ([`Form`]; a token keeps its form's index
//! in [`TokInfo`]); a feature is then a cheap mix of a template number and one or two of those
//! hashes, folded into `2^BITS` buckets. Nothing allocates per token: [`DocFeats::new`] fills a
//! few per-document vectors.

use super::gazetteer::{self, Gaz};
use crate::text::{Doc, TokenKind};
use std::collections::HashMap;

/// log2 of the number of hash buckets.
pub const BITS: u32 = 17;
/// Number of hash buckets.
pub const BUCKETS: usize = 1 << BITS;

/// Tag set: BIO over the four name types. Index 0 is `O`; `B-X` = 1 + 2·t, `I-X` = 2 + 2·t.
pub const TAGS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
/// Number of tags.
pub const N_TAGS: usize = TAGS.len();

/// Whether tag `t` may follow tag `prev` (an `I-X` only continues `B-X` or `I-X`).
pub fn allowed(prev: usize, t: usize) -> bool {
    t == 0 || t % 2 == 1 || (prev != 0 && prev.div_ceil(2) == t.div_ceil(2))
}

/// The hashes of one distinct token text (a *form*), computed once per document however often
/// the text occurs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Form {
    /// Hash of the exact text.
    pub raw: u64,
    /// Hash of the lowercased text.
    pub lower: u64,
    /// Hash of the collapsed shape (`Xx`, `X.X.`, `d,d`).
    pub shape: u64,
    /// Hashes of lowercased prefixes of 1..=4 characters (0 when the word is shorter).
    pub pre: [u64; 4],
    /// Hashes of lowercased suffixes of 1..=4 characters.
    pub suf: [u64; 4],
    /// The flags that depend on the text alone: digit, hyphen, length bucket.
    facts: u16,
    /// Every character is a lower-case letter.
    all_lower: bool,
}

impl Form {
    /// The form of text `w`, whose [`fnv`] hash is `raw`.
    fn of(w: &str, raw: u64) -> Form {
        let h = if w.is_ascii() {
            ascii_word_hashes(w.as_bytes(), raw)
        } else {
            unicode_word_hashes(w)
        };
        let len_bucket = match h.n {
            0..=1 => 0,
            2 => 1,
            3 => 2,
            4 => 3,
            5..=7 => 4,
            _ => 5,
        };
        let mut facts = len_bucket << F_LEN_SHIFT;
        if h.digit {
            facts |= F_DIGIT;
        }
        if h.hyphen {
            facts |= F_HYPHEN;
        }
        Form {
            raw: h.raw,
            lower: h.lower,
            shape: h.shape,
            pre: h.pre,
            suf: h.suf,
            facts,
            all_lower: h.all_lower,
        }
    }
}

/// The hashes of a form that its neighbours' features read.
#[derive(Debug, Clone, Copy, Default)]
struct Near {
    lower: u64,
    shape: u64,
    raw: u64,
    suf3: u64,
}

/// Per-token precomputed facts (12 bytes: a long text's tokens stay cache-friendly; the hashes
/// live in the token's [`Form`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct TokInfo {
    /// Index of the token's text in [`DocFeats::forms`].
    pub form: u32,
    /// Sentence index.
    pub sentence: u32,
    /// Bit flags (see `F_*`).
    pub flags: u16,
    /// Gazetteer classes this token is part of (see [`gazetteer`]).
    pub gaz: u8,
    /// All lower-case letters, or punctuation: after an `O` (or at a sentence start) the tagger
    /// takes `O` without scoring (see [`super::perceptron::tag`]). Not a feature.
    pub plain: bool,
}

const F_CAP: u16 = 1;
const F_ALLCAPS: u16 = 2;
const F_SENT_START: u16 = 4;
const F_HEADLINE: u16 = 8;
const F_DIGIT: u16 = 16;
const F_HYPHEN: u16 = 32;
const F_PUNCT: u16 = 64;
/// The same word is capitalised mid-sentence elsewhere in the document.
const F_DOC_CAP: u16 = 128;
/// The same word occurs in lower case elsewhere in the document.
const F_DOC_LOWER: u16 = 256;
const F_LEN_SHIFT: u16 = 9; // 3 bits of length bucket

/// Per-form cache states of the one-word gazetteer lookup (a found entry is its byte).
const UNSEEN: u16 = 0x200;
const ABSENT: u16 = 0x100;

/// Bits of the word features ([`DocFeats::word_features`]): raw, lower, shape, then prefix and
/// suffix of each length in turn.
const W_RAW: usize = 0;
const W_LOWER: usize = 1;
const W_SHAPE: usize = 2;
const W_AFFIX: usize = 3;
const ALL_WORD_FEATURES: u16 = (1 << (W_AFFIX + 8)) - 1;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes.
pub fn fnv(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

fn fnv_char(mut h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Hash of the lowercased text (what the gazetteer and the casing table key on).
pub fn lower_hash(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for c in s.chars() {
        if c.is_ascii() {
            h ^= c.to_ascii_lowercase() as u64;
            h = h.wrapping_mul(FNV_PRIME);
        } else {
            for l in c.to_lowercase() {
                h = fnv_char(h, l);
            }
        }
    }
    h
}

/// Folds a template number and two hashes into a bucket.
#[inline]
pub fn mix(template: u64, a: u64, b: u64) -> u32 {
    let mut h = template.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ a;
    h = h.wrapping_mul(0xC2B2_AE3D_27D4_EB4F) ^ b.rotate_left(31);
    h ^= h >> 29;
    h = h.wrapping_mul(0x1656_67B1_9E37_79F9);
    h ^= h >> 32;
    (h >> (64 - BITS)) as u32 & (BUCKETS as u32 - 1)
}

/// A hasher for keys that are already well-mixed 64-bit hashes: passes them through, so the hash
/// tables keyed by token hashes skip SipHash (a large share of tagging time otherwise).
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(FNV_PRIME);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A `HashMap` keyed by a precomputed hash.
pub type HashKeyed<V> = HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

const BOS: u64 = 0x1234_5678_9abc_def1;
const EOS: u64 = 0x0fed_cba9_8765_4321;

/// The hashes and character facts of one token's text (see [`TokInfo`]).
struct WordHashes {
    raw: u64,
    lower: u64,
    shape: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    n: usize,
    digit: bool,
    hyphen: bool,
    all_lower: bool,
}

/// [`WordHashes`] of an ASCII token (whose [`fnv`] is `raw`) in one pass over its bytes: the same
/// values as [`unicode_word_hashes`] (for ASCII, lower-casing is one byte to one byte), without the
/// per-character Unicode case tables. Most tokens of English text take this path.
fn ascii_word_hashes(b: &[u8], raw: u64) -> WordHashes {
    let step = |h: u64, x: u8| (h ^ x as u64).wrapping_mul(FNV_PRIME);
    let (mut lower, mut shape, mut ph) = (FNV_OFFSET, FNV_OFFSET, FNV_OFFSET);
    let mut pre = [0u64; 4];
    let (mut digit, mut hyphen, mut all_lower) = (false, false, true);
    let mut last_class = 0u8;
    let mut run = 0;
    for (n, &c) in b.iter().enumerate() {
        let l = c.to_ascii_lowercase();
        lower = step(lower, l);
        all_lower &= c.is_ascii_lowercase();
        let class = if c.is_ascii_uppercase() {
            b'X'
        } else if c.is_ascii_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            digit = true;
            b'd'
        } else {
            if c == b'-' {
                hyphen = true;
            }
            c
        };
        if class == last_class {
            run += 1;
        } else {
            run = 0;
            last_class = class;
        }
        if run < 2 {
            shape = step(shape, class);
        }
        if n < 4 {
            ph = step(ph, l);
            pre[n] = ph;
        }
    }
    let mut suf = [0u64; 4];
    let mut sh = FNV_OFFSET ^ 0x55;
    for (j, slot) in suf.iter_mut().enumerate().take(b.len().min(4)) {
        let mut h = sh;
        for &c in &b[b.len() - 1 - j..] {
            h = step(h, c.to_ascii_lowercase());
        }
        *slot = h;
        sh = sh.wrapping_add(1);
    }
    WordHashes {
        raw,
        lower,
        shape,
        pre,
        suf,
        n: b.len(),
        digit,
        hyphen,
        all_lower,
    }
}

/// [`WordHashes`] character by character, with Unicode lower-casing.
fn unicode_word_hashes(w: &str) -> WordHashes {
    let raw = fnv(w.as_bytes());
    let lower = lower_hash(w);
    let mut shape = FNV_OFFSET;
    let mut last_class = '\0';
    let mut run = 0;
    let mut pre = [0u64; 4];
    let mut suf = [0u64; 4];
    let mut ph = FNV_OFFSET;
    let mut n = 0usize;
    let mut digit = false;
    let mut hyphen = false;
    let mut all_lower = true;
    for c in w.chars() {
        all_lower &= c.is_lowercase();
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            digit = true;
            'd'
        } else {
            if c == '-' {
                hyphen = true;
            }
            c
        };
        if class == last_class {
            run += 1;
        } else {
            run = 0;
            last_class = class;
        }
        // Collapse runs longer than two: `Xxx` for any capitalised word, `dd` for any number.
        if run < 2 {
            shape = fnv_char(shape, class);
        }
        if n < 4 {
            for l in c.to_lowercase() {
                ph = fnv_char(ph, l);
            }
            pre[n] = ph;
        }
        n += 1;
    }
    // Suffixes: walk back over the last 4 characters.
    let mut tail: [char; 4] = ['\0'; 4];
    let mut k = 0;
    for c in w.chars().rev().take(4) {
        tail[k] = c;
        k += 1;
    }
    let mut sh = FNV_OFFSET ^ 0x55;
    for (j, slot) in suf.iter_mut().enumerate().take(k) {
        // suffix of length j+1 = tail[j] … tail[0]
        let mut h = sh;
        for &c in tail[..=j].iter().rev() {
            for l in c.to_lowercase() {
                h = fnv_char(h, l);
            }
        }
        *slot = h;
        sh = sh.wrapping_add(1);
    }
    WordHashes {
        raw,
        lower,
        shape,
        pre,
        suf,
        n,
        digit,
        hyphen,
        all_lower,
    }
}

fn is_opener(s: &str) -> bool {
    matches!(s, "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "-" | "—")
}

/// The document's tokens with their precomputed facts.
pub struct DocFeats {
    /// One per token of the doc.
    pub toks: Vec<TokInfo>,
    /// The distinct token texts, in order of first occurrence.
    pub forms: Vec<Form>,
    /// Each form's lower-case hash again, packed (read for every token by the document passes:
    /// 8 bytes a form stay in the processor's cache where the 96-byte forms do not).
    lowers: Vec<u64>,
    /// The hashes a token's neighbours' features read, 32 bytes a form (same reason).
    near: Vec<Near>,
    /// The distinct words (by lower-cased form) and each token's.
    pub words: WordIds,
}

/// The document's distinct words, by the hash of their lower-cased form ([`lower_hash`]): the
/// entity stage numbers them for its casing table, and the topic stage reuses the numbers instead
/// of hashing every token again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordIds {
    /// For each token: its word's id, or [`WordIds::NONE`] for numbers and punctuation.
    pub ids: Vec<u32>,
    /// For each id: the [`lower_hash`] of the word.
    pub lowers: Vec<u64>,
    /// For each id: the token of its first occurrence.
    pub first: Vec<u32>,
}

impl WordIds {
    /// Marks tokens that are not words.
    pub const NONE: u32 = u32::MAX;

    fn with_tokens(n: usize) -> WordIds {
        WordIds {
            ids: Vec::with_capacity(n),
            lowers: Vec::with_capacity((n / 2).min(1 << 14)),
            first: Vec::with_capacity((n / 2).min(1 << 14)),
        }
    }

    /// The id of the word with hash `lower` met at token `i`, numbering it if new (the caller
    /// pushes it to `ids`).
    fn number(&mut self, index: &mut HashKeyed<u32>, lower: u64, i: usize) -> u32 {
        let next = self.lowers.len() as u32;
        let id = *index.entry(lower).or_insert(next);
        if id == next {
            self.lowers.push(lower);
            self.first.push(i as u32);
        }
        id
    }

    /// The words of `doc` without the rest of the entity stage's token facts (when the tagger did
    /// not run).
    pub fn of(doc: &Doc) -> WordIds {
        let n = doc.tokens.len();
        let mut words = WordIds::with_tokens(n);
        let mut index: HashKeyed<u32> =
            HashKeyed::with_capacity_and_hasher((n / 2).min(1 << 14), Default::default());
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.kind == TokenKind::Word {
                let id = words.number(&mut index, lower_hash(&doc.text[t.start..t.end]), i);
                words.ids.push(id);
            } else {
                words.ids.push(WordIds::NONE);
            }
        }
        words
    }
}

impl DocFeats {
    /// Computes token facts, document casing flags and gazetteer classes for `doc`.
    pub fn new(doc: &Doc, gaz: &Gaz) -> DocFeats {
        let text = doc.text;
        let n = doc.tokens.len();
        // Headlines: sentences whose words are all upper case (at least two letters' worth).
        let mut headline = vec![false; doc.sentences.len()];
        for (si, s) in doc.sentences.iter().enumerate() {
            let mut words = 0;
            let mut caps = 0;
            for t in &doc.tokens[s.first..s.last] {
                if t.kind == TokenKind::Word {
                    words += 1;
                    if t.all_caps {
                        caps += 1;
                    }
                }
            }
            headline[si] = words >= 2 && caps * 10 >= words * 8;
        }
        // Each distinct text is hashed once ([`Form`]); a token finds its form by the 64-bit hash
        // and length of its bytes (not compared: that would read the first occurrence's text, a
        // cache miss per token on long texts; two distinct texts of one document sharing both
        // would only share features).
        let cap = (n / 2).min(1 << 14);
        let mut forms: Vec<Form> = Vec::with_capacity(cap);
        // Each form's word id (numbers and punctuation have none), numbered on its first use.
        let mut form_word: Vec<u32> = Vec::with_capacity(cap);
        let mut by_raw: HashKeyed<u32> =
            HashKeyed::with_capacity_and_hasher(cap, Default::default());
        // How each word is written elsewhere: capitalised mid-sentence (not in a headline), or lower.
        // The same pass numbers the distinct words, which the topic stage reuses ([`WordIds`]).
        let mut words = WordIds::with_tokens(n);
        let mut index: HashKeyed<u32> =
            HashKeyed::with_capacity_and_hasher(cap, Default::default());
        let mut casing: Vec<u16> = Vec::new();
        let mut toks = Vec::with_capacity(n);
        for (i, t) in doc.tokens.iter().enumerate() {
            let w = &text[t.start..t.end];
            // The length folded in: a cheap second check against collisions.
            let raw = fnv(w.as_bytes());
            let key = raw ^ (w.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            let form = *by_raw.entry(key).or_insert_with(|| {
                forms.push(Form::of(w, raw));
                form_word.push(WordIds::NONE);
                forms.len() as u32 - 1
            }) as usize;
            let fm = &forms[form];
            let sent = &doc.sentences[t.sentence as usize];
            let mut flags = fm.facts;
            if t.cap {
                flags |= F_CAP;
            }
            if t.all_caps {
                flags |= F_ALLCAPS;
            }
            if sent.first == i || (sent.first + 1 == i && is_opener(doc.tok(i - 1))) {
                flags |= F_SENT_START;
            }
            if headline.get(t.sentence as usize).copied().unwrap_or(false) {
                flags |= F_HEADLINE;
            }
            if t.kind == TokenKind::Punct {
                flags |= F_PUNCT;
            }
            if t.kind == TokenKind::Word {
                let mut id = form_word[form];
                if id == WordIds::NONE {
                    id = words.number(&mut index, fm.lower, i);
                    form_word[form] = id;
                }
                words.ids.push(id);
                if casing.len() <= id as usize {
                    casing.push(0);
                }
                let bit = if flags & F_CAP != 0 {
                    if flags & (F_SENT_START | F_HEADLINE) == 0 {
                        F_DOC_CAP
                    } else {
                        0
                    }
                } else {
                    F_DOC_LOWER
                };
                casing[id as usize] |= bit;
            } else {
                words.ids.push(WordIds::NONE);
            }
            toks.push(TokInfo {
                form: form as u32,
                sentence: t.sentence,
                flags,
                gaz: 0,
                plain: (fm.all_lower && t.kind == TokenKind::Word) || t.kind == TokenKind::Punct,
            });
        }
        let lowers: Vec<u64> = forms.iter().map(|f| f.lower).collect();
        let near: Vec<Near> = forms
            .iter()
            .map(|f| Near {
                lower: f.lower,
                shape: f.shape,
                raw: f.raw,
                suf3: f.suf[2],
            })
            .collect();
        // Gazetteer classes over the forms' lower-case hashes (a form's one-word lookup once).
        let mut single: Vec<u16> = vec![UNSEEN; forms.len()];
        let classes = gazetteer::classes(
            doc,
            gaz,
            |j| lowers[toks[j].form as usize],
            |j| {
                let f = toks[j].form as usize;
                if single[f] == UNSEEN {
                    single[f] = gaz.first_step(lowers[f]).map_or(ABSENT, u16::from);
                }
                u8::try_from(single[f]).ok()
            },
        );
        for (ti, (g, &id)) in toks.iter_mut().zip(classes.into_iter().zip(&words.ids)) {
            ti.gaz = g & gazetteer::FEATURE_MASK;
            if let Some(&b) = casing.get(id as usize) {
                ti.flags |= b;
            }
        }
        DocFeats {
            toks,
            forms,
            lowers,
            near,
            words,
        }
    }

    /// The hashes of token `i`'s text.
    pub fn form(&self, i: usize) -> &Form {
        &self.forms[self.toks[i].form as usize]
    }

    /// The hash of token `i`'s lower-cased text.
    pub fn lower(&self, i: usize) -> u64 {
        self.lowers[self.toks[i].form as usize]
    }

    /// The gazetteer classes of token `i` (see [`gazetteer`]).
    pub fn gaz(&self, i: usize) -> u8 {
        self.toks.get(i).map_or(0, |t| t.gaz)
    }

    /// Whether token `i`'s word is written in lower case elsewhere in the document.
    pub fn lower_elsewhere(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.flags & F_DOC_LOWER != 0)
    }

    fn lower_at(&self, i: usize, d: isize) -> u64 {
        let j = i as isize + d;
        if j < 0 {
            return BOS;
        }
        match self.toks.get(j as usize) {
            Some(t) if t.sentence == self.toks[i].sentence => self.near[t.form as usize].lower,
            _ if d < 0 => BOS,
            _ => EOS,
        }
    }

    fn tok_at(&self, i: usize, d: isize) -> Option<&TokInfo> {
        let j = i as isize + d;
        if j < 0 {
            return None;
        }
        self.toks
            .get(j as usize)
            .filter(|t| t.sentence == self.toks[i].sentence)
    }

    /// Features of token `i` that do not depend on the previous tags; pushes bucket indices.
    pub fn static_features(&self, i: usize, out: &mut Vec<u32>) {
        self.features_of(i, ALL_WORD_FEATURES, |f| out.push(f));
    }

    /// [`Self::static_features`] with only the [`Self::word_features`] whose bit is set in
    /// `keep` (the others are summed once per form by the tagger), the rest in the same order;
    /// each bucket is handed to `emit` (no list is built).
    #[inline]
    pub fn context_features(&self, i: usize, keep: u16, emit: impl FnMut(u32)) {
        self.features_of(i, keep, emit);
    }

    /// The features of a token that depend on its text alone, in [`Self::static_features`]'s
    /// order, each with its bit for [`Self::context_features`].
    pub fn word_features(f: &Form, out: &mut Vec<(u16, u32)>) {
        out.push((1 << W_RAW, mix(1, f.raw, 0)));
        out.push((1 << W_LOWER, mix(2, f.lower, 0)));
        out.push((1 << W_SHAPE, mix(9, f.shape, 0)));
        for k in 0..4 {
            if f.pre[k] != 0 {
                out.push((1 << (W_AFFIX + 2 * k), mix(12 + k as u64, f.pre[k], 0)));
            }
            if f.suf[k] != 0 {
                out.push((1 << (W_AFFIX + 2 * k + 1), mix(16 + k as u64, f.suf[k], 0)));
            }
        }
    }

    #[inline]
    fn features_of(&self, i: usize, keep: u16, mut out: impl FnMut(u32)) {
        let t = &self.toks[i];
        let form = |x: &TokInfo| &self.near[x.form as usize];
        let tf = form(t);
        let case_flags = (t.flags & 0x1ff) as u64;
        let doc_flags = (t.flags & (F_DOC_CAP | F_DOC_LOWER)) as u64;
        let lm1 = self.lower_at(i, -1);
        let lm2 = self.lower_at(i, -2);
        let lp1 = self.lower_at(i, 1);
        let lp2 = self.lower_at(i, 2);
        let m1 = self.tok_at(i, -1);
        let p1 = self.tok_at(i, 1);
        let sh_m1 = m1.map_or(BOS, |x| form(x).shape);
        let sh_p1 = p1.map_or(EOS, |x| form(x).shape);
        let g_m1 = m1.map_or(0, |x| x.gaz) as u64;
        let g_p1 = p1.map_or(0, |x| x.gaz) as u64;
        out(mix(0, 0, 0));
        if keep & 1 << W_RAW != 0 {
            out(mix(1, tf.raw, 0));
        }
        if keep & 1 << W_LOWER != 0 {
            out(mix(2, tf.lower, 0));
        }
        out(mix(3, lm1, 0));
        out(mix(4, lm2, 0));
        out(mix(5, lp1, 0));
        out(mix(6, lp2, 0));
        out(mix(7, lm1, tf.lower));
        out(mix(8, tf.lower, lp1));
        if keep & 1 << W_SHAPE != 0 {
            out(mix(9, tf.shape, 0));
        }
        out(mix(10, sh_m1, tf.shape));
        out(mix(11, tf.shape, sh_p1));
        // The affixes are read from the whole form, and only when some are kept here.
        if keep >> W_AFFIX != 0 {
            let full = &self.forms[t.form as usize];
            for k in 0..4 {
                if keep & 1 << (W_AFFIX + 2 * k) != 0 && full.pre[k] != 0 {
                    out(mix(12 + k as u64, full.pre[k], 0));
                }
                if keep & 1 << (W_AFFIX + 2 * k + 1) != 0 && full.suf[k] != 0 {
                    out(mix(16 + k as u64, full.suf[k], 0));
                }
            }
        }
        out(mix(20, t.flags as u64, 0));
        out(mix(21, case_flags, tf.shape));
        out(mix(22, t.gaz as u64, case_flags & 7));
        out(mix(23, g_m1, t.gaz as u64));
        out(mix(24, t.gaz as u64, g_p1));
        out(mix(
            25,
            doc_flags,
            t.flags as u64 & (F_CAP | F_SENT_START | F_HEADLINE) as u64,
        ));
        out(mix(26, doc_flags, tf.lower));
        out(mix(27, lm1, tf.shape));
        out(mix(28, tf.shape, lp1));
        out(mix(29, m1.map_or(BOS, |x| form(x).raw), 0));
        out(mix(30, p1.map_or(EOS, |x| form(x).raw), 0));
        out(mix(
            31,
            self.tok_at(i, -2).map_or(BOS, |x| form(x).shape),
            0,
        ));
        out(mix(32, self.tok_at(i, 2).map_or(EOS, |x| form(x).shape), 0));
        out(mix(33, m1.map_or(BOS, |x| form(x).suf3), 0));
        out(mix(34, p1.map_or(EOS, |x| form(x).suf3), 0));
        out(mix(
            35,
            t.flags as u64,
            p1.map_or(0, |x| (x.flags & (F_CAP | F_PUNCT)) as u64),
        ));
    }

    /// Features that depend on the two previous tags.
    pub fn tag_features(&self, i: usize, p1: usize, p2: usize, out: &mut Vec<u32>) {
        self.tag_features_with(i, p1, p2, |f| out.push(f));
    }

    /// [`Self::tag_features`], each bucket handed to `out`.
    #[inline]
    pub fn tag_features_with(&self, i: usize, p1: usize, p2: usize, mut out: impl FnMut(u32)) {
        let t = &self.toks[i];
        out(mix(40, p1 as u64, 0));
        out(mix(41, p1 as u64, p2 as u64));
        let f = &self.near[t.form as usize];
        out(mix(42, p1 as u64, f.lower));
        out(mix(43, p1 as u64, f.shape));
    }
}

/// Name types in tag order (`B-X` = 1 + 2·index).
pub const TYPES: [crate::model::Label; 4] = [
    crate::model::Label::PER,
    crate::model::Label::ORG,
    crate::model::Label::LOC,
    crate::model::Label::MISC,
];

/// Token spans `(first, after_last, type index)` from BIO tags; an `I-X` without its `B-X` opens a
/// span, so no tagged token is lost.
pub fn spans_from_tags(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let t = t as usize;
        let ty = if t == 0 { usize::MAX } else { (t - 1) / 2 };
        let is_b = t != 0 && t % 2 == 1;
        match open {
            Some((s, oty)) if t != 0 && !is_b && oty == ty => {
                let _ = s;
                continue;
            }
            Some((s, oty)) => {
                out.push((s, i, oty));
                open = None;
            }
            None => {}
        }
        if t != 0 {
            open = Some((i, ty));
        }
    }
    if let Some((s, ty)) = open {
        out.push((s, tags.len(), ty));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens share a form exactly when their texts are equal, the shared hashes are those of
    /// the token's own text, and the words are numbered as the plain numbering does.
    #[test]
    fn forms_are_per_distinct_text() {
        let text = "The the THE tHe. Biden met Biden; biden said “Biden.” 14 14.0 14 Київ київ \
            Київ Zürich zürich - -- — The";
        let doc = Doc::new(text);
        let df = DocFeats::new(&doc, gazetteer::shipped());
        assert_eq!(df.words, WordIds::of(&doc));
        for i in 0..doc.tokens.len() {
            let w = doc.tok(i);
            let own = Form::of(w, fnv(w.as_bytes()));
            let f = df.form(i);
            assert_eq!(
                (f.raw, f.lower, f.shape, f.pre, f.suf),
                (own.raw, own.lower, own.shape, own.pre, own.suf),
                "{w}"
            );
            for j in 0..doc.tokens.len() {
                assert_eq!(
                    df.toks[i].form == df.toks[j].form,
                    w == doc.tok(j),
                    "{w} / {}",
                    doc.tok(j)
                );
            }
        }
    }

    /// The ASCII fast path gives exactly the general path's hashes (the shipped weights are keyed
    /// by them).
    #[test]
    fn ascii_path_matches_unicode_path() {
        for w in [
            "a",
            "I",
            "U.S.",
            "well-known",
            "1,000",
            "14.27",
            "NATO",
            "McDonald",
            "x2-B",
            "'s",
            "--",
            "Zelenskyy",
            "AT&T",
            "24/7",
            "e.g",
            "ABCDEFGH",
        ] {
            let (a, u) = (
                ascii_word_hashes(w.as_bytes(), fnv(w.as_bytes())),
                unicode_word_hashes(w),
            );
            assert_eq!(
                (a.raw, a.lower, a.shape, a.pre, a.suf, a.n),
                (u.raw, u.lower, u.shape, u.pre, u.suf, u.n),
                "{w}"
            );
            assert_eq!(
                (a.digit, a.hyphen, a.all_lower),
                (u.digit, u.hyphen, u.all_lower),
                "{w}"
            );
            assert_eq!(a.lower, lower_hash(w), "{w}");
        }
    }
}
