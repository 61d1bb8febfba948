//! The form in which the JS binding hands an [`Analysis`] to JavaScript: numbers in typed arrays
//! and strings in one table, from which `src/build-analysis.js` builds the very object that
//! `JSON.parse(analysis.to_json())` would (same keys in the same order, same values), after
//! offsets become UTF-16 units.
//!
//! Why not JSON: for a 10 KB article the JSON is 44 KB, and writing it (serde), decoding it
//! (`TextDecoder`) and parsing it (`JSON.parse`) took a sixth of `analyze` in Chromium. Here every
//! span's text is sliced from the caller's own string (a span's text is always the input between
//! its offsets; checked, with the table as the fallback), rule, kind and label names are written
//! once, and the arrays are read in place from the wasm memory.
//!
//! `words` is read front to back in declaration order of the model's fields:
//! - a count before each list; `NONE` for an absent optional value; booleans as 0/1;
//! - a string as its index in the table (`table` holds the strings end to end, `ends` the UTF-16
//!   offset in `table` where each ends; a rule name is written once, other strings as they come);
//! - a span as `start`, `end` (UTF-16 units) and 0, or the index + 1 of its text in the table
//!   when the text is not the input between them;
//! - enums as their variant index; every `f32` is the next `nums` entry, as the `f64` that
//!   parsing serde_json's output for it gives (`NaN` where serde_json writes `null`).

use crate::engine::hash::FxMap;
use crate::{Analysis, Span};
use std::borrow::Cow;

/// An absent optional value.
pub const NONE: u32 = u32::MAX;

/// An [`Analysis`] in the binding's form.
#[derive(Debug, Default, PartialEq)]
pub struct JsForm {
    pub words: Vec<u32>,
    pub nums: Vec<f64>,
    pub table: String,
    pub ends: Vec<u32>,
}

/// Encodes `a`, an analysis of `text` with UTF-8 byte offsets (as [`crate::analyze`] returns it).
pub fn encode(text: &str, a: &Analysis) -> JsForm {
    let spans: usize = a.entities.iter().map(|e| e.mentions.len()).sum::<usize>()
        + a.topics
            .keyphrases
            .iter()
            .map(|k| k.mentions.len())
            .sum::<usize>()
        + 3 * a.quotes.len();
    let mut e = Enc {
        text,
        f: JsForm {
            words: Vec::with_capacity(16 + 6 * spans + 8 * a.entities.len() + 8 * a.quotes.len()),
            nums: Vec::with_capacity(spans + a.entities.len() + a.topics.keyphrases.len()),
            ..Default::default()
        },
        rules: FxMap::default(),
        units: 0,
        offsets: Vec::with_capacity(2 * spans),
    };
    e.analysis(a);
    e.offsets_to_utf16();
    e.f
}

struct Enc<'a> {
    text: &'a str,
    f: JsForm,
    /// Table index of each static rule name written, by address and length: rules repeat on every
    /// mention, and comparing their bytes cost more than the rest of the encoding.
    rules: FxMap<(usize, usize), u32>,
    /// UTF-16 length of `f.table`.
    units: u32,
    /// (byte offset, index in `words`) of every offset written.
    offsets: Vec<(u32, u32)>,
}

impl<'a> Enc<'a> {
    fn word(&mut self, w: usize) {
        self.f.words.push(u32::try_from(w).unwrap_or(NONE));
    }

    fn num(&mut self, x: f32) {
        self.f.nums.push(json_value(x));
    }

    fn str(&mut self, s: &str) {
        let i = self.index(s);
        self.f.words.push(i);
    }

    /// A rule name: each static one once.
    #[allow(clippy::ptr_arg)] // (whether it is `Borrowed` is the point)
    fn rule(&mut self, r: &Cow<'static, str>) {
        let i = match r {
            Cow::Borrowed(s) => {
                let key = (s.as_ptr() as usize, s.len());
                match self.rules.get(&key) {
                    Some(&i) => i,
                    None => {
                        let i = self.index(s);
                        self.rules.insert(key, i);
                        i
                    }
                }
            }
            Cow::Owned(s) => self.index(s),
        };
        self.f.words.push(i);
    }

