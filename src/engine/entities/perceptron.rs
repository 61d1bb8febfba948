//! The learned name tagger: a greedy averaged perceptron over hashed features ([`super::features`]),
//! with int8 weights trained by `article-analyzer train ner` and shipped in `data/ner/model.bin`.
//!
//! File format (little endian): `b"ANER"`, version `u8` = 4, bucket bits `u8`, tag count `u8`,
//! pad `u8`, scale `f32`, exception count `u32`, then per exception a bucket `u32` and its `tags`
//! weights as `f32` (the few rows with weights too large for the int8 scale: bias, transitions),
//! then `buckets × tags` `i8` weights (× scale), bucket-major, packed by [`super::rans`] with
//! each row's first weight replaced by the row's sum (mod 256): a perceptron update adds to one
//! tag what it takes from another, so the sums are mostly 0 or ±1 and cheaper to code than the
//! `O` column (−7 KB). 1.18 MB raw, 230 KB gzipped → 169 KB; version 3 stored the table raw and
//! is still read.

use super::features::{allowed, DocFeats, BITS, BUCKETS, N_TAGS};

const MODEL: &[u8] = include_bytes!("../../../data/ner/model.bin");

/// A parsed model file.
pub struct Model {
    /// Int8 weights, a row of tags per bucket (fixed-size arrays: a masked bucket needs no
    /// bounds check on the hot path).
    w: Box<[[u8; N_TAGS]; BUCKETS]>,
    /// Int8 × scale = weight.
    scale: f32,
    /// One bit per bucket: the row is stored exactly in `exact`.
    is_exact: Box<[u64; BUCKETS / 64]>,
    /// One bit per bucket: the row has a weight (half the rows are all zero, pruned in training:
    /// a feature landing there costs no load from the 1.2 MB table, often a cache miss).
    used: Box<[u64; BUCKETS / 64]>,
    /// Exact rows (a few dozen; bias and transition rows among them, hit on every token). An
    /// exact bucket's int8 row is unused: its first two bytes hold the row's index here, so
    /// finding it costs the load the int8 row would have.
    exact: Vec<[f32; N_TAGS]>,
}

impl Model {
    /// Parses a model file; `None` if it is missing, from another feature layout, truncated or
    /// corrupt.
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        let (scale, exact, mut w) = parts(bytes)?;
        let mut is_exact = vec![0u64; (1usize << BITS) / 64];
        // (A bucket listed twice keeps its last row.)
        let mut rows = Vec::with_capacity(exact.len());
        for (b, row) in exact {
            *is_exact.get_mut(b as usize / 64)? |= 1 << (b % 64);
            let index = u16::try_from(rows.len()).ok()?;
            w.get_mut(b as usize)?[..2].copy_from_slice(&index.to_le_bytes());
            rows.push(row);
        }
        let mut used = is_exact.clone();
        for (b, row) in w.iter().enumerate() {
            if *row != [0; N_TAGS] {
                used[b / 64] |= 1 << (b % 64);
            }
        }
        Some(Model {
            w: w.into_boxed_slice().try_into().ok()?,
            scale,
            is_exact: is_exact.into_boxed_slice().try_into().ok()?,
            used: used.into_boxed_slice().try_into().ok()?,
            exact: rows,
        })
    }

    /// The int8 rows of `feats` (each with a bit) summed, and the bits of those stored exactly
    /// (left out of the sum: exact rows are added one by one, in feature order).
    pub fn int_sum(&self, feats: &[(u16, u32)]) -> ([i32; N_TAGS], u16) {
        let mut acc = [0i32; N_TAGS];
        let mut exact = 0;
        for &(bit, f) in feats {
            let f = f as usize & (BUCKETS - 1);
            if self.is_exact[f / 64] & (1 << (f % 64)) != 0 {
                exact |= bit;
                continue;
            }
            for (s, &x) in acc.iter_mut().zip(&self.w[f]) {
                *s += x as i8 as i32;
            }
        }
        (acc, exact)
    }

    /// Adds feature `f`'s weights: an int8 row into `acc`, an exact row into `scores` (exact
    /// rows in feature order, so the float sums do not depend on how the int8 rows are grouped).
    #[inline]
    pub fn add_feature(&self, f: u32, acc: &mut [i32; N_TAGS], scores: &mut [f32; N_TAGS]) {
        let f = f as usize & (BUCKETS - 1);
        if self.used[f / 64] & (1 << (f % 64)) == 0 {
            return;
        }
        if self.is_exact[f / 64] & (1 << (f % 64)) != 0 {
            let b = self.w[f];
            if let Some(row) = self.exact.get(u16::from_le_bytes([b[0], b[1]]) as usize) {
                for (s, &x) in scores.iter_mut().zip(row) {
                    *s += x;
                }
            }
            return;
        }
        for (s, &x) in acc.iter_mut().zip(&self.w[f]) {
            *s += x as i8 as i32;
        }
    }

    /// Adds the summed int8 rows `acc` into `scores`.
    #[inline]
    pub fn finish(&self, acc: [i32; N_TAGS], scores: &mut [f32; N_TAGS]) {
        for (s, a) in scores.iter_mut().zip(acc) {
            *s += a as f32 * self.scale;
        }
    }
}

