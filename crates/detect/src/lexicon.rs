//! Lexicons, compiled once per process ([`OnceLock`]) from the files in `data/` (embedded at
//! build time) plus small built-in seeds, so the detector works even with empty files.
//! All keys are lower case; look-ups lower-case into a caller's buffer, never per call.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fast non-cryptographic hasher (FxHash) for the lexicons: keys are fixed, not
/// attacker-chosen at build time, and SipHash dominated the profile.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
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

// `surnames_full`, `tussenvoegsels` and `overlap` are loaded for rules not written yet
// (multi-word surnames, the full particle list, name/word conflicts).
#[allow(dead_code)]
pub(crate) struct Lexicons {
    pub first_names: HashSet<String>,
    pub surnames: HashSet<String>,
    /// Multi-word surnames ("da costa").
    pub surnames_full: HashSet<String>,
    pub tussenvoegsels: HashSet<String>,
    pub dutch_words: HashSet<String>,
    pub overlap: HashSet<String>,
    pub titles: HashMap<String, TitleClass>,
    pub places: HashSet<String>,
    pub org_words: HashSet<String>,
    /// Every lexicon key with the bit set of lexicons it is in (`W_*`): one look-up answers
    /// all the questions the name rules ask about a word.
    pub words: HashMap<Box<str>, u16>,
}

pub(crate) const W_FIRST: u16 = 1;
pub(crate) const W_SURNAME: u16 = 1 << 1;
pub(crate) const W_DUTCH: u16 = 1 << 2;
pub(crate) const W_NONNAME: u16 = 1 << 3;
pub(crate) const W_SALUTATION: u16 = 1 << 4;
pub(crate) const W_ACADEMIC: u16 = 1 << 5;
pub(crate) const W_ROLE: u16 = 1 << 6;
pub(crate) const W_ORG: u16 = 1 << 7;
pub(crate) const W_PLACE: u16 = 1 << 8;

const FIRST_NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/first_names.txt"));
const SURNAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/surnames.txt"));
const SURNAMES_FULL: &str = include_str!(concat!(env!("OUT_DIR"), "/surnames_full.txt"));
const TUSSENVOEGSELS: &str = include_str!(concat!(env!("OUT_DIR"), "/tussenvoegsels.txt"));
const DUTCH_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/dutch_words.txt"));
const OVERLAP: &str = include_str!(concat!(env!("OUT_DIR"), "/name_word_overlap.txt"));
const TITLES: &str = include_str!(concat!(env!("OUT_DIR"), "/titles.txt"));
const PLACES: &str = include_str!(concat!(env!("OUT_DIR"), "/places.txt"));
const ORG_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/org_words.txt"));

const SEED_FIRST: &str = "jan piet kees thijs sanne ingrid robert fatima nadia said youssef \
    mohammed ahmed rachid abdelkader nordin ilyas marloes marieke wouter sophie dewi hatice \
    erdoğan bekir fatma ayşe mehmet ali hassan karim mustafa emre sarah lisa anna eva";
const SEED_SURNAMES: &str = "jansen de vries bakker visser smit meijer mulder bos vos \
    dekker benali haddou kaya şahin çelik demir yilmaz nobel wiersma";
const SEED_TUSSEN: &str = "van de der den het 't 's ter ten te la le du da dos das di del \
    della von vom zu el al ben bin ibn abu abou ait ou oulad ould d' l' op in aan";
const SEED_TITLES: &str = "de heer\tsalutation\nheer\tsalutation\nmevrouw\tsalutation\n\
    mw.\tsalutation\nmw\tsalutation\nmevr.\tsalutation\ndhr.\tsalutation\ndhr\tsalutation\n\
    meneer\tsalutation\ndrs.\tacademic\ndrs\tacademic\ndr.\tacademic\nmr.\tacademic\n\
    prof.\tacademic\nir.\tacademic\ning.\tacademic\nimam\tacademic\nminister\trole\n\
    staatssecretaris\trole\nburgemeester\trole\nwethouder\trole\nvoorzitter\trole\n\
    secretaris\trole\npenningmeester\trole\n";
