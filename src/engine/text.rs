//! The text model: paragraphs, sentences and tokens, all as UTF-8 byte offsets into the original text.
//!
//! One pass over the characters makes the tokens; sentences and paragraphs are then cut over the
//! tokens. Nothing here allocates per character, and nothing looks back more than a few tokens, so the
//! whole stage is linear in the text's length.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits, hyphens, inner apostrophes, dotted initials like `U.S.`).
    Word,
    /// Starts with a digit: `1996`, `14.27`, `387,500`, `3rd`.
    Number,
    /// A single punctuation or symbol character.
    Punct,
}

/// A token: a byte range and a few precomputed facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// The first character is an uppercase letter.
    pub cap: bool,
    /// Every letter is uppercase and there are at least two letters (or one letter and a dot).
    pub all_caps: bool,
    /// Index of the sentence the token belongs to.
    pub sentence: u32,
    /// Whitespace precedes the token (or it starts the text).
    pub space_before: bool,
    /// A line break lies between the previous token and this one.
    pub newline_before: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A sentence: a range of tokens and of bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first token.
    pub start: usize,
    /// Byte offset after the last token.
    pub end: usize,
    /// Index of the first token.
    pub first: usize,
    /// Index after the last token.
    pub last: usize,
    /// Index of the paragraph.
    pub paragraph: u32,
}

/// A paragraph: a range of sentences and of bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte offset of the first token.
    pub start: usize,
    /// Byte offset after the last token.
    pub end: usize,
    /// Index of the first sentence.
    pub first: usize,
    /// Index after the last sentence.
    pub last: usize,
}

/// A segmented text. Borrowing the text keeps every offset tied to the exact input.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// The exact input.
    pub text: &'a str,
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// For each block of `1 << BLOCK_BITS` bytes: the first token starting at or after the block's
    /// start. Narrows [`Doc::token_at_or_after`] to a few neighbouring tokens: the stages call it
    /// for every mention and quote, and a binary search over all tokens missed the cache each time.
    block_first: Vec<u32>,
    /// Each token's start as 32 bits (empty for a text of 4 GB or more): the few neighbours are
    /// searched in one cache line here rather than across several tokens' records.
    starts: Vec<u32>,
    /// Each token's text, sliced once: the stages ask for token texts millions of times, and a
    /// slice of `text` checks its bounds and both char boundaries each time.
    strs: Vec<&'a str>,
}

const BLOCK_BITS: u32 = 6;

/// Abbreviations after which a period does not end a sentence (lowercase, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "cmdr", "del", "gov", "sen", "rep", "reps", "sens", "rev", "hon", "pres", "st", "sr", "jr",
    "mt", "ft", "no", "nos", "vs", "v", "etc", "inc", "corp", "co", "ltd", "bros", "dept", "univ",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "approx", "est", "fig",
    "al", "ave", "blvd", "ste", "msgr", "supt", "atty", "gov't", "govt", "e.g", "i.e", "ald",
    "assn", "op", "cf",
];

/// A word list for [`listed`], with a filter that turns away most words not in it in a couple of
/// instructions (most words of a text are in no list: the plain scan of every list for every
/// word was 7 % of a whole analysis).
pub(crate) struct WordList {
    words: &'static [&'static str],
    /// Bit [`WordList::bit`] of each word.
    mask: [u64; 4],
    /// Bit [`WordList::bit`] of each word's second and second-to-last bytes: a second, independent
    /// filter (a hit on the first alone, then a scan of the list, was most of the lookups' cost).
    mask2: [u64; 4],
}

