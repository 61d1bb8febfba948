//! Dates, times, money and percentages, with normalized values.

use super::Candidate;
use crate::dates::{self, Date};
use crate::model::Label;
use crate::text::{Doc, TokenKind};

/// The words that start a relative date (`find` compares them without case).
const RELATIVE: [&str; 6] = ["yesterday", "today", "tomorrow", "last", "next", "this"];

/// Finds value expressions.
pub fn find(doc: &Doc, anchor: Option<Date>) -> Vec<Candidate> {
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let w = doc.tok(i);
        // A word in lower case starts a value only as a month name ("may 5, 2020") or a relative
        // date word; every other rule below needs a digit, a capital or a symbol. Most tokens
        // stop here.
        if doc.tokens[i].kind == TokenKind::Word
            && w.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
            && dates::month(w).is_none()
            && !RELATIVE.iter().any(|r| w.eq_ignore_ascii_case(r))
        {
            i += 1;
            continue;
        }
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
        // last/next/this week|month|year; yesterday/today/tomorrow (compared without case and
        // without a lower-cased copy: this runs on every token).
        if let Some(a) = anchor {
            let is = |s: &str| w.eq_ignore_ascii_case(s);
            let rel = if is("yesterday") {
                Some((1, a.add_days(-1).to_string()))
            } else if is("today") {
                Some((1, a.to_string()))
            } else if is("tomorrow") {
                Some((1, a.add_days(1).to_string()))
            } else if (is("last") || is("next") || is("this")) && i + 1 < n {
                let shift = if is("last") {
                    -1
                } else if is("next") {
                    1
                } else {
                    0
                };
                let unit = doc.tok(i + 1);
                if unit.eq_ignore_ascii_case("week") {
                    let (m, s) = dates::week_of(a.add_days(7 * shift));
                    Some((2, format!("{m}/{s}")))
                } else if unit.eq_ignore_ascii_case("month") {
                    let (y, m) = shift_month(a.y, a.m, shift);
                    Some((2, format!("{y:04}-{m:02}")))
                } else if unit.eq_ignore_ascii_case("year") {
                    Some((2, format!("{:04}", a.y as i64 + shift)))
                } else {
                    None
                }
            } else {
                None
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
        // Years alone after a word that makes them a time: "in 2004", "In 2012,", "during 2019",
        // "late 2020" (in any case: a sentence starts with "In" as often as not).
        if let Some(y) = dates::year_number(w) {
            const BEFORE: [&str; 12] = [
                "in", "since", "until", "of", "by", "from", "during", "before", "after", "through",
                "early", "late",
            ];
            if i > 0 && {
                let p = doc.tok(i - 1);
                BEFORE.iter().any(|b| b.eq_ignore_ascii_case(p))
            } {
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
            let after = |k: usize| (i + k < n).then(|| doc.tok(i + k));
            let len = if after(1) == Some("%") {
                Some((2, "percent:sign"))
            } else if after(1).is_some_and(|w| w.eq_ignore_ascii_case("percent")) {
                Some((2, "percent:word"))
            } else if after(1).is_some_and(|w| w.eq_ignore_ascii_case("per"))
                && after(2).is_some_and(|w| w.eq_ignore_ascii_case("cent"))
            {
                Some((3, "percent:word"))
            } else {
                None
            };
            if let Some((len, rule)) = len {
                out.push(cand(
                    doc,
                    i,
                    i + len,
                    Label::PERCENT,
                    rule,
                    0.95,
                    format!("{w}%"),
                ));
                i += len;
                continue;
            }
        }
        if let Some((j, value)) = time_at(doc, i) {
            out.push(cand(doc, i, j, Label::TIME, "time:clock", 0.9, value));
            i = j;
            continue;
        }
        if let Some(m) = money_at(doc, i) {
            out.push(cand(
                doc,
                m.start,
                m.end,
                Label::MONEY,
                m.rule,
                m.confidence,
                format!("{} {}", m.currency, fmt_amount(m.amount)),
            ));
            i = m.end;
            continue;
        }
        i += 1;
    }
    out
}

/// An amount of money over tokens `start..end`.
struct Money {
    start: usize,
    end: usize,
    currency: &'static str,
    amount: f64,
    rule: &'static str,
    confidence: f32,
}

/// Money starting at token `i`: `$5 million`, `US$995m`, `€3bn`, `USD 20 million`, `Rs 500 crore`,
/// `14bn euros`, `2 million dollars`, `500 pence`.
fn money_at(doc: &Doc, i: usize) -> Option<Money> {
    let n = doc.tokens.len();
    let w = doc.tok(i);
    // A symbol or a currency code before the number.
    let before = symbol_currency(w)
        .map(|c| (c, "money:symbol", 0.95))
        .or_else(|| code_currency(w).map(|c| (c, "money:code", 0.9)));
    if let Some((cur, rule, confidence)) = before {
        let k = if i + 1 < n && doc.tok(i + 1) == "." && w == "Rs" {
            i + 2
        } else {
            i + 1
        };
        if k >= n || doc.tokens[k].kind != TokenKind::Number {
            return None;
        }
        let (num, end) = amount_at(doc, k)?;
        // A country prefix glued to the symbol: US$, A$, HK$ (the prefix is part of the amount).
        let (start, cur) = match (i.checked_sub(1), w) {
            (Some(p), "$") if !doc.tokens[i].space_before => match dollar_prefix(doc.tok(p)) {
                Some(c) => (p, c),
                None => (i, cur),
            },
            _ => (i, cur),
        };
        return Some(Money {
            start,
            end,
            currency: cur,
            amount: num,
            rule,
            confidence,
        });
    }
    // A number, then a currency word or code: "14bn euros", "2 million dollars", "5m USD".
    if doc.tokens[i].kind != TokenKind::Number {
        return None;
    }
    let (num, j) = amount_at(doc, i)?;
    let unit = (j < n).then(|| doc.tok(j))?;
    let (cur, scale, confidence) = match word_currency(unit) {
        Some(x) => x,
        None => (code_currency(unit)?, 1.0, 0.9),
    };
    // "40 pounds of flour" is a weight.
    if cur == "GBP" && j + 1 < n && doc.tok(j + 1) == "of" {
        return None;
    }
    Some(Money {
        start: i,
        end: j + 1,
        currency: cur,
        amount: num * scale,
        rule: "money:word",
        confidence,
    })
}

/// The number at token `i` (`5`, `40,000`, `18.34bn`, `1.5m`) with a following multiplier word
/// (`million`, `bn`, `crore`); returns the value and the token after the amount.
fn amount_at(doc: &Doc, i: usize) -> Option<(f64, usize)> {
    let w = doc.tok(i);
    let digits_end = w
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(w.len());
    let (digits, suffix) = w.split_at(digits_end);
    let mut value = parse_number(digits)?;
    let mut j = i + 1;
    if !suffix.is_empty() {
        value *= multiplier(suffix)?;
    } else if j < doc.tokens.len() {
        if let Some(m) = multiplier(doc.tok(j)) {
            value *= m;
            j += 1;
        }
    }
    value.is_finite().then_some((value, j))
}

/// `40,000` (thousands grouped by commas), `18.34`, or `7,5` (a decimal comma, as much of Europe
/// writes it).
fn parse_number(digits: &str) -> Option<f64> {
    let groups: Vec<&str> = digits.split(',').collect();
    let grouped = groups.len() > 1
        && !groups[0].is_empty()
        && groups[1..groups.len() - 1].iter().all(|g| g.len() == 3)
        && groups[groups.len() - 1]
            .split('.')
            .next()
            .is_some_and(|g| g.len() == 3);
    if groups.len() == 1 || grouped {
        digits.replace(',', "").parse().ok()
    } else if groups.len() == 2 && !digits.contains('.') {
        digits.replace(',', ".").parse().ok()
    } else {
        None
    }
}

/// No exponent; up to four decimals (exchange rates: `$1.8923`), whole units from 10^11 on (where
/// f64 has no digits to spare): `USD 18340000000`, `GBP 5.5`, `USD 0.055`. Written with integer
/// arithmetic only, so the wasm links no float formatting: below 10^11 the amount is a whole
/// number of ten-thousandths, whose digits are what `{}` of the rounded f64 prints (at most 15
/// significant digits round-trip exactly); from 10^11 on it is whole, written as the exact
/// integer value of the f64 (which `{}` also prints below 2^53).
fn fmt_amount(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    if x.abs() < 1e11 {
        let k = (x * 1e4).round() as i64;
        let (int, frac) = (k.unsigned_abs() / 10_000, k.unsigned_abs() % 10_000);
        let sign = if k < 0 { "-" } else { "" };
        if frac == 0 {
            return format!("{sign}{int}");
        }
        let digits = format!("{frac:04}");
        return format!("{sign}{int}.{}", digits.trim_end_matches('0'));
    }
    whole_digits(x.round())
}

/// The exact decimal digits of a whole, finite f64 (with its sign).
fn whole_digits(r: f64) -> String {
    let sign = if r < 0.0 { "-" } else { "" };
    let r = r.abs();
    if r < 1.8e19 {
        return format!("{sign}{}", r as u64);
    }
    // mantissa × 2^exp with exp > 0: the mantissa's digits, doubled exp times (least significant
    // digit first). Only absurd amounts (a 20-digit number of dollars) come here.
    let bits = r.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32 - 1075;
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mut digits: Vec<u8> = mantissa
        .to_string()
        .bytes()
        .rev()
        .map(|b| b - b'0')
        .collect();
    for _ in 0..exp.max(0) {
        let mut carry = 0;
        for d in digits.iter_mut() {
            let v = *d * 2 + carry;
            *d = v % 10;
            carry = v / 10;
        }
        if carry > 0 {
            digits.push(carry);
        }
    }
    let mut out = String::from(sign);
    out.extend(digits.iter().rev().map(|&d| (b'0' + d) as char));
    out
}

fn symbol_currency(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₹" => "INR",
        "₦" => "NGN",
        "₩" => "KRW",
        "₽" => "RUB",
        "₺" => "TRY",
        "₪" => "ILS",
        "₱" => "PHP",
        _ => return None,
    })
}

