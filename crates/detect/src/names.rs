//! Person names and places tied to a person.
//!
//! Candidate name chains (initials, capitalised words and tussenvoegsels, also across one line
//! break) are read off the token stream, stripped of leading titles and sentence words, and
//! accepted by evidence: lexicons (first name + surname), initials, a title or salutation
//! before, an e-mail header field, a verb of speech, the "Surname, Initials" layout. Names
//! accepted once are then propagated to every other mention in the same text, including the
//! surname alone.

mod layout;
pub(crate) mod model;

use crate::lexicon::{self, TitleClass};
use crate::token::{Class, Tok};
use crate::{Finding, Kind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum El {
    /// "J." — token index of the letter; the dot follows.
    Initial,
    /// Capitalised word.
    Cap,
    /// Tussenvoegsel ("van", "de", "El").
    Particle,
}

#[derive(Clone, Debug)]
pub(crate) struct Chain {
    /// (token index, element kind); for an initial the dot is token index + 1.
    els: Els,
}

/// At most [`MAX_ELS`] chain elements, inline: a chain starts at every capitalised word,
/// so a heap allocation per chain showed in profiles.
const MAX_ELS: usize = 8;

#[derive(Clone, Copy, Debug)]
struct Els {
    buf: [(usize, El); MAX_ELS],
    len: usize,
}

impl Els {
    fn new() -> Els {
        Els {
            buf: [(0, El::Cap); MAX_ELS],
            len: 0,
        }
    }
    /// Appends; the chain reader stops at `MAX_ELS`, so a push beyond it is dropped.
    fn push(&mut self, x: (usize, El)) {
        if self.len < MAX_ELS {
            self.buf[self.len] = x;
            self.len += 1;
        }
    }
    fn pop(&mut self) -> Option<(usize, El)> {
        self.len = self.len.checked_sub(1)?;
        Some(self.buf[self.len])
    }
}

impl std::ops::Deref for Els {
    type Target = [(usize, El)];
    fn deref(&self) -> &[(usize, El)] {
        &self.buf[..self.len]
    }
}

/// Tussenvoegsels allowed inside a name chain (a stricter list than the lexicon's, which
/// also holds prepositions like "in" and "op" that would glue names to the next word).
const PARTICLES: [&str; 33] = [
    "van", "de", "der", "den", "het", "'t", "'s", "ter", "ten", "te", "la", "le", "du", "da",
    "dos", "das", "di", "del", "della", "von", "vom", "zu", "el", "al", "ben", "bin", "ibn", "abu",
    "abou", "ait", "ou", "oulad", "ould",
];

/// Verbs and phrases after a surname that mark it as a person speaking or acting.
const SPEECH_AFTER: [&str; 28] = [
    "zegt",
    "zei",
    "stelt",
    "stelde",
    "meldt",
    "meldde",
    "vertelt",
    "vertelde",
    "verklaart",
    "verklaarde",
    "benadrukt",
    "licht",
    "vraagt",
    "vroeg",
    "wijst",
    "antwoordt",
    "schrijft",
    "schreef",
    "geeft",
    "gaf",
    "merkt",
    "reageert",
    "bevestigt",
    "ontkent",
    "noemt",
    "spreekt",
    "woont",
    "werkt",
];

/// A person finding of `rule` over the bytes `start..end`.
#[inline]
fn person(start: usize, end: usize, score: f32, rule: &'static str) -> Finding {
    Finding {
        start,
        end,
        kind: Kind::Person,
        score,
        rule,
    }
}

/// The words this module's rules key on (particles, verbs of speech, residence cues and
/// labels), for the fuzz targets' dictionary.
pub(crate) fn rule_words() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    for list in [
        &PARTICLES[..],
        &SPEECH_AFTER,
        &RESIDENCE_CUES,
        &RESIDENCE_LABELS,
    ] {
        v.extend_from_slice(list);
    }
    v
}

/// A word of at most eight bytes packed into an integer, ASCII-lower-cased: particles are
/// compared as integers, not strings.
const fn packed(w: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < w.len() {
        k = k << 8 | w[i].to_ascii_lowercase() as u64;
        i += 1;
    }
    k
}

/// [`PARTICLES`], [`packed`] (each is 2–5 bytes, so distinct words pack distinctly).
const PARTICLE_KEYS: [u64; PARTICLES.len()] = {
    let mut keys = [0u64; PARTICLES.len()];
    let mut i = 0;
    while i < PARTICLES.len() {
        keys[i] = packed(PARTICLES[i].as_bytes());
        i += 1;
    }
    keys
};

/// Whether `w` is two or three capitalised parts joined by hyphens, each a known given name.
fn double_given_name(w: &str, buf: &mut String) -> bool {
    let n = w.split('-').count();
    (2..=3).contains(&n)
        && w.split('-').all(|part| {
            part.chars().next().is_some_and(char::is_uppercase)
                && part.chars().count() >= 2
                && lexicon::word_bits(lexicon::lower(part, buf)) & lexicon::W_FIRST != 0
        })
}

/// `w` with the accents of Latin letters taken off ("Michaïl" → "Michail"), or `None` when a
/// character is neither ASCII nor such a letter.
fn fold_accents(w: &str) -> Option<String> {
    w.chars()
        .map(|c| {
            if c.is_ascii() {
                return Some(c);
            }
            let base = match c.to_lowercase().next()? {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
                'ç' | 'ć' | 'č' => 'c',
                'ď' | 'đ' => 'd',
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
                'ğ' => 'g',
                'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
                'ł' => 'l',
                'ñ' | 'ń' | 'ň' => 'n',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
                'ř' => 'r',
                'ś' | 'š' | 'ş' | 'ș' => 's',
                'ť' | 'ţ' | 'ț' => 't',
                'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
                'ý' | 'ÿ' => 'y',
                'ź' | 'ż' | 'ž' => 'z',
                _ => return None,
            };
            Some(base)
        })
        .collect()
}

/// Whether `w` is a nationality or regional word after a point of the compass ("Zuid-Franse",
/// "Noord-Ierse", "Oost-Duitser"): written before a name and never part of it, as the word
/// alone is (`data/demonyms.txt`).
fn directional_demonym(w: &str, buf: &mut String) -> bool {
    let Some((head, tail)) = w.split_once('-') else {
        return false;
    };
    ["noord", "zuid", "oost", "west", "midden", "centraal"]
        .iter()
        .any(|h| head.eq_ignore_ascii_case(h))
        && tail.chars().next().is_some_and(char::is_uppercase)
        && lexicon::word_bits(lexicon::lower(tail, buf)) & lexicon::W_NONNAME != 0
}

/// Whether chain element `s`, one word no lexicon knows right before the given name at `p`,
/// is a given name too, of a foreign name of three words or more: "Sid Ahmed Rezala", "Idi
/// Amin Dada", "Nicolay Bo Larsen". Not a word of letters that ends in an ordinary Dutch
/// word ("Economieminister", "Sportbestuurder": a role or firm the lexicon lacks), nor one
/// that is no word of letters alone ("VVD-fractie", "KPN"), nor after a capitalised word or
/// first in its sentence (a heading, a firm before its director), nor a place.
fn foreign_given_before_given(cx: &mut Ctx, ch: &Chain, s: usize, p: usize, e: usize) -> bool {
    let t = ch.els[s].0;
    let w = cx.w(t);
    if p >= e || w.len() < 2 || w.len() > 10 || !w.chars().all(char::is_alphabetic) {
        return false;
    }
    if cx.toks[t].all_caps || sentence_start(cx, t) || cx.is_place_toks(t, t) {
        return false;
    }
    if cx.toks[t - 1].class == Class::Word && cx.toks[t - 1].cap {
        return false;
    }
    model::dutch_tail(cx, t) == 0
}

/// Whether `w`, a word no lexicon knows, is a known given name of five letters or more
/// written with one vowel changed or one letter more ("Abdurahman" for "Abdirahman").
fn given_name_variant(w: &str) -> bool {
    let lw: Vec<char> = w.to_lowercase().chars().collect();
    if lw.len() < 6 || !lw.iter().all(|c| c.is_alphabetic()) {
        return false;
    }
    const VOWELS: [char; 6] = ['a', 'e', 'i', 'o', 'u', 'y'];
    let known = |v: &[char]| {
        let s: String = v.iter().collect();
        lexicon::word_bits(&s) & lexicon::W_FIRST != 0
    };
    let mut v = lw.clone();
    for i in 0..lw.len() {
        if VOWELS.contains(&lw[i]) {
            for &o in VOWELS.iter().filter(|&&o| o != lw[i]) {
                v[i] = o;
                if known(&v) {
                    return true;
                }
            }
            v[i] = lw[i];
        }
        let mut d = lw.clone();
        d.remove(i);
        if known(&d) {
            return true;
        }
    }
    false
}

/// Whether the chain at token `first` follows a head word of an organisation on the same
/// line, and is that organisation's name: "stichting Al Amal", "de Hindoestaanse vereniging
/// Shanti", "moskee Ulu Camii", "Stichting Yunus Emre".
fn org_name_after_head(cx: &Ctx, first: usize) -> bool {
    first > 0
        && cx.toks[first].nl_before == 0
        && cx.toks[first - 1].class == Class::Word
        && ORG_NAME_HEADS
            .iter()
            .any(|h| cx.w(first - 1).eq_ignore_ascii_case(h))
}

/// Head words of an organisation whose name follows them ("stichting Al Amal", "Moskee
/// Yunus Emre"): what follows is the organisation's name, also when it is a person's.
const ORG_NAME_HEADS: [&str; 12] = [
    "stichting",
    "vereniging",
    "moskee",
    "moskeevereniging",
    "kerk",
    "club",
    "partij",
    "bedrijf",
    "firma",
    "genootschap",
    "federatie",
    "platform",
];

