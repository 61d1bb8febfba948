//! `eval quotes`: quotes and speakers against PolNeAR.
//!
//! Two gold formats, told apart by their fields:
//! - `polnear_direct` (quotes without `segments`): quote-marked stretches, spans **without** the marks.
//!   Predictions are the engine's `direct` and `partial` quotes (`term` and `indirect` are not
//!   claims of direct speech, so they are left out). A prediction matches a gold quote when it
//!   covers at least half of the gold span; each is matched at most once.
//! - `polnear` (quotes with `segments` and `cue`): every attribution; here only the `indirect` ones
//!   are scored, against the engine's `indirect` quotes, the same way (content span coverage ≥ 50 %).
//!
//! Quotes opened by `''` or ``` `` ``` (NYT style) are not scored in `polnear_direct`: that file was
//! derived from PolNeAR without these marks (`polnear/` types those quotes `indirect`), so every one
//! would count as spurious although the engine is right to report it.
//!
//! Speaker accuracy among matched quotes is counted two ways: the predicted speaker mention overlaps
//! a gold speaker span (`mention`), or the predicted speaker's name contains the gold speaker's last
//! word (`name`; the last word of the name part, before any parenthesis or comma); `either` is right by one of them. End-to-end = matched with speaker right (either)
//! / gold.
//!
//! Setting `QUOTES_EVAL_DUMP=FILE` writes one JSON line per error (missed, spurious, wrong speaker)
//! for error analysis.

use super::{prf, r4, read_jsonl, CharToByte, Report};
use crate::engine::model::{Options, Quote, QuoteKind};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

/// One gold quote in byte offsets.
struct Gold {
    start: usize,
    end: usize,
    speaker: String,
    speaker_spans: Vec<(usize, usize)>,
}

/// Counts for one run.
#[derive(Default)]
struct Tally {
    gold: usize,
    pred: usize,
    matched: usize,
    sp_mention: usize,
    sp_name: usize,
    sp_either: usize,
    no_speaker: usize,
    /// rule → (matched, right by either)
    rules: BTreeMap<String, (usize, usize)>,
    errors: BTreeMap<String, usize>,
}