impl WordList {
    /// The list of `words` (lower case: checked at compile time).
    pub(crate) const fn new(words: &'static [&'static str]) -> WordList {
        let mut mask = [0u64; 4];
        let mut mask2 = [0u64; 4];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            let mut k = 0;
            while k < w.len() {
                assert!(!w[k].is_ascii_uppercase(), "word lists are lower case");
                k += 1;
            }
            if !w.is_empty() {
                let b = Self::bit(w.len(), w[0], w[w.len() - 1]);
                mask[b / 64] |= 1 << (b % 64);
                let b = Self::bit2(w);
                mask2[b / 64] |= 1 << (b % 64);
            }
            i += 1;
        }
        WordList { words, mask, mask2 }
    }

    /// A word's second bit: from its second and second-to-last bytes, lower-cased (a one-byte
    /// word uses its byte for both).
    const fn bit2(w: &[u8]) -> usize {
        let n = w.len();
        let (a, b) = if n >= 2 {
            (w[1], w[n - 2])
        } else {
            (w[0], w[0])
        };
        let (a, b) = (
            a.to_ascii_lowercase() as usize,
            b.to_ascii_lowercase() as usize,
        );
        (a.wrapping_mul(13) ^ b.wrapping_mul(61) ^ n) & 255
    }

    /// A word's bit: from its length and its first and last bytes, lower-cased.
    const fn bit(len: usize, first: u8, last: u8) -> usize {
        let (f, l) = (
            first.to_ascii_lowercase() as usize,
            last.to_ascii_lowercase() as usize,
        );
        (f.wrapping_mul(31) ^ l.wrapping_mul(7) ^ len.wrapping_mul(97)) & 255
    }
}

/// Whether `w` is in `list`, ignoring ASCII case.
pub(crate) fn listed(list: &WordList, w: &str) -> bool {
    Probe::new(w).is_some_and(|p| list.has(p))
}

/// A word's two filter bits, computed once to look it up in several [`WordList`]s.
#[derive(Clone, Copy)]
pub(crate) struct Probe<'a> {
    w: &'a str,
    bit: usize,
    bit2: usize,
}

impl<'a> Probe<'a> {
    /// `None` for the empty word, which no list holds.
    #[inline]
    pub(crate) fn new(w: &'a str) -> Option<Probe<'a>> {
        let b = w.as_bytes();
        let (&first, &last) = (b.first()?, b.last()?);
        Some(Probe {
            w,
            bit: WordList::bit(b.len(), first, last),
            bit2: WordList::bit2(b),
        })
    }
}

impl WordList {
    /// Whether the probed word is in the list, ignoring ASCII case.
    #[inline]
    pub(crate) fn has(&self, p: Probe) -> bool {
        self.mask[p.bit / 64] & (1 << (p.bit % 64)) != 0
            && self.mask2[p.bit2 / 64] & (1 << (p.bit2 % 64)) != 0
            && self.scan(p.w)
    }

    /// The list scanned (one out-of-line function for every list: an inlined comparison per
    /// listed word costs KBs of wasm).
    #[inline(never)]
    fn scan(&self, w: &str) -> bool {
        self.words.iter().any(|x| x.eq_ignore_ascii_case(w))
    }
}

pub(crate) fn is_abbreviation(word: &str) -> bool {
    word.len() <= 6
        && ABBREVIATIONS
            .iter()
            .any(|a| a.len() == word.len() && a.eq_ignore_ascii_case(word))
}

/// Words as a word processor counts them: runs of non-whitespace holding a letter or digit
/// ("Ukraine’s", "2021-01-27" and "self-interest" are one word each; a lone "—" is none). The
/// page's live count and the analysis's `meta.words` both use it, so they agree. One pass over
/// the bytes (the page recounts on every keystroke), a run at a time: a table classes ASCII
/// bytes; only non-ASCII bytes decode a character.
pub fn count_words(t: &str) -> usize {
    let b = t.as_bytes();
    let (mut n, mut i, mut seen) = (0, 0, 0u8);
    while let Some(&c) = b.get(i) {
        if ASCII_CLASS[(c & 0x7f) as usize] == ALNUM && c < 0x80 {
            // The common case: a run of ASCII letters and digits, in a tight loop.
            seen = ALNUM;
            i += 1;
            while b
                .get(i)
                .is_some_and(|&c| c < 0x80 && ASCII_CLASS[c as usize] == ALNUM)
            {
                i += 1;
            }
            continue;
        }
        let k = if c < 0x80 {
            i += 1;
            ASCII_CLASS[c as usize]
        } else {
            let c = t.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                SPACE
            } else {
                is_alnum(c) as u8 * ALNUM
            }
        };
        // A space ends the run: it was a word if a letter or digit was seen in it.
        if k == SPACE {
            n += (seen != 0) as usize;
            seen = 0;
        } else {
            seen |= k;
        }
    }
    n + (seen != 0) as usize
}