/// The words the text names as an organisation somewhere, by a noun for a kind of company,
/// team or title right before them ("softwaremaker Baan", "tuincentrum Floralux", "Bank
/// Degroof", "weekblad India", "wielerploeg Kelme"), as sorted [`word_hash`]es: a word alone
/// elsewhere in the text is then no person either, whatever the model makes of that mention.
fn org_named_words(cx: &mut Ctx) -> Vec<u64> {
    // Not "groep" ("jongere uit groep Zerouali": a family's youngsters), "team" or "club".
    const HEADS: [&str; 29] = [
        "bank",
        "bedrijf",
        "bedrijven",
        "concern",
        "holding",
        "fabrikant",
        "producent",
        "softwaremaker",
        "chipmaker",
        "autobouwer",
        "centrum",
        "keten",
        "maatschappij",
        "uitgeverij",
        "krant",
        "blad",
        "zender",
        "omroep",
        "ploeg",
        "galerie",
        "firma",
        "brouwerij",
        "label",
        "sportclub",
        "leverancier",
        "operator",
        "vennootschap",
        "stichting",
        "vereniging",
    ];
    // For each last two letters, the letters that may come before them in a head's ending
    // (bit n: letter 'a' + n): three loads and a shift answer nearly every word.
    const HEAD_TAILS: [[u32; 26]; 26] = {
        let mut t = [[0u32; 26]; 26];
        let mut i = 0;
        while i < HEADS.len() {
            let b = HEADS[i].as_bytes();
            let (x, y, z) = (b[b.len() - 3], b[b.len() - 2], b[b.len() - 1]);
            t[(z - b'a') as usize][(y - b'a') as usize] |= 1 << (x - b'a');
            i += 1;
        }
        t
    };
    let mut out = Vec::new();
    let bytes = cx.text.as_bytes();
    for k in cx.caps.iter().map(|&k| k as usize) {
        let Some(h) = k.checked_sub(1) else {
            continue;
        };
        let (t, head) = (&cx.toks[k], &cx.toks[h]);
        if t.nl_before > 0
            || !cx.is_cap(k)
            || head.class != Class::Word
            || head.end() - head.start() < 4
        {
            continue;
        }
        // Word tokens start and end on char boundaries: the bytes are the word.
        let w = &bytes[head.start()..head.end()];
        // The last three letters first: nearly every word ends in none of the heads' endings.
        let l = |i: usize| w[w.len() - i].to_ascii_lowercase().wrapping_sub(b'a');
        let (x, y, z) = (l(3), l(2), l(1));
        if x >= 26 || y >= 26 || z >= 26 || HEAD_TAILS[z as usize][y as usize] >> x & 1 == 0 {
            continue;
        }
        let ends = |suf: &str| {
            w.len() >= suf.len() && w[w.len() - suf.len()..].eq_ignore_ascii_case(suf.as_bytes())
        };
        if HEADS.iter().any(|x| ends(x)) {
            out.push(word_hash(cx, k));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A Dutch function word (conjunction, adverb, preposition) that opens sentences and is a
/// given name elsewhere: "Dan", "Over", "Na", "Om".
fn is_function_word(w: &str) -> bool {
    const WORDS: [&str; 16] = [
        "al", "dan", "daar", "door", "dus", "maar", "na", "nu", "om", "over", "toen", "tot",
        "want", "wel", "wil", "zo",
    ];
    WORDS.iter().any(|f| f.eq_ignore_ascii_case(w))
}

/// Inlined up to the list: it runs on nearly every word after a capitalised one (some 270,000
/// calls on 3 MB of text), and most are answered by the length and the first byte.
#[inline(always)]
fn is_particle(w: &str) -> bool {
    // Every particle is 2–5 bytes and starts with a letter or an apostrophe: most words are
    // rejected on their length and first byte, before anything else is read.
    let b = w.as_bytes();
    if !(2..=5).contains(&b.len()) {
        return false;
    }
    match b[0] | 0x20 {
        b'\'' | b'a' | b'b' | b'd' | b'e' | b'h' | b'i' | b'l' | b'o' | b't' | b'v' | b'z' => {
            particle_key(b)
        }
        // "Van ’t Schip": the typographic apostrophe (three bytes, the first 0xE2) of "’t" and
        // "’s".
        0xE2 => matches!(w, "’t" | "’s"),
        _ => false,
    }
}

/// Whether a word of 2–5 bytes is in [`PARTICLES`]. Lower-casing leaves non-ASCII bytes alone
/// and no particle has one, so equal keys mean the same word up to ASCII case.
#[inline(never)]
fn particle_key(b: &[u8]) -> bool {
    PARTICLE_KEYS.contains(&packed(b))
}

#[inline(never)]
fn is_initial_word(w: &str) -> bool {
    let mut cs = w.chars();
    let one = cs.next();
    (cs.next().is_none() && one.is_some_and(char::is_uppercase))
        || matches!(
            w,
            "Th" | "Ch" | "Chr" | "Ph" | "Tj" | "Hj" | "IJ" | "Ij" | "Joh" | "Wm" | "Jac" | "Fr"
        )
}

pub(crate) struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Tok],
    buf: String,
    /// Per-token cached facts (bit sets below; each group has its own "done" bit).
    feat: Vec<u32>,
    /// Indices of the words with a capital first letter, in order: the rules that look for
    /// names and places visit only these, not every token ([`crate::token::Tokens::caps`]).
    caps: &'a [u32],
    /// (token, [`word_hash`]) of the ASCII words `is_cap` accepts, as [`warm_features`]
    /// hashed them for the lexicon (the model's document index reuses them).
    cap_hashes: Vec<(usize, u64)>,
    /// Per-token cache of [`word_hash`]; 0 is "not computed yet" (a word whose hash is 0 is
    /// just hashed again each time).
    word_hashes: Vec<u64>,
}

const F_FIRST: u32 = lexicon::W_FIRST as u32;
const F_SURNAME: u32 = lexicon::W_SURNAME as u32;
const F_DUTCH: u32 = lexicon::W_DUTCH as u32;
const F_NONNAME: u32 = lexicon::W_NONNAME as u32;
/// The lexicon bits of the token are filled in.
const F_DONE: u32 = 1 << 16;
/// The compound-organisation test ran; `O_ORG` holds its answer.
const O_DONE: u32 = 1 << 17;
const O_ORG: u32 = 1 << 18;

impl<'a> Ctx<'a> {
    #[inline(always)]
    fn w(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }
    /// Lower-cased token `i`, in the reused buffer (no allocation).
    fn lw_ref(&mut self, i: usize) -> &str {
        let w = self.toks[i].text(self.text);
        lexicon::lower(w, &mut self.buf)
    }
    #[inline(always)]
    fn is_initial(&self, i: usize) -> bool {
        let t = &self.toks[i];
        // Only a word is capitalised. The dot first: it rules out most capitalised words
        // without reading them.
        t.cap
            && self
                .toks
                .get(i + 1)
                .is_some_and(|d| !d.space_before && d.is_punct(self.text, b'.'))
            && is_initial_word(self.w(i))
    }
    /// A capitalised word of two or more bytes, not in capitals. Only a word is capitalised
    /// ([`Tok::cap`]), so its class is not asked (some million calls on 3 MB of text).
    #[inline(always)]
    fn is_cap(&self, i: usize) -> bool {
        let t = &self.toks[i];
        debug_assert!(!t.cap || t.class == Class::Word);
        t.cap && !t.all_caps && t.end() - t.start() >= 2
    }
    /// The title class of word `i`. A plain ASCII word not looked up yet that the title
    /// filter rules out has none, without a probe of the word table (most words before a
    /// capitalised word; its features are looked up when a rule needs them).
    /// Inlined (some 200,000 calls on 3 MB of text, most answered from the cached features
    /// or the filter).
    #[inline(always)]
    fn title_class(&mut self, i: usize) -> Option<TitleClass> {
        if self.feat[i] & F_DONE == 0 {
            let t = &self.toks[i];
            let w = t.text(self.text).as_bytes();
            if !t.wrapped && w.is_ascii() && !lexicon::ascii_may_be_title(w) {
                return None;
            }
        }
        lexicon::title_class(self.features(i) as u16)
    }
    /// The title class of word `i`, or of the lower-case head of a compound it ends in
    /// ("PS-minister", "NMKN-directeur", "Tour-baas").
    fn title_or_compound(&mut self, i: usize) -> Option<TitleClass> {
        if let Some(c) = self.title_class(i) {
            return Some(c);
        }
        let w = self.toks[i].text(self.text);
        let h = w.as_bytes().iter().rposition(|&c| c == b'-')?;
        let tail = w.get(h + 1..)?;
        if !tail.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        lexicon::title_class(lexicon::word_bits(lexicon::lower(tail, &mut self.buf)))
    }
    /// Lexicon features of token `i` (one look-up in the merged word table, once per token).
    /// Inlined: nearly every call finds them filled in ([`warm_features`]); the look-up is
    /// out of line.
    #[inline(always)]
    fn features(&mut self, i: usize) -> u32 {
        let f = self.feat[i];
        if f & F_DONE != 0 {
            return f;
        }
        self.look_up_features(i)
    }
    #[inline(never)]
    fn look_up_features(&mut self, i: usize) -> u32 {
        let f = self.feat[i];
        let t = self.toks[i];
        if t.wrapped {
            // "Jan-⏎nes": the word without the hyphen and line break of its layout.
            let mut buf = std::mem::take(&mut self.buf);
            let mut low = String::new();
            let w = t.joined(self.text, &mut buf);
            let bits = lexicon::bits_any_case(w, &mut low);
            self.buf = buf;
            let f = f | F_DONE | u32::from(bits);
            self.feat[i] = f;
            return f;
        }
        let w = t.text(self.text);
        let mut bits = if w.is_ascii() {
            lexicon::ascii_word_bits(w.as_bytes())
        } else {
            lexicon::word_bits(lexicon::lower(w, &mut self.buf))
        };
        // A name written with accents the name lists lack ("Michaïl", "Amália"): the lists'
        // given name or surname without them.
        if !w.is_ascii() && bits & (lexicon::W_FIRST | lexicon::W_SURNAME) == 0 {
            if let Some(folded) = fold_accents(w) {
                bits |= lexicon::ascii_word_bits(folded.as_bytes())
                    & (lexicon::W_FIRST | lexicon::W_SURNAME);
            }
        }
        let mut f = f | F_DONE | u32::from(bits);
        // A double given name the lexicon lacks is one when both halves are given names:
        // "Jan-Willem", "Marie-Louise" (not "Hennis-Plasschaert").
        if f & F_FIRST == 0 && w.contains('-') {
            if double_given_name(w, &mut self.buf) {
                f |= F_FIRST;
            } else if f & F_NONNAME == 0 && directional_demonym(w, &mut self.buf) {
                f |= F_NONNAME;
            }
        }
        self.feat[i] = f;
        f
    }
    /// Whether a word is an ordinary Dutch word that is not also a known name.
    #[inline(always)]
    fn common_word(&mut self, i: usize) -> bool {
        let f = self.features(i);
        f & F_NONNAME != 0 || (f & F_DUTCH != 0 && f & (F_SURNAME | F_FIRST) == 0)
    }
    /// Inlined where the answer is cached or in the lexicon bits; the compound test is out
    /// of line.
    #[inline(always)]
    fn is_org(&mut self, i: usize) -> bool {
        let f = self.features(i);
        if f & u32::from(lexicon::W_ORG) != 0 {
            return true;
        }
        if f & O_DONE != 0 {
            return f & O_ORG != 0;
        }
        self.org_compound(i, f)
    }
    #[inline(never)]
    fn org_compound(&mut self, i: usize, f: u32) -> bool {
        let w = self.toks[i].text(self.text);
        // Compounds ending in an organisation word: "Onderzoeksbureau", "Jongerenstichting".
        // Most ASCII words fail the tail test in place, before a lower-cased copy.
        let org = if w.is_ascii() && !lexicon::ascii_may_be_org_compound(w.as_bytes()) {
            false
        } else {
            lexicon::is_org_compound(lexicon::lower(w, &mut self.buf))
        };
        self.feat[i] = f | O_DONE | if org { O_ORG } else { 0 };
        org
    }
    /// Whether tokens `a..=b` (their whole span) are a known place; one token uses its
    /// cached features (inlined: most calls are for one token whose features are cached).
    #[inline(always)]
    fn is_place_toks(&mut self, a: usize, b: usize) -> bool {
        if a == b {
            return self.features(a) & u32::from(lexicon::W_PLACE) != 0;
        }
        let (s, e) = (self.toks[a].start(), self.toks[b].end());
        self.is_place(s, e)
    }
    fn is_place(&mut self, s: usize, e: usize) -> bool {
        lexicon::bits_any_case(crate::sub(self.text, s, e), &mut self.buf) & lexicon::W_PLACE != 0
    }
    /// The title before token `i` (skipping its dot): returns (class, start offset of title).
    fn title_before(&mut self, i: usize) -> Option<(TitleClass, usize)> {
        if i == 0 {
            return None;
        }
        let mut j = i - 1;
        if self.toks[j].is_punct(self.text, b'.') && !self.toks[j].space_before && j > 0 {
            j -= 1;
            let w = self.toks[j].text(self.text);
            // "drs." as a key: an ASCII word and its dot (adjacent in the text) are probed in
            // place; this runs at every sentence start.
            let bits = if w.is_ascii() {
                let key = &self.text.as_bytes()[self.toks[j].start()..self.toks[j + 1].end()];
                if !lexicon::ascii_may_be_title(key) {
                    return None;
                }
                lexicon::ascii_word_bits(key)
            } else {
                lexicon::lower(w, &mut self.buf);
                self.buf.push('.');
                lexicon::word_bits(&self.buf)
            };
            // A title word and a full stop that are not an abbreviation end a sentence: "een
            // Pruisische graaf. Dan volgt".
            return lexicon::title_class(bits).map(|c| (c, self.toks[j].start()));
        }
        if self.toks[j].class != Class::Word || self.toks[i].nl_before > 1 {
            return None;
        }
        // A title at the end of the line before is one only as a line of its own ("De
        // burgemeester" above a name), not the last word of a heading ("Café des Arts").
        if self.toks[i].nl_before == 1 && j > 0 && self.toks[j].nl_before == 0 {
            let k = j - 1;
            let article = matches!(self.w(k), "De" | "de" | "Het" | "het" | "Onze" | "onze");
            if !(article && (k == 0 || self.toks[k].nl_before > 0)) {
                return None;
            }
        }
        if self.postcode_letters(j) {
            return None;
        }
        let c = self.title_or_compound(j)?;
        Some((c, self.toks[j].start()))
    }
    /// Whether word `j` is the two letters of a Dutch postcode ("6165 MW Delft": "MW" is no
    /// "mw." before a name, and the town after it is no surname).
    fn postcode_letters(&self, j: usize) -> bool {
        let t = &self.toks[j];
        let w = t.text(self.text).as_bytes();
        j > 0
            && w.len() == 2
            && w.iter().all(u8::is_ascii_uppercase)
            && self.toks[j - 1].class == Class::Number
            && self.toks[j - 1].text(self.text).len() == 4
            && self.toks[j - 1].end() < t.start()
    }
    /// Whether word `i` and the full stop glued to it are a title's abbreviation ("Ing." in
    /// "mr. Ing. J.D. Frieling").
    fn dotted_title(&mut self, i: usize) -> bool {
        let Some(dot) = self.toks.get(i + 1) else {
            return false;
        };
        if !dot.is_punct(self.text, b'.') || dot.space_before {
            return false;
        }
        let w = self.toks[i].text(self.text);
        let bits = if w.is_ascii() {
            let key = &self.text.as_bytes()[self.toks[i].start()..dot.end()];
            if !lexicon::ascii_may_be_title(key) {
                return false;
            }
            lexicon::ascii_word_bits(key)
        } else {
            lexicon::lower(w, &mut self.buf);
            self.buf.push('.');
            lexicon::word_bits(&self.buf)
        };
        lexicon::title_class(bits).is_some()
    }
}

/// A chain not accepted as a name, kept for propagation: (token indices of) its first word,
/// the start of its surname core and its last word; its end offset; whether it is one word.
struct Pending {
    first_tok: usize,
    core_tok: usize,
    last_tok: usize,
    end: usize,
    single: bool,
}

/// An open chain the model scored: its tokens and offsets, score, strongest feature group.
struct ModelCand {
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    score: f32,
    group: model::Group,
}

/// Sorts offsets (or tuples of them) that come in a few runs already in text order, as the
/// findings of the name rules do. The stable sort finds and merges those runs in about one
/// pass, where `sort_unstable` sorts the whole again unless it is sorted already (on 3 MB of
/// generated text it spent 13 M instructions on one such list). For these keys, equal
/// elements are identical, so the order is the one `sort_unstable` gives.
fn sort_runs<T: Ord>(v: &mut [T]) {
    v.sort();
}

/// A position in a sorted list of offsets that is asked about ever larger offsets, as a pass
/// in text order asks: it moves forward instead of searching the whole list each time.
#[derive(Default)]
struct Cursor(usize);

impl Cursor {
    /// Whether the sorted `list` holds `x`; `x` is no smaller than at the call before.
    fn holds(&mut self, list: &[usize], x: usize) -> bool {
        while list.get(self.0).is_some_and(|&y| y < x) {
            self.0 += 1;
        }
        list.get(self.0) == Some(&x)
    }
}

/// `toks.partition_point(pred)` (`pred` true on a prefix of the tokens), looked for first in
/// the tokens from `hint` on: the name findings come mostly in text order, so the answer is
/// usually a little after the previous one. Galloping: steps of 1, 2, 4, ... from `hint`
/// bracket the answer, which a binary search inside the bracket finds; an answer `d` tokens
/// on costs some 2·log2(d) tests. (A window of eight tokens and else a binary search over all
/// the tokens after `hint` cost 16 M instructions on 3 MB of text in `name_lists`, where
/// names stand some 25 tokens apart.)
fn partition_near(toks: &[Tok], hint: usize, pred: impl Fn(&Tok) -> bool) -> usize {
    let hint = hint.min(toks.len());
    if hint > 0 && !pred(&toks[hint - 1]) {
        return toks[..hint].partition_point(pred);
    }
    // The answer is `hint` or after it: every token before `lo` satisfies `pred`.
    let mut lo = hint;
    let mut step = 1;
    loop {
        let probe = lo + step;
        if probe > toks.len() {
            return lo + toks[lo..].partition_point(pred);
        }
        if !pred(&toks[probe - 1]) {
            return lo + toks[lo..probe - 1].partition_point(pred);
        }
        lo = probe;
        step *= 2;
    }
}

/// A found person name (token range) for propagation.
pub(crate) struct Accepted {
    pub(crate) first: usize,
    pub(crate) last: usize,
    /// The given name when it comes after the surname ("Jansen, Lotte").
    given: Option<usize>,
}

/// Detects persons and places. `ids` are the identifier findings (names never overlap e-mail).
/// `model`: the weights of the learned model that decides the chains the rules leave open
/// ([`model`]), `None` for the rules alone;
/// `learn`: collect those chains with their model features (for training, never at run time).
pub(crate) fn detect(
    text: &str,
    toks: &[Tok],
    caps: &[u32],
    ids: &[Finding],
    model: Option<model::Weights<'_>>,
    mut learn: Option<&mut Vec<crate::NameCandidate>>,
) -> Vec<Finding> {
    let mut cx = Ctx {
        text,
        toks,
        buf: String::new(),
        feat: vec![0; toks.len()],
        caps,
        cap_hashes: Vec::new(),
        word_hashes: vec![0; toks.len()],
    };
    warm_features(&mut cx);
    // Room for what the chains below yield, from the count of capitalised words (on generated
    // text: a chain per two of them, a name or a pending chain per four, an open chain per
    // ten), so that these vectors are not grown and copied a dozen times each. Room never
    // written costs address space, not memory.
    let room = caps.len() / 4 + 16;
    let mut out = Vec::with_capacity(room);
    let mut accepted: Vec<Accepted> = Vec::with_capacity(room);
    // Chains not accepted, reduced to what propagation needs (chains that trim to nothing
    // cannot be propagated to either).
    let mut pending: Vec<Pending> = Vec::with_capacity(room);
    // Chains the rules left open that the model may decide, in text order (element range).
    let mut open: Vec<(Chain, usize, usize)> = Vec::with_capacity(room / 2);
    // Chains a weak rule accepted, for the model to confirm: element range, index in `out`
    // (and in `accepted`), which rule.
    let mut checks: Vec<(Chain, usize, usize, usize, u64)> = Vec::new();
    // The open chains the model scored, in text order.
    let mut model_cands: Vec<ModelCand> = Vec::new();
    chains(&mut cx, |cx, ch| {
        let Some((s, e)) = trimmed(cx, ch) else {
            return;
        };
        match classify(cx, ch, s, e) {
            Some(h) => {
                out.push(person(h.start, h.end, h.score, h.rule));
                let given = (h.rule == "name.surname_firstname")
                    .then(|| toks.partition_point(|t| t.end() < h.end))
                    .filter(|&g| g < toks.len());
                accepted.push(Accepted {
                    first: h.first_tok,
                    last: h.last_tok,
                    given,
                });
                // The weakest rules are confirmed by the model ([`model::Weights::vetoes`]).
                let weak = match h.rule {
                    "name.first_last" => 1,
                    "name.pair" => 2,
                    _ => 0,
                };
                // Only where the surname is no known one ("Morgan Stanley", "Luna Papa"):
                // scoring every first name and surname cost 6 % of the detector's time.
                if weak > 0
                    && cx.features(h.last_tok) & F_SURNAME == 0
                    && (model.is_some_and(|m| m.active()) || learn.is_some())
                {
                    checks.push((ch.clone(), s, e, out.len() - 1, weak));
                }
            }
            None => {
                if (model.is_some_and(|m| m.active()) || learn.is_some())
                    && model_decides(cx, ch, s, e)
                {
                    open.push((ch.clone(), s, e));
                }
                // The core: particles directly before the last word, plus it.
                let mut k = e;
                while k > s && ch.els[k - 1].1 == El::Particle {
                    k -= 1;
                }
                pending.push(Pending {
                    first_tok: ch.els[s].0,
                    core_tok: ch.els[k].0,
                    last_tok: ch.els[e].0,
                    end: el_end(toks, ch, e),
                    single: s == e,
                });
            }
        }
    });
    // The model scores the open chains, now that the rules have seen the whole text (its
    // features include what the text says elsewhere of the same words).
    if !open.is_empty() || !checks.is_empty() {
        let lasts: Vec<usize> = open
            .iter()
            .map(|(ch, _, e)| ch.els[*e].0)
            .chain(checks.iter().map(|(ch, _, e, _, _)| ch.els[*e].0))
            .collect();
        let doc = model::DocWords::new(&mut cx, &accepted, &lasts);
        model_cands.reserve(open.len());
        for (ch, s, e) in &open {
            let (s, e) = (*s, *e);
            let feats = model_features(&mut cx, &doc, ch, s, e, 0);
            let (start, end) = (toks[ch.els[s].0].start(), el_end(toks, ch, e));
            if let Some(learn) = learn.as_deref_mut() {
                let key = model::MentionKey {
                    last: word_hash(&mut cx, ch.els[e].0),
                    first: word_hash(&mut cx, ch.els[s].0),
                    single: s == e,
                };
                learn.push(crate::NameCandidate {
                    start,
                    end,
                    features: feats.idx[..feats.n].to_vec(),
                    checked: false,
                    key,
                });
            }
            if let Some(m) = model {
                let (score, group) = m.score(&feats);
                model_cands.push(ModelCand {
                    first: ch.els[s].0,
                    last: ch.els[e].0,
                    start,
                    end,
                    score,
                    group,
                });
            }
        }
        // The second stage: each open chain's score moves by what the first-stage scores of
        // its other mentions in the text say ("Rubens Barrichello" ... "Barrichello" ...
        // "Barrichello"), as learned on text the first stage had not seen.
        if let Some(m) = model.filter(|_| model_cands.len() > 1) {
            let keys: Vec<model::MentionKey> = model_cands
                .iter()
                .map(|c| model::MentionKey {
                    last: word_hash(&mut cx, c.last),
                    first: word_hash(&mut cx, c.first),
                    single: c.first == c.last,
                })
                .collect();
            let scores: Vec<f32> = model_cands.iter().map(|c| c.score).collect();
            for (c, o) in model_cands
                .iter_mut()
                .zip(model::other_scores(&keys, &scores))
            {
                c.score += m.doc_score(c.first == c.last, &o);
            }
        }
        // A name a weak rule found that the model is sure is none is dropped ("Roland
        // Garros" elsewhere "het Roland Garros", "Morgan Stanley" of "zakenbank Morgan
        // Stanley"), and not propagated.
        let mut vetoed = Vec::new();
        for (ch, s, e, k, weak) in &checks {
            let feats = model_features(&mut cx, &doc, ch, *s, *e, *weak);
            if let Some(learn) = learn.as_deref_mut() {
                learn.push(crate::NameCandidate {
                    start: out[*k].start,
                    end: out[*k].end,
                    features: feats.idx[..feats.n].to_vec(),
                    checked: true,
                    key: model::MentionKey {
                        last: word_hash(&mut cx, ch.els[*e].0),
                        first: word_hash(&mut cx, ch.els[*s].0),
                        single: s == e,
                    },
                });
            }
            if let Some(m) = model {
                if m.vetoes(m.score(&feats).0) {
                    vetoed.push(*k);
                }
            }
        }
        if !vetoed.is_empty() {
            // `out` and `accepted` were pushed together until now: the same indices.
            let mut i = 0;
            out.retain(|_| {
                i += 1;
                vetoed.binary_search(&(i - 1)).is_err()
            });
            let mut i = 0;
            accepted.retain(|_| {
                i += 1;
                vetoed.binary_search(&(i - 1)).is_err()
            });
        }
    }
    // The model's decisions. A name it finds is not propagated, unless it is sure of a name
    // of several words (below): each mention is its own decision, whose features already hold the document's other mentions (propagating them
    // spread one wrong decision through an article: cross-validated on ned.train, P 0.845
    // R 0.892 with propagation, P 0.866 R 0.879 without). (Judging all mentions of a word
    // together, by their mean score, was tried: on a development fifth of ned.train it traded
    // 0.08 recall for 0.04 precision.)
    let mut taken: Vec<usize> = Vec::new(); // last tokens of the chains the model accepted
    let mut model_found: Vec<Pending> = Vec::new();
    // Names of several words the model is sure of (a score `SURE_MARGIN` above its
    // threshold): their surname propagates to its bare mentions below, as a name the rules
    // found does ("Christo Javacheff" ... "Javacheff"). Cross-validated on ned.train: margin
    // 0 gives P 0.914 R 0.874, 1.0 P 0.917 R 0.871, 1.5 P 0.920 R 0.870, never P 0.920 R 0.867
    // (one doubtful name, "Zuid-Franse Millau", spread through its article at a low margin).
    const SURE_MARGIN: f32 = 1.5;
    let mut sure: Vec<(usize, usize)> = Vec::new();
    // Computed when first needed: most texts have no single word for the model or
    // propagation to take.
    let mut org_named: Option<Vec<u64>> = None;
    for c in &model_cands {
        let single = c.first == c.last;
        if single
            && model.is_some_and(|m| m.decides(c.score, true))
            && org_named
                .get_or_insert_with(|| org_named_words(&mut cx))
                .binary_search(&word_hash(&mut cx, c.first))
                .is_ok()
        {
            continue;
        }
        if model.is_some_and(|m| m.decides(c.score, single)) && !org_name_after_head(&cx, c.first) {
            if !single && model.is_some_and(|m| m.decides(c.score - SURE_MARGIN, false)) {
                sure.push((c.first, c.last));
            }
            out.push(person(
                c.start,
                c.end,
                model.map_or(0.5, |m| m.confidence(c.score, single)),
                c.group.rule(),
            ));
            taken.push(c.last);
            model_found.push(Pending {
                first_tok: c.first,
                core_tok: c.last,
                last_tok: c.last,
                end: c.end,
                single: c.first == c.last,
            });
        }
    }
    if !taken.is_empty() {
        taken.sort_unstable();
        // `pending` is in text order too (the chains do not overlap): one merged walk.
        debug_assert!(pending.windows(2).all(|w| w[0].last_tok < w[1].last_tok));
        let mut at = Cursor::default();
        pending.retain(|p| !at.holds(&taken, p.last_tok));
    }
    let name_ends: Vec<usize> = accepted.iter().map(|a| a.given.unwrap_or(a.last)).collect();
    for t in nicknames(&cx, &name_ends) {
        out.push(nickname(toks, t));
        accepted.push(Accepted {
            first: t,
            last: t,
            given: None,
        });
    }
    // Document-level propagation: surnames (with their particles) and distinctive first names.
    // Each key is kept as the hash of its lower-cased text ([`span_hash`]): no copy per key,
    // and a pending chain is tested with hashes of its words in place. Two different names
    // with the same 64-bit hash would propagate one to the other; that costs at most one
    // redaction too many, with a chance of about 2^-64 per pair of names in a text.
    // Hash sets, not sorted lists: a text of 3 MB holds some 27,000 names, and sorting their
    // keys cost more than all the look-ups in them.
    let mut cores: lexicon::HashSet<u64> = lexicon::HashSet::default();
    let mut lasts: lexicon::HashSet<u64> = lexicon::HashSet::default();
    let mut firsts: lexicon::HashSet<u64> = lexicon::HashSet::default();
    // The last word of every key above: a chain whose last word is not in here matches none
    // (most chains are rejected on this one look-up).
    let mut tails: lexicon::HashSet<u64> = lexicon::HashSet::default();
    // The surnames of the names the model is sure of: the last word and its particles, not
    // the given name (one wrong decision should not make every "David" a person).
    for &(first, last) in &sure {
        // Nor a street's name that is no known surname: a name the model took with the street
        // of the address under it ("De heer Kipkoech⏎Vondellaan") must not make every
        // "Vondellaan" a person ("Hoogendijk" and "Verlaan" are surnames too).
        let street = crate::ident::is_street_word(cx.w(last)) && cx.features(last) & F_SURNAME == 0;
        if !cx.common_word(last) && !cx.is_place_toks(last, last) && !cx.is_org(last) && !street {
            let mut k = last;
            while k > first && is_particle(cx.w(k - 1)) {
                k -= 1;
            }
            cores.insert(span_hash(&mut cx, k, last));
            let h = word_hash(&mut cx, last);
            tails.insert(h);
            lasts.insert(h);
        }
        // Its given name alone, as a one-word chain ("Thoraya Sacoor D'Haese" ... "Thoraya"),
        // where that word is no surname, ordinary or never-a-name word.
        if cx.is_cap(first)
            && !cx.is_initial(first)
            && cx.features(first) & (F_SURNAME | F_DUTCH | F_NONNAME) == 0
            && !cx.is_place_toks(first, first)
            && !cx.is_org(first)
        {
            let h = word_hash(&mut cx, first);
            firsts.insert(h);
            tails.insert(h);
        }
    }
    for a in &accepted {
        // A name whose first word is an ordinary word that is a given name too, first in its
        // sentence, before a word no lexicon calls a surname, may be no name at all ("Over
        // Floralux", "Na Df"): it is not carried to the other mentions.
        if a.first < a.last && cx.is_cap(a.first) && sentence_start(&cx, a.first) && {
            let (f, l) = (cx.features(a.first), cx.features(a.last));
            f & F_DUTCH != 0 && f & F_FIRST != 0 && l & F_SURNAME == 0
        } {
            continue;
        }
        // Core = particles directly before the last word, plus it.
        let mut k = a.last;
        while k > a.first && is_particle(cx.w(k - 1)) {
            k -= 1;
        }
        cores.insert(span_hash(&mut cx, k, a.last));
        let last = word_hash(&mut cx, a.last);
        tails.insert(last);
        // The last word alone propagates only when it is no ordinary, place or organisation
        // word ("Tineke van 't Hof" must not make "het Hof" a person; "van 't Hof" still is).
        if !cx.common_word(a.last) && !cx.is_place_toks(a.last, a.last) && !cx.is_org(a.last) {
            lasts.insert(last);
        }
        // `features` holds the bits of the lower-cased word, as `lexicon::has` would.
        if let Some(g) = a.given {
            if cx.features(g) & F_NONNAME == 0 {
                let h = word_hash(&mut cx, g);
                firsts.insert(h);
                tails.insert(h);
            }
        }
        if a.first < a.last && cx.is_cap(a.first) && !cx.is_initial(a.first) {
            let bits = cx.features(a.first);
            if bits & F_FIRST != 0 && bits & F_NONNAME == 0 {
                let h = word_hash(&mut cx, a.first);
                firsts.insert(h);
                tails.insert(h);
            }
        }
    }
    let has = |set: &lexicon::HashSet<u64>, h: u64| set.contains(&h);
    // `tails` as a 4096-bit filter on the top bits of the hash: a chain whose bit is clear
    // (nearly all of them) is passed over on one test, without a look-up in the set.
    let mut tail_bits = [0u64; 64];
    let bit = |h: u64| (h >> 52) as usize;
    for &h in &tails {
        tail_bits[bit(h) >> 6] |= 1 << (bit(h) & 63);
    }
    // The last words of the names found by propagation, for their nicknames below.
    let mut propagated_ends = Vec::new();
    if !cores.is_empty() {
        for p in &pending {
            let last = word_hash(&mut cx, p.last_tok);
            if tail_bits[bit(last) >> 6] & 1 << (bit(last) & 63) == 0 || !has(&tails, last) {
                continue;
            }
            // The last word is the key in `lasts` and `firsts`, and the whole core when the
            // core is that one word.
            let hit = has(&lasts, last)
                || (p.single && has(&firsts, last))
                || if p.core_tok == p.last_tok {
                    has(&cores, last)
                } else {
                    has(&cores, span_hash(&mut cx, p.core_tok, p.last_tok))
                };
            // Not a word alone that the text names as an organisation ("de gebroeders Jan en
            // Paul Baan" ... "softwaremaker Baan" ... "het aandeel Baan").
            if hit
                && p.single
                && org_named
                    .get_or_insert_with(|| org_named_words(&mut cx))
                    .binary_search(&last)
                    .is_ok()
            {
                continue;
            }
            if hit {
                out.push(propagated(toks, p));
                propagated_ends.push(p.last_tok);
            }
        }
        // A speaker's label in an interview or the minutes of a meeting ('De Grauwe: "Ik
        // volg u."') is never a chain (a word before a colon is read as a field label), but
        // it is the name when the text names that person in full elsewhere.
        for &k in cx.caps {
            let k = k as usize;
            let colon = toks
                .get(k + 1)
                .is_some_and(|c| c.is_punct(cx.text, b':') && !c.space_before);
            if !colon || !cx.is_cap(k) || cx.is_initial(k) || is_particle(cx.w(k)) {
                continue;
            }
            let last = word_hash(&mut cx, k);
            if tail_bits[bit(last) >> 6] & 1 << (bit(last) & 63) == 0 || !has(&tails, last) {
                continue;
            }
            let mut k0 = k;
            while k0 > 0
                && toks[k0].nl_before == 0
                && toks[k0 - 1].class == Class::Word
                && is_particle(cx.w(k0 - 1))
            {
                k0 -= 1;
            }
            let hit = if k0 == k {
                has(&lasts, last) || has(&cores, last)
            } else {
                has(&cores, span_hash(&mut cx, k0, k))
            };
            if hit {
                out.push(person(
                    toks[k0].start(),
                    toks[k].end(),
                    0.8,
                    "name.propagated",
                ));
            }
        }
    }
    // A nickname given after a name found only by propagation ('Raditya, thuis "Radi"
    // genoemd' when "Raditya Kromodimedjo" came earlier) is propagated on its own: to the
    // one-word chains that are that word.
    for t in nicknames(&cx, &propagated_ends) {
        out.push(nickname(toks, t));
        let h = word_hash(&mut cx, t);
        let len = toks[t].end() - toks[t].start();
        let same_len = |p: &Pending| toks[p.last_tok].end() - toks[p.last_tok].start() == len;
        for p in pending
            .iter()
            .filter(|p| p.single && p.first_tok != t && same_len(p))
        {
            if word_hash(&mut cx, p.last_tok) == h {
                out.push(propagated(toks, p));
            }
        }
    }
    coordinated_first_names(&mut cx, &pending, &mut out);
    coordinated_names(&mut cx, &pending, &mut out, &mut org_named);
    aged_names(&mut cx, &pending, &mut out);
    listed_names(&mut cx, &pending, &mut out);
    name_lists(&mut cx, &pending, &mut out);
    upper_names(&mut cx, &mut out);
    given_name_initial(&mut cx, &mut out);
    byline_initials(&mut cx, &mut out);
    upper_after_head(&mut cx, &mut out);
    let dots = InitialDots::scan(text);
    slashed_motion_names(&mut cx, &dots, &mut out);
    commission_named_after(&mut cx, &mut out);
    initials_missing_dot(&mut cx, &dots, &mut out);
    particle_surname_tail(&mut cx, &mut out);
    initials_item_in_list(&mut cx, &dots, &mut out);
    place_surname_comma_initials(&mut cx, &dots, &mut out);
    // A name the model found may still lack its particles and initials ("C.D. v.d. Heuvel"):
    // the longer finding replaces it in `resolve`.
    short_form_names(&mut cx, &pending, &mut out);
    short_form_names(&mut cx, &model_found, &mut out);
    layout::layouts(&mut cx, &mut out);
    initials_signatures(&cx, &accepted, &mut out);
    regnal_numbers(&mut cx, &mut out);
    // Most texts have neither: the test alone, before any finding is moved.
    // The lengths and bytes the two tests need first, inline: nearly every finding fails them.
    let b = text.as_bytes();
    if out.iter().any(|f| {
        (f.end - f.start == 6 && provincial_board(&cx, f))
            || (b.get(f.start + 1) == Some(&b' ') && letter_heading(&mut cx, f))
            || (b[f.start] | 0x20 == b'v' && route_between_places(&mut cx, f))
    }) {
        out.retain(|f| {
            !provincial_board(&cx, f)
                && !letter_heading(&mut cx, f)
                && !route_between_places(&mut cx, f)
        });
    }
    out.sort_by_key(|f| f.start);
    let persons = out.clone();
    places(&mut cx, &persons, ids, &mut out);
    out
}

/// Whether the model decides a chain the rules left open: not an ordinary word alone, a known
/// place, an organisation word at the end, a word that is never a name. The same test serves
/// training and detection.
fn model_decides(cx: &mut Ctx, ch: &Chain, s: usize, e: usize) -> bool {
    let (first, last) = (ch.els[s].0, ch.els[e].0);
    if ch.els[e].1 != El::Cap {
        return false;
    }
    if s == e && (cx.common_word(last) || cx.dotted_title(last)) || compound_tail(cx.w(last)) {
        return false;
    }
    for &(k, kind) in &ch.els[s..=e] {
        if kind == El::Cap && cx.features(k) & F_NONNAME != 0 {
            return false;
        }
    }
    if office_or_firm(cx, last) || org_word_inside(cx, ch, s, e) {
        return false;
    }
    !(cx.is_org(last) || cx.is_place_toks(first, last))
}

/// Whether a capitalised word strictly inside the chain's elements `s..=e` is an organisation
/// word or ends in one ("Contactlog Stichting Jongerencentrum Ennasr", "Contactlog Moskee
/// Mevlana", a log's heading): a person's name has none between its first and last word, and
/// the model, which reads the first and the last word, does not see it there.
fn org_word_inside(cx: &mut Ctx, ch: &Chain, s: usize, e: usize) -> bool {
    e > s + 1
        && ch.els[s + 1..e]
            .iter()
            .any(|&(k, kind)| kind == El::Cap && cx.is_org(k))
}

/// The model's features of a chain [`model_decides`] let through (`rule` 0), or of one a weak
/// rule accepted (`rule` 1: first name and surname, 2: an unknown given name and a surname).
fn model_features(
    cx: &mut Ctx,
    doc: &model::DocWords,
    ch: &Chain,
    s: usize,
    e: usize,
    rule: u64,
) -> model::Feats {
    let (first, last) = (ch.els[s].0, ch.els[e].0);
    let has_initial = ch.els[s..=e].iter().any(|x| x.1 == El::Initial);
    let has_particle = ch.els[s..=e].iter().any(|x| x.1 == El::Particle);
    model::features(
        cx,
        doc,
        first,
        last,
        (e - s + 1, has_initial, has_particle),
        rule,
    )
}

/// A name followed by an age in parentheses, as news and reports write a person ("Rezala
/// (21) heeft", "Sid Ahmed Rezala (21)", "Jones (30), die"): an open chain right before "("
/// and a number of 12 to 105 and ")" on the same line is a name, unless its last word is an
/// ordinary, place, organisation or never-a-name word.
fn aged_names(cx: &mut Ctx, pending: &[Pending], out: &mut Vec<Finding>) {
    let (toks, text) = (cx.toks, cx.text);
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for p in pending {
        let k = p.last_tok;
        let age = toks
            .get(k + 1)
            .is_some_and(|t| t.nl_before == 0 && t.is_punct(text, b'('))
            && toks.get(k + 2).is_some_and(|t| {
                t.class == Class::Number
                    && !t.space_before
                    && t.end() - t.start() == 2
                    && bytes[t.start()] != b'0'
            })
            && toks
                .get(k + 3)
                .is_some_and(|t| !t.space_before && t.is_punct(text, b')'));
        if !age {
            continue;
        }
        let n = &bytes[toks[k + 2].start()..toks[k + 2].end()];
        let years = u32::from(n[0] - b'0') * 10 + u32::from(n[1] - b'0');
        if !(12..=105).contains(&years) || !cx.is_cap(k) {
            continue;
        }
        if cx.features(k) & F_NONNAME != 0
            || cx.common_word(k)
            || cx.is_place_toks(k, k)
            || cx.is_org(k)
            || is_function_word(cx.w(k))
        {
            continue;
        }
        found.push((toks[p.first_tok].start(), p.end));
    }
    for (s, e) in found {
        if out.iter().any(|f| f.start < e && s < f.end) {
            continue;
        }
        out.push(person(s, e, 0.8, "name.age"));
    }
}

/// A word alone in an enumeration of names found ("Rosato, Picchi en Facchetti", "Kroto,
/// Smalley en Cure", "Mike en Kim"): joined by a comma or "en" to a name found on the
/// same line, it is a name too, unless it is an ordinary, place, organisation or never-a-name
/// word. Repeated while it finds more, so a whole list is read from one name in it.
fn coordinated_names(
    cx: &mut Ctx,
    pending: &[Pending],
    out: &mut Vec<Finding>,
    org_named: &mut Option<Vec<u64>>,
) {
    const COORDINATED_SCORE: f32 = 0.75;
    let (toks, text) = (cx.toks, cx.text);
    let bytes = text.as_bytes();
    let en = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.end() - t.start() == 2 && &bytes[t.start()..t.end()] == b"en" && t.nl_before == 0
        })
    };
    let comma = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.nl_before == 0 && t.is_punct(text, b','))
    };
    let cap_at = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.nl_before == 0 && t.class == Class::Word && t.cap)
    };
    // A comma joins only in an enumeration that goes on to "en" and a capitalised
    // word ("Kroto, Smalley en Cure"), not before an apposition ("Gabès, Djerba.").
    let enumeration_after = |mut k: usize| {
        for _ in 0..12 {
            if en(k) {
                return cap_at(k + 1);
            }
            if !(comma(k) && cap_at(k + 1)) {
                return false;
            }
            k += 2;
        }
        false
    };
    let joiner = |k: usize| en(k) || (comma(k) && enumeration_after(k));
    let mut candidates: Vec<usize> = Vec::new();
    for p in pending {
        let t = p.first_tok;
        if p.single
            && t == p.last_tok
            && cx.is_cap(t)
            && ((t >= 2 && joiner(t - 1)) || joiner(t + 1))
            && toks
                .get(t + 1)
                .is_none_or(|n| n.nl_before == 0 || joiner(t + 1))
        {
            let f = cx.features(t);
            let w = cx.w(t);
            // Not a street before its number ("Jezusstraat 28"), a possessive ("Fiji's",
            // "Habrés advocaat") or a compound ("Lampre-Daikin").
            if f & F_NONNAME == 0
                && !w.contains(['-', '\'', '’'])
                && !w.ends_with('s')
                && !crate::ident::is_street_word(w)
                && toks.get(t + 1).is_none_or(|n| n.class != Class::Number)
                && !cx.common_word(t)
                && !cx.is_place_toks(t, t)
                && !cx.is_org(t)
                && !is_function_word(w)
            {
                candidates.push(t);
            }
        }
    }
    if candidates.is_empty() {
        return;
    }
    // Named as an organisation elsewhere ("Bank Degroof en Morgan Stanley").
    let org_named = org_named.get_or_insert_with(|| org_named_words(cx));
    candidates.retain(|&t| org_named.binary_search(&word_hash(cx, t)).is_err());
    // Only the names at the candidates and at their neighbours matter: their offsets are
    // collected first, so one pass over the names (without sorting them) finds those.
    let mut want_starts: Vec<usize> = Vec::with_capacity(candidates.len() * 2);
    let mut want_ends: Vec<usize> = Vec::with_capacity(candidates.len());
    for &t in &candidates {
        want_starts.push(toks[t].start());
        if let Some(n) = toks.get(t + 2) {
            want_starts.push(n.start());
        }
        if t >= 2 {
            want_ends.push(toks[t - 2].end());
        }
    }
    want_starts.sort_unstable();
    want_ends.sort_unstable();
    // The list is read from names found with some confidence only: one doubtful name (a
    // team, a band) must not make its whole list persons.
    let (mut named, mut starts, mut ends) = (Vec::new(), Vec::new(), Vec::new());
    for f in out.iter() {
        if want_starts.binary_search(&f.start).is_ok() {
            named.push(f.start);
            if f.score >= COORDINATED_SCORE {
                starts.push(f.start);
            }
        }
        if f.score >= COORDINATED_SCORE && want_ends.binary_search(&f.end).is_ok() {
            ends.push(f.end);
        }
    }
    named.sort_unstable();
    starts.sort_unstable();
    ends.sort_unstable();
    // Already a name (found by propagation or a rule after the chains were read).
    candidates.retain(|&t| named.binary_search(&toks[t].start()).is_err());
    if candidates.is_empty() {
        return;
    }
    // "Emir en ik", "tussen Hilde en mij": a word joined to a personal pronoun is a person.
    let pronoun = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.nl_before == 0
                && t.class == Class::Word
                && matches!(t.text(text), "ik" | "mij" | "jij" | "hij" | "zij" | "wij")
        })
    };
    // Two known given names joined by "en", neither an ordinary word ("Mike en Kim").
    let given = |cx: &mut Ctx, k: usize| cx.features(k) & F_FIRST != 0;
    let mut seeds = Vec::new();
    for (i, &t) in candidates.iter().enumerate() {
        let pair = en(t + 1)
            && candidates.get(i + 1) == Some(&(t + 2))
            && given(cx, t)
            && given(cx, t + 2);
        if (t >= 2 && en(t - 1) && pronoun(t - 2)) || (en(t + 1) && pronoun(t + 2)) || pair {
            seeds.push(t);
            if pair {
                seeds.push(t + 2);
            }
        }
    }
    seeds.dedup();
    for &t in &seeds {
        let (s, e) = (toks[t].start(), toks[t].end());
        out.push(person(s, e, COORDINATED_SCORE, "name.coordinated"));
        starts.insert(starts.partition_point(|&x| x < s), s);
        ends.insert(ends.partition_point(|&x| x < e), e);
    }
    candidates.retain(|t| !seeds.contains(t));
    for _ in 0..8 {
        let mut found = Vec::new();
        candidates.retain(|&t| {
            let before = t >= 2
                && joiner(t - 1)
                && toks[t - 1].nl_before == 0
                && ends.binary_search(&toks[t - 2].end()).is_ok();
            let after = joiner(t + 1)
                && toks
                    .get(t + 2)
                    .is_some_and(|n| n.nl_before == 0 && starts.binary_search(&n.start()).is_ok());
            if before || after {
                found.push(t);
                false
            } else {
                true
            }
        });
        if found.is_empty() {
            break;
        }
        for t in found {
            let (s, e) = (toks[t].start(), toks[t].end());
            out.push(person(s, e, COORDINATED_SCORE, "name.coordinated"));
            let (i, j) = (
                starts.partition_point(|&x| x < s),
                ends.partition_point(|&x| x < e),
            );
            starts.insert(i, s);
            ends.insert(j, e);
        }
    }
}

