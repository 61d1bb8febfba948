//! `eval ner`: strict span + label micro precision/recall/F1.

use super::{prf, r4, read_jsonl, CharToByte, Report};
use crate::engine::model::{Label, MentionKind, Options};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;
use std::path::Path;

/// Scores the engine's name mentions (PER/ORG/LOC/MISC) against the gold file. Labels the gold file
/// never uses (e.g. MISC in UNER) are ignored on both sides.
pub fn run(path: &Path) -> io::Result<Report> {
    let docs = read_jsonl(path)?;
    let mut gold_labels: HashSet<Label> = HashSet::new();
    let mut gold_all = Vec::new();
    for d in &docs {
        let text = d["text"].as_str().unwrap_or("");
        let c2b = CharToByte::new(text);
        let mut g = Vec::new();
        for e in d["entities"].as_array().into_iter().flatten() {
            let (Some(s), Some(en), Some(l)) = (
                e["start"].as_u64(),
                e["end"].as_u64(),
                e["label"].as_str().and_then(Label::parse),
            ) else {
                continue;
            };
            gold_labels.insert(l);
            g.push((c2b.byte(s as usize), c2b.byte(en as usize), l));
        }
        gold_all.push(g);
    }
    let opts = Options {
        quotes: false,
        topics: false,
        ..Options::default()
    };
    let mut tp: BTreeMap<Label, usize> = BTreeMap::new();
    let mut np: BTreeMap<Label, usize> = BTreeMap::new();
    let mut ng: BTreeMap<Label, usize> = BTreeMap::new();
    let mut confusion: HashMap<String, usize> = HashMap::new();
    for (d, gold) in docs.iter().zip(&gold_all) {
        let text = d["text"].as_str().unwrap_or("");
        let a = crate::analyze(text, &opts);
        let mut pred: Vec<(usize, usize, Label)> = Vec::new();
        for e in &a.entities {
            if !gold_labels.contains(&e.label) {
                continue;
            }
            for m in &e.mentions {
                if m.kind == MentionKind::Name {
                    pred.push((m.start, m.end, e.label));
                }
            }
        }
        let gset: HashSet<_> = gold.iter().copied().collect();
        let pset: HashSet<_> = pred.iter().copied().collect();
        for &(s, e, l) in &pset {
            *np.entry(l).or_default() += 1;
            if gset.contains(&(s, e, l)) {
                *tp.entry(l).or_default() += 1;
            } else if let Some(&(_, _, gl)) = gold.iter().find(|g| g.0 == s && g.1 == e) {
                *confusion
                    .entry(format!("{} -> {} (type)", gl.as_str(), l.as_str()))
                    .or_default() += 1;
            } else if gold.iter().any(|g| g.0 < e && s < g.1) {
                *confusion
                    .entry(format!("{} boundary", l.as_str()))
                    .or_default() += 1;
            } else {
                *confusion
                    .entry(format!("spurious {}", l.as_str()))
                    .or_default() += 1;
            }
        }
        for &(s, e, l) in &gset {
            *ng.entry(l).or_default() += 1;
            if !pset.iter().any(|p| p.0 < e && s < p.1) {
                *confusion
                    .entry(format!("missed {}", l.as_str()))
                    .or_default() += 1;
            }
        }
    }
    let mut table = format!("NER eval on {} ({} docs)\n", path.display(), docs.len());
    table += &format!(
        "{:<8} {:>7} {:>7} {:>7} {:>7} {:>7}\n",
        "label", "P", "R", "F1", "gold", "pred"
    );
    let mut per_label = serde_json::Map::new();
    let labels: Vec<Label> = Label::ALL
        .into_iter()
        .filter(|l| gold_labels.contains(l))
        .collect();
    for &l in &labels {
        let (p, r, f) = prf(
            tp.get(&l).copied().unwrap_or(0),
            np.get(&l).copied().unwrap_or(0),
            ng.get(&l).copied().unwrap_or(0),
        );
        table += &format!(
            "{:<8} {:>7.4} {:>7.4} {:>7.4} {:>7} {:>7}\n",
            l.as_str(),
            p,
            r,
            f,
            ng.get(&l).unwrap_or(&0),
            np.get(&l).unwrap_or(&0)
        );
        per_label.insert(l.as_str().into(), serde_json::json!({"p": r4(p), "r": r4(r), "f1": r4(f), "gold": ng.get(&l).unwrap_or(&0), "pred": np.get(&l).unwrap_or(&0)}));
    }
    let sum = |m: &BTreeMap<Label, usize>, ls: &[Label]| {
        ls.iter()
            .map(|l| m.get(l).copied().unwrap_or(0))
            .sum::<usize>()
    };
    let (p, r, f) = prf(sum(&tp, &labels), sum(&np, &labels), sum(&ng, &labels));
    table += &format!("{:<8} {:>7.4} {:>7.4} {:>7.4}\n", "micro", p, r, f);
    let plo = [Label::PER, Label::ORG, Label::LOC];
    let (p3, r3, f3) = prf(sum(&tp, &plo), sum(&np, &plo), sum(&ng, &plo));
    table += &format!(
        "{:<8} {:>7.4} {:>7.4} {:>7.4}   (PER/ORG/LOC only)\n",
        "micro3", p3, r3, f3
    );
    let mut conf: Vec<_> = confusion.into_iter().collect();
    conf.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    table += "commonest errors:\n";
    for (k, v) in conf.iter().take(10) {
        table += &format!("  {v:>5}  {k}\n");
    }
    let json = serde_json::json!({
        "file": path.display().to_string(), "docs": docs.len(),
        "micro": {"p": r4(p), "r": r4(r), "f1": r4(f)},
        "micro_per_org_loc": {"p": r4(p3), "r": r4(r3), "f1": r4(f3)},
        "per_label": per_label,
        "errors": conf.iter().take(20).map(|(k, v)| serde_json::json!({"kind": k, "count": v})).collect::<Vec<_>>(),
    });
    Ok(Report { table, json })
}
