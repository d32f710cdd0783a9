//! The learned part of name detection: a linear model (logistic regression) that decides the
//! name chains the rules leave open — a capitalised word or a run of them that no lexicon
//! pairing, title, header or verb of speech accepted ("Barrichello", "Shimon Peres",
//! "Pierre-Bernard Velge").
//!
//! It reads only what the rules already compute: the lexicon bits of the chain's first and last
//! word, their shape, the words themselves (lower-cased, hashed), and the two tokens on either
//! side. Each feature is hashed into a table of `2^MODEL_BITS` weights; the score of a chain is
//! the sum of its features' weights, and a chain whose score exceeds the threshold is a person.
//! A second stage adds what the text's other mentions of the chain's words scored
//! ([`other_scores`], [`doc_features`]): a name is often certain at one mention ("Rubens
//! Barrichello") and doubtful alone at the next ("Barrichello"); a film or a band recurs in full.
//! The weights are learned at development time (`cargo xtask train-names`, from CoNLL-2002
//! `ned.train` and the annotated dev corpora, which stay outside this crate) and committed as
//! `data/name_model.bin`; `build.rs` expands them into the table embedded in the binary. So
//! detection stays pure, deterministic and offline, and with the file removed the model simply
//! never decides.
//!
//! Explainable: a finding's rule names the feature group that contributed most to its score
//! (`name.model.context`: the neighbouring words; `.lexicon`: what the lexicons say of the
//! words; `.word`: the words themselves and their endings; `.shape`: capitals, hyphens, length).

use super::{Accepted, Ctx, F_DONE, F_DUTCH, F_FIRST, F_SURNAME};
use crate::lexicon::{self, HashMap};
use crate::token::Class;

include!(concat!(env!("OUT_DIR"), "/name_model_meta.rs"));

/// The dense weight table, `2^MODEL_BITS` little-endian `f32`s.
static WEIGHTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/name_model_dense.bin"));

/// Feature groups, for the rule id of a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Group {
    Lexicon = 0,
    Word = 1,
    Shape = 2,
    Context = 3,
}

impl Group {
    pub(crate) fn rule(self) -> &'static str {
        match self {
            Group::Lexicon => "name.model.lexicon",
            Group::Word => "name.model.word",
            Group::Shape => "name.model.shape",
            Group::Context => "name.model.context",
        }
    }
}

/// At most this many features per chain.
pub(crate) const MAX_FEATS: usize = 40;

/// The features of one chain: table indices and their groups.
#[derive(Clone, Debug)]
pub(crate) struct Feats {
    pub idx: [u32; MAX_FEATS],
    pub group: [Group; MAX_FEATS],
    pub n: usize,
}

impl Feats {
    fn new() -> Feats {
        Feats {
            idx: [0; MAX_FEATS],
            group: [Group::Shape; MAX_FEATS],
            n: 0,
        }
    }
    #[inline]
    fn push(&mut self, tag: u64, value: u64, group: Group) {
        if self.n < MAX_FEATS {
            self.idx[self.n] = index(tag, value);
            self.group[self.n] = group;
            self.n += 1;
        }
    }
}

