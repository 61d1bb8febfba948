//! `eval keyphrases`: F1@5 and F1@10 of the engine's key phrases against crowd-chosen gold phrases.
//!
//! Both sides are normalized the usual way for this benchmark: lower-cased, split on whitespace,
//! punctuation inside words dropped (the KPCrowd gold writes "writer-director" as "writerdirector"),
//! each word stemmed. The stemmer is Snowball English ("Porter 2", via `rust-stemmers`), a refinement
//! of the Porter stemmer the published figures use; the two agree on almost every news word.
//! Precision and recall are computed per document and averaged (as in the JCDL 2020 benchmark).

use super::{r4, read_jsonl, Report};
use crate::engine::model::Options;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;
use std::io;
use std::path::Path;

/// The cut-offs reported.
const KS: [usize; 2] = [5, 10];

/// Normalizes a phrase for matching: lower-cased, stemmed words joined by single spaces. Empty when
/// nothing word-like remains.
pub fn normalize(stemmer: &Stemmer, phrase: &str) -> String {
    let mut out = String::new();
    for w in phrase.split_whitespace() {
        let clean: String = w
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if clean.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&stemmer.stem(&clean));
    }
    out
}

/// Scores the engine's key phrases against the gold file (`{"text", "keyphrases": [...]}` per line).
pub fn run(path: &Path) -> io::Result<Report> {
    let docs = read_jsonl(path)?;
    let stemmer = Stemmer::create(Algorithm::English);
    let opts = Options {
        quotes: false,
        ..Options::default()
    };
    let mut sums = [(0.0f64, 0.0f64, 0.0f64); KS.len()];
    let mut n = 0usize;
    for d in &docs {
        let text = d["text"].as_str().unwrap_or("");
        let gold: HashSet<String> = d["keyphrases"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|g| g.as_str())
            .map(|g| normalize(&stemmer, g))
            .filter(|g| !g.is_empty())
            .collect();
        if gold.is_empty() {
            continue;
        }
        n += 1;
        let a = crate::analyze(text, &opts);
        // Predictions deduplicated after normalization, in rank order.
        let mut seen = HashSet::new();
        let pred: Vec<String> = a
            .topics
            .keyphrases
            .iter()
            .map(|k| normalize(&stemmer, &k.text))
            .filter(|p| !p.is_empty() && seen.insert(p.clone()))
            .collect();
        for (slot, &k) in sums.iter_mut().zip(KS.iter()) {
            let top = &pred[..pred.len().min(k)];
            let hits = top.iter().filter(|p| gold.contains(*p)).count() as f64;
            let p = if top.is_empty() {
                0.0
            } else {
                hits / top.len() as f64
            };
            let r = hits / gold.len() as f64;
            let f = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            slot.0 += p;
            slot.1 += r;
            slot.2 += f;
        }
    }
    let nf = n.max(1) as f64;
    let mut table = format!("key phrases: {} documents, {}\n", n, path.display());
    table.push_str("cut-off  precision  recall  F1\n");
    let mut json = serde_json::Map::new();
    json.insert("documents".into(), n.into());
    for (s, &k) in sums.iter().zip(KS.iter()) {
        let (p, r, f) = (s.0 / nf, s.1 / nf, s.2 / nf);
        table.push_str(&format!("@{k:<7} {p:<10.4} {r:<7.4} {f:.4}\n"));
        json.insert(
            format!("at{k}"),
            serde_json::json!({"precision": r4(p), "recall": r4(r), "f1": r4(f)}),
        );
    }
    Ok(Report {
        table,
        json: serde_json::Value::Object(json),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_lowercases_stems_and_drops_inner_punctuation() {
        let s = Stemmer::create(Algorithm::English);
        assert_eq!(normalize(&s, "Writer-Director"), "writerdirector");
        assert_eq!(normalize(&s, "  Nuclear   Treaties "), "nuclear treati");
        assert_eq!(normalize(&s, "treaty"), normalize(&s, "treaties"));
        assert_eq!(normalize(&s, "—"), "");
    }
}
