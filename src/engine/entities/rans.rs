//! Lossless packing of the tagger's int8 weight rows (`model.bin` format 4).
//!
//! Half of the 2^17 bucket rows are all zero, and in the others two thirds of the weights are
//! zero and most of the rest are ±1..±4: gzip leaves the raw table at 230 KB, while its order-0
//! entropy per tag column is ≈ 150 KB. So the rows are stored as a bitmap of non-zero rows plus
//! those rows' bytes coded with static per-column frequencies by rANS (Duda's asymmetric numeral
//! systems, in the byte-wise form of Giesen's `ryg_rans`, two states taking turns): a few dozen
//! lines to decode, ≈ 4 ms natively for the whole table, once per process.
//!
//! Layout: the bitmap (`rows / 8` bytes, bit `r % 8` of byte `r / 8` set when row `r` is
//! stored), then per column a `u16` symbol count and that many (`u8` value, `u16` frequency)
//! pairs (frequencies sum to [`TOTAL`]), then the `u32` length of the rANS stream and the stream
//! (the two initial states, big-endian, then the renormalization bytes).

/// Frequencies are scaled to sum to 2^SCALE_BITS (12: a slot's value, frequency and offset fit one
/// `u32` of the decoding table; 14 bits would save 0.4 % of the size).
const SCALE_BITS: u32 = 12;
const TOTAL: u32 = 1 << SCALE_BITS;
/// The coder's state stays in [L, 256·L).
const L: u32 = 1 << 23;

/// Packs `body` (`rows × cols` bytes, row-major) as described in the module docs.
pub fn pack(body: &[u8], cols: usize) -> Vec<u8> {
    assert!(
        cols > 0 && body.len().is_multiple_of(cols),
        "body is whole rows"
    );
    let rows = body.len() / cols;
    let stored: Vec<&[u8]> = body
        .chunks_exact(cols)
        .filter(|r| r.iter().any(|&x| x != 0))
        .collect();
    let mut out = vec![0u8; rows.div_ceil(8)];
    for (r, row) in body.chunks_exact(cols).enumerate() {
        if row.iter().any(|&x| x != 0) {
            out[r / 8] |= 1 << (r % 8);
        }
    }
    // Per column: frequencies and their running starts.
    let mut freqs = vec![[0u32; 256]; cols];
    for row in &stored {
        for (c, &x) in row.iter().enumerate() {
            freqs[c][x as usize] += 1;
        }
    }
    for f in &mut freqs {
        normalize(f);
        let n = f.iter().filter(|&&x| x > 0).count() as u16;
        out.extend_from_slice(&n.to_le_bytes());
        for (s, &x) in f.iter().enumerate() {
            if x > 0 {
                out.push(s as u8);
                out.extend_from_slice(&(x as u16).to_le_bytes());
            }
        }
    }
    let starts: Vec<[u32; 256]> = freqs
        .iter()
        .map(|f| {
            let mut s = [0u32; 256];
            for i in 1..256 {
                s[i] = s[i - 1] + f[i - 1];
            }
            s
        })
        .collect();
    // rANS is last in, first out: encode backwards, then reverse the bytes. Two states take turns
    // (symbol k uses state k % 2), so the decoder runs two independent chains at once.
    let mut stream = Vec::new();
    let mut x = [L; 2];
    let symbols = stored.iter().flat_map(|row| row.iter().enumerate());
    let n = stored.len() * cols;
    for (k, (c, &v)) in symbols.collect::<Vec<_>>().into_iter().enumerate().rev() {
        let x = &mut x[k % 2];
        let (start, freq) = (starts[c][v as usize], freqs[c][v as usize]);
        let x_max = ((L >> SCALE_BITS) << 8) * freq;
        while *x >= x_max {
            stream.push(*x as u8);
            *x >>= 8;
        }
        *x = ((*x / freq) << SCALE_BITS) + (*x % freq) + start;
    }
    debug_assert!(n == 0 || x.iter().all(|s| (L..L << 8).contains(s)));
    // Reversed below: the decoder reads state 0, then state 1.
    stream.extend_from_slice(&x[1].to_le_bytes());
    stream.extend_from_slice(&x[0].to_le_bytes());
    stream.reverse();
    out.extend_from_slice(&(stream.len() as u32).to_le_bytes());
    out.extend_from_slice(&stream);
    out
}

/// Scales counts to sum to [`TOTAL`], every seen value keeping a frequency of at least 1.
fn normalize(f: &mut [u32; 256]) {
    let total: u64 = f.iter().map(|&x| x as u64).sum();
    if total == 0 {
        f[0] = TOTAL;
        return;
    }
    for x in f.iter_mut() {
        if *x > 0 {
            *x = ((*x as u64 * TOTAL as u64 + total / 2) / total).max(1) as u32;
        }
    }
    // Settle the rounding on the most frequent values (they lose the least by it).
    loop {
        let sum: u32 = f.iter().sum();
        if sum == TOTAL {
            return;
        }
        let big = (0..256)
            .max_by_key(|&i| (f[i], std::cmp::Reverse(i)))
            .unwrap_or(0);
        if sum > TOTAL {
            f[big] -= (sum - TOTAL).min(f[big] - 1);
        } else {
            f[big] += TOTAL - sum;
        }
    }
}