/// The table index of feature (`tag`, `value`): a multiplicative mix, top bits.
#[inline(always)]
fn index(tag: u64, value: u64) -> u32 {
    let h = (value ^ tag.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    let h = h ^ (h >> 29);
    (h.wrapping_mul(0xc4ce_b9fe_1a85_ec53) >> (64 - MODEL_BITS)) as u32
}

/// Weights given at run time instead of the embedded ones, in the format of
/// `data/name_model.bin`: for development only (`cargo xtask train-names --cv` measures a model
/// learned without part of the data on that part, without rebuilding the detector).
#[derive(Debug)]
pub struct NameModel {
    weights: Vec<f32>,
    /// Decision thresholds of a one-word chain and of a longer one, and the score below which
    /// a weak rule's name is dropped.
    thresholds: [f32; 3],
    /// The second stage's weights ([`doc_features`]).
    doc: [f32; DOC_WEIGHTS],
}

impl NameModel {
    /// Reads the sparse format (`GNM4`, log2 size, the thresholds of a one-word and of a
    /// longer chain and the veto threshold, count, (index, weight) pairs, the second stage's
    /// weights; `GNM3` without those); `None` for anything else or another size.
    pub fn from_bytes(b: &[u8]) -> Option<NameModel> {
        let u32_at = |p: usize| -> Option<u32> {
            Some(u32::from_le_bytes(b.get(p..p + 4)?.try_into().ok()?))
        };
        let doc_len = match b.get(..4)? {
            b"GNM4" => DOC_WEIGHTS,
            b"GNM3" => 0,
            _ => return None,
        };
        if u32_at(4)? != MODEL_BITS {
            return None;
        }
        let thresholds = [
            f32::from_bits(u32_at(8)?),
            f32::from_bits(u32_at(12)?),
            f32::from_bits(u32_at(16)?),
        ];
        let n = u32_at(20)? as usize;
        if b.len() != 24 + 8 * n + 4 * doc_len {
            return None;
        }
        let mut weights = vec![0f32; 1 << MODEL_BITS];
        for k in 0..n {
            let i = u32_at(24 + 8 * k)? as usize;
            *weights.get_mut(i)? = f32::from_bits(u32_at(28 + 8 * k)?);
        }
        let mut doc = [0f32; DOC_WEIGHTS];
        for (k, w) in doc.iter_mut().enumerate().take(doc_len) {
            *w = f32::from_bits(u32_at(24 + 8 * n + 4 * k)?);
        }
        Some(NameModel {
            weights,
            thresholds,
            doc,
        })
    }
}

/// Which weights score a chain: the embedded table, or a [`NameModel`] given at run time.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Weights<'a> {
    Embedded,
    Given(&'a NameModel),
}

impl Weights<'_> {
    #[inline(always)]
    fn weight(self, i: u32) -> f32 {
        match self {
            Weights::Embedded => {
                let p = i as usize * 4;
                match WEIGHTS.get(p..p + 4) {
                    Some(b) => f32::from_le_bytes([b[0], b[1], b[2], b[3]]),
                    None => 0.0,
                }
            }
            Weights::Given(m) => m.weights.get(i as usize).copied().unwrap_or(0.0),
        }
    }
    fn thresholds(self) -> [f32; 3] {
        match self {
            Weights::Embedded => MODEL_THRESHOLDS,
            Weights::Given(m) => m.thresholds,
        }
    }
    /// The threshold of a one-word chain (`single`) or of a longer one.
    fn threshold(self, single: bool) -> f32 {
        self.thresholds()[usize::from(!single)]
    }
    /// Whether the score of a chain a weak rule accepted drops it.
    pub(crate) fn vetoes(self, score: f32) -> bool {
        score < self.thresholds()[2]
    }
    /// Whether these weights can decide at all (a detector built without a model file).
    pub(crate) fn active(self) -> bool {
        self.threshold(true).is_finite()
    }

    /// The chain's score and the group that contributed most to it.
    pub(crate) fn score(self, f: &Feats) -> (f32, Group) {
        // The weights are loaded first, all of them independent of each other, so that their
        // cache misses (the table is 1 MB) overlap; then summed.
        let mut w = [0f32; MAX_FEATS];
        let n = f.n.min(MAX_FEATS);
        match self {
            Weights::Embedded => {
                for (x, &i) in w[..n].iter_mut().zip(&f.idx[..n]) {
                    *x = Weights::Embedded.weight(i);
                }
            }
            Weights::Given(m) => {
                for (x, &i) in w[..n].iter_mut().zip(&f.idx[..n]) {
                    *x = m.weights.get(i as usize).copied().unwrap_or(0.0);
                }
            }
        }
        let mut by_group = [0f32; 4];
        let mut total = 0f32;
        for k in 0..n {
            total += w[k];
            by_group[f.group[k] as usize] += w[k];
        }
        let mut best = Group::Lexicon;
        for g in [Group::Word, Group::Shape, Group::Context] {
            if by_group[g as usize] > by_group[best as usize] {
                best = g;
            }
        }
        (total, best)
    }

    /// The second stage: what the best first-stage scores of the chain's other mentions add
    /// to its own ([`doc_features`]).
    pub(crate) fn doc_score(self, single: bool, others: &OtherScores) -> f32 {
        let w = match self {
            Weights::Embedded => &MODEL_DOC_WEIGHTS,
            Weights::Given(m) => &m.doc,
        };
        doc_features(single, others).iter().map(|&i| w[i]).sum()
    }

    /// Whether a chain's score makes it a person (`single`: a chain of one word).
    pub(crate) fn decides(self, score: f32, single: bool) -> bool {
        score > self.threshold(single)
    }

    /// A confidence in [0.5, 0.95] from a score above the threshold.
    pub(crate) fn confidence(self, score: f32, single: bool) -> f32 {
        let z = (score - self.threshold(single)).max(0.0);
        (0.5 + 0.45 * (1.0 - (-z).exp())).min(0.95)
    }
}

/// The number of second-stage weights: three kinds of other mention, nine score buckets,
/// a chain of one word or more; then five buckets of how often the same chain of several
/// words occurs, for a chain of one word or more.
pub const DOC_WEIGHTS: usize = 64;

/// What a chain's other mentions in the same text say: the best first-stage scores of the
/// one-word chains that are its last word, of the longer chains that end in its last word
/// ("Rubens Barrichello" for "Barrichello"), and, for a one-word chain, of the longer chains
/// that begin with it (a given name alone after the full name: "Thoraya Sacoor D'Haese" ...
/// "Thoraya"); and how often the same chain of several words occurs again (a person is
/// named in full once or twice, then by the surname; a film, a band, a company in full
/// throughout: "Luna Papa", "Matchbox Twenty").
#[derive(Clone, Copy, Debug, Default)]
pub struct OtherScores {
    pub best: [Option<f32>; 3],
    pub same: u32,
}

