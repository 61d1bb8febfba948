//! Finding quoted stretches: a character state machine run per paragraph.
//!
//! - Double-quote pairs: “ ”, „ “/”, « », 「 」, 『 』, straight `"` (opens when the previous character
//!   is not alphanumeric, closes when the next one is not), mixed `“ … "` and `" … ”`, `''` and
//!   ``` `` ``` as `"`; a `”` at the paragraph start or after a space and before a letter is a
//!   mis-typed opener; a `“` after a word and before a space is a mis-typed closer.
//! - Single pairs ‘ ’, ‹ ›, ‚ ’ and straight `'` at the outer level (“called him ‘Putin’s puppet’”).
//!   `’` between letters is an apostrophe; `s’ ` (countries’ willingness) is taken for an apostrophe
//!   unless nothing else closes the quote. An unclosed single quote is dropped: it was an apostrophe.
//! - Nested pairs inside a quote are tracked so that they do not close it.
//! - Multi-paragraph quotes (AP style): a paragraph ending with a double quote open, followed by a
//!   paragraph starting with an opening mark, continues the quote; each paragraph's piece is
//!   reported on its own, linked by `continued`/`continues`. Otherwise the quote is closed at the
//!   paragraph end and flagged `unclosed` — unless it contains complete nested quotes, in which case
//!   its opener was stray and the paragraph is scanned again without it (once, so linear).

use crate::text::Doc;

/// A quoted stretch (byte offsets, including the marks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawQuote {
    /// Offset of the opening mark.
    pub start: usize,
    /// Offset after the closing mark (or the paragraph end when there is none).
    pub end: usize,
    /// Bytes of the opening mark.
    pub open_len: usize,
    /// Bytes of the closing mark (0 when unclosed or continued).
    pub close_len: usize,
    /// A single-quote pair at the outer level (‘…’).
    pub single: bool,
    /// Open at the paragraph end and not continued.
    pub unclosed: bool,
    /// Continued by the next paragraph's quote.
    pub continued: bool,
    /// Continues the previous paragraph's quote.
    pub continues: bool,
}

impl RawQuote {
    /// The content without the marks (start, end).
    pub fn inner(&self) -> (usize, usize) {
        let s = self.start + self.open_len;
        let e = self.end.saturating_sub(self.close_len).max(s);
        (s, e)
    }
}

#[derive(Debug, Clone, Copy)]
enum State {
    Outside,
    Double {
        start: usize,
        opener: char,
        open_len: usize,
        /// The closer a nested quote waits for.
        nested: Option<char>,
        had_nested: bool,
    },
    Single {
        start: usize,
        opener: char,
        open_len: usize,
        /// Last `s’ ` seen: the closer if nothing better comes.
        s_apos: Option<usize>,
        nested: Option<char>,
    },
}

fn alnum(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

fn space_or_none(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn is_double_opener(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '「' | '『' | '"')
}

/// Finds the quotes of the whole document, in order, never overlapping.
pub fn find(doc: &Doc) -> Vec<RawQuote> {
    let text = doc.text;
    let mut out = Vec::new();
    let mut continues = false;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let next_starts_with_opener = doc
            .paragraphs
            .get(pi + 1)
            .and_then(|n| text.get(n.start..))
            .and_then(|s| s.chars().next())
            .is_some_and(is_double_opener);
        let mark = out.len();
        let mut skip = None;
        let cont = std::mem::take(&mut continues);
        loop {
            let state = scan(text, p.start, p.end, skip, &mut out);
            match state {
                State::Double {
                    start,
                    open_len,
                    had_nested,
                    ..
                } => {
                    if next_starts_with_opener {
                        out.push(RawQuote {
                            start,
                            end: p.end,
                            open_len,
                            close_len: 0,
                            single: false,
                            unclosed: false,
                            continued: true,
                            continues: false,
                        });
                        continues = true;
                    } else if had_nested && skip.is_none() {
                        out.truncate(mark);
                        skip = Some(start);
                        continue;
                    } else {
                        out.push(RawQuote {
                            start,
                            end: p.end,
                            open_len,
                            close_len: 0,
                            single: false,
                            unclosed: true,
                            continued: false,
                            continues: false,
                        });
                    }
                }
                State::Single {
                    start,
                    open_len,
                    s_apos: Some(a),
                    ..
                } => {
                    let close = text
                        .get(a..)
                        .and_then(|r| r.chars().next())
                        .map_or(0, char::len_utf8);
                    out.push(RawQuote {
                        start,
                        end: a + close,
                        open_len,
                        close_len: close,
                        single: true,
                        unclosed: false,
                        continued: false,
                        continues: false,
                    });
                }
                _ => {}
            }
            break;
        }
        if cont {
            if let Some(q) = out.get_mut(mark) {
                q.continues = q.start == p.start;
            }
        }
    }
    out
}