/// Unpacks what [`pack`] made of a `rows × cols` body; `None` if `data` is truncated or corrupt.
pub fn unpack(data: &[u8], rows: usize, cols: usize) -> Option<Vec<u8>> {
    let mut body = vec![0u8; rows * cols];
    unpack_into(data, cols, &mut body)?;
    Some(body)
}

/// [`unpack`] into `body` (whole rows, all zero: only stored rows are written).
pub fn unpack_into(data: &[u8], cols: usize, body: &mut [u8]) -> Option<()> {
    let rows = body.len() / cols.max(1);
    let bitmap = data.get(..rows.div_ceil(8))?;
    let mut o = bitmap.len();
    let u16_at = |o: usize| -> Option<u16> {
        Some(u16::from_le_bytes(data.get(o..o + 2)?.try_into().ok()?))
    };
    // Per column and slot: the value (bits 0..8), its frequency − 1 (8..20) and the slot's offset
    // in the value's range (20..32): one load per symbol.
    let mut slots = vec![0u32; cols * TOTAL as usize];
    let mut seen = vec![false; cols * 256];
    for c in 0..cols {
        let n = u16_at(o)? as usize;
        o += 2;
        let mut start = 0u32;
        for _ in 0..n {
            let v = *data.get(o)?;
            let f = u16_at(o + 1)? as u32;
            o += 3;
            if f == 0
                || start + f > TOTAL
                || std::mem::replace(&mut seen[c * 256 + v as usize], true)
            {
                return None;
            }
            for (bias, e) in slots[c * TOTAL as usize + start as usize..][..f as usize]
                .iter_mut()
                .enumerate()
            {
                *e = v as u32 | (f - 1) << 8 | (bias as u32) << 20;
            }
            start += f;
        }
        if start != TOTAL {
            return None;
        }
    }
    let len = u32::from_le_bytes(data.get(o..o + 4)?.try_into().ok()?) as usize;
    o += 4;
    let stream = data.get(o..o.checked_add(len)?)?;
    let (s0, rest) = stream.split_first_chunk::<4>()?;
    let (s1, rest) = rest.split_first_chunk::<4>()?;
    // The state in turn (`x`) and the other one.
    let (mut x, mut other) = (u32::from_be_bytes(*s0), u32::from_be_bytes(*s1));
    // The states live in [L, 256·L); outside it the arithmetic below could overflow.
    if ![x, other].iter().all(|s| (L..L << 8).contains(s)) {
        return None;
    }
    // The stream's bytes are read through an index; running past its end reads zeros and is
    // reported once at the end (one branch per byte fewer than a checked read: this loop is most
    // of the engine's start-up, in wasm before the optimizing compiler has seen it).
    let mut at = 0usize;
    for (r, row) in body.chunks_exact_mut(cols).enumerate() {
        if bitmap[r / 8] & (1 << (r % 8)) == 0 {
            continue;
        }
        for (out, col) in row.iter_mut().zip(slots.chunks_exact(TOTAL as usize)) {
            let e = col[(x & (TOTAL - 1)) as usize];
            x = ((e >> 8 & 0xfff) + 1) * (x >> SCALE_BITS) + (e >> 20);
            while x < L {
                x = (x << 8) | rest.get(at).copied().unwrap_or(0) as u32;
                at += 1;
            }
            *out = e as u8;
            std::mem::swap(&mut x, &mut other);
        }
    }
    (at <= rest.len()).then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-random byte source (no test dependency on `rand`).
    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn round_trips_weight_like_and_degenerate_tables() {
        let mut seed = 7;
        // Weight-like: half the rows zero, mostly small values, a few large.
        let cols = 9;
        let mut body = vec![0u8; 4096 * cols];
        for row in body.chunks_exact_mut(cols) {
            if lcg(&mut seed).is_multiple_of(2) {
                continue;
            }
            for x in row.iter_mut() {
                let r = lcg(&mut seed) % 100;
                *x = match r {
                    0..=64 => 0,
                    65..=97 => (lcg(&mut seed) % 9) as u8 ^ 0xfc,
                    _ => lcg(&mut seed) as u8,
                };
            }
        }
        for (b, c) in [
            (body.clone(), cols),
            (vec![0u8; 64 * 3], 3),
            (vec![0x80u8; 64 * 3], 3),
            ((0..=255u8).collect(), 1),
            (Vec::new(), 4),
        ] {
            let packed = pack(&b, c);
            assert_eq!(unpack(&packed, b.len() / c, c).as_deref(), Some(&b[..]));
        }
        // Entropy coding pays: well under the raw size.
        assert!(pack(&body, cols).len() < body.len() / 3);
    }

    #[test]
    fn corrupt_or_truncated_input_is_refused_or_harmless() {
        let mut seed = 11;
        let body: Vec<u8> = (0..900).map(|_| (lcg(&mut seed) % 5) as u8).collect();
        let packed = pack(&body, 9);
        for cut in 0..packed.len() {
            assert!(
                unpack(&packed[..cut], 100, 9).is_none(),
                "truncated at {cut}"
            );
        }
        // Flipped bytes: no panic, whatever comes out.
        for i in 0..packed.len() {
            let mut p = packed.clone();
            p[i] ^= 0x5a;
            let _ = unpack(&p, 100, 9);
        }
    }
}
