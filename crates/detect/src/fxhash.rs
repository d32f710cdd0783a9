// Shared by `build.rs` (which lays out the lexicon table) and `lexicon.rs` (which probes
// it): both sides must hash a key identically, so there is exactly one copy of the function.

/// FxHash over bytes with a final avalanche, so that both the low bits (the slot) and the
/// top byte (the tag) of the result are well mixed. Keys are fixed at build time, not chosen
/// by an attacker, so a non-cryptographic hash is fine.
#[inline]
pub fn fx(bytes: &[u8]) -> u64 {
    fx_mapped(bytes, |v| v)
}

/// [`fx`] of the ASCII-lower-cased bytes, without a lower-cased copy.
#[allow(dead_code)] // build.rs includes this file and does not use it
#[inline]
pub fn fx_ascii_lower(bytes: &[u8]) -> u64 {
    fx_mapped(bytes, ascii_lower8)
}

/// `a.eq_ignore_ascii_case(b)`, eight bytes at a time: both sides ASCII-lower-cased with
/// [`ascii_lower8`] and compared as integers, not a byte loop (every lexicon probe of an ASCII
/// word ends in this comparison, and every cue the cue index finds: inlined, as a call it was
/// 2 % of the detector's instructions).
#[allow(dead_code)] // build.rs includes this file and does not use it
#[inline(always)]
pub fn eq_ascii_lower(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut ca, mut cb) = (a.chunks_exact(8), b.chunks_exact(8));
    for (x, y) in (&mut ca).zip(&mut cb) {
        if ascii_lower8(load_le(x)) != ascii_lower8(load_le(y)) {
            return false;
        }
    }
    // Equal lengths: both remainders are equally long and zero-padded alike.
    ascii_lower8(load_le(ca.remainder())) == ascii_lower8(load_le(cb.remainder()))
}

/// Eight bytes ASCII-lower-cased at once (SWAR): 0x20 is added to each byte in `A..=Z`; other
/// bytes, non-ASCII ones included, are left alone, as `u8::to_ascii_lowercase` leaves them.
#[inline(always)]
pub fn ascii_lower8(v: u64) -> u64 {
    const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = v & LO7;
    // In each byte, the high bit of `ge_a` says its low seven bits are >= b'A', that of
    // `gt_z` that they are > b'Z' (no carry crosses a byte: each sum stays below 0x100).
    let ge_a = low + 0x3f3f_3f3f_3f3f_3f3f;
    let gt_z = low + 0x2525_2525_2525_2525;
    let upper = ge_a & !gt_z & !v & HIGH;
    v | upper >> 2
}

/// The bytes of `b` (at most eight) as a little-endian integer, zero-padded: the value of
/// copying them into `[0; 8]`, read with two overlapping loads instead of a byte loop (where
/// the loads overlap they hold the same bytes, so or-ing them changes nothing).
#[inline(always)]
fn load_le(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
        u64::from(lo) | u64::from(hi) << ((n - 4) * 8)
    } else if n >= 2 {
        let lo = u16::from_le_bytes([b[0], b[1]]);
        let hi = u16::from_le_bytes([b[n - 2], b[n - 1]]);
        u64::from(lo) | u64::from(hi) << ((n - 2) * 8)
    } else {
        b.first().map_or(0, |&x| u64::from(x))
    }
}

/// Whether a lexicon key belongs in the phrase table (see `build.rs`): it holds whitespace or
/// a dot. A word token never does, so a word is looked up in the word table alone.
#[inline]
pub fn is_phrase(key: &str) -> bool {
    key.chars().any(|c| c == '.' || c.is_whitespace())
}

#[inline(always)]
fn fx_mapped(bytes: &[u8], map: impl Fn(u64) -> u64) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(5) ^ map(load_le(c))).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h.rotate_left(5) ^ map(load_le(rest))).wrapping_mul(K);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}
