//! Lexicons: one static hash table compiled by `build.rs` from the files in `data/` (plus
//! small built-in seeds), embedded in the binary, so there is no start-up work and one probe
//! answers every question the rules ask about a word ([`word_bits`]). All keys are lower
//! case; look-ups lower-case into a caller's buffer, never per call.
//!
//! `data/surnames_full.txt`, `tussenvoegsels.txt` and `name_word_overlap.txt` are kept as
//! sources for rules not written yet and are not compiled in.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast non-cryptographic [`Hasher`] (the FxHash of `fxhash`) for the detector's per-text sets (names to
/// propagate): SipHash dominated the profile. The keys come from the text, but a set holds
/// only the names accepted in one text, so a crafted collision costs little.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // The lexicon table's hash (`fxhash`), chained over successive writes.
        self.0 = self.0.rotate_left(5) ^ crate::fxhash::fx(bytes);
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type HashSet<T> = StdHashSet<T, BuildHasherDefault<Fx>>;
pub(crate) type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fx>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TitleClass {
    /// "de heer", "mevrouw", "mw."
    Salutation,
    /// "drs.", "imam", "prof."
    Academic,
    /// "minister", "voorzitter", "burgemeester"
    Role,
}

// The lexicons a key can be in (bits of the table's value). `build.rs` repeats these.
pub(crate) const W_FIRST: u16 = 1;
pub(crate) const W_SURNAME: u16 = 1 << 1;
pub(crate) const W_DUTCH: u16 = 1 << 2;
pub(crate) const W_NONNAME: u16 = 1 << 3;
pub(crate) const W_SALUTATION: u16 = 1 << 4;
pub(crate) const W_ACADEMIC: u16 = 1 << 5;
pub(crate) const W_ROLE: u16 = 1 << 6;
pub(crate) const W_ORG: u16 = 1 << 7;
pub(crate) const W_PLACE: u16 = 1 << 8;

mod table {
    include!(concat!(env!("OUT_DIR"), "/lexicon_meta.rs"));
    pub(super) const BITS: u32 = SLOT_BITS;
    #[cfg(test)]
    pub(super) const KEYS_N: usize = KEY_COUNT;
}

/// The table `build.rs` laid out: `1 << SLOT_BITS` slots of `offset:32 | len:8 | tag:8 |
/// bits:16`, linear probing, at most 60 % full.
static SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_slots.bin"));
static KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_keys.bin"));

/// Words that precede a street name ("Prins Hendrikkade", "Burg. de Withstraat").
const STREET_PREFIX: [&str; 16] = [
    "burg",
    "burgemeester",
    "prins",
    "prinses",
    "koning",
    "koningin",
    "graaf",
    "dr",
    "mr",
    "pr",
    "st",
    "sint",
    "eerste",
    "tweede",
    "derde",
    "van",
];

/// The `W_*` bits of a lower-cased word or phrase (0 when it is in no lexicon).
#[inline]
pub(crate) fn word_bits(lw: &str) -> u16 {
    let key = lw.as_bytes();
    if key.is_empty() || key.len() > 255 {
        return 0;
    }
    probe(crate::fxhash::fx(key), key.len(), |k| k == key)
}

/// [`word_bits`] of an ASCII word in any case, without lower-casing a copy first.
#[inline]
pub(crate) fn ascii_word_bits(w: &[u8]) -> u16 {
    if w.is_empty() || w.len() > 255 {
        return 0;
    }
    // Keys are lower case; an ASCII word matches only an ASCII key of its length.
    probe(crate::fxhash::fx_ascii_lower(w), w.len(), |k| {
        k.eq_ignore_ascii_case(w)
    })
}