/// Scans one paragraph, pushing closed quotes; returns the state at the paragraph end.
fn scan(
    text: &str,
    pstart: usize,
    pend: usize,
    skip: Option<usize>,
    out: &mut Vec<RawQuote>,
) -> State {
    let para = &text[pstart..pend];
    let bytes = para.as_bytes();
    let mut state = State::Outside;
    let mut prev: Option<char> = None;
    let mut i = 0;
    while i < bytes.len() {
        // Only quote marks change the state: jump to the next byte that may start one (the
        // lead bytes of the non-ASCII marks start other characters too, which are then looked
        // at like before), remembering the character before it.
        let skipped = bytes[i..]
            .iter()
            .position(|&b| may_start_mark(b))
            .unwrap_or(bytes.len() - i);
        if skipped > 0 {
            prev = para[..i + skipped].chars().next_back();
            i += skipped;
            if i >= bytes.len() {
                break;
            }
        }
        let Some(c) = para[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        let next = para[i + len..].chars().next();
        let abs = pstart + i;
        i += len;
        // `''` and ``` `` ``` are one double mark.
        let doubled = (c == '\'' || c == '`') && next == Some(c);
        match state {
            State::Outside => {
                if skip == Some(abs) {
                } else if doubled {
                    if !alnum(prev) {
                        i += len;
                        state = double(abs, '"', 2);
                    }
                } else if matches!(c, '„' | '«' | '「' | '『') {
                    state = double(abs, c, len);
                } else if c == '“' {
                    // After a word and before a space it is a mis-typed closer with nothing open.
                    if !(alnum(prev) || matches!(prev, Some('.' | ',' | '!' | '?')))
                        || !space_or_none(next)
                    {
                        state = double(abs, c, len);
                    }
                } else if c == '"' {
                    if !alnum(prev) && !space_or_none(next) {
                        state = double(abs, c, len);
                    }
                } else if c == '”' {
                    if space_or_none(prev) && next.is_some_and(char::is_alphabetic) {
                        state = double(abs, '“', len);
                    }
                } else if matches!(c, '‘' | '‚' | '‹') {
                    if !alnum(prev) && !space_or_none(next) {
                        state = single(abs, c, len);
                    }
                } else if c == '\'' {
                    let opens = prev.is_none_or(|p| {
                        p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':')
                    }) && next.is_some_and(char::is_alphabetic);
                    if opens {
                        state = single(abs, c, len);
                    }
                }
            }
            State::Double {
                start,
                opener,
                open_len,
                nested,
                had_nested,
            } => {
                if let Some(want) = nested {
                    let closes = if want == '"' {
                        (c == '"' || c == '”') && !alnum(next)
                    } else {
                        c == want || (want == '”' && c == '"' && !alnum(next))
                    };
                    if closes {
                        state = State::Double {
                            start,
                            opener,
                            open_len,
                            nested: None,
                            had_nested,
                        };
                    }
                } else if closes_double(opener, c, prev, next, doubled) {
                    let close_len = if doubled { 2 } else { len };
                    if doubled {
                        i += len;
                    }
                    out.push(RawQuote {
                        start,
                        end: abs + close_len,
                        open_len,
                        close_len,
                        single: false,
                        unclosed: false,
                        continued: false,
                        continues: false,
                    });
                    state = State::Outside;
                } else if let Some(want) = nested_opener(opener, c, prev, next) {
                    state = State::Double {
                        start,
                        opener,
                        open_len,
                        nested: Some(want),
                        had_nested: true,
                    };
                }
            }
            State::Single {
                start,
                opener,
                open_len,
                s_apos,
                nested,
            } => {
                if let Some(want) = nested {
                    if c == want || (want == '”' && c == '"' && !alnum(next)) {
                        state = State::Single {
                            start,
                            opener,
                            open_len,
                            s_apos,
                            nested: None,
                        };
                    }
                } else if closes_single(opener, c, prev, next) {
                    if matches!(prev, Some('s' | 'S')) && next.is_some_and(char::is_whitespace) {
                        // countries’ willingness: probably an apostrophe; remember it.
                        state = State::Single {
                            start,
                            opener,
                            open_len,
                            s_apos: Some(abs),
                            nested,
                        };
                    } else {
                        out.push(RawQuote {
                            start,
                            end: abs + len,
                            open_len,
                            close_len: len,
                            single: true,
                            unclosed: false,
                            continued: false,
                            continues: false,
                        });
                        state = State::Outside;
                    }
                } else if c == '“' || (c == '"' && space_or_none(prev)) {
                    if opener == '‘' {
                        // British style: ‘He said “no”’.
                        state = State::Single {
                            start,
                            opener,
                            open_len,
                            s_apos,
                            nested: Some('”'),
                        };
                    } else {
                        // A straight ' was an apostrophe after all; the double quote starts here.
                        state = double(abs, c, len);
                    }
                }
            }
        }
        prev = Some(c);
    }
    state
}