/// A first-stage score in one of nine buckets (0: no such mention); the score is a log-odds.
fn bucket(s: Option<f32>) -> usize {
    match s {
        None => 0,
        Some(s) if s < -4.0 => 1,
        Some(s) if s < -2.0 => 2,
        Some(s) if s < -1.0 => 3,
        Some(s) if s < 0.0 => 4,
        Some(s) if s < 1.0 => 5,
        Some(s) if s < 2.0 => 6,
        Some(s) if s < 4.0 => 7,
        Some(_) => 8,
    }
}

/// The second stage's features of a chain (indices into its `DOC_WEIGHTS` weights): one per
/// kind of other mention, by the bucket of its best score, and one for the repetitions, apart
/// for one-word chains. A chain is decided on its own score plus their weights, learned on
/// first-stage scores of text the first stage did not see (`cargo xtask train-names`), as the
/// text at run time is.
pub fn doc_features(single: bool, others: &OtherScores) -> [usize; 4] {
    let mut f = [0; 4];
    for (k, x) in f.iter_mut().take(3).enumerate() {
        *x = (k * 9 + bucket(others.best[k])) * 2 + usize::from(single);
    }
    let same = match others.same {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=5 => 3,
        _ => 4,
    };
    f[3] = 54 + same * 2 + usize::from(single);
    f
}

/// A chain as the second stage groups mentions: hashes of its last and first word (the same
/// word hash for both words of a one-word chain) and whether it is one word.
#[derive(Clone, Copy, Debug)]
pub struct MentionKey {
    pub last: u64,
    pub first: u64,
    pub single: bool,
}

/// For each chain, the best first-stage scores of its other mentions ([`OtherScores`]); in
/// one pass: per key the best two scores are kept, so that a chain's own score is left out.
pub fn other_scores(keys: &[MentionKey], scores: &[f32]) -> Vec<OtherScores> {
    // Per (key, kind), the best two (score, chain), best first; kind 0 one-word chains by last
    // word, 1 longer chains by last word, 2 longer chains by first word. A hash map, not a
    // sorted list: sorting was 1 % of the detector's instructions on 3 MB of text. Scores are
    // ordered by `total_cmp`; where two are equal, which chain is kept does not change the
    // score a chain is given.
    const NONE: usize = usize::MAX;
    let mut top: HashMap<(u64, u8), [(f32, usize); 2]> =
        HashMap::with_capacity_and_hasher(keys.len() * 2, Default::default());
    let mut add = |key: u64, kind: u8, s: f32, i: usize| {
        let e = top.entry((key, kind)).or_insert([(0.0, NONE); 2]);
        if e[0].1 == NONE {
            e[0] = (s, i);
        } else if s.total_cmp(&e[0].0).is_gt() {
            e[1] = e[0];
            e[0] = (s, i);
        } else if e[1].1 == NONE || s.total_cmp(&e[1].0).is_gt() {
            e[1] = (s, i);
        }
    };
    for (i, (k, &s)) in keys.iter().zip(scores).enumerate() {
        if k.single {
            add(k.last, 0, s, i);
        } else {
            add(k.last, 1, s, i);
            add(k.first, 2, s, i);
        }
    }
    let best_other = |key: u64, kind: u8, me: usize| -> Option<f32> {
        let e = top.get(&(key, kind))?;
        e.iter().find(|x| x.1 != NONE && x.1 != me).map(|x| x.0)
    };
    // The chains of several words by both their words, to count repetitions.
    let mut longer: HashMap<(u64, u64), u32> = HashMap::default();
    for k in keys.iter().filter(|k| !k.single) {
        *longer.entry((k.first, k.last)).or_default() += 1;
    }
    keys.iter()
        .enumerate()
        .map(|(i, k)| OtherScores {
            best: [
                best_other(k.last, 0, i),
                best_other(k.last, 1, i),
                if k.single {
                    best_other(k.last, 2, i)
                } else {
                    None
                },
            ],
            same: if k.single {
                0
            } else {
                longer
                    .get(&(k.first, k.last))
                    .map_or(0, |&n| n.saturating_sub(1))
            },
        })
        .collect()
}

// Feature tags: one per kind of feature, so equal values of different kinds do not collide.
const T_BIAS: u64 = 1;
const T_LEN: u64 = 2;
const T_FIRST_BITS: u64 = 3;
const T_LAST_BITS: u64 = 4;
const T_PAIR_BITS: u64 = 5;
const T_FIRST_WORD: u64 = 6;
const T_LAST_WORD: u64 = 7;
const T_FIRST_SUFFIX: u64 = 8;
const T_LAST_SUFFIX: u64 = 9;
const T_FIRST_SHAPE: u64 = 10;
const T_LAST_SHAPE: u64 = 11;
const T_PREV1: u64 = 12;
const T_PREV2: u64 = 13;
const T_NEXT1: u64 = 14;
const T_NEXT2: u64 = 15;
const T_START: u64 = 16;
const T_PREV1_SINGLE: u64 = 17;
const T_NEXT1_SINGLE: u64 = 18;
const T_PREV_BIGRAM: u64 = 19;
const T_LAST_PREFIX: u64 = 20;
const T_DOC_COUNT: u64 = 21;
const T_DOC_ACCEPTED: u64 = 22;
const T_DOC_PREV: u64 = 23;
const T_DOC_NEXT: u64 = 24;
const T_DOC_FIRST_ACCEPTED: u64 = 25;
const T_RULE: u64 = 26;
const T_PREV1_BITS: u64 = 27;
const T_PREV1_WORD_SUFFIX: u64 = 28;
const T_NEXT1_BITS: u64 = 29;
const T_PATTERN: u64 = 30;
const T_NEXT1_WORD_SUFFIX: u64 = 31;
const T_NAME_BEFORE: u64 = 32;
const T_NAME_AFTER: u64 = 33;
const T_DUTCH_TAIL: u64 = 35;
const T_GAZ_LAST: u64 = 36;
const T_GAZ_FIRST: u64 = 37;
const T_GAZ_CHAIN: u64 = 38;

