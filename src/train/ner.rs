//! `train ner`: trains the greedy averaged-perceptron name tagger and writes `ner/model.bin`.
//!
//! Deterministic: documents are shuffled each epoch by a fixed-seed generator, so the same data
//! gives byte-identical weights. Features come from [`crate::engine::entities::features`], the
//! same code the engine runs, so training and tagging hash identically.
//!
//! Knobs (environment, for experiments; the defaults are what the shipped model used):
//! `NER_TRAIN` (comma-separated sets under `ner/`, default `conll2003`), `NER_EPOCHS`
//! (default 15), `NER_DEV` (comma-separated sets whose `dev.jsonl` is scored after training,
//! default `conll2003,gum,uner_ewt`), `NER_OTHER_WEIGHT` (default 1: the size of a perceptron
//! update on the sets after the first, to mix in other text without taking on its conventions).

use crate::engine::entities::features::{
    allowed, spans_from_tags, DocFeats, BITS, BUCKETS, N_TAGS, TYPES,
};
use crate::engine::entities::gazetteer;
use crate::engine::entities::tagger::title_prefix_len;
use crate::engine::model::Label;
use crate::engine::text::Doc;
use crate::eval::{read_jsonl, CharToByte};
use std::collections::HashSet;
use std::io;
use std::path::Path;

/// One training document, reduced to what the learner needs.
struct Example {
    /// Static feature buckets of every token, flattened; token `i` owns `offs[i]..offs[i + 1]`.
    feats: Vec<u32>,
    offs: Vec<u32>,
    /// Sentence index per token.
    sent: Vec<u32>,
    /// Gold tag per token.
    gold: Vec<u8>,
    /// Per token: the features that need the previous tags, by (p1, p2) — computed on the fly.
    df: DocFeats,
}

/// Gold spans as byte offsets with a label.
type Gold = Vec<(usize, usize, Label)>;

fn load(path: &Path) -> io::Result<Vec<(String, Gold)>> {
    let mut out = Vec::new();
    for d in read_jsonl(path)? {
        let text = d["text"].as_str().unwrap_or("").to_string();
        let c2b = CharToByte::new(&text);
        let mut g = Vec::new();
        for e in d["entities"].as_array().into_iter().flatten() {
            let (Some(s), Some(en), Some(l)) = (
                e["start"].as_u64(),
                e["end"].as_u64(),
                e["label"].as_str().and_then(Label::parse),
            ) else {
                continue;
            };
            g.push((c2b.byte(s as usize), c2b.byte(en as usize), l));
        }
        g.sort();
        out.push((text, g));
    }
    Ok(out)
}

/// BIO tags for the doc's tokens: a token overlapping a gold span takes its type.
fn gold_tags(doc: &Doc, gold: &Gold) -> Vec<u8> {
    let gold = strip_gold_titles(doc, gold);
    let gold = &gold;
    let mut tags = vec![0u8; doc.tokens.len()];
    let mut gi = 0;
    let mut prev_span = usize::MAX;
    for (i, t) in doc.tokens.iter().enumerate() {
        while gi < gold.len() && gold[gi].1 <= t.start {
            gi += 1;
        }
        if let Some(&(s, e, l)) = gold.get(gi) {
            if s < t.end && t.start < e {
                let ty = TYPES.iter().position(|&x| x == l).unwrap_or(3);
                let cont = prev_span == gi && i > 0 && tags[i - 1] != 0;
                tags[i] = if cont {
                    2 + 2 * ty as u8
                } else {
                    1 + 2 * ty as u8
                };
                prev_span = gi;
                continue;
            }
        }
        prev_span = usize::MAX;
    }
    tags
}