/// Unicode's General Punctuation block (U+2000–U+206F: curly quotes, dashes, spaces) holds no
/// letter or digit; news text is full of it, and the Unicode tables' search is slow (a few per
/// token), so the character tests below skip it.
#[inline]
fn general_punct(c: char) -> bool {
    matches!(c as u32, 0x2000..=0x206F)
}

/// `char::is_alphabetic`, quick on General Punctuation.
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && !general_punct(c) && c.is_alphabetic())
}

/// `char::is_alphanumeric`, quick on General Punctuation.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && !general_punct(c) && c.is_alphanumeric())
}

/// `char::is_uppercase`, quick on General Punctuation.
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    c.is_ascii_uppercase() || (!c.is_ascii() && !general_punct(c) && c.is_uppercase())
}

/// [`count_words`]'s classes of ASCII bytes: whitespace, letter or digit, other (0).
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            SPACE
        } else if b.is_ascii_alphanumeric() {
            ALNUM
        } else {
            0
        };
        c += 1;
    }
    t
};

/// `s` lower-cased: ASCII directly, other text character by character (`str::to_lowercase` but for
/// the final-sigma rule; one shared, small copy of the conversion in the wasm).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.chars().flat_map(char::to_lowercase).collect()
    }
}

/// Calls `f` with `s` [`lower`]-cased, without allocating for ASCII words of up to 32 bytes.
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = s.as_bytes();
    if b.len() <= 32 && s.is_ascii() {
        let mut buf = [0u8; 32];
        for (d, &c) in buf.iter_mut().zip(b) {
            *d = c.to_ascii_lowercase();
        }
        // Lower-cased ASCII is still ASCII.
        f(std::str::from_utf8(&buf[..b.len()]).unwrap_or_default())
    } else {
        f(&lower(s))
    }
}

/// Opening quote characters (for sentence splitting: a sentence can start with one).
pub fn is_open_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '„' | '«' | '‹' | '‘' | '「' | '『' | '\'' | '‚'
    )
}

fn is_word_char(c: char) -> bool {
    is_alnum(c) || is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens (without sentence indices).
fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut tokens);
    tokens
}