    fn index(&mut self, s: &str) -> u32 {
        let i = self.f.ends.len() as u32;
        self.f.table.push_str(s);
        self.units += if s.is_ascii() {
            s.len() as u32
        } else {
            s.encode_utf16().count() as u32
        };
        self.f.ends.push(self.units);
        i
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.f.words.push(NONE),
        }
    }

    fn offset(&mut self, o: usize) {
        let slot = self.f.words.len() as u32;
        self.offsets
            .push((u32::try_from(o).unwrap_or(u32::MAX), slot));
        self.f.words.push(0);
    }

    fn span(&mut self, start: usize, end: usize, text: &'a str) {
        self.offset(start);
        self.offset(end);
        if self.text.get(start..end) == Some(text) {
            self.f.words.push(0);
        } else {
            let i = self.index(text);
            self.f.words.push(i + 1);
        }
    }

    fn opt_span(&mut self, s: Option<&'a Span>) {
        match s {
            Some(s) => {
                self.f.words.push(1);
                self.span(s.start, s.end, &s.text);
            }
            None => self.f.words.push(0),
        }
    }

    fn analysis(&mut self, a: &'a Analysis) {
        let m = &a.meta;
        for n in [m.chars, m.words, m.sentences, m.paragraphs] {
            self.word(n);
        }
        self.word(m.reading_minutes as usize);
        self.opt_str(m.article_date.as_deref());
        self.opt_str(m.article_date_source.as_deref());
        self.str(&m.language);
        self.word(m.truncated as usize);

        self.word(a.entities.len());
        for e in &a.entities {
            self.str(&e.id);
            self.str(&e.name);
            self.word(e.label as usize);
            self.num(e.salience);
            self.word(e.mentions.len());
            for m in &e.mentions {
                self.span(m.start, m.end, &m.text);
                self.word(m.kind as usize);
                self.rule(&m.rule);
                self.num(m.confidence);
            }
            self.opt_str(e.value.as_deref());
        }

        self.word(a.quotes.len());
        for q in &a.quotes {
            self.span(q.start, q.end, &q.text);
            self.word(q.kind as usize);
            match &q.speaker {
                Some(s) => {
                    self.word(1);
                    self.opt_str(s.entity.as_deref());
                    self.str(&s.name);
                    self.opt_span(s.mention.as_ref());
                }
                None => self.word(0),
            }
            self.opt_span(q.cue.as_ref());
            self.rule(&q.rule);
            self.num(q.confidence);
            self.word(q.unclosed as usize);
        }

        let t = &a.topics;
        self.word(t.keyphrases.len());
        for k in &t.keyphrases {
            self.str(&k.text);
            self.num(k.score);
            self.word(k.mentions.len());
            for m in &k.mentions {
                self.span(m.start, m.end, &m.text);
            }
            self.opt_str(k.entity.as_deref());
        }
        self.word(t.categories.len());
        for c in &t.categories {
            self.str(&c.code);
            self.str(&c.label);
            self.num(c.score);
            self.opt_str(c.parent.as_deref());
            self.word(c.evidence.len());
            for ev in &c.evidence {
                self.str(ev);
            }
        }
    }

    /// Rewrites the byte offsets as UTF-16 offsets: one pass over the text in offset order (none
    /// for ASCII text, where the two agree).
    fn offsets_to_utf16(&mut self) {
        if self.text.is_ascii() {
            for &(o, slot) in &self.offsets {
                self.f.words[slot as usize] = o;
            }
            return;
        }
        let offsets = &mut self.offsets;
        crate::engine::sort::sort_by_u64_key(offsets, |&(o, _)| o as u64);
        let bytes = self.text.as_bytes();
        let (mut byte, mut units) = (0usize, 0u32);
        for &(o, slot) in offsets.iter() {
            let o = (o as usize).min(bytes.len());
            if o > byte {
                units += utf16_len(&bytes[byte..o]);
                byte = o;
            }
            self.f.words[slot as usize] = units;
        }
    }
}

/// The UTF-16 length of UTF-8 text cut at character boundaries: one unit per character (a byte
/// that is no continuation byte, 0x80–0xBF), two for a 4-byte one (lead byte ≥ 0xF0). Counted
/// byte by byte in a loop LLVM vectorizes (the char-by-char walk it replaces was ≈ 1 % of a 1 MB
/// analysis in Chromium).
fn utf16_len(b: &[u8]) -> u32 {
    b.iter()
        .map(|&x| u32::from((x as i8) >= -0x40) + u32::from(x >= 0xF0))
        .sum()
}