/// The mentions `found` ((index in `wanted`, token), in token order) as (hash, token) sorted
/// by hash, then token: what sorting them would give, by counting the mentions of each word
/// (`wanted` is sorted and without duplicates). Sorting the hashes cost 8.5 M instructions on
/// 3 MB of text; counting is one pass.
fn by_word(wanted: &[u64], found: &[(u32, u32)]) -> Vec<(u64, u32)> {
    // `start[w]`: where the mentions of word `w` begin in the result.
    let mut start = vec![0usize; wanted.len() + 1];
    for &(w, _) in found {
        start[w as usize + 1] += 1;
    }
    for w in 1..start.len() {
        start[w] += start[w - 1];
    }
    let mut out = vec![(0u64, 0u32); found.len()];
    for &(w, k) in found {
        let at = &mut start[w as usize];
        out[*at] = (wanted[w as usize], k);
        *at += 1;
    }
    out
}

/// What the whole text says of its capitalised words: where each occurs, and which are words
/// of a name the rules accepted. Built once per text, after the rules, for the model's
/// document features (a word that elsewhere follows "in" or "de" is no person there either;
/// one the rules found in a full name is one here too).
pub(crate) struct DocWords {
    /// (hash of the lower-cased word, token index) of every capitalised word, sorted.
    occurrences: Vec<(u64, u32)>,
    /// Hashes of the capitalised words of the names the rules accepted, sorted.
    accepted: Vec<u64>,
    /// The token ranges of the names the rules accepted, sorted (for [`near_names`]).
    spans: Vec<(u32, u32)>,
}

impl DocWords {
    /// `lasts`: the last words of the chains the model will score; only their mentions are
    /// indexed (sorting every capitalised word of a text cost more than the model itself).
    pub(crate) fn new(cx: &mut Ctx, accepted: &[Accepted], lasts: &[usize]) -> DocWords {
        let mut wanted: Vec<u64> = lasts.iter().map(|&k| super::word_hash(cx, k)).collect();
        wanted.sort_unstable();
        wanted.dedup();
        // A 4096-bit filter on the top bits of the wanted hashes: nearly every other word is
        // passed over on one test.
        let mut filter = [0u64; 64];
        let bit = |h: u64| (h >> 52) as usize;
        for &h in &wanted {
            filter[bit(h) >> 6] |= 1 << (bit(h) & 63);
        }
        // The index of a wanted hash in `wanted`.
        let keep = |h: u64| {
            if filter[bit(h) >> 6] & 1 << (bit(h) & 63) == 0 {
                return None;
            }
            wanted.binary_search(&h).ok()
        };
        // The ASCII words were hashed for the lexicon already (`cap_hashes`, in token order);
        // the others are hashed here. Each mention as (index in `wanted`, token), in token order.
        let mut found: Vec<(u32, u32)> = Vec::new();
        let mut ascii = 0;
        for &k in cx.caps {
            let k = k as usize;
            let h = if cx.cap_hashes.get(ascii).is_some_and(|&(t, _)| t == k) {
                ascii += 1;
                cx.cap_hashes[ascii - 1].1
            } else if cx.is_cap(k) {
                super::word_hash(cx, k)
            } else {
                continue;
            };
            if let Some(w) = keep(h) {
                found.push((w as u32, k as u32));
            }
        }
        let occurrences = by_word(&wanted, &found);
        let mut words = Vec::new();
        for a in accepted {
            for k in a.first..=a.last.min(cx.toks.len().saturating_sub(1)) {
                if cx.is_cap(k) && !super::is_particle(cx.w(k)) {
                    words.push(super::word_hash(cx, k));
                }
            }
        }
        words.sort_unstable();
        words.dedup();
        let mut spans: Vec<(u32, u32)> = accepted
            .iter()
            .map(|a| (a.first as u32, a.last as u32))
            .collect();
        spans.sort_unstable();
        DocWords {
            occurrences,
            accepted: words,
            spans,
        }
    }

    fn occurrences(&self, h: u64) -> &[(u64, u32)] {
        let a = self.occurrences.partition_point(|x| x.0 < h);
        let b = self.occurrences.partition_point(|x| x.0 <= h);
        self.occurrences.get(a..b).unwrap_or(&[])
    }

    fn is_accepted(&self, h: u64) -> bool {
        self.accepted.binary_search(&h).is_ok()
    }
}

