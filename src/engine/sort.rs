//! Shared stable sorts for per-document orderings (mentions, spans, entities, quotes, chips).
//!
//! Every `sort_by_key` call site compiles its own copy of the standard library's sort, several KB
//! of wasm each at the engine's opt-level 3. So the orderings share two copies: [`sort_by_u64_key`]
//! sorts (key, index) pairs (one `u64` key computed per element: as fast as the standard sort on
//! long lists of large elements, or faster), and [`sort_by`] sorts indices with the comparator
//! behind a reference (for short lists with keys that are not integers). Both then move the
//! elements into place, and give the order of `slice::sort_by` (stable).

use std::cmp::Ordering;

/// Stable sort of `v` by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut idx: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut idx, &|a, b| cmp(&v[a], &v[b]));
    permute(v, idx.into_iter());
}

/// Stable sort of `v` by an integer key.
pub fn sort_by_u64_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if v.len() < 2 {
        return;
    }
    let mut keyed: Vec<(u64, usize)> = v.iter().map(key).zip(0..).collect();
    // The index breaks ties: the unstable sort of pairs gives the stable order of keys.
    sort_pairs(&mut keyed);
    permute(v, keyed.into_iter().map(|k| k.1));
}

/// A key that orders pairs `(a, b)` as the tuple does, for values below 2^32 (byte offsets and
/// lengths in texts under 4 GiB; larger values saturate).
pub fn span_key(a: usize, b: usize) -> u64 {
    (a.min(u32::MAX as usize) as u64) << 32 | b.min(u32::MAX as usize) as u64
}

/// For [`span_key`]: `x` in descending order (`Reverse(x)`).
pub fn desc(x: usize) -> usize {
    (u32::MAX as usize).saturating_sub(x)
}

/// Reorders `v` so that its `k`-th element is the old element `order[k]` (a permutation).
fn permute<T>(v: &mut Vec<T>, order: impl Iterator<Item = usize>) {
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.filter_map(|i| slots.get_mut(i)?.take()));
}

/// The one instance of the standard sort for [`sort_by_u64_key`].
#[inline(never)]
fn sort_pairs(keyed: &mut [(u64, usize)]) {
    keyed.sort_unstable();
}

/// The one instance of the standard sort.
#[inline(never)]
fn sort_indices(idx: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    idx.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        let mut seed = 3u64;
        for n in [0, 1, 2, 3, 17, 200, 1000] {
            let v: Vec<(u8, String)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    ((seed >> 60) as u8, i.to_string())
                })
                .collect();
            // Few distinct keys: many ties, whose order must be kept.
            let (mut a, mut b) = (v.clone(), v.clone());
            a.sort_by_key(|x| x.0);
            sort_by(&mut b, |x, y| x.0.cmp(&y.0));
            assert_eq!(a, b);
            let (mut a, mut b) = (v.clone(), v.clone());
            a.sort_by_key(|x| x.0);
            sort_by_u64_key(&mut b, |x| x.0 as u64);
            assert_eq!(a, b);
            let (mut a, mut b) = (v.clone(), v.clone());
            a.sort_by_key(|x| std::cmp::Reverse(x.0));
            sort_by_u64_key(&mut b, |x| u64::MAX - x.0 as u64);
            assert_eq!(a, b);
            let (mut a, mut b) = (v.clone(), v.clone());
            // Descending, through a comparator (not a key) on our side.
            a.sort_by_key(|x| std::cmp::Reverse(x.0));
            sort_by(&mut b, |x, y| y.0.cmp(&x.0));
            assert_eq!(a, b);
        }
    }
}
