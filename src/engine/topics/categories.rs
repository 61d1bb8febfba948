//! News categories on IPTC Media Topics.
//!
//! Two sources of evidence, both linear in the document's distinct words:
//! - a multinomial logistic regression over log word counts (L2-normalized), trained by
//!   `article-analyzer train topics` on the BBC and MasakhaNEWS training sets and shipped as int8
//!   weights (`data/topics/categories.tsv`); it knows the six top-level topics those sets have;
//! - hand-written seed lexicons (`data/topics/lexicons.txt`) for the other top-level topics and for
//!   second-level topics.
//!
//! The lexicon score of a topic is the share of the document's (normalized) word mass that falls on
//! its words; for top-level topics the model lacks it becomes a logit next to the model's, so one
//! softmax ranks all 17 top-level topics.

use super::words::{FxSet, KeyMap, Words};
use crate::model::{Category, Text};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use std::sync::OnceLock;

/// `data/topics/categories.tsv` without its word rows, which are in the build script's stem
/// table ([`crate::packed`]).
const MODEL_HEAD: &str = include_str!(concat!(env!("OUT_DIR"), "/categories-head.tsv"));
#[cfg(test)]
const LEXICONS: &str = include_str!("../../../data/topics/lexicons.txt");
/// [`LEXICONS`] lower-cased and stemmed by the build script (`engine/build.rs`).
const LEXICONS_STEMMED: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicons-stemmed.txt"));
const LABELS: &str = include_str!("../../../data/topics/labels.tsv");

/// Logit of a lexicon-only top-level topic: the model's best logit + `LEX_SLOPE` × (its lexicon
/// share − the best class's lexicon share) − `LEX_MARGIN`.
const LEX_SLOPE: f32 = 10.0;
const LEX_MARGIN: f32 = 6.0;
/// A lexicon-only top-level topic is also shown after the first when it has this many distinct
/// cue words and this share of the best class's cue-word mass.
const LEX_EXTRA_CUES: usize = 5;
const LEX_EXTRA_SHARE: f32 = 0.75;
/// Top-level topics after the first are shown from this probability on.
const MIN_EXTRA_L1: f32 = 0.2;
/// A second-level topic is shown from this lexicon share on, with at least two distinct cue words.
const MIN_L2_SHARE: f32 = 0.12;
/// At most this many second-level topics.
const MAX_L2: usize = 3;

/// A topic code with our display name.
#[derive(Debug, Clone)]
pub struct Label {
    /// IPTC code.
    pub code: Text,
    /// Top-level code for second-level topics.
    pub parent: Option<Text>,
    /// Our short display name.
    pub name: Text,
}

/// The shipped classifier and lexicons, parsed once.
#[derive(Debug, Default)]
pub struct Model {
    /// Every topic we can show, top level first.
    pub labels: Vec<Label>,
    /// Each label's parent, by index into `labels`.
    parent_of: Vec<Option<usize>>,
    /// Index into `labels` of each model class.
    classes: Vec<usize>,
    /// Scale of the int8 weights.
    scale: f32,
    /// Bias per class.
    bias: Vec<f32>,
    /// Weights per word stem (by [`key`]), one per class.
    weights: KeyMap<Vec<i8>>,
    /// Weights of each topic's lexicon share as a model feature (rows `@lex:CODE`), by label index.
    lex_weights: Vec<Option<Vec<i8>>>,
    /// Per stem (by [`key`]): (label index, weight).
    lexicon: KeyMap<Vec<(usize, f32)>>,
    /// Every stem with weights or lexicon hits: its index in `entries` (by [`key`]).
    entry_of: KeyMap<u32>,
    /// Per stem: where its weights and lexicon hits are in `entry_weights` and `entry_hits` (one
    /// small record per stem and flat arrays, so a word costs few cache misses; none to find its
    /// entry for words cached in [`Words`]).
    entries: Vec<Entry>,
    /// Every entry's weights, one per class, in entry order, each row `stride` long (zeros
    /// after the classes).
    entry_weights: Vec<i8>,
    /// Length of a row of `entry_weights`.
    stride: usize,
    /// Every entry's lexicon hits as (label index, weight), in entry order.
    entry_hits: Vec<(usize, f32)>,
}