/// The tokens of `text`, as [`Doc::new`] finds them (all in sentence 0), into `tokens` (cleared
/// first): for short phrases tokenized by the thousand (the gazetteer at start-up), where a whole
/// `Doc` per phrase was most of the engine's first-use time.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    tokens.clear();
    let bytes = text.as_bytes();
    let mut space_before = true;
    let mut newline_before = false;
    // The character at byte `p` (a boundary), if any; ASCII without decoding.
    let char_at = |p: usize| match bytes.get(p) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text.get(p..).and_then(|r| r.chars().next()),
        None => None,
    };
    let mut pos = 0;
    while let Some(c) = char_at(pos) {
        let i = pos;
        pos += c.len_utf8();
        if c.is_whitespace() || c.is_control() {
            space_before = true;
            if c == '\n' || c == '\r' || c == '\u{2029}' || c == '\u{2028}' {
                newline_before = true;
            }
            continue;
        }
        let mut end = pos;
        let kind;
        if is_word_char(c) {
            kind = if c.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            // Extend over word characters, and over `-`, `.`, `,`, apostrophes when a word character
            // follows (so `rain-affected`, `14.27`, `387,500`, `U.S`, `don't` stay whole; a possessive
            // `'s` is split off below).
            loop {
                // ASCII letters and digits, the common case, byte by byte.
                while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                let j = end;
                match char_at(j) {
                    Some(d) if is_word_char(d) => end += d.len_utf8(),
                    Some(d) if matches!(d, '-' | '.' | ',' | '\'' | '’' | '&' | '/') => {
                        let after = j + d.len_utf8();
                        let next = char_at(after);
                        let ok = match (d, next) {
                            (_, None) => false,
                            (',', Some(n)) => kind == TokenKind::Number && n.is_ascii_digit(),
                            ('.', Some(n)) => {
                                (kind == TokenKind::Number && n.is_ascii_digit())
                                    // Bounded, so a long `A.A.A.…` run stays linear.
                                    || (is_alpha(n)
                                        && j - i < 32
                                        && single_letter_run(&text[i..j]))
                            }
                            ('&', Some(n)) | ('/', Some(n)) => {
                                // AT&T, 24/7: only between uppercase letters or digits.
                                (n.is_ascii_uppercase() || n.is_ascii_digit())
                                    && text[i..j]
                                        .chars()
                                        .all(|x| x.is_ascii_uppercase() || x.is_ascii_digit())
                                    && j - i <= 4
                            }
                            (_, Some(n)) if is_apostrophe(d) => {
                                // Possessive 's / ’s is split off as its own token, as in CoNLL;
                                // n't and 've etc. stay (don't), names like O'Neill stay.
                                is_alpha(n) && !is_possessive_s(&text[after..])
                            }
                            (_, Some(n)) => is_word_char(n),
                        };
                        if !ok {
                            break;
                        }
                        end = after;
                    }
                    _ => break,
                }
            }
            // Dotted initials: `U.S.` keeps its final dot when it is a run of single letters.
            if bytes.get(end) == Some(&b'.')
                && text[i..end].contains('.')
                && single_letter_run(&text[i..end])
            {
                end += 1;
            }
        } else if is_apostrophe(c)
            && !space_before
            && is_possessive_s(&text[end..])
            && text[..i].chars().next_back().is_some_and(is_word_char)
        {
            // Possessive `’s` as one token, as in CoNLL.
            kind = TokenKind::Word;
            end += 1;
        } else {
            kind = TokenKind::Punct;
            // `''` and ``` `` ``` are one double-quote token.
            if (c == '\'' || c == '`') && bytes.get(end) == Some(&(c as u8)) {
                end += 1;
            }
        }
        pos = end;
        let word = &text[i..end];
        let cap = is_upper(c);
        // Every letter upper case (ASCII words without decoding).
        let (letters, upper) = if word.is_ascii() {
            let mut letters = 0usize;
            let mut upper = true;
            for &b in word.as_bytes() {
                if b.is_ascii_alphabetic() {
                    letters += 1;
                    if !b.is_ascii_uppercase() {
                        upper = false;
                        break;
                    }
                }
            }
            (letters, upper)
        } else {
            let mut letters = 0usize;
            let mut upper = true;
            for ch in word.chars() {
                if is_alpha(ch) {
                    letters += 1;
                    if !is_upper(ch) {
                        upper = false;
                        break;
                    }
                }
            }
            (letters, upper)
        };
        let all_caps = upper && (letters >= 2 || (letters == 1 && word.len() > 1 && cap));
        tokens.push(Token {
            start: i,
            end,
            kind,
            cap,
            all_caps,
            sentence: 0,
            space_before,
            newline_before,
        });
        space_before = false;
        newline_before = false;
    }
}

fn is_possessive_s(rest: &str) -> bool {
    let mut it = rest.chars();
    matches!(it.next(), Some('s' | 'S')) && !it.next().is_some_and(is_word_char)
}

/// `U.S`, `U.N`, `e.g`: single letters separated by dots.
fn single_letter_run(s: &str) -> bool {
    let mut prev_letter = false;
    for c in s.chars() {
        if c == '.' {
            if !prev_letter {
                return false;
            }
            prev_letter = false;
        } else if is_alpha(c) {
            if prev_letter {
                return false;
            }
            prev_letter = true;
        } else {
            return false;
        }
    }
    true
}