/// ISO codes written before or after an amount, and "Rs" (rupees).
fn code_currency(w: &str) -> Option<&'static str> {
    Some(match w {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CNY" | "RMB" => "CNY",
        "INR" | "Rs" | "Rs." => "INR",
        "CHF" => "CHF",
        "CAD" => "CAD",
        "AUD" => "AUD",
        "NGN" => "NGN",
        "KES" | "KSh" | "Ksh" => "KES",
        "ZAR" => "ZAR",
        "RUB" => "RUB",
        _ => return None,
    })
}

/// Dollars by country prefix: `US$`, `A$`, `C$`, `NZ$`, `HK$`, `S$`, `NT$`.
fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "US" | "U.S." => "USD",
        "A" | "AU" => "AUD",
        "C" | "CA" => "CAD",
        "NZ" => "NZD",
        "HK" => "HKD",
        "S" => "SGD",
        "NT" => "TWD",
        _ => return None,
    })
}

/// Currency words after an amount: the currency, the factor to its main unit (pence → pounds),
/// and a confidence ("pounds" is also a weight).
fn word_currency(w: &str) -> Option<(&'static str, f64, f32)> {
    let mut buf = [0u8; 16];
    Some(match short_lower(w, &mut buf)? {
        "dollar" | "dollars" => ("USD", 1.0, 0.9),
        "euro" | "euros" => ("EUR", 1.0, 0.95),
        "pound" | "pounds" => ("GBP", 1.0, 0.75),
        "sterling" => ("GBP", 1.0, 0.9),
        "pence" | "p" => ("GBP", 0.01, 0.85),
        "cents" => ("USD", 0.01, 0.75),
        "yen" => ("JPY", 1.0, 0.95),
        "yuan" | "renminbi" => ("CNY", 1.0, 0.95),
        "rupee" | "rupees" => ("INR", 1.0, 0.9),
        "naira" => ("NGN", 1.0, 0.95),
        "shilling" | "shillings" => ("KES", 1.0, 0.85),
        "rand" => ("ZAR", 1.0, 0.85),
        "rouble" | "roubles" | "ruble" | "rubles" => ("RUB", 1.0, 0.95),
        "franc" | "francs" => ("CHF", 1.0, 0.85),
        _ => return None,
    })
}