/// A known first name alone, joined by "en" to a name found: "Sanne en Karim beginnen",
/// "met Karim en Sanne de Wit". Only a first name that is no ordinary word, and only right
/// next to the other name.
fn coordinated_first_names(cx: &mut Ctx, pending: &[Pending], out: &mut Vec<Finding>) {
    let (toks, text) = (cx.toks, cx.text);
    let en = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.end() - t.start() == 2 && t.nl_before == 0 && t.text(text) == "en")
    };
    // One-word chains of a first name next to an "en" first: few in any text.
    let mut candidates: Vec<usize> = Vec::new();
    for p in pending {
        let t = p.first_tok;
        // "en" beside it first (few chains have one), then the cached lexicon bits.
        if p.single
            && t == p.last_tok
            && ((t >= 2 && en(t - 1)) || en(t + 1))
            && cx.features(t) & F_FIRST != 0
        {
            candidates.push(t);
        }
    }
    if candidates.is_empty() {
        return;
    }
    // Up to some dozens of candidates, a scan of the names per candidate costs less than
    // sorting their offsets.
    let sorted = |key: fn(&Finding) -> usize| {
        let mut v: Vec<usize> = out.iter().map(key).collect();
        v.sort_unstable();
        v
    };
    let (starts, ends) = if candidates.len() > 48 {
        (sorted(|f| f.start), sorted(|f| f.end))
    } else {
        (Vec::new(), Vec::new())
    };
    let name_ends_at = |x: usize| {
        if ends.is_empty() {
            out.iter().any(|f| f.end == x)
        } else {
            ends.binary_search(&x).is_ok()
        }
    };
    let name_starts_at = |x: usize| {
        if starts.is_empty() {
            out.iter().any(|f| f.start == x)
        } else {
            starts.binary_search(&x).is_ok()
        }
    };
    let mut found = Vec::new();
    for t in candidates {
        let before = t >= 2 && en(t - 1) && name_ends_at(toks[t - 2].end());
        let after = en(t + 1)
            && toks
                .get(t + 2)
                .is_some_and(|n| n.nl_before == 0 && name_starts_at(n.start()));
        if !(before || after) || !cx.is_cap(t) {
            continue;
        }
        let f = cx.features(t);
        if f & F_FIRST != 0 && f & F_NONNAME == 0 && !cx.common_word(t) {
            found.push(person(
                toks[t].start(),
                toks[t].end(),
                0.7,
                "name.first_coordinated",
            ));
        }
    }
    out.extend(found);
}

fn nickname(toks: &[Tok], t: usize) -> Finding {
    person(toks[t].start(), toks[t].end(), 0.8, "name.nickname")
}

fn propagated(toks: &[Tok], p: &Pending) -> Finding {
    person(toks[p.first_tok].start(), p.end, 0.8, "name.propagated")
}

/// The name a found person is called by, given right after the name: 'Raditya, thuis "Radi"
/// genoemd', 'Mohammed (roepnaam Mo)', 'Johanna, roepnaam Anneke'. Token indices of the
/// names; they are persons too, and propagate like a name found.
/// `name_ends`: the last token of each name found.
fn nicknames(cx: &Ctx, name_ends: &[usize]) -> Vec<usize> {
    let (toks, text) = (cx.toks, cx.text);
    let word = |k: usize, w: &str| {
        toks.get(k)
            .is_some_and(|t| t.class == Class::Word && t.text(text).eq_ignore_ascii_case(w))
    };
    let quote = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.class == Class::Punct && matches!(t.text(text), "\"" | "“" | "”"))
    };
    let mut out = Vec::new();
    for &end in name_ends {
        let mut k = end + 1;
        // Most names are followed by neither a comma nor a parenthesis nor a lower-case word:
        // answered on the next token's class and case.
        match toks.get(k) {
            Some(t) if t.is_punct(text, b',') || t.is_punct(text, b'(') => k += 1,
            Some(t) if t.class == Class::Word && !t.cap => {}
            _ => continue,
        }
        if word(k, "roepnaam") && toks.get(k + 1).is_some_and(|t| t.nl_before == 0) {
            // "roepnaam Mo", "roepnaam: Mo"
            let n = if toks[k + 1].is_punct(text, b':') {
                k + 2
            } else {
                k + 1
            };
            if n < toks.len() && cx.is_cap(n) && toks[n].nl_before == 0 {
                out.push(n);
            }
            continue;
        }
        // Up to three lower-case words ("thuis", "door vrienden"), then "X" genoemd.
        let mut q = k;
        while q < k + 3
            && toks
                .get(q)
                .is_some_and(|t| t.class == Class::Word && !t.cap)
        {
            q += 1;
        }
        if quote(q)
            && q + 3 < toks.len()
            && cx.is_cap(q + 1)
            && quote(q + 2)
            && word(q + 3, "genoemd")
        {
            out.push(q + 1);
        }
    }
    out
}

/// The initials a person found in this text signs with: "E.J. Mol" → `EJM`, "Bas van der
/// Meulen" → `BvdM` (particles lower case), as ASCII bytes. Only for a name with a given name
/// or initials before the surname; `None` for anything else ("Van Dalen", "Nobel, J.N.J.").
fn initials_of(cx: &Ctx, a: &Accepted) -> Option<([u8; 5], usize)> {
    let mut out = [0u8; 5];
    let mut n = 0;
    let mut given = false;
    for k in a.first..=a.last {
        let t = &cx.toks[k];
        if t.class != Class::Word {
            if !t.is_punct(cx.text, b'.') {
                return None; // a comma or hyphen: another order than given names first
            }
            continue;
        }
        let w = cx.w(k);
        let c = *w.as_bytes().first()?;
        if !c.is_ascii_alphabetic() || n == out.len() {
            return None;
        }
        if k < a.last && is_particle(w) {
            if !given {
                return None; // "Van Dalen": no given name, no initials
            }
            out[n] = c.to_ascii_lowercase();
        } else if k < a.last || given {
            out[n] = c.to_ascii_uppercase();
            given = true;
        } else {
            return None;
        }
        n += 1;
    }
    (n >= 2).then_some((out, n))
}

