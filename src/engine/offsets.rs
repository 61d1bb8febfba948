//! The one place where UTF-8 byte offsets become UTF-16 code-unit offsets (for JavaScript, whose
//! `String.prototype.slice` counts UTF-16 units).

use super::model::Analysis;

/// Calls `f` on every offset in `a` (mutable), in no particular order.
pub fn for_each_offset(a: &mut Analysis, f: &mut impl FnMut(&mut usize)) {
    for e in &mut a.entities {
        for m in &mut e.mentions {
            f(&mut m.start);
            f(&mut m.end);
        }
    }
    for q in &mut a.quotes {
        f(&mut q.start);
        f(&mut q.end);
        if let Some(s) = &mut q.speaker {
            if let Some(m) = &mut s.mention {
                f(&mut m.start);
                f(&mut m.end);
            }
        }
        if let Some(c) = &mut q.cue {
            f(&mut c.start);
            f(&mut c.end);
        }
    }
    for k in &mut a.topics.keyphrases {
        for m in &mut k.mentions {
            f(&mut m.start);
            f(&mut m.end);
        }
    }
}

/// Rewrites every byte offset in `a` (into `text`) as a UTF-16 code-unit offset. Linear in the
/// text plus `n log n` in the number of offsets.
pub fn to_utf16(text: &str, a: &mut Analysis) {
    let mut offs = Vec::new();
    for_each_offset(a, &mut |o| offs.push(*o));
    crate::sort::sort_by_u64_key(&mut offs, |&o| o as u64);
    offs.dedup();
    let mut map = Vec::with_capacity(offs.len());
    let mut units = 0usize;
    let mut byte = 0usize;
    let mut chars = text.char_indices();
    for &o in &offs {
        while byte < o {
            match chars.next() {
                Some((_, c)) => {
                    units += c.len_utf16();
                    byte += c.len_utf8();
                }
                None => break,
            }
        }
        map.push(units);
    }
    for_each_offset(a, &mut |o| {
        if let Ok(i) = offs.binary_search(o) {
            *o = map[i];
        }
    });
}

/// UTF-16 length of `s`.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_slice_like_js() {
        let text = "“Hi,” said 👩‍👩‍👧 Anna Smith in Paris.";
        let mut a = crate::analyze(text, &Default::default());
        let before = a.clone();
        to_utf16(text, &mut a);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for (e, e0) in a.entities.iter().zip(&before.entities) {
            for (m, m0) in e.mentions.iter().zip(&e0.mentions) {
                let s = String::from_utf16(&utf16[m.start..m.end]).unwrap();
                assert_eq!(s, m0.text);
            }
        }
        assert!(!a.entities.is_empty());
    }
}
