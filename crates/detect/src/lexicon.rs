//! Lexicons: static hash tables compiled by `build.rs` from the files in `data/` (plus small
//! built-in seeds), embedded in the binary, so there is no start-up work and one probe
//! answers every question the rules ask about a word ([`word_bits`]). Single words and
//! phrases (keys with whitespace or a dot) are in separate tables, so that phrase look-ups,
//! which nearly always miss, stay in a small table in cache. All keys are lower case;
//! look-ups lower-case into a caller's buffer, never per call.
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
        // Every `str` key ends with a 0xff written here: one multiply, not a second
        // avalanche over a one-byte slice.
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        // Text offsets (the sets of `names::places`): one multiply, as for `write_u8`, not an
        // avalanche over eight bytes; distinct offsets differ in their low bits, and the
        // multiply keeps the low bits distinct and spreads them into the high ones.
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
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
/// The titles of members of a parliament or council, singular and plural ("Kamerlid",
/// "raadsleden"): before a name they make it a member's name (`names`), beside a party the
/// party their capacity, no political opinion (`special`).
pub(crate) const MEMBER_TITLES: [&str; 6] = [
    "kamerlid",
    "kamerleden",
    "raadslid",
    "raadsleden",
    "statenlid",
    "statenleden",
];

pub(crate) const W_FIRST: u16 = 1;
pub(crate) const W_SURNAME: u16 = 1 << 1;
pub(crate) const W_DUTCH: u16 = 1 << 2;
pub(crate) const W_NONNAME: u16 = 1 << 3;
pub(crate) const W_SALUTATION: u16 = 1 << 4;
pub(crate) const W_ACADEMIC: u16 = 1 << 5;
pub(crate) const W_ROLE: u16 = 1 << 6;
pub(crate) const W_ORG: u16 = 1 << 7;
pub(crate) const W_PLACE: u16 = 1 << 8;

mod meta {
    include!(concat!(env!("OUT_DIR"), "/lexicon_meta.rs"));
    pub(super) const WORDS: u32 = WORD_BITS;
    pub(super) const PHRASES: u32 = PHRASE_BITS;
    #[cfg(test)]
    pub(super) const KEYS_N: usize = KEY_COUNT;
}

/// One table `build.rs` laid out: `1 << bits` slots of 16 bytes (a key of at most [`INLINE`]
/// bytes in place, else its offset in `keys`; then `len:8 | tag:8 | bits:16`), linear
/// probing, at most 60 % full.
struct Table {
    slots: &'static [u8],
    keys: &'static [u8],
    bits: u32,
}

/// Single words: the big table.
static WORDS: Table = Table {
    slots: include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_slots.bin")),
    keys: include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_keys.bin")),
    bits: meta::WORDS,
};
/// Keys with whitespace or a dot ([`crate::fxhash::is_phrase`]): small, so it stays in cache.
static PHRASES: Table = Table {
    slots: include_bytes!(concat!(env!("OUT_DIR"), "/phrase_slots.bin")),
    keys: include_bytes!(concat!(env!("OUT_DIR"), "/phrase_keys.bin")),
    bits: meta::PHRASES,
};
mod gazetteer_meta {
    include!(concat!(env!("OUT_DIR"), "/gazetteer_meta.rs"));
    pub(super) const BITS: u32 = GAZETTEER_BITS;
}
/// World knowledge for the name model: well-known people's surnames and organisations' names
/// ([`gazetteer_bits`]).
static GAZETTEER: Table = Table {
    slots: include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_slots.bin")),
    keys: include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_keys.bin")),
    bits: gazetteer_meta::BITS,
};
// The sets a key of the world-knowledge table can be in. `build.rs` repeats these.
/// The surname of a well-known person (a football player, cyclist, politician).
pub(crate) const G_FAMOUS: u16 = 1;
/// The name of an organisation, a team or a brand ("anderlecht", "rsc anderlecht").
pub(crate) const G_ORG: u16 = 1 << 1;
/// A word of an organisation's name of several words ("anderlecht" of "rsc anderlecht").
pub(crate) const G_ORG_PART: u16 = 1 << 2;

/// The `G_*` bits of a lower-cased word or phrase (words separated by one space): what the
/// world knows it as. Only the name model asks, once per chain it scores.
pub(crate) fn gazetteer_bits(lw: &str) -> u16 {
    GAZETTEER.bits(lw.as_bytes())
}