/// A clock time at token `i`: `10:30`, `10:30 am`, `3 p.m.`, `3pm`, `11.30am`; the value is
/// 24-hour `HH:MM`.
fn time_at(doc: &Doc, i: usize) -> Option<(usize, String)> {
    let n = doc.tokens.len();
    if doc.tokens[i].kind != TokenKind::Number {
        return None;
    }
    let w = doc.tok(i);
    // "3pm", "11.30am": one token.
    if let Some((num, half)) = split_meridiem(w) {
        let (h, m) = hour_minute(num, '.')?;
        let mut value = clock(h, m, Some(half))?;
        let mut j = i + 1;
        if let Some(z) = (j < n).then(|| doc.tok(j)).filter(|z| is_time_zone(z)) {
            value.push(' ');
            value.push_str(z);
            j += 1;
        }
        return Some((j, value));
    }
    let (h, m, mut j) = if i + 2 < n
        && doc.tok(i + 1) == ":"
        && !doc.tokens[i + 1].space_before
        && !doc.tokens[i + 2].space_before
        && doc.tok(i + 2).len() == 2
    {
        let m: u32 = doc.tok(i + 2).parse().ok()?;
        let h: u32 = w.parse().ok()?;
        (h, m, i + 3)
    } else {
        let (h, m) = hour_minute(w, '.')?;
        (h, m, i + 1)
    };
    let half = (j < n).then(|| meridiem(doc.tok(j))).flatten();
    if half.is_some() {
        j += 1;
    } else if j == i + 1 {
        // A bare number is no time.
        return None;
    }
    let mut value = clock(h, m, half)?;
    // A time zone after the time belongs to it: "12:45 GMT" → `12:45 GMT`.
    if let Some(z) = (j < n).then(|| doc.tok(j)).filter(|z| is_time_zone(z)) {
        value.push(' ');
        value.push_str(z);
        j += 1;
    }
    Some((j, value))
}

