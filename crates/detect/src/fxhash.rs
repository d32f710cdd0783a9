// Shared by `build.rs` (which lays out the lexicon table) and `lexicon.rs` (which probes
// it): both sides must hash a key identically, so there is exactly one copy of the function.

/// FxHash over bytes with a final avalanche, so that both the low bits (the slot) and the
/// top byte (the tag) of the result are well mixed. Keys are fixed at build time, not chosen
/// by an attacker, so a non-cryptographic hash is fine.
#[inline]
pub fn fx(bytes: &[u8]) -> u64 {
    fx_mapped(bytes, |b| b)
}

/// [`fx`] of the ASCII-lower-cased bytes, without a lower-cased copy.
#[allow(dead_code)] // build.rs includes this file and does not use it
#[inline]
pub fn fx_ascii_lower(bytes: &[u8]) -> u64 {
    fx_mapped(bytes, |b| b.to_ascii_lowercase())
}

#[inline(always)]
fn fx_mapped(bytes: &[u8], map: impl Fn(u8) -> u8) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut v = [0u8; 8];
        for (d, &b) in v.iter_mut().zip(c) {
            *d = map(b);
        }
        h = (h.rotate_left(5) ^ u64::from_le_bytes(v)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut v = [0u8; 8];
        for (d, &b) in v.iter_mut().zip(rest) {
            *d = map(b);
        }
        h = (h.rotate_left(5) ^ u64::from_le_bytes(v)).wrapping_mul(K);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}