/// A neighbour of another mention as a document feature: a lower-case word, an ordinary
/// capitalised word ("De") or punctuation as itself; a first name, another capitalised word
/// as a class (their own words would not recur in another text).
fn doc_context(cx: &mut Ctx, k: Option<usize>) -> u64 {
    let Some(k) = k else { return 0 };
    let t = cx.toks[k];
    match t.class {
        Class::Word if t.cap => {
            let f = cx.features(k);
            if f & F_DUTCH != 0 {
                super::word_hash(cx, k)
            } else if f & F_FIRST != 0 {
                3
            } else {
                4
            }
        }
        Class::Word => super::word_hash(cx, k),
        Class::Number => 2,
        Class::Punct => 0x100 | u64::from(cx.text.as_bytes()[t.start()]),
    }
}

/// A neighbour as a class for [`T_PATTERN`]: punctuation as itself, a number, a short
/// lower-case word (a function word: "en", "van", "de") as itself, a longer one as one class,
/// a capitalised word by what the lexicon says of it (given name, surname, ordinary word).
/// The layout around a name recurs from text to text where the words do not: "Ploeg
/// (Dekkerman) --", "4. Veldhuyzen 2:03 --", ", Oostrom, en".
fn pattern_class(cx: &mut Ctx, k: Option<usize>) -> u64 {
    let Some(k) = k else { return 0 };
    let t = cx.toks[k];
    match t.class {
        Class::Word if t.cap => {
            let f = cx.features(k);
            0x20 | u64::from(f & F_FIRST != 0) << 1
                | u64::from(f & F_DUTCH != 0) << 2
                | u64::from(f & F_SURNAME != 0) << 3
        }
        Class::Word if t.end() - t.start() <= 3 => super::word_hash(cx, k) | 1 << 7,
        Class::Word => 3,
        Class::Number => 2,
        Class::Punct => 0x100 | u64::from(cx.text.as_bytes()[t.start()]),
    }
}

/// Names the rules accepted close before and after tokens `first..=last` on the same line, as
/// two feature values: how many tokens lie between (1, 2, 3 to 5; 0 for none that close) and the
/// class of the token right after the earlier of the two ([`pattern_class`]: ",", "en", "--",
/// "("). A list or a results table names people side by side: "Bram Kuipers, Ter Horst,
/// Oostrom", "Ploeg A (Dekkerman) -- Ploeg B (Veldhuyzen)", where the rules know some of them
/// by their given name or a country code.
fn near_names(cx: &mut Ctx, doc: &DocWords, first: usize, last: usize) -> (u64, u64) {
    let toks = cx.toks;
    let gap_value = |cx: &mut Ctx, a: usize, b: usize| -> u64 {
        // Tokens a+1..b lie between; the line must not break up to b.
        let between = b - a - 1;
        if between == 0 || between > 5 || (a + 1..=b).any(|j| toks[j].nl_before > 0) {
            return 0;
        }
        let bucket = between.min(3) as u64;
        bucket | pattern_class(cx, Some(a + 1)) << 2
    };
    let i = doc.spans.partition_point(|x| (x.0 as usize) < first);
    // The nearest accepted name ending before the chain (they do not overlap it).
    let before = doc.spans[..i]
        .iter()
        .rev()
        .take(4)
        .map(|x| x.1 as usize)
        .filter(|&l| l < first)
        .max()
        .map_or(0, |l| gap_value(cx, l, first));
    let after = doc.spans[i..]
        .iter()
        .map(|x| x.0 as usize)
        .find(|&f| f > last)
        .map_or(0, |f| gap_value(cx, last, f));
    (before, after)
}

/// Lexicon bits the model reads: first name, surname, Dutch word, never-a-name, the three title
/// classes, organisation word, place.
const LEX_MASK: u32 = 0x1ff;

/// A token as a context value: its lower-cased word hash, or its punctuation byte, or a
/// class for numbers; 0 for no token.
fn context_value(cx: &mut Ctx, k: Option<usize>) -> u64 {
    let Some(k) = k else { return 0 };
    let t = cx.toks[k];
    match t.class {
        Class::Word => super::word_hash(cx, k),
        Class::Number => 2,
        Class::Punct => 0x100 | u64::from(cx.text.as_bytes()[t.start()]),
    }
}

/// The shape of word token `i`: capitals, hyphen, non-ASCII, length.
fn shape(cx: &Ctx, i: usize) -> u64 {
    let t = &cx.toks[i];
    let w = cx.text.as_bytes().get(t.start()..t.end()).unwrap_or(b"");
    let len = match w.len() {
        0..=2 => 0,
        3..=4 => 1,
        5..=7 => 2,
        8..=11 => 3,
        _ => 4,
    };
    let upper_inside = w.iter().skip(1).any(u8::is_ascii_uppercase);
    u64::from(t.cap)
        | u64::from(t.all_caps) << 1
        | u64::from(w.contains(&b'-')) << 2
        | u64::from(w.iter().any(|&b| b >= 0x80)) << 3
        | u64::from(upper_inside) << 4
        | u64::from(w.contains(&b'\'')) << 5
        | len << 6
}