/// Time zones written after a clock time in news.
fn is_time_zone(w: &str) -> bool {
    matches!(
        w,
        "GMT"
            | "UTC"
            | "BST"
            | "CET"
            | "CEST"
            | "EET"
            | "ET"
            | "EST"
            | "EDT"
            | "CT"
            | "CST"
            | "CDT"
            | "MT"
            | "MST"
            | "MDT"
            | "PT"
            | "PST"
            | "PDT"
            | "IST"
            | "JST"
            | "WAT"
            | "EAT"
            | "CAT"
            | "SAST"
            | "AEST"
            | "AEDT"
    )
}

/// "am"/"a.m." → false (morning), "pm"/"p.m." → true.
fn meridiem(w: &str) -> Option<bool> {
    let mut buf = [0u8; 16];
    match short_lower(w, &mut buf)? {
        "am" | "a.m." | "a.m" => Some(false),
        "pm" | "p.m." | "p.m" => Some(true),
        _ => None,
    }
}

/// "3pm" → ("3", true).
fn split_meridiem(w: &str) -> Option<(&str, bool)> {
    let b = w.as_bytes();
    let (num, tail) = b.split_at(b.len().checked_sub(2)?);
    let half = if tail.eq_ignore_ascii_case(b"am") {
        false
    } else if tail.eq_ignore_ascii_case(b"pm") {
        true
    } else {
        return None;
    };
    // The tail is two ASCII bytes, so the rest is a char-boundary prefix.
    let num = w.get(..num.len())?;
    (!num.is_empty()).then_some((num, half))
}