/// Whether byte `b` may start a quote mark: `"`, `'`, `` ` ``, or the first byte of « » (C2),
/// “ ” ‘ ’ ‚ „ ‹ › (E2) or 「 」 『 』 (E3) in UTF-8.
fn may_start_mark(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2 | 0xE3)
}

fn double(start: usize, opener: char, open_len: usize) -> State {
    State::Double {
        start,
        opener,
        open_len,
        nested: None,
        had_nested: false,
    }
}

fn single(start: usize, opener: char, open_len: usize) -> State {
    State::Single {
        start,
        opener,
        open_len,
        s_apos: None,
        nested: None,
    }
}

fn closes_double(
    opener: char,
    c: char,
    prev: Option<char>,
    next: Option<char>,
    doubled: bool,
) -> bool {
    match opener {
        '«' => c == '»',
        '「' => c == '」',
        '『' => c == '』',
        '„' => c == '“' || c == '”',
        _ => {
            c == '”'
                || (c == '"' || doubled && c == '\'') && !alnum(next)
                // Mis-typed closer: “ after a word or punctuation, before a space or the end.
                || c == '“' && !space_or_none(prev) && !alnum(next)
        }
    }
}

/// A nested double quote opening inside an outer one: the closer it waits for.
fn nested_opener(opener: char, c: char, prev: Option<char>, next: Option<char>) -> Option<char> {
    let opens_here = space_or_none(prev) || matches!(prev, Some('(' | '[' | ':' | '—'));
    match (opener, c) {
        ('“', '"') if opens_here && alnum(next) => Some('"'),
        ('“', '“') if opens_here => Some('”'),
        ('"', '“') => Some('”'),
        ('«', '“') => Some('”'),
        ('„', '‚') => Some('‘'),
        _ => None,
    }
}

fn closes_single(opener: char, c: char, prev: Option<char>, next: Option<char>) -> bool {
    let shape = !space_or_none(prev) && !alnum(next);
    match opener {
        '‹' => c == '›',
        '‚' => (c == '‘' || c == '’') && shape,
        _ => (c == '’' || c == '\'') && shape,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        let doc = Doc::new(text);
        find(&doc).iter().map(|q| &text[q.start..q.end]).collect()
    }

    #[test]
    fn apostrophes_are_not_closers() {
        assert_eq!(
            spans("He called him ‘Putin’s puppet’. “Both countries’ willingness,” it said."),
            vec!["‘Putin’s puppet’", "“Both countries’ willingness,”"]
        );
        assert_eq!(
            spans("The United States’ firm support."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn stray_opener_is_rescanned() {
        let t = "\"Kevin was snoring. “Here he is,” she said.";
        assert_eq!(spans(t), vec!["“Here he is,”"]);
    }

    /// Marks after runs of other characters that share a mark's first byte (€, —, NBSP, 。): the
    /// character before a mark decides whether it opens or closes.
    #[test]
    fn marks_after_multibyte_runs() {
        assert_eq!(
            spans("Price 5€ \"a deal\" for—'wait' now."),
            vec!["\"a deal\"", "'wait'"]
        );
        assert_eq!(
            spans("l’été “C’est la vie,” dit-il."),
            vec!["“C’est la vie,”"]
        );
        assert_eq!(
            spans("«Oui», a-t-il dit. 「はい」と言った。『本』。"),
            vec!["«Oui»", "「はい」", "『本』"]
        );
        // After a word and before a space, “ is a mis-typed closer: nothing opens; after a
        // symbol it opens (and runs unclosed to the paragraph end).
        assert_eq!(spans("café“ next"), Vec::<&str>::new());
        assert_eq!(spans("5€“ next"), vec!["“ next"]);
        assert_eq!(spans("word\u{a0}“Yes”"), vec!["“Yes”"]);
        assert_eq!(spans("— ''Fine,'' she said"), vec!["''Fine,''"]);
    }
}