/// Initials that stand alone as a signature of a person named in the same text: "(EJM)" in a
/// log, "BvdM" under a mail. Only the exact initials of a found name count (see
/// [`initials_of`]), and only alone on a line or in parentheses; not inside a postcode, an
/// IBAN or a label ("3900 BC", "MA50 ...", "Paraaf CIO:").
#[inline(never)]
fn initials_signatures(cx: &Ctx, accepted: &[Accepted], out: &mut Vec<Finding>) {
    let bytes = cx.text.as_bytes();
    // Candidates first (two capitals or more, in a signature's place): most texts have none,
    // and then no name's initials are worked out at all.
    let candidates: Vec<usize> = cx
        .caps
        .iter()
        .map(|&k| k as usize)
        .filter(|&k| {
            let t = &cx.toks[k];
            let w = &bytes[t.start()..t.end()];
            // Two bytes decide for nearly every word: "EJM", "HP", "BvdM" have a capital
            // second or last; "Jan", "Het" have neither.
            if !(2..=5).contains(&w.len())
                || !(w[1].is_ascii_uppercase() || w[w.len() - 1].is_ascii_uppercase())
                || t.class != Class::Word
                || w.iter().filter(|c| c.is_ascii_uppercase()).count() < 2
            {
                return false;
            }
            // After a word or a number on its line it is neither alone there nor in
            // parentheses: known without searching the line for its ends.
            if k > 0
                && t.nl_before == 0
                && matches!(cx.toks[k - 1].class, Class::Word | Class::Number)
            {
                return false;
            }
            let line_start = memchr::memrchr(b'\n', &bytes[..t.start()]).map_or(0, |p| p + 1);
            let line_end =
                memchr::memchr(b'\n', &bytes[t.end()..]).map_or(bytes.len(), |p| t.end() + p);
            let (before, after) = (&bytes[line_start..t.start()], &bytes[t.end()..line_end]);
            let alone = before.iter().all(|c| b" \t-(".contains(c))
                && after.iter().all(|c| b" \t).".contains(c));
            let parenthesised = before.trim_ascii_end().ends_with(b"(")
                && after.trim_ascii_start().starts_with(b")");
            alone || parenthesised
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    // Only names whose first letter some candidate starts with ("(AVG)" and "(BSN)" are
    // candidates in many texts; the names are many).
    let firsts: Vec<u8> = candidates
        .iter()
        .map(|&k| bytes[cx.toks[k].start()])
        .collect();
    let sigs: Vec<([u8; 5], usize)> = accepted
        .iter()
        .filter(|a| firsts.contains(&bytes[cx.toks[a.first].start()].to_ascii_uppercase()))
        .filter_map(|a| initials_of(cx, a))
        .collect();
    for k in candidates {
        let t = &cx.toks[k];
        let w = &bytes[t.start()..t.end()];
        if sigs.iter().any(|(s, n)| &s[..*n] == w) {
            out.push(person(t.start(), t.end(), 0.7, "name.initials_signature"));
        }
    }
}

/// Fills in the lexicon features of the capitalised words up front, prefetching the table
/// slot a few words ahead: nearly every one is looked up by the chain rules anyway, and
/// doing them in a row lets their cache misses overlap (the features are the same as a
/// lazy [`Ctx::features`] would give; non-ASCII words are left to it).
fn warm_features(cx: &mut Ctx) {
    const AHEAD: usize = 8;
    let toks = cx.toks;
    let text = cx.text.as_bytes();
    // Only the ASCII words `Ctx::is_cap` accepts: the ones the chain rules look up.
    let word = |i: usize| {
        let t = &toks[i];
        let w = &text[t.start()..t.end()];
        (t.end() - t.start() >= 2 && !t.all_caps && !t.wrapped && w.is_ascii()).then_some(w)
    };
    let mut hashes: Vec<(usize, u64)> = Vec::with_capacity(cx.caps.len());
    for i in cx.caps.iter().map(|&i| i as usize) {
        if let Some(w) = word(i) {
            hashes.push((i, lexicon::ascii_word_hash(w)));
        }
    }
    for (&(_, h), _) in hashes.iter().zip(0..AHEAD) {
        lexicon::prefetch_word(h);
    }
    for k in 0..hashes.len() {
        if let Some(&(_, h)) = hashes.get(k + AHEAD) {
            lexicon::prefetch_word(h);
        }
        let (i, h) = hashes[k];
        if cx.feat[i] & F_DONE == 0 {
            let t = &toks[i];
            let w = &text[t.start()..t.end()];
            let bits = lexicon::ascii_word_bits_hashed(w, h);
            cx.feat[i] |= F_DONE | u32::from(bits);
            if bits & lexicon::W_FIRST == 0 && w.contains(&b'-') {
                // See `Ctx::look_up_features`.
                let w = std::str::from_utf8(w).unwrap_or("");
                if double_given_name(w, &mut cx.buf) {
                    cx.feat[i] |= F_FIRST;
                } else if bits & lexicon::W_NONNAME == 0 && directional_demonym(w, &mut cx.buf) {
                    cx.feat[i] |= F_NONNAME;
                }
            }
        }
    }
    // The same hash as `word_hash` (`lexicon::ascii_word_hash` is `fx_ascii_lower`).
    for &(i, h) in &hashes {
        cx.word_hashes[i] = h;
    }
    cx.cap_hashes = hashes;
}

/// The hash of lower-cased token `i` ([`span_hash`] of the token alone).
/// Cached per token: the propagation and the model's document index hash the same words
/// again and again.
fn word_hash(cx: &mut Ctx, i: usize) -> u64 {
    let h = cx.word_hashes[i];
    if h != 0 {
        return h;
    }
    let h = span_hash(cx, i, i);
    cx.word_hashes[i] = h;
    h
}

/// The hash of the text of tokens `a..=b` lower-cased (`fxhash::fx` of [`lexicon::lower`]
/// of it), computed in place for ASCII text.
fn span_hash(cx: &mut Ctx, a: usize, b: usize) -> u64 {
    let span = crate::sub(cx.text, cx.toks[a].start(), cx.toks[b].end());
    if span.is_ascii() {
        crate::fxhash::fx_ascii_lower(span.as_bytes())
    } else {
        crate::fxhash::fx(lexicon::lower(span, &mut cx.buf).as_bytes())
    }
}

fn el_end(toks: &[Tok], ch: &Chain, e: usize) -> usize {
    let (ti, kind) = ch.els[e];
    if kind == El::Initial {
        toks[ti + 1].end()
    } else {
        toks[ti].end()
    }
}

/// Header and form labels ("Aan:", "Naam:") are never part of a name.
/// Inlined: it runs at the start of every chain and after each of its words, and nearly
/// every word has no colon after it; the look-up is out of line.
#[inline(always)]
fn is_label(cx: &Ctx, j: usize, buf: &mut String) -> bool {
    let Some(c) = cx.toks.get(j + 1) else {
        return false;
    };
    if !c.is_punct(cx.text, b':') || c.space_before {
        return false;
    }
    label_word(cx, j, buf)
}

/// [`is_label`] for a word with a colon glued to it.
#[inline(never)]
fn label_word(cx: &Ctx, j: usize, buf: &mut String) -> bool {
    let bits = lexicon::bits_any_case(cx.w(j), buf);
    (bits & lexicon::W_DUTCH != 0 && bits & lexicon::W_SURNAME == 0) || field_label(cx, j, buf)
}

/// Whether word `j` is the name of a header or form field ("Van", "Onderwerp", "Tel").
fn field_label(cx: &Ctx, j: usize, buf: &mut String) -> bool {
    lexicon::lower_is_one_of(
        cx.w(j),
        buf,
        &[
            "van",
            "aan",
            "cc",
            "bcc",
            "to",
            "from",
            "subject",
            "date",
            "datum",
            "naam",
            "onderwerp",
            "verzonden",
            "bijlage",
            "betreft",
            "kenmerk",
            "tel",
            "telefoon",
        ],
    )
}

/// Whether token `first` is glued to a hyphen glued to "motie" or "amendement" (the tokenizer
/// cuts "motie-Van" in three), or to "fractie" or "groep", a group in parliament named after its
/// member ("Fractie-Otten", "de groep-Wilders").
fn motion_before(cx: &Ctx, first: usize) -> bool {
    first >= 2
        && !cx.toks[first].space_before
        && !cx.toks[first - 1].space_before
        && cx.toks[first - 1].is_punct(cx.text, b'-')
        && cx.toks[first - 2].class == Class::Word
        && [
            "motie",
            "amendement",
            "moties",
            "amendementen",
            "fractie",
            "groep",
        ]
        .iter()
        .any(|m| cx.w(first - 2).eq_ignore_ascii_case(m))
}

/// Where the member's name starts in a capitalised word naming a group in parliament after
/// its member ("Fractie-Nanninga", "Groep-Wilders"): the byte after the hyphen, when a
/// capital follows it.
fn group_named_after(cx: &Ctx, t: usize) -> Option<usize> {
    let w = cx.w(t);
    let (head, rest) = w.split_once('-')?;
    let group = head.eq_ignore_ascii_case("fractie") || head.eq_ignore_ascii_case("groep");
    (group && rest.chars().next().is_some_and(char::is_uppercase))
        .then(|| cx.toks[t].start() + head.len() + 1)
}

/// Words before a list of names whose every member is a person: "de leden Kuiper en Bos",
/// "Kamerleden Eijsink en Recourt", "de heren Bolhuis en Brink".
const LIST_HEADS: [&str; 9] = [
    "leden",
    "kamerleden",
    "statenleden",
    "raadsleden",
    "heren",
    "dames",
    "ministers",
    "staatssecretarissen",
    "wethouders",
];

/// The open chains in a list of names after a plural role or a motion ("de leden Snels en
/// Sneller", "de motie-Van Raak/Beckerman", "Kamerleden Eijsink en Recourt"): a chain after
/// "en", "," or "/" that follows a name found, when the list begins at such a head.
fn listed_names(cx: &mut Ctx, pending: &[Pending], out: &mut Vec<Finding>) {
    let (toks, text) = (cx.toks, cx.text);
    let sep = |k: usize| {
        toks[k].is_punct(text, b',')
            || toks[k].is_punct(text, b'/')
            || (toks[k].end() - toks[k].start() == 2 && toks[k].text(text) == "en")
    };
    // `out` is a few runs in text order (one per rule that added names): the stable sort
    // merges runs, where `sort_unstable` sorted the whole again ([`sort_runs`]).
    let mut ends: Vec<usize> = out.iter().map(|f| f.end).collect();
    sort_runs(&mut ends);
    let mut starts: Vec<usize> = out.iter().map(|f| f.start).collect();
    sort_runs(&mut starts);
    let mut found = Vec::new();
    for p in pending {
        let k = p.first_tok;
        if k < 2
            || toks[k].nl_before > 0
            || !sep(k - 1)
            || ends.binary_search(&toks[k - 2].end()).is_err()
        {
            continue;
        }
        if cx.is_org(p.last_tok) {
            continue;
        }
        let common = cx.common_word(p.last_tok);
        // Walk back over the names and separators of the list to its head.
        let mut j = k - 2;
        let mut steps = 0;
        let head = loop {
            if steps > 40 || j == 0 || toks[j].nl_before > 0 {
                break None;
            }
            steps += 1;
            let t = &toks[j];
            // A capitalised head ("Kamerleden Eijsink en Recourt") ends the walk too.
            if t.class == Class::Word && LIST_HEADS.iter().any(|w| cx.w(j).eq_ignore_ascii_case(w))
            {
                break Some(j);
            }
            let in_name = starts.binary_search(&t.start()).is_ok()
                || ends.binary_search(&t.end()).is_ok()
                || (t.class == Class::Word && t.cap)
                || is_particle(cx.w(j))
                || t.is_punct(text, b'.');
            if in_name || sep(j) {
                j -= 1;
                continue;
            }
            break Some(j);
        };
        let Some(mut h) = head else { continue };
        // "Vóór stemmen de leden: Brinkel, Hofstee": a colon may close the head.
        if h > 0 && toks[h].is_punct(text, b':') {
            h -= 1;
        }
        // After a plural role the members are no ordinary words, unless the list goes on past
        // one with another capitalised member ("de leden Brinkel, Hofstee, Ten Hoopen": a common
        // noun is not capitalised inside a sentence); after a motion they may be ("de
        // motie-Van der Molen/Van Raak").
        let n = p.last_tok + 1;
        let list_goes_on = n + 1 < toks.len()
            && sep(n)
            && toks[n + 1].class == Class::Word
            && toks[n + 1].cap
            && toks[n + 1].nl_before == 0;
        let head_ok = toks[h].class == Class::Word
            && (!common || cx.is_initial(k) || list_goes_on)
            && LIST_HEADS.iter().any(|w| cx.w(h).eq_ignore_ascii_case(w))
            || motion_before(cx, h + 1);
        if head_ok {
            found.push(person(toks[k].start(), p.end, 0.8, "name.listed"));
            // The list goes on from this member: "de leden Brinkel, Hofstee en Jagerman",
            // where "Hofstee" is found here, in this pass, and "Jagerman" follows it.
            ends.insert(ends.partition_point(|&e| e < p.end), p.end);
            let start = toks[k].start();
            starts.insert(starts.partition_point(|&s| s < start), start);
        }
    }
    out.extend(found);
}

/// The open chains in an enumeration that is mostly names: "Van Aalst, Agema, ..., Van Ark,
/// Asscher, ..., Bruins, Buitenweg, ..." in a list of members present. An item of a list of
/// five or more chains separated by "," or "en" on one line, of which at least half are names
/// found (or a quarter, of ten or more), is a name too (also a town: "Ellemeet") when it is no
/// organisation or word that is never a name.
fn name_lists(cx: &mut Ctx, pending: &[Pending], out: &mut Vec<Finding>) {
    let (toks, text) = (cx.toks, cx.text);
    let sep = |k: usize| {
        toks[k].nl_before == 0
            && (toks[k].is_punct(text, b',')
                || (toks[k].end() - toks[k].start() == 2 && toks[k].text(text) == "en"))
    };
    // Candidates first: open chains with a separator on either side (few in most texts).
    let candidates: Vec<&Pending> = pending
        .iter()
        .filter(|p| {
            (p.first_tok > 0 && sep(p.first_tok - 1))
                || (p.last_tok + 1 < toks.len() && sep(p.last_tok + 1))
        })
        .collect();
    if candidates.len() < 2 {
        return;
    }
    // Every item by its first and its last token: (token, other end, found).
    let mut by_first: Vec<(usize, usize, bool)> = Vec::new();
    let mut a = 0;
    for f in out.iter().filter(|f| f.kind == Kind::Person) {
        a = partition_near(toks, a, |t| t.start() < f.start);
        // The last token is at or after the first: a few tokens on from it.
        let b = partition_near(toks, a, |t| t.end() < f.end);
        if a < toks.len() && b < toks.len() {
            by_first.push((a, b, true));
        }
    }
    // An open chain ending in a known surname that is no ordinary word counts as a name too
    // ("Bisschop" beside "Becker" in a list of members).
    for p in &candidates {
        let f = cx.features(p.last_tok);
        let surname =
            f & F_SURNAME != 0 && f & (F_DUTCH | F_NONNAME) == 0 && !cx.is_org(p.last_tok);
        by_first.push((p.first_tok, p.last_tok, surname));
    }
    sort_runs(&mut by_first);
    by_first.dedup_by_key(|x| x.0);
    let mut by_last: Vec<(usize, usize, bool)> =
        by_first.iter().map(|&(a, b, f)| (b, a, f)).collect();
    sort_runs(&mut by_last);
    by_last.dedup_by_key(|x| x.0);
    let find = |v: &[(usize, usize, bool)], k: usize| {
        v.binary_search_by_key(&k, |x| x.0).ok().map(|i| v[i])
    };
    let mut found = Vec::new();
    for p in candidates {
        // The chain itself is not counted: `names` counts the other items.
        // A word that is never a name elsewhere is one in a long list of members when it is a
        // surname too ("Elzinga, Engels, Essers").
        let f = cx.features(p.last_tok);
        let nonname_surname = f & F_NONNAME != 0 && f & F_SURNAME != 0;
        if cx.is_org(p.last_tok) || (f & F_NONNAME != 0 && !nonname_surname) {
            continue;
        }
        let (mut items, mut names) = (1usize, 0usize);
        // Leftwards: separator, then an item ending right before it.
        let mut k = p.first_tok;
        while items < 64 && k >= 2 && sep(k - 1) {
            let Some((_, first, is_name)) = find(&by_last, k - 2) else {
                break;
            };
            items += 1;
            names += usize::from(is_name);
            k = first;
        }
        let mut k = p.last_tok;
        while items < 128 && k + 2 < toks.len() && sep(k + 1) {
            let Some((_, last, is_name)) = find(&by_first, k + 2) else {
                break;
            };
            items += 1;
            names += usize::from(is_name);
            k = last;
        }
        // Half of five or more, or a quarter of a long enumeration (a list of members present:
        // the lexicons know few of their surnames).
        let enough = if nonname_surname {
            items >= 10 && 2 * names >= items
        } else {
            (items >= 5 && 2 * names >= items) || (items >= 10 && 4 * names >= items)
        };
        if enough {
            found.push(person(
                toks[p.first_tok].start(),
                p.end,
                0.75,
                "name.listed",
            ));
        }
    }
    out.extend(found);
}

/// Past participles after which a capitalised word between the auxiliary and them is the
/// person met: "heb ik Kleinjan gesproken", "had zij Joost gebeld".
const MET: [&str; 10] = [
    "gesproken",
    "gebeld",
    "gezien",
    "gemaild",
    "ontmoet",
    "geïnterviewd",
    "bezocht",
    "geappt",
    "gevraagd",
    "gesms't",
];

/// Names written without a given name, as people write them in short notes: particles and a
/// surname ("van den Heuvel", "v/d Heuvel", "v.d. Heuvel", "C.D. v.d. Heuvel", "Van Den
/// Heuvel"), an initial without its full stop ("B Smit", "B de Wit"), and a surname met in a
/// verb frame ("heb ik Kleinjan gesproken"). Only open chains are read; a name found already
/// is left as it is.
fn short_form_names(cx: &mut Ctx, pending: &[Pending], out: &mut Vec<Finding>) {
    let (toks, text) = (cx.toks, cx.text);
    let word = |k: usize, w: &str| {
        toks.get(k)
            .is_some_and(|t| t.class == Class::Word && t.text(text) == w)
    };
    let glued_punct = |k: usize, c: u8| {
        toks.get(k)
            .is_some_and(|t| !t.space_before && t.is_punct(text, c))
    };
    let mut found = Vec::new();
    for p in pending {
        let (first, last) = (p.first_tok, p.last_tok);
        if !cx.is_cap(last) {
            continue;
        }
        // Particles before the chain, on its line: lower-case words ("van den") or the
        // abbreviations "v.d.", "v/d", "vd".
        let mut k = first;
        let mut particles = 0;
        let mut abbreviated = false;
        loop {
            if k == 0 || toks[k].nl_before > 0 {
                break;
            }
            let j = k - 1;
            if toks[j].class == Class::Word && !toks[j].cap && is_particle(cx.w(j)) {
                k = j;
                particles += 1;
            } else if j >= 3
                && glued_punct(j, b'.')
                && word(j - 1, "d")
                && glued_punct(j - 2, b'.')
                && word(j - 3, "v")
            {
                k = j - 3;
                particles += 2;
                abbreviated = true;
            } else if j >= 2 && word(j, "d") && glued_punct(j - 1, b'/') && word(j - 2, "v") {
                k = j - 2;
                particles += 2;
                abbreviated = true;
            } else if word(j, "vd") {
                k = j;
                particles += 2;
                abbreviated = true;
            } else {
                break;
            }
            if particles >= 4 {
                break;
            }
        }
        // Capitalised particles at the head of the chain itself: "Van Den Heuvel".
        let chain_particles = (first..last)
            .filter(|&j| toks[j].class == Class::Word && is_particle(cx.w(j)))
            .count();
        // Whether any rule below can take the chain, on its shape alone: particles before or
        // at its head, a one-letter word before them, or (for "name.met") a lower-case word
        // before a one-word chain. Most chains have none of these, and skip the look-ups
        // (organisation, street, place) that follow.
        let letter_before = k > 0
            && toks[k].nl_before == 0
            && toks[k - 1].class == Class::Word
            && toks[k - 1].end() - toks[k - 1].start() == 1;
        let word_before = first == last
            && first > 0
            && toks[first - 1].class == Class::Word
            && !toks[first - 1].cap;
        if particles == 0 && chain_particles < 2 && !letter_before && !word_before {
            continue;
        }
        if cx.is_org(last) || crate::ident::is_street_word(cx.w(last)) {
            continue;
        }
        // A place is a name only after a salutation ("mevrouw de Vries"), tested below.
        let place = cx.is_place_toks(last, last);
        if cx.features(last) & F_NONNAME != 0 {
            continue;
        }
        let mut start = k;
        let mut rule = None;
        // Two lower-case particles are a surname's only as "van den", "van der", "van 't",
        // "van ter" ("van de" and "van het" are mostly "of the"), before a word that is a known
        // surname or no ordinary word, not after a capitalised word ("Vrienden van de Ummah").
        let pair = particles >= 2 && {
            let second = cx.w(k + 1);
            cx.w(k) == "van" && matches!(second, "den" | "der" | "'t" | "ter")
        };
        let surname_like =
            (cx.features(last) & F_SURNAME != 0 || !cx.common_word(last)) && !toks[last].all_caps;
        let after_capital = k > 0 && toks[k - 1].class == Class::Word && toks[k - 1].cap;
        // Only particles and then one word ("Van Den Heuvel"), not "Het Pavillon de la
        // Vienne" or "De LA Lakers".
        let capital_particles = chain_particles >= 2
            && toks[first].cap
            && (first..last).all(|j| {
                toks[j].class == Class::Word
                    && is_particle(cx.w(j))
                    && !(toks[j].all_caps && cx.w(j).len() > 1)
            });
        // "van der Berg": after "van der" a town's name is a surname.
        if surname_like
            && (!place || pair)
            && !after_capital
            && (abbreviated || pair || capital_particles)
        {
            rule = Some("name.particles");
        } else if particles >= 1
            && k > 0
            && toks[k].nl_before == 0
            && cx.title_class(k - 1) == Some(TitleClass::Salutation)
        {
            // "de heer de Boer", "mevrouw van Dam": the particles are the name's.
            rule = Some("name.title_particles");
        }
        // Initials before the particles: "C.D. v.d. Heuvel".
        if rule.is_some() {
            while start >= 2 && toks[start].nl_before == 0 && cx.is_initial(start - 2) {
                start -= 2;
            }
        }
        // An initial without its full stop: "B Smit", "B de Wit".
        if rule.is_none() && start > 0 && toks[start].nl_before == 0 {
            let j = start - 1;
            let t = &toks[j];
            let single_capital = t.class == Class::Word
                && t.end() - t.start() == 1
                && text.as_bytes()[t.start()].is_ascii_uppercase()
                && (j == 0 || toks[j - 1].class != Class::Number);
            if single_capital && !place && (particles > 0 || cx.features(last) & F_SURNAME != 0) {
                start = j;
                rule = Some("name.initial_no_stop");
            }
        }
        // "heb ik Kleinjan gesproken".
        if rule.is_none() && first == last && first > 0 {
            let before = &toks[first - 1];
            // The cheap tests on the word before first: most one-word chains fail them, and
            // the participle search after the chain is then not needed.
            if !place
                && before.class == Class::Word
                && !before.cap
                && !["de", "het", "een", "die", "dat"].contains(&cx.w(first - 1))
                && !coordinated_with_firm(cx, first)
                && (last + 1..(last + 4).min(toks.len()))
                    .take_while(|&j| toks[j].nl_before == 0 && toks[j].class == Class::Word)
                    .any(|j| MET.iter().any(|m| cx.w(j).eq_ignore_ascii_case(m)))
            {
                rule = Some("name.met");
            }
        }
        if let Some(rule) = rule {
            found.push(person(toks[start].start(), p.end, 0.7, rule));
        }
    }
    out.extend(found);
}

/// Whether the chain at token `first` is the second of two joined by "en" or "of" whose first
/// is a firm or organisation: "aan Horvat & Partners en Deloitte gevraagd", "KPMG en Deloitte
/// bezocht" (what was asked or visited is a firm too).
fn coordinated_with_firm(cx: &mut Ctx, first: usize) -> bool {
    let toks = cx.toks;
    if first < 2 || !matches!(cx.w(first - 1), "en" | "of") {
        return false;
    }
    let k = first - 2;
    toks[k].class == Class::Word
        && toks[k].cap
        && (cx.is_org(k)
            || (k.saturating_sub(3)..k)
                .any(|j| toks[j].nl_before == 0 && toks[j].is_punct(cx.text, b'&')))
}

/// A compound of a name or acronym and a lower-case noun, written before a name as its role:
/// "ACW-voorzitter", "Knicks-coach", "Ex-bondscoach", "VVD-Kamerlid" is no part of the name
/// ("Snijder-Hazelhoff", "Aiking-van Wageningen" are). The last part decides: lower case, not a
/// particle, at least three letters.
fn is_role_compound(w: &str) -> bool {
    // A byte search, not `rsplit_once('-')`: most words have no hyphen, and this runs on the
    // word before nearly every chain.
    let Some(h) = w.bytes().rposition(|c| c == b'-') else {
        return false;
    };
    // Never `None`: a hyphen is one byte and ends a character.
    let Some(tail) = w.get(h + 1..) else {
        return false;
    };
    let lowercase_head = tail.chars().next().is_some_and(char::is_lowercase);
    (lowercase_head && tail.len() >= 3 && !is_particle(tail))
        || ["Kamerlid", "Kamerleden", "Statenlid", "raadslid"]
            .iter()
            .any(|r| tail.eq_ignore_ascii_case(r))
}

fn is_first_name(cx: &Ctx, j: usize, buf: &mut String) -> bool {
    lexicon::bits_any_case(cx.w(j), buf) & lexicon::W_FIRST != 0
}

/// Reads name chains off the token stream and hands each to `each` as it is read (a chain
/// is classified before the next is read, so no list of chains is built).
fn chains(cx: &mut Ctx, mut each: impl FnMut(&mut Ctx, &Chain)) {
    let toks = cx.toks;
    let mut buf = String::new();
    let caps = cx.caps;
    // Tokens before this one are part of an earlier chain.
    let mut free = 0;
    // Every chain starts with a capitalised word (a name word, an initial or "Van").
    for i in caps.iter().map(|&i| i as usize) {
        if i < free {
            continue;
        }
        let starts = cx.is_initial(i) || cx.is_cap(i);
        if !starts || is_label(cx, i, &mut buf) {
            continue;
        }
        let mut els = Els::new();
        let mut j = i;
        while j < toks.len() && els.len() < MAX_ELS {
            if let Some(&(pi, pk)) = els.last() {
                let t = &toks[j];
                let after_initial = pk == El::Initial;
                // A double surname broken after its hyphen by a space or a line end, as text
                // taken from a PDF has it: "C.H. van den Berg- Huisman", "Berg-" / "Huisman".
                if pk == El::Cap
                    && t.is_punct(cx.text, b'-')
                    && !t.space_before
                    && toks.get(j + 1).is_some_and(|n| {
                        n.class == Class::Word
                            && n.cap
                            && n.nl_before <= 1
                            && (n.space_before || n.nl_before == 1)
                    })
                    && cx.is_cap(j + 1)
                    && !cx.is_place_toks(j + 1, j + 1)
                {
                    els.push((j + 1, El::Cap));
                    j += 2;
                    continue;
                }
                // "T.J.M. Mornout - van Orsouw": a double surname with a spaced hyphen.
                if let Some((a, b)) = spaced_hyphen_surname(cx, &els, j) {
                    for k in a..b {
                        els.push((k, El::Particle));
                    }
                    els.push((b, El::Cap));
                    j = b + 1;
                    continue;
                }
                // A salutation after a surname opens the next name of a flattened list
                // ("Mevrouw A. van Vliet-Kuiper Mevrouw M. van Meerten-Kok"); not one that is a
                // surname too ("Willem Jan Ridder").
                if pk == El::Cap
                    && t.cap
                    && cx.title_class(j) == Some(TitleClass::Salutation)
                    && cx.features(j) & F_SURNAME == 0
                {
                    break;
                }
                // "mr. T.H.J. (Tjibbe) Joustra": a given name in brackets after the initials.
                if bracketed_given_name(cx, pk, j, &mut buf) {
                    els.push((j + 1, El::Cap));
                    j += 3;
                    continue;
                }
                // "De Nerée tot Babberich": "tot" and "thoe" inside a noble name.
                if pk == El::Cap && noble_particle(cx, &els, j) {
                    els.push((j, El::Particle));
                    j += 1;
                    continue;
                }
                // "mr. N.W. Mulder te Amsterdam": "te" before a town after a surname is "in".
                if pk == El::Cap
                    && toks[j].end() - toks[j].start() == 2
                    && cx.w(j) == "te"
                    && j + 1 < toks.len()
                    && cx.is_place_toks(j + 1, j + 1)
                {
                    break;
                }
                if t.nl_before > 1 || (!t.space_before && !after_initial) {
                    break;
                }
                // Columns ("Nadia Bouzian        Femke Mulder", cells of a tab-separated
                // table) are separate names.
                if t.nl_before == 0
                    && (t.start() - toks[j - 1].end() > 2 || toks[j - 1].tab_before(cx.text, t))
                {
                    break;
                }
                if t.nl_before == 1 {
                    // A name broken across a line: only where the line ends mid-name
                    // (also a given name before the particles of its surname: "Annemiek" /
                    // "van der Linden"). Not a first name ending a signature line above a department
                    // ("Ineke" / "Burgerzaken, gemeente Ermelo").
                    let ok = pk == El::Particle
                        || (pk == El::Initial && !comma_surname_before(cx, els[0].0))
                        || (els.len() == 1
                            && pk == El::Cap
                            && is_first_name(cx, pi, &mut buf)
                            && ((!t.cap && is_particle(cx.w(j)))
                                || !(is_first_name(cx, j, &mut buf)
                                    || cx.is_cap(j) && cx.is_org(j))));
                    if !ok {
                        break;
                    }
                }
                // A given name and an ordinary word before a colon are a name all the same
                // ("voor Bruno Bruins: in scène gezet"), unless the word names a field.
                if is_label(cx, j, &mut buf)
                    && !(pk == El::Cap
                        && t.nl_before == 0
                        && cx.is_cap(j)
                        && is_first_name(cx, pi, &mut buf)
                        && !field_label(cx, j, &mut buf))
                {
                    break;
                }
            }
            if cx.is_initial(j) {
                els.push((j, El::Initial));
                j += 2;
            } else if toks[j].class == Class::Word
                && (!els.is_empty() || toks[j].cap)
                && is_particle(cx.w(j))
            {
                els.push((j, El::Particle));
                j += 1;
            } else if cx.is_cap(j) || (upper_word(cx, j) && els.iter().any(|x| x.1 == El::Initial))
            {
                // A compound noun ("Van Gogh-historicus A. Van Meurs") is a chain of its own.
                if compound_tail(cx.w(j)) {
                    if els.is_empty() {
                        els.push((j, El::Cap));
                    }
                    break;
                }
                // An upper-case surname after initials: "DE HEER J. JANSEN" in an address.
                els.push((j, El::Cap));
                j += 1;
            } else {
                break;
            }
        }
        // Drop trailing particles.
        while els.last().is_some_and(|l| l.1 == El::Particle) {
            els.pop();
        }
        if els.is_empty() {
            continue;
        }
        // "Allen Yurko van Invensys", "woordvoerder Verstraete van Sidmar": a name that
        // already has its surname ends before "van" and what follows is a chain of its own.
        if let Some(v) = van_after_surname(cx, &els) {
            els.len = v;
        }
        let next = els.last().map_or(
            i + 1,
            |l| if l.1 == El::Initial { l.0 + 2 } else { l.0 + 1 },
        );
        // A run of names and offices goes on as its names ([`layout::chain_pieces`]).
        let (pieces, n) = layout::chain_pieces(cx, &els);
        if n == 0 {
            each(cx, &Chain { els });
        } else {
            for &(s, e) in &pieces[..n] {
                let mut sub = Els::new();
                for &x in &els[s..=e] {
                    sub.push(x);
                }
                each(cx, &Chain { els: sub });
            }
        }
        free = next.max(i + 1);
    }
}

/// The particles and the surname after a spaced hyphen that ends a double surname, as
/// attendance lists write it: "T.J.M. Mornout - van Orsouw", "C.M. Versteege - Wowijs",
/// "Astrid Heijstee - Bolt" (tokens `a..b` are particles, `b` the surname). Only after a chain
/// that is a person's by its shape (initials or a given name first), on one line, and only
/// when what follows is one capitalised word that is no given name, title, place or
/// organisation, with no word after it on the line (a description follows a dash in "Ismail
/// Sarr - West-Afrikaanse gebedsgroep"): "Ajax - PSV", "Heijstee-Bolt - Voorzitter", "Frank
/// Rijkaard - Marco van Basten" and the pairs of sports results stay apart.
fn spaced_hyphen_surname(cx: &mut Ctx, els: &Els, j: usize) -> Option<(usize, usize)> {
    let toks = cx.toks;
    let t = toks.get(j)?;
    if !t.is_punct(cx.text, b'-') || !t.space_before || t.nl_before > 0 {
        return None;
    }
    let (&(first, first_kind), &(_, last_kind)) = (els.first()?, els.last()?);
    let mut buf = String::new();
    if last_kind != El::Cap || !(first_kind == El::Initial || is_first_name(cx, first, &mut buf)) {
        return None;
    }
    let a = j + 1;
    let mut b = a;
    while b < toks.len()
        && b < a + 3
        && toks[b].class == Class::Word
        && !toks[b].cap
        && is_particle(cx.w(b))
    {
        b += 1;
    }
    let s = toks.get(b)?;
    let ok = toks[a].space_before
        && toks[a].nl_before == 0
        && s.nl_before == 0
        && s.class == Class::Word
        && cx.is_cap(b)
        && !is_first_name(cx, b, &mut buf)
        && cx.title_class(b).is_none()
        && !cx.is_place_toks(b, b)
        && !cx.is_org(b)
        && !toks
            .get(b + 1)
            .is_some_and(|n| n.nl_before == 0 && n.class == Class::Word);
    // Sports results pair players so: "Hewitt (Aus) / K. Clijsters - Orsanic / Vis (Arg)".
    let slash = |k: usize| toks.get(k).is_some_and(|t| t.is_punct(cx.text, b'/'));
    let doubles = slash(b + 1) || (first > 0 && slash(first - 1)) || country_code_after(cx, b);
    (ok && !doubles).then_some((a, b))
}

/// Whether token `j` opens a given name in brackets after initials: "mr. T.H.J. (Tjibbe)
/// Joustra", "drs. M. (Mirjam) van het Loo", as colophons of reports write their authors. The
/// bracket closes right after the given name (a known one, or any capitalised word that is no
/// acronym or title: the lexicon knows few Frisian names) and the surname follows.
fn bracketed_given_name(cx: &mut Ctx, pk: El, j: usize, buf: &mut String) -> bool {
    let toks = cx.toks;
    pk == El::Initial
        && j + 3 < toks.len()
        && toks[j].is_punct(cx.text, b'(')
        && toks[j].space_before
        && toks[j].nl_before == 0
        && toks[j + 1].class == Class::Word
        && (is_first_name(cx, j + 1, buf) || (toks[j + 1].cap && !toks[j + 1].all_caps))
        && cx.title_class(j + 1).is_none()
        && toks[j + 2].is_punct(cx.text, b')')
        && toks[j + 3].space_before
        && toks[j + 3].nl_before == 0
        && toks[j + 3].class == Class::Word
        && (cx.is_cap(j + 3) || is_particle(cx.w(j + 3)))
}

/// Whether token `j` is "tot" or "thoe" inside a noble name, which joins a family's name to its
/// seat: "De Nerée tot Babberich", "Van Lynden tot Sandenburg", "Van Haersolte thoe Haerst".
/// Only in a chain that holds particles and ends in a capitalised word that is no place, before
/// a capitalised word on the same line ("Van Amsterdam tot Rotterdam" is a route).
fn noble_particle(cx: &mut Ctx, els: &Els, j: usize) -> bool {
    let toks = cx.toks;
    let Some(&(last, _)) = els.last() else {
        return false;
    };
    toks[j].class == Class::Word
        && toks[j].space_before
        && toks[j].nl_before == 0
        && matches!(cx.w(j), "tot" | "thoe")
        && els.iter().any(|e| e.1 == El::Particle)
        && !cx.is_place_toks(last, last)
        && toks
            .get(j + 1)
            .is_some_and(|n| n.class == Class::Word && n.cap && n.space_before && n.nl_before == 0)
        && cx.is_cap(j + 1)
}

/// Whether a chain starting at token `first` (initials) follows "Surname," on its line: in
/// "Stein, H.A." the initials end the name, and the line after them is no part of it
/// ("annotatie van Stein, H.A." / "Verrijkte uitspraak").
fn comma_surname_before(cx: &Ctx, first: usize) -> bool {
    let toks = cx.toks;
    first >= 2
        && toks[first].nl_before == 0
        && toks[first - 1].is_punct(cx.text, b',')
        && toks[first - 2].class == Class::Word
        && toks[first - 2].cap
}

/// The element of chain `s..=e` that is a given name in brackets after initials (as
/// [`bracketed_given_name`] let into the chain), when the chain opens with initials and goes on
/// after it.
fn bracketed_given_in(cx: &Ctx, ch: &Chain, s: usize, e: usize) -> Option<usize> {
    if ch.els[s].1 != El::Initial {
        return None;
    }
    (s + 1..e).find(|&k| {
        let t = ch.els[k].0;
        ch.els[k].1 == El::Cap
            && t > 0
            && cx.toks[t - 1].is_punct(cx.text, b'(')
            && cx
                .toks
                .get(t + 1)
                .is_some_and(|n| n.is_punct(cx.text, b')'))
    })
}

/// Whether the capitalised words after token `last`, on its line, end in a legal form of a
/// firm ("B.V.", "N.V.", "BV", "NV", "V.O.F."): the chain before names the firm, not a person.
fn legal_form_after(cx: &Ctx, last: usize) -> bool {
    let toks = cx.toks;
    let mut j = last + 1;
    while j < toks.len() && j < last + 8 && toks[j].nl_before == 0 {
        // Every legal form below starts with a capital: a lower-case word (the usual one after
        // a name) ends the search before its text is read, as the test at the end would.
        if toks[j].class != Class::Word || !toks[j].cap {
            return false;
        }
        let w = cx.w(j);
        // "B.V." is the letters and dots as separate tokens.
        let dotted = |a: &str, b: &str| {
            w == a
                && toks.get(j + 1).is_some_and(|t| t.is_punct(cx.text, b'.'))
                && toks.get(j + 2).is_some_and(|t| t.class == Class::Word)
                && cx.w(j + 2) == b
        };
        if matches!(w, "BV" | "NV" | "VOF")
            || dotted("B", "V")
            || dotted("N", "V")
            || dotted("V", "O")
        {
            return true;
        }
        j += 1;
    }
    false
}

/// Where a chain is cut before a lower-case "van": after a capitalised word that is no given
/// name and no title, when a capitalised word follows ("Allen Yurko van Invensys", "Verstraete
/// van Sidmar"; not "Leon van Bon", "burgemeester Van Aartsen", "J. van Dijk"). Dutch surnames
/// with "van" follow a given name or initials; a surname followed by "van" and a capitalised
/// word is a person "of" an organisation, a team, a place. Returns the element index of "van".
fn van_after_surname(cx: &mut Ctx, els: &Els) -> Option<usize> {
    let v = (1..els.len()).find(|&v| els[v].1 == El::Particle && cx.w(els[v].0) == "van")?;
    let (before, kind) = els[v - 1];
    if kind != El::Cap || !els[v + 1..].iter().any(|x| x.1 == El::Cap) {
        return None;
    }
    let f = cx.features(before);
    if f & F_FIRST != 0 || cx.title_class(before).is_some() || is_role_compound(cx.w(before)) {
        return None;
    }
    // After initials, "van" goes on a double surname ("M.H. Schultz van Haegen").
    if els[..v].iter().any(|x| x.1 == El::Initial) {
        return None;
    }
    // One word before: a surname ("Verstraete"), not an ordinary word ("Minister", "Huis"),
    // and "van" straight before a capitalised word ("Marja van den Heuvel" is one name even
    // when the lexicon does not know "Marja").
    let caps_before = els[..v].iter().filter(|x| x.1 == El::Cap).count();
    let van_then_cap = els.get(v + 1).is_some_and(|x| x.1 == El::Cap);
    (caps_before >= 2 || (!cx.common_word(before) && van_then_cap)).then_some(v)
}

/// Whether the particles from element `k` are "van der" or "van den", which only surnames
/// hold ("Marte van der Loop", whose given name the lexicon does not know), unlike "van de"
/// and "van het", which also mean "of the".
fn surname_particles(cx: &Ctx, ch: &Chain, k: usize) -> bool {
    let is = |i: usize, w: &str| {
        ch.els
            .get(i)
            .is_some_and(|x| x.1 == El::Particle && cx.w(x.0) == w)
    };
    is(k, "van") && (is(k + 1, "der") || is(k + 1, "den"))
}

/// Whether the element before the particles at `k` is a known given name: then the particles
/// and the word after them are its surname, whatever else that word is ("Paul De Grauwe",
/// "Leon van Bon", "Osama bin Laden", "Jan van Brugge").
fn given_name_before(cx: &mut Ctx, ch: &Chain, s: usize, k: usize) -> bool {
    k > s && ch.els[k - 1].1 == El::Cap && {
        let t = ch.els[k - 1].0;
        cx.features(t) & F_FIRST != 0 && !cx.is_org(t)
    }
}

/// Whether token `j` is a word of two letters or more in capitals ("JANSEN"), not the letters
/// of a code whose digits follow without a space ("NL91", "AB12").
fn upper_word(cx: &Ctx, j: usize) -> bool {
    let t = &cx.toks[j];
    // The token's own flags first (few words are in capitals), then the token after it.
    let glued_digits = || {
        cx.toks
            .get(j + 1)
            .is_some_and(|n| n.start() == t.end() && n.class == Class::Number)
    };
    t.class == Class::Word && t.all_caps && t.end() - t.start() >= 2 && !glued_digits()
}

/// A given name and the initial of the surname, as news and police reports shorten a suspect
/// or a victim ("Sander M., de hoofdverdachte", "volgens Joost G.", "verdachte Pieter K. (34)"):
/// a known given name that is no ordinary word (or not first in its sentence), then one
/// capital letter and a full stop, with no capitalised word or initial after it on the line
/// ("Jan P. Verhoeckx" is a middle initial of a chain) nor a possible name word right before.
fn given_name_initial(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let (toks, caps) = (cx.toks, cx.caps);
    for i in caps.iter().map(|&i| i as usize) {
        // The next token's flag first: most capitalised words are followed by a lower-case one.
        if i + 2 >= toks.len() || !toks[i + 1].cap || !cx.is_cap(i) || !cx.is_initial(i + 1) {
            continue;
        }
        let one_letter = cx.w(i + 1).chars().count() == 1;
        if !one_letter || toks[i + 1].nl_before > 0 || toks[i + 1].start() - toks[i].end() != 1 {
            continue;
        }
        let f = cx.features(i);
        if f & F_FIRST == 0
            || f & F_NONNAME != 0
            || cx.title_class(i).is_some()
            || cx.is_org(i)
            || (cx.common_word(i) && sentence_start(cx, i))
        {
            continue;
        }
        // A capitalised word before that may be a name word itself ("Jan Pieter K.") leaves
        // the name to the chain rules; an ordinary word or a title does not ("Verdachte Pieter K.").
        let word_before = i > 0
            && toks[i].nl_before == 0
            && toks[i - 1].class == Class::Word
            && toks[i - 1].cap
            && !cx.common_word(i - 1)
            && cx.title_class(i - 1).is_none();
        let word_after = toks
            .get(i + 3)
            .is_some_and(|t| t.nl_before == 0 && t.class == Class::Word && (t.cap || t.all_caps));
        if word_before || word_after {
            continue;
        }
        out.push(person(
            toks[i].start(),
            toks[i + 2].end(),
            0.7,
            "name.given_initial",
        ));
    }
}

/// Names written in capitals, as in a heading or a caption: a known given name followed by a
/// word that is a known surname or no ordinary word ("LEO BRUNS", "FATIMA EL AMRANI"), with
/// the particles between them. The words around may be capitals too ("DE NEDERLANDSE
/// MISSIONARIS LEO BRUNS"): only the pair is the name.
fn upper_names(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let (toks, caps) = (cx.toks, cx.caps);
    let mut found = Vec::new();
    let mut skip_to = 0;
    for i in caps.iter().map(|&i| i as usize) {
        if i < skip_to || !upper_word(cx, i) {
            continue;
        }
        let f = cx.features(i);
        if f & F_FIRST == 0 || f & F_NONNAME != 0 || cx.title_class(i).is_some() {
            continue;
        }
        // A given name that is an ordinary word too ("MARK", "JAN") only before a known surname.
        let first_plain = f & F_DUTCH != 0;
        // Particles, then the surname, on the same line, one space apart.
        let mut k = i + 1;
        while k < toks.len()
            && k < i + 4
            && toks[k].nl_before == 0
            && toks[k].start() - toks[k - 1].end() == 1
            && upper_word(cx, k)
            && is_particle(cx.w(k))
        {
            k += 1;
        }
        let ok = k < toks.len()
            && toks[k].nl_before == 0
            && toks[k].start() - toks[k - 1].end() == 1
            && upper_word(cx, k)
            && {
                let g = cx.features(k);
                (g & F_SURNAME != 0 || (g & F_DUTCH == 0 && !first_plain))
                    && g & F_NONNAME == 0
                    && !cx.is_org(k)
                    && !cx.is_place_toks(k, k)
                    && cx.title_class(k).is_none()
            };
        if ok {
            found.push(person(toks[i].start(), toks[k].end(), 0.7, "name.upper"));
            skip_to = k + 1;
        }
    }
    out.extend(found);
}

/// A journalist's initials closing a news item ("... verdreven'. (KDM)", "(PJB)" then the next
/// item): two to four letters, two of them capitals or more, in parentheses right after a
/// sentence end or at a line start, and before a line end or the end of the text. A party or
/// an organisation in parentheses follows a name or a closing parenthesis ("Jansen (VVD):",
/// "(minister) (PvdA)"), not the full stop of a paragraph's last sentence.
fn byline_initials(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let (toks, caps) = (cx.toks, cx.caps);
    for k in caps.iter().map(|&k| k as usize) {
        let t = &toks[k];
        // The token's flags first: nearly every capitalised word has a space before it.
        if k < 1 || t.class != Class::Word || t.space_before {
            continue;
        }
        let w = cx.w(k).as_bytes();
        if !(2..=4).contains(&w.len())
            || !w.iter().all(u8::is_ascii_alphabetic)
            || w.iter().filter(|b| b.is_ascii_uppercase()).count() < 2
        {
            continue;
        }
        let open = &toks[k - 1];
        let close_ok = toks
            .get(k + 1)
            .is_some_and(|c| c.is_punct(cx.text, b')') && !c.space_before)
            && toks.get(k + 2).is_none_or(|n| n.nl_before > 0);
        let after_stop = open.is_punct(cx.text, b'(')
            && (open.nl_before > 0
                || k >= 2
                    && [b'.', b'!', b'?']
                        .iter()
                        .any(|&c| toks[k - 2].is_punct(cx.text, c)));
        if !close_ok || !after_stop {
            continue;
        }
        // Not an ordinary word's bits: "MS", "LuB" are letters, not "ms", "lub".
        if cx.features(k) & F_NONNAME != 0 || cx.is_org(k) || cx.is_place_toks(k, k) {
            continue;
        }
        out.push(person(t.start(), t.end(), 0.6, "name.byline_initials"));
    }
}

/// Whether the ordinary word `ti` opening a chain is still a name because of the title before
/// it: a salutation ("mevrouw Snijder"), or an office when the chain goes on with "van" and a
/// department ("staatssecretaris Bleker van Economische Zaken"; not "hoofd
/// Bestuursondersteuning"). Not after a full stop ("Ridder. Hij").
fn name_after_title(cx: &mut Ctx, ch: &Chain, ti: usize) -> bool {
    if ti > 0 && cx.toks[ti - 1].is_punct(cx.text, b'.') {
        return false;
    }
    match cx.title_before(ti) {
        Some((TitleClass::Salutation, _)) => true,
        Some((TitleClass::Role, _)) => ch
            .els
            .get(1)
            .is_some_and(|&(k, kind)| kind == El::Particle && cx.w(k) == "van"),
        _ => false,
    }
}

/// Whether chain element `s`, an ordinary word, is a given name all the same: a word that is
/// both ("Frans", "Mercedes") before a capitalised word that is neither an ordinary word nor a
/// place nor an organisation, which ends the chain ("Frans Timmermans"; not "Frans Guyana").
fn given_name_word(cx: &mut Ctx, ch: &Chain, s: usize, e: usize) -> bool {
    let (t, next) = (ch.els[s].0, ch.els[s + 1]);
    s + 1 == e
        && cx.features(t) & F_FIRST != 0
        && next.1 == El::Cap
        && !cx.common_word(next.0)
        && !cx.is_place_toks(next.0, next.0)
        && !cx.is_org(next.0)
}

/// Strips leading titles and ordinary words; returns the element range (inclusive) left.
fn trimmed(cx: &mut Ctx, ch: &Chain) -> Option<(usize, usize)> {
    let mut s = 0;
    let e = ch.els.len() - 1;
    // "de motie-Mei Li Vos": glued to "motie-" the whole chain is the member's name, also a
    // first word that is an ordinary one (a month).
    if motion_before(cx, ch.els[0].0) {
        return (ch.els[e].1 == El::Cap).then_some((0, e));
    }
    while s <= e {
        let (ti, kind) = ch.els[s];
        match kind {
            El::Initial => break,
            El::Particle if !cx.toks[ti].cap => {
                // "Ik ben Ilyas": a lower-case particle does not start a name.
                s += 1;
                continue;
            }
            El::Particle => {
                // A particle must lead to a name word.
                if ch.els[s + 1..=e].iter().any(|x| x.1 == El::Cap) {
                    // Look at the next cap: if it gets stripped, strip this too.
                    let nc = (s + 1..=e).find(|&k| ch.els[k].1 == El::Cap)?;
                    let t = ch.els[nc].0;
                    if (cx.title_class(t).is_some() || cx.common_word(t)) && nc < e {
                        s = nc + 1;
                        continue;
                    }
                    break;
                }
                return None;
            }
            El::Cap => {
                if (cx.title_class(ti).is_some() || is_role_compound(cx.w(ti))) && s < e {
                    s += 1;
                    continue;
                }
                // An ordinary word right after a title is the name ("staatssecretaris Bleker
                // van Economische Zaken").
                if cx.common_word(ti)
                    && s < e
                    && !cx.is_initial(ti)
                    && !(s == 0 && name_after_title(cx, ch, ti))
                    && !given_name_word(cx, ch, s, e)
                {
                    s += 1;
                    continue;
                }
                break;
            }
        }
    }
    if s > e {
        return None;
    }
    // Words before a given name that are no given names themselves are not the name:
    // "Bondscoach Robert Waseige", "Economieminister Rudy Demotte", "Imperial Invest Fernand
    // Collin" (a role, an organisation, a place the title lexicon does not know).
    if let Some(p) = (s + 1..e).find(|&p| {
        ch.els[p].1 == El::Cap && {
            let f = cx.features(ch.els[p].0);
            f & F_FIRST != 0 && f & F_NONNAME == 0
        }
    }) {
        // Also a function word that is a given name too, first in its sentence: "Dan Jaap
        // Stam", "Over Karel De Gucht" (not a given name that is an ordinary word too, before
        // a second given name: "Jan Willem van Dijk meldt").
        let lead_plain = ch.els[s..p].iter().all(|&(t, kind)| {
            kind == El::Cap
                && !is_particle(cx.w(t))
                && (cx.features(t) & F_FIRST == 0
                    || (s + 1 == p
                        && cx.features(t) & F_DUTCH != 0
                        && is_function_word(cx.w(t))
                        && sentence_start(cx, t)))
        });
        // But one word that no lexicon knows, right before the given name, is a given name
        // when it is a known one in another spelling (one vowel changed or one letter more):
        // "Abdurahman Abdi Aden", "Abdurahman Hasan Osman" (not "Bondscoach Robert Waseige").
        let unknown_given = lead_plain && s + 1 == p && {
            let t = ch.els[s].0;
            cx.features(t) & 0xFFFF == 0
                && !cx.is_org(t)
                && (given_name_variant(cx.w(t)) || foreign_given_before_given(cx, ch, s, p, e))
        };
        if lead_plain && !unknown_given {
            s = p;
        }
    }
    // Words before initials that are no given names are not the name: "Kampen Auteur J.
    // Ringenier" (the cells of a document's header on one line; not "Jan H. de Vries").
    if let Some(p) = (s + 1..e).find(|&p| ch.els[p].1 == El::Initial) {
        if ch.els[s..p]
            .iter()
            .all(|&(t, kind)| kind == El::Cap && cx.features(t) & F_FIRST == 0)
        {
            s = p;
        }
    }
    // "El Idrissi van Berberse (afkomst)": an ordinary word after a particle is not the name;
    // nor is an organisation word that is no surname ("Bekir Çelik van de Turkse
    // jongerenvereniging").
    let mut e = e;
    if motion_before(cx, ch.els[s].0) {
        // "de motie-Van Raak": the member's name, whatever else its words are.
        return (ch.els[e].1 == El::Cap).then_some((s, e));
    }
    // "Bleker van Economische Zaken", "Djukanovic van Montenegro": after a name, "van" and
    // only ordinary, organisation or place words is no part of the name.
    if let Some(v) = (s + 1..e).find(|&k| {
        ch.els[k].1 == El::Particle
            && ch.els[s..k].iter().any(|x| x.1 == El::Cap)
            && cx.w(ch.els[k].0) == "van"
            && !(k + 1 == e && given_name_before(cx, ch, s, k))
            // "van der", "van den" belong to surnames, not to an office: "Marte van der Loop".
            && !ch.els.get(k + 1).is_some_and(|x| {
                x.1 == El::Particle && matches!(cx.w(x.0), "der" | "den")
            })
            && ch.els[k + 1..=e].iter().all(|x| {
                x.1 == El::Cap && {
                    let t = x.0;
                    (cx.common_word(t)
                        || cx.is_org(t)
                        || cx.is_place_toks(t, t)
                        || cx.features(t) & F_NONNAME != 0)
                        && cx.features(t) & F_SURNAME == 0
                }
            })
    }) {
        e = v - 1;
    }
    while e > s && ch.els[e].1 == El::Cap && ch.els[e - 1].1 == El::Particle && {
        let t = ch.els[e].0;
        cx.common_word(t) || cx.is_org(t) && cx.features(t) & F_SURNAME == 0
    } {
        let mut k = e - 1;
        while k > s && ch.els[k].1 == El::Particle {
            k -= 1;
        }
        if ch.els[k].1 == El::Particle {
            // "Van Raak", "De Jonge": capitalised particles and an ordinary word are a surname
            // only where a name is expected (a list of members, a salutation, the model).
            return (k == s && cx.toks[ch.els[s].0].cap && e + 1 == ch.els.len()).then_some((s, e));
        }
        // After a given name or initials the word is the surname: "Leon van Bon", "G. van
        // Dalen".
        if e + 1 == ch.els.len()
            && (given_name_before(cx, ch, s, k + 1)
                || ch.els[k].1 == El::Initial
                || surname_particles(cx, ch, k + 1))
        {
            break;
        }
        e = k;
    }
    // An academic title after a name word starts the next name: "Craig Venter Professor
    // Cassiman", "Mary Shelleys Dr. Frankenstein".
    if let Some(k) = (s + 1..=e).find(|&k| {
        ch.els[k].1 == El::Cap
            && ch.els[k - 1].1 == El::Cap
            && cx.title_class(ch.els[k].0) == Some(TitleClass::Academic)
    }) {
        e = k - 1;
    }
    // A name that starts with initials ends before a title or an ordinary word after its
    // surname: "de heer A.L. ter Beek Afwezig Voorzitter Griffier" (a table's cells on one
    // line).
    if ch.els[s].1 == El::Initial {
        // A given name in brackets is not the surname ("M. (Marjolein) Baart").
        let bracket = bracketed_given_in(cx, ch, s, e);
        if let Some(c) = (s + 1..=e).find(|&k| ch.els[k].1 == El::Cap && Some(k) != bracket) {
            if let Some(k) = (c + 1..=e).find(|&k| {
                let t = ch.els[k].0;
                ch.els[k].1 == El::Cap
                    && (cx.title_class(t).is_some()
                        || (cx.common_word(t) && cx.features(t) & F_SURNAME == 0))
            }) {
                e = k - 1;
            }
        }
    }
    let e = name_end_before_glued(cx, ch, s, e);
    // The chain must end in a capitalised word.
    if ch.els[e].1 != El::Cap {
        return None;
    }
    Some((s, e))
}

/// Whether a word ends in a lower-case part after a hyphen that is no particle: a compound
/// noun named after something ("James Bond-films", "Donald Duck-verzameling"), not a double
/// surname ("Hennis-Plasschaert", "Van den Broek-de Vries").
#[inline]
fn compound_tail(w: &str) -> bool {
    // This runs on every capitalised word of a chain, and nearly none has a hyphen: that is
    // ruled out eight bytes at a time before the hyphen is looked for byte by byte.
    let b = w.as_bytes();
    if !has_hyphen(b) {
        return false;
    }
    let Some(h) = b.iter().rposition(|&c| c == b'-') else {
        return false;
    };
    h > 0
        && w.get(h + 1..).is_some_and(|tail| {
            tail.chars().next().is_some_and(char::is_lowercase) && !is_particle(tail)
        })
}

/// Whether `b` holds a `-`, eight bytes at a time: a zero byte of `x ^ "--------"` makes the
/// borrow of `x - 0x01..01` reach that byte's top bit (the test `needs_escape` of the CLI's
/// JSON writer uses). A word of four to eight bytes is read with two overlapping loads, a
/// longer one's last bytes with one that overlaps the chunks before it.
#[inline]
fn has_hyphen(b: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    const HYPHENS: u64 = u64::from_ne_bytes([b'-'; 8]);
    let hyphen_in = |x: u64| {
        let x = x ^ HYPHENS;
        x.wrapping_sub(ONES) & !x & HIGH != 0
    };
    let n = b.len();
    if n < 4 {
        return b.contains(&b'-');
    }
    if n <= 8 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
        return hyphen_in(u64::from(lo) | u64::from(hi) << 32);
    }
    let word = |c: &[u8]| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
    b.chunks_exact(8).any(|c| hyphen_in(word(c))) || hyphen_in(word(&b[n - 8..]))
}

#[cfg(test)]
mod has_hyphen_tests {
    /// The word-at-a-time test agrees with a byte search for every length and position,
    /// bytes next to '-' (',' and '.') and non-ASCII bytes included.
    #[test]
    fn agrees_with_a_byte_search() {
        for n in 0..24 {
            let plain: Vec<u8> = (0..n).map(|i| b",.aZ\xc3\xa9"[i % 6]).collect();
            assert!(!super::has_hyphen(&plain), "{n} bytes, none");
            for at in 0..n {
                let mut w = plain.clone();
                w[at] = b'-';
                assert!(super::has_hyphen(&w), "{n} bytes, at {at}");
            }
        }
    }
}

/// The countries of `data/countries.txt`, for the codes of sports results.
static COUNTRIES: &str = include_str!("../data/countries.txt");

/// Whether `w` is a country's code in a sports result: the first two or three letters of its
/// Dutch name ("Ita", "Dui", "Ned") or the initials of a name of several words ("VS", "GB",
/// "Z-A").
fn country_code(w: &str) -> bool {
    let n = w.chars().count();
    if !(2..=3).contains(&n) || !w.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    // Without allocating (this runs on every word before a bracket): the code's letters are
    // compared with the initials as they are read.
    let code = || w.chars().filter(|&c| c != '-');
    let code_len = code().count();
    country_initials().iter().any(|(initials, c)| {
        (initials.len() >= 2
            && code_len <= initials.len()
            && code().zip(initials.iter().copied()).all(|(a, b)| a == b))
            || (n == 3
                && w.chars().skip(1).all(|c| c.is_ascii_lowercase())
                && c.len() > 3
                && c.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(w)))
    })
}