const SEED_ORG: &str = "stichting vereniging ministerie gemeente moskee bureau wet raad \
    commissie bank overheid provincie rijk nota dienst inspectie politie kerk school";

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

fn add_lines(set: &mut HashSet<String>, src: &str) {
    for l in src.lines() {
        let l = l.trim();
        if !l.is_empty() && !l.starts_with('#') {
            set.insert(l.to_lowercase());
        }
    }
}

fn add_words(set: &mut HashSet<String>, src: &str) {
    for w in src.split_whitespace() {
        set.insert(w.to_lowercase());
    }
}

fn build() -> Lexicons {
    let mut first_names = HashSet::default();
    add_lines(&mut first_names, FIRST_NAMES);
    add_words(&mut first_names, SEED_FIRST);
    let mut surnames = HashSet::default();
    add_lines(&mut surnames, SURNAMES);
    add_words(&mut surnames, SEED_SURNAMES);
    let mut surnames_full = HashSet::default();
    add_lines(&mut surnames_full, SURNAMES_FULL);
    let mut tussenvoegsels = HashSet::default();
    add_lines(&mut tussenvoegsels, TUSSENVOEGSELS);
    add_words(&mut tussenvoegsels, SEED_TUSSEN);
    let mut dutch_words = HashSet::with_capacity_and_hasher(300_000, Default::default());
    add_lines(&mut dutch_words, DUTCH_WORDS);
    let mut overlap = HashSet::default();
    add_lines(&mut overlap, OVERLAP);
    let mut titles = HashMap::default();
    for l in SEED_TITLES.lines().chain(TITLES.lines()) {
        let mut parts = l.split('\t');
        let (Some(w), Some(c)) = (parts.next(), parts.next()) else {
            continue;
        };
        let class = match c.trim() {
            "salutation" => TitleClass::Salutation,
            "academic" => TitleClass::Academic,
            _ => TitleClass::Role,
        };
        titles.insert(w.trim().to_lowercase(), class);
    }
    let mut places = HashSet::default();
    add_lines(&mut places, PLACES);
    for p in ["den haag", "'s-hertogenbosch", "den bosch", "den helder"] {
        places.insert(p.to_string());
    }
    let mut org_words = HashSet::default();
    add_lines(&mut org_words, ORG_WORDS);
    add_words(&mut org_words, SEED_ORG);
    let mut words: HashMap<Box<str>, u16> =
        HashMap::with_capacity_and_hasher(dutch_words.len() + 64 * 1024, Default::default());
    let mut mark = |set: &HashSet<String>, bit: u16| {
        for w in set {
            *words.entry(w.as_str().into()).or_insert(0) |= bit;
        }
    };
    mark(&first_names, W_FIRST);
    mark(&surnames, W_SURNAME);
    mark(&dutch_words, W_DUTCH);
    mark(&org_words, W_ORG);
    mark(&places, W_PLACE);
    for (w, c) in &titles {
        let bit = match c {
            TitleClass::Salutation => W_SALUTATION,
            TitleClass::Academic => W_ACADEMIC,
            TitleClass::Role => W_ROLE,
        };
        *words.entry(w.as_str().into()).or_insert(0) |= bit;
    }
    for w in crate::names::NON_NAME_CAPS {
        *words.entry((*w).into()).or_insert(0) |= W_NONNAME;
    }
    Lexicons {
        words,
        first_names,
        surnames,
        surnames_full,
        tussenvoegsels,
        dutch_words,
        overlap,
        titles,
        places,
        org_words,
    }
}

/// The process-wide lexicons, built on first use.
pub(crate) fn get() -> &'static Lexicons {
    static LEX: OnceLock<Lexicons> = OnceLock::new();
    LEX.get_or_init(build)
}

/// The `W_*` bits of a lower-cased word (0 when it is in no lexicon).
#[inline]
pub(crate) fn word_bits(lex: &Lexicons, lw: &str) -> u16 {
    lex.words.get(lw).copied().unwrap_or(0)
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
