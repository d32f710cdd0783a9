//! grondslag-detect: finds personal data in plain text.
//!
//! This crate owns the question "which byte spans of this text are personal data, and of
//! which kind" ([`Kind`]). It turns `&str` into [`Finding`]s and nothing else: it never reads
//! files (the `extract` crate does), never prints, never exits, never stores anything and never
//! logs what it found.
//!
//! # Pipeline
//!
//! [`Detector::detect`] runs, in order:
//!
//! 1. **Identifier scanners** (`ident`): hand-written byte scanners anchored by `memchr` on the
//!    characters that must occur (`@` for e-mail, digits for phone/BSN/postcode/IBAN/IP, `-`
//!    for licence plates). Checksummed identifiers are only reported when they validate
//!    ([`validate::bsn_11_proef`], [`validate::iban_mod97`]).
//! 2. **Tokenizer** (`token`): one pass that cuts the text into words, initials, numbers and
//!    punctuation with byte offsets, without allocating per token.
//! 3. **Names and places** (`names`): candidate name sequences (initials, first names,
//!    tussenvoegsels, surnames, also across a single line break) are scored with lexicons
//!    (`lexicon`, compiled once per process) and context (titles and salutations before, verbs
//!    of speech around, e-mail header fields, attendance lists). Names accepted once are then
//!    propagated through the whole text (also the surname alone). Places are only reported when
//!    tied to a person ("woont in", "afkomstig uit", "Naam (Plaats)").
//! 4. **Special categories** (`special`): cue phrases (an index of word starts) for GDPR art. 9/10 data,
//!    kept only in a sentence that refers to a person.
//! 5. **Resolution**: per kind, overlapping findings are reduced to the best one; identifiers
//!    win over digits that are part of another identifier.
//!
//! # Invariants
//!
//! - `detect` is pure: same text, same findings (no clock, no randomness, no global state other
//!   than the lazily built, immutable lexicons).
//! - Findings come in ascending `start` order; `start < end <= text.len()`; both offsets are char
//!   boundaries; no two findings of the same kind overlap.
//! - No panic on any input (property- and fuzz-tested).

// Text from outside is sliced only through `sub` or `get` (tests may slice what they built).
#![cfg_attr(not(test), warn(clippy::string_slice))]

pub mod eval;
mod fxhash;
pub mod gold;
mod ident;
mod lexicon;
mod names;
mod special;
mod stream;
mod token;
pub mod validate;

pub use ident::MONTH_NAMES;
#[doc(hidden)]
pub use names::model::NameModel;
#[doc(hidden)]
pub use names::model::{
    doc_features, other_scores, MentionKey, OtherScores, DOC_WEIGHTS as NAME_DOC_WEIGHTS,
};

/// The words the rules key on (special-category cues, name particles, verbs of speech, clause
/// words), deduplicated and sorted: the fuzz targets' dictionary is generated from it
/// (`cargo xtask fuzz-dict`), so a fuzzer reaches the rules without guessing their words.
#[doc(hidden)]
pub fn rule_words() -> Vec<&'static str> {
    let mut v = special::rule_words();
    v.extend(names::rule_words());
    v.sort_unstable();
    v.dedup();
    v
}

/// `text[s..e]` for text from outside, without a panic: `""` where `s..e` is not a range of
/// `text` on character boundaries. Every offset this crate slices at comes from an ASCII byte
/// or a token edge, so the empty case is a bug (debug builds, the property tests and the fuzz
/// targets stop on it), never a panic in a user's scan. `clippy::string_slice` is on here.
#[inline(always)]
pub(crate) fn sub(text: &str, s: usize, e: usize) -> &str {
    let r = text.get(s..e);
    debug_assert!(
        r.is_some(),
        "slice {s}..{e} of a text of {} bytes",
        text.len()
    );
    r.unwrap_or("")
}

/// The kinds of personal data, with the contract's lower-case names ([`Kind::as_str`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Email,
    Phone,
    Bsn,
    Iban,
    Address,
    Postcode,
    Birthdate,
    Place,
    LicencePlate,
    IpAddress,
    Religion,
    Ethnicity,
    Political,
    Health,
    SexualOrientation,
    TradeUnion,
    Criminal,
}