/// Each country of [`COUNTRIES`] with the first letters of the parts of its name (split at
/// spaces and hyphens), read once: re-reading the list at every code cost more than the rest
/// of the test.
fn country_initials() -> &'static [(Vec<char>, &'static str)] {
    static TABLE: std::sync::OnceLock<Vec<(Vec<char>, &'static str)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        COUNTRIES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|c| {
                let initials = c.split([' ', '-']).filter_map(|p| p.chars().next());
                (initials.collect(), c)
            })
            .collect()
    })
}

/// Whether a country code in brackets follows token `last`, as after a name in sports
/// results: "Frigo (Ita) 4:34", "Kournikova (Rus / 14)".
fn country_code_after(cx: &Ctx, last: usize) -> bool {
    let toks = cx.toks;
    let at = |k: usize, c: u8| toks.get(k).is_some_and(|t| t.is_punct(cx.text, c));
    if !at(last + 1, b'(') {
        return false;
    }
    // The code may be written with a hyphen ("Z-A"): the tokens up to the closing bracket.
    let mut k = last + 2;
    let start = match toks.get(k) {
        Some(t) if t.class == Class::Word => t.start(),
        _ => return false,
    };
    while toks
        .get(k + 1)
        .is_some_and(|t| !t.space_before && !t.is_punct(cx.text, b')'))
    {
        k += 1;
    }
    let Some(code) = cx.text.get(start..toks[k].end()) else {
        return false;
    };
    let closed = at(k + 1, b')')
        || (at(k + 1, b'/')
            && toks.get(k + 2).is_some_and(|t| t.class == Class::Number)
            && at(k + 3, b')'))
        // A pair in a doubles match: "(Tsj / Dui)".
        || (at(k + 1, b'/')
            && toks
                .get(k + 2)
                .is_some_and(|t| t.class == Class::Word && country_code_any(t.text(cx.text)))
            && at(k + 3, b')'));
    closed && country_code_any(code)
}

/// [`country_code`], or a code of the first letters of each word of a country's name, each
/// word's part led by a capital: "VSt" (Verenigde Staten), "W-Rus" (Wit-Rusland), "GBr".
fn country_code_any(w: &str) -> bool {
    if country_code(w) {
        return true;
    }
    // Without allocating: this runs on every word before "(" and a capitalised word.
    let mut code = [0u8; 5];
    let mut n = 0;
    for b in w.bytes().filter(|&b| b != b'-') {
        if n == code.len() || !b.is_ascii_alphabetic() {
            return false;
        }
        code[n] = b;
        n += 1;
    }
    let code = &code[..n];
    if n < 2 || !code[0].is_ascii_uppercase() {
        return false;
    }
    // A part starts at each capital: "VSt" -> "V", "St"; "WRus" -> "W", "Rus".
    let mut parts: [&[u8]; 5] = [&[]; 5];
    let mut np = 0;
    let mut from = 0;
    for i in 1..=n {
        if i == n || code[i].is_ascii_uppercase() {
            parts[np] = &code[from..i];
            np += 1;
            from = i;
        }
    }
    let parts = &parts[..np];
    parts.len() >= 2
        && country_initials().iter().any(|&(_, c)| {
            let mut words = c.split([' ', '-']).filter(|x| !x.is_empty());
            parts.iter().all(|p| {
                words.next().is_some_and(|word| {
                    word.len() >= p.len() && word.as_bytes()[..p.len()].eq_ignore_ascii_case(p)
                })
            })
        })
}

/// A Roman number after a given name is the name's: "koning Albert II", "paus Johannes Paulus
/// I", "Leopold II".
fn regnal_numbers(cx: &mut Ctx, out: &mut [Finding]) {
    let toks = cx.toks;
    let bytes = cx.text.as_bytes();
    let mut after = 0;
    for f in out.iter_mut().filter(|f| f.kind == Kind::Person) {
        // In the bytes first: a Roman number follows only after spaces on the same line,
        // which nearly every name lacks; the tokens are looked up for the few that have it.
        let mut k = f.end;
        while bytes
            .get(k)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\r' | 0x0c))
        {
            k += 1;
        }
        if k == f.end
            || !bytes
                .get(k)
                .is_some_and(|b| matches!(b, b'I' | b'V' | b'X'))
        {
            continue;
        }
        after = partition_near(toks, after, |x| x.start() < f.end);
        let Some(t) = after.checked_sub(1) else {
            continue;
        };
        // The Roman number first: it rules out nearly every name on one token.
        let Some(n) = toks.get(t + 1) else { continue };
        let w = n.text(cx.text);
        let roman = n.class == Class::Word
            && n.space_before
            && n.nl_before == 0
            && (1..=5).contains(&w.len())
            && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
        if !roman || toks[t].end() != f.end {
            continue;
        }
        let first = toks.partition_point(|x| x.start() < f.start);
        if cx.features(t) & F_FIRST == 0
            && toks
                .get(first)
                .is_none_or(|_| cx.features(first) & F_FIRST == 0)
        {
            continue;
        }
        // Not an initial ("Albert I. Jansen") or before a capitalised word.
        let free = toks.get(t + 2).is_none_or(|x| {
            !(x.class == Class::Word && x.cap
                || w.len() == 1 && x.is_punct(cx.text, b'.') && !x.space_before)
        });
        if free {
            f.end = n.end();
        }
    }
}

/// Whether token `t` begins a sentence or a line (after ". ! ? :" or a quote, or first on its
/// line).
fn sentence_start(cx: &Ctx, t: usize) -> bool {
    if t == 0 || cx.toks[t].nl_before > 0 {
        return true;
    }
    let p = cx.toks[t - 1];
    p.class == Class::Punct
        && matches!(
            cx.text.as_bytes()[p.start()],
            b'.' | b'!' | b'?' | b':' | b'"' | b'\''
        )
}