/// One stem's place in the flat arrays: its weights at `weights` (or none: `u32::MAX`), its
/// lexicon hits at `hits..hits + n_hits`.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    weights: u32,
    hits: u32,
    n_hits: u32,
}

impl Entry {
    /// A stem the model does not know.
    pub const NONE: Entry = Entry {
        weights: u32::MAX,
        hits: 0,
        n_hits: 0,
    };
}

/// Classes summed at once (see `Model::scan`).
const LANES: usize = 8;
/// Whether `Model::scan` sums rows in `LANES` (natively only, see there).
const SUM_IN_LANES: bool = cfg!(not(target_arch = "wasm32"));

/// No entry in the model.
pub const NO_ENTRY: u32 = u32::MAX;

/// One word's entries in the model (its weights per class and its lexicon hits), with its feature
/// value: ln(1 + count) over the document's L2 norm of those.
struct Row<'m> {
    weights: Option<&'m [i8]>,
    hits: Option<&'m [(usize, f32)]>,
    x: f32,
}

/// The shipped model.
pub fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        let mut rows = Vec::new();
        crate::packed::stems_decode(super::keyphrases::STEMS, true, |w, _, r| {
            if let Some(r) = r {
                rows.push((super::words::key(w), r.to_vec()));
            }
        });
        Model::parse_with(MODEL_HEAD, rows, LEXICONS_STEMMED, true, LABELS)
    })
}

impl Model {
    /// Parses the three data files; malformed lines are skipped (the files are ours and tested).
    pub fn parse(model: &str, lexicons: &str, labels: &str) -> Model {
        Model::parse_with(model, Vec::new(), lexicons, false, labels)
    }