/// An exactly stored row: its bucket and weights.
type ExactRow = (u32, [f32; N_TAGS]);

/// A model file's scale, exact rows and int8 table, as written.
fn parts(bytes: &[u8]) -> Option<(f32, Vec<ExactRow>, Vec<[u8; N_TAGS]>)> {
    let u32_at = |o: usize| -> Option<u32> {
        Some(u32::from_le_bytes(bytes.get(o..o + 4)?.try_into().ok()?))
    };
    if bytes.len() < 16 || &bytes[..4] != b"ANER" || !matches!(bytes[4], 3 | 4) {
        return None;
    }
    if bytes[5] as u32 != BITS || bytes[6] as usize != N_TAGS {
        return None;
    }
    let scale = f32::from_bits(u32_at(8)?);
    let n_exact = u32_at(12)? as usize;
    let mut o = 16;
    let mut exact = Vec::with_capacity(n_exact.min(1 << 16));
    for _ in 0..n_exact {
        let b = u32_at(o)?;
        o += 4;
        let mut row = [0f32; N_TAGS];
        for x in &mut row {
            *x = f32::from_bits(u32_at(o)?);
            o += 4;
        }
        if b as usize >= 1 << BITS {
            return None;
        }
        exact.push((b, row));
    }
    let rest = bytes.get(o..)?;
    // Decoded straight into the rows the tagger reads (no second 1.2 MB table to copy from).
    let mut w = vec![[0u8; N_TAGS]; 1 << BITS];
    if bytes[4] == 3 {
        if rest.len() != w.len() * N_TAGS {
            return None;
        }
        w.as_flattened_mut().copy_from_slice(rest);
    } else {
        super::rans::unpack_into(rest, N_TAGS, w.as_flattened_mut())?;
        for row in w.iter_mut().filter(|r| **r != [0; N_TAGS]) {
            row[0] = row[1..].iter().fold(row[0], |s, &x| s.wrapping_sub(x));
        }
    }
    Some((scale, exact, w))
}

/// Re-encodes a model file of version 3 (raw weights) as version 4 (row sums, packed; what
/// `article-analyzer train ner` writes). `None` if `v3` is not a well-formed version 3 file.
pub fn pack_file(v3: &[u8]) -> Option<Vec<u8>> {
    if v3.len() < 16 || v3[4] != 3 {
        return None;
    }
    Model::parse(v3)?;
    let n_exact = u32::from_le_bytes(v3.get(12..16)?.try_into().ok()?) as usize;
    let body_at = 16 + n_exact * 4 * (1 + N_TAGS);
    let mut out = v3.get(..body_at)?.to_vec();
    out[4] = 4;
    let mut body = v3.get(body_at..)?.to_vec();
    for row in body.chunks_exact_mut(N_TAGS) {
        row[0] = row.iter().fold(0u8, |s, &x| s.wrapping_add(x));
    }
    out.extend(super::rans::pack(&body, N_TAGS));
    Some(out)
}