/// [`gazetteer_bits`] of a word in any case; an ASCII word is probed without lower-casing a
/// copy, any other is lower-cased into `buf`.
pub(crate) fn gazetteer_bits_any_case(w: &str, buf: &mut String) -> u16 {
    if !w.is_ascii() {
        return gazetteer_bits(lower(w, buf));
    }
    GAZETTEER.bits_ascii_any_case(w.as_bytes())
}

/// Keys up to this many bytes are stored in their slot (`build.rs` repeats it).
const INLINE: usize = 12;

/// Whether a key of this length can be in a table: a slot stores its length in one byte,
/// and no key is empty.
#[inline]
fn storable(key: &[u8]) -> bool {
    !key.is_empty() && key.len() <= 255
}

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
    let table = if crate::fxhash::is_phrase(lw) {
        &PHRASES
    } else {
        &WORDS
    };
    table.bits(lw.as_bytes())
}

/// [`word_bits`] of an ASCII word in any case, without lower-casing a copy first.
#[inline]
pub(crate) fn ascii_word_bits(w: &[u8]) -> u16 {
    // Keys are lower case; an ASCII word matches only an ASCII key of its length.
    let table = if w
        .iter()
        .any(|&b| b == b'.' || char::from(b).is_whitespace())
    {
        &PHRASES
    } else {
        &WORDS
    };
    table.bits_ascii_any_case(w)
}

/// The hash [`ascii_word_bits_hashed`] probes the word table with, for an ASCII word
/// without whitespace or a dot (every ASCII word token).
#[inline]
pub(crate) fn ascii_word_hash(w: &[u8]) -> u64 {
    crate::fxhash::fx_ascii_lower(w)
}