/// Decides whether a chain is a person; returns (first token, last element, rule, score).
/// `s..=e` is the element range [`trimmed`] left of the chain.
fn classify(cx: &mut Ctx, ch: &Chain, s: usize, e: usize) -> Option<Hit> {
    // Glued to the hyphen after "motie" or "amendement": the member who moved it ("de
    // motie-Van Aalst", "de motie-Sneller/Den Boer").
    if motion_before(cx, ch.els[s].0) {
        let first_tok = ch.els[s].0;
        let end = el_end(cx.toks, ch, e);
        let last = ch.els[e].0;
        return Some(hit(
            cx.toks[first_tok].start(),
            end,
            first_tok,
            last,
            "name.motion",
            0.85,
        ));
    }
    // "Fractie-Otten": a group in parliament named after its member, written as one word.
    if s == e {
        let t = ch.els[e].0;
        if let Some(start) = group_named_after(cx, t) {
            return Some(hit(start, cx.toks[t].end(), t, t, "name.motion", 0.85));
        }
    }
    // A name with its given name in brackets after the initials is whole as the chain has it
    // ("ir. M. (Marjolein) Baart"), also when its surname is an ordinary word.
    if let Some(k) = bracketed_given_in(cx, ch, s, e) {
        let first_tok = ch.els[s].0;
        let end = el_end(cx.toks, ch, e);
        return Some(hit(
            cx.toks[first_tok].start(),
            end,
            first_tok,
            ch.els[k].0,
            "name.initials_surname",
            0.85,
        ));
    }
    // A firm named after a person ends in its legal form: "F. LOENDERSLOOT INTERNATIONALE
    // EXPEDITIE B.V.", "J. Jansen B.V."; it is no person.
    if legal_form_after(cx, cx_last_tok(ch, e)) {
        return None;
    }
    // A surname with lower-case particles on a line of its own, under a given name that signs
    // after a closing or a function line: "De Staatssecretaris van Financiën,\n\nMarnix\n\nvan
    // Rij" (the particles belong to it, and so may an ordinary word).
    if let Some(p0) = particle_surname_signature(cx, ch.els[s].0, cx_last_tok(ch, e)) {
        let (first, last) = (ch.els[s].0, ch.els[e].0);
        let end = el_end(cx.toks, ch, e);
        return Some(hit(
            cx.toks[p0].start(),
            end,
            first,
            last,
            "name.signature",
            0.8,
        ));
    }
    // A title's abbreviation alone is no name ("mr. Ing. J.D. Frieling"); nor is a compound
    // noun ending in a lower-case part ("de James Bond-films").
    if (s == e && cx.dotted_title(ch.els[e].0)) || compound_tail(cx.w(ch.els[e].0)) {
        return None;
    }
    // A name in sports results, also one that is an ordinary word: "Frigo (Ita) 4:34",
    // "Kournikova (Rus / 14)"; not a town ("Utrecht (Ned)").
    if s == e && ch.els[e].1 == El::Cap && {
        // Also the first of a pair in a doubles match: "Hrdlickova / Rittner (Tsj / Dui)".
        let t = ch.els[e].0;
        let toks = cx.toks;
        country_code_after(cx, t)
            || (toks.get(t + 1).is_some_and(|x| x.is_punct(cx.text, b'/'))
                && toks
                    .get(t + 2)
                    .is_some_and(|x| x.class == Class::Word && x.cap)
                && country_code_after(cx, t + 2))
    } {
        let t = ch.els[e].0;
        if !cx.is_place_toks(t, t) && !cx.is_org(t) && cx.features(t) & F_NONNAME == 0 {
            let (start, end) = (cx.toks[t].start(), cx.toks[t].end());
            return Some(hit(start, end, t, t, "name.country_code", 0.85));
        }
    }
    // Fast exit for the commonest chain, one ordinary word ("Het", "Daarom"): of the rules
    // below only "Surname, Firstname" (and a salutation before a known surname) can accept
    // a common word, so test just those.
    if s == e
        && cx.common_word(ch.els[e].0)
        && cx.features(ch.els[e].0) & F_SURNAME == 0
        && comma_first_name_after(cx, ch.els[e].0).is_none()
        && !(s > 0 || {
            // A title word right before (not an abbreviation's full stop: "Ridder. Hij").
            let t = ch.els[e].0;
            t > 0 && cx.toks[t - 1].class == Class::Word && cx.title_before(t).is_some()
        })
    {
        let t = ch.els[e].0;
        if signs_function_line(cx, t) {
            let (start, end) = (cx.toks[t].start(), cx.toks[t].end());
            return Some(hit(start, end, t, t, "name.signature", 0.8));
        }
        return None;
    }
    let els = &ch.els[s..=e];
    let mut cap_buf = [0usize; MAX_ELS];
    let mut n_caps = 0;
    for (p, &(c, kind)) in els.iter().enumerate() {
        if kind != El::Cap {
            continue;
        }
        // A known surname after a particle (and a name word before) is the surname even
        // where it is also an organisation word: "Tineke van 't Hof" (not "Hof van Justitie").
        let surname_after_particle =
            n_caps > 0 && els[p - 1].1 == El::Particle && cx.features(c) & F_SURNAME != 0;
        if cx.is_org(c) && !surname_after_particle {
            return None;
        }
        if cx.features(c) & F_NONNAME != 0 {
            return None;
        }
        cap_buf[n_caps] = c;
        n_caps += 1;
    }
    let caps = &cap_buf[..n_caps];
    let first_tok = els[0].0;
    let span_s = cx.toks[first_tok].start();
    let span_e = el_end(cx.toks, ch, e);
    // A place is no name, except as the surname of "Surname, Initials" or "Surname, Given
    // name" ("Boer, Peter de", "Vries, H. de": both are towns too).
    let place = cx.is_place_toks(first_tok, cx_last_tok(ch, e));
    let has_initials = els.iter().any(|x| x.1 == El::Initial);
    let last = *caps.last()?;
    let last_common = cx.common_word(last);
    // Glued to a preceding hyphen ("VR-218-D. Na"): part of a code, not a name.
    if first_tok > 0
        && !cx.toks[first_tok].space_before
        && cx.toks[first_tok].nl_before == 0
        && (cx.toks[first_tok - 1].class != Class::Punct
            || cx.toks[first_tok - 1].is_punct(cx.text, b'-')
            || cx.toks[first_tok - 1].is_punct(cx.text, b'.'))
    {
        return None;
    }
    // A street name before a house number ("Burgemeester Jamessingel 112"), not before the
    // day of a date ("André Oostdijk 3 mei 2013").
    let after = cx_last_tok(ch, e) + 1;
    if cx
        .toks
        .get(after)
        .is_some_and(|t| t.class == Class::Number && t.nl_before == 0)
        && crate::ident::is_street_word(cx.w(last))
        && !crate::ident::month_after(cx.text, cx.toks, after)
    {
        return None;
    }
    let title_ctx = {
        let t0 = ch.els[0].0;
        (s > 0 && cx.title_class(ch.els[s - 1].0).is_some()) || cx.title_before(t0).is_some()
    };
    let alone = line_alone(cx, first_tok, cx_last_tok(ch, e));
    // "Surname, J." layout.
    // Lower-case particles that open a table cell belong to the surname (asked only of a
    // chain with a comma after it).
    let cell_tok = |cx: &Ctx| cell_particles_before(cx, first_tok).unwrap_or(first_tok);
    // A town after a lower-case word of the sentence is the town, not the surname of a
    // "Surname, Given name" entry: "uit Gouda, Bekir Doğan", "wonend in Haarlem, H. Doğan".
    let town_in_sentence = place
        && first_tok > 0
        && cx.toks[first_tok].nl_before == 0
        && cx.toks[first_tok - 1].class == Class::Word
        && !cx.toks[first_tok - 1].cap
        && !is_particle(cx.w(first_tok - 1));
    // A chain that opens with initials, or several capitalised words opening with a given
    // name and no particle among them, is a whole name, not a surname: "S. Hendriks, Sunil
    // Soekhai" and "Abdi Ismail Hassan, Hassan Abdi Hassan" are lists of two names. So is a
    // given name with a particle and surname after it: "Dirk de Vries, Ubah Ali Warsame".
    // A chain of two capitalised words or more, no particle, after a list's comma is a
    // whole name too, whether its given name is known or not: "J. Jansen, Vikash Karsters,
    // Priya Ramdin (gemeente)".
    let after_list_comma = first_tok > 0
        && cx.toks[first_tok].nl_before == 0
        && cx.toks[first_tok - 1].is_punct(cx.text, b',');
    let given_first_chain = els[0].1 == El::Initial
        || (n_caps >= 2
            && !els.iter().any(|x| x.1 == El::Particle)
            && (cx.features(caps[0]) & F_FIRST != 0 || after_list_comma))
        || (n_caps >= 2
            && cx.features(caps[0]) & F_FIRST != 0
            && els.get(1).is_some_and(|x| x.1 == El::Particle));
    if let Some(end) = comma_initials_after(cx, cx_last_tok(ch, e)).filter(|_| !town_in_sentence) {
        // An ordinary word (or a town) as the surname only in a header field, a list or a
        // table ("4. Vries, H. de", "Van: Boer, P.").
        if (!last_common && !place)
            || header_field_before(cx, first_tok)
            || list_line(cx, first_tok)
            || table_cell(cx, cell_tok(cx), end)
        {
            return Some(Hit {
                start: cx.toks[cell_tok(cx)].start(),
                end: cx.toks[end].end(),
                first_tok,
                last_tok: last,
                rule: "name.surname_initials",
                score: 0.85,
            });
        }
    }
    // "Jansen, Lotte" in header fields and lists: surname, comma, a known first name.
    if let Some(fe) = comma_first_name_after(cx, cx_last_tok(ch, e))
        .filter(|&fe| !town_in_sentence && !given_first_chain && !between_commas(cx, first_tok, fe))
    {
        let cell = cell_tok(cx);
        if header_field_before(cx, first_tok)
            || list_line(cx, first_tok)
            || table_cell(cx, cell, fe)
        {
            return Some(Hit {
                start: cx.toks[cell].start(),
                end: cx.toks[fe].end(),
                first_tok,
                last_tok: last,
                rule: "name.surname_firstname",
                score: 0.8,
            });
        }
    }
    // After a salutation a town's name is a surname: "mevrouw Ellemeet namens GroenLinks".
    if place
        && caps.len() == 1
        && s == 0
        && cx
            .title_before(first_tok)
            .is_some_and(|(c, _)| c == TitleClass::Salutation)
    {
        return Some(hit(span_s, span_e, first_tok, last, "name.title", 0.85));
    }
    // So after an office of one person ("staatssecretaris Nuis van Onderwijs").
    if place && caps.len() == 1 && s == 0 && office_before(cx, first_tok, last) {
        return Some(hit(span_s, span_e, first_tok, last, "name.title", 0.8));
    }
    // A signature at the end of a function line is a name also where it is a town's: "De
    // voorzitter van de commissie, Tielen".
    if place
        && caps.len() == 1
        && function_line_before(cx, first_tok, cx_last_tok(ch, e))
        && article_function_line(cx, first_tok)
        && cx.title_class(last).is_none()
    {
        return Some(hit(span_s, span_e, first_tok, last, "name.signature", 0.8));
    }
    // Initials and particles before a town are a surname ("G. van Dalen").
    if place && !(has_initials && els[0].1 == El::Initial) {
        return None;
    }
    // Initials + surname. Two initials or more, or initials and particles, before a capitalised
    // word are a name also when the word is an ordinary one ("A.M. Meerman", "J.L. Stel" in a
    // list of members, "G. van Dalen").
    let initials = els.iter().take_while(|x| x.1 == El::Initial).count();
    if has_initials
        && els[0].1 == El::Initial
        && (!last_common
            || ((initials >= 2 || els.iter().any(|x| x.1 == El::Particle))
                && cx.title_class(last).is_none())
            || title_ctx
            || alone
            || header_field_before(cx, first_tok)
            || field_value(cx, first_tok, cx_last_tok(ch, e)))
    {
        return Some(hit(
            span_s,
            span_e,
            first_tok,
            last,
            "name.initials_surname",
            0.9,
        ));
    }
    // Kunya: "Abu Ibrahim", "Umm Salma".
    let w0 = cx.w(first_tok);
    if (w0 == "Abu" || w0 == "Umm" || w0 == "Abou") && caps.len() == 1 && els.len() == 2 {
        return Some(hit(span_s, span_e, first_tok, last, "name.kunya", 0.85));
    }
    // First name + surname, unless an organisation's head word names it: "Stichting Yunus
    // Emre" (a foundation named after a poet is no person).
    if caps.len() >= 2 && els[0].1 == El::Cap && !org_name_after_head(cx, first_tok) {
        let f = cx.features(caps[0]);
        let first_known = f & F_FIRST != 0;
        let first_common = cx.common_word(caps[0]);
        if first_known && !(first_common && last_common) {
            return Some(hit(span_s, span_e, first_tok, last, "name.first_last", 0.9));
        }
        // Or a double surname with a known part: "Sharmila Ramsaran-Jhagroe".
        let surname_known = cx.features(last) & F_SURNAME != 0 || {
            let w = cx.w(last);
            let n = w.split('-').count();
            (2..=3).contains(&n)
                && w.split('-').all(|p| {
                    p.chars().next().is_some_and(char::is_uppercase) && p.chars().count() >= 2
                })
                && w.split('-').any(|p| {
                    lexicon::word_bits(lexicon::lower(p, &mut cx.buf)) & lexicon::W_SURNAME != 0
                })
        };
        let camel = caps.iter().any(|&c| {
            let w = cx.w(c);
            w.chars().skip(1).any(char::is_uppercase) && !w.contains('-')
        });
        let last_place = { cx.is_place_toks(last, last) };
        if !first_common && surname_known && !camel && !last_place && f & F_DUTCH == 0 {
            return Some(hit(span_s, span_e, first_tok, last, "name.pair", 0.7));
        }
    }
    // Title or salutation before the chain (the title may have been trimmed off the chain).
    let title = if s > 0 {
        let t = ch.els[s - 1].0;
        cx.title_or_compound(t).map(|c| (c, t))
    } else {
        cx.title_before(ch.els[0].0).map(|(c, _)| (c, 0))
    };
    // A long word alone is a compound noun ("Gemeentesecretaris"), unless it is a double
    // surname whose parts are capitalised ("Hennis-Plasschaert").
    let double_surname = cx.w(last).contains('-')
        && cx
            .w(last)
            .split('-')
            .all(|part| part.chars().next().is_some_and(char::is_uppercase));
    let long_compound = caps.len() == 1
        && cx.w(last).chars().count() > 14
        && cx.features(last) & F_SURNAME == 0
        && !double_surname;
    // "het lid Sneller", "de leden Kuiken en Yücel", "Kamerlid Bruins": a member of parliament
    // or of a council is named, also by a surname that is an ordinary word.
    if (member_before(cx, first_tok) || members_announced_before(cx, first_tok))
        && !cx.is_org(last)
        && cx.title_class(last).is_none()
        && cx.features(last) & F_NONNAME == 0
    {
        return Some(hit(span_s, span_e, first_tok, last, "name.title", 0.85));
    }
    // "draagt gedeputeerde Straat de portefeuille over": an office holder is named, also by
    // a surname that is an ordinary word.
    if caps.len() == 1 && !place && office_holder_before(cx, first_tok, last) {
        return Some(hit(span_s, span_e, first_tok, last, "name.title", 0.8));
    }
    if let Some((class, _)) = title.filter(|_| !long_compound) {
        // A salutation is followed by a name, also one that is an ordinary word ("mevrouw
        // Snijder"); so is an office before "van" and its department ("staatssecretaris Bleker
        // van Economische Zaken").
        let after = cx_last_tok(ch, e) + 1;
        let office_of = class == TitleClass::Role
            && caps.len() == 1
            && cx.toks.get(after).is_some_and(|t| {
                t.class == Class::Word && matches!(t.text(cx.text), "van" | "voor")
            })
            && cx.toks.get(after + 1).is_some_and(|t| t.cap);
        let plain_word = !cx.is_org(last) && cx.title_class(last).is_none();
        // An office before a known surname that is an ordinary word too: "minister Dekker",
        // "staatssecretaris Knops".
        let surname = cx.features(last) & F_SURNAME != 0;
        // "Dhr. mr. Marte van der Loop": a word, "van der" and a word after a title.
        let van_der = ch.els[s].1 == El::Cap && (s + 1..e).any(|k| surname_particles(cx, ch, k));
        if !last_common
            || van_der
            || (class == TitleClass::Salutation && (surname || plain_word))
            || (class == TitleClass::Role && surname && plain_word)
            || (office_of && plain_word)
        {
            return Some(hit(span_s, span_e, first_tok, last, "name.title", 0.85));
        }
    }
    // A first name alone after a greeting ("Hoi Bram,") or as a signature under "Groet,".
    if caps.len() == 1 && els.len() == 1 {
        let f = cx.features(last);
        if f & F_FIRST != 0 && f & F_NONNAME == 0 {
            let greet = first_tok > 0
                && cx.toks[first_tok].nl_before == 0
                && matches!(
                    cx.lw_ref(first_tok - 1),
                    "hoi" | "hallo" | "beste" | "dag" | "hey" | "lieve" | "dank" | "bedankt"
                );
            // "de jongerenwerker, Nadia, heeft": a role, then the name between commas.
            let appositive = first_tok >= 2
                && cx.toks[first_tok - 1].is_punct(cx.text, b',')
                && cx
                    .toks
                    .get(last + 1)
                    .is_some_and(|t| t.is_punct(cx.text, b','))
                && cx.title_class(first_tok - 2) == Some(TitleClass::Role);
            if greet
                || appositive
                || (alone && after_closing(cx, first_tok))
                || closing_before_on_line(cx, first_tok, last)
            {
                return Some(hit(
                    span_s,
                    span_e,
                    first_tok,
                    last,
                    "name.first_greeting",
                    0.75,
                ));
            }
        }
    }
    // Header fields: "Van: Jan Jansen", "Aan:", "CC:"; a role as the label, also before a
    // name that is an ordinary word ("Voorzitter: Van der Ham", "Griffier: Schüssel").
    let last_tok = cx_last_tok(ch, e);
    if (header_field_before(cx, first_tok) && !last_common)
        || (role_label_before(cx, first_tok) && field_value(cx, first_tok, last_tok))
    {
        return Some(hit(span_s, span_e, first_tok, last, "name.header", 0.8));
    }
    // The surname of a signature whose given name stands alone under the closing, a blank
    // line or a page break before it: "Met vriendelijke groet,\n\nJan\n\nJansen".
    if alone
        && first_tok >= 3
        && cx.toks[first_tok].nl_before >= 2
        && !last_common
        && cx.title_class(last).is_none()
        && !cx.is_org(last)
        && !cx.is_place_toks(first_tok, last)
        && {
            let p = first_tok - 1;
            cx.toks[p].class == Class::Word
                && cx.is_cap(p)
                && cx.features(p) & F_FIRST != 0
                && line_alone(cx, p, p)
                && after_closing(cx, p)
        }
    {
        return Some(hit(span_s, span_e, first_tok, last, "name.signature", 0.8));
    }
    // A signature under a function line: "De adjunct-griffier van de commissie,\nVerouden".
    if alone && after_function_line(cx, first_tok) && cx.title_class(last).is_none() {
        return Some(hit(span_s, span_e, first_tok, last, "name.signature", 0.8));
    }
    // The same at the end of the function line itself: "De griffier van de vaste commissie
    // voor Economische Zaken, Landbouw en Innovatie, Franke".
    if function_line_before(cx, first_tok, last_tok) && cx.title_class(last).is_none() {
        return Some(hit(span_s, span_e, first_tok, last, "name.signature", 0.8));
    }
    // "de motie Voordewind c.s.": "cum suis" follows only a person's name.
    if cum_suis_after(cx, last_tok) && cx.title_class(last).is_none() {
        return Some(hit(span_s, span_e, first_tok, last, "name.cum_suis", 0.85));
    }
    // Verb of speech after, or "aldus" before.
    let after = cx_last_tok(ch, e) + 1;
    if !last_common && caps.len() <= 2 {
        if let Some(t) = cx.toks.get(after) {
            if t.class == Class::Word
                && lexicon::lower_is_one_of(cx.w(after), &mut cx.buf, &SPEECH_AFTER)
            {
                let f = cx.features(last);
                if f & F_SURNAME != 0 && !end_of_a_named_thing(cx, first_tok) {
                    return Some(hit(span_s, span_e, first_tok, last, "name.speech", 0.7));
                }
                // A first name alone that speaks: "Priya vertelt dat ..." (a person known
                // by first name in the file; an ordinary word is excluded above).
                if caps.len() == 1 && els.len() == 1 && f & F_FIRST != 0 && f & F_NONNAME == 0 {
                    return Some(hit(
                        span_s,
                        span_e,
                        first_tok,
                        last,
                        "name.first_speech",
                        0.7,
                    ));
                }
            }
        }
    }
    None
}

fn hit(
    start: usize,
    end: usize,
    first_tok: usize,
    last_tok: usize,
    rule: &'static str,
    score: f32,
) -> Hit {
    Hit {
        start,
        end,
        first_tok,
        last_tok,
        rule,
        score,
    }
}

struct Hit {
    start: usize,
    end: usize,
    first_tok: usize,
    last_tok: usize,
    rule: &'static str,
    score: f32,
}

#[inline(always)]
fn cx_last_tok(ch: &Chain, e: usize) -> usize {
    let (ti, k) = ch.els[e];
    if k == El::Initial {
        ti + 1
    } else {
        ti
    }
}

fn header_field_before(cx: &mut Ctx, first_tok: usize) -> bool {
    if first_tok < 2 {
        return false;
    }
    let colon = &cx.toks[first_tok - 1];
    if !colon.is_punct(cx.text, b':') {
        return false;
    }
    let field = first_tok - 2;
    if cx.toks[field + 1].nl_before > 0 || cx.toks[field].nl_before == 0 && field > 0 {
        return false;
    }
    matches!(
        cx.lw_ref(field),
        "door"
            | "naam"
            | "contactpersoon"
            | "van"
            | "aan"
            | "cc"
            | "bcc"
            | "from"
            | "to"
            | "afzender"
            | "ontvanger"
            | "auteur"
            | "auteurs"
            | "opsteller"
            | "verslag"
            | "notulist"
            | "behandelaar"
    )
}

/// Whether a member's title comes right before token `first_tok` on its line: "het lid",
/// "de leden", "Kamerlid", "raadslid" (and their plurals).
fn member_before(cx: &Ctx, first_tok: usize) -> bool {
    let Some(k) = first_tok.checked_sub(1) else {
        return false;
    };
    let t = &cx.toks[k];
    if t.class != Class::Word || cx.toks[first_tok].nl_before > 0 {
        return false;
    }
    let w = cx.w(k);
    let is = |x: &str| w.eq_ignore_ascii_case(x);
    if is("lid") || is("leden") {
        return k > 0
            && cx.toks[k - 1].class == Class::Word
            && matches!(cx.w(k - 1), "het" | "de" | "Het" | "De");
    }
    lexicon::MEMBER_TITLES.iter().any(|m| is(m))
}

/// Whether a lower-case office of one person ([`OFFICES`]) comes right before the one-word
/// chain `first_tok..=last` on its line, the chain no organisation or title word.
fn office_before(cx: &mut Ctx, first_tok: usize, last: usize) -> bool {
    let toks = cx.toks;
    first_tok > 0
        && first_tok == last
        && toks[first_tok].nl_before == 0
        && toks[first_tok - 1].class == Class::Word
        && OFFICES.contains(&cx.w(first_tok - 1))
        && !cx.is_org(last)
        && cx.title_class(last).is_none()
}

/// Offices of one person, written lower-case before the holder's name.
const OFFICES: [&str; 6] = [
    "gedeputeerde",
    "wethouder",
    "burgemeester",
    "minister",
    "staatssecretaris",
    "commissaris",
];

/// Whether a lower-case office of one person comes right before the one-word chain
/// `first_tok..=last` mid-sentence and the word can be a surname: "gedeputeerde Straat",
/// "wethouder Bakker", "burgemeester Zwart". Not an organisation or title word, nor a
/// portfolio in a list ("wethouder Wonen en Zorg", "gedeputeerde Natuur, Water") or before
/// "van" ("minister van Financiën" is another rule's).
fn office_holder_before(cx: &mut Ctx, first_tok: usize, last: usize) -> bool {
    if !office_before(cx, first_tok, last) {
        return false;
    }
    let toks = cx.toks;
    let next_cap = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.nl_before == 0 && t.class == Class::Word && t.cap)
    };
    let list_after = toks.get(last + 1).is_some_and(|t| {
        t.nl_before == 0
            && (t.is_punct(cx.text, b',')
                || t.is_punct(cx.text, b'&')
                || t.is_punct(cx.text, b'/')
                || (t.class == Class::Word && matches!(cx.w(last + 1), "en" | "van" | "voor")))
    }) && next_cap(last + 2);
    !list_after && cx.features(last) & F_NONNAME == 0
}

/// Whether token `first_tok` opens the line after a line that announces members and ends in a
/// colon, as the Handelingen write who is absent: "Ik deel aan de Kamer mee dat het volgende lid
/// zich heeft afgemeld:" / "Leijten." (the line may be followed by a blank one).
fn members_announced_before(cx: &Ctx, first_tok: usize) -> bool {
    let toks = cx.toks;
    if first_tok < 2
        || !(1..=2).contains(&toks[first_tok].nl_before)
        || !toks[first_tok - 1].is_punct(cx.text, b':')
    {
        return false;
    }
    let mut k = first_tok - 1;
    while k > 0 && k + 16 > first_tok && toks[k].nl_before == 0 {
        k -= 1;
        if toks[k].class == Class::Word && matches!(cx.w(k), "lid" | "leden" | "Kamerleden") {
            return true;
        }
    }
    false
}

/// Whether a role and a colon come right before token `first_tok` ("Voorzitter:",
/// "Griffier:", "De rapporteur:").
fn role_label_before(cx: &mut Ctx, first_tok: usize) -> bool {
    first_tok >= 2
        && cx.toks[first_tok - 1].is_punct(cx.text, b':')
        && cx.toks[first_tok].nl_before == 0
        && cx.toks[first_tok - 2].class == Class::Word
        && cx.title_class(first_tok - 2) == Some(TitleClass::Role)
}