/// "11.30" → (11, 30); "3" → (3, 0).
fn hour_minute(w: &str, sep: char) -> Option<(u32, u32)> {
    let (h, m) = match w.split_once(sep) {
        Some((h, m)) if m.len() == 2 => (h.parse().ok()?, m.parse().ok()?),
        Some(_) => return None,
        None => (w.parse().ok()?, 0),
    };
    Some((h, m))
}

/// `HH:MM` from an hour, minutes and am/pm, if it is a valid time.
fn clock(h: u32, m: u32, pm: Option<bool>) -> Option<String> {
    if m > 59 {
        return None;
    }
    let h = match pm {
        Some(pm) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            (h % 12) + if pm { 12 } else { 0 }
        }
        None if h <= 23 => h,
        None => return None,
    };
    Some(format!("{h:02}:{m:02}"))
}

fn multiplier(w: &str) -> Option<f64> {
    let mut buf = [0u8; 16];
    match short_lower(w, &mut buf)? {
        "thousand" | "k" => Some(1e3),
        "million" | "m" | "mn" | "mln" => Some(1e6),
        "billion" | "bn" | "b" | "bln" => Some(1e9),
        "trillion" | "tn" | "trn" => Some(1e12),
        "lakh" | "lakhs" => Some(1e5),
        "crore" | "crores" => Some(1e7),
        _ => None,
    }
}

