//! Compact forms of the shipped word lists, made at build time by `engine/build.rs` from the
//! readable files in `data/` (which stay the trainers' and scripts' output), so the wasm carries
//! fewer bytes after gzip:
//!
//! - **Front coding** of a sorted word list: each line is one character for the number of bytes
//!   shared with the previous word (`' '` + n, n ≤ 94), then the rest of the word. Sorted names
//!   and stems share long prefixes, which gzip's matcher codes less well (gazetteer 65 → 50 KB).
//! - **The stem table** (`stems.bin`) of the topic stage: the union of the category model's and
//!   the commonness list's stems, front-coded once (they share 6,100 of 9,650 stems), each
//!   stem's commonness byte, and the category weight rows packed by [`crate::entities::rans`]
//!   (86 → 48 KB gzipped for the two lists).
//!
//! This file is also compiled into the build script (`#[path]`, beside `rans.rs`), so it names
//! the packer as `super::rans`, which resolves in both.

/// The longest prefix a line can share (`' '` + 94 = `'~'`: printable ASCII, never a newline).
const MAX_SHARED: usize = 94;

/// Front-codes `words` (in the given order; sorted input compresses best). A word must not hold
/// a newline.
#[allow(dead_code)] // used by the build script
pub fn front_encode<'w>(words: impl IntoIterator<Item = &'w str>) -> String {
    let mut out = String::new();
    let mut prev = "";
    for w in words {
        let mut k = prev
            .bytes()
            .zip(w.bytes())
            .take_while(|(a, b)| a == b)
            .count()
            .min(MAX_SHARED);
        while !w.is_char_boundary(k) {
            k -= 1;
        }
        out.push((b' ' + k as u8) as char);
        out.push_str(&w[k..]);
        out.push('\n');
        prev = w;
    }
    out
}

/// Calls `f` with each word of a [`front_encode`]d list; `false` if the list is malformed (a
/// line sharing more than the previous word has, or cut inside a character).
#[allow(dead_code)] // the build script only encodes
pub fn front_decode(coded: &str, mut f: impl FnMut(&str)) -> bool {
    let mut word = String::new();
    for line in coded.split_terminator('\n') {
        let Some(&first) = line.as_bytes().first() else {
            return false;
        };
        let k = first.wrapping_sub(b' ') as usize;
        if k > MAX_SHARED || k > word.len() || !word.is_char_boundary(k) {
            return false;
        }
        word.truncate(k);
        word.push_str(&line[1..]);
        f(&word);
    }
    true
}

/// One stem of the table: (stem, commonness, category weights).
pub type StemRow = (String, Option<u8>, Option<Vec<i8>>);

/// Packs the stem table: `rows` sorted by stem, every weight row `cols` long.
#[allow(dead_code)] // used by the build script
pub fn stems_encode(rows: &[StemRow], cols: usize) -> Vec<u8> {
    let words = front_encode(rows.iter().map(|r| r.0.as_str()));
    let mut out = b"ASTM".to_vec();
    out.extend_from_slice(&[1, cols as u8, 0, 0]);
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    out.extend_from_slice(&(words.len() as u32).to_le_bytes());
    out.extend_from_slice(words.as_bytes());
    let bitmap = |has: &dyn Fn(usize) -> bool| {
        let mut bits = vec![0u8; rows.len().div_ceil(8)];
        for i in (0..rows.len()).filter(|&i| has(i)) {
            bits[i / 8] |= 1 << (i % 8);
        }
        bits
    };
    out.extend(bitmap(&|i| rows[i].1.is_some()));
    out.extend(bitmap(&|i| rows[i].2.is_some()));
    out.extend(rows.iter().filter_map(|r| r.1));
    let weights: Vec<u8> = rows
        .iter()
        .filter_map(|r| r.2.as_ref())
        .flat_map(|w| {
            assert_eq!(w.len(), cols, "a weight row per class");
            w.iter().map(|&x| x as u8)
        })
        .collect();
    out.extend(super::rans::pack(&weights, cols.max(1)));
    out
}

/// Calls `f` with each stem of a [`stems_encode`]d table, its commonness and, if `rows`, its
/// category weights (without, they are not decoded: `None` for every stem); returns the weight
/// row length, or `None` if the table is malformed (then `f` may have been called for some stems).
#[allow(dead_code)] // the build script only encodes
pub fn stems_decode(
    bin: &[u8],
    rows: bool,
    mut f: impl FnMut(&str, Option<u8>, Option<&[i8]>),
) -> Option<usize> {
    let u32_at = |o: usize| -> Option<usize> {
        Some(u32::from_le_bytes(bin.get(o..o + 4)?.try_into().ok()?) as usize)
    };
    if bin.get(..5)? != b"ASTM\x01" {
        return None;
    }
    let cols = *bin.get(5)? as usize;
    let n = u32_at(8)?;
    let words_len = u32_at(12)?;
    let mut o: usize = 16;
    let words = std::str::from_utf8(bin.get(o..o.checked_add(words_len)?)?).ok()?;
    o += words_len;
    let nb = n.div_ceil(8);
    let has_common = bin.get(o..o.checked_add(nb)?)?;
    let has_cat = bin.get(o + nb..o.checked_add(2 * nb)?)?;
    o += 2 * nb;
    let bit = |bits: &[u8], i: usize| bits[i / 8] & (1 << (i % 8)) != 0;
    let n_common = (0..n).filter(|&i| bit(has_common, i)).count();
    let n_cat = (0..n).filter(|&i| bit(has_cat, i)).count();
    let common = bin.get(o..o.checked_add(n_common)?)?;
    o += n_common;
    let weights = match rows {
        true => super::rans::unpack(bin.get(o..)?, n_cat, cols.max(1))?,
        false => Vec::new(),
    };
    let (mut i, mut c, mut w) = (0, 0, 0);
    let mut row: Vec<i8> = Vec::with_capacity(cols);
    let ok = front_decode(words, |word| {
        if i >= n {
            return;
        }
        let cm = bit(has_common, i).then(|| {
            c += 1;
            common[c - 1]
        });
        let has_row = rows && bit(has_cat, i);
        if has_row {
            row.clear();
            row.extend(weights[w..w + cols].iter().map(|&x| x as i8));
            w += cols;
        }
        f(word, cm, has_row.then_some(&row[..]));
        i += 1;
    });
    (ok && i == n).then_some(cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_coding_round_trips_and_refuses_malformed_lists() {
        let long = "x".repeat(300);
        let words = [
            "", "a", "ab", "abc", "abd", "b", "Straße", "Straßen", "Strasse", "Ākra", "Āk", &long,
            &long,
        ];
        let coded = front_encode(words.iter().copied());
        let mut back = Vec::new();
        assert!(front_decode(&coded, |w| back.push(w.to_string())));
        assert_eq!(back, words);
        // "Straße" → "Straßen" shares the whole ß; never half of it.
        assert!(coded.contains("'n\n"));
        for bad in ["\n", "\"x\n", "~x\n", " Ā\n!x\n"] {
            assert!(!front_decode(bad, |_| {}), "{bad:?}");
        }
    }
}
