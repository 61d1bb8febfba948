//! Dates, times, money and percentages, with normalized values.

use super::Candidate;
use crate::dates::{self, Date};
use crate::model::Label;
use crate::text::{Doc, TokenKind};

/// Finds value expressions.
pub fn find(doc: &Doc, anchor: Option<Date>) -> Vec<Candidate> {
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let w = doc.tok(i);
        // Absolute dates.
        if let Some((d, j)) = dates::absolute_date_at(doc, i) {
            out.push(cand(
                doc,
                i,
                j,
                Label::DATE,
                "date:absolute",
                0.95,
                d.to_string(),
            ));
            i = j;
            continue;
        }
        // Month day (no year).
        if let Some(m) = dates::month(w) {
            if doc.tokens[i].cap && i + 1 < n {
                let mut j = i + 1;
                if doc.tok(j) == "." && j + 1 < n {
                    j += 1;
                }
                if let Some(d) = dates::day_number(doc.tok(j)) {
                    let value = match anchor.and_then(|a| dates::nearest_month_day(a, m, d)) {
                        Some(x) => x.to_string(),
                        None => format!("XXXX-{m:02}-{d:02}"),
                    };
                    out.push(cand(
                        doc,
                        i,
                        j + 1,
                        Label::DATE,
                        "date:month-day",
                        0.9,
                        value,
                    ));
                    i = j + 1;
                    continue;
                }
                if let Some(y) = dates::year_number(doc.tok(i + 1)) {
                    out.push(cand(
                        doc,
                        i,
                        i + 2,
                        Label::DATE,
                        "date:month-year",
                        0.9,
                        format!("{y:04}-{m:02}"),
                    ));
                    i += 2;
                    continue;
                }
            }
        }
        // Weekdays.
        if let Some(wd) = dates::weekday(w) {
            if doc.tokens[i].cap && w.len() > 3 {
                let future =
                    (i.saturating_sub(4)..i).any(|k| matches!(doc.tok(k), "will" | "next"));
                let value = match anchor {
                    Some(a) => dates::weekday_relative(a, wd, future).to_string(),
                    None => format!("weekday:{wd}"),
                };
                out.push(cand(
                    doc,
                    i,
                    i + 1,
                    Label::DATE,
                    "date:weekday",
                    0.85,
                    value,
                ));
                i += 1;
                continue;
            }
        }
        // last/next/this week|month|year; yesterday/today/tomorrow.
        // Only short alphabetic tokens can be relative-date words; skip the rest without allocating.
        let lw = if w.len() <= 9 && w.bytes().all(|b| b.is_ascii_alphabetic()) {
            w.to_ascii_lowercase()
        } else {
            String::new()
        };
        if let (Some(a), false) = (anchor, lw.is_empty()) {
            let rel = match lw.as_str() {
                "yesterday" => Some((1, a.add_days(-1).to_string())),
                "today" => Some((1, a.to_string())),
                "tomorrow" => Some((1, a.add_days(1).to_string())),
                "last" | "next" | "this" if i + 1 < n => {
                    let shift = match lw.as_str() {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                    match doc.tok(i + 1).to_ascii_lowercase().as_str() {
                        "week" => {
                            let (m, s) = dates::week_of(a.add_days(7 * shift));
                            Some((2, format!("{m}/{s}")))
                        }
                        "month" => {
                            let (y, m) = shift_month(a.y, a.m, shift);
                            Some((2, format!("{y:04}-{m:02}")))
                        }
                        "year" => Some((2, format!("{:04}", a.y as i64 + shift))),
                        _ => None,
                    }
                }
                _ => None,
            };
            if let Some((len, value)) = rel {
                out.push(cand(
                    doc,
                    i,
                    i + len,
                    Label::DATE,
                    "date:relative",
                    0.8,
                    value,
                ));
                i += len;
                continue;
            }
        }
        // Years alone: "in 2004".
        if let Some(y) = dates::year_number(w) {
            if i > 0
                && matches!(
                    doc.tok(i - 1),
                    "in" | "since" | "until" | "of" | "by" | "from"
                )
            {
                out.push(cand(
                    doc,
                    i,
                    i + 1,
                    Label::DATE,
                    "date:year",
                    0.8,
                    format!("{y:04}"),
                ));
                i += 1;
                continue;
            }
        }
        // Percentages: 24% / 24 percent / 24 per cent.
        if doc.tokens[i].kind == TokenKind::Number {
            if i + 1 < n && doc.tok(i + 1) == "%" {
                out.push(cand(
                    doc,
                    i,
                    i + 2,
                    Label::PERCENT,
                    "percent:sign",
                    0.95,
                    format!("{w}%"),
                ));
                i += 2;
                continue;
            }
            if i + 1 < n && doc.tok(i + 1).eq_ignore_ascii_case("percent") {
                out.push(cand(
                    doc,
                    i,
                    i + 2,
                    Label::PERCENT,
                    "percent:word",
                    0.95,
                    format!("{w}%"),
                ));
                i += 2;
                continue;
            }
        }
        // Money: $5 million, £3bn, 5 million dollars.
        if matches!(w, "$" | "£" | "€" | "¥")
            && i + 1 < n
            && doc.tokens[i + 1].kind == TokenKind::Number
        {
            let cur = match w {
                "$" => "USD",
                "£" => "GBP",
                "€" => "EUR",
                _ => "JPY",
            };
            let mut j = i + 2;
            let mut mult = 1.0f64;
            if j < n {
                if let Some(m) = multiplier(doc.tok(j)) {
                    mult = m;
                    j += 1;
                }
            }
            let num: f64 = doc.tok(i + 1).replace(',', "").parse().unwrap_or(0.0);
            out.push(cand(
                doc,
                i,
                j,
                Label::MONEY,
                "money:symbol",
                0.95,
                format!("{cur} {}", num * mult),
            ));
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

fn multiplier(w: &str) -> Option<f64> {
    match w.to_ascii_lowercase().as_str() {
        "thousand" => Some(1e3),
        "million" | "m" | "mn" => Some(1e6),
        "billion" | "bn" | "b" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        _ => None,
    }
}

fn shift_month(y: i32, m: u32, by: i64) -> (i32, u32) {
    let z = y as i64 * 12 + (m as i64 - 1) + by;
    ((z.div_euclid(12)) as i32, (z.rem_euclid(12) + 1) as u32)
}

fn cand(
    doc: &Doc,
    i: usize,
    j: usize,
    label: Label,
    rule: &'static str,
    confidence: f32,
    value: String,
) -> Candidate {
    Candidate {
        start: doc.tokens[i].start,
        end: doc.tokens[j - 1].end,
        label,
        rule,
        confidence,
        value: Some(value),
    }
}