/// Whether the line before token `i` is a function line of a signature: it ends in a comma and
/// holds a role ("De Minister van Justitie en Veiligheid,", "De adjunct-griffier van de
/// commissie,").
fn after_function_line(cx: &mut Ctx, i: usize) -> bool {
    if i < 2 || cx.toks[i].nl_before == 0 || !cx.toks[i - 1].is_punct(cx.text, b',') {
        return false;
    }
    let mut k = i - 1;
    while k > 0 && i - k < 16 {
        let starts_line = cx.toks[k].nl_before > 0;
        k -= 1;
        if cx.toks[k].class == Class::Word
            && (cx.title_class(k) == Some(TitleClass::Role) || is_role_compound(cx.w(k)))
        {
            return true;
        }
        if starts_line {
            break;
        }
    }
    false
}

/// Whether the chain `first..=last` ends its line after a comma, on a line that begins with a
/// role ("De griffier van de commissie, Franke"; "De" may come first).
fn function_line_before(cx: &mut Ctx, first: usize, last: usize) -> bool {
    let toks = cx.toks;
    if first < 3
        || toks[first].nl_before > 0
        || !toks[first - 1].is_punct(cx.text, b',')
        || toks.get(last + 1).is_some_and(|t| t.nl_before == 0)
    {
        return false;
    }
    // The start of the line, at most 24 tokens back.
    let mut k = first - 1;
    while k > 0 && toks[k].nl_before == 0 {
        if first - k > 24 {
            return false;
        }
        k -= 1;
    }
    if toks[k].class == Class::Word && matches!(cx.w(k), "De" | "de") {
        k += 1;
    }
    k < first - 1
        && toks[k].class == Class::Word
        && (cx.title_class(k) == Some(TitleClass::Role) || is_role_compound(cx.w(k)))
}

/// Whether the line that token `first` ends opens with "De" and holds an office of several words
/// before its comma ("De voorzitter van de commissie, Tielen"), not a label and a comma
/// ("Vormgeving, Rotterdam" in a list of exhibitions).
fn article_function_line(cx: &Ctx, first: usize) -> bool {
    let toks = cx.toks;
    let mut k = first.saturating_sub(1);
    while k > 0 && toks[k].nl_before == 0 {
        k -= 1;
    }
    first - k >= 5 && toks[k].class == Class::Word && matches!(cx.w(k), "De" | "de")
}

/// Whether "c.s." follows token `last`.
fn cum_suis_after(cx: &Ctx, last: usize) -> bool {
    let t = |k: usize, c: &str| cx.toks.get(k).is_some_and(|x| x.text(cx.text) == c);
    t(last + 1, "c") && t(last + 2, ".") && t(last + 3, "s") && t(last + 4, ".")
}

/// "Jansen, Lotte" — a comma then one known first name, then the end of the entry.
fn comma_first_name_after(cx: &mut Ctx, last_tok: usize) -> Option<usize> {
    let c = cx.toks.get(last_tok + 1)?;
    if !c.is_punct(cx.text, b',') || c.space_before {
        return None;
    }
    let f = last_tok + 2;
    let t = cx.toks.get(f)?;
    if !cx.is_cap(f) || t.nl_before > 0 {
        return None;
    }
    if cx.features(f) & F_FIRST == 0 {
        return None;
    }
    // More known given names may follow ("Warsame, Amina Hassan"; not "Karim Benali, Daan
    // Willems", a list of two names).
    let mut f = f;
    while f < last_tok + 4
        && cx
            .toks
            .get(f + 1)
            .is_some_and(|n| n.nl_before == 0 && n.space_before)
        && cx.is_cap(f + 1)
        && !next_column(cx, f, f + 1)
        && cx.features(f + 1) & F_FIRST != 0
    {
        f += 1;
    }
    // The end of the entry: of the text, a line or a table cell, or a separator.
    let ends_after = |k: usize| match cx.toks.get(k + 1) {
        None => true,
        Some(n) if n.nl_before > 0 || cx.toks[k].tab_before(cx.text, n) => true,
        Some(n) => {
            n.class == Class::Punct
                && matches!(
                    cx.text.as_bytes()[n.start()],
                    b';' | b'<' | b'(' | b',' | b'-'
                )
        }
    };
    // The particles of the surname may follow the given name, as mail programs write it:
    // "Meulen, Bas van der <b.vandermeulen@...>".
    let mut p = f;
    while p < f + 3
        && cx.toks.get(p + 1).is_some_and(|n| {
            n.class == Class::Word && !n.cap && n.nl_before == 0 && is_particle(cx.w(p + 1))
        })
    {
        p += 1;
    }
    if p > f && ends_after(p) {
        return Some(p);
    }
    ends_after(f).then_some(f)
}

/// Whether token `i` sits on a line that is a header field or list entry ("Aan: A, B; C",
/// "1. Smit, Ingrid - ...", "- Jansen").
fn list_line(cx: &Ctx, i: usize) -> bool {
    let mut k = i;
    while k > 0 && cx.toks[k].nl_before == 0 {
        k -= 1;
        if cx.toks[k].is_punct(cx.text, b':') {
            return true;
        }
    }
    // k is now the first token of the line.
    let t = &cx.toks[k];
    k < i
        && (t.is_punct(cx.text, b'-')
            || t.is_punct(cx.text, b'*')
            || (t.class == Class::Number
                && cx
                    .toks
                    .get(k + 1)
                    .is_some_and(|d| d.is_punct(cx.text, b'.') || d.is_punct(cx.text, b')'))))
        || (k == i && i == 0)
}

/// Whether tokens `a..=b` fill a cell of a tab-separated table alone.
fn table_cell(cx: &Ctx, a: usize, b: usize) -> bool {
    let toks = cx.toks;
    let starts = a == 0 || toks[a - 1].tab_before(cx.text, &toks[a]);
    let ends = toks
        .get(b + 1)
        .is_none_or(|n| n.nl_before > 0 || toks[b].tab_before(cx.text, n));
    starts && ends
}

/// Whether tokens `a..=b` fill their line alone (a signature, an addressee line).
fn line_alone(cx: &Ctx, a: usize, b: usize) -> bool {
    let starts = a == 0 || cx.toks[a].nl_before > 0;
    let ends = cx.toks.get(b + 1).is_none_or(|t| t.nl_before > 0);
    starts && ends
}

/// Whether the line before token `i` is a closing ("Groet,", "Met vriendelijke groet,").
fn after_closing(cx: &mut Ctx, i: usize) -> bool {
    if i < 2 || cx.toks[i].nl_before == 0 {
        return false;
    }
    if !cx.toks[i - 1].is_punct(cx.text, b',') {
        return false;
    }
    matches!(
        cx.lw_ref(i - 2),
        "groet" | "groeten" | "mvg" | "groetjes" | "vriendelijke" | "dank" | "regards"
    )
}

/// A first name that ends a line opened by a closing and a comma: "Mvg, Ineke".
fn closing_before_on_line(cx: &mut Ctx, first_tok: usize, last_tok: usize) -> bool {
    first_tok >= 2
        && cx.toks[first_tok].nl_before == 0
        && cx.toks[first_tok - 1].is_punct(cx.text, b',')
        && cx.toks[first_tok - 1].nl_before == 0
        && (first_tok == 2 || cx.toks[first_tok - 2].nl_before > 0)
        && cx.toks.get(last_tok + 1).is_none_or(|t| t.nl_before > 0)
        && matches!(
            cx.lw_ref(first_tok - 2),
            "groet" | "groeten" | "mvg" | "groetjes" | "gr" | "dank" | "regards"
        )
}

/// "Nobel, J.N.J." — a comma then initials (not followed by another capitalised word).
fn comma_initials_after(cx: &Ctx, last_tok: usize) -> Option<usize> {
    let c = cx.toks.get(last_tok + 1)?;
    if !c.is_punct(cx.text, b',') || c.space_before {
        return None;
    }
    let mut j = last_tok + 2;
    let mut end = None;
    // A blank line ends the entry: "Geachte heer Wolters,⏎⏎T.a.v. uw brief" has no initials.
    while j < cx.toks.len() && cx.is_initial(j) && cx.toks[j].nl_before < 2 {
        end = Some(j + 1);
        j += 2;
    }
    let mut end = end?;
    // The particles of the surname may follow the initials, before the end of the entry:
    // "Vries, H. de, geboren ...", "Meulen, B. van der <...>", a citation's "Velthoven, B. C.
    // J. van. (2007)".
    let mut p = end;
    while p < end + 3
        && cx.toks.get(p + 1).is_some_and(|n| {
            n.class == Class::Word && !n.cap && n.nl_before == 0 && is_particle(cx.w(p + 1))
        })
    {
        p += 1;
    }
    if p > end
        && cx.toks.get(p + 1).is_none_or(|n| {
            n.nl_before > 0
                || next_column(cx, p, p + 1)
                || (n.class == Class::Punct
                    && matches!(
                        cx.text.as_bytes()[n.start()],
                        b';' | b'<' | b'(' | b',' | b'.'
                    ))
        })
    {
        end = p;
    }
    // A capitalised word right after the initials continues something else ("Jansen, J.
    // Piet"); one in the next column of a form or table does not ("Ramsaran, P.D.
    // Personeelsnummer: ...").
    if cx.toks.get(end + 1).is_some_and(|t| {
        t.nl_before == 0
            && !next_column(cx, end, end + 1)
            && (cx.is_cap(end + 1) || is_particle(cx.w(end + 1)))
    }) {
        return None;
    }
    Some(end)
}

/// Whether token `b` stands in a later column than token `a` on the same line: a tab or more
/// than two spaces between them (the chain reader splits names there too).
fn next_column(cx: &Ctx, a: usize, b: usize) -> bool {
    let (ta, tb) = (&cx.toks[a], &cx.toks[b]);
    tb.start() - ta.end() > 2 || ta.tab_before(cx.text, tb)
}

/// Whether tokens `first_tok..=last_tok` are the whole value of a form field: after a label
/// on the same line (a word, then a colon), and up to the end of the line, the next column,
/// or a parenthesis or comma: "Casemanager HR: H. Pool    Bedrijfsarts: S. Lindeboom
/// (ArboNed)". Not "Besluit: P. Heeft aangifte gedaan": the sentence goes on.
fn field_value(cx: &Ctx, first_tok: usize, last_tok: usize) -> bool {
    let after_label = first_tok >= 2
        && cx.toks[first_tok - 1].is_punct(cx.text, b':')
        && cx.toks[first_tok].nl_before == 0
        && cx.toks[first_tok - 1].nl_before == 0
        && cx.toks[first_tok - 2].class == Class::Word;
    after_label
        && cx.toks.get(last_tok + 1).is_none_or(|t| {
            t.nl_before > 0
                || next_column(cx, last_tok, last_tok + 1)
                || t.is_punct(cx.text, b'(')
                || t.is_punct(cx.text, b',')
        })
}

/// The first of the lower-case particles before token `first_tok` when they open a table
/// cell or a line ("van der Linden, Jesse" in a tab-separated export): the name starts
/// there. `None` when there are none or they do not open a cell.
fn cell_particles_before(cx: &Ctx, first_tok: usize) -> Option<usize> {
    let mut k = first_tok;
    while k > 0 {
        let p = &cx.toks[k - 1];
        if p.class != Class::Word
            || p.cap
            || !is_particle(cx.w(k - 1))
            || cx.toks[k].nl_before > 0
            || next_column(cx, k - 1, k)
        {
            break;
        }
        k -= 1;
    }
    (k < first_tok && (k == 0 || cx.toks[k].nl_before > 0 || next_column(cx, k - 1, k)))
        .then_some(k)
}

/// Whether tokens `i..next` stand in a parenthesis that opens right after a person's name
/// and holds, besides them, only a date or an age and commas: "Peter Postma (15-2-1948,
/// Zaandam)", "(Leiden, 1971)", "(43, Tiel)", "(geb. 3 mei 1950, Ede)".
fn in_person_parenthesis(cx: &Ctx, person_ends: &[usize], i: usize, next: usize) -> bool {
    let (toks, text) = (cx.toks, cx.text);
    // Only a date's parts: numbers, month names, "geb", "jaar", and their punctuation.
    let date_part = |k: usize| {
        let t = &toks[k];
        t.nl_before == 0
            && match t.class {
                Class::Number => true,
                Class::Punct => matches!(text.as_bytes()[t.start()], b',' | b'-' | b'/' | b'.'),
                Class::Word => {
                    let w = t.text(text).to_ascii_lowercase();
                    crate::MONTH_NAMES.contains(&w.as_str())
                        || matches!(w.as_str(), "geb" | "geboren" | "jaar" | "jr" | "overleden")
                }
            }
    };
    let mut open = None;
    let mut k = i;
    while k > 0 && i - k < 10 {
        k -= 1;
        if toks[k].is_punct(text, b'(') {
            open = Some(k);
            break;
        }
        if !date_part(k) {
            return false;
        }
    }
    let Some(open) = open else { return false };
    if open == 0 || person_ends.binary_search(&toks[open - 1].end()).is_err() {
        return false;
    }
    let mut k = next;
    while k < toks.len() && k - next < 10 {
        if toks[k].is_punct(text, b')') {
            return true;
        }
        if !date_part(k) {
            return false;
        }
        k += 1;
    }
    false
}

/// "Het College voor de Rechten van de Mens spreekt": a word after particles that follow a
/// capitalised word which is no name, title or initial ends the name of a thing, not a
/// person's name ("Jan van de Mens" or "Mevrouw van de Mens" would have begun the chain).
fn end_of_a_named_thing(cx: &mut Ctx, first: usize) -> bool {
    let mut k = first;
    while k > 0 && cx.toks[k - 1].class == Class::Word && is_particle(cx.w(k - 1)) {
        if !cx.w(k - 1).starts_with(|c: char| c.is_ascii_lowercase()) {
            return false;
        }
        k -= 1;
    }
    k < first
        && k > 0
        && cx.toks[k - 1].class == Class::Word
        && cx.is_cap(k - 1)
        && cx.title_class(k - 1).is_none()
        && cx.features(k - 1) & (F_FIRST | F_SURNAME) == 0
        && !cx.is_initial(k - 1)
}

/// The first particle of a surname that opens its line with lower-case particles ("van
/// Rij"; the chain starts at `first`, its last token is `last`), alone on that line after a
/// blank line, under a given name alone on its line that signs after a closing or a function
/// line.
fn particle_surname_signature(cx: &mut Ctx, first: usize, last: usize) -> Option<usize> {
    let toks = cx.toks;
    let mut p0 = first;
    while p0 > 0
        && toks[p0].nl_before == 0
        && toks[p0 - 1].class == Class::Word
        && !toks[p0 - 1].cap
        && is_particle(cx.w(p0 - 1))
    {
        p0 -= 1;
    }
    if p0 == first
        || p0 < 3
        || toks[p0].nl_before < 2
        || !line_alone(cx, p0, last)
        || cx.title_class(last).is_some()
        || cx.is_org(last)
        || cx.features(last) & F_NONNAME != 0
    {
        return None;
    }
    let g = p0 - 1;
    let signs = toks[g].class == Class::Word
        && cx.is_cap(g)
        && cx.features(g) & F_FIRST != 0
        && line_alone(cx, g, g)
        && (after_closing(cx, g) || after_function_line(cx, g));
    signs.then_some(p0)
}

/// Whether tokens `a..=b` are an item between two others of a comma-separated enumeration:
/// "Hessels, Van Hijum, Hirsi Ali, Hofstra" in a list of members is four names, not
/// "Surname, Given name".
fn between_commas(cx: &Ctx, a: usize, b: usize) -> bool {
    a > 0
        && cx.toks[a - 1].is_punct(cx.text, b',')
        && cx
            .toks
            .get(b + 1)
            .is_some_and(|t| t.nl_before == 0 && t.is_punct(cx.text, b','))
}

/// Whether a surname that is an ordinary word too ends a function line after its comma: "De
/// voorzitter van de commissie, Sneller" (the signature of a list of questions).
fn signs_function_line(cx: &mut Ctx, t: usize) -> bool {
    // The layout test first: it fails on nearly every word after a few token reads, before
    // the organisation test.
    cx.is_cap(t)
        && function_line_before(cx, t, t)
        && cx.title_class(t).is_none()
        && cx.features(t) & F_NONNAME == 0
        && !cx.is_org(t)
}

/// Whether word `last` ending an open chain is an office ("De Minister heeft", a particle and
/// a title at a line's start) or the name of a firm ("Horvat & Partners"): never a person.
fn office_or_firm(cx: &mut Ctx, last: usize) -> bool {
    cx.title_class(last) == Some(TitleClass::Role)
        || cx
            .toks
            .get(last + 1)
            .is_some_and(|t| t.nl_before == 0 && t.is_punct(cx.text, b'&'))
}

/// Parties of Dutch councils and parliaments, which a table flattened to one line glues after a
/// member's name ("de heer Van Staalduinen PvdA"); in capitals they are no name either.
const PARTIES: [&str; 18] = [
    "pvda",
    "groenlinks",
    "christenunie",
    "pvdd",
    "fvd",
    "glpvda",
    "groenlinks-pvda",
    "50plus",
    "vvd",
    "cda",
    "sgp",
    "pvv",
    "d66",
    "denk",
    "bbb",
    "nsc",
    "ja21",
    "volt",
];

/// Whether a word is a compound noun: no name, ten characters or more, and an ordinary word
/// of five or more after a head of four or more ("Bestuursorgaan", "Documentsoort").
fn compound_noun(cx: &mut Ctx, t: usize) -> bool {
    let f = cx.features(t);
    let w = cx.w(t);
    if f & (F_SURNAME | F_FIRST) != 0 || w.contains('-') || w.chars().count() < 10 {
        return false;
    }
    if cx.common_word(t) {
        return true;
    }
    let mut low = String::new();
    lexicon::lower(w, &mut low);
    low.char_indices().skip(4).any(|(k, _)| {
        let tail = low.get(k..).unwrap_or("");
        tail.chars().count() >= 5 && lexicon::word_bits(tail) & lexicon::W_DUTCH != 0
    })
}

/// The last element of a name whose chain ran on into words a flattened table or heading
/// glues to it: a party ("mevrouw Meurs GroenLinks"), a compound noun after initials and a
/// surname ("Auteur J. Ringenier Bestuursorgaan"), an ordinary noun after a salutation and a
/// surname that is no given name ("Mevrouw Walkate Verslag"; not "mevrouw Bruins Slot", whose
/// second word is a known surname).
fn name_end_before_glued(cx: &mut Ctx, ch: &Chain, s: usize, e: usize) -> usize {
    if e <= s || ch.els[e].1 != El::Cap || ch.els[e - 1].1 != El::Cap {
        return e;
    }
    // After a given name in brackets comes the surname, also an ordinary word ("M. (Marjolein)
    // Baart").
    if bracketed_given_in(cx, ch, s, e) == Some(e - 1) {
        return e;
    }
    let t = ch.els[e].0;
    if lexicon::lower_is_one_of(cx.w(t), &mut cx.buf, &PARTIES) {
        return e - 1;
    }
    let f = cx.features(t);
    if f & (F_SURNAME | F_FIRST) != 0 {
        return e;
    }
    if ch.els[s].1 == El::Initial && compound_noun(cx, t) {
        return e - 1;
    }
    let salutation = if s > 0 {
        cx.title_class(ch.els[s - 1].0) == Some(TitleClass::Salutation)
    } else {
        cx.title_before(ch.els[s].0)
            .is_some_and(|(c, _)| c == TitleClass::Salutation)
    };
    let surname = ch.els[s].0;
    if salutation
        && e == s + 1
        && cx.features(surname) & F_FIRST == 0
        && !cx.common_word(surname)
        && cx.common_word(t)
    {
        return e - 1;
    }
    e
}

/// Names in capitals after a salutation or a member's title, as minutes and the titles of
/// parliamentary papers write them: "De heer SCHAAPMAN opent", "AMENDEMENT VAN HET LID VAN
/// DER STAAIJ", "MOTIE VAN DE LEDEN KUIPER EN BOS" (particles, then one word; after "leden"
/// also the names joined by "EN" or a comma). Not a title ("De heer VOORZITTER") or an
/// acronym of two letters.
fn upper_after_head(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let toks = cx.toks;
    let mut found = Vec::new();
    let mut skip_to = 0;
    for i in cx.caps.iter().map(|&i| i as usize) {
        if i < skip_to || i == 0 || !upper_word(cx, i) || toks[i].nl_before > 0 {
            continue;
        }
        let h = i - 1;
        if toks[h].class != Class::Word {
            continue;
        }
        let salutation = cx.title_class(h) == Some(TitleClass::Salutation);
        let lh = cx.lw_ref(h);
        let members = lh == "leden";
        let member = (lh == "lid" || members)
            && h > 0
            && toks[h - 1].class == Class::Word
            && matches!(cx.lw_ref(h - 1), "het" | "de");
        if !salutation && !member {
            continue;
        }
        let mut k = i;
        while let Some(end) = upper_name_at(cx, k) {
            found.push(person(toks[k].start(), toks[end].end(), 0.8, "name.upper"));
            skip_to = end + 1;
            // "KUIPER EN BOS", "KUIPER, BOS": the next member of the list.
            let sep = toks.get(end + 1).is_some_and(|t| {
                t.nl_before == 0
                    && (t.is_punct(cx.text, b',')
                        || t.class == Class::Word && t.text(cx.text) == "EN")
            });
            if !members || !sep {
                break;
            }
            k = end + 2;
        }
    }
    out.extend(found);
}

/// The last token of a name in capitals starting at token `k`: particles, then a word of
/// three letters or more that is no title, party, organisation or word never a name, all on
/// one line; more particles and a word may follow ("VAN DOBBEN DE BRUIJN").
fn upper_name_at(cx: &mut Ctx, k: usize) -> Option<usize> {
    let toks = cx.toks;
    let mut last = None;
    let mut j = k;
    loop {
        let p0 = j;
        while j < p0 + 4 && toks.get(j).is_some_and(|t| t.nl_before == 0 || j == k) {
            if !(upper_word(cx, j) && is_particle(cx.w(j))) {
                break;
            }
            j += 1;
        }
        let ok = toks.get(j).is_some_and(|t| {
            (t.nl_before == 0 || j == k) && t.end() - t.start() >= 3 && t.space_before
        }) && upper_word(cx, j)
            && {
                let f = cx.features(j);
                cx.title_class(j).is_none()
                    && f & F_NONNAME == 0
                    && !cx.is_org(j)
                    && !lexicon::lower_is_one_of(cx.w(j), &mut cx.buf, &PARTIES)
            };
        if !ok {
            return last;
        }
        last = Some(j);
        // Go on only into particles: "VAN DOBBEN DE BRUIJN", "JANSEN-DE VRIES".
        let hyphen_particle = cx
            .w(j)
            .rsplit_once('-')
            .is_some_and(|(_, p)| is_particle(p));
        j += 1;
        let go_on = toks.get(j).is_some_and(|t| t.nl_before == 0)
            && upper_word(cx, j)
            && (hyphen_particle || is_particle(cx.w(j)));
        if !go_on {
            return last;
        }
    }
}

/// The words naming a motion or an amendment after its submitters.
const MOTION_WORDS: [&str; 4] = ["motie", "moties", "amendement", "amendementen"];

/// The submitters in a motion's name written after a space with slashes ("de motie
/// Mastwijk/Neppérus", "de motie Slob/de Rouwe"): each name between the slashes is a member
/// of parliament. The slash makes them names; a motion named after one word is left to the
/// other rules, and "motie-Van Raak/Beckerman" to [`listed_names`].
fn slashed_motion_names(cx: &mut Ctx, dots: &InitialDots, out: &mut Vec<Finding>) {
    let toks = cx.toks;
    let is_motion = |cx: &Ctx, i: usize| {
        toks[i].class == Class::Word && MOTION_WORDS.iter().any(|m| cx.w(i).eq_ignore_ascii_case(m))
    };
    // From each slash (rare in prose) back to a motion word on its line, a few words before.
    let mut done = usize::MAX;
    for &p in &dots.slashes {
        let slash = toks.partition_point(|t| t.start() < p);
        if slash >= toks.len() || toks[slash].start() != p {
            continue;
        }
        let mut motion = None;
        let mut i = slash;
        while i > slash.saturating_sub(12) && toks[i].nl_before == 0 {
            i -= 1;
            if is_motion(cx, i) {
                motion = Some(i);
                break;
            }
        }
        let Some(i) = motion else {
            continue;
        };
        if i == done
            || i + 1 >= toks.len()
            || !toks[i + 1].space_before
            || toks[i + 1].nl_before > 0
        {
            continue;
        }
        done = i;
        let mut names = Vec::new();
        let mut j = i + 1;
        while let Some(end) = name_in_list_at(cx, j, true) {
            names.push((j, end));
            let slash = toks
                .get(end + 1)
                .is_some_and(|s| s.is_punct(cx.text, b'/') && !s.space_before && s.nl_before == 0);
            if !slash || toks.get(end + 2).is_none_or(|n| n.space_before) {
                break;
            }
            j = end + 2;
        }
        if names.len() >= 2 {
            for (a, b) in names {
                out.push(person(
                    toks[a].start(),
                    toks[b].end(),
                    0.8,
                    "name.motion_slash",
                ));
            }
        }
    }
}

/// The last token of a surname starting at token `j`: particles ("de", "Van der"), then one
/// capitalised word that is no organisation, on one line. An ordinary word is one only after
/// particles ("de Vaal") or where the context alone makes it a name (`any_word`: "de motie
/// Klaver/Asscher").
fn name_in_list_at(cx: &mut Ctx, j: usize, any_word: bool) -> Option<usize> {
    let toks = cx.toks;
    let mut k = j;
    while k < toks.len()
        && toks[k].class == Class::Word
        && is_particle(cx.w(k))
        && (k == j || toks[k].nl_before == 0)
    {
        k += 1;
    }
    if k >= toks.len()
        || (k > j && toks[k].nl_before > 0)
        || !cx.is_cap(k)
        || (k == j && !any_word && cx.common_word(k))
        || cx.is_org(k)
    {
        return None;
    }
    Some(k)
}