impl<'a> Doc<'a> {
    /// Segments `text`.
    pub fn new(text: &'a str) -> Doc<'a> {
        let mut tokens = tokenize(text);
        let has_blank_lines = has_blank_line(text);
        let mut sentences = Vec::new();
        let mut paragraphs = Vec::new();
        let mut sent_first = 0usize;
        let mut para_first_sent = 0usize;
        // Quote depth inside the current paragraph, so a sentence is not cut inside an open quote.
        let mut in_double = false;
        let mut in_curly = 0i32;
        let n = tokens.len();
        let mut i = 0usize;
        while i < n {
            let tok = tokens[i];
            // An open quote's mark again at the start of a line, after a sentence's end: the
            // quote goes on into a new paragraph (the mark reopens it, it does not close it), and
            // the line break ends the sentence although the text also has blank lines.
            let mut reopens = false;
            // Paragraph break before token i?
            if i > 0 && tok.newline_before {
                let blank = blank_line_between(text, tokens[i - 1].end, tok.start);
                let para_break = blank || !has_blank_lines;
                // A single line break always ends a sentence (headlines, datelines, lists) unless a
                // quote is open and the text wraps its lines inside paragraphs.
                let open = in_double || in_curly > 0;
                let t = tok.text(text);
                reopens = !para_break
                    && (in_double && t == "\"" || in_curly > 0 && matches!(t, "“" | "«" | "„"))
                    && matches!(tokens[i - 1].text(text), "." | "!" | "?" | "…");
                if i > sent_first && (para_break || !open || !has_blank_lines || reopens) {
                    push_sentence(&mut sentences, &tokens, sent_first, i, paragraphs.len());
                    sent_first = i;
                }
                if para_break {
                    push_paragraph(&mut paragraphs, &sentences, para_first_sent);
                    para_first_sent = sentences.len();
                    in_double = false;
                    in_curly = 0;
                }
            }
            let t = tok.text(text);
            if tok.kind == TokenKind::Punct && !reopens {
                match t {
                    "\"" | "''" | "``" => in_double = !in_double,
                    "“" | "«" | "„" => in_curly += 1,
                    "”" | "»" => in_curly = (in_curly - 1).max(0),
                    _ => {}
                }
                if matches!(t, "." | "!" | "?" | "…") && !(in_double || in_curly > 0) {
                    // Absorb closing quotes and brackets that follow directly.
                    let mut j = i + 1;
                    while j < n
                        && !tokens[j].space_before
                        && matches!(
                            tokens[j].text(text),
                            "”" | "\"" | "’" | "'" | ")" | "]" | "»"
                        )
                    {
                        j += 1;
                    }
                    if ends_sentence(text, &tokens, i, j) {
                        push_sentence(&mut sentences, &tokens, sent_first, j, paragraphs.len());
                        sent_first = j;
                        i = j;
                        continue;
                    }
                }
                // A closing quote that ends with sentence punctuation inside it: “… now.” Next
                if matches!(t, "”" | "\"" | "»") && !(in_double || in_curly > 0) && i > 0 {
                    let prev = tokens[i - 1].text(text);
                    if matches!(prev, "." | "!" | "?") && ends_sentence(text, &tokens, i - 1, i + 1)
                    {
                        push_sentence(&mut sentences, &tokens, sent_first, i + 1, paragraphs.len());
                        sent_first = i + 1;
                    }
                }
            }
            i += 1;
        }
        if sent_first < n {
            push_sentence(&mut sentences, &tokens, sent_first, n, paragraphs.len());
        }
        if para_first_sent < sentences.len() {
            push_paragraph(&mut paragraphs, &sentences, para_first_sent);
        }
        for (si, s) in sentences.iter().enumerate() {
            for t in &mut tokens[s.first..s.last] {
                t.sentence = si as u32;
            }
        }
        let starts: Vec<u32> = if u32::try_from(text.len()).is_ok() {
            tokens.iter().map(|t| t.start as u32).collect()
        } else {
            Vec::new()
        };
        let strs = tokens
            .iter()
            .map(|t| text.get(t.start..t.end).unwrap_or(""))
            .collect();
        let mut block_first = Vec::with_capacity((text.len() >> BLOCK_BITS) + 2);
        let mut k = 0usize;
        for b in 0..=(text.len() >> BLOCK_BITS) + 1 {
            let byte = b << BLOCK_BITS;
            while k < tokens.len() && tokens[k].start < byte {
                k += 1;
            }
            block_first.push(k as u32);
        }
        Doc {
            text,
            tokens,
            sentences,
            paragraphs,
            block_first,
            starts,
            strs,
        }
    }

    /// The text of token `i`.
    pub fn tok(&self, i: usize) -> &'a str {
        self.strs[i]
    }

    /// Number of words, as [`count_words`] counts them.
    pub fn word_count(&self) -> usize {
        count_words(self.text)
    }