#[inline]
fn probe(h: u64, key_len: usize, is_key: impl Fn(&[u8]) -> bool) -> u16 {
    let mask = (1usize << table::BITS) - 1;
    let tag = (h >> 56) as u8;
    let mut i = (h as usize) & mask;
    loop {
        let Some(raw) = SLOTS.get(i * 8..i * 8 + 8) else {
            return 0;
        };
        let slot = u64::from_le_bytes(raw.try_into().unwrap_or([0; 8]));
        let len = (slot >> 32) as u8 as usize;
        if len == 0 {
            return 0;
        }
        // Length and tag first: the key bytes are another cache line away.
        if len == key_len && (slot >> 40) as u8 == tag {
            let off = slot as u32 as usize;
            if KEYS.get(off..off + len).is_some_and(&is_key) {
                return (slot >> 48) as u16;
            }
        }
        i = (i + 1) & mask;
    }
}

include!(concat!(env!("OUT_DIR"), "/org_words.rs"));

/// Whether a lower-cased word ends in an organisation word of at least five bytes, after at
/// least three chars of its own ("Onderzoeksbureau", "Jongerenstichting").
pub(crate) fn is_org_compound(lw: &str) -> bool {
    static SET: std::sync::OnceLock<(HashSet<&'static str>, u64)> = std::sync::OnceLock::new();
    let (set, lens) = SET.get_or_init(|| {
        let set: HashSet<&'static str> = ORG_WORDS.iter().copied().collect();
        // Bit n: some organisation word is n bytes long (n < 64).
        let lens = ORG_WORDS
            .iter()
            .filter(|w| w.len() < 64)
            .fold(0u64, |m, w| m | 1 << w.len());
        (set, lens)
    });
    lw.char_indices().skip(3).any(|(k, _)| {
        let n = lw.len() - k;
        (5..64).contains(&n) && lens & (1 << n) != 0 && set.contains(&lw[k..])
    })
}

/// Whether a lower-cased word is in the lexicon(s) `bit`.
#[inline]
pub(crate) fn has(lw: &str, bit: u16) -> bool {
    word_bits(lw) & bit != 0
}

/// The title class in a word's bits, salutation first.
pub(crate) fn title_class(bits: u16) -> Option<TitleClass> {
    if bits & W_SALUTATION != 0 {
        Some(TitleClass::Salutation)
    } else if bits & W_ACADEMIC != 0 {
        Some(TitleClass::Academic)
    } else if bits & W_ROLE != 0 {
        Some(TitleClass::Role)
    } else {
        None
    }
}

/// Lower-cases `w` into `buf` and returns it (ASCII fast path).
pub(crate) fn lower<'b>(w: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if w.is_ascii() {
        buf.push_str(w);
        buf.make_ascii_lowercase();
    } else {
        for c in w.chars() {
            buf.extend(c.to_lowercase());
        }
    }
    buf.as_str()
}

pub(crate) fn is_street_prefix(w: &str) -> bool {
    STREET_PREFIX.iter().any(|p| p.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_answers_every_lexicon() {
        // The Dutch word list is compiled in.
        const { assert!(table::KEYS_N > 100_000) };
        assert!(has("jan", W_FIRST));
        assert!(has("jansen", W_SURNAME));
        assert!(has("huis", W_DUTCH));
        assert!(has("stichting", W_ORG));
        assert!(has("den haag", W_PLACE));
        assert!(has("maart", W_NONNAME));
        assert_eq!(
            title_class(word_bits("mevrouw")),
            Some(TitleClass::Salutation)
        );
        assert_eq!(title_class(word_bits("drs.")), Some(TitleClass::Academic));
        assert_eq!(title_class(word_bits("minister")), Some(TitleClass::Role));
        assert_eq!(word_bits("xqzwv"), 0);
        for w in [
            "Jansen",
            "HUIS",
            "Stichting",
            "maart",
            "Xqzwv",
            "de heer",
            "Drs.",
        ] {
            assert_eq!(
                ascii_word_bits(w.as_bytes()),
                word_bits(&w.to_lowercase()),
                "{w}"
            );
        }
        assert_eq!(word_bits(""), 0);
    }
}