impl Kind {
    /// Every kind, in contract order.
    pub const ALL: [Kind; 18] = [
        Kind::Person,
        Kind::Email,
        Kind::Phone,
        Kind::Bsn,
        Kind::Iban,
        Kind::Address,
        Kind::Postcode,
        Kind::Birthdate,
        Kind::Place,
        Kind::LicencePlate,
        Kind::IpAddress,
        Kind::Religion,
        Kind::Ethnicity,
        Kind::Political,
        Kind::Health,
        Kind::SexualOrientation,
        Kind::TradeUnion,
        Kind::Criminal,
    ];

    /// The contract name, e.g. `"licence_plate"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Email => "email",
            Kind::Phone => "phone",
            Kind::Bsn => "bsn",
            Kind::Iban => "iban",
            Kind::Address => "address",
            Kind::Postcode => "postcode",
            Kind::Birthdate => "birthdate",
            Kind::Place => "place",
            Kind::LicencePlate => "licence_plate",
            Kind::IpAddress => "ip_address",
            Kind::Religion => "religion",
            Kind::Ethnicity => "ethnicity",
            Kind::Political => "political",
            Kind::Health => "health",
            Kind::SexualOrientation => "sexual_orientation",
            Kind::TradeUnion => "trade_union",
            Kind::Criminal => "criminal",
        }
    }

    /// Inverse of [`Kind::as_str`] (also accepts a few spelling variants).
    pub fn parse(s: &str) -> Option<Kind> {
        let k = match s.trim() {
            "person" | "name" => Kind::Person,
            "email" | "e-mail" => Kind::Email,
            "phone" | "telephone" => Kind::Phone,
            "bsn" => Kind::Bsn,
            "iban" => Kind::Iban,
            "address" => Kind::Address,
            "postcode" | "postal_code" => Kind::Postcode,
            "birthdate" | "date_of_birth" => Kind::Birthdate,
            "place" => Kind::Place,
            "licence_plate" | "license_plate" => Kind::LicencePlate,
            "ip_address" | "ip" => Kind::IpAddress,
            "religion" => Kind::Religion,
            "ethnicity" => Kind::Ethnicity,
            "political" => Kind::Political,
            "health" => Kind::Health,
            "sexual_orientation" => Kind::SexualOrientation,
            "trade_union" => Kind::TradeUnion,
            "criminal" => Kind::Criminal,
            _ => return None,
        };
        Some(k)
    }

    /// GDPR art. 9 special categories and art. 10 criminal data.
    pub fn is_special_category(self) -> bool {
        matches!(
            self,
            Kind::Religion
                | Kind::Ethnicity
                | Kind::Political
                | Kind::Health
                | Kind::SexualOrientation
                | Kind::TradeUnion
                | Kind::Criminal
        )
    }

    /// Identifiers and contact details (the "identifier recall" group of the eval).
    pub fn is_identifier(self) -> bool {
        matches!(
            self,
            Kind::Email
                | Kind::Phone
                | Kind::Bsn
                | Kind::Iban
                | Kind::Postcode
                | Kind::Address
                | Kind::LicencePlate
                | Kind::IpAddress
                | Kind::Birthdate
        )
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Offsets sorted for a binary search or a forward cursor. Findings come in a few runs
/// already in text order: the stable sort merges those runs in about one pass, where
/// `sort_unstable` sorts the whole again (see `names::sort_runs`); for offsets the order is
/// the same.
pub(crate) fn sorted_offsets(offsets: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut v: Vec<usize> = offsets.collect();
    v.sort();
    v
}

/// The offsets `at` picks (`|f| f.start` or `|f| f.end`) of the findings of `kind`, sorted.
pub(crate) fn offsets_of(found: &[Finding], kind: Kind, at: fn(&Finding) -> usize) -> Vec<usize> {
    sorted_offsets(found.iter().filter(|f| f.kind == kind).map(at))
}

/// One span of personal data: byte offsets `start..end` into the text given to the detector.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Confidence in `[0, 1]`.
    pub score: f32,
    /// Id of the rule that produced it, e.g. `"name.initials_surname"`.
    pub rule: &'static str,
}

/// A name chain the rules left open or accepted weakly, with the learned model's features
/// (table indices): what `cargo xtask train-names` learns from. Not an API.
#[doc(hidden)]
#[derive(Clone, Debug)]
pub struct NameCandidate {
    pub start: usize,
    pub end: usize,
    pub features: Vec<u32>,
    /// A chain a weak rule accepted, which the model confirms (else one it decides).
    pub checked: bool,
    /// Which mentions of the text the second stage reads together with this one.
    pub key: MentionKey,
}