    /// [`Model::parse`] with word rows given apart as ([`key`] of the stem, weights) besides any
    /// in `model`, and lexicon words `stemmed` already or not.
    fn parse_with(
        model: &str,
        rows: Vec<(u64, Vec<i8>)>,
        lexicons: &str,
        stemmed: bool,
        labels: &str,
    ) -> Model {
        let mut m = Model {
            scale: 1.0,
            ..Model::default()
        };
        for line in labels.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() >= 3 {
                m.labels.push(Label {
                    code: Text::from(f[0]),
                    parent: (!f[1].is_empty()).then(|| Text::from(f[1])),
                    name: Text::from(f[2]),
                });
            }
        }
        let index: HashMap<&str, usize> = m
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.code.as_str(), i))
            .collect();
        m.parent_of = m
            .labels
            .iter()
            .map(|l| l.parent.as_deref().and_then(|p| index.get(p).copied()))
            .collect();
        for line in model.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            // Header keys start with `@`, which no word feature contains.
            let mut f = line.split('\t');
            let key = f.next().unwrap_or("");
            match key {
                "@classes" => {
                    m.classes = f.filter_map(|c| index.get(c).copied()).collect();
                }
                "@scale" => m.scale = f.next().and_then(|s| s.parse().ok()).unwrap_or(1.0),
                "@bias" => m.bias = f.filter_map(|s| s.parse().ok()).collect(),
                _ => {
                    let w: Vec<i8> = f.filter_map(|s| s.parse().ok()).collect();
                    if w.len() == m.classes.len() {
                        m.weights.insert(super::words::key(key), w);
                    }
                }
            }
        }
        m.weights.reserve(rows.len());
        for (k, w) in rows {
            if w.len() == m.classes.len() {
                m.weights.insert(k, w);
            }
        }
        m.bias.resize(m.classes.len(), 0.0);
        m.lex_weights = m
            .labels
            .iter()
            .map(|l| {
                m.weights
                    .remove(&super::words::key(&format!("@lex:{}", l.code)))
            })
            .collect();
        let stemmer = Stemmer::create(Algorithm::English);
        let mut current: Option<usize> = None;
        for line in lexicons.lines() {
            let line = line.trim();
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            if let Some(code) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = index.get(code).copied();
                continue;
            }
            let Some(li) = current else { continue };
            for item in line.split_whitespace() {
                let (word, weight) = match item.split_once('*') {
                    Some((w, k)) => (w, k.parse::<f32>().unwrap_or(1.0)),
                    None => (item, 1.0),
                };
                let key = if stemmed {
                    super::words::key(word)
                } else {
                    let mut lower = String::new();
                    super::words::lower_into(word, &mut lower);
                    if lower.is_empty() {
                        continue;
                    }
                    super::words::key(&stemmer.stem(&lower))
                };
                let e = m.lexicon.entry(key).or_default();
                if !e.iter().any(|(l, _)| *l == li) {
                    e.push((li, weight));
                }
            }
        }
        // Rows of a model of up to `LANES` classes are padded to `LANES` (see `Model::scan`).
        m.stride = if m.classes.len() <= LANES {
            LANES
        } else {
            m.classes.len()
        };
        let mut keys: Vec<u64> = m.weights.keys().chain(m.lexicon.keys()).copied().collect();
        crate::sort::sort_u64(&mut keys);
        keys.dedup();
        m.entry_of.reserve(keys.len());
        m.entries.reserve(keys.len());
        for k in keys {
            m.entry_of.insert(k, m.entries.len() as u32);
            let weights = match m.weights.get(&k) {
                Some(w) => {
                    let at = m.entry_weights.len();
                    m.entry_weights.extend_from_slice(w);
                    m.entry_weights.resize(at + m.stride.max(w.len()), 0);
                    at as u32
                }
                None => u32::MAX,
            };
            let hits = m.lexicon.get(&k).map(Vec::as_slice).unwrap_or_default();
            m.entries.push(Entry {
                weights,
                hits: m.entry_hits.len() as u32,
                n_hits: hits.len() as u32,
            });
            m.entry_hits.extend_from_slice(hits);
        }
        m
    }

    /// The entry of a stem (by [`key`]): an index for [`Model::entry_at`], or [`NO_ENTRY`].
    pub fn entry(&self, stem_key: u64) -> u32 {
        self.entry_of.get(&stem_key).copied().unwrap_or(NO_ENTRY)
    }

    /// The entry record of a stem (by [`key`]); [`Entry::NONE`] when the model does not know it.
    pub fn entry_record(&self, stem_key: u64) -> Entry {
        self.entries
            .get(self.entry(stem_key) as usize)
            .copied()
            .unwrap_or(Entry::NONE)
    }

    fn entry_at(&self, en: Entry, x: f32) -> Row<'_> {
        let n = self.classes.len();
        let (w, h) = (en.weights as usize, en.hits as usize);
        Row {
            weights: (en.weights != u32::MAX)
                .then(|| {
                    self.entry_weights
                        .get(w..w.saturating_add(n.max(self.stride)))
                })
                .flatten(),
            hits: self
                .entry_hits
                .get(h..h.saturating_add(en.n_hits as usize))
                .filter(|h| !h.is_empty()),
            x,
        }
    }

    /// Each word's entry record (for the shipped model the words carry theirs; another model,
    /// a test's or the trainer's, looks them up).
    fn entries<'w>(&self, words: &'w Words) -> Entries<'w> {
        if std::ptr::eq(self, model()) {
            Entries::Carried(words)
        } else {
            Entries::Looked(
                words
                    .vocab
                    .iter()
                    .map(|w| self.entry_record(w.stem_key))
                    .collect(),
            )
        }
    }

    /// Each topic's lexicon share (by label index): the normalized word mass on its cue words,
    /// with the number of distinct cue words. A model feature as well as a score of its own.
    pub fn lexicon_shares(&self, words: &Words) -> (Vec<f32>, Vec<usize>) {
        let scan = self.scan(words, &self.entries(words));
        (scan.share, scan.cues)
    }

    /// One pass over the words. A word's feature value is ln(1 + count) over the document's L2
    /// norm of those; the norm is known only at the end, so the sums are of ln(1 + count) and
    /// divided by it once (rather than a pass for the norm, then one per sum).
    fn scan(&self, words: &Words, entries: &Entries) -> Scan {
        let mut scan = Scan {
            raw: vec![0.0; self.classes.len()],
            share: vec![0.0; self.labels.len()],
            cues: vec![0; self.labels.len()],
            norm: 0.0,
            readable: Vec::with_capacity(words.vocab.len()),
        };
        let mut sum_sq = 0.0f32;
        // The class sums in a fixed-size array when the rows are `LANES` long: a row is then
        // added in a few vector instructions (into `raw` one class at a time, through memory,
        // they were most of the scan). The same additions in the same order: the same sums.
        let mut lanes = [0f32; LANES];
        // The words' weight rows lie anywhere in the model: first only touched, all loads in
        // flight at once (a sum nothing waits for), then summed.
        let mut touched = 0i32;
        for i in 0..words.vocab.len() {
            let w = entries.get(i).weights as usize;
            touched += i32::from(self.entry_weights.get(w).copied().unwrap_or(0));
        }
        std::hint::black_box(touched);
        // Cue words count once per stem ("firm" and "firmly" are one cue).
        let mut seen: FxSet<u64> = FxSet::default();
        for (i, w) in words.vocab.iter().enumerate() {
            let l = super::words::ln_1p_count(w.count);
            sum_sq += l * l;
            let en = entries.get(i);
            if en.weights == u32::MAX && en.n_hits == 0 {
                continue;
            }
            if !(w.stop || w.chars <= 2) {
                scan.readable.push(i as u32);
            }
            let row = self.entry_at(en, l);
            if let Some(ws) = row.weights {
                // (Not in the wasm build: without its vector instructions the unrolled rows cost
                // 2.3 KB gzipped, over the size budget.)
                let fixed = <&[i8; LANES]>::try_from(ws).ok().filter(|_| SUM_IN_LANES);
                if let Some(ws) = fixed {
                    for k in 0..LANES {
                        lanes[k] += l * ws[k] as f32;
                    }
                } else {
                    for (r, &q) in scan.raw.iter_mut().zip(ws) {
                        *r += l * q as f32;
                    }
                }
            }
            if let Some(hits) = row.hits {
                let new_stem = seen.insert(w.stem_key);
                for &(li, weight) in hits {
                    scan.share[li] += l * weight;
                    scan.cues[li] += usize::from(new_stem);
                }
            }
        }
        if SUM_IN_LANES && self.stride == LANES {
            for (r, l) in scan.raw.iter_mut().zip(lanes) {
                *r += l;
            }
        }
        scan.norm = sum_sq.sqrt().max(1e-9);
        for s in &mut scan.share {
            *s /= scan.norm;
        }
        scan
    }

    /// Scores every topic for a document.
    pub fn categorize(&self, words: &Words) -> Vec<Category> {
        if words.vocab.is_empty() {
            return Vec::new();
        }
        let mut logits = self.bias.clone();
        let entries = self.entries(words);
        let Scan {
            raw,
            share,
            cues,
            norm,
            readable,
        } = self.scan(words, &entries);
        for (lw, &s) in self.lex_weights.iter().zip(&share) {
            // Most topics have no cue word in an article: a zero share adds nothing.
            if let (Some(lw), true) = (lw, s != 0.0) {
                for (l, &q) in logits.iter_mut().zip(lw) {
                    *l += s * q as f32 * self.scale;
                }
            }
        }
        let words_scale = self.scale / norm;
        for (l, &r) in logits.iter_mut().zip(&raw) {
            *l += r * words_scale;
        }
        // One softmax over the top-level topics. A lexicon-only topic is placed relative to the
        // model's best class: ahead of it only when its cue words clearly outweigh that class's own.
        let best = (0..logits.len()).max_by(|&a, &b| logits[a].total_cmp(&logits[b]));
        let (best_logit, best_share) = match best {
            Some(c) => (
                logits[c],
                self.classes.get(c).map(|&li| share[li]).unwrap_or(0.0),
            ),
            None => (0.0, 0.0),
        };
        let mut top: Vec<(usize, f32)> = Vec::with_capacity(self.labels.len());
        for (li, l) in self.labels.iter().enumerate() {
            if l.parent.is_some() {
                continue;
            }
            let logit = match self.classes.iter().position(|&c| c == li) {
                Some(c) => logits.get(c).copied().unwrap_or(0.0),
                None if cues[li] >= 2 => {
                    best_logit + LEX_SLOPE * (share[li] - best_share) - LEX_MARGIN
                }
                None => f32::NEG_INFINITY,
            };
            top.push((li, logit));
        }
        let max = top.iter().map(|t| t.1).fold(f32::NEG_INFINITY, f32::max);
        let sum: f32 = top.iter().map(|t| (t.1 - max).exp()).sum();
        for t in &mut top {
            t.1 = (t.1 - max).exp() / sum.max(1e-9);
        }
        crate::sort::sort_by_u64_key(&mut top, |&(li, p)| crate::sort::score_desc_key(p, li));
        // The topics shown, as (label index, score).
        let mut picks: Vec<(usize, f32)> = Vec::with_capacity(3 + MAX_L2);
        for (rank, &(li, p)) in top.iter().enumerate() {
            if rank > 0 && (p < MIN_EXTRA_L1 || rank >= 3) {
                break;
            }
            picks.push((li, p));
        }
        // A topic the model has no class for is also shown, after the first, when its cue words
        // weigh nearly as much as the first class's own and are many: an arrest over a
        // cyberattack on a retailer is business and crime.
        for (li, l) in self.labels.iter().enumerate() {
            if picks.len() >= 3 {
                break;
            }
            if l.parent.is_none()
                && !self.classes.contains(&li)
                && cues[li] >= LEX_EXTRA_CUES
                && share[li] >= LEX_EXTRA_SHARE * best_share
                && !picks.iter().any(|&(p, _)| p == li)
            {
                let first = picks.first().map_or(0.0, |p| p.1);
                picks.push((
                    li,
                    MIN_EXTRA_L1.max(first * share[li] / best_share.max(share[li]) / 2.0),
                ));
            }
        }
        // Second-level topics under the shown top-level ones.
        let shown: Vec<(usize, f32)> = picks.iter().map(|&(li, p)| (li, rounded(p))).collect();
        let mut seconds: Vec<(usize, f32)> = Vec::with_capacity(self.parent_of.len());
        for (li, parent) in self.parent_of.iter().enumerate() {
            let Some(parent) = *parent else { continue };
            let Some((_, ps)) = shown.iter().find(|(c, _)| *c == parent) else {
                continue;
            };
            if cues[li] >= 2 && share[li] >= MIN_L2_SHARE {
                seconds.push((li, ps * (share[li] / (2.0 * MIN_L2_SHARE)).min(1.0)));
            }
        }
        crate::sort::sort_by_u64_key(&mut seconds, |&(li, p)| crate::sort::score_desc_key(p, li));
        picks.extend(seconds.iter().take(MAX_L2));
        let evidence = self.evidence(&picks, words, &readable, &entries, norm);
        let out: Vec<Category> = picks
            .iter()
            .zip(evidence)
            .map(|(&(li, score), evidence)| {
                let l = &self.labels[li];
                Category {
                    code: l.code.clone(),
                    label: l.name.clone(),
                    score: rounded(score),
                    parent: l.parent.clone(),
                    evidence,
                }
            })
            .collect();
        out
    }

    /// Labels: every topic we can show.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// The evidence of each picked topic (label index, score): the readable words (not function
    /// words, more than two characters: model weight can sit on words that explain nothing to a
    /// reader) that added most to it (model weight and lexicon cue). One pass over the words for
    /// all of them, for the few topics shown only.
    fn evidence(
        &self,
        picks: &[(usize, f32)],
        words: &Words,
        readable: &[u32],
        entries: &Entries,
        norm: f32,
    ) -> Vec<Vec<Text>> {
        // Per pick: its model class, if any (a topic without one, a lexicon's only, is helped by
        // cue words alone).
        let classes: Vec<Option<usize>> = picks
            .iter()
            .map(|&(li, _)| self.classes.iter().position(|&c| c == li))
            .collect();
        // Contributions as (v, word) packed to sort as integers, largest v first, then by word
        // (the same integer order as the key phrases'); each pick keeps its five smallest keys
        // as the pass goes (most words beat none of them: one comparison).
        let pack = crate::sort::score_desc_key;
        let mut contribs: Vec<Best5> = vec![Best5::default(); picks.len()];
        // The picks with a model class (their classes, and their words' offers from model
        // weights alone, merged into `contribs` at the end).
        let model_picks: Vec<usize> = classes.iter().flatten().copied().collect();
        let mut model_contribs: Vec<Best5> = vec![Best5::default(); model_picks.len()];
        for &wi in readable {
            let wi = wi as usize;
            let Some(w) = words.vocab.get(wi) else {
                continue;
            };
            let row = self.entry_at(entries.get(wi), super::words::ln_1p_count(w.count) / norm);
            if row.hits.is_none() && row.weights.is_none() {
                continue;
            }
            let x = row.x;
            // Most words have model weights and no lexicon hit: only the picks with a model class
            // can gain from them.
            if let (Some(ws), None) = (row.weights, row.hits) {
                for (&c, contrib) in model_picks.iter().zip(&mut model_contribs) {
                    let v = x * ws.get(c).copied().unwrap_or(0) as f32 * self.scale;
                    if v > 0.0 && wi <= u32::MAX as usize {
                        contrib.offer(pack(v, wi));
                    }
                }
                continue;
            }
            for ((&(li, _), class), contrib) in picks.iter().zip(&classes).zip(&mut contribs) {
                if class.is_none() && row.hits.is_none() {
                    continue;
                }
                let mut v = 0.0;
                if let (Some(c), Some(ws)) = (class, row.weights) {
                    v += x * ws.get(*c).copied().unwrap_or(0) as f32 * self.scale;
                }
                if let Some(hits) = row.hits {
                    for &(l, weight) in hits {
                        if l == li {
                            v += x * weight;
                        }
                    }
                }
                if v > 0.0 && wi <= u32::MAX as usize {
                    contrib.offer(pack(v, wi));
                }
            }
        }
        // Each word went one way or the other: the merge sees every word once.
        let with_class = contribs
            .iter_mut()
            .zip(&classes)
            .filter(|(_, c)| c.is_some());
        for ((contrib, _), extra) in with_class.zip(&model_contribs) {
            for &k in &extra.keys[..extra.len] {
                contrib.offer(k);
            }
        }
        contribs
            .into_iter()
            .map(|best| {
                // Five words are shown. Distinct words have distinct lower-cased forms: no
                // duplicates to skip.
                best.keys[..best.len]
                    .iter()
                    .filter_map(|&c| words.vocab.get(c as u32 as usize))
                    .map(|w| words.lower(w))
                    .collect()
            })
            .collect()
    }
}

