//! `train topics`: the category classifier (and the key-phrase scorer's data) from the gold sets.
//!
//! Categories: multinomial logistic regression over L2-normalized log word counts (the exact features
//! [`crate::engine::topics`] computes), trained by plain SGD on `topics/bbc/train.jsonl` and
//! `topics/masakhanews_eng/train.jsonl` with each document's first `iptc` code as its class. The
//! weights of the most useful words are quantized to int8 and written to `topics/categories.tsv`:
//! words and numbers only, no article text.

use crate::engine::text::Doc;
use crate::engine::topics::categories;
use crate::engine::topics::keyphrases::{self, Common, Weights};
use crate::engine::topics::words::Words;
use crate::eval::keyphrases::normalize;
use crate::eval::read_jsonl;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::Path;

/// Training files (relative to the data dir) and the weight of each of their documents: the modern
/// MasakhaNEWS articles count more than the 2004–05 BBC ones.
const CATEGORY_SETS: &[(&str, f32)] = &[
    ("topics/bbc/train.jsonl", 1.0),
    ("topics/masakhanews_eng/train.jsonl", 3.0),
];
/// Held-out files on which the trained model alone is checked (printed, not used for training).
const CHECK_SETS: &[&str] = &["topics/masakhanews_eng/dev.jsonl", "topics/bbc/dev.jsonl"];
/// A word must occur in this many training documents to become a feature.
const MIN_DF: usize = 2;
/// Words kept in the shipped model (those with the largest weights).
const MAX_FEATURES: usize = 9000;
const EPOCHS: usize = 40;
const LEARNING_RATE: f32 = 0.1;
const L2: f32 = 2e-5;

/// Trains from the gold sets under `data_dir` (normally `../shared/data`) and writes the model
/// files into `out_dir` (normally `data/`).
pub fn run(data_dir: &Path, out_dir: &Path) -> io::Result<()> {
    let out = out_dir.join("topics");
    std::fs::create_dir_all(&out)?;
    train_categories(data_dir, &out.join("categories.tsv"))?;
    let common = train_common(data_dir, &out.join("common.tsv"))?;
    train_keyphrases(data_dir, &out.join("keyphrases.tsv"), &common)?;
    Ok(())
}

/// A training document: class index, weight, sparse features (feature index, value).
struct Example {
    class: usize,
    weight: f32,
    x: Vec<(usize, f32)>,
}

/// A training document: class code, weight, features.
type LabelledDoc = (String, f32, Vec<(String, f32)>);