/// The chains of `text` the name rules leave open, with their model features, as detection
/// sees them (after identifiers and addresses are found). For training the model; not an API.
#[doc(hidden)]
pub fn name_candidates(text: &str) -> Vec<NameCandidate> {
    if text.len() > token::MAX_TEXT {
        return Vec::new();
    }
    let mut out = ident::scan(text);
    let tokens = token::tokenize(text);
    ident::addresses(text, &tokens.toks, &tokens.caps, &mut out);
    let mut learn = Vec::new();
    names::detect(
        text,
        &tokens.toks,
        &tokens.caps,
        &out,
        None,
        Some(&mut learn),
    );
    learn
}

/// Errors of [`Detector::detect_reader`]. They carry offsets, never text.
#[derive(Debug, thiserror::Error)]
pub enum DetectError {
    #[error("input is not valid UTF-8 at byte offset {offset}")]
    InvalidUtf8 { offset: u64 },
    #[error("reading input failed at byte offset {offset}")]
    Io {
        offset: u64,
        #[source]
        source: std::io::Error,
    },
}

/// The detection engine. Cheap to build; the lexicons are compiled once per process on first
/// use and shared by every `Detector`. `Send + Sync`: share one across threads.
#[derive(Clone, Debug)]
pub struct Detector {
    /// Whether (and with which weights) the learned name model decides the chains the rules
    /// leave open.
    model: ModelChoice,
}

#[derive(Clone, Debug)]
enum ModelChoice {
    Off,
    Embedded,
    Given(std::sync::Arc<NameModel>),
}

impl ModelChoice {
    fn weights(&self) -> Option<names::model::Weights<'_>> {
        match self {
            ModelChoice::Off => None,
            ModelChoice::Embedded => Some(names::model::Weights::Embedded),
            ModelChoice::Given(m) => Some(names::model::Weights::Given(m)),
        }
    }
}

impl Default for Detector {
    fn default() -> Detector {
        Detector::new()
    }
}

impl Detector {
    pub fn new() -> Detector {
        Detector {
            model: ModelChoice::Embedded,
        }
    }

    /// The rules alone, without the learned name model: for measuring what the model adds
    /// (`cargo xtask eval --rules-only`).
    pub fn rules_only() -> Detector {
        Detector {
            model: ModelChoice::Off,
        }
    }

    /// The rules with name-model weights given at run time instead of the embedded ones: for
    /// development (cross-validation in `cargo xtask train-names --cv`). Not an API.
    #[doc(hidden)]
    pub fn with_name_model(model: NameModel) -> Detector {
        Detector {
            model: ModelChoice::Given(std::sync::Arc::new(model)),
        }
    }

    /// Finds personal data in `text`. Pure: same text, same findings.
    pub fn detect(&self, text: &str) -> Vec<Finding> {
        if text.len() > token::MAX_TEXT {
            return self.detect_huge(text);
        }
        pipeline(text, self.model.weights(), |_| {})
    }

    /// A text of more than 4 GiB (token offsets are 32 bits): detected as a stream, in
    /// pieces, with offsets into the whole text. Names propagate within a piece (256 KiB).
    #[cold]
    fn detect_huge(&self, text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        // A `&str` is UTF-8, and reading a slice cannot fail: there is no error to return.
        let _ = self.detect_reader(text.as_bytes(), |f, _| out.push(f.clone()));
        out
    }

    /// [`Detector::detect`] with the time spent in each stage (identifiers, tokenizer,
    /// addresses, names, special categories, resolution) added to `t`, as measured by
    /// `clock` (seconds; the throughput bench passes the thread's CPU time).
    #[doc(hidden)]
    pub fn detect_timed(&self, text: &str, clock: &dyn Fn() -> f64, t: &mut [f64; 6]) -> usize {
        if text.len() > token::MAX_TEXT {
            return self.detect(text).len();
        }
        let mut last = clock();
        pipeline(text, self.model.weights(), |stage| {
            let now = clock();
            t[stage] += now - last;
            last = now;
        })
        .len()
    }
}