/// Asks the CPU to load the word-table slot of hash `h` into cache. The table is 8 MB, so a
/// probe is a cache (and often TLB) miss; a caller that knows which words it will look up
/// next issues this a few words ahead, and the misses overlap instead of queueing.
#[inline]
pub(crate) fn prefetch_word(h: u64) {
    #[cfg(target_arch = "x86_64")]
    {
        let mask = (1usize << WORDS.bits) - 1;
        let i = (h as usize) & mask;
        if let Some(slot) = WORDS.slots.get(i * 16..i * 16 + 16) {
            // SAFETY: a prefetch is only a hint: it never faults and changes no state the
            // program can observe; the pointer is into `slot`, a live static slice.
            unsafe {
                std::arch::x86_64::_mm_prefetch(
                    slot.as_ptr().cast(),
                    std::arch::x86_64::_MM_HINT_T0,
                );
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = h;
}

/// [`ascii_word_bits`] of an ASCII word without whitespace or a dot, whose
/// [`ascii_word_hash`] is `h`.
#[inline]
pub(crate) fn ascii_word_bits_hashed(w: &[u8], h: u64) -> u16 {
    WORDS.bits_ascii_hashed(w, h)
}

impl Table {
    /// The bits of a lower-cased key (0 when it is not in the table; no key is empty or
    /// longer than 255 bytes).
    #[inline]
    fn bits(&self, key: &[u8]) -> u16 {
        if !storable(key) {
            return 0;
        }
        self.probe(crate::fxhash::fx(key), key.len(), |k| k == key)
    }

    /// [`Self::bits`] of an ASCII key in any case, compared without lower-casing a copy.
    #[inline]
    fn bits_ascii_any_case(&self, w: &[u8]) -> u16 {
        if !storable(w) {
            return 0;
        }
        self.probe(crate::fxhash::fx_ascii_lower(w), w.len(), |k| {
            crate::fxhash::eq_ascii_lower(k, w)
        })
    }

    /// [`Self::bits_ascii_any_case`] of `w`, whose lower-cased hash `h` the caller has.
    #[inline]
    fn bits_ascii_hashed(&self, w: &[u8], h: u64) -> u16 {
        if !storable(w) {
            return 0;
        }
        self.probe(h, w.len(), |k| crate::fxhash::eq_ascii_lower(k, w))
    }

    #[inline]
    fn probe(&self, h: u64, key_len: usize, is_key: impl Fn(&[u8]) -> bool) -> u16 {
        let mask = (1usize << self.bits) - 1;
        let tag = (h >> 56) as u8;
        let mut i = (h as usize) & mask;
        loop {
            let Some(slot) = self.slots.get(i * 16..i * 16 + 16) else {
                return 0;
            };
            let len = usize::from(slot[12]);
            if len == 0 {
                return 0;
            }
            // Length and tag first; a short key is in the slot's own cache line.
            if len == key_len && slot[13] == tag {
                let key = if len <= INLINE {
                    Some(&slot[..len])
                } else {
                    let off = u32::from_le_bytes([slot[0], slot[1], slot[2], slot[3]]) as usize;
                    self.keys.get(off..off + len)
                };
                if key.is_some_and(&is_key) {
                    return u16::from_le_bytes([slot[14], slot[15]]);
                }
            }
            i = (i + 1) & mask;
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/org_words.rs"));

/// The organisation words, indexed for [`is_org_compound`].
struct Org {
    set: HashSet<&'static str>,
    /// The last four bytes of every organisation word, sorted: every suffix tried is at
    /// least five bytes, so it ends in the word's last four, and a word whose last four are
    /// not in here is answered without a set look-up per suffix.
    tails: Vec<u32>,
    /// For each of `tails`, bit n: an organisation word with those last four bytes is n
    /// bytes long (n < 64). Only suffixes of those lengths can be one ("-stichting" is
    /// looked up in "Jongerenstichting", not its fourteen other suffixes).
    tail_lens: Vec<u64>,
    /// A 4096-bit filter over `tails` ([`tail_bit`]): most words are ruled out by one bit,
    /// without a binary search whose branches the CPU cannot predict.
    tail_bits: [u64; 64],
}

/// The bit of [`Org::tail_bits`] for a word's last four bytes.
#[inline]
fn tail_bit(t: u32) -> (usize, u64) {
    let h = t.wrapping_mul(0x9E37_79B1) >> 20;
    ((h >> 6) as usize, 1u64 << (h & 63))
}

impl Org {
    /// Whether `t` (see [`tail4`]) is in `tails`.
    #[inline]
    fn has_tail(&self, t: u32) -> bool {
        self.tail_index(t).is_some()
    }
    /// The index of `t` in `tails`.
    #[inline]
    fn tail_index(&self, t: u32) -> Option<usize> {
        let (w, bit) = tail_bit(t);
        if self.tail_bits[w] & bit == 0 {
            return None;
        }
        self.tails.binary_search(&t).ok()
    }
}

fn org() -> &'static Org {
    static ORG: std::sync::OnceLock<Org> = std::sync::OnceLock::new();
    ORG.get_or_init(|| {
        let set: HashSet<&'static str> = ORG_WORDS.iter().copied().collect();
        let mut tails: Vec<u32> = ORG_WORDS.iter().filter_map(|w| tail4(w)).collect();
        tails.sort_unstable();
        tails.dedup();
        let mut tail_lens = vec![0u64; tails.len()];
        for w in ORG_WORDS.iter().filter(|w| w.len() < 64) {
            if let Some(i) = tail4(w).and_then(|t| tails.binary_search(&t).ok()) {
                tail_lens[i] |= 1 << w.len();
            }
        }
        let mut tail_bits = [0u64; 64];
        for &t in &tails {
            let (w, bit) = tail_bit(t);
            tail_bits[w] |= bit;
        }
        Org {
            set,
            tails,
            tail_lens,
            tail_bits,
        }
    })
}

/// Whether a lower-cased word ends in an organisation word of at least five bytes, after at
/// least three chars of its own ("Onderzoeksbureau", "Jongerenstichting").
pub(crate) fn is_org_compound(lw: &str) -> bool {
    let org = org();
    let Some(i) = tail4(lw).and_then(|t| org.tail_index(t)) else {
        return false;
    };
    // The suffixes start at the fourth char or later; only the lengths of the organisation
    // words with the word's last four bytes are looked up (all five bytes or more).
    let Some((min_k, _)) = lw.char_indices().nth(3) else {
        return false;
    };
    let mut lens = org.tail_lens[i] & !0x1f;
    while lens != 0 {
        let n = lens.trailing_zeros() as usize;
        lens &= lens - 1;
        let suffix = lw
            .len()
            .checked_sub(n)
            .filter(|&k| k >= min_k)
            .and_then(|k| lw.get(k..));
        if suffix.is_some_and(|x| org.set.contains(x)) {
            return true;
        }
    }
    false
}

/// The last four bytes of `w` as an integer (`None` if it is shorter).
fn tail4(w: &str) -> Option<u32> {
    let b = w.as_bytes();
    let t: [u8; 4] = b.get(b.len().checked_sub(4)?..)?.try_into().ok()?;
    Some(u32::from_le_bytes(t))
}

/// Whether an ASCII word, lower-cased, could pass [`is_org_compound`]: its last four bytes
/// end some organisation word. Read in place, so most words are answered without a
/// lower-cased copy.
pub(crate) fn ascii_may_be_org_compound(w: &[u8]) -> bool {
    let Some(t) = w.len().checked_sub(4).and_then(|k| w.get(k..)) else {
        return false;
    };
    let t = u32::from_le_bytes([
        t[0].to_ascii_lowercase(),
        t[1].to_ascii_lowercase(),
        t[2].to_ascii_lowercase(),
        t[3].to_ascii_lowercase(),
    ]);
    org().has_tail(t)
}

/// [`word_bits`] of `w` lower-cased; an ASCII word is probed in place ([`ascii_word_bits`]),
/// other text is lower-cased into `buf` first.
#[inline]
pub(crate) fn bits_any_case(w: &str, buf: &mut String) -> u16 {
    if w.is_ascii() {
        ascii_word_bits(w.as_bytes())
    } else {
        word_bits(lower(w, buf))
    }
}

/// Whether `w` lower-cased is one of `words` (lower-case ASCII): an ASCII word is compared
/// in place, ignoring case, which gives the same answer without the copy.
pub(crate) fn lower_is_one_of(w: &str, buf: &mut String, words: &[&str]) -> bool {
    if let Some(&first) = w.as_bytes().first().filter(|_| w.is_ascii()) {
        // The length and the first byte (`| 0x20`: both cases of a letter) rule out nearly
        // every entry before the comparison.
        words.iter().any(|x| {
            x.len() == w.len()
                && (x.as_bytes()[0] | 0x20) == (first | 0x20)
                && x.eq_ignore_ascii_case(w)
        })
    } else if w.is_empty() {
        words.contains(&"")
    } else {
        words.contains(&lower(w, buf))
    }
}

/// Whether a lower-cased word is in the lexicon(s) `bit`.
#[inline]
pub(crate) fn has(lw: &str, bit: u16) -> bool {
    word_bits(lw) & bit != 0
}

include!(concat!(env!("OUT_DIR"), "/title_filter.rs"));

/// The bit of a word in [`TITLE_FILTER`]: its length (up to 15) and the low five bits of its
/// first and last byte, lower-cased (`build.rs` has the same function).
#[inline]
fn title_key(w: &[u8]) -> usize {
    let (a, b) = (
        w[0].to_ascii_lowercase(),
        w[w.len() - 1].to_ascii_lowercase(),
    );
    (w.len().min(15) << 10) | (usize::from(a & 31) << 5) | usize::from(b & 31)
}

/// Whether an ASCII word (or word and dot) in any case may have a title class: `false` means
/// its lexicon bits hold none, known without probing the table (a cache miss, mostly). The
/// name rules ask this of the word before nearly every capitalised word.
#[inline]
pub(crate) fn ascii_may_be_title(w: &[u8]) -> bool {
    if w.is_empty() {
        return false;
    }
    let k = title_key(w);
    TITLE_FILTER[k >> 6] & (1 << (k & 63)) != 0
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
        // Char by char (not `str::to_lowercase`, whose final sigma depends on the context),
        // the ASCII ones without the Unicode tables: a word with one accent is mostly ASCII.
        for c in w.chars() {
            if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                buf.extend(c.to_lowercase());
            }
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

    /// `is_org_compound` looks up only the suffixes whose length an organisation word with
    /// the same last four bytes has: the same answers as trying every suffix.
    #[test]
    fn org_compound_tries_the_lengths_of_its_tail() {
        let every_suffix = |lw: &str| {
            lw.char_indices().skip(3).any(|(k, _)| {
                let n = lw.len() - k;
                (5..64).contains(&n) && org().set.contains(lw.get(k..).unwrap_or(""))
            })
        };
        let mut words: Vec<String> = ["jongerenstichting", "onderzoeksbureau", "stichting"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for w in ORG_WORDS {
            for head in ["", "a", "ab", "abc", "zorg", "éé", "ééé", "xéy"] {
                words.push(format!("{head}{w}"));
            }
            words.push(format!("abcd{}", w.get(1..).unwrap_or("")));
        }
        for w in &words {
            assert_eq!(is_org_compound(w), every_suffix(w), "{w}");
        }
    }

    /// The title filter passes every title of the lexicon, in any case (a title it ruled out
    /// would be missed by every rule that asks for one), and rules out common words.
    #[test]
    fn title_filter_passes_every_title() {
        let titles = include_str!("../data/titles.txt");
        let words = titles.lines().filter_map(|l| l.split('\t').next());
        for w in words.chain(["mevrouw", "drs.", "mw", "dhr."]) {
            let w = w.trim();
            if w.is_empty() || w.starts_with('#') || !w.is_ascii() {
                continue;
            }
            assert!(title_class(ascii_word_bits(w.as_bytes())).is_some(), "{w}");
            assert!(ascii_may_be_title(w.as_bytes()), "{w}");
            assert!(ascii_may_be_title(w.to_uppercase().as_bytes()), "{w}");
        }
        for w in ["en", "met", "gisteren"] {
            assert!(!ascii_may_be_title(w.as_bytes()), "{w}");
        }
    }

    /// `fxhash::fx` as first written, a byte at a time: the word-at-a-time version must give
    /// the same values (the layout `build.rs` wrote depends on them).
    fn fx_bytewise(bytes: &[u8], map: impl Fn(u8) -> u8) -> u64 {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h: u64 = bytes.len() as u64;
        for c in bytes.chunks(8) {
            let mut v = [0u8; 8];
            for (d, &b) in v.iter_mut().zip(c) {
                *d = map(b);
            }
            h = (h.rotate_left(5) ^ u64::from_le_bytes(v)).wrapping_mul(K);
        }
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ h >> 33
    }

    #[test]
    fn fx_agrees_with_a_byte_loop() {
        // Every byte value, at every position of words of every length up to 24.
        let all: Vec<u8> = (0..=255u8).chain(b"AZaz@[`{".iter().copied()).collect();
        for len in 0..=24 {
            for start in 0..all.len() {
                let w: Vec<u8> = all.iter().cycle().skip(start).take(len).copied().collect();
                assert_eq!(crate::fxhash::fx(&w), fx_bytewise(&w, |b| b));
                assert_eq!(
                    crate::fxhash::fx_ascii_lower(&w),
                    fx_bytewise(&w, |b| b.to_ascii_lowercase())
                );
            }
        }
    }

    #[test]
    fn gazetteer_knows_clubs_their_words_and_nothing_invented() {
        // A club's name of two words, and each of its words, from `data/org_names.txt`.
        assert_ne!(gazetteer_bits("rsc anderlecht") & G_ORG, 0);
        assert_ne!(gazetteer_bits("anderlecht") & (G_ORG | G_ORG_PART), 0);
        // An invented surname is no one's; the table is separate from the word table.
        assert_eq!(gazetteer_bits("zwartbergmolenaar") & G_FAMOUS, 0);
        assert_eq!(gazetteer_bits(""), 0);
        assert_eq!(word_bits("rsc anderlecht") & W_ORG, 0);
        let mut buf = String::new();
        for w in ["Anderlecht", "RSC Anderlecht", "Zwartbergmolenaar", "Ä"] {
            assert_eq!(
                gazetteer_bits_any_case(w, &mut buf),
                gazetteer_bits(&w.to_lowercase()),
                "{w}"
            );
        }
    }

    #[test]
    fn table_answers_every_lexicon() {
        // The Dutch word list is compiled in.
        const { assert!(meta::KEYS_N > 100_000) };
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
        for (a, b) in [
            ("", ""),
            ("Jansen", "jansen"),
            ("JANSEN", "jansem"),
            ("Rijksoverheid", "rijksoverheid"),
            ("Rijksoverheid", "rijksoverheie"),
            ("a@[`{z", "A@[`{Z"),
            ("ÉÉ", "éé"),
            ("abc", "abcd"),
        ] {
            assert_eq!(
                crate::fxhash::eq_ascii_lower(a.as_bytes(), b.as_bytes()),
                a.as_bytes().eq_ignore_ascii_case(b.as_bytes()),
                "{a} {b}"
            );
        }
    }
}