/// `w` lower-cased into `buf`, if it is short ASCII (every unit and currency word is): no
/// allocation per number token.
fn short_lower<'b>(w: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let out = buf.get_mut(..w.len())?;
    if !w.is_ascii() {
        return None;
    }
    for (o, b) in out.iter_mut().zip(w.bytes()) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// (label, text, value) of every value found in `text`.
    fn values(text: &str) -> Vec<(Label, String, String)> {
        let doc = Doc::new(text);
        find(&doc, None)
            .into_iter()
            .map(|c| (c.label, text[c.start..c.end].to_string(), c.value.unwrap()))
            .collect()
    }

    fn one(text: &str) -> (Label, String, String) {
        let v = values(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn money_with_symbols_codes_and_words() {
        for (text, span, value) in [
            ("debts of $18.34bn were", "$18.34bn", "USD 18340000000"),
            ("about £9.6bn in all", "£9.6bn", "GBP 9600000000"),
            ("worth €3bn today", "€3bn", "EUR 3000000000"),
            ("it cost $5 million", "$5 million", "USD 5000000"),
            ("paid US$995 million", "US$995 million", "USD 995000000"),
            ("paid US$ 995 million", "US$ 995 million", "USD 995000000"),
            ("a bribe of HK$ 100,000 was", "HK$ 100,000", "HKD 100000"),
            ("raised USD 20 million", "USD 20 million", "USD 20000000"),
            ("spent Rs 500 crore", "Rs 500 crore", "INR 5000000000"),
            ("debts of 14bn euros", "14bn euros", "EUR 14000000000"),
            ("lost 2 million dollars", "2 million dollars", "USD 2000000"),
            ("fell to 500 pence", "500 pence", "GBP 5"),
            ("sold for 7,000 yuan", "7,000 yuan", "CNY 7000"),
            ("a 1.5m euros fee", "1.5m euros", "EUR 1500000"),
            ("earned ₦2.5bn", "₦2.5bn", "NGN 2500000000"),
            ("costs 7,5 euros", "7,5 euros", "EUR 7.5"),
            ("rose 5.5 cents", "5.5 cents", "USD 0.055"),
            ("the dollar was at $1,8923 on", "$1,8923", "USD 1.8923"),
            ("a $1,234,567.89 bill", "$1,234,567.89", "USD 1234567.89"),
            ("a $999.99 bill", "$999.99", "USD 999.99"),
        ] {
            assert_eq!(
                one(text),
                (Label::MONEY, span.to_string(), value.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn not_money() {
        // A weight, a bare number, a dollar sign without a number.
        for text in ["40 pounds of flour", "he won 5 million votes", "the $ sign"] {
            assert!(
                values(text).iter().all(|v| v.0 != Label::MONEY),
                "{text}: {:?}",
                values(text)
            );
        }
    }

    #[test]
    fn years_after_a_time_word() {
        for (text, span) in [
            ("In 2012, 43 percent went", "2012"),
            ("things changed in 2004 and", "2004"),
            ("SINCE 1998 it has", "1998"),
            ("Sales fell during 2019.", "2019"),
            ("It opens late 2027.", "2027"),
        ] {
            let dates: Vec<_> = values(text)
                .into_iter()
                .filter(|v| v.0 == Label::DATE)
                .collect();
            assert_eq!(
                dates,
                vec![(Label::DATE, span.to_string(), span.to_string())],
                "{text}"
            );
        }
        // A number that is not a time.
        for text in ["It has 2012 members.", "Room 2012 is", "in 12 cases"] {
            assert!(
                values(text).iter().all(|v| v.0 != Label::DATE),
                "{text}: {:?}",
                values(text)
            );
        }
    }

    #[test]
    fn percentages() {
        for (text, span, value) in [
            ("rose 14 per cent", "14 per cent", "14%"),
            ("rose 3.5 percent", "3.5 percent", "3.5%"),
            ("rose 5.7%", "5.7%", "5.7%"),
        ] {
            assert_eq!(
                one(text),
                (Label::PERCENT, span.to_string(), value.to_string())
            );
        }
    }

    #[test]
    fn clock_times() {
        for (text, span, value) in [
            ("at 3 p.m. sharp", "3 p.m.", "15:00"),
            ("at 3pm sharp", "3pm", "15:00"),
            ("at 10:30 am", "10:30 am", "10:30"),
            ("at 11.30am", "11.30am", "11:30"),
            ("at 12:45 GMT", "12:45 GMT", "12:45 GMT"),
            ("at 12am", "12am", "00:00"),
            ("at 12 pm", "12 pm", "12:00"),
            ("by 21:05", "21:05", "21:05"),
        ] {
            assert_eq!(
                one(text),
                (Label::TIME, span.to_string(), value.to_string()),
                "{text}"
            );
        }
        // A score, an impossible hour, a bare number.
        for text in [
            "won 2:1 at home",
            "at 13 pm",
            "at 25:10",
            "page 3 of 10",
            "I am 30",
        ] {
            assert!(
                values(text).iter().all(|v| v.0 != Label::TIME),
                "{text}: {:?}",
                values(text)
            );
        }
    }

    /// The integer formatter prints what `{}` of the rounded f64 prints, for whole numbers up to
    /// 2^53 and for amounts of up to four decimals below 10^11; above, exact integer digits.
    #[test]
    fn amounts_are_written_like_display() {
        let reference = |x: f64| {
            let r = if x.abs() < 1e11 {
                (x * 1e4).round() / 1e4
            } else {
                x.round()
            };
            if r.fract() == 0.0 && r.abs() < 9e15 {
                format!("{}", r as i64)
            } else {
                format!("{r}")
            }
        };
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut xs = vec![
            0.0,
            -0.0,
            0.055,
            1.8923,
            5.5,
            18.34e9,
            99_999_999_999.999_95,
            1e11,
            4e15,
        ];
        for _ in 0..200_000 {
            let scale = 10f64.powi((next() % 16) as i32 - 4);
            let x = (next() % 1_000_000_000) as f64 / 1e5 * scale;
            xs.push(x);
            xs.push(-x);
            xs.push((x * 1e4).round() / 1e4);
        }
        for x in xs {
            if x.abs() < 9e15 {
                assert_eq!(fmt_amount(x), reference(x), "{x:e}");
            }
        }
        // Exact integer digits above 2^64.
        assert_eq!(fmt_amount(1e20), "100000000000000000000");
        assert_eq!(fmt_amount(2f64.powi(70)), "1180591620717411303424");
        assert_eq!(fmt_amount(-2f64.powi(64)), "-18446744073709551616");
        assert_eq!(fmt_amount(f64::MAX).len(), 309);
    }
}