/// GUM puts titles inside person spans ("NASA Administrator Charles Bolden"); CoNLL and UNER do
/// not. Training on one convention: titles are cut off person spans.
fn strip_gold_titles(doc: &Doc, gold: &Gold) -> Gold {
    gold.iter()
        .map(|&(s, e, l)| {
            if l != Label::PER {
                return (s, e, l);
            }
            let a = doc.token_at_or_after(s);
            let b = doc.token_at_or_after(e);
            if b <= a + 1 || b > doc.tokens.len() {
                return (s, e, l);
            }
            let words: Vec<&str> = (a..b).map(|i| doc.tok(i)).collect();
            let cut = title_prefix_len(&words);
            if cut > 0 && cut < words.len() {
                (doc.tokens[a + cut].start, e, l)
            } else {
                (s, e, l)
            }
        })
        .collect()
}

fn example(text: &str, gold: &Gold) -> Example {
    let doc = Doc::new(text);
    let df = DocFeats::new(&doc, gazetteer::shipped());
    let mut feats = Vec::with_capacity(doc.tokens.len() * 40);
    let mut offs = Vec::with_capacity(doc.tokens.len() + 1);
    offs.push(0u32);
    for i in 0..doc.tokens.len() {
        df.static_features(i, &mut feats);
        offs.push(feats.len() as u32);
    }
    Example {
        feats,
        offs,
        sent: doc.tokens.iter().map(|t| t.sentence).collect(),
        gold: gold_tags(&doc, gold),
        df,
    }
}

/// Averaged perceptron state.
struct Learner {
    w: Vec<f32>,
    acc: Vec<f64>,
    ts: Vec<u32>,
    step: u32,
}

impl Learner {
    fn new() -> Self {
        let n = BUCKETS * N_TAGS;
        Learner {
            w: vec![0.0; n],
            acc: vec![0.0; n],
            ts: vec![0; n],
            step: 0,
        }
    }

    fn scores(&self, feats: &[u32]) -> [f32; N_TAGS] {
        let mut s = [0f32; N_TAGS];
        for &f in feats {
            let row = &self.w[f as usize * N_TAGS..f as usize * N_TAGS + N_TAGS];
            for (a, b) in s.iter_mut().zip(row) {
                *a += b;
            }
        }
        s
    }

    fn update(&mut self, feats: &[u32], tag: usize, delta: f32) {
        for &f in feats {
            let i = f as usize * N_TAGS + tag;
            self.acc[i] += (self.step - self.ts[i]) as f64 * self.w[i] as f64;
            self.ts[i] = self.step;
            self.w[i] += delta;
        }
    }

    fn averaged(&self) -> Vec<f32> {
        let c = self.step.max(1) as f64;
        (0..self.w.len())
            .map(|i| {
                ((self.acc[i] + (self.step - self.ts[i]) as f64 * self.w[i] as f64) / c) as f32
            })
            .collect()
    }
}

/// Greedy tagging with float weights (used in training and for the trainer's dev scores).
fn decode(w: &[f32], ex: &Example) -> Vec<u8> {
    let n = ex.gold.len();
    let mut tags = vec![0u8; n];
    let mut feats = Vec::with_capacity(64);
    let (mut p1, mut p2) = (N_TAGS, N_TAGS);
    for (i, tag) in tags.iter_mut().enumerate() {
        if i == 0 || ex.sent[i] != ex.sent[i - 1] {
            p1 = N_TAGS;
            p2 = N_TAGS;
        }
        feats.clear();
        feats.extend_from_slice(&ex.feats[ex.offs[i] as usize..ex.offs[i + 1] as usize]);
        ex.df.tag_features(i, p1, p2, &mut feats);
        let mut s = [0f32; N_TAGS];
        for &f in &feats {
            for (a, b) in s
                .iter_mut()
                .zip(&w[f as usize * N_TAGS..f as usize * N_TAGS + N_TAGS])
            {
                *a += b;
            }
        }
        let best = best_of(&s, p1);
        *tag = best as u8;
        p2 = p1;
        p1 = best;
    }
    tags
}