/// The number JavaScript reads from serde_json's text for `x` (its shortest round-trip decimal
/// form as an `f32`), NaN for what serde_json writes as `null`. Exact for 0 and for magnitudes
/// from 1e-13 to 2^23 (scores and confidences are in [0, 1]); beyond, the `f32` itself, which
/// may differ from the parsed text in the last bits (exact there would need a float parser in the
/// wasm: +6 KB gz).
pub fn json_value(x: f32) -> f64 {
    if !x.is_finite() {
        return f64::NAN;
    }
    if x.abs() < 8_388_608.0 {
        // The fewest decimal places that give `x` back: below 2^23 the integer part is exact, so
        // that is serde_json's fewest digits (ties to even, as there). Dividing the integer by an
        // exact power of ten (up to 1e22) rounds correctly, as parsing the digits does.
        let mut d = 1.0f64;
        for _ in 0..=22 {
            let k = (x as f64 * d).round_ties_even();
            if ((k / d) as f32) == x {
                return k / d;
            }
            d *= 10.0;
        }
    }
    x as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_what_javascript_parses_from_the_json() {
        let mut xs: Vec<f32> = vec![
            0.0, -0.0, 1.0, 0.91, 0.7, 0.983, 0.365, 1e-7, 3.4e38, -2.5, 1.0e10,
        ];
        xs.extend((0..=100_000).map(|i| i as f32 / 100_000.0));
        let mut s = 0x1234_5678u32;
        for _ in 0..200_000 {
            s ^= s << 13;
            s ^= s >> 17;
            s ^= s << 5;
            xs.push(f32::from_bits(s));
        }
        for x in xs {
            if !(x == 0.0 || (1e-13..8_388_608.0).contains(&x.abs()) || !x.is_finite()) {
                // Outside the exact range: the same f32 as the JSON's number.
                let want: f64 = serde_json::to_string(&x).unwrap().parse().unwrap();
                assert_eq!(json_value(x) as f32, want as f32, "{x:e}");
                continue;
            }
            let want = serde_json::to_string(&x)
                .unwrap()
                .parse::<f64>()
                .unwrap_or(f64::NAN);
            let got = json_value(x);
            assert!(
                got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                "{x:e}: {got:e} vs {want:e}"
            );
        }
        assert!(json_value(f32::NAN).is_nan() && json_value(f32::INFINITY).is_nan());
    }

    /// The byte count of UTF-16 units agrees with the standard library's on every prefix of
    /// text mixing 1- to 4-byte characters.
    #[test]
    fn utf16_len_counts_units() {
        let text = "aé€👩‍👩‍👧 Zürich “Київ” 𝔘 x";
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let want = text[..i].encode_utf16().count() as u32;
            assert_eq!(
                utf16_len(&text.as_bytes()[..i]),
                want,
                "prefix of {i} bytes"
            );
        }
    }

    /// Offsets become UTF-16 units; a span's text is the input between them, or else the table's;
    /// rule names are written once.
    #[test]
    fn spans_are_utf16_and_strings_interned() {
        let text = "“Yes,” said 👩‍👩‍👧 Anna Smith in Paris. Anna Smith said “no.”";
        let a = crate::analyze(text, &Default::default());
        let f = encode(text, &a);
        let mut b = a.clone();
        crate::engine::offsets::to_utf16(text, &mut b);
        let m0 = &b.entities[0].mentions[0];
        let w = &f.words;
        let at = w
            .windows(2)
            .position(|p| p == [m0.start as u32, m0.end as u32]);
        assert!(at.is_some(), "{m0:?} in {w:?}");
        // A rule's name once, however many mentions it found.
        assert!(
            a.entities
                .iter()
                .flat_map(|e| &e.mentions)
                .filter(|m| m.rule == "model")
                .count()
                > 1
        );
        assert_eq!(f.table.matches("model").count(), 1, "{}", f.table);
        let mut tampered = a.clone();
        tampered.entities[0].mentions[0].text = "elsewhere".into();
        let g = encode(text, &tampered);
        assert!(g.table.contains("elsewhere"));
        assert_ne!(g.words, f.words);
    }
}