/// Natively, `ARTICLE_ANALYZER_NER_MODEL=path` replaces the shipped weights (to evaluate a freshly
/// trained model with `eval ner` before committing it).
#[cfg(not(target_arch = "wasm32"))]
fn override_bytes() -> Option<Vec<u8>> {
    let path = std::env::var_os("ARTICLE_ANALYZER_NER_MODEL")?;
    std::fs::read(path).ok()
}

#[cfg(target_arch = "wasm32")]
fn override_bytes() -> Option<Vec<u8>> {
    None
}

/// The shipped model, parsed on first use (`None` if the weights file is absent or stale).
pub fn shipped() -> Option<&'static Model> {
    static M: std::sync::OnceLock<Option<Model>> = std::sync::OnceLock::new();
    M.get_or_init(|| Model::parse(override_bytes().as_deref().unwrap_or(MODEL)))
        .as_ref()
}

/// Tags every token greedily; returns one tag index per token and the margin of the chosen tag
/// over the runner-up.
pub fn tag(model: &Model, df: &DocFeats) -> (Vec<u8>, Vec<f32>) {
    let n = df.toks.len();
    let mut tags = vec![0u8; n];
    let mut margins = vec![0f32; n];
    let mut p1 = N_TAGS; // sentence start
    let mut p2 = N_TAGS;
    let mut word: Vec<(u16, u32)> = Vec::with_capacity(16);
    let mut seen = vec![false; df.forms.len()];
    let mut cache = vec![([0i32; N_TAGS], 0u16); df.forms.len()];
    for i in 0..n {
        if i == 0 || df.toks[i].sentence != df.toks[i - 1].sentence {
            p1 = N_TAGS;
            p2 = N_TAGS;
        }
        // A lower-case word or punctuation mark after `O` is `O` (an `I-X` cannot follow `O`, and
        // the model virtually never opens a name there): skip its ~40 weight-row lookups, which
        // are most of the stage's time. On the dev sets F1 moves by
        // +0.0004 (CoNLL), +0.002 (GUM), −0.003 (UNER).
        if df.toks[i].plain && (p1 == 0 || p1 == N_TAGS) {
            tags[i] = 0;
            margins[i] = f32::INFINITY;
            p2 = p1;
            p1 = 0;
            continue;
        }
        // The features of the token's text alone (a third of them; most tagged tokens are
        // repeated names) are summed once per distinct text; those stored exactly stay in the
        // list, in place, so the float sums are the same.
        let form = df.toks[i].form as usize;
        if !seen[form] {
            word.clear();
            DocFeats::word_features(&df.forms[form], &mut word);
            cache[form] = model.int_sum(&word);
            seen[form] = true;
        }
        let (mut acc, keep) = cache[form];
        let mut scores = [0f32; N_TAGS];
        df.context_features(i, keep, |f| model.add_feature(f, &mut acc, &mut scores));
        df.tag_features_with(i, p1, p2, |f| model.add_feature(f, &mut acc, &mut scores));
        model.finish(acc, &mut scores);
        let (best, margin) = best_allowed(&scores, p1);
        tags[i] = best as u8;
        margins[i] = margin;
        p2 = p1;
        p1 = best;
    }
    (tags, margins)
}

