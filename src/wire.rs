//! A compact binary form of an [`Analysis`], for the page's analysis worker: the worker encodes,
//! the page decodes. Both are the same build, so the form needs no schema or versioning beyond a
//! tag byte; it replaces JSON there because serde's derived deserializers for the result types
//! were ≈ 40 KB of the page's wasm, and because decoding bytes is much faster than parsing JSON.
//!
//! Integers are LEB128 varints, `f32` its four little-endian bytes, strings a length and UTF-8
//! bytes, options a 0/1 byte, lists a length, enums a variant index; struct fields in declaration
//! order. [`decode`] returns `None` for anything that is not exactly an encoding (truncated,
//! trailing bytes, bad UTF-8, unknown variant), never panics, and allocates no more than the input
//! could hold.

use crate::{
    Analysis, Category, Entity, Keyphrase, Label, Mention, MentionKind, Meta, Quote, QuoteKind,
    Span, Speaker, Topics,
};

/// First byte of every encoding.
const TAG: u8 = 0xA1;

/// The binary form of `a`.
pub fn encode(a: &Analysis) -> Vec<u8> {
    let mut out = vec![TAG];
    a.put(&mut out);
    out
}

/// Reads what [`encode`] wrote; `None` if `bytes` is anything else.
pub fn decode(bytes: &[u8]) -> Option<Analysis> {
    let (&tag, rest) = bytes.split_first()?;
    if tag != TAG {
        return None;
    }
    let mut r = Reader(rest);
    let a = Analysis::take(&mut r)?;
    r.0.is_empty().then_some(a)
}

/// The bytes still to read.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    /// A list length: every item takes at least one byte, so a longer list cannot be there.
    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?)
            .ok()
            .filter(|&n| n <= self.0.len())
    }
}

fn put_varint(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

trait Wire: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn take(r: &mut Reader) -> Option<Self>;
}

impl Wire for usize {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(*self as u64, out);
    }
    fn take(r: &mut Reader) -> Option<Self> {
        usize::try_from(r.varint()?).ok()
    }
}

impl Wire for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(u64::from(*self), out);
    }
    fn take(r: &mut Reader) -> Option<Self> {
        u32::try_from(r.varint()?).ok()
    }
}

impl Wire for f32 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn take(r: &mut Reader) -> Option<Self> {
        Some(f32::from_le_bytes(r.bytes(4)?.try_into().ok()?))
    }
}

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn take(r: &mut Reader) -> Option<Self> {
        match r.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len() as u64, out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(r: &mut Reader) -> Option<Self> {
        let n = r.len()?;
        String::from_utf8(r.bytes(n)?.to_vec()).ok()
    }
}

// In the wasm build `Text` is `String`, which has its impl above.
#[cfg(not(target_arch = "wasm32"))]
impl Wire for crate::Text {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len() as u64, out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(r: &mut Reader) -> Option<Self> {
        let n = r.len()?;
        std::str::from_utf8(r.bytes(n)?).ok().map(crate::Text::from)
    }
}

impl Wire for std::borrow::Cow<'static, str> {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len() as u64, out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(r: &mut Reader) -> Option<Self> {
        String::take(r).map(std::borrow::Cow::Owned)
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(x) => {
                out.push(1);
                x.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> Option<Self> {
        match r.byte()? {
            0 => Some(None),
            1 => Some(Some(T::take(r)?)),
            _ => None,
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len() as u64, out);
        for x in self {
            x.put(out);
        }
    }
    fn take(r: &mut Reader) -> Option<Self> {
        let n = r.len()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(T::take(r)?);
        }
        Some(v)
    }
}

/// A struct as its fields in order. Every field must be listed: the struct literal in `take`
/// does not compile otherwise, so a new field cannot be forgotten.
macro_rules! wire_struct {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$f.put(out);)*
            }
            fn take(r: &mut Reader) -> Option<Self> {
                Some($t { $($f: Wire::take(r)?),* })
            }
        }
    };
}

/// A field-less enum as its variant's index in the list (the `match` fails to compile when a
/// variant is missing).
macro_rules! wire_enum {
    ($t:ident { $($v:ident),* $(,)? }) => {
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                let all = [$($t::$v),*];
                match self {
                    $($t::$v)|* => {}
                }
                out.push(all.iter().position(|x| x == self).unwrap_or(0) as u8);
            }
            fn take(r: &mut Reader) -> Option<Self> {
                [$($t::$v),*].get(usize::from(r.byte()?)).copied()
            }
        }
    };
}

wire_enum!(Label {
    PER,
    ORG,
    LOC,
    MISC,
    DATE,
    TIME,
    MONEY,
    PERCENT
});
wire_enum!(MentionKind {
    Name,
    Nominal,
    Pronoun
});
wire_enum!(QuoteKind {
    Direct,
    Partial,
    Indirect,
    Term
});
wire_struct!(Analysis {
    meta,
    entities,
    quotes,
    topics
});
wire_struct!(Meta {
    chars,
    words,
    sentences,
    paragraphs,
    reading_minutes,
    article_date,
    article_date_source,
    language,
    truncated,
});
wire_struct!(Mention {
    start,
    end,
    text,
    kind,
    rule,
    confidence
});
wire_struct!(Entity {
    id,
    name,
    label,
    salience,
    mentions,
    value
});
wire_struct!(Speaker {
    entity,
    name,
    mention
});
wire_struct!(Span { start, end, text });
wire_struct!(Quote {
    start,
    end,
    text,
    kind,
    speaker,
    cue,
    rule,
    confidence,
    unclosed
});
wire_struct!(Topics {
    keyphrases,
    categories
});
wire_struct!(Keyphrase {
    text,
    score,
    mentions,
    entity
});
wire_struct!(Category {
    code,
    label,
    score,
    parent,
    evidence
});

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Analysis {
        crate::analyze(
            "WASHINGTON (Reuters) - “We won,” Jane Smith said on Tuesday, calling it ‘a big day’. \
             Apple Inc. paid $5 million, up 24%, she added. Ça marche à Paris.",
            &Default::default(),
        )
    }

    #[test]
    fn round_trips_an_analysis() {
        let a = sample();
        assert!(!a.entities.is_empty() && !a.quotes.is_empty());
        assert_eq!(decode(&encode(&a)), Some(a.clone()));
        let empty = Analysis::default();
        assert_eq!(decode(&encode(&empty)), Some(empty));
    }

    #[test]
    fn anything_else_is_refused_without_panicking() {
        let bytes = encode(&sample());
        for n in 0..bytes.len() {
            assert_eq!(decode(&bytes[..n]), None, "cut at {n}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer), None, "trailing byte");
        // Every byte changed to a few values: no panic, no runaway allocation.
        for i in 0..bytes.len() {
            for v in [0x00, 0x01, 0x7f, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[i] = v;
                let _ = decode(&b);
            }
        }
        assert_eq!(
            decode(&[TAG, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
            None
        );
    }
}
