//! `eval topics`: top-1 accuracy and macro-F1 of the engine's first top-level category against the
//! IPTC codes in the gold file's `iptc` field.

use super::{prf, r4, read_jsonl, Report};
use crate::engine::model::Options;
use std::collections::BTreeMap;
use std::io;
use std::path::Path;

/// Scores the first top-level category (a category without `parent`) of each document. A document
/// counts as right when that code is among its gold codes. Macro-F1 averages per-code F1 over the
/// codes that occur in the gold file.
pub fn run(path: &Path) -> io::Result<Report> {
    let docs = read_jsonl(path)?;
    let opts = Options {
        quotes: false,
        ..Options::default()
    };
    let mut right = 0usize;
    let mut n = 0usize;
    // Per code: (true positives, predicted, gold).
    let mut counts: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    for d in &docs {
        let gold: Vec<String> = d["iptc"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c.as_str().map(str::to_string))
            .collect();
        if gold.is_empty() {
            continue;
        }
        n += 1;
        let text = d["text"].as_str().unwrap_or("");
        let a = crate::analyze(text, &opts);
        let pred = a
            .topics
            .categories
            .iter()
            .find(|c| c.parent.is_none())
            .map(|c| c.code.to_string())
            .unwrap_or_else(|| "none".to_string());
        let ok = gold.contains(&pred);
        if ok {
            right += 1;
        } else {
            *confusion
                .entry((gold[0].clone(), pred.clone()))
                .or_default() += 1;
        }
        for g in &gold {
            let e = counts.entry(g.clone()).or_default();
            e.2 += 1;
            if *g == pred {
                e.0 += 1;
            }
        }
        counts.entry(pred).or_default().1 += 1;
    }
    let acc = right as f64 / n.max(1) as f64;
    let mut table = format!("topics: {} documents, {}\n", n, path.display());
    table.push_str(&format!("top-1 accuracy {acc:.4}\n"));
    table.push_str("code              precision  recall  F1      gold\n");
    let mut per_code = serde_json::Map::new();
    let mut f_sum = 0.0;
    let mut gold_codes = 0usize;
    for (code, &(tp, np, ng)) in &counts {
        if ng == 0 {
            continue;
        }
        let (p, r, f) = prf(tp, np, ng);
        f_sum += f;
        gold_codes += 1;
        table.push_str(&format!("{code:<17} {p:<10.4} {r:<7.4} {f:<7.4} {ng}\n"));
        per_code.insert(
            code.clone(),
            serde_json::json!({"precision": r4(p), "recall": r4(r), "f1": r4(f), "gold": ng}),
        );
    }
    let macro_f1 = f_sum / gold_codes.max(1) as f64;
    table.push_str(&format!("macro-F1 {macro_f1:.4}\n"));
    if !confusion.is_empty() {
        table.push_str("errors (gold -> predicted):\n");
        let mut conf: Vec<_> = confusion.iter().collect();
        conf.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for ((g, p), c) in conf.iter().take(12) {
            table.push_str(&format!("  {g} -> {p}: {c}\n"));
        }
    }
    Ok(Report {
        table,
        json: serde_json::json!({
            "documents": n,
            "accuracy": r4(acc),
            "macro_f1": r4(macro_f1),
            "per_code": per_code,
        }),
    })
}