/// A document's words summed up for the model (see [`Model::scan`]).
struct Scan {
    /// Per model class: the sum of ln(1 + count) × int8 weight over the words.
    raw: Vec<f32>,
    /// Per label: the lexicon share (already divided by the norm).
    share: Vec<f32>,
    /// Per label: distinct cue stems.
    cues: Vec<usize>,
    /// L2 norm of the words' ln(1 + count).
    norm: f32,
    /// The words that can be evidence: in the model, readable (see [`Model::evidence`]).
    readable: Vec<u32>,
}

/// Each word's [`Entry`] in a model: carried by the words for the shipped model, looked up for
/// another.
enum Entries<'w> {
    Carried(&'w Words<'w>),
    Looked(Vec<Entry>),
}

impl Entries<'_> {
    fn get(&self, i: usize) -> Entry {
        match self {
            Entries::Carried(words) => words.vocab.get(i).map_or(Entry::NONE, |w| w.category),
            Entries::Looked(v) => v.get(i).copied().unwrap_or(Entry::NONE),
        }
    }
}

/// A score as shown: three decimals.
fn rounded(score: f32) -> f32 {
    (score * 1000.0).round() / 1000.0
}

/// L2 norm of the document's ln(1+count) vector (at least a tiny positive number).
pub fn norm(words: &Words) -> f32 {
    let logs: Vec<f32> = words
        .vocab
        .iter()
        .map(|w| super::words::ln_1p_count(w.count))
        .collect();
    norm_of(&logs)
}

