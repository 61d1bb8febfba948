//! Fast hashing for the engine's many small per-document tables (inputs are one document's words,
//! so hash flooding is no concern; SipHash costs more than the rest of a lookup).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, non-cryptographic hasher (the Fx hash of rustc).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        // The multiplications leave the high bits best mixed, and hash tables pick buckets by
        // the low bits: bring the high bits down (as rustc-hash 2 does), or keys that differ
        // only in their high half (packed pairs) all land in one bucket.
        self.0.rotate_left(26)
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` with [`FxHasher`].
pub type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A 64-bit hash of a string (Fx over 8-byte words, then a final mix so that the low bits, which
/// pick the hash-table bucket, depend on every byte): the key of words and stems in this stage's
/// tables. Within one document's words or one model's stems a collision is vanishingly unlikely,
/// and would only merge two words.
pub fn key(s: &str) -> u64 {
    key_of_bytes(s.as_bytes())
}

/// [`key`] of a string given as its bytes.
pub fn key_of_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn keys_differing_in_their_high_half_spread_over_buckets() {
        // Packed (word, neighbour) pairs: the same low half, different high halves.
        let build = BuildHasherDefault::<FxHasher>::default();
        let buckets: HashSet<u64> = (0..1024u64)
            .map(|id| build.hash_one((id << 33) | (7 << 1)) & 1023)
            .collect();
        assert!(buckets.len() > 512, "{} buckets of 1024", buckets.len());
    }
}

/// A map from `u64` keys to `u64` values by open addressing (linear probing, at most half full),
/// for the topic stage's per-document phrase keys and word pairs: each lookup is a multiply, a
/// shift and (nearly always) one slot, several times cheaper than a general hash map's.
/// `u64::MAX` is not a value: it marks a free slot.
#[derive(Debug, Clone)]
pub struct KeyTable {
    /// (key, value) per slot; a power of two long.
    slots: Vec<(u64, u64)>,
    len: usize,
    /// 64 − log2 of the slots.
    shift: u32,
}

impl KeyTable {
    const FREE: u64 = u64::MAX;

    /// A table for about `n` keys before it grows.
    pub fn with_capacity(n: usize) -> KeyTable {
        let size = (2 * n).next_power_of_two().max(16);
        KeyTable {
            slots: vec![(0, Self::FREE); size],
            len: 0,
            shift: 64 - size.trailing_zeros(),
        }
    }

    /// Keys in the table.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the table has no key.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// The slot of `key` and its value if present, else the free slot where [`KeyTable::put`]
    /// stores it. (Grows first if one more key would make it over half full.)
    #[inline]
    pub fn find(&mut self, key: u64) -> (usize, Option<u64>) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let (k, v) = self.slots[i];
            if v == Self::FREE {
                return (i, None);
            }
            if k == key {
                return (i, Some(v));
            }
            i = (i + 1) & mask;
        }
    }

    /// Stores `value` (not `u64::MAX`) for `key` at `slot`, found by [`KeyTable::find`] for
    /// that key with no change to the table since.
    pub fn put(&mut self, slot: usize, key: u64, value: u64) {
        if let Some(s) = self.slots.get_mut(slot) {
            if s.1 == Self::FREE {
                self.len += 1;
            }
            *s = (key, value);
        }
    }

    /// Adds `key` (with value 0); whether it was new.
    pub fn insert(&mut self, key: u64) -> bool {
        match self.find(key) {
            (_, Some(_)) => false,
            (slot, None) => {
                self.put(slot, key, 0);
                true
            }
        }
    }

    #[inline(never)]
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![(0, Self::FREE); size]);
        self.shift -= 1;
        let mask = self.slots.len() - 1;
        for (k, v) in old.into_iter().filter(|s| s.1 != Self::FREE) {
            let mut i = self.home(k);
            while self.slots[i].1 != Self::FREE {
                i = (i + 1) & mask;
            }
            self.slots[i] = (k, v);
        }
    }
}

#[cfg(test)]
mod key_table_tests {
    use super::*;

    /// The same answers as a `HashMap`, through growth, for keys that collide in their high bits.
    #[test]
    fn agrees_with_a_hash_map() {
        let mut t = KeyTable::with_capacity(2);
        let mut m = std::collections::HashMap::new();
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for i in 0..5000u64 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let key = if i % 3 == 0 { i << 40 } else { x % 3000 };
            let (slot, got) = t.find(key);
            assert_eq!(got, m.get(&key).copied(), "key {key}");
            // New keys, and some present ones (their value replaced).
            if got.is_none() || i % 5 == 0 {
                t.put(slot, key, i);
                m.insert(key, i);
            }
            assert_eq!(t.len(), m.len());
        }
        let mut s = KeyTable::with_capacity(0);
        assert!(s.is_empty());
        assert!(s.insert(0) && !s.insert(0) && s.insert(u64::MAX) && !s.insert(u64::MAX));
    }
}