fn best_of(s: &[f32; N_TAGS], prev: usize) -> usize {
    let mut best = 0;
    for t in 1..N_TAGS {
        if allowed(prev, t) && s[t] > s[best] {
            best = t;
        }
    }
    best
}

fn env_list(name: &str, default: &str) -> Vec<String> {
    std::env::var(name)
        .unwrap_or_else(|_| default.to_string())
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Trains from the gold sets under `data_dir` (normally `../shared/data`) and writes the model
/// files into `out_dir` (normally `data/`).
pub fn run(data_dir: &Path, out_dir: &Path) -> io::Result<()> {
    let sets = env_list("NER_TRAIN", "conll2003");
    let epochs: usize = std::env::var("NER_EPOCHS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(15);
    let mut examples = Vec::new();
    let mut weight = Vec::new();
    let other_weight: f32 = std::env::var("NER_OTHER_WEIGHT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    for (si, set) in sets.iter().enumerate() {
        let path = data_dir.join("ner").join(set).join("train.jsonl");
        let docs = load(&path)?;
        eprintln!("train ner: {} docs from {}", docs.len(), path.display());
        for (text, gold) in &docs {
            examples.push(example(text, gold));
            weight.push(if si == 0 { 1.0 } else { other_weight });
        }
    }
    let tokens: usize = examples.iter().map(|e| e.gold.len()).sum();
    eprintln!(
        "train ner: {} tokens, 2^{BITS} buckets, {epochs} epochs",
        tokens
    );
    let mut l = Learner::new();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut feats = Vec::with_capacity(64);
    for epoch in 0..epochs {
        // Fisher–Yates with xorshift64*: fixed seed, so training is reproducible.
        for i in (1..order.len()).rev() {
            rng ^= rng >> 12;
            rng ^= rng << 25;
            rng ^= rng >> 27;
            let j = (rng.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % (i + 1);
            order.swap(i, j);
        }
        let mut errors = 0usize;
        for &di in &order {
            let ex = &examples[di];
            let (mut p1, mut p2) = (N_TAGS, N_TAGS);
            for i in 0..ex.gold.len() {
                if i == 0 || ex.sent[i] != ex.sent[i - 1] {
                    p1 = N_TAGS;
                    p2 = N_TAGS;
                }
                feats.clear();
                feats.extend_from_slice(&ex.feats[ex.offs[i] as usize..ex.offs[i + 1] as usize]);
                ex.df.tag_features(i, p1, p2, &mut feats);
                l.step += 1;
                let s = l.scores(&feats);
                let pred = best_of(&s, p1);
                let gold = ex.gold[i] as usize;
                if pred != gold {
                    errors += 1;
                    l.update(&feats, gold, weight[di]);
                    l.update(&feats, pred, -weight[di]);
                }
                p2 = p1;
                p1 = pred;
            }
        }
        eprintln!(
            "epoch {:>2}: token error rate {:.4}",
            epoch + 1,
            errors as f64 / tokens.max(1) as f64
        );
    }
    let avg = l.averaged();
    // Int8 weights on a linear scale fitted to the ordinary (lexical) weights, plus the few rows
    // holding a larger weight (bias, tag transitions: up to 100× the rest) stored exactly as f32.
    // One scale for everything rounds most lexical weights to zero; a log scale loses the small
    // differences between the large weights of one row, which decide many tags.
    let q_frac: f64 = std::env::var("NER_QUANTILE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.99958);
    let mut mags: Vec<f32> = avg.iter().map(|x| x.abs()).filter(|&x| x > 0.0).collect();
    mags.sort_by(f32::total_cmp);
    let top = mags
        .get(((mags.len() as f64 * q_frac) as usize).min(mags.len().saturating_sub(1)))
        .copied()
        .unwrap_or(1.0)
        .max(1e-9);
    let scale = top / 127.0;
    let prune: i32 = std::env::var("NER_PRUNE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let mut exceptions: Vec<u32> = Vec::new();
    for b in 0..BUCKETS {
        let row = &avg[b * N_TAGS..(b + 1) * N_TAGS];
        if row.iter().any(|x| x.abs() > 127.0 * scale) {
            exceptions.push(b as u32);
        }
    }
    eprintln!(
        "train ner: scale {scale:.5}, {} exact rows of {BUCKETS}",
        exceptions.len()
    );
    let mut bytes = Vec::with_capacity(16 + avg.len());
    bytes.extend_from_slice(b"ANER");
    bytes.extend_from_slice(&[3, BITS as u8, N_TAGS as u8, 0]);
    bytes.extend_from_slice(&scale.to_le_bytes());
    bytes.extend_from_slice(&(exceptions.len() as u32).to_le_bytes());
    let mut q = vec![0f32; avg.len()];
    for &b in &exceptions {
        bytes.extend_from_slice(&b.to_le_bytes());
        for t in 0..N_TAGS {
            let x = avg[b as usize * N_TAGS + t];
            bytes.extend_from_slice(&x.to_le_bytes());
            q[b as usize * N_TAGS + t] = x;
        }
    }
    let mut is_exc = vec![false; BUCKETS];
    for &b in &exceptions {
        is_exc[b as usize] = true;
    }
    for (i, &x) in avg.iter().enumerate() {
        if is_exc[i / N_TAGS] {
            bytes.push(0);
            continue;
        }
        let mut v = (x / scale).round().clamp(-127.0, 127.0) as i8;
        // Tiny weights change few decisions but cost most of the compressed size.
        if (v as i32).abs() <= prune {
            v = 0;
        }
        bytes.push(v as u8);
        q[i] = v as f32 * scale;
    }
    // The same weights, packed losslessly (format 4: 230 → 170 KB gzipped).
    let bytes = crate::engine::entities::pack_model_file(&bytes)
        .ok_or_else(|| io::Error::other("train ner: packing the weights failed"))?;
    let dir = out_dir.join("ner");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("model.bin");
    std::fs::write(&path, &bytes)?;
    eprintln!(
        "train ner: wrote {} ({} bytes)",
        path.display(),
        bytes.len()
    );
    for set in env_list("NER_DEV", "conll2003,gum,uner_ewt") {
        let path = data_dir.join("ner").join(&set).join("dev.jsonl");
        let Ok(docs) = load(&path) else {
            eprintln!("dev {set}: {} not found, skipped", path.display());
            continue;
        };
        let (p, r, f) = raw_dev_score(&q, &docs);
        eprintln!("dev {set:<10} (model only, strict spans) P {p:.4} R {r:.4} F1 {f:.4}");
        if std::env::var("NER_FLOAT_DEV").is_ok() {
            let (p, r, f) = raw_dev_score(&avg, &docs);
            eprintln!("dev {set:<10} (float weights)            P {p:.4} R {r:.4} F1 {f:.4}");
        }
    }
    Ok(())
}

/// Strict span scores of the bare model (no engine post-processing) on a gold set; labels the set
/// never uses are ignored on both sides.
fn raw_dev_score(w: &[f32], docs: &[(String, Gold)]) -> (f64, f64, f64) {
    let used: HashSet<Label> = docs.iter().flat_map(|d| d.1.iter().map(|g| g.2)).collect();
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for (text, gold) in docs {
        let ex = example(text, gold);
        let doc = Doc::new(text);
        let tags = decode(w, &ex);
        let pred: HashSet<(usize, usize, Label)> = spans_from_tags(&tags)
            .into_iter()
            .map(|(a, b, t)| (doc.tokens[a].start, doc.tokens[b - 1].end, TYPES[t]))
            .filter(|p| used.contains(&p.2))
            .collect();
        let g: HashSet<(usize, usize, Label)> = gold.iter().copied().collect();
        tp += pred.intersection(&g).count();
        np += pred.len();
        ng += g.len();
    }
    crate::eval::prf(tp, np, ng)
}