/// The stages of [`Detector::detect`] in order; `done(k)` is called after stage `k`
/// (identifiers, tokenizer, addresses, names, special categories, resolution).
#[inline(always)]
fn pipeline(
    text: &str,
    model: Option<names::model::Weights>,
    mut done: impl FnMut(usize),
) -> Vec<Finding> {
    let mut out = ident::scan(text);
    done(0);
    let tokens = token::tokenize(text);
    let toks = &tokens.toks;
    done(1);
    ident::addresses(text, toks, &tokens.caps, &mut out);
    done(2);
    let persons = names::detect(text, toks, &tokens.caps, &out, model, None);
    out.extend(persons);
    let births = ident::birthdates_after_names(text, &out);
    out.extend(births);
    done(3);
    let specials = special::detect(text, toks, &tokens.cue_starts, &out);
    out.extend(specials);
    done(4);
    let out = resolve(text, out);
    done(5);
    out
}

/// Sorts, drops identifiers nested in a higher-priority identifier and removes same-kind
/// overlaps (keeping the longer, then higher-scoring, finding).
fn resolve(text: &str, mut out: Vec<Finding>) -> Vec<Finding> {
    out.retain(|f| {
        f.start < f.end
            && f.end <= text.len()
            && text.is_char_boundary(f.start)
            && text.is_char_boundary(f.end)
    });
    out.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.kind.cmp(&b.kind))
    });
    // Identifier priority: a BSN inside an IBAN or phone number is not a BSN, etc.
    let prio = |k: Kind| match k {
        Kind::Email => 6,
        Kind::Iban => 5,
        Kind::IpAddress => 4,
        Kind::Phone => 3,
        Kind::LicencePlate => 2,
        Kind::Bsn | Kind::Postcode | Kind::Birthdate => 1,
        _ => 0,
    };
    // Identifiers sorted by start (out is sorted); they are short, so only those starting at
    // most MAX_ID bytes before a finding can overlap it.
    const MAX_ID: usize = 128;
    let ids: Vec<(usize, usize, i32)> = out
        .iter()
        .filter(|f| prio(f.kind) > 0)
        .map(|f| (f.start, f.end, prio(f.kind)))
        .collect();
    // `retain` visits the findings in start order, so the first identifier that can overlap
    // one only moves forward: a cursor, not a binary search per finding.
    let mut from = 0;
    let mut overlapping = |f: &Finding, pred: &dyn Fn(i32) -> bool| {
        while ids.get(from).is_some_and(|&(s, _, _)| s + MAX_ID < f.start) {
            from += 1;
        }
        ids[from..]
            .iter()
            .take_while(|&&(s, _, _)| s < f.end)
            .any(|&(s, e, q)| pred(q) && s < f.end && f.start < e)
    };
    out.retain(|f| {
        let p = prio(f.kind);
        if f.kind == Kind::Person || f.kind == Kind::Place {
            // A name inside an e-mail address is part of the address.
            return !overlapping(f, &|q| q == 6);
        }
        if p == 0 {
            return true;
        }
        !overlapping(f, &|q| q > p)
    });
    let mut result: Vec<Finding> = Vec::with_capacity(out.len());
    let mut last_end: [usize; 18] = [0; 18];
    let mut last_idx: [usize; 18] = [usize::MAX; 18];
    for f in out {
        let k = f.kind as usize;
        if last_idx[k] != usize::MAX && f.start < last_end[k] {
            // Overlap with the kept one of the same kind: keep the better.
            let prev = &result[last_idx[k]];
            let better = (f.end - f.start) > (prev.end - prev.start)
                || ((f.end - f.start) == (prev.end - prev.start) && f.score > prev.score);
            if better && !result[last_idx[k] + 1..].iter().any(|g| g.kind == f.kind) {
                last_end[k] = f.end;
                result[last_idx[k]] = f;
            }
            continue;
        }
        last_end[k] = f.end;
        last_idx[k] = result.len();
        result.push(f);
    }
    sort_by_start_and_kind(&mut result);
    result
}