/// Whether word token `i` ends in an ordinary Dutch word after a part of three letters or more,
/// as a compound names a hall, a street, a firm ("Lindenzaal", "Beukenlaan", "Bakkersbedrijf"):
/// 0 no, 1 a tail of three or four letters, 2 of five or more (the longest tail decides). A
/// name rarely ends so, and the lexicon cannot list every compound.
pub(super) fn dutch_tail(cx: &Ctx, i: usize) -> u64 {
    let w = cx.w(i).as_bytes();
    if w.len() < 7 || w.len() > 40 || !w.is_ascii() || w.contains(&b'-') {
        return 0;
    }
    // Lower-cased on the stack: this runs for every chain the model scores.
    let mut buf = [0u8; 40];
    for (b, &c) in buf.iter_mut().zip(w) {
        *b = c.to_ascii_lowercase();
    }
    let Ok(low) = std::str::from_utf8(&buf[..w.len()]) else {
        return 0;
    };
    for k in 3..=low.len() - 3 {
        let Some(tail) = low.get(k..) else { continue };
        if crate::lexicon::word_bits(tail) & crate::lexicon::W_DUTCH != 0 {
            return if tail.len() >= 5 { 2 } else { 1 };
        }
    }
    0
}

/// The last three (or first four) bytes of word token `i`, ASCII-lower-cased, as a value.
fn affix(cx: &Ctx, i: usize, suffix: bool, n: usize) -> u64 {
    let t = &cx.toks[i];
    let w = cx.text.as_bytes().get(t.start()..t.end()).unwrap_or(b"");
    let part = if suffix {
        &w[w.len().saturating_sub(n)..]
    } else {
        &w[..w.len().min(n)]
    };
    part.iter()
        .fold(0u64, |a, &b| a << 8 | u64::from(b.to_ascii_lowercase()))
}

/// World knowledge ([`lexicon::gazetteer_bits`]): whether the chain's last word is a
/// well-known person's surname or an organisation's name or a word of one (together with
/// whether the name lists know it as a given name or surname and the word list as a Dutch
/// word: `--cv` F1 0.912 against 0.911 without), the same of its first word, and whether the
/// whole chain is an organisation's name ("Club Brugge"). A
/// surname alone in newspaper text is as often a club or a sponsor; neither the rules nor the
/// text tell them apart, the world does.
fn gazetteer_features(cx: &mut Ctx, f: &mut Feats, first_word: usize, last: usize) {
    let single = first_word == last;
    let lb = gazetteer_word(cx, last);
    let lex = u64::from(cx.features(last) & (F_FIRST | F_SURNAME | F_DUTCH));
    f.push(
        T_GAZ_LAST,
        (u64::from(lb) << 3 | lex) << 1 | u64::from(single),
        Group::Lexicon,
    );
    if single {
        return;
    }
    let fb = gazetteer_word(cx, first_word);
    f.push(
        T_GAZ_FIRST,
        u64::from(fb) << 3 | u64::from(lb),
        Group::Lexicon,
    );
    // Every word of three letters or more of an organisation's name of several words is
    // an organisation word: without one at either end the chain is no such name, and the
    // text need not be copied.
    let cb = if (fb | lb) & lexicon::G_ORG_PART == 0 {
        0
    } else {
        let (start, end) = (cx.toks[first_word].start(), cx.toks[last].end());
        let mut key = String::new();
        for w in cx.text.get(start..end).unwrap_or("").split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(w);
        }
        lexicon::gazetteer_bits_any_case(&key, &mut cx.buf)
    };
    f.push(
        T_GAZ_CHAIN,
        u64::from(cb & lexicon::G_ORG != 0),
        Group::Lexicon,
    );
}

/// The world-knowledge bits of word `i`. (A hyphenated word's parts as well, "Lampre-Daikin",
/// scored `--cv` F1 0.911 against 0.912 without: left out.)
fn gazetteer_word(cx: &mut Ctx, i: usize) -> u16 {
    const KNOWN: u16 = lexicon::G_FAMOUS | lexicon::G_ORG | lexicon::G_ORG_PART;
    let w = cx.toks[i].text(cx.text);
    let bits = lexicon::gazetteer_bits_any_case(w, &mut cx.buf) & KNOWN;
    // A short word is someone's initials as often as a club's or a team's ("FdJ" signing a
    // note): only a surname counts.
    if w.chars().count() < 4 {
        bits & lexicon::G_FAMOUS
    } else {
        bits
    }
}