/// The best tag allowed after `prev`, and its margin over the next best allowed one.
pub fn best_allowed<T: Copy + PartialOrd + std::ops::Sub<Output = T> + Default>(
    scores: &[T; N_TAGS],
    prev: usize,
) -> (usize, T) {
    let mut best = 0usize;
    let mut second: Option<T> = None;
    for t in 1..N_TAGS {
        if !allowed(prev, t) {
            continue;
        }
        if scores[t] > scores[best] {
            second = Some(second.map_or(scores[best], |s| {
                if scores[best] > s {
                    scores[best]
                } else {
                    s
                }
            }));
            best = t;
        } else if second.is_none_or(|s| scores[t] > s) {
            second = Some(scores[t]);
        }
    }
    let margin = second.map_or(T::default(), |s| scores[best] - s);
    (best, margin)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tagger's scores (a form's word features summed once, the exact rows kept in place,
    /// empty rows skipped) are bit for bit those of adding every feature's row in order, the way
    /// the trainer lists them, for every token, previous tags and text form.
    #[test]
    fn cached_scores_equal_scores_over_the_full_feature_list() {
        let model = shipped().expect("the shipped model parses");
        let text = "WASHINGTON (Reuters) - U.S. President Joe Biden spoke with Vladimir Putin on \
            Tuesday, the White House said. “We discussed New START,” Biden said. Biden's aides \
            met NATO's chief in Brussels; the European Union's Ursula von der Leyen, Zelenskyy \
            and 14.27 % of Apple Inc. shares. Kyiv Київ Zürich naïve McDonald's AT&T 24/7.";
        let doc = crate::text::Doc::new(text);
        let df = DocFeats::new(&doc, super::super::gazetteer::shipped());
        let mut exact_words = 0;
        for i in 0..df.toks.len() {
            let mut words = Vec::new();
            DocFeats::word_features(df.form(i), &mut words);
            let (sum, keep) = model.int_sum(&words);
            exact_words += keep.count_ones();
            for (p1, p2) in [(N_TAGS, N_TAGS), (0, N_TAGS), (1, 0), (2, 1), (7, 0)] {
                let mut all = Vec::new();
                df.static_features(i, &mut all);
                df.tag_features(i, p1, p2, &mut all);
                let (mut acc, mut full) = ([0i32; N_TAGS], [0f32; N_TAGS]);
                for &f in &all {
                    model.add_feature(f, &mut acc, &mut full);
                }
                model.finish(acc, &mut full);
                // The same read straight off the table: no bitmap of used rows.
                let (mut acc, mut naive) = ([0i32; N_TAGS], [0f32; N_TAGS]);
                for &f in &all {
                    let (f, row) = (f as usize, model.w[f as usize]);
                    if model.is_exact[f / 64] & (1 << (f % 64)) != 0 {
                        let k = u16::from_le_bytes([row[0], row[1]]) as usize;
                        for (s, &x) in naive.iter_mut().zip(&model.exact[k]) {
                            *s += x;
                        }
                    } else {
                        for (a, &x) in acc.iter_mut().zip(&row) {
                            *a += x as i8 as i32;
                        }
                    }
                }
                model.finish(acc, &mut naive);
                assert_eq!(full.map(f32::to_bits), naive.map(f32::to_bits), "token {i}");
                let (mut acc, mut cached) = (sum, [0f32; N_TAGS]);
                df.context_features(i, keep, |f| model.add_feature(f, &mut acc, &mut cached));
                df.tag_features_with(i, p1, p2, |f| model.add_feature(f, &mut acc, &mut cached));
                model.finish(acc, &mut cached);
                assert_eq!(
                    full.map(f32::to_bits),
                    cached.map(f32::to_bits),
                    "token {i}"
                );
            }
        }
        // The case the in-place rule is for: some word features (the shapes of capitalised
        // words) have exactly stored rows.
        assert!(exact_words > 0);
    }

    /// The shipped weights are packed (format 4), unpack to a full table, and packing them again
    /// gives the shipped bytes: the packing is lossless and what `train ner` writes.
    #[test]
    fn shipped_model_is_packed_losslessly() {
        assert_eq!(MODEL[4], 4, "model.bin is format 4");
        assert!(Model::parse(MODEL).is_some(), "the shipped model parses");
        let (_, _, w) = parts(MODEL).expect("the shipped model parses");
        let w = w.as_flattened().to_vec();
        assert_eq!(w.len(), (1 << BITS) * N_TAGS);
        assert!(w.iter().any(|&x| x != 0));
        let n_exact = u32::from_le_bytes(MODEL[12..16].try_into().unwrap()) as usize;
        let body_at = 16 + n_exact * 4 * (1 + N_TAGS);
        let mut v3 = MODEL[..body_at].to_vec();
        v3[4] = 3;
        v3.extend_from_slice(&w);
        assert!(Model::parse(&v3).is_some(), "format 3 still parses");
        assert_eq!(parts(&v3).map(|p| p.2.as_flattened().to_vec()), Some(w));
        assert_eq!(pack_file(&v3).as_deref(), Some(MODEL));
        // Cut or wrong-version files are refused, not misread.
        assert!(Model::parse(&MODEL[..MODEL.len() - 1]).is_none());
        assert!(pack_file(MODEL).is_none());
    }
}
