//! Shared stable sorts for per-document orderings (mentions, spans, entities, quotes, chips).
//!
//! Every `sort_by_key` call site compiles its own copy of the standard library's sort, several KB
//! of wasm each at the engine's opt-level 3. So the orderings share one copy: [`sort_by_u64_key`]
//! sorts (key, index) pairs (one `u64` key computed per element: as fast as the standard sort on
//! long lists of large elements, or faster), then moves the elements into place, in the order of
//! `slice::sort_by_key` (stable). Float scores become keys through [`order_bits`]; orders on more
//! than 64 bits of key are two stable sorts, the minor key first.

/// The bits of `z` as an integer that orders like `f32::total_cmp` (negative numbers reversed).
pub fn order_bits(z: f32) -> u32 {
    let b = z.to_bits();
    if b >> 31 == 1 {
        !b
    } else {
        b | 1 << 31
    }
}

/// The inverse of [`order_bits`].
pub fn from_order_bits(k: u32) -> f32 {
    f32::from_bits(if k >> 31 == 1 { k & !(1 << 31) } else { !k })
}

/// A key that sorts `score` largest first and then `tie` (below 2^32) smallest first.
pub fn score_desc_key(score: f32, tie: usize) -> u64 {
    (u64::from(!order_bits(score)) << 32) | tie.min(u32::MAX as usize) as u64
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

/// Sorts integers (through the same sort instance: each paired with a dummy index).
pub fn sort_u64(v: &mut [u64]) {
    if v.len() < 2 {
        return;
    }
    let mut keyed: Vec<(u64, usize)> = v.iter().map(|&k| (k, 0)).collect();
    sort_pairs(&mut keyed);
    for (d, (k, _)) in v.iter_mut().zip(keyed) {
        *d = k;
    }
}

/// The values of a list smallest first, put in order lazily: the `k` smallest in one pass (most
/// values compare once against the largest kept), the rest sorted only if they are read.
pub struct Ascending {
    /// The values not in `top`, until they are needed.
    rest: Vec<u64>,
    /// The values read from, in order.
    top: Vec<u64>,
    next: usize,
}

impl Ascending {
    /// `v` smallest first, with its `k` smallest values found at once.
    pub fn new(v: Vec<u64>, k: usize) -> Ascending {
        let mut top: Vec<u64> = Vec::with_capacity(k.min(v.len()) + 1);
        if k > 0 {
            for &x in &v {
                if top.len() == k {
                    if top.last().is_some_and(|&m| x >= m) {
                        continue;
                    }
                    top.pop();
                }
                // Insertion from the end: `k` is small, and shifting in place costs less than
                // a search and a `Vec::insert` (a memmove call) per kept value.
                top.push(x);
                let mut at = top.len() - 1;
                while at > 0 && top[at - 1] > x {
                    top[at] = top[at - 1];
                    at -= 1;
                }
                top[at] = x;
            }
        }
        let rest = if top.len() < v.len() { v } else { Vec::new() };
        Ascending { rest, top, next: 0 }
    }
}

impl Iterator for Ascending {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        if self.next == self.top.len() && !self.rest.is_empty() {
            // Read past the smallest: the whole list in order (its first values are `top`'s).
            let mut all = std::mem::take(&mut self.rest);
            sort_u64(&mut all);
            self.top = all;
        }
        let x = self.top.get(self.next).copied();
        self.next += usize::from(x.is_some());
        x
    }
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
            sort_by_u64_key(&mut b, |x| x.0 as u64);
            assert_eq!(a, b);
            let (mut a, mut b) = (v.clone(), v.clone());
            a.sort_by_key(|x| std::cmp::Reverse(x.0));
            sort_by_u64_key(&mut b, |x| u64::MAX - x.0 as u64);
            assert_eq!(a, b);
        }
    }

    #[test]
    fn integers_sort() {
        let mut seed = 11u64;
        for n in [0, 1, 2, 40, 1000] {
            let mut v: Vec<u64> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    seed >> 50
                })
                .collect();
            let mut want = v.clone();
            want.sort_unstable();
            sort_u64(&mut v);
            assert_eq!(v, want);
        }
    }

    /// Lazily ordered values read fully, partly and past their first `k`, with repeats.
    #[test]
    fn ascending_reads_in_order() {
        let mut seed = 5u64;
        for n in [0usize, 1, 5, 40, 500] {
            let v: Vec<u64> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    seed >> 58
                })
                .collect();
            let mut want = v.clone();
            want.sort_unstable();
            for k in [0, 1, 3, 23, 1000] {
                assert_eq!(
                    Ascending::new(v.clone(), k).collect::<Vec<_>>(),
                    want,
                    "n {n} k {k}"
                );
                let m = k.min(n);
                let first: Vec<u64> = Ascending::new(v.clone(), k).take(m).collect();
                assert_eq!(first, want[..m]);
            }
        }
    }

    /// Scores as keys: the order of `total_cmp` (largest first), ties by the second key.
    #[test]
    fn score_keys_order_like_total_cmp() {
        let xs = [
            f32::NEG_INFINITY,
            -1e9,
            -3.5,
            -1.0,
            -1e-30,
            -0.0,
            0.0,
            1e-30,
            0.25,
            1.0,
            7.0,
            1e9,
            f32::INFINITY,
        ];
        for w in xs.windows(2) {
            assert!(order_bits(w[0]) < order_bits(w[1]), "{} < {}", w[0], w[1]);
            assert!(score_desc_key(w[1], 5) < score_desc_key(w[0], 0));
        }
        for &x in &xs {
            assert_eq!(from_order_bits(order_bits(x)).to_bits(), x.to_bits());
            assert!(score_desc_key(x, 1) < score_desc_key(x, 2));
        }
        let mut v: Vec<(f32, usize)> = (0..200)
            .map(|i| (((i * 7919) % 13) as f32 / 4.0, i))
            .collect();
        let mut want = v.clone();
        want.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        sort_by_u64_key(&mut v, |&(s, i)| score_desc_key(s, i));
        assert_eq!(v, want);
    }
}