/// Sorts findings by start, then kind, keeping the order of equal ones (as a stable
/// `sort_by` would). The findings `resolve` keeps are nearly always in start order already,
/// where only findings of different kinds at one start need reordering: those groups are
/// sorted alone (the stable sort of the whole cost 8.5 M instructions on 3 MB of text).
fn sort_by_start_and_kind(v: &mut [Finding]) {
    if !v.is_sorted_by_key(|f| f.start) {
        v.sort_by(|a, b| a.start.cmp(&b.start).then(a.kind.cmp(&b.kind)));
        return;
    }
    for group in v.chunk_by_mut(|a, b| a.start == b.start) {
        if group.len() > 1 {
            group.sort_by_key(|f| f.kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path for texts over 4 GiB (which no test can allocate) gives what `detect` gives
    /// on a text shorter than one stream piece.
    #[test]
    fn huge_text_path_matches_detect() {
        let text = "Geachte heer Jansen,\n\nMevrouw Fatima el Amrani (BSN 111222333) woont in \
                    Ermelo en is bekeerd tot de islam. Bel 06-12345678.\n";
        let det = Detector::new();
        assert_eq!(det.detect_huge(text), det.detect(text));
        assert!(!det.detect(text).is_empty());
    }

    /// The group-wise sort gives the order of the stable sort of the whole, on findings in
    /// start order and on findings out of it (equal start and kind: the rule tells them apart).
    #[test]
    fn sort_by_start_and_kind_is_the_stable_sort() {
        let f = |start: usize, kind: Kind, rule: &'static str| Finding {
            start,
            end: start + 3,
            kind,
            score: 0.5,
            rule,
        };
        let in_order = vec![
            f(0, Kind::Place, "a"),
            f(0, Kind::Person, "b"),
            f(0, Kind::Person, "c"),
            f(4, Kind::Email, "d"),
            f(9, Kind::Place, "e"),
            f(9, Kind::Address, "f"),
        ];
        let mut out_of_order = in_order.clone();
        out_of_order.swap(1, 4);
        for mut v in [in_order, out_of_order] {
            let mut want = v.clone();
            want.sort_by(|a, b| a.start.cmp(&b.start).then(a.kind.cmp(&b.kind)));
            sort_by_start_and_kind(&mut v);
            assert_eq!(v, want);
        }
    }
}

/// Issue 13 item 5: values broken by the layout of a narrow column (a line end inside the
/// value, or the hyphen of a broken word at the line end) are one finding covering both
/// parts, so that redaction removes both.
#[cfg(test)]
mod layout_tests {
    use super::*;

    fn found(text: &str, kind: Kind) -> Vec<String> {
        Detector::new()
            .detect(text)
            .into_iter()
            .filter(|f| f.kind == kind)
            .map(|f| sub(text, f.start, f.end).to_string())
            .collect()
    }

    #[test]
    fn email_broken_after_a_hyphen() {
        let t = "Stuur uw reactie naar l.dekker@buurt-\nhuis-oost.nl voor 1 maart.";
        assert_eq!(found(t, Kind::Email), ["l.dekker@buurt-\nhuis-oost.nl"]);
    }

    #[test]
    fn name_hyphenated_at_a_line_end() {
        let t = "Op 3 maart sprak de heer Jan-\nnes de Vries met de wethouder.";
        assert_eq!(found(t, Kind::Person), ["Jan-\nnes de Vries"]);
        let t = "Aanwezig was mevrouw Fatima Bou-\nzian namens de wijkraad.";
        assert_eq!(found(t, Kind::Person), ["Fatima Bou-\nzian"]);
    }

    #[test]
    fn name_broken_at_a_line_end() {
        let t = "Het verzoek van mevrouw Annemiek\nvan der Linden is ontvangen.";
        assert_eq!(found(t, Kind::Person), ["Annemiek\nvan der Linden"]);
    }

    #[test]
    fn phone_broken_at_a_line_end() {
        let t = "U kunt haar bellen op +31 6\n1234 5678 of mailen.";
        assert_eq!(found(t, Kind::Phone), ["+31 6\n1234 5678"]);
        let t = "Telefoon: 06 1234\n5678, ook 's avonds.";
        assert_eq!(found(t, Kind::Phone), ["06 1234\n5678"]);
    }

    #[test]
    fn postcode_broken_at_a_line_end() {
        let t = "Zij woont aan de Laan 12, 2511\nDP Den Haag, sinds vorig jaar.";
        assert_eq!(found(t, Kind::Postcode), ["2511\nDP"]);
    }

    /// Ordinary line ends are not joined.
    #[test]
    fn ordinary_line_ends_stay_apart() {
        let t = "De vergadering begon om 2511\nDe voorzitter opende.";
        assert!(found(t, Kind::Postcode).is_empty());
        let t = "Bel 06-12345678\n2024 was een goed jaar.";
        assert_eq!(found(t, Kind::Phone), ["06-12345678"]);
        let t = "Aanwezig: Jan de Vries\nAgenda: de begroting";
        assert_eq!(found(t, Kind::Person), ["Jan de Vries"]);
        // A hyphen before a line end joins only a lower-case continuation.
        let t = "met de heer Jansen-\nDe Boer";
        assert_eq!(found(t, Kind::Person).len(), 1);
    }
}