/// L2 norm of `logs` (at least a tiny positive number).
fn norm_of(logs: &[f32]) -> f32 {
    logs.iter().map(|l| l.powi(2)).sum::<f32>().sqrt().max(1e-9)
}

/// The five smallest distinct keys offered, in ascending order.
#[derive(Debug, Clone, Copy, Default)]
struct Best5 {
    keys: [u64; 5],
    len: usize,
}

impl Best5 {
    fn offer(&mut self, k: u64) {
        if self.len == self.keys.len() && k >= self.keys[self.len - 1] {
            return;
        }
        // Insertion: shift the larger keys right (the last falls off when full).
        let mut at = self.len.min(self.keys.len() - 1);
        self.len = (self.len + 1).min(self.keys.len());
        while at > 0 && self.keys[at - 1] > k {
            self.keys[at] = self.keys[at - 1];
            at -= 1;
        }
        self.keys[at] = k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The running five smallest are the first five of the sorted keys, for any order offered.
    #[test]
    fn best5_keeps_the_five_smallest() {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for n in [0usize, 1, 4, 5, 6, 40] {
            for _ in 0..50 {
                let keys: Vec<u64> = (0..n)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        x
                    })
                    .collect();
                let mut b = Best5::default();
                let mut sorted = keys.clone();
                for &k in &keys {
                    b.offer(k);
                }
                sorted.sort_unstable();
                // (Distinct keys, as in use: a word's index is part of its key.)
                assert_eq!(&b.keys[..b.len], &sorted[..sorted.len().min(5)]);
            }
        }
    }

    /// The shipped model (header TSV + the build script's stem table) equals the model parsed
    /// from the readable `data/topics/categories.tsv`.
    #[test]
    fn packed_model_equals_the_readable_one() {
        let tsv = include_str!("../../../data/topics/categories.tsv");
        let (a, b) = (Model::parse(tsv, LEXICONS, LABELS), model());
        assert!(a.entries.len() > 5_000);
        assert_eq!(a.classes, b.classes);
        assert_eq!(a.bias, b.bias);
        assert_eq!(a.scale, b.scale);
        assert_eq!(a.lex_weights, b.lex_weights);
        assert_eq!(a.entry_of, b.entry_of);
        assert_eq!(a.entry_weights, b.entry_weights);
        assert_eq!(a.entry_hits, b.entry_hits);
    }
}