fn train_categories(data_dir: &Path, out: &Path) -> io::Result<()> {
    // Pass 1: read, featurize, count document frequencies.
    let mut docs: Vec<LabelledDoc> = Vec::new();
    for (file, weight) in CATEGORY_SETS {
        let path = data_dir.join(file);
        for d in read_jsonl(&path)? {
            let Some(code) = d["iptc"].get(0).and_then(|c| c.as_str()) else {
                continue;
            };
            let text = d["text"].as_str().unwrap_or("");
            docs.push((code.to_string(), *weight, features(text)));
        }
        eprintln!("train topics: read {}", path.display());
    }
    let mut df: HashMap<&str, usize> = HashMap::new();
    for (_, _, f) in &docs {
        for (w, _) in f {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<&str> = df
        .iter()
        .filter(|(_, &n)| n >= MIN_DF)
        .map(|(w, _)| *w)
        .collect();
    vocab.sort_unstable();
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    let classes: Vec<String> = docs
        .iter()
        .map(|d| d.0.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let examples: Vec<Example> = docs
        .iter()
        .map(|(code, weight, f)| Example {
            class: classes.iter().position(|c| c == code).unwrap_or(0),
            weight: *weight,
            x: f.iter()
                .filter_map(|(w, v)| index.get(w.as_str()).map(|&i| (i, *v)))
                .collect(),
        })
        .collect();
    let k = classes.len();
    let (w, b) = softmax_sgd(&examples, vocab.len(), k);
    // Keep the words with the largest weights; quantize to int8 with one scale.
    let mut order: Vec<usize> = (0..vocab.len()).collect();
    let strength = |i: usize| (0..k).map(|c| w[i * k + c].abs()).fold(0.0f32, f32::max);
    order.sort_by(|&a, &b| strength(b).total_cmp(&strength(a)));
    order.truncate(MAX_FEATURES);
    let max = order.iter().map(|&i| strength(i)).fold(1e-9f32, f32::max);
    let scale = max / 127.0;
    let mut rows: BTreeMap<&str, Vec<i8>> = BTreeMap::new();
    for check in CHECK_SETS {
        let path = data_dir.join(check);
        let Ok(docs) = read_jsonl(&path) else {
            continue;
        };
        let mut right = 0usize;
        for d in &docs {
            let gold = d["iptc"].get(0).and_then(|c| c.as_str()).unwrap_or("");
            let mut logit = b.clone();
            for (word, v) in features(d["text"].as_str().unwrap_or("")) {
                if let Some(&i) = index.get(word.as_str()) {
                    for c in 0..k {
                        logit[c] += w[i * k + c] * v;
                    }
                }
            }
            let best = (0..k)
                .max_by(|&a, &c| logit[a].total_cmp(&logit[c]))
                .unwrap_or(0);
            right += usize::from(classes[best] == gold);
        }
        eprintln!(
            "train topics: model alone, top-1 accuracy {:.4} on {}",
            right as f64 / docs.len().max(1) as f64,
            path.display()
        );
    }
    for &i in &order {
        let q: Vec<i8> = (0..k)
            .map(|c| (w[i * k + c] / scale).round().clamp(-127.0, 127.0) as i8)
            .collect();
        if q.iter().any(|&v| v != 0) {
            rows.insert(vocab[i], q);
        }
    }
    let mut f = io::BufWriter::new(std::fs::File::create(out)?);
    writeln!(
        f,
        "# Topic classifier: multinomial logistic regression over L2-normalized ln(1+count) of lower-cased words."
    )?;
    writeln!(
        f,
        "# Built by `article-analyzer train topics` from the BBC News and MasakhaNEWS (English) training sets; weights only, no text."
    )?;
    writeln!(f, "@classes\t{}", classes.join("\t"))?;
    writeln!(f, "@scale\t{scale:e}")?;
    let bias: Vec<String> = b.iter().map(|v| format!("{v:.4}")).collect();
    writeln!(f, "@bias\t{}", bias.join("\t"))?;
    for (word, q) in &rows {
        let q: Vec<String> = q.iter().map(|v| v.to_string()).collect();
        writeln!(f, "{word}\t{}", q.join("\t"))?;
    }
    f.flush()?;
    eprintln!(
        "train topics: {} documents, {} classes, {} of {} words kept -> {}",
        examples.len(),
        k,
        rows.len(),
        vocab.len(),
        out.display()
    );
    Ok(())
}

/// The classifier's features of a text: (lower-cased word, ln(1+count) / L2 norm), as the engine
/// computes them.
fn features(text: &str) -> Vec<(String, f32)> {
    let doc = Doc::new(text);
    let words = Words::new(&doc, &Default::default());
    let norm = categories::norm(&words);
    let model = categories::model();
    let (share, _) = model.lexicon_shares(&words);
    let mut out: HashMap<String, f32> = HashMap::new();
    for w in &words.vocab {
        // Stems: with a few hundred modern articles, "vaccine" and "vaccines" must share a weight.
        *out.entry(crate::engine::topics::words::stem_of(&words.lower(w)))
            .or_default() += (1.0 + w.count as f32).ln() / norm;
    }
    for (label, s) in model.labels().iter().zip(share) {
        if s > 0.0 {
            out.insert(format!("@lex:{}", label.code), s);
        }
    }
    // In key order: the SGD sums features in this order, and a hash map's order changes from run
    // to run (the last digits of the weights did, and the committed file with them).
    let mut out: Vec<(String, f32)> = out.into_iter().collect();
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Multinomial logistic regression by SGD with L2 decay; returns (weights[feature * k + class], bias).
fn softmax_sgd(examples: &[Example], nf: usize, k: usize) -> (Vec<f32>, Vec<f32>) {
    let mut w = vec![0.0f32; nf * k];
    let mut b = vec![0.0f32; k];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x5eed;
    let mut p = vec![0.0f32; k];
    let (epochs, lr0, l2) = (EPOCHS, LEARNING_RATE, L2);
    for epoch in 0..epochs {
        // Deterministic shuffle (xorshift), so training is reproducible.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let lr = lr0 / (1.0 + epoch as f32 * 0.2);
        for &ei in &order {
            let e = &examples[ei];
            p.copy_from_slice(&b);
            for &(f, v) in &e.x {
                for c in 0..k {
                    p[c] += w[f * k + c] * v;
                }
            }
            let max = p.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let mut sum = 0.0;
            for v in p.iter_mut() {
                *v = (*v - max).exp();
                sum += *v;
            }
            for (c, v) in p.iter_mut().enumerate() {
                *v /= sum;
                let g = *v - if c == e.class { 1.0 } else { 0.0 };
                *v = g * e.weight;
            }
            for c in 0..k {
                b[c] -= lr * p[c];
            }
            for &(f, v) in &e.x {
                for c in 0..k {
                    let wi = &mut w[f * k + c];
                    *wi -= lr * (p[c] * v + l2 * *wi);
                }
            }
        }
    }
    (w, b)
}

/// Texts whose document frequencies make the background commonness list.
const COMMON_SETS: &[&str] = &[
    "topics/bbc/train.jsonl",
    "topics/masakhanews_eng/train.jsonl",
    "keyphrases/kpcrowd/train.jsonl",
];
/// A stem must occur in this many documents to be listed.
const COMMON_MIN_DF: usize = 4;
const COMMON_MAX: usize = 9000;

/// Writes `common.tsv`: word stems with their background commonness, ln(1+df)/ln(1+N) in 0..=255.
fn train_common(data_dir: &Path, out: &Path) -> io::Result<Common> {
    let mut df: HashMap<String, usize> = HashMap::new();
    let mut n = 0usize;
    for file in COMMON_SETS {
        for d in read_jsonl(&data_dir.join(file))? {
            let doc = Doc::new(d["text"].as_str().unwrap_or(""));
            let words = Words::new(&doc, &Default::default());
            let stems: std::collections::HashSet<String> = words
                .vocab
                .iter()
                .map(|w| crate::engine::topics::words::stem_of(&words.lower(w)))
                .collect();
            for s in stems {
                *df.entry(s).or_default() += 1;
            }
            n += 1;
        }
    }
    let mut list: Vec<(String, usize)> = df.into_iter().filter(|e| e.1 >= COMMON_MIN_DF).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list.truncate(COMMON_MAX);
    list.sort();
    let mut text = String::from(
        "# Background commonness of word stems: round(255 * ln(1+df)/ln(1+N)), document frequencies over\n# the BBC, MasakhaNEWS and KPCrowd training sets (built by `article-analyzer train topics`; words only).\n",
    );
    let denom = (1.0 + n as f64).ln();
    for (stem, d) in &list {
        let v = (255.0 * (1.0 + *d as f64).ln() / denom)
            .round()
            .clamp(0.0, 255.0) as u8;
        text.push_str(&format!("{stem}\t{v}\n"));
    }
    std::fs::write(out, &text)?;
    eprintln!(
        "train topics: {} stems from {} documents listed -> {}",
        list.len(),
        n,
        out.display()
    );
    Ok(Common::parse(&text))
}

const KP_EPOCHS: usize = 30;
const KP_LEARNING_RATE: f32 = 0.05;
const KP_L2: f32 = 1e-4;

/// Candidates of every document of a KPCrowd file: (features, is a gold phrase), per document.
type KpDoc = (
    Vec<keyphrases::Candidate<'static>>,
    Vec<[f32; keyphrases::N_FEATURES]>,
    Vec<bool>,
    usize,
);

fn kp_examples(path: &Path, common: &Common) -> io::Result<Vec<KpDoc>> {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut out = Vec::new();
    for d in read_jsonl(path)? {
        let gold: std::collections::HashSet<String> = d["keyphrases"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|g| g.as_str())
            .map(|g| normalize(&stemmer, g))
            .filter(|g| !g.is_empty())
            .collect();
        let doc = Doc::new(d["text"].as_str().unwrap_or(""));
        let found = crate::engine::entities::extract(&doc, None);
        let words = Words::new(&doc, &found.words);
        let c = keyphrases::candidates(&doc, &found, &words, common);
        // In the order the engine meets them (names in mention order, then phrases by first
        // occurrence, shorter first), not the order it keeps them in: the examples' order steers
        // SGD, and the weights must not change with how the engine stores its candidates.
        let mut pairs: Vec<_> = c
            .list
            .into_iter()
            .map(keyphrases::Candidate::into_owned)
            .zip(c.x)
            .collect();
        pairs.sort_by_key(|(c, x)| {
            (
                c.cluster.is_none(),
                if c.cluster.is_none() {
                    c.first_token()
                } else {
                    0
                },
                if c.cluster.is_none() {
                    keyphrases::words_in(x)
                } else {
                    0
                },
            )
        });
        let (cands, xs): (Vec<_>, Vec<_>) = pairs.into_iter().unzip();
        let labels = cands
            .iter()
            .map(|c| gold.contains(&normalize(&stemmer, &c.text)))
            .collect();
        out.push((cands, xs, labels, gold.len()));
    }
    Ok(out)
}

/// Mean F1@10 of a weight vector over documents' candidates.
fn kp_f1_at_10(docs: &[KpDoc], w: &Weights) -> f64 {
    let mut sum = 0.0;
    for (cands, xs, labels, ngold) in docs {
        let ranked = keyphrases::rank(cands, xs, w, 10);
        let top = &ranked[..ranked.len().min(10)];
        let hits = top.iter().filter(|e| labels[e.0]).count() as f64;
        let p = if top.is_empty() {
            0.0
        } else {
            hits / top.len() as f64
        };
        let r = hits / (*ngold).max(1) as f64;
        if p + r > 0.0 {
            sum += 2.0 * p * r / (p + r);
        }
    }
    sum / docs.len().max(1) as f64
}

/// Fits the key-phrase scorer (logistic regression by SGD) on KPCrowd train; writes `keyphrases.tsv`.
fn train_keyphrases(data_dir: &Path, out: &Path, common: &Common) -> io::Result<()> {
    let train = kp_examples(&data_dir.join("keyphrases/kpcrowd/train.jsonl"), common)?;
    let dev = kp_examples(&data_dir.join("keyphrases/kpcrowd/dev.jsonl"), common).ok();
    let nf = keyphrases::FEATURES.len();
    let mut w = vec![0.0f32; nf];
    // Training examples: distinct chip texts per document.
    let mut flat: Vec<(&[f32], bool)> = Vec::new();
    for (cands, xs, labels, _) in &train {
        let mut seen = std::collections::HashSet::new();
        for ((c, x), &y) in cands.iter().zip(xs).zip(labels) {
            if !c.text.is_empty() && seen.insert(c.text.to_lowercase()) {
                flat.push((&x[..], y));
            }
        }
    }
    let mut order: Vec<usize> = (0..flat.len()).collect();
    let mut seed: u64 = 0x6b70;
    let (epochs, lr0, l2) = (KP_EPOCHS, KP_LEARNING_RATE, KP_L2);
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let lr = lr0 / (1.0 + epoch as f32 * 0.3);
        for &i in &order {
            let (x, y) = flat[i];
            let z: f32 = w.iter().zip(x).map(|(a, b)| a * b).sum::<f32>();
            let p = 1.0 / (1.0 + (-z).exp());
            let g = p - if y { 1.0 } else { 0.0 };
            for (wi, xi) in w.iter_mut().zip(x) {
                *wi -= lr * (g * xi + l2 * *wi);
            }
        }
    }
    let weights = Weights(w.clone());
    eprintln!(
        "train topics: key phrases, {} candidates; F1@10 train {:.4}{}",
        flat.len(),
        kp_f1_at_10(&train, &weights),
        dev.as_ref()
            .map(|d| format!(", dev {:.4}", kp_f1_at_10(d, &weights)))
            .unwrap_or_default()
    );
    if let Ok(seed) = std::fs::read_to_string(data_dir.join("../fixtures/seed-article.txt")) {
        let doc = Doc::new(&seed);
        let found = crate::engine::entities::extract(&doc, None);
        let words = Words::new(&doc, &found.words);
        let c = keyphrases::candidates(&doc, &found, &words, common);
        let (xs, c) = (c.x, c.list);
        let top: Vec<&str> = keyphrases::rank(&c, &xs, &weights, 10)
            .iter()
            .take(10)
            .map(|e| &*c[e.0].text)
            .collect();
        eprintln!("train topics: seed article chips: {}", top.join(" | "));
    }
    let mut text = String::from(
        "# Key-phrase scorer: logistic regression weights over the features of src/engine/topics/keyphrases.rs,\n# fitted on KPCrowd train by `article-analyzer train topics`.\n",
    );
    for (name, v) in keyphrases::FEATURES.iter().zip(&w) {
        text.push_str(&format!("{name}\t{v:.4}\n"));
    }
    std::fs::write(out, text)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Training the classifier twice on the same data writes the same bytes (the shipped file
    /// must be reproducible by `train topics`).
    #[test]
    fn category_training_is_deterministic() {
        let dir = std::env::temp_dir().join(format!("aa-train-det-{}", std::process::id()));
        // Documents of 80 words drawn (xorshift) from 300 made-up ones, a third of them leaning to
        // each class: many features of varied weight per document, so that a change in the order
        // in which they are summed shows in the written weights.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for (file, _) in CATEGORY_SETS {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            let mut lines = String::new();
            for n in 0..60u64 {
                let class = n % 3;
                let text: Vec<String> = (0..80)
                    .map(|_| {
                        let r = next();
                        let w = if r % 2 == 0 {
                            class * 100 + r / 2 % 100
                        } else {
                            r / 2 % 300
                        };
                        format!("w{w}x")
                    })
                    .collect();
                let line = serde_json::json!({
                    "text": text.join(" "),
                    "iptc": [format!("medtop:0{class}000000")],
                });
                lines.push_str(&line.to_string());
                lines.push('\n');
            }
            std::fs::write(&path, lines).unwrap();
        }
        let (a, b) = (dir.join("a.tsv"), dir.join("b.tsv"));
        train_categories(&dir, &a).unwrap();
        train_categories(&dir, &b).unwrap();
        let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
        std::fs::remove_dir_all(&dir).ok();
        assert!(a.len() > 200, "a model was written");
        assert!(
            a == b,
            "two trainings on the same data wrote different files"
        );
    }
}