/// A commission named after its chair ("de commissie-Remkes", OCR's "commissie- Meijdam"):
/// the name after the hyphen is that person, as in "de motie-Van Raak".
fn commission_named_after(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let toks = cx.toks;
    let is_commission = |w: &str| {
        w.len() >= 9
            && w.get(w.len() - 9..)
                .is_some_and(|t| t.eq_ignore_ascii_case("commissie"))
    };
    // From each "ommissie-" in the text (rare): the word it ends, then the name after it.
    let mut last_tok = usize::MAX;
    for p in memchr::memmem::find_iter(cx.text.as_bytes(), b"ommissie-") {
        let i = toks.partition_point(|t| t.end() <= p);
        if i >= toks.len() || i == last_tok {
            continue;
        }
        last_tok = i;
        let w = cx.w(i);
        // One token: "commissie-Remkes" (the tokenizer keeps a hyphenated word whole).
        if let Some((head, rest)) = w.split_once('-') {
            if is_commission(head)
                && rest.chars().next().is_some_and(char::is_uppercase)
                && !rest.contains('-')
                && lexicon::word_bits(lexicon::lower(rest, &mut cx.buf)) & lexicon::W_DUTCH == 0
            {
                let start = toks[i].start() + head.len() + 1;
                out.push(person(start, toks[i].end(), 0.7, "name.commission"));
            }
            continue;
        }
        // Three tokens: "commissie" "-" "Meijdam", the hyphen glued to the head.
        let n = i + 2;
        let hyphen_after = n < toks.len()
            && is_commission(w)
            && toks[i + 1].is_punct(cx.text, b'-')
            && !toks[i + 1].space_before
            && toks[n].nl_before == 0;
        if hyphen_after && !cx.is_place_toks(n, n) {
            if let Some(end) = name_in_list_at(cx, n, false) {
                out.push(person(
                    toks[n].start(),
                    toks[end].end(),
                    0.7,
                    "name.commission",
                ));
            }
        }
    }
}

/// The token after a given name in brackets that starts at token `i` on the same line, as a
/// colophon writes it between initials and surname ("M.B.A (Marjolein) van Asselt").
fn bracketed_given_after(cx: &mut Ctx, i: usize) -> Option<usize> {
    let toks = cx.toks;
    let open = toks.get(i)?.is_punct(cx.text, b'(') && toks[i].nl_before == 0;
    let close = toks.get(i + 2)?.is_punct(cx.text, b')');
    let given = cx.is_cap(i + 1) && cx.features(i + 1) & F_FIRST != 0;
    (open && given && close && toks.get(i + 3)?.nl_before == 0).then_some(i + 3)
}

/// Where initials and slashes stand that the rules below read, found in one pass over the
/// dots and slashes of the text.
struct InitialDots {
    /// Dots between two capitals where a space follows the second ("S.M Sepers").
    bare: Vec<usize>,
    /// Commas before ", X." (a first initial after a comma and a space).
    after_comma: Vec<usize>,
    /// Every slash ("motie Mastwijk/Neppérus"), read in the same pass.
    slashes: Vec<usize>,
}

impl InitialDots {
    fn scan(text: &str) -> InitialDots {
        let bytes = text.as_bytes();
        let (mut bare, mut after_comma, mut slashes) = (Vec::new(), Vec::new(), Vec::new());
        for q in memchr::memchr2_iter(b'.', b'/', bytes) {
            if bytes[q] == b'/' {
                slashes.push(q);
                continue;
            }
            if q < 1 || !bytes[q - 1].is_ascii_uppercase() {
                continue;
            }
            if q >= 3 && bytes[q - 2] == b' ' && bytes[q - 3] == b',' {
                after_comma.push(q - 3);
            }
            if bytes.get(q + 1).is_some_and(u8::is_ascii_uppercase)
                && bytes.get(q + 2) == Some(&b' ')
            {
                bare.push(q);
            }
        }
        InitialDots {
            bare,
            after_comma,
            slashes,
        }
    }
}

/// Initials whose last dot was left out, before the surname ("de heer B.S.M Sepers",
/// "mevrouw H.R.E Hofland"): capitals joined by dots, the last one bare, then a capitalised
/// word on the same line. Not a legal form ("B.V", "N.V").
fn initials_missing_dot(cx: &mut Ctx, dots: &InitialDots, out: &mut Vec<Finding>) {
    let toks = cx.toks;
    let letter = |k: usize| {
        toks[k].class == Class::Word && toks[k].cap && toks[k].end() - toks[k].start() == 1
    };
    // From each dot between two capitals where a space follows the second ("S.M Sepers"),
    // back to the first of the initials.
    for &p in &dots.bare {
        let last = toks.partition_point(|t| t.start() < p + 1);
        if last + 1 >= toks.len() || last < 2 || !letter(last) || !letter(last - 2) {
            continue;
        }
        let mut k = last - 2;
        while k >= 2
            && toks[k - 1].is_punct(cx.text, b'.')
            && !toks[k - 1].space_before
            && !toks[k].space_before
            && letter(k - 2)
        {
            k -= 2;
        }
        if !(k == 0 || toks[k].space_before) || toks[k + 1].space_before {
            continue;
        }
        let letters: String = (k..=last).step_by(2).map(|j| cx.w(j)).collect();
        if matches!(letters.as_str(), "BV" | "NV" | "CV" | "VOF") {
            continue;
        }
        let s = bracketed_given_after(cx, last + 1).unwrap_or(last + 1);
        if toks[s].nl_before == 0 {
            if let Some(end) = name_in_list_at(cx, s, false) {
                if !cx.is_place_toks(end, end) {
                    out.push(person(
                        toks[k].start(),
                        toks[end].end(),
                        0.7,
                        "name.initials_bare",
                    ));
                }
            }
        }
    }
}

/// An item of initials and one capitalised word in a list whose items on either side are
/// names found ("A.H.J. Luijten, A.E.P. Vlaanderen, mevrouw M.H.J. Potjer-Scholten", "C.F.H.
/// van Boltaringen, J.H.M. Bond, E.G. Bouma"): a name too, though its word is a country, a
/// place or an organisation's word elsewhere.
fn initials_item_in_list(cx: &mut Ctx, dots: &InitialDots, out: &mut Vec<Finding>) {
    let toks = cx.toks;
    let bytes = cx.text.as_bytes();
    let letter = |k: usize| {
        toks[k].class == Class::Word && toks[k].cap && toks[k].end() - toks[k].start() == 1
    };
    // Built on the first candidate: the persons' first and last bytes.
    let mut bounds: Option<(Vec<usize>, Vec<usize>)> = None;
    let mut found = Vec::new();
    for &p in &dots.after_comma {
        if !bytes.get(p + 4).is_some_and(u8::is_ascii_uppercase) {
            continue;
        }
        let k = toks.partition_point(|t| t.start() < p + 2);
        // The initials: a capital and a dot, twice or more, then the word.
        let mut w = k;
        while w + 1 < toks.len()
            && letter(w)
            && toks[w + 1].is_punct(cx.text, b'.')
            && !toks[w + 1].space_before
        {
            w += 2;
        }
        if w < k + 4 || w + 1 >= toks.len() || !toks[w].space_before || toks[w].nl_before > 0 {
            continue;
        }
        if !cx.is_cap(w) || is_particle(cx.w(w)) || !toks[w + 1].is_punct(cx.text, b',') {
            continue;
        }
        let (starts, ends) = bounds.get_or_insert_with(|| {
            // `out` is a few runs in text order: merged as runs.
            (
                crate::offsets_of(out, Kind::Person, |f| f.start),
                crate::offsets_of(out, Kind::Person, |f| f.end),
            )
        });
        let before = ends.binary_search(&p).is_ok();
        // The next item starts within three words after the comma ("mevrouw M.H.J. ...").
        let after = toks.get(w + 2).is_some_and(|n| {
            let lo = n.start();
            let hi = toks.get(w + 4).map_or(lo, Tok::start);
            let i = starts.partition_point(|&s| s < lo);
            starts.get(i).is_some_and(|&s| s <= hi)
        });
        if before && after {
            found.push(person(
                toks[k].start(),
                toks[w].end(),
                0.7,
                "name.listed_initials",
            ));
        }
    }
    out.extend(found);
}

/// "Surname, Initials" where the surname is a place or country word too ("annotatie van
/// Stein, H.A."): a word, a comma and two or more initials with their dots that end the
/// phrase (line end or punctuation, no surname after them, as in "Utrecht, H.A. Jansen").
fn place_surname_comma_initials(cx: &mut Ctx, dots: &InitialDots, out: &mut Vec<Finding>) {
    let toks = cx.toks;
    let bytes = cx.text.as_bytes();
    let letter = |k: usize| {
        toks[k].class == Class::Word && toks[k].cap && toks[k].end() - toks[k].start() == 1
    };
    for &p in &dots.after_comma {
        // After a letter, and a second initial with its dot.
        let shaped = p > 0
            && bytes[p - 1].is_ascii_alphabetic()
            && bytes.get(p + 4).is_some_and(u8::is_ascii_uppercase)
            && bytes.get(p + 5) == Some(&b'.');
        if !shaped {
            continue;
        }
        let c = toks.partition_point(|t| t.start() < p);
        if c == 0 || c + 1 >= toks.len() {
            continue;
        }
        let s = c - 1;
        let mut w = c + 1;
        while w + 1 < toks.len()
            && letter(w)
            && toks[w + 1].is_punct(cx.text, b'.')
            && !toks[w + 1].space_before
        {
            w += 2;
        }
        // `w` is the token after the last initial's dot.
        let ends = toks.get(w).is_none_or(|n| {
            n.nl_before > 0 || (n.class != Class::Word && !n.is_punct(cx.text, b'('))
        });
        if w < c + 5 || !ends || !cx.is_cap(s) || cx.common_word(s) || cx.is_org(s) {
            continue;
        }
        out.push(person(
            toks[s].start(),
            toks[w - 1].end(),
            0.7,
            "name.comma_initials_place",
        ));
    }
}

/// A name found up to a surname that goes on with particles and one more capitalised word
/// before a bracket, comma or line end ("Melanie Schultz van Haegen (minister ...)", "Maes van
/// Lanschot (CDA)"): the whole is one surname, where "van" and a department or place would be
/// an office ("staatssecretaris Bleker van Landbouw"; those words are ordinary or places).
fn particle_surname_tail(cx: &mut Ctx, out: &mut Vec<Finding>) {
    let toks = cx.toks;
    let mut found = Vec::new();
    let bytes = cx.text.as_bytes();
    for f in out.iter().filter(|f| f.kind == Kind::Person) {
        // A space and the first letter of a lower-case particle after the name, read in the
        // text before any token is searched: most names are followed by something else.
        let particle_next = bytes.get(f.end) == Some(&b' ')
            && bytes
                .get(f.end + 1)
                .is_some_and(|b| matches!(b, b'v' | b'd' | b't' | b'\'' | b'i' | b'l' | b'o'));
        if !particle_next {
            continue;
        }
        let last = toks.partition_point(|t| t.end() <= f.end);
        let Some(l) = last.checked_sub(1) else {
            continue;
        };
        if toks[l].end() != f.end || l + 2 >= toks.len() {
            continue;
        }
        let p = l + 1;
        if toks[p].nl_before > 0 || !toks[p].space_before || toks[p].cap {
            continue;
        }
        let Some(end) = name_in_list_at(cx, p, false) else {
            continue;
        };
        if end == p || cx.common_word(end) || cx.is_place_toks(end, end) {
            continue;
        }
        let closes = toks.get(end + 1).is_none_or(|n| {
            n.nl_before > 0
                || (n.space_before && n.is_punct(cx.text, b'('))
                || (!n.space_before && n.is_punct(cx.text, b','))
        });
        if closes {
            found.push(person(
                f.start,
                toks[end].end(),
                f.score,
                "name.particle_tail",
            ));
        }
    }
    out.extend(found);
}

/// Whether a finding is the word "Staten" of a province's boards ("Gedeputeerde Staten",
/// "Provinciale Staten"): after "gedeputeerde" it is no surname, as "gedeputeerde Straat" is.
fn provincial_board(cx: &Ctx, f: &Finding) -> bool {
    if !cx
        .text
        .get(f.start..f.end)
        .is_some_and(|w| w.eq_ignore_ascii_case("staten"))
    {
        return false;
    }
    let toks = cx.toks;
    let i = toks.partition_point(|t| t.start() < f.start);
    i > 0
        && i < toks.len()
        && toks[i].end() == f.end
        && ["gedeputeerde", "provinciale"]
            .iter()
            .any(|h| cx.w(i - 1).eq_ignore_ascii_case(h))
}

/// Whether a finding is "van" and a place that a route goes on from to another place ("de
/// route Van Amsterdam tot Rotterdam", "van Assen naar Zwolle"): a way, not a surname. A noble
/// name with "tot" names no place after it ("Van Lyndhorst tot Sandeveld").
fn route_between_places(cx: &mut Ctx, f: &Finding) -> bool {
    let toks = cx.toks;
    let i = toks.partition_point(|t| t.start() < f.start);
    if i + 3 >= toks.len()
        || toks[i].start() != f.start
        || toks[i + 1].end() != f.end
        || !cx.w(i).eq_ignore_ascii_case("van")
    {
        return false;
    }
    let to = cx.w(i + 2);
    (to == "tot" || to == "naar")
        && toks[i + 3].cap
        && cx.is_place_toks(i + 1, i + 1)
        && cx.is_place_toks(i + 3, i + 3)
}

/// Whether a finding is a heading of one bare capital and an ordinary word alone on its line
/// ("X Noot" where a web page's button "X" stands before its notes): no name.
fn letter_heading(cx: &mut Ctx, f: &Finding) -> bool {
    // A capital and a space open the finding: read in the text before any token is searched.
    let b = cx.text.as_bytes();
    if !b[f.start].is_ascii_uppercase() || b.get(f.start + 1) != Some(&b' ') {
        return false;
    }
    let toks = cx.toks;
    let i = toks.partition_point(|t| t.start() < f.start);
    if i + 1 >= toks.len() || toks[i].start() != f.start || toks[i + 1].end() != f.end {
        return false;
    }
    let alone = toks[i].nl_before > 0 && toks.get(i + 2).is_none_or(|n| n.nl_before > 0);
    alone
        && toks[i].cap
        && cx.w(i).len() == 1
        && toks[i + 1].nl_before == 0
        && cx.features(i + 1) & F_DUTCH != 0
}

/// Form labels before a place of residence or birth ("Woonplaats: Gouda").
const RESIDENCE_LABELS: [&str; 5] = [
    "woonplaats",
    "geboorteplaats",
    "verblijfplaats",
    "woonachtig",
    "plaats",
];

const RESIDENCE_CUES: [&str; 19] = [
    "woont",
    "woon",
    "wonen",
    "woonachtig",
    "wonende",
    "wonend",
    "woonde",
    "afkomstig",
    "geboren",
    "opgegroeid",
    "groeide",
    "verhuisd",
    "verhuisde",
    "verhuist",
    "komt",
    "kwam",
    "geb",
    "woonplaats",
    "verblijft",
];

/// Places of residence or origin tied to a person: after "woont in", "woonachtig te",
/// "afkomstig uit", "geboren ... in", in "Naam (Plaats)", and after a person's postcode.
fn places(cx: &mut Ctx, persons: &[Finding], ids: &[Finding], out: &mut Vec<Finding>) {
    let toks = cx.toks;
    let text = cx.text;
    let mut spans: Vec<(usize, usize)> = persons.iter().map(|p| (p.start, p.end)).collect();
    sort_runs(&mut spans);
    // End offsets, sorted for `binary_search`: built once per text, so a sorted `Vec` costs
    // less than hashing every insert, and a probe of an empty one is free.
    let person_ends = crate::sorted_offsets(persons.iter().map(|p| p.end));
    let birth_ends = crate::offsets_of(ids, Kind::Birthdate, |f| f.end);
    let postcode_ends = crate::offsets_of(ids, Kind::Postcode, |f| f.end);
    // Any person span overlapping s..e (person spans are short). `from`: the first span that
    // may reach `s` ([`Cursor`], the candidates come in text order).
    let overlaps = |from: usize, s: usize, e: usize| {
        spans[from..]
            .iter()
            .take_while(|&&(ps, _)| ps < e)
            .any(|&(ps, pe)| ps < e && s < pe)
    };
    let person_before = |from: usize, s: usize| {
        spans[from..]
            .iter()
            .take_while(|&&(ps, _)| ps < s)
            .any(|&(_, pe)| pe <= s && s - pe < 60)
    };
    let caps = cx.caps;
    let mut prev_buf = String::new();
    // The candidates come in text order, so the postcode and person spans before each are
    // found by cursors that only move forward, not by a binary search per capitalised word.
    let mut free = 0; // tokens before this one were part of an earlier candidate
    let mut postcodes = Cursor::default();
    let mut from = 0;
    for i in caps.iter().map(|&i| i as usize) {
        if i < free || (i + 1 < toks.len() && toks[i + 1].is_punct(text, b':')) {
            continue;
        }
        // Whether a postcode ends where the word before ends.
        let after_postcode = i > 0 && postcodes.holds(&postcode_ends, toks[i - 1].end());
        // An upper-case town is read only after a postcode ("8162 AJ  APELDOORN").
        let upper_after_postcode = || {
            toks[i].all_caps
                && toks[i].end() - toks[i].start() >= 2
                && i > 0
                && toks[i].nl_before == 0
                && after_postcode
        };
        if !cx.is_cap(i) && !upper_after_postcode() {
            continue;
        }
        let mut j = i;
        let upper = toks[i].all_caps;
        while j + 1 < toks.len()
            && j - i < 2
            && toks[j + 1].nl_before == 0
            && toks[j + 1].space_before
            && if upper {
                toks[j + 1].class == Class::Word && toks[j + 1].all_caps
            } else {
                cx.is_cap(j + 1)
            }
        {
            j += 1;
        }
        let (s, e) = (toks[i].start(), toks[j].end());
        let next_i = j + 1;
        let prev = if i > 0 && toks[i].nl_before == 0 {
            Some(i - 1)
        } else {
            None
        };
        // Cheap context test first: most capitalised words are not after a cue.
        // A set with a one-bit filter: this runs for every capitalised word.
        static CUE_BEFORE: crate::special::WordSet = crate::special::WordSet::new(&[
            "in",
            "te",
            "uit",
            "naar",
            "woont",
            "woon",
            "woonachtig",
            "woonplaats",
            "(",
            ":",
            ",",
        ]);
        let prev_raw = prev.map_or("", |p| toks[p].text(text));
        let cue_before = CUE_BEFORE.holds(prev_raw.as_bytes());
        // `prev` is the word before, when on the same line.
        if !cue_before && (prev.is_none() || !after_postcode) {
            free = next_i;
            continue;
        }
        while spans.get(from).is_some_and(|&(ps, _)| ps + 256 < s) {
            from += 1;
        }
        if overlaps(from, s, e) {
            free = next_i;
            continue;
        }
        let known = cx.is_place_toks(i, j);
        if !known && (cx.common_word(i) || cx.is_org(i) || cx.title_class(i).is_some()) {
            free = next_i;
            continue;
        }
        // Compared with ASCII words only, where `lower` and `str::to_lowercase` agree.
        let prev_w = lexicon::lower(prev_raw, &mut prev_buf);
        let mut tied = false;
        if matches!(prev_w, "in" | "te" | "uit" | "naar") {
            // A residence or origin verb earlier in the clause.
            let p = prev.unwrap_or(0);
            let mut k = p;
            let mut n = 0;
            while k > 0 && n < 8 {
                k -= 1;
                n += 1;
                let t = &toks[k];
                if t.class == Class::Punct
                    && matches!(text.as_bytes()[t.start()], b'.' | b';' | b'(' | b')')
                    || toks[k + 1].nl_before > 0
                {
                    break;
                }
                if t.class == Class::Word
                    && lexicon::lower_is_one_of(cx.w(k), &mut cx.buf, &RESIDENCE_CUES)
                {
                    tied = true;
                    break;
                }
                if birth_ends.binary_search(&t.end()).is_ok() {
                    tied = true;
                    break;
                }
            }
            // "die in Nador woont".
            if !tied && prev_w == "in" {
                if let Some(n) = toks.get(next_i) {
                    tied = n.class == Class::Word
                        && matches!(cx.lw_ref(next_i), "woont" | "woon" | "wonen" | "woonde");
                }
            }
            // "een Duitse prediker uit Wuppertal": origin of a person named just before.
            if !tied && prev_w == "uit" && known {
                tied = person_before(from, s);
            }
        } else if matches!(prev_w, "woont" | "woon" | "woonachtig" | "woonplaats") {
            tied = true;
        } else if prev_w == ":" {
            // "Woonplaats: Gouda", "Geboorteplaats: Harderwijk", "Woonplaats volgens
            // document: Almere": a residence label earlier on the line.
            let p = prev.unwrap_or(0);
            let mut k = p;
            while k > 0 && p - k < 4 && toks[k].nl_before == 0 {
                k -= 1;
                if toks[k].class == Class::Word
                    && lexicon::lower_is_one_of(cx.w(k), &mut cx.buf, &RESIDENCE_LABELS)
                {
                    tied = true;
                    break;
                }
            }
        } else if prev_w == "(" && toks.get(next_i).is_some_and(|t| t.is_punct(text, b')')) && known
        {
            // "Ibrahim Kaya (Nunspeet)".
            let p = prev.unwrap_or(0);
            tied = p > 0 && person_ends.binary_search(&toks[p - 1].end()).is_ok();
        } else if prev_w == "," || prev_w == "(" {
            // "Peter Postma (15-2-1948, Zaandam)", "Sanne Vos (Leiden, 1971)": a known place
            // in the parenthesis right after a name, beside a date or an age.
            tied = known && in_person_parenthesis(cx, &person_ends, i, next_i);
        } else if prev.is_some() {
            // After a person's postcode: "3526 KM Utrecht".
            tied = after_postcode;
        }
        if tied {
            out.push(Finding {
                start: s,
                end: e,
                kind: Kind::Place,
                score: 0.75,
                rule: "place.residence",
            });
        }
        free = next_i;
    }
}

#[cfg(test)]
mod partition_near_tests {
    use super::*;

    /// The hinted search finds what `partition_point` finds, from every hint.
    /// Every listed particle, in any case, and the typographic "’t" and "’s" are particles;
    /// words that share their length or first letter are not.
    #[test]
    fn particles_are_the_listed_words() {
        for p in PARTICLES {
            assert!(is_particle(p), "{p}");
            assert!(is_particle(&p.to_uppercase()), "{p}");
        }
        for w in ["’t", "’s"] {
            assert!(is_particle(w), "{w}");
        }
        for w in [
            "’T", "’x", "een", "Jan", "vandaag", "d", "dee", "tee", "Ouderen", "é", "’",
        ] {
            assert!(!is_particle(w), "{w}");
        }
    }

    #[test]
    fn partition_near_is_partition_point() {
        let text = "Jan de Vries, Anna Bakker en B. Jansen zagen Piet, Kees en Mies in Utrecht.";
        let toks = crate::token::tokenize(text).toks;
        for offset in 0..=text.len() + 1 {
            let want = toks.partition_point(|t| t.start() < offset);
            for hint in 0..=toks.len() + 2 {
                assert_eq!(partition_near(&toks, hint, |t| t.start() < offset), want);
            }
        }
    }
}

/// The person spans the detector finds in `text`, as text: what the rules' tests compare.
#[cfg(test)]
pub(crate) fn persons_in(text: &str) -> Vec<String> {
    crate::Detector::new()
        .detect(text)
        .into_iter()
        .filter(|f| f.kind == crate::Kind::Person)
        .map(|f| text[f.start..f.end].to_string())
        .collect()
}

#[cfg(test)]
mod gov_prose_tests {
    use super::persons_in as persons;

    /// A motion named after one word has no slash: no name from the slash rule.
    #[test]
    fn motion_without_slash_names_no_one() {
        assert!(persons("De motie Nieuwe Stijl is aangenomen.").is_empty());
        assert_eq!(
            persons("De motie Klaver/Van Weerdenburg is aangenomen."),
            ["Klaver", "Van Weerdenburg"]
        );
    }

    /// An office with a department after "van" keeps its department out of the name.
    #[test]
    fn office_department_is_no_surname_tail() {
        let got = persons("Staatssecretaris Marjolein Bleeker van Landbouw, en anderen.");
        assert_eq!(got, ["Marjolein Bleeker"]);
    }

    /// A legal form with a dot left out is no initials.
    #[test]
    fn legal_form_is_no_bare_initials() {
        assert!(
            persons("Het bedrijf Drukkerij B.V Hoorn en de N.V Nederlandse Spoorwegen.").is_empty()
        );
    }

    /// A place before initials that a surname follows is no surname.
    #[test]
    fn place_before_initials_and_surname_is_no_name() {
        let got = persons("Vergadering in Utrecht, H.A. Verhoeckx sprak als eerste.");
        assert!(!got.iter().any(|p| p.starts_with("Utrecht")), "{got:?}");
    }

    /// Initials and a country word are a name only between names.
    #[test]
    fn initials_item_needs_names_around_it() {
        let got = persons("Landcodes: X.Y. Frankrijk, A.B. Duitsland, C.D. Spanje.");
        assert!(!got.iter().any(|p| p.contains("Duitsland")), "{got:?}");
    }

    /// A commission named after a subject is no person.
    #[test]
    fn commission_after_subject_names_no_one() {
        assert!(persons("De commissie-Onderwijs vergaderde.").is_empty());
        assert_eq!(persons("De commissie-Verhoeckx vergaderde."), ["Verhoeckx"]);
    }
}

#[cfg(test)]
mod org_inside_tests {
    use super::persons_in as persons;

    /// A log's heading names an organisation after a word: an organisation word inside the
    /// chain keeps it from the model, and the person in the log is still found.
    #[test]
    fn heading_with_an_organisation_inside_is_no_person() {
        for heading in [
            "Contactlog Vereniging Al Karama",
            "Contactlog Stichting Jongerencentrum Ennour",
            "Contactlog Moskee Vredehof",
        ] {
            let text = format!(
                "{heading} – kenmerk 912345678\n\n08-11-2019 – inlog op het portaal door \
                 Hafsa Veldkamp vanaf het kantoor.\n"
            );
            let got = persons(&text);
            assert!(!got.iter().any(|p| p.contains("Contactlog")), "{got:?}");
            assert!(got.iter().any(|p| p == "Hafsa Veldkamp"), "{got:?}");
        }
    }
}