    /// Index of the first token whose start is at or after `byte`.
    pub fn token_at_or_after(&self, byte: usize) -> usize {
        let b = byte >> BLOCK_BITS;
        match (self.block_first.get(b), self.block_first.get(b + 1)) {
            (Some(&lo), Some(&hi)) if self.starts.len() == self.tokens.len() => {
                let (lo, hi) = (lo as usize, (hi as usize).min(self.starts.len()));
                // (`byte` < 4 GB here: it lies in a block of the text.)
                lo + self.starts[lo..hi].partition_point(|&s| (s as usize) < byte)
            }
            (Some(&lo), Some(&hi)) => {
                let (lo, hi) = (lo as usize, (hi as usize).min(self.tokens.len()));
                lo + self.tokens[lo..hi].partition_point(|t| t.start < byte)
            }
            _ => self.tokens.partition_point(|t| t.start < byte),
        }
    }

    /// Index of the sentence containing byte offset `byte` (or the nearest before it).
    pub fn sentence_at(&self, byte: usize) -> usize {
        self.sentences
            .partition_point(|s| s.start <= byte)
            .saturating_sub(1)
    }
}

/// Does the punctuation at token `i` (with trailing closers up to `j`) end the sentence?
fn ends_sentence(text: &str, tokens: &[Token], i: usize, j: usize) -> bool {
    let t = tokens[i].text(text);
    let Some(next) = tokens.get(j) else {
        return true;
    };
    if !next.space_before {
        return false;
    }
    if t == "." && i > 0 && !tokens[i].space_before {
        let prev = tokens[i - 1];
        let w = prev.text(text);
        if prev.kind == TokenKind::Word && is_abbreviation(w) {
            // "Gen. Smith", "Jan. 5": not an end. An abbreviation at the true end of a sentence is
            // rarer than one inside it.
            return false;
        }
        // A single capital letter followed by a period is an initial ("John F. Kennedy").
        if prev.kind == TokenKind::Word && w.chars().count() == 1 && prev.cap {
            return false;
        }
    }
    if t == "." && i > 0 {
        // `U.S.` took its dot into the token; a sentence can still end after it when a capitalised
        // sentence-starter follows, which we cannot tell from a name: keep going only when the next
        // token is lowercase.
    }
    let nt = next.text(text);
    let c = nt.chars().next().unwrap_or(' ');
    c.is_uppercase()
        || c.is_numeric()
        || is_open_quote(c)
        || matches!(c, '(' | '[' | '-' | '—' | '•' | '*')
        || !c.is_alphabetic() && !matches!(c, ',' | ';' | ':' | ')' | '.')
}

fn push_sentence(
    sentences: &mut Vec<Sentence>,
    tokens: &[Token],
    first: usize,
    last: usize,
    paragraph: usize,
) {
    if first >= last {
        return;
    }
    sentences.push(Sentence {
        start: tokens[first].start,
        end: tokens[last - 1].end,
        first,
        last,
        paragraph: paragraph as u32,
    });
}

fn push_paragraph(paragraphs: &mut Vec<Paragraph>, sentences: &[Sentence], first: usize) {
    if first >= sentences.len() {
        return;
    }
    paragraphs.push(Paragraph {
        start: sentences[first].start,
        end: sentences[sentences.len() - 1].end,
        first,
        last: sentences.len(),
    });
}

fn has_blank_line(text: &str) -> bool {
    // Line ends found with `str::find` (a word-at-a-time search) rather than byte by byte.
    let b = text.as_bytes();
    let Some(mut last_nl) = text.find('\n') else {
        return false;
    };
    while let Some(k) = text[last_nl + 1..].find('\n') {
        let i = last_nl + 1 + k;
        if b[last_nl + 1..i].iter().all(|x| x.is_ascii_whitespace()) {
            return true;
        }
        last_nl = i;
    }
    false
}