/// Scores the quote stage on a PolNeAR file (see the module docs for the two formats).
pub fn run(path: &Path) -> io::Result<Report> {
    let docs = read_jsonl(path)?;
    let full = docs.iter().any(|d| {
        d["quotes"]
            .as_array()
            .is_some_and(|qs| qs.iter().any(|q| q.get("segments").is_some()))
    });
    let mut dump: Option<io::BufWriter<std::fs::File>> = match std::env::var_os("QUOTES_EVAL_DUMP")
    {
        Some(p) => Some(io::BufWriter::new(std::fs::File::create(p)?)),
        None => None,
    };
    // Diagnostic: QUOTES_EVAL_TERMS=1 scores `term` quotes too (how many terms were real quotes).
    let with_terms = std::env::var_os("QUOTES_EVAL_TERMS").is_some();
    let opts = Options {
        topics: false,
        ..Options::default()
    };
    let mut t = Tally::default();
    let mut other_types: BTreeMap<String, usize> = BTreeMap::new();
    for d in &docs {
        let text = d["text"].as_str().unwrap_or("");
        let id = d["id"].as_str().unwrap_or("");
        let c2b = CharToByte::new(text);
        let mut gold = Vec::new();
        for q in d["quotes"].as_array().into_iter().flatten() {
            let ty = q["type"].as_str().unwrap_or("");
            if full && ty != "indirect" {
                *other_types.entry(ty.to_string()).or_default() += 1;
                continue;
            }
            let (Some(s), Some(e)) = (q["start"].as_u64(), q["end"].as_u64()) else {
                continue;
            };
            let spans = q["speaker_spans"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|sp| {
                    let a = sp.get(0)?.as_u64()? as usize;
                    let b = sp.get(1)?.as_u64()? as usize;
                    Some((c2b.byte(a), c2b.byte(b)))
                })
                .collect();
            gold.push(Gold {
                start: c2b.byte(s as usize),
                end: c2b.byte(e as usize),
                speaker: q["speaker"].as_str().unwrap_or("").to_string(),
                speaker_spans: spans,
            });
        }
        let a = crate::analyze(text, &opts);
        let preds: Vec<&Quote> = a
            .quotes
            .iter()
            .filter(|q| {
                if full {
                    q.kind == QuoteKind::Indirect
                } else {
                    (matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial)
                        || with_terms && q.kind == QuoteKind::Term)
                        && !(q.text.starts_with("''") || q.text.starts_with("``"))
                }
            })
            .collect();
        score_doc(text, id, &gold, &preds, &mut t, dump.as_mut())?;
    }
    if let Some(w) = dump.as_mut() {
        w.flush()?;
    }
    let (p, r, f) = prf(t.matched, t.pred, t.gold);
    let frac = |n: usize| {
        if t.matched == 0 {
            0.0
        } else {
            n as f64 / t.matched as f64
        }
    };
    let e2e = if t.gold == 0 {
        0.0
    } else {
        t.sp_either as f64 / t.gold as f64
    };
    let what = if full {
        "indirect attributions (polnear)"
    } else {
        "direct quotes (polnear_direct)"
    };
    let mut table = format!(
        "Quote eval, {what}, on {} ({} docs)\n",
        path.display(),
        docs.len()
    );
    table += &format!(
        "quotes    P {p:.4}  R {r:.4}  F1 {f:.4}   (gold {}, pred {}, matched {})\n",
        t.gold, t.pred, t.matched
    );
    table += &format!(
        "speaker   mention {:.4}  name {:.4}  either {:.4}  none {:.4}   (of matched)\n",
        frac(t.sp_mention),
        frac(t.sp_name),
        frac(t.sp_either),
        frac(t.no_speaker)
    );
    table += &format!("end-to-end {e2e:.4}   (matched with speaker right / gold)\n");
    if full {
        table += &format!("not scored here (direct/mixed): {other_types:?}\n");
    }
    table += "by rule (matched, speaker right):\n";
    for (rule, (n, ok)) in &t.rules {
        table += &format!(
            "  {rule:<14} {n:>5} {:>7.4}\n",
            if *n == 0 { 0.0 } else { *ok as f64 / *n as f64 }
        );
    }
    let mut errs: Vec<_> = t.errors.iter().collect();
    errs.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    table += "commonest errors:\n";
    for (k, v) in errs.iter().take(12) {
        table += &format!("  {v:>5}  {k}\n");
    }
    let json = serde_json::json!({
        "file": path.display().to_string(), "docs": docs.len(), "scored": what,
        "quotes": {"p": r4(p), "r": r4(r), "f1": r4(f), "gold": t.gold, "pred": t.pred, "matched": t.matched},
        "speaker": {"mention": r4(frac(t.sp_mention)), "name": r4(frac(t.sp_name)), "either": r4(frac(t.sp_either)), "none": r4(frac(t.no_speaker))},
        "end_to_end": r4(e2e),
        "rules": t.rules.iter().map(|(k, (n, ok))| (k.clone(), serde_json::json!({"matched": n, "right": ok}))).collect::<serde_json::Map<_, _>>(),
        "errors": errs.iter().map(|(k, v)| serde_json::json!({"kind": k, "count": v})).collect::<Vec<_>>(),
    });
    Ok(Report { table, json })
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Lower-case alphanumeric words.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn score_doc(
    text: &str,
    id: &str,
    gold: &[Gold],
    preds: &[&Quote],
    t: &mut Tally,
    mut dump: Option<&mut io::BufWriter<std::fs::File>>,
) -> io::Result<()> {
    t.gold += gold.len();
    t.pred += preds.len();
    let mut used = vec![false; preds.len()];
    let mut err = |kind: &str,
                   detail: serde_json::Value,
                   errors: &mut BTreeMap<String, usize>|
     -> io::Result<()> {
        *errors.entry(kind.to_string()).or_default() += 1;
        if let Some(w) = dump.as_mut() {
            let mut v = serde_json::json!({"doc": id, "error": kind});
            if let (Some(o), serde_json::Value::Object(d)) = (v.as_object_mut(), detail) {
                o.extend(d);
            }
            writeln!(w, "{v}")?;
        }
        Ok(())
    };
    let ctx = |s: usize, e: usize| -> String {
        let mut a = s.saturating_sub(150);
        while !text.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (e + 150).min(text.len());
        while !text.is_char_boundary(b) {
            b += 1;
        }
        text[a..b].to_string()
    };
    for g in gold {
        let glen = g.end.saturating_sub(g.start).max(1);
        let best = preds
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .map(|(i, q)| (i, overlap((q.start, q.end), (g.start, g.end))))
            .filter(|&(_, o)| o * 2 >= glen && o > 0)
            .max_by_key(|&(_, o)| o);
        let Some((i, _)) = best else {
            let near = preds
                .iter()
                .any(|q| overlap((q.start, q.end), (g.start, g.end)) > 0);
            err(
                if near {
                    "missed: overlapping prediction covers < 50 %"
                } else {
                    "missed: no prediction"
                },
                serde_json::json!({"gold": &text[g.start..g.end], "context": ctx(g.start, g.end)}),
                &mut t.errors,
            )?;
            continue;
        };
        used[i] = true;
        t.matched += 1;
        let q = preds[i];
        let (mention_ok, name_ok) = match &q.speaker {
            None => (false, false),
            Some(sp) => {
                let m = sp.mention.as_ref().is_some_and(|m| {
                    g.speaker_spans
                        .iter()
                        .any(|&s| overlap((m.start, m.end), s) > 0)
                });
                // The name part of "Rep. Jim Clyburn (D-S.C.), the assistant leader": before any
                // parenthesis or apposition.
                let name_part = g.speaker.split(['(', ',']).next().unwrap_or("");
                let last = words(name_part).pop();
                let n = last.is_some_and(|l| words(&sp.name).contains(&l));
                (m, n)
            }
        };
        t.sp_mention += mention_ok as usize;
        t.sp_name += name_ok as usize;
        let ok = mention_ok || name_ok;
        t.sp_either += ok as usize;
        let e = t.rules.entry(q.rule.to_string()).or_default();
        e.0 += 1;
        e.1 += ok as usize;
        if q.speaker.is_none() {
            t.no_speaker += 1;
            err(
                "speaker: none",
                serde_json::json!({"gold_speaker": g.speaker, "quote": q.text, "context": ctx(q.start, q.end)}),
                &mut t.errors,
            )?;
        } else if !ok {
            let sp = q.speaker.as_ref();
            err(
                &format!("speaker: wrong ({})", q.rule),
                serde_json::json!({
                    "gold_speaker": g.speaker,
                    "pred_speaker": sp.map(|s| s.name.clone()),
                    "pred_mention": sp.and_then(|s| s.mention.as_ref()).map(|m| m.text.clone()),
                    "quote": q.text, "context": ctx(q.start, q.end)}),
                &mut t.errors,
            )?;
        }
    }
    for (i, q) in preds.iter().enumerate() {
        if !used[i] {
            let kind = match q.kind {
                QuoteKind::Partial => "spurious: partial",
                QuoteKind::Indirect => "spurious: indirect",
                _ => "spurious: direct",
            };
            err(
                kind,
                serde_json::json!({"quote": q.text, "rule": q.rule, "context": ctx(q.start, q.end)}),
                &mut t.errors,
            )?;
        }
    }
    Ok(())
}
