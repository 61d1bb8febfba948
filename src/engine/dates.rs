//! Calendar dates: the article's own date, and normalizing date expressions relative to it.

use super::text::{Doc, TokenKind};
use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub y: i32,
    /// Month 1..=12.
    pub m: u32,
    /// Day 1..=31.
    pub d: u32,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(y: i32, m: u32, d: u32) -> Option<Date> {
        ((1..=9999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m))
            .then_some(Date { y, m, d })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(
            s[..4].parse().ok()?,
            s[5..7].parse().ok()?,
            s[8..10].parse().ok()?,
        )
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    pub fn days(self) -> i64 {
        let y = if self.m <= 2 { self.y - 1 } else { self.y } as i64;
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (self.m as i64 + 9) % 12;
        let doy = (153 * mp + 2) / 5 + self.d as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` since 1970-01-01.
    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date {
            y: (if m <= 2 { y + 1 } else { y }) as i32,
            m,
            d,
        }
    }

    /// This date plus `n` days.
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// Day of week, Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.days() + 3).rem_euclid(7)) as u32
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Month number for an English month name or abbreviation (`Jan`, `Sept`), case-insensitive.
pub fn month(word: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // Month names differ in their first three letters: those pick the only candidate (this runs
    // on every token, so most words are turned away by their first letter before anything else).
    if !matches!(
        word.as_bytes().first().map(u8::to_ascii_lowercase),
        Some(b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
    ) {
        return None;
    }
    let w = word.trim_end_matches('.');
    let i = match &lower3(w)? {
        b"jan" => 0,
        b"feb" => 1,
        b"mar" => 2,
        b"apr" => 3,
        b"may" => 4,
        b"jun" => 5,
        b"jul" => 6,
        b"aug" => 7,
        b"sep" => 8,
        b"oct" => 9,
        b"nov" => 10,
        b"dec" => 11,
        _ => return None,
    };
    let n = NAMES[i];
    let full = n.len() == w.len() && n.eq_ignore_ascii_case(w);
    let abbrev = (w.len() == 3 || w.eq_ignore_ascii_case("sept"))
        && n.len() > w.len()
        && n[..w.len()].eq_ignore_ascii_case(w);
    (full || abbrev).then_some(i as u32 + 1)
}

/// The first three bytes of `w` lower-cased (ASCII), for a word of 3 to 9 bytes.
fn lower3(w: &str) -> Option<[u8; 3]> {
    let b = w.as_bytes();
    if b.len() < 3 || b.len() > 9 {
        return None;
    }
    Some([
        b[0].to_ascii_lowercase(),
        b[1].to_ascii_lowercase(),
        b[2].to_ascii_lowercase(),
    ])
}

/// Weekday number (Monday = 0) for an English weekday name or abbreviation.
pub fn weekday(word: &str) -> Option<u32> {
    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let w = word.trim_end_matches('.');
    // As for months: the first three letters pick the only candidate.
    let i = match &lower3(w)? {
        b"mon" => 0,
        b"tue" => 1,
        b"wed" => 2,
        b"thu" => 3,
        b"fri" => 4,
        b"sat" => 5,
        b"sun" => 6,
        _ => return None,
    };
    let n = NAMES[i];
    ((n.len() == w.len() && n.eq_ignore_ascii_case(w)) || w.len() == 3).then_some(i as u32)
}

/// The article's date and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleDate {
    /// The date.
    pub date: Date,
    /// `option`, `date-line` (a leading `date 2021-01-27` line) or `dateline`
    /// (`LONDON 1996-08-30`, `Jan. 5, 2021 (Reuters)` near the top).
    pub source: &'static str,
}

/// Finds the article's own date: the caller's option wins, else a `date YYYY-MM-DD` token pair at
/// the very start, else the first full date in the first three lines.
pub fn article_date(doc: &Doc, option: Option<&str>) -> Option<ArticleDate> {
    if let Some(d) = option.and_then(|s| Date::parse_iso(s.trim())) {
        return Some(ArticleDate {
            date: d,
            source: "option",
        });
    }
    let toks = &doc.tokens;
    // (A byte-order mark, from some Windows editors, is not the text's start.)
    let n = date_line_len(doc);
    if let Some(d) = n.checked_sub(1).and_then(|k| Date::parse_iso(doc.tok(k))) {
        return Some(ArticleDate {
            date: d,
            source: "date-line",
        });
    }
    // Early lines: look at the first 40 tokens for an absolute date.
    let mut lines = 0;
    for (i, tok) in toks.iter().enumerate().take(40) {
        if tok.newline_before {
            lines += 1;
            if lines >= 3 {
                break;
            }
        }
        if let Some((d, _)) = absolute_date_at(doc, i) {
            return Some(ArticleDate {
                date: d,
                source: "dateline",
            });
        }
    }
    None
}

/// The tokens of a leading `date YYYY-MM-DD` line (after a byte-order mark, if any): the
/// article's metadata, not its text; 0 without one.
pub fn date_line_len(doc: &Doc) -> usize {
    let first = usize::from(!doc.tokens.is_empty() && doc.tok(0) == "\u{feff}");
    let is_line = doc.tokens.len() >= first + 2
        && doc.tok(first).eq_ignore_ascii_case("date")
        && Date::parse_iso(doc.tok(first + 1)).is_some();
    if is_line {
        first + 2
    } else {
        0
    }
}

/// An absolute date starting at token `i`: `2021-01-27`, `January 26, 2021`, `26 January 2021`.
/// Returns the date and the index after its last token.
pub fn absolute_date_at(doc: &Doc, i: usize) -> Option<(Date, usize)> {
    let t = doc.tok(i);
    if let Some(d) = Date::parse_iso(t) {
        return Some((d, i + 1));
    }
    let n = doc.tokens.len();
    if let Some(m) = month(t) {
        // Month [.] Day [,] Year
        let mut j = i + 1;
        if j < n && doc.tok(j) == "." {
            j += 1;
        }
        if j < n && doc.tokens[j].kind == TokenKind::Number {
            let day: u32 = day_number(doc.tok(j))?;
            let mut k = j + 1;
            if k < n && doc.tok(k) == "," {
                k += 1;
            }
            if k < n {
                if let Some(y) = year_number(doc.tok(k)) {
                    return Date::new(y, m, day).map(|d| (d, k + 1));
                }
            }
        }
        return None;
    }
    if doc.tokens[i].kind == TokenKind::Number && i + 2 < n {
        let day = day_number(t)?;
        let m = month(doc.tok(i + 1))?;
        let y = year_number(doc.tok(i + 2))?;
        return Date::new(y, m, day).map(|d| (d, i + 3));
    }
    None
}

/// `26`, `26th`, `1st` → the day number (1..=31).
pub fn day_number(t: &str) -> Option<u32> {
    let digits: &str = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t[digits.len()..];
    if !suffix.is_empty() && !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year 1000..=2999.
pub fn year_number(t: &str) -> Option<i32> {
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = t.parse().ok()?;
        (1000..=2999).contains(&y).then_some(y)
    } else {
        None
    }
}

/// The date a month-day without a year most likely means, given the article date: the one nearest
/// to it (so "December 30" in a January article is last year).
pub fn nearest_month_day(anchor: Date, m: u32, d: u32) -> Option<Date> {
    let mut best: Option<Date> = None;
    for y in [anchor.y - 1, anchor.y, anchor.y + 1] {
        if let Some(c) = Date::new(y, m, d) {
            if best
                .is_none_or(|b| (c.days() - anchor.days()).abs() < (b.days() - anchor.days()).abs())
            {
                best = Some(c);
            }
        }
    }
    best
}

/// A weekday named in an article refers, by news convention, to the most recent such day
/// (the article date itself counts), unless the verb is future: then the next one.
pub fn weekday_relative(anchor: Date, wd: u32, future: bool) -> Date {
    let cur = anchor.weekday() as i64;
    let wd = wd as i64;
    if future {
        let ahead = (wd - cur).rem_euclid(7);
        anchor.add_days(if ahead == 0 { 7 } else { ahead })
    } else {
        anchor.add_days(-((cur - wd).rem_euclid(7)))
    }
}

/// The Monday–Sunday week containing `d`, as `(monday, sunday)`.
pub fn week_of(d: Date) -> (Date, Date) {
    let mon = d.add_days(-(d.weekday() as i64));
    (mon, mon.add_days(6))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips() {
        let d = Date::new(2021, 1, 27).unwrap();
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(d.weekday(), 2); // Wednesday
        assert_eq!(d.add_days(-1).to_string(), "2021-01-26");
        assert_eq!(
            Date::new(2024, 2, 29).unwrap().add_days(365).to_string(),
            "2025-02-28"
        );
        assert!(Date::new(2023, 2, 29).is_none());
    }

    #[test]
    fn relative_dates() {
        let a = Date::new(2021, 1, 27).unwrap();
        assert_eq!(weekday_relative(a, 1, false).to_string(), "2021-01-26");
        assert_eq!(weekday_relative(a, 2, false).to_string(), "2021-01-27");
        assert_eq!(weekday_relative(a, 4, true).to_string(), "2021-01-29");
        assert_eq!(
            nearest_month_day(a, 2, 5).unwrap().to_string(),
            "2021-02-05"
        );
        assert_eq!(
            nearest_month_day(a, 12, 30).unwrap().to_string(),
            "2020-12-30"
        );
        let (m, s) = week_of(a.add_days(-7));
        assert_eq!(
            (m.to_string(), s.to_string()),
            ("2021-01-18".into(), "2021-01-24".into())
        );
    }

    #[test]
    fn article_date_sources() {
        let doc = Doc::new("date 2021-01-27 US President Joe Biden spoke.");
        assert_eq!(article_date(&doc, None).unwrap().source, "date-line");
        let bom = Doc::new("\u{feff}date 2021-01-27\nBiden spoke on Tuesday.");
        assert_eq!(article_date(&bom, None).unwrap().source, "date-line");
        // The line's tokens: the mark, "date" and the date.
        assert_eq!((date_line_len(&doc), date_line_len(&bom)), (2, 3));
        assert_eq!(date_line_len(&Doc::new("date of birth")), 0);
        let doc = Doc::new("SOCCER - RESULT.\nLONDON 1996-08-30\nText.");
        assert_eq!(
            article_date(&doc, None).unwrap().date.to_string(),
            "1996-08-30"
        );
        let doc = Doc::new("No date here.");
        assert!(article_date(&doc, None).is_none());
        assert_eq!(
            article_date(&doc, Some("2020-05-01")).unwrap().source,
            "option"
        );
    }

    /// Month and weekday names: every full name and accepted abbreviation in any case and with
    /// a trailing dot, and the near misses that must not count.
    #[test]
    fn month_and_weekday_names() {
        let months = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        for (i, m) in months.iter().enumerate() {
            let want = Some(i as u32 + 1);
            for form in [m.to_string(), m.to_uppercase(), format!("{}.", &m[..3])] {
                assert_eq!(month(&form), want, "{form}");
            }
            let mut cap = m.to_string();
            cap[..1].make_ascii_uppercase();
            assert_eq!(month(&cap), want, "{cap}");
            assert_eq!(month(&m[..3].to_uppercase()), want);
            // A prefix longer than three letters is not an abbreviation ("Janu"), nor is a longer word.
            if m.len() > 4 && *m != "september" {
                assert_eq!(month(&m[..4]), None, "{}", &m[..4]);
            }
            assert_eq!(month(&format!("{m}s")), None);
        }
        assert_eq!(month("Sept."), Some(9));
        assert_eq!(month("SEPT"), Some(9));
        for miss in [
            "ja",
            "jan1",
            "mayor",
            "marc",
            "Junee",
            "",
            ".",
            "...",
            "jän",
            "Décembre",
        ] {
            assert_eq!(month(miss), None, "{miss}");
        }
        let days = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        for (i, d) in days.iter().enumerate() {
            let want = Some(i as u32);
            for form in [
                d.to_string(),
                d.to_uppercase(),
                format!("{}.", &d[..3]),
                d[..3].to_string(),
            ] {
                assert_eq!(weekday(&form), want, "{form}");
            }
            assert_eq!(weekday(&d[..4]), None);
            assert_eq!(weekday(&format!("{d}s")), None);
        }
        for miss in ["mo", "sund", "satur", "funday", "", "é"] {
            assert_eq!(weekday(miss), None, "{miss}");
        }
    }
}