fn blank_line_between(text: &str, from: usize, to: usize) -> bool {
    let gap = &text[from..to];
    let newlines = gap.bytes().filter(|&b| b == b'\n' || b == b'\r').count();
    // "\r\n" counts twice; a blank line needs two line ends (three bytes for CRLF pairs).
    if gap.contains("\r\n") {
        gap.matches("\r\n").count() >= 2 || gap.matches('\n').count() >= 2
    } else {
        newlines >= 2 || gap.contains('\u{2029}')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick character tests answer as the standard library's for every character.
    #[test]
    fn character_tests_match_the_standard_library() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
        }
    }

    /// Every word list answers through a shared probe as by a scan.
    #[test]
    fn probes_find_exactly_the_listed_words() {
        static L: WordList = WordList::new(&["de", "het", "the", "a", "über"]);
        for w in [
            "de", "DE", "The", "a", "A", "über", "", "d", "dee", "th", "an", "Über",
        ] {
            let scan = L.words.iter().any(|x| x.eq_ignore_ascii_case(w));
            assert_eq!(listed(&L, w), scan, "{w}");
        }
    }

    #[test]
    fn token_at_or_after_matches_a_full_search() {
        let mut text = String::new();
        for k in 0..300 {
            text.push_str(&"x".repeat(k % 97));
            text.push_str(" Él dijo: «hola» ");
        }
        let doc = Doc::new(&text);
        for byte in 0..text.len() + 200 {
            assert_eq!(
                doc.token_at_or_after(byte),
                doc.tokens.partition_point(|t| t.start < byte),
                "byte {byte}"
            );
        }
    }

    fn words(text: &str) -> Vec<&str> {
        Doc::new(text)
            .tokens
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        Doc::new(text)
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn tokens_keep_initialisms_numbers_and_split_possessives() {
        assert_eq!(
            words("The U.S. paid $14.27 million, Russia’s 387,500 rain-affected don't."),
            vec![
                "The",
                "U.S.",
                "paid",
                "$",
                "14.27",
                "million",
                ",",
                "Russia",
                "’s",
                "387,500",
                "rain-affected",
                "don't",
                "."
            ]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let s = sentences(
            "Gen. Smith met Mr. Jones on Jan. 5 in the U.S. Capitol. “It went well. Very well,” he said. Then he left.",
        );
        assert_eq!(
            s,
            vec![
                "Gen. Smith met Mr. Jones on Jan. 5 in the U.S. Capitol.",
                "“It went well. Very well,” he said.",
                "Then he left."
            ]
        );
    }

    /// A quote going on into the next paragraph reopens with its mark there; in a text whose
    /// paragraphs are single lines (but for a blank line after the headline) the line break still
    /// ends the sentence, and the quote's real end closes it.
    #[test]
    fn a_quote_reopened_on_the_next_line_ends_the_sentence_before_it() {
        for (open, close) in [("\"", "\""), ("“", "”")] {
            let text = format!(
                "Headline here\n\nShe said: {open}Not only am I delighted.\n{open}It is fantastic \
                 here{close}.\nFollow us on Twitter and Instagram. Send your ideas."
            );
            let s = sentences(&text);
            assert_eq!(
                s,
                vec![
                    "Headline here".to_string(),
                    format!("She said: {open}Not only am I delighted."),
                    format!("{open}It is fantastic here{close}."),
                    "Follow us on Twitter and Instagram.".to_string(),
                    "Send your ideas.".to_string(),
                ],
                "{text}"
            );
        }
        // In hard-wrapped text, a line inside an open quote is no sentence end.
        let s = sentences("He said: \"We will go\non and on.\"\n\nThen he left.");
        assert_eq!(
            s,
            vec!["He said: \"We will go\non and on.\"", "Then he left."]
        );
    }

    #[test]
    fn paragraphs_by_blank_lines_else_lines() {
        let d = Doc::new("One. Two.\n\nThree.\nFour.");
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.sentences.len(), 4);
        let d = Doc::new("HEADLINE HERE\nLONDON 1996-08-30\nBody text.");
        assert_eq!(d.paragraphs.len(), 3);
    }

    #[test]
    fn empty_and_odd_inputs() {
        assert!(Doc::new("").tokens.is_empty());
        assert!(Doc::new(" \n\t ").sentences.is_empty());
        let d = Doc::new("\u{0}\u{1}a\r\rb");
        assert_eq!(d.tokens.len(), 2);
    }
}