/// The features of the chain of tokens `first..=last` (`els`: its number of elements, whether
/// it holds initials and whether particles; `rule`: 0 for an open chain, else the weak rule that accepted it).
pub(crate) fn features(
    cx: &mut Ctx,
    doc: &DocWords,
    first: usize,
    last: usize,
    els: (usize, bool, bool),
    rule: u64,
) -> Feats {
    let mut f = Feats::new();
    f.push(T_BIAS, 0, Group::Shape);
    // Which rule accepted the chain, if any: each has a bias of its own.
    if rule != 0 {
        f.push(T_RULE, rule, Group::Lexicon);
    }
    let (n_els, has_initial, has_particle) = els;
    let single = first == last;
    f.push(
        T_LEN,
        (n_els.min(4) as u64) << 2 | u64::from(has_initial) << 1 | u64::from(has_particle),
        Group::Shape,
    );
    // Lexicon bits of the first and the last word (the first word of a chain that starts with
    // initials is its first capitalised word).
    let first_word = (first..=last)
        .find(|&k| cx.toks[k].class == Class::Word && cx.is_cap(k) && !cx.is_initial(k))
        .unwrap_or(last);
    let bits = |cx: &mut Ctx, k: usize| -> u64 {
        let b = cx.features(k) & LEX_MASK;
        debug_assert!(cx.feat[k] & F_DONE != 0);
        u64::from(b) | u64::from(cx.is_org(k)) << 9
    };
    let (fb, lb) = (bits(cx, first_word), bits(cx, last));
    f.push(T_FIRST_BITS, fb, Group::Lexicon);
    f.push(T_LAST_BITS, lb, Group::Lexicon);
    f.push(T_PAIR_BITS, fb << 16 | lb, Group::Lexicon);
    let (fw, lw) = (super::word_hash(cx, first_word), super::word_hash(cx, last));
    f.push(T_LAST_WORD, lw, Group::Word);
    f.push(T_LAST_SUFFIX, affix(cx, last, true, 3), Group::Word);
    f.push(T_LAST_PREFIX, affix(cx, last, false, 4), Group::Word);
    f.push(T_LAST_SHAPE, shape(cx, last), Group::Shape);
    f.push(
        T_DUTCH_TAIL,
        dutch_tail(cx, last) << 1 | u64::from(single),
        Group::Word,
    );
    gazetteer_features(cx, &mut f, first_word, last);
    if !single {
        f.push(T_FIRST_WORD, fw, Group::Word);
        f.push(T_FIRST_SUFFIX, affix(cx, first_word, true, 3), Group::Word);
        f.push(T_FIRST_SHAPE, shape(cx, first_word), Group::Shape);
    }
    // Context: two tokens either side on the same line; line and sentence position.
    let toks = cx.toks;
    let same_line_before = |k: usize| (k > 0 && toks[k].nl_before == 0).then(|| k - 1);
    let p1 = same_line_before(first);
    let p2 = p1.and_then(same_line_before);
    let same_line_after = |k: usize| toks.get(k + 1).filter(|t| t.nl_before == 0).map(|_| k + 1);
    let n1 = same_line_after(last);
    let n2 = n1.and_then(same_line_after);
    let (vp1, vp2, vn1, vn2) = (
        context_value(cx, p1),
        context_value(cx, p2),
        context_value(cx, n1),
        context_value(cx, n2),
    );
    f.push(T_PREV1, vp1, Group::Context);
    f.push(T_PREV2, vp2, Group::Context);
    f.push(T_NEXT1, vn1, Group::Context);
    f.push(T_NEXT2, vn2, Group::Context);
    f.push(T_PREV_BIGRAM, vp2.rotate_left(17) ^ vp1, Group::Context);
    f.push(T_PREV1_SINGLE, vp1 << 1 | u64::from(single), Group::Context);
    // What kind of word comes right before, beyond which word: its lexicon bits (a title, a
    // nationality, an ordinary word) and, lower case, its last three letters, the ending of
    // an agent noun ("pianovirtuoos", "diamanthandelaar", "Justitieminister": a role the
    // lexicon lacks as a word).
    if let Some(k) = p1.filter(|&k| toks[k].class == Class::Word) {
        let b = u64::from(cx.features(k) & LEX_MASK) | u64::from(toks[k].cap) << 12;
        f.push(T_PREV1_BITS, b << 1 | u64::from(single), Group::Context);
        if !toks[k].cap && toks[k].end() - toks[k].start() >= 6 {
            let suf = affix(cx, k, true, 3);
            f.push(
                T_PREV1_WORD_SUFFIX,
                suf << 1 | u64::from(single),
                Group::Context,
            );
        }
    }
    if let Some(k) = n1.filter(|&k| toks[k].class == Class::Word) {
        let b = u64::from(cx.features(k) & LEX_MASK) | u64::from(toks[k].cap) << 12;
        f.push(T_NEXT1_BITS, b << 1 | u64::from(single), Group::Context);
    }
    f.push(T_NEXT1_SINGLE, vn1 << 1 | u64::from(single), Group::Context);
    // The layout of the two tokens either side, by class ([`pattern_class`]), and the ending
    // of a lower-case word after (a verb in the third person or the past: "-t", "-de").
    let pattern = [p2, p1, n1, n2]
        .into_iter()
        .fold(u64::from(single), |a, k| {
            a.rotate_left(13) ^ pattern_class(cx, k)
        });
    f.push(T_PATTERN, pattern, Group::Context);
    let (before, after) = near_names(cx, doc, first, last);
    f.push(
        T_NAME_BEFORE,
        before << 1 | u64::from(single),
        Group::Context,
    );
    f.push(T_NAME_AFTER, after << 1 | u64::from(single), Group::Context);
    if let Some(k) = n1.filter(|&k| toks[k].class == Class::Word && !toks[k].cap) {
        let suf = affix(cx, k, true, 2);
        f.push(
            T_NEXT1_WORD_SUFFIX,
            suf << 1 | u64::from(single),
            Group::Context,
        );
    }
    // Where the chain starts: the text or a line, after a sentence end, or inside a sentence.
    let start = match p1 {
        None => 0,
        Some(k) if toks[k].class == Class::Punct => match cx.text.as_bytes()[toks[k].start()] {
            b'.' | b'!' | b'?' => 1,
            b':' => 2,
            b'"' | b'\'' => 3,
            _ => 4,
        },
        Some(k) if toks[k].class == Class::Word && toks[k].cap => 5,
        Some(_) => 6,
    };
    let line_end = u64::from(n1.is_none());
    f.push(T_START, start << 1 | line_end, Group::Context);
    // The document: how often the last word occurs, whether the rules found it (or the first
    // word) in a name, and the neighbours of its other mentions.
    let occ = doc.occurrences(lw);
    let count = match occ.len() {
        0..=1 => 0,
        2 => 1,
        3..=4 => 2,
        5..=8 => 3,
        _ => 4,
    };
    f.push(T_DOC_COUNT, count << 1 | u64::from(single), Group::Context);
    f.push(
        T_DOC_ACCEPTED,
        u64::from(doc.is_accepted(lw)) << 1 | u64::from(single),
        Group::Context,
    );
    if !single {
        f.push(
            T_DOC_FIRST_ACCEPTED,
            u64::from(doc.is_accepted(fw)),
            Group::Context,
        );
    }
    let (mut prevs, mut nexts) = ([0u64; 4], [0u64; 4]);
    let (mut np, mut nn) = (0, 0);
    for &(_, k) in occ.iter().take(8) {
        let k = k as usize;
        if (first..=last).contains(&k) {
            continue;
        }
        let p = same_line_before(k);
        let n = same_line_after(k);
        let (vp, vn) = (doc_context(cx, p), doc_context(cx, n));
        if np < prevs.len() && !prevs[..np].contains(&vp) {
            prevs[np] = vp;
            np += 1;
            f.push(T_DOC_PREV, vp << 1 | u64::from(single), Group::Context);
        }
        if nn < nexts.len() && !nexts[..nn].contains(&vn) {
            nexts[nn] = vn;
            nn += 1;
            f.push(T_DOC_NEXT, vn << 1 | u64::from(single), Group::Context);
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(last: u64, first: u64) -> MentionKey {
        MentionKey {
            last,
            first,
            single: last == first,
        }
    }

    /// Counting the mentions per word gives what sorting (hash, token) gives.
    #[test]
    fn by_word_is_the_sorted_mentions() {
        let wanted = [3u64, 40, 41, 900];
        // (index in `wanted`, token), in token order; word 2 has no mention.
        let found = [(3, 1), (0, 2), (3, 5), (1, 6), (0, 9), (3, 12)];
        let mut want: Vec<(u64, u32)> = found.iter().map(|&(w, k)| (wanted[w], k)).collect();
        want.sort_unstable();
        let found: Vec<(u32, u32)> = found.iter().map(|&(w, k)| (w as u32, k)).collect();
        assert_eq!(by_word(&wanted, &found), want);
        assert!(by_word(&wanted, &[]).is_empty());
    }

    #[test]
    fn other_scores_leave_out_the_chain_itself() {
        // "Rubens Barrichello" (7, 9), "Barrichello" twice, "Rubens" alone, "Luna Papa" twice.
        let keys = [
            key(7, 9),
            key(7, 7),
            key(7, 7),
            key(9, 9),
            key(5, 4),
            key(5, 4),
        ];
        let scores = [3.0, -1.0, 0.5, -2.0, 1.0, 2.0];
        let o = other_scores(&keys, &scores);
        // The full name sees the best bare mention, not itself; no repetition.
        assert_eq!(o[0].best, [Some(0.5), None, None]);
        assert_eq!(o[0].same, 0);
        // A bare mention sees the other bare one and the full name ending in it.
        assert_eq!(o[1].best, [Some(0.5), Some(3.0), None]);
        assert_eq!(o[2].best, [Some(-1.0), Some(3.0), None]);
        // The given name alone sees the full name beginning with it.
        assert_eq!(o[3].best, [None, None, Some(3.0)]);
        // A chain of several words in full twice.
        assert_eq!(o[4].best, [None, Some(2.0), None]);
        assert_eq!((o[4].same, o[5].same), (1, 1));
    }

    #[test]
    fn doc_features_stay_inside_the_weights() {
        for single in [false, true] {
            for s in [None, Some(-9.0), Some(-0.5), Some(0.5), Some(9.0)] {
                for same in [0, 1, 2, 4, 100] {
                    let o = OtherScores { best: [s; 3], same };
                    assert!(doc_features(single, &o).iter().all(|&i| i < DOC_WEIGHTS));
                }
            }
        }
    }
}
