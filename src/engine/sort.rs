//! One shared stable sort for short per-document orderings (mentions, entities, quotes, chips).
//!
//! Every `sort_by_key` call site compiles its own copy of the standard library's sort, several KB
//! of wasm each at the engine's opt-level 3. These sorts run once per document on short lists, so
//! they share one copy: it sorts indices with the comparator behind a reference, then moves the
//! elements into place. Same order as `slice::sort_by` (stable).

use std::cmp::Ordering;

/// Stable sort of `v` by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut idx: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut idx, &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(idx.iter().filter_map(|&i| slots.get_mut(i)?.take()));
}

/// Stable sort of `v` by `key`.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
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
            sort_by_key(&mut b, |x| x.0);
            assert_eq!(a, b);
            let (mut a, mut b) = (v.clone(), v.clone());
            a.sort_by(|x, y| y.0.cmp(&x.0));
            sort_by(&mut b, |x, y| y.0.cmp(&x.0));
            assert_eq!(a, b);
        }
    }
}
