//! Resolution: person mentions → data subjects.
//!
//! Two people can share a name, and one person is written in many ways. Resolution
//! therefore first settles each document on its own, where a writer makes sure that a
//! short form points at one person, and only then joins across documents, where a name
//! alone proves little:
//!
//! 1. **Details next to a name.** Every other finding is attached to the person named
//!    right before it (or just after it) in the same document. A birth date, a place of
//!    residence or a BSN attached *tightly* — close, and with no sentence ending in
//!    between — becomes a fact about that mention: two groups whose facts differ (another
//!    birth date, another town, another BSN) are never joined, and neither are groups
//!    with other given names, other initials, another surname or another gender by title
//!    ("mevrouw", "de heer", "zijn dochter" right before the name).
//! 2. **Within a document.** Mentions of one full name are one person, unless their
//!    facts differ (two namesakes in one list). A short form — initials, a surname alone,
//!    a title and surname, a given name alone, an abbreviation — joins the one person of
//!    the document it fits; where two fit, it is left apart.
//! 3. **Shared identifiers** (e-mail, phone, BSN, IBAN, birth date) next to compatible
//!    names join across documents.
//! 4. **The same name across documents**, in any spelling (transliteration, diacritics,
//!    hyphen or space, a married double name): groups are taken richest first; a group
//!    joins the one earlier group its name fits and its facts do not contradict. A group
//!    without facts that fits several namesakes stays apart: which one is meant cannot be
//!    known, and guessing would put one person's documents in another's access request.
//! 5. **Short forms that no document explains** (a letter to "H. Ouahabi") join the one
//!    person in the holding they fit, with a lower confidence.
//!
//! Every join has a confidence and a reason, and the explanation tree gives each member
//! the weakest link on its path. Finally the working group's [`Decision`]s are applied in
//! order. Work stays near-linear: every pass looks only inside a document or inside a
//! block of mentions that share a surname key.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::fold::{fold, similar_keys, skeleton};
use crate::ident::{normalise_date, normalise_identifier, LINKING_KINDS};
use crate::name::{
    gender_before, kinship_before, normalise_name, runs_two_names, written_part, NameForm, NameKey,
    SurnameMatch,
};
use crate::why::why;
use crate::{Decision, Member, Mention, Subject};

/// How far (bytes) after the end of a name a detail still counts as that person's
/// (a line of a contact list, an e-mail header, a signature block).
const AFTER_NAME: usize = 220;
/// How far before a name a detail may stand and still count as that person's.
const BEFORE_NAME: usize = 40;
/// A detail this close after a name belongs to it, whatever follows.
const CLOSE_AFTER: usize = 40;
/// A detail at most this far after its name, with no sentence end in between, is a fact
/// about the person that may keep two people apart or link them.
const TIGHT: usize = 160;
/// How far (bytes) after a full name an alias such as a kunya may stand to be read as
/// that person's alias.
const ALIAS_GAP: usize = 48;
/// The special categories (GDPR art. 9/10) of the detector's contract.
const SPECIAL_KINDS: &[&str] = &[
    "religion",
    "ethnicity",
    "political",
    "health",
    "sexual_orientation",
    "trade_union",
    "criminal",
];

/// Words between a name and a kunya that say the kunya is that person's alias.
const ALIAS_CUES: &[&str] = &[
    "(",
    "\"",
    "\u{201c}",
    "alias",
    "zich",
    "ook",
    "bekend",
    "noem",
    "roepnaam",
    "bijnaam",
    "sociale media",
    "aka",
    "a.k.a",
    "genaamd",
];
/// Most distinct variants a group remembers for its conflict check.
const PROFILE_CAP: usize = 12;

type Reason = Cow<'static, str>;

/// A fast non-cryptographic hasher for the resolver's integer keys (the FxHash of rustc);
/// the keys are not chosen by an attacker, and SipHash dominated the profile.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(buf));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// Interned name keys, so the passes' indexes are keyed by integers.
#[derive(Debug, Clone, Default)]
struct Ids {
    surname: u32,
    given: u32,
    parts: Vec<u32>,
}

/// Id of "no such key".
const NONE: u32 = u32::MAX;

/// A link in the tree that explains a subject: this mention joined because of `reason`
/// with mention `to`.
#[derive(Debug, Clone)]
struct Edge {
    to: u32,
    confidence: f32,
    reason: Reason,
}

/// Where a detail (any finding that is not a name) belongs: the person mention, the
/// distance in bytes, and whether it is close enough, in the same sentence, to be a fact
/// about that person.
#[derive(Debug, Clone, Copy)]
struct Attached {
    person: u32,
    distance: usize,
    tight: bool,
    /// Whether the detail stands after the name (else right before it).
    after_name: bool,
}

impl Attached {
    /// The text between the name `person` and the detail `detail` (as far as the
    /// mentions' context reaches; a detail before its name gives its own last words).
    fn gap<'m>(&self, detail: &'m Mention, person: &'m Mention) -> &'m str {
        let _ = person;
        let ctx = &detail.before;
        let n = if self.after_name {
            self.distance.min(ctx.len())
        } else {
            40.min(ctx.len())
        };
        let mut from = ctx.len() - n;
        while !ctx.is_char_boundary(from) {
            from += 1;
        }
        &ctx[from..]
    }
}

/// What a join rests on, which decides which differences veto it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// A name (and its place in a document): every difference vetoes.
    Name,
    /// The same identifier next to both names: people move, so another town does not veto.
    Identifier,
    /// The same BSN: it identifies a person whatever name or town they were written with.
    Bsn,
}

/// What a place next to a name says about the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlaceRole {
    /// "woont in", "woonachtig te", "Woonplaats:", or no cue: where the person lives.
    Residence,
    /// "geboren in", "Geboorteplaats:": never changes.
    Birth,
    /// Origin or history ("afkomstig uit", "groeide op in", "verhuisde naar"): no fact.
    Other,
}

/// The role of a place from the text between the name and the place (`gap`), as the
/// detector's contract has one kind for places of residence and of origin.
fn place_role(gap: &str) -> PlaceRole {
    // Only the clause the place stands in: "(geb. 1961) uit Tiel" is where one lives.
    let clause = gap.rsplit([',', ')', '(', ';', '\n']).next().unwrap_or(gap);
    let g = fold(clause);
    const OTHER: &[&str] = &[
        "afkomstig",
        "oorspronkelijk",
        "origine",
        "groeide",
        "opgegroeid",
        "verhuisd",
        "verhuisde",
        "woonde",
        "komt uit",
        "kwam uit",
        "geboorteland",
        "vandaan",
    ];
    if OTHER.iter().any(|w| g.contains(w)) {
        return PlaceRole::Other;
    }
    // The last cue before the place decides: "geboren 1-2-1990, woonachtig te Tiel".
    let birth = ["geboren", "geb.", "geboorteplaats"]
        .iter()
        .filter_map(|w| g.rfind(w))
        .max();
    let residence = ["woon", "wonend", "wonende", "adres", "verblijft"]
        .iter()
        .filter_map(|w| g.rfind(w))
        .max();
    match (birth, residence) {
        (Some(b), Some(r)) if r > b => PlaceRole::Residence,
        (Some(_), _) => PlaceRole::Birth,
        _ => PlaceRole::Residence,
    }
}

/// What a group of mentions says about its person, for the conflict check.
#[derive(Debug, Clone, Default)]
struct Profile {
    givens: Vec<String>,
    /// First given names written as the first part of a hyphenated double given name
    /// ("Anne-Marie"), and given names written alone ("Anne"), each with the surname: one
    /// hyphenated name is one name, so "Anne-Marie de Wit-Vos" is not "Anne de Wit".
    hyphen_givens: Vec<String>,
    lone_givens: Vec<String>,
    initials: u32,
    /// The written-out given names of each full name, space-separated ("pieter ian"):
    /// a first given name that is only a spelling variant ("Peter", "Pieter Jan") joins
    /// where nothing else in the given names differs.
    given_runs: Vec<String>,
    /// The initials of all given names, where a name gives two or more ("jw" of "Jan
    /// Willem", "J.W." or "Jan-Willem"): "J.P." and "H.H." are other people.
    initial_runs: Vec<String>,
    surnames: Vec<String>,
    surname_parts: Vec<Vec<String>>,
    salutation: u8,
    /// Birth dates (`YYYY-MM-DD`), places of birth and of residence (folded) and BSNs
    /// written tightly next to a name.
    births: Vec<String>,
    birthplaces: Vec<String>,
    towns: Vec<String>,
    bsns: Vec<String>,
    /// Phone numbers and e-mail addresses tightly next to a name: another one keeps apart
    /// what a name alone would join (a namesake), not what an identifier joins.
    contacts: Vec<String>,
    /// Addresses next to a name: a household shares them, so they keep apart only what a
    /// name alone would join, and tell which of several fitting people a mention is.
    addresses: Vec<String>,
    /// A finding that runs two names of a list together ("Sanne Bloem, Ahmet Kaplan"):
    /// neither person alone, so it joins no one ([`Resolver::join`]).
    two_names: bool,
    /// Named as an official of the organisation somewhere ("Opgesteld door M. de Haan",
    /// "Maarten de Haan (ministerie)", "M. de Haan, teamleider"; [`official_role`]).
    official: bool,
}

fn push_capped(list: &mut Vec<String>, v: String) {
    if list.len() < PROFILE_CAP && !list.contains(&v) {
        list.push(v);
    }
}

fn disjoint(a: &[String], b: &[String]) -> bool {
    disjoint_by(a, b, |x, y| x == y)
}

/// Both lists known and no pair of them fits: another value on each side.
fn disjoint_by(a: &[String], b: &[String], fit: impl Fn(&String, &String) -> bool) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.iter().any(|y| fit(x, y)))
}

fn shares(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| b.contains(x))
}

impl Profile {
    fn of(key: &NameKey, salutation: Option<char>) -> Profile {
        let mut p = Profile::default();
        if let Some(g) = key.first_given() {
            p.givens.push(g.to_string());
            // Keyed with the surname (and each part of a double surname), so that a given
            // name read as a surname ("Anna Maria" alone) does not count.
            let first_word = key.display.split_whitespace().next().unwrap_or("");
            if key.givens.len() >= 2 && first_word.contains('-') {
                p.hyphen_givens.push(format!("{g} {}", key.surname));
                for part in &key.surname_parts {
                    push_capped(&mut p.hyphen_givens, format!("{g} {part}"));
                }
            } else if key.givens.len() == 1 && !key.surname.is_empty() {
                p.lone_givens.push(format!("{g} {}", key.surname));
            }
        }
        if key.form() == NameForm::Full {
            p.given_runs.push(key.givens.join(" "));
        }
        if let Some(c) = key.first_initial() {
            if c.is_ascii_lowercase() {
                p.initials = 1 << (c as u32 - 'a' as u32);
            }
        }
        if key.initials.chars().count() >= 2 {
            p.initial_runs.push(key.initials.clone());
        }
        if !key.surname.is_empty() {
            p.surnames.push(key.surname.clone());
            p.surname_parts.push(key.surname_parts.clone());
        }
        p.salutation = match salutation {
            Some('m') => 1,
            Some('f') => 2,
            _ => 0,
        };
        p
    }

    /// How many facts (birth dates, towns, BSNs) the group carries.
    fn facts(&self) -> usize {
        self.births.len()
            + self.birthplaces.len()
            + self.towns.len()
            + self.bsns.len()
            + self.addresses.len()
    }

    fn absorb(&mut self, other: Profile) {
        self.official |= other.official;
        for g in other.givens {
            push_capped(&mut self.givens, g);
        }
        for g in other.hyphen_givens {
            push_capped(&mut self.hyphen_givens, g);
        }
        for g in other.lone_givens {
            push_capped(&mut self.lone_givens, g);
        }
        for (s, parts) in other.surnames.into_iter().zip(other.surname_parts) {
            if self.surnames.len() < PROFILE_CAP && !self.surnames.contains(&s) {
                self.surnames.push(s);
                self.surname_parts.push(parts);
            }
        }
        self.initials |= other.initials;
        for v in other.given_runs {
            push_capped(&mut self.given_runs, v);
        }
        for v in other.initial_runs {
            push_capped(&mut self.initial_runs, v);
        }
        self.salutation |= other.salutation;
        for v in other.births {
            push_capped(&mut self.births, v);
        }
        for v in other.birthplaces {
            push_capped(&mut self.birthplaces, v);
        }
        for v in other.towns {
            push_capped(&mut self.towns, v);
        }
        for v in other.bsns {
            push_capped(&mut self.bsns, v);
        }
        for v in other.addresses {
            push_capped(&mut self.addresses, v);
        }
        for v in other.contacts {
            push_capped(&mut self.contacts, v);
        }
    }

    /// Why the two groups cannot be one person, if they cannot, for a join that rests on
    /// `link`.
    fn contradiction(&self, other: &Profile, link: Link) -> Option<&'static str> {
        if disjoint(&self.bsns, &other.bsns) {
            return Some("another BSN");
        }
        if disjoint(&self.births, &other.births) {
            return Some("another birth date");
        }
        if disjoint(&self.birthplaces, &other.birthplaces) {
            return Some("another place of birth");
        }
        if link == Link::Name && disjoint(&self.towns, &other.towns) {
            return Some("another town of residence");
        }
        // A name alone does not join two addresses: a namesake lives elsewhere (people
        // who moved are joined by an identifier, or by the working group).
        if link == Link::Name && disjoint(&self.addresses, &other.addresses) {
            return Some("another address");
        }
        if link == Link::Name {
            for kind in ["phone:", "email:"] {
                let of = |p: &Profile| -> Vec<String> {
                    p.contacts
                        .iter()
                        .filter(|c| c.starts_with(kind))
                        .cloned()
                        .collect()
                };
                if disjoint(&of(self), &of(other)) {
                    return Some("another phone number or e-mail address");
                }
            }
        }
        if disjoint_by(&self.givens, &other.givens, |a, b| similar_keys(a, b)) {
            return Some("another given name");
        }
        // "Peter" and "Pieter Jan": a variant spelling and another given name besides are
        // two differences, another person's name.
        let runs_fit = |a: &String, b: &String| {
            let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
            a[0] == b[0]
                || (a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| similar_keys(x, y)))
        };
        if disjoint_by(&self.given_runs, &other.given_runs, runs_fit) {
            return Some("another given name");
        }
        if shares(&self.hyphen_givens, &other.lone_givens)
            || shares(&self.lone_givens, &other.hyphen_givens)
        {
            return Some("another given name");
        }
        if self.initials != 0 && other.initials != 0 && self.initials & other.initials == 0 {
            return Some("other initials");
        }
        if !self.initial_runs.is_empty()
            && !other.initial_runs.is_empty()
            && !self.initial_runs.iter().any(|a| {
                other
                    .initial_runs
                    .iter()
                    .any(|b| a.chars().zip(b.chars()).all(|(x, y)| x == y))
            })
        {
            return Some("other initials");
        }
        if self.salutation | other.salutation == 3 {
            return Some("another gender by title");
        }
        if link == Link::Bsn || self.surnames.is_empty() || other.surnames.is_empty() {
            return None;
        }
        if link == Link::Name && other_partners(&self.surname_parts, &other.surname_parts) {
            return Some("another partner's name");
        }
        let surname_fits = |a: &str, pa: &[String], b: &str, pb: &[String]| {
            similar_keys(a, b)
                || (pb.len() > 1 && pb.iter().any(|p| p == a))
                || (pa.len() > 1 && pa.iter().any(|p| p == b))
        };
        let fits = self
            .surnames
            .iter()
            .zip(&self.surname_parts)
            .any(|(a, pa)| {
                other
                    .surnames
                    .iter()
                    .zip(&other.surname_parts)
                    .any(|(b, pb)| surname_fits(a, pa, b, pb))
            });
        (!fits).then_some("another surname")
    }

    fn conflicts(&self, other: &Profile, link: Link) -> bool {
        self.contradiction(other, link).is_some()
    }

    /// The facts both groups give alike, for the evidence of a join (a [`why`] code).
    fn agreeing(&self, other: &Profile) -> Option<&'static str> {
        match (
            shares(&self.births, &other.births),
            shares(&self.towns, &other.towns),
        ) {
            (true, true) => Some("birth-date-and-town-agree"),
            (true, false) => Some("birth-date-agrees"),
            (false, true) => Some("town-agrees"),
            _ => shares(&self.bsns, &other.bsns).then_some("bsn-agrees"),
        }
    }
}

/// Whether two groups are written with married double surnames and share none: "Anita
/// Autar-Ramdin" and "Anita Jhagroe-Ramdin" are two women of one maiden name, each with the
/// name of her own partner. A name alone does not join them (an identifier may: one woman
/// can remarry).
fn other_partners(a: &[Vec<String>], b: &[Vec<String>]) -> bool {
    let doubles = |x: &[Vec<String>]| -> Vec<Vec<String>> {
        x.iter().filter(|p| p.len() == 2).cloned().collect()
    };
    let (da, db) = (doubles(a), doubles(b));
    !da.is_empty()
        && !db.is_empty()
        && !da.iter().any(|x| {
            db.iter()
                .any(|y| x.iter().zip(y).all(|(p, q)| similar_keys(p, q)))
        })
}

/// Whether a sentence ends, or a paragraph, in `gap` (the text between a name and a
/// detail). A dot after an abbreviation or an initial ("geb.", "mw.", "J.") ends none.
fn sentence_ends(gap: &str) -> bool {
    if gap.contains("\n\n") || gap.contains("\n\r\n") {
        return true;
    }
    let b = gap.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if !matches!(c, b'.' | b'!' | b'?') {
            continue;
        }
        let rest = &gap[i + 1..];
        let next = rest.trim_start();
        if next.len() == rest.len() || !next.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        // "Hij woont in Tiel": the next sentence still speaks of the person named.
        let first: String = next
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        if matches!(first.as_str(), "hij" | "zij" | "ze" | "ik") {
            continue;
        }
        if c == b'.' {
            let word: String = gap[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .collect::<Vec<char>>()
                .into_iter()
                .rev()
                .collect();
            // Right after the name ("… Agnieszka Rossi. De familie …") the dot ends its
            // sentence; after one letter it marks an initial.
            if word.chars().count() == 1 || is_abbreviation(&fold(&word)) {
                continue;
            }
        }
        return true;
    }
    false
}

/// Where a detail stands in a sentence about a household that names nobody ("De familie
/// woont aan de Molenweg 12 in Tiel."): the byte range of the sentence before it, whose
/// people the household is. `None` for any other sentence, or where the sentence before
/// does not lie in the mention's context.
fn household_sentence(m: &Mention) -> Option<(usize, usize)> {
    let ctx = m.before.as_str();
    let origin = m.start.checked_sub(ctx.len())?;
    let here = sentence_start(ctx)?;
    let sentence = fold(ctx[here..].trim_start());
    const HOUSEHOLD: &[&str] = &[
        "de familie woont",
        "het gezin woont",
        "de familie wonen",
        "zij wonen",
        "ze wonen",
    ];
    if !HOUSEHOLD.iter().any(|w| sentence.starts_with(w)) {
        return None;
    }
    let before = &ctx[..here];
    if !before.trim_end().ends_with(['.', '!', '?']) {
        // A new line or paragraph: not the sentence right before.
        return None;
    }
    let prev = sentence_start(before.trim_end().trim_end_matches(['.', '!', '?']))?;
    Some((origin + prev, origin + here))
}

/// The genders that the words after a name give its person, for the person mentions
/// `ps` of one document in text order: a possessive before a relative right after the name
/// ("Joep Keldermans en zijn dochter …"), or "hij"/"zij" in the name's sentence or the
/// next with nobody named in between, and nobody else named earlier in the name's
/// sentence ("Keldermans heeft een rol in het netwerk. Volgens bronnen onderhoudt zij
/// contacten …"). A short form with a title then fits only the person of that gender
/// ("Mevrouw Keldermans" beside Romy and Joep), once the given name's gender is known
/// ([`Resolver::tell_genders_by_given_names`]). The text after a name is read from the
/// next mention's context, so the words after a document's last name tell nothing.
fn genders_after_names(mentions: &[Mention], persons: &[usize], ps: &[u32]) -> Vec<(u32, char)> {
    let mut out = Vec::new();
    for (i, pair) in ps.windows(2).enumerate() {
        let (a, b) = (
            &mentions[persons[pair[0] as usize]],
            &mentions[persons[pair[1] as usize]],
        );
        let Some(gap) = gap_between(a, b) else {
            continue;
        };
        if let Some(g) = possessive_after(gap) {
            // "Romy Keldermans en haar zoon Joep en haar man Bart": the possessive after
            // Joep is still Romy's.
            if !kinship_before(&a.before) {
                out.push((pair[0], g));
            }
            continue;
        }
        let earlier = i.checked_sub(1).map(|j| &mentions[persons[ps[j] as usize]]);
        if let Some(g) = pronoun_after(gap) {
            if alone_in_sentence(a, earlier) {
                out.push((pair[0], g));
            }
        }
    }
    out
}

/// The person mentions (indices into `persons`) written as an official of the
/// organisation: after words that name the author of a document ("Opgesteld door",
/// "Behandeld door", "Namens"), or followed by the organisation in brackets or a function
/// ("(ministerie)", ", teamleider"). The words after a name are read from the next
/// finding's context, so a name that ends its document is known by the words before it.
fn officials(mentions: &[Mention], persons: &[usize]) -> Vec<u32> {
    let mut by_doc: FxMap<u64, Vec<usize>> = FxMap::default();
    for (i, m) in mentions.iter().enumerate() {
        by_doc.entry(m.doc).or_default().push(i);
    }
    for list in by_doc.values_mut() {
        list.sort_by_key(|&i| (mentions[i].start, i));
    }
    let mut out = Vec::new();
    for (p, &i) in persons.iter().enumerate() {
        let m = &mentions[i];
        // The first mention of the document that starts after the name ends (the list is
        // sorted by start): a binary search, not a walk from the document's start.
        let list = &by_doc[&m.doc];
        let end = m.start + m.value.len();
        let next = list
            .get(list.partition_point(|&j| mentions[j].start < end))
            .map(|&j| &mentions[j]);
        let after = next.and_then(|n| gap_between(m, n)).unwrap_or("");
        if official_role(&m.before, after) {
            out.push(p as u32);
        }
    }
    out
}

/// Whether the words right before a name (`before`) or right after it (`after`) name it
/// as an official: an author ("Opgesteld door"), the organisation in brackets
/// ("(ministerie)", "(gemeente)") or a civil servant's function (", beleidsmedewerker").
fn official_role(before: &str, after: &str) -> bool {
    let before = fold(before);
    let before = before.trim_end().trim_end_matches(':').trim_end();
    if [
        "opgesteld door",
        "behandeld door",
        "namens",
        "contactpersoon",
    ]
    .iter()
    .any(|w| before.ends_with(w))
    {
        return true;
    }
    let after = fold(after);
    let after = after.trim_start();
    if let Some(rest) = after.strip_prefix('(') {
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        return matches!(word.as_str(), "ministerie" | "gemeente" | "provincie");
    }
    let Some(rest) = after.strip_prefix(',') else {
        return false;
    };
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(2)
        .collect();
    let function = |w: &str| {
        matches!(
            w,
            "teamleider"
                | "beleidsmedewerker"
                | "beleidsadviseur"
                | "adviseur"
                | "onderzoeker"
                | "secretaris"
                | "jurist"
                | "medewerker"
                | "coordinator"
                | "afdelingshoofd"
                | "casemanager"
        )
    };
    match words[..] {
        [w, ..] if function(w) => true,
        ["senior" | "junior", w] => function(w),
        _ => false,
    }
}

/// The text between mentions `a` and `b` of one document, where `b`'s context holds it.
fn gap_between<'m>(a: &Mention, b: &'m Mention) -> Option<&'m str> {
    let end = a.start + a.value.len();
    let len = b.start.checked_sub(end)?;
    let from = b.before.len().checked_sub(len)?;
    b.before.get(from..)
}

/// The gender of a possessive that ends the gap after a name and stands before a kinship
/// word, in the name's sentence: ", en zijn broer " → 'm', " (geb. 3-4-1970) uit Tiel en
/// haar dochter " → 'f'.
fn possessive_after(gap: &str) -> Option<char> {
    if sentence_start(gap).is_some() {
        return None;
    }
    let words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let [ref lead @ .., possessive, kin] = words[..] else {
        return None;
    };
    if !(lead.is_empty() || lead.last().is_some_and(|w| fold(w) == "en")) || !kinship_before(kin) {
        return None;
    }
    match fold(possessive).as_str() {
        "zijn" => Some('m'),
        "haar" => Some('f'),
        _ => None,
    }
}

/// The gender of the first "hij" or "zij" in the gap after a name, where it stands in the
/// name's sentence or the next one.
fn pronoun_after(gap: &str) -> Option<char> {
    let mut at = 0;
    let (pos, g) = loop {
        let rest = &gap[at..];
        let word_start = rest.find(|c: char| c.is_alphabetic())?;
        let word_len = rest[word_start..]
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len() - word_start);
        let word = &rest[word_start..word_start + word_len];
        match word {
            "hij" | "Hij" => break (at + word_start, 'm'),
            "zij" | "Zij" => break (at + word_start, 'f'),
            _ => at += word_start + word_len,
        }
    };
    let before = &gap[..pos];
    if before.contains("\n\n") {
        return None;
    }
    match sentence_start(before) {
        None => Some(g),
        Some(s) => {
            let previous = before[..s].trim_end().trim_end_matches(['.', '!', '?']);
            sentence_start(previous).is_none().then_some(g)
        }
    }
}

/// Whether no person mention `earlier` (the one before `a` in its document) stands in
/// `a`'s sentence: with two names there, a pronoun after them may be either's, or both
/// ("zij" is also "they").
fn alone_in_sentence(a: &Mention, earlier: Option<&Mention>) -> bool {
    let Some(e) = earlier else {
        return true;
    };
    match sentence_start(&a.before) {
        Some(s) => e.start + e.value.len() <= a.start - (a.before.len() - s),
        // No sentence end in the context: the earlier name may be in the same sentence.
        None => false,
    }
}

/// Where the last sentence of `text` starts: after a full stop (not of an initial or an
/// abbreviation: "(geb. 25-01-1979)"), a question or exclamation mark, or a line end.
fn sentence_start(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    (0..b.len()).rev().find_map(|i| {
        let end = match b[i] {
            b'\n' => true,
            b'!' | b'?' => true,
            b'.' => {
                let word: String = text[..i]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric())
                    .collect();
                word.chars().count() > 1
                    && !is_abbreviation(&fold(&word.chars().rev().collect::<String>()))
            }
            _ => false,
        };
        if !end {
            return None;
        }
        let rest = &text[i + 1..];
        let next = rest.trim_start();
        ((b[i] == b'\n' || rest.len() > next.len())
            && next.chars().next().is_none_or(char::is_uppercase))
        .then_some(i + 1)
    })
}

/// Whether `gap` (the text between a name and a detail after it) starts another entry:
/// a line that is neither empty up to the detail (an address block) nor a form label
/// ("Geboortedatum: …"), such as the next line of a list ("4. Vries, H. de, geboren …").
fn new_entry(gap: &str) -> bool {
    gap.split('\n').skip(1).any(|line| {
        let line = line.trim_start();
        if line.trim().is_empty() {
            return false;
        }
        match line.split_once(':') {
            Some((label, _)) => {
                let label = label.trim();
                label.is_empty()
                    || label.chars().count() > 30
                    || !label
                        .chars()
                        .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
            }
            None => true,
        }
    })
}

fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "geb"
            | "mw"
            | "mevr"
            | "mvr"
            | "dhr"
            | "hr"
            | "drs"
            | "dr"
            | "ir"
            | "ing"
            | "mr"
            | "prof"
            | "nr"
            | "tel"
            | "str"
            | "jr"
            | "sr"
            | "ca"
            | "bijv"
            | "o.a"
            | "vs"
            | "wed"
    )
}

struct Resolver<'a> {
    mentions: &'a [Mention],
    /// Mention index of each person mention.
    persons: Vec<usize>,
    keys: Vec<NameKey>,
    parent: Vec<u32>,
    size: Vec<u32>,
    /// The members of each group as a ring: `next` of a mention is the next member.
    next: Vec<u32>,
    profiles: Vec<Profile>,
    /// The explanation tree: each person mention's link towards the subject's anchor.
    tree: Vec<Option<Edge>>,
    /// Person mentions per document, in text order; documents in ascending order.
    by_doc: Vec<(u64, Vec<u32>)>,
    doc_index: FxMap<u64, usize>,
    /// Interned keys of each person mention.
    ids: Vec<Ids>,
    /// Per mention index: the person it belongs to, for every finding that is not a name.
    attached: Vec<Option<Attached>>,
    /// Short forms left apart because two people of their document fit them.
    ambiguous: Vec<bool>,
    /// Given names alone (`.0`) whose document names one person with that initial and no
    /// given name known yet (`.1`): joined to it once the rounds could not tell that
    /// person's given name from elsewhere.
    given_by_initials: Vec<(u32, u32)>,
    /// How many joins were made, to tell when a round changed nothing.
    joins: usize,
    /// "Warsame" and "Amina Hassan" found apart in "Van: Warsame, Amina Hassan <…>".
    inverted: Vec<(u32, u32)>,
    /// Full-name mentions by block, computed once ([`Self::blocks_of_full_names`]).
    full_blocks: Vec<Vec<u32>>,
}

/// The given names the holding's full names write, and for each surname they write the
/// first given names written with it: what tells a double given name written alone ("Anna
/// Maria") from a given name and a surname ("Halil Aslan").
#[derive(Default)]
struct GivenAndSurnames {
    givens: FxMap<String, ()>,
    surnames: FxMap<String, Vec<String>>,
}

impl GivenAndSurnames {
    /// Whether both words are given names somewhere and neither is the surname of a full
    /// name with another first given name ("Maria" of "Anna Maria" is nobody's surname;
    /// "Aslan" of "Halil Aslan" is Emine Aslan's).
    fn both_given(&self, words: &[String]) -> bool {
        words.iter().all(|w| self.givens.contains_key(w))
            && words.iter().all(|w| {
                self.surnames
                    .get(w)
                    .is_none_or(|firsts| firsts.iter().all(|g| g == &words[0]))
            })
    }
}

/// Resolves mentions into data subjects and applies the working group's decisions.
///
/// Person mentions (kind "person") become subjects; every other finding is linked to the
/// person named right before it (or just after it) and becomes a member of that person's
/// subject. Output is deterministic: subjects ordered by their lowest mention id, members
/// by mention id.
pub fn resolve(mentions: &[Mention], decisions: &[Decision]) -> Vec<Subject> {
    let mut r = Resolver::new(mentions);
    for (a, b) in r.inverted.clone() {
        r.join(a, b, 0.9, why("inverted-name", &[]).into(), Link::Name);
    }
    r.join_in_documents();
    let names = r.given_and_surnames();
    for d in 0..r.by_doc.len() {
        let ps = r.by_doc[d].1.clone();
        r.join_name_parts_in_document(&ps);
        r.join_double_given_names_in_document(&ps, &names);
    }
    r.join_aliases();
    r.join_shared_identifiers();
    r.join_full_names();
    r.join_double_surnames();
    // Short forms after the full names, so that a group knows everything its other
    // documents say (a title, a birth date) before a short form is weighed against it;
    // then the full names once more with what the short forms added.
    // Each round can tell a short form's gender or facts to a group that an earlier round
    // left ambiguous; a few rounds settle it.
    for _ in 0..3 {
        let before = r.joins;
        r.ambiguous.iter_mut().for_each(|a| *a = false);
        r.tell_genders_by_given_names();
        r.join_short_forms_in_documents();
        r.join_full_names();
        r.join_short_forms_across(false);
        if r.joins == before {
            break;
        }
    }
    r.join_given_names_by_initials();
    // A short form whose document told its given name only now ("M. Yılmaz" and "Murat")
    // tells which of several people of that surname and initial it is.
    r.join_short_forms_across(true);
    r.join_other_names();
    let attached = std::mem::take(&mut r.attached);
    r.into_subjects(&attached, decisions)
}

impl<'a> Resolver<'a> {
    fn new(mentions: &'a [Mention]) -> Self {
        let persons: Vec<usize> = mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == "person")
            .map(|(i, _)| i)
            .collect();
        let mut keys: Vec<NameKey> = persons
            .iter()
            .map(|&i| normalise_name(&mentions[i].value))
            .collect();
        // "Ben Messaoud" alone reads as given name Ben and surname Messaoud; where the
        // holding knows "Ben Messaoud" as a surname ("Fatima Ben Messaoud"), it is that.
        let ben = |k: &NameKey| {
            k.form() == NameForm::Full
                && k.display.split_whitespace().count() == 2
                && k.display
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| matches!(fold(w).as_str(), "ben" | "bou"))
        };
        let known: std::collections::HashSet<String> = if keys.iter().any(ben) {
            keys.iter()
                .filter(|k| matches!(k.form(), NameForm::Full | NameForm::Initials))
                .map(|k| k.surname.clone())
                .collect()
        } else {
            Default::default()
        };
        for k in keys.iter_mut().filter(|k| !known.is_empty() && ben(k)) {
            let ws: Vec<&str> = k.display.split_whitespace().collect();
            if k.form() == NameForm::Full
                && ws.len() == 2
                && matches!(fold(ws[0]).as_str(), "ben" | "bou")
            {
                let alt = normalise_name(&format!("{} {}", fold(ws[0]), ws[1]));
                if known.contains(&alt.surname) {
                    let salutation = k.salutation;
                    *k = alt;
                    k.salutation = salutation;
                }
            }
        }
        // "3. Jong, N. de, geboren …" and "Van: Jong, Nora de <…>" where the detector found
        // only "Jong": the name is read whole from the text up to the next finding.
        for (p, written) in partial_inverted(mentions, &persons) {
            let salutation = keys[p as usize].salutation;
            keys[p as usize] = normalise_name(&written);
            keys[p as usize].salutation = salutation;
        }
        let inverted = inverted_pairs(mentions, &persons);
        for &(a, b) in &inverted {
            let (ma, mb) = (
                &mentions[persons[a as usize]],
                &mentions[persons[b as usize]],
            );
            let key = normalise_name(&format!("{}, {}", ma.value, mb.value));
            keys[a as usize] = key.clone();
            keys[b as usize] = key;
        }
        let n = persons.len();
        let mut profiles: Vec<Profile> = keys
            .iter()
            .zip(&persons)
            .map(|(k, &i)| {
                let mut profile = Profile::of(
                    k,
                    k.salutation.or_else(|| gender_before(&mentions[i].before)),
                );
                profile.two_names = runs_two_names(&mentions[i].value);
                profile
            })
            .collect();
        let mut docs: FxMap<u64, Vec<u32>> = FxMap::default();
        for (p, &i) in persons.iter().enumerate() {
            docs.entry(mentions[i].doc).or_default().push(p as u32);
        }
        let mut by_doc: Vec<(u64, Vec<u32>)> = docs.into_iter().collect();
        by_doc.sort_by_key(|(d, _)| *d);
        for (_, v) in by_doc.iter_mut() {
            v.sort_by_key(|&p| (mentions[persons[p as usize]].start, p));
        }
        for p in officials(mentions, &persons) {
            profiles[p as usize].official = true;
        }
        for (_, ps) in &by_doc {
            for (p, g) in genders_after_names(mentions, &persons, ps) {
                if profiles[p as usize].salutation == 0 {
                    profiles[p as usize].salutation = if g == 'm' { 1 } else { 2 };
                }
            }
        }
        let doc_index = by_doc
            .iter()
            .enumerate()
            .map(|(i, (d, _))| (*d, i))
            .collect();
        fn intern<'k>(map: &mut FxMap<&'k str, u32>, s: &'k str) -> u32 {
            if s.is_empty() {
                return NONE;
            }
            let next = map.len() as u32;
            *map.entry(s).or_insert(next)
        }
        let mut interner: FxMap<&str, u32> = FxMap::default();
        let ids: Vec<Ids> = keys
            .iter()
            .map(|k| Ids {
                surname: intern(&mut interner, &k.surname),
                given: intern(&mut interner, k.first_given().unwrap_or("")),
                parts: if k.surname_parts.len() > 1 {
                    k.surname_parts
                        .iter()
                        .map(|p| intern(&mut interner, p))
                        .collect()
                } else {
                    Vec::new()
                },
            })
            .collect();
        drop(interner);
        let mut attached = attach(mentions, &persons, &keys);
        // "Gesproken met Amina Yusuf. De familie woont aan de Molenweg 12 in Tiel.": the
        // household of the one person the sentence before names lives there; the address
        // and town are hers (with more people named, "X en haar zus Y", they may be one's
        // and not the other's).
        for (i, m) in mentions.iter().enumerate() {
            if attached[i].is_some_and(|a| a.tight)
                || !matches!(m.kind.as_str(), "place" | "address" | "postcode")
            {
                continue;
            }
            let Some((from, to)) = household_sentence(m) else {
                continue;
            };
            let named: Vec<u32> = by_doc
                .iter()
                .find(|(d, _)| *d == m.doc)
                .map(|(_, ps)| ps.as_slice())
                .unwrap_or_default()
                .iter()
                .copied()
                .filter(|&p| (from..to).contains(&mentions[persons[p as usize]].start))
                .collect();
            if let [p] = named[..] {
                let name = &mentions[persons[p as usize]];
                attached[i] = Some(Attached {
                    person: p,
                    distance: m.start.saturating_sub(name.start + name.value.len()),
                    tight: true,
                    after_name: true,
                });
            }
        }
        for (i, a) in attached.iter().enumerate() {
            let Some(a) = a.filter(|a| a.tight) else {
                continue;
            };
            let m = &mentions[i];
            let profile = &mut profiles[a.person as usize];
            match m.kind.as_str() {
                "birthdate" => {
                    if let Some(d) = normalise_date(&m.value) {
                        push_capped(&mut profile.births, d);
                    }
                }
                "place" => {
                    let town = fold(m.value.trim());
                    let gap = a.gap(m, &mentions[persons[a.person as usize]]);
                    match place_role(gap) {
                        _ if town.is_empty() => {}
                        PlaceRole::Residence => push_capped(&mut profile.towns, town),
                        PlaceRole::Birth => push_capped(&mut profile.birthplaces, town),
                        PlaceRole::Other => {}
                    }
                }
                "bsn" => {
                    if let Some(b) = normalise_identifier("bsn", &m.value) {
                        push_capped(&mut profile.bsns, b);
                    }
                }
                "phone" | "email" => {
                    if let Some(v) = normalise_identifier(&m.kind, &m.value) {
                        push_capped(&mut profile.contacts, format!("{}:{v}", m.kind));
                    }
                }
                "address" => {
                    if let Some(v) = normalise_identifier("address", &m.value) {
                        push_capped(&mut profile.addresses, v);
                    }
                }
                _ => {}
            }
        }
        Resolver {
            by_doc,
            doc_index,
            ids,
            mentions,
            persons,
            keys,
            parent: (0..n as u32).collect(),
            size: vec![1; n],
            next: (0..n as u32).collect(),
            profiles,
            tree: vec![None; n],
            attached,
            ambiguous: vec![false; n],
            joins: 0,
            inverted,
            full_blocks: Vec::new(),
            given_by_initials: Vec::new(),
        }
    }

    fn doc(&self, p: u32) -> u64 {
        self.mentions[self.persons[p as usize]].doc
    }

    fn form(&self, p: u32) -> NameForm {
        self.keys[p as usize].form()
    }

    /// Evidence: the names of `q` and `p` are spellings of one name.
    fn spelling_variant(&self, q: u32, p: u32) -> String {
        why(
            "spelling-variant",
            &[("name", self.display(q)), ("other", self.display(p))],
        )
    }

    fn display(&self, p: u32) -> &str {
        &self.keys[p as usize].display
    }

    fn in_doc(&self, doc: u64) -> &[u32] {
        self.doc_index
            .get(&doc)
            .map_or(&[], |&i| self.by_doc[i].1.as_slice())
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let gp = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = gp;
            x = gp;
        }
        x
    }

    /// Gives a group that no title or kinship word gendered the gender that the holding's
    /// titles give its first given name elsewhere: "de heer Hamid Bouzidi" makes "Hamid
    /// Ouahabi" a man, so "mevrouw Ouahabi" beside him and Ikram Ouahabi is Ikram. Only a
    /// given name the titled groups all give one gender; a name titled both ways tells
    /// nothing.
    fn tell_genders_by_given_names(&mut self) {
        let mut by_given: FxMap<&str, u8> = FxMap::default();
        for (r, profile) in self.profiles.iter().enumerate() {
            if self.parent[r] != r as u32 || !matches!(profile.salutation, 1 | 2) {
                continue;
            }
            for g in &profile.givens {
                *by_given.entry(g.as_str()).or_default() |= profile.salutation;
            }
        }
        let told: Vec<(usize, u8)> = self
            .profiles
            .iter()
            .enumerate()
            .filter(|&(r, profile)| self.parent[r] == r as u32 && profile.salutation == 0)
            .filter_map(|(r, profile)| {
                let bits = profile.givens.iter().fold(0u8, |acc, g| {
                    acc | by_given.get(g.as_str()).copied().unwrap_or(0)
                });
                matches!(bits, 1 | 2).then_some((r, bits))
            })
            .collect();
        for (r, bits) in told {
            self.profiles[r].salutation = bits;
        }
    }

    /// Whether the groups of `a` and `b` cannot be one person.
    fn conflict(&mut self, a: u32, b: u32) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        ra != rb && self.profiles[ra as usize].conflicts(&self.profiles[rb as usize], Link::Name)
    }

    /// Joins the groups of `a` and `b` unless they conflict; returns whether they are
    /// now one group. The explanation tree gets the edge `b → a`.
    fn join(&mut self, a: u32, b: u32, confidence: f32, reason: Reason, link: Link) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        // A finding of two names run together joins no one, but still stands for the
        // people it names where a short form of its document is weighed.
        if self.profiles[ra as usize].conflicts(&self.profiles[rb as usize], link)
            || self.profiles[ra as usize].two_names
            || self.profiles[rb as usize].two_names
        {
            return false;
        }
        let (big, small) = if self.size[ra as usize] >= self.size[rb as usize] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.joins += 1;
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
        self.next.swap(ra as usize, rb as usize);
        let moved = std::mem::take(&mut self.profiles[small as usize]);
        self.profiles[big as usize].absorb(moved);
        self.reroot(b);
        self.tree[b as usize] = Some(Edge {
            to: a,
            confidence,
            reason,
        });
        true
    }

    /// Makes `x` the root of its explanation tree by reversing the path above it.
    fn reroot(&mut self, x: u32) {
        let mut prev: Option<Edge> = None;
        let mut cur = x;
        loop {
            let next = self.tree[cur as usize].take();
            self.tree[cur as usize] = prev;
            match next {
                Some(edge) => {
                    let up = edge.to;
                    prev = Some(Edge { to: cur, ..edge });
                    cur = up;
                }
                None => break,
            }
        }
    }

    /// Among `candidates`, one mention per distinct group, leaving out `p`'s own group.
    fn one_per_group(&mut self, p: u32, candidates: &[u32]) -> Vec<u32> {
        let own = self.find(p);
        let mut roots: Vec<u32> = Vec::new();
        let mut out = Vec::new();
        for &c in candidates {
            let r = self.find(c);
            if r != own && !roots.contains(&r) {
                roots.push(r);
                out.push(c);
            }
        }
        out
    }

    /// The groups among `candidates` (one mention each) that `p`'s group could be.
    fn fitting(&mut self, p: u32, candidates: &[u32]) -> Vec<u32> {
        let groups = self.one_per_group(p, candidates);
        groups
            .into_iter()
            .filter(|&q| !self.conflict(p, q))
            .collect()
    }

    /// Like [`Self::fitting`], but a short form refers back: when exactly one fitting
    /// person was named before `p` in its document, that one is meant, whoever is
    /// named after it.
    fn fitting_earlier_first(&mut self, p: u32, candidates: &[u32]) -> Vec<u32> {
        let start = self.mentions[self.persons[p as usize]].start;
        let earlier: Vec<u32> = candidates
            .iter()
            .copied()
            .filter(|&q| self.mentions[self.persons[q as usize]].start < start)
            .collect();
        let fits = self.fitting(p, &earlier);
        if !fits.is_empty() {
            return fits;
        }
        self.fitting(p, candidates)
    }

    /// Step 2a: one full name in one document is one person, unless facts differ. Mentions
    /// with facts go first, so a bare mention that fits two namesakes of the document is
    /// seen to be ambiguous and left apart.
    fn join_in_documents(&mut self) {
        for d in 0..self.by_doc.len() {
            let ps = self.by_doc[d].1.clone();
            let mut by_name: FxMap<(u32, u32), Vec<u32>> = FxMap::default();
            let mut order: Vec<(u32, u32)> = Vec::new();
            for &p in &ps {
                if self.form(p) != NameForm::Full {
                    continue;
                }
                let key = (self.ids[p as usize].surname, self.ids[p as usize].given);
                let list = by_name.entry(key).or_default();
                if list.is_empty() {
                    order.push(key);
                }
                list.push(p);
            }
            for key in order {
                let mut list = by_name.remove(&key).unwrap_or_default();
                list.sort_by_key(|&p| usize::from(self.profiles[p as usize].facts() == 0));
                let mut groups: Vec<u32> = Vec::new();
                // The mentions of this name in the document (few; a long document that
                // repeats one name many times is not read as lists).
                let same: Vec<u32> = if list.len() <= 64 {
                    list.clone()
                } else {
                    Vec::new()
                };
                for p in list {
                    // A group with a member named in one list with `p` ("Aanwezig: Ingrid
                    // Vermeulen, …, Ingrid Vermeulen") is another person.
                    let open: Vec<u32> = groups
                        .iter()
                        .copied()
                        .filter(|&g| {
                            let r = self.find(g);
                            !same
                                .iter()
                                .any(|&x| self.find(x) == r && self.listed_apart(x, p))
                        })
                        .collect();
                    let mut fits = self.fitting(p, &open);
                    // Of two people the list tells apart ("Jan Vermeulen", "Jan Willem
                    // Vermeulen"), the one written with exactly these given names.
                    if fits.len() > 1 {
                        let exact: Vec<u32> = fits
                            .iter()
                            .copied()
                            .filter(|&g| {
                                let r = self.find(g);
                                same.iter().any(|&x| {
                                    self.find(x) == r
                                        && self.keys[x as usize].givens
                                            == self.keys[p as usize].givens
                                })
                            })
                            .collect();
                        let apart = exact.len() == 1
                            && fits.iter().any(|&g| {
                                let r = self.find(g);
                                fits.iter().any(|&h| {
                                    let rh = self.find(h);
                                    rh != r
                                        && same.iter().any(|&x| {
                                            self.find(x) == r
                                                && same.iter().any(|&y| {
                                                    self.find(y) == rh && self.listed_apart(x, y)
                                                })
                                        })
                                })
                            });
                        if apart {
                            fits = exact;
                        }
                    }
                    match fits[..] {
                        [q] => {
                            self.join(
                                q,
                                p,
                                0.95,
                                why("same-name-in-document", &[]).into(),
                                Link::Name,
                            );
                        }
                        [] => groups.push(p),
                        _ => {
                            if self.profiles[p as usize].facts() > 0 {
                                groups.push(p);
                            } else {
                                self.ambiguous[p as usize] = true;
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether the person mentions `a` and `b` of one document stand in one list ("Aanwezig:
    /// A, B en C"): on one line, in one sentence, with a comma or "en" between them. A
    /// list names each person once.
    fn listed_apart(&self, a: u32, b: u32) -> bool {
        if a == b {
            return false;
        }
        let (ma, mb) = (
            &self.mentions[self.persons[a as usize]],
            &self.mentions[self.persons[b as usize]],
        );
        let (first, second) = if ma.start <= mb.start {
            (ma, mb)
        } else {
            (mb, ma)
        };
        let end = first.start + first.value.len();
        if second.start < end || first.doc != second.doc {
            return false;
        }
        let gap_len = second.start - end;
        let ctx = &second.before;
        if ctx.len() < gap_len || !ctx.is_char_boundary(ctx.len() - gap_len) {
            return false;
        }
        let gap = &ctx[ctx.len() - gap_len..];
        // The second name starts with a capital: a dot right before it ends a sentence.
        !gap.contains('\n')
            && !sentence_ends(&format!("{gap}X"))
            && (gap.contains(',') || gap.contains(" en ") || gap.contains(';'))
    }

    /// A kunya or other alias written right after a full name ("Youssef Tahiri (Abu
    /// Ibrahim)", "Youssef Tahiri, die zich Abu Ibrahim noemt") is that person.
    fn join_aliases(&mut self) {
        for d in 0..self.by_doc.len() {
            let ps = self.by_doc[d].1.clone();
            for w in ps.windows(2) {
                let (a, b) = (w[0], w[1]);
                if self.form(b) != NameForm::Other || self.form(a) == NameForm::Other {
                    continue;
                }
                let (ma, mb) = (
                    &self.mentions[self.persons[a as usize]],
                    &self.mentions[self.persons[b as usize]],
                );
                let end = ma.start + ma.value.len();
                if mb.start < end || mb.start - end > ALIAS_GAP {
                    continue;
                }
                // With the text known, only an alias that is said to be one ("(Abu
                // Ibrahim)", "alias", "die zich … noemt", "op sociale media"); "met de
                // prediker Abu Ibrahim" is someone else.
                let gap_len = mb.start - end;
                let cue = if mb.before.len() >= gap_len
                    && mb.before.is_char_boundary(mb.before.len() - gap_len)
                {
                    let gap = fold(&mb.before[mb.before.len() - gap_len..]);
                    ALIAS_CUES.iter().any(|c| gap.contains(c))
                } else {
                    mb.before.is_empty() && self.form(a) == NameForm::Full
                };
                if !cue {
                    continue;
                }
                let reason = why(
                    "alias",
                    &[("alias", self.display(b)), ("name", self.display(a))],
                );
                self.join(a, b, 0.6, reason.into(), Link::Name);
            }
        }
    }

    /// Step 2b: initials, a surname alone (also after a title), a given name alone and
    /// abbreviations against the people of their own document.
    fn join_short_forms_in_documents(&mut self) {
        self.given_by_initials.clear();
        for d in 0..self.by_doc.len() {
            let ps = self.by_doc[d].1.clone();
            // Initials first: "P. de Boer" may be what explains a later "De Boer".
            let mut unresolved: Vec<u32> = Vec::new();
            for &p in &ps {
                if self.form(p) != NameForm::Initials || self.settled_in_document(p, &ps) {
                    continue;
                }
                let surname = self.ids[p as usize].surname;
                let cands: Vec<u32> = ps
                    .iter()
                    .copied()
                    .filter(|&q| {
                        q != p
                            && matches!(self.form(q), NameForm::Full | NameForm::Initials)
                            && self.ids[q as usize].surname == surname
                            && self.keys[p as usize].initials_compatible(&self.keys[q as usize])
                    })
                    .collect();
                let fits = self.fitting_earlier_first(p, &cands);
                // A full name is a better anchor than other initials.
                let full: Vec<u32> = fits
                    .iter()
                    .copied()
                    .filter(|&q| self.group_has_full(q))
                    .collect();
                let pick = if full.len() == 1 { &full } else { &fits };
                match pick[..] {
                    [q] => {
                        let reason = why(
                            "initials-in-document",
                            &[("initials", self.display(p)), ("name", self.display(q))],
                        );
                        self.join(q, p, 0.9, reason.into(), Link::Name);
                    }
                    [] => unresolved.push(p),
                    _ => self.ambiguous[p as usize] = true,
                }
            }
            for &p in &ps {
                if self.form(p) != NameForm::SurnameOnly {
                    continue;
                }
                // Settled in an earlier round: joined to a fuller name of this document.
                // Weighed again, it would bridge its person to another of the document.
                if self.settled_in_document(p, &ps) {
                    continue;
                }
                if !self.join_surname_in_document(p, &ps) && !self.ambiguous[p as usize] {
                    unresolved.push(p);
                }
            }
            // What is left: the same short form twice in one document, nobody else it
            // could be.
            let mut first: FxMap<(u32, u32, u32), u32> = FxMap::default();
            for p in unresolved {
                let k = &self.keys[p as usize];
                let initial = k.first_initial().map_or(NONE, u32::from);
                let key = (self.ids[p as usize].surname, initial, self.form(p) as u32);
                match first.get(&key) {
                    Some(&q) => {
                        let reason = if self.form(p) == NameForm::Initials {
                            why("same-initials-in-document", &[])
                        } else {
                            why("same-surname-in-document", &[])
                        };
                        self.join(q, p, 0.8, reason.into(), Link::Name);
                    }
                    None => {
                        first.insert(key, p);
                    }
                }
            }
        }
    }

    /// A given name alone joins the one person of its document with that initial ("Ubah"
    /// beside "U. Ali") where no other document told that person's given name.
    fn join_given_names_by_initials(&mut self) {
        for (p, q) in std::mem::take(&mut self.given_by_initials) {
            let (rp, rq) = (self.find(p), self.find(q));
            if rp == rq || !self.profiles[rq as usize].givens.is_empty() {
                continue;
            }
            let reason = why(
                "given-name-initials-in-document",
                &[("name", self.display(q))],
            );
            if self.join_as_given_name(q, p, 0.45, reason) {
                self.ambiguous[p as usize] = false;
            }
        }
    }

    /// "Nimco Mohamed" beside "Nimco Mohamed Nur" in one document: two parts of a
    /// three-part name (Somali: given name, father's, grandfather's), also where it is
    /// written alone ("Groet, Nimco Mohamed" under a mail from "Nur, Nimco Mohamed"). Done
    /// before names are joined across documents, where the two-part reading would join
    /// another person's "Nimco Mohamed".
    fn join_name_parts_in_document(&mut self, ps: &[u32]) {
        for &p in ps {
            if self.form(p) != NameForm::Full {
                continue;
            }
            let longer: Vec<u32> = ps
                .iter()
                .copied()
                .filter(|&q| {
                    self.form(q) == NameForm::Full
                        && q != p
                        && self.ids[q as usize].given == self.ids[p as usize].given
                        && self.ids[q as usize].surname != self.ids[p as usize].surname
                        && written_part(&self.keys[p as usize], &self.keys[q as usize])
                })
                .collect();
            if longer.is_empty() {
                continue;
            }
            // Weighed without the surname reading, which is what differs; the whole group
            // of that name in the document goes along.
            if let [q] = self.one_per_group(p, &longer)[..] {
                let root = self.find(p);
                let same_name = ps
                    .iter()
                    .filter(|&&x| {
                        self.ids[x as usize].surname == self.ids[p as usize].surname
                            && self.ids[x as usize].given == self.ids[p as usize].given
                    })
                    .copied()
                    .collect::<Vec<u32>>();
                let in_group = same_name.iter().filter(|&&x| self.find(x) == root).count();
                if in_group != self.size[root as usize] as usize {
                    continue;
                }
                let reason = why("name-part-in-document", &[("name", self.display(q))]);
                let mut profile = self.profiles[root as usize].clone();
                profile.surnames.clear();
                profile.surname_parts.clear();
                let saved = std::mem::replace(&mut self.profiles[root as usize], profile);
                if !self.join(q, p, 0.8, reason.into(), Link::Name) {
                    self.profiles[root as usize] = saved;
                    continue;
                }
                // From now on the mentions are read as the longer name, so that across
                // documents they are weighed with its namesakes, not with another "Nimco
                // Mohamed".
                for x in same_name {
                    let mut key = self.keys[q as usize].clone();
                    key.display = std::mem::take(&mut self.keys[x as usize].display);
                    key.salutation = self.keys[x as usize].salutation;
                    self.keys[x as usize] = key;
                    self.ids[x as usize] = self.ids[q as usize].clone();
                }
            }
        }
    }

    /// "Anna Maria" or "Jan-Peter" written alone beside the one person of its document
    /// whose two initials or first two given names these are ("A.M. Kok", "Jan-Peter de
    /// Groot"): a double given name, not a woman of the surname Maria. Done before names are
    /// joined across documents, where the two-word reading would join another "Anna Maria"
    /// (another family's Anna-Maria Peters). Not where the document writes the second word
    /// as someone's surname too, or where two people fit.
    fn join_double_given_names_in_document(&mut self, ps: &[u32], names: &GivenAndSurnames) {
        for &p in ps {
            let Some(words) = self.double_given_words(p) else {
                continue;
            };
            if !names.both_given(&words) {
                continue;
            }
            let surname = self.ids[p as usize].surname;
            if ps
                .iter()
                .any(|&x| x != p && self.ids[x as usize].surname == surname)
            {
                continue;
            }
            let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
            let cands: Vec<u32> = ps
                .iter()
                .copied()
                .filter(|&q| {
                    let k = &self.keys[q as usize];
                    q != p
                        && match k.form() {
                            NameForm::Full => {
                                k.givens.len() >= 2
                                    && k.givens[..2]
                                        .iter()
                                        .zip(&words)
                                        .all(|(a, b)| similar_keys(a, b))
                            }
                            NameForm::Initials => k.initials == initials,
                            _ => false,
                        }
                })
                .collect();
            let [q] = self.one_per_group(p, &cands)[..] else {
                continue;
            };
            let root = self.find(p);
            let mut as_given = self.profiles[root as usize].clone();
            as_given.givens = vec![words[0].clone()];
            as_given.given_runs = vec![words.join(" ")];
            as_given.initial_runs = vec![initials];
            as_given.lone_givens.clear();
            as_given.hyphen_givens.clear();
            as_given.surnames.clear();
            as_given.surname_parts.clear();
            let rq = self.find(q);
            as_given.initials = self.profiles[rq as usize].initials;
            let reason = why("name-part-in-document", &[("name", self.display(q))]);
            if !self.join_reread(q, p, as_given, 0.8, reason) {
                continue;
            }
            // From now on read as the person's name, so that across documents it is weighed
            // with that person's namesakes, not with another "Anna Maria".
            let mut key = self.keys[q as usize].clone();
            key.display = std::mem::take(&mut self.keys[p as usize].display);
            key.salutation = self.keys[p as usize].salutation;
            self.keys[p as usize] = key;
            self.ids[p as usize] = self.ids[q as usize].clone();
        }
    }

    /// The given names and surnames the holding's full names write ([`GivenAndSurnames`]).
    fn given_and_surnames(&self) -> GivenAndSurnames {
        let mut out = GivenAndSurnames::default();
        for k in &self.keys {
            if k.form() != NameForm::Full {
                continue;
            }
            for g in &k.givens {
                out.givens.insert(g.clone(), ());
            }
            let Some(first) = k.first_given() else {
                continue;
            };
            for surname in std::iter::once(&k.surname).chain(&k.surname_parts) {
                let list = out.surnames.entry(surname.clone()).or_default();
                if list.len() < 8 && !list.iter().any(|g| g == first) {
                    list.push(first.to_string());
                }
            }
        }
        out
    }

    /// The keys of the two given names of a double given name written alone: "Anna Maria"
    /// (read as a given name and a surname) or "Jan-Peter" (read as a double surname).
    fn double_given_words(&self, p: u32) -> Option<Vec<String>> {
        let k = &self.keys[p as usize];
        if !k.tussen.is_empty() || k.salutation.is_some() {
            return None;
        }
        match k.form() {
            NameForm::Full
                if k.givens.len() == 1
                    && k.surname_parts.len() <= 1
                    && k.display.split_whitespace().count() == 2
                    && !k.display.contains(['-', ',', '.']) =>
            {
                Some(vec![k.givens[0].clone(), k.surname.clone()])
            }
            NameForm::SurnameOnly if k.surname_parts.len() == 2 && k.display.contains('-') => {
                Some(k.surname_parts.clone())
            }
            _ => None,
        }
    }

    /// Whether `p` already belongs to the group of a fuller name of its document `ps`.
    fn settled_in_document(&mut self, p: u32, ps: &[u32]) -> bool {
        let r = self.find(p);
        let form = self.form(p);
        ps.iter()
            .any(|&x| x != p && self.form(x) > form && self.find(x) == r)
    }

    /// Whether `q`'s group holds a mention written as a full name (among its first
    /// members, [`Self::members`]).
    fn group_has_full_mention(&self, q: u32) -> bool {
        self.members(q).any(|y| self.form(y) == NameForm::Full)
    }

    fn group_has_full(&mut self, q: u32) -> bool {
        if self.form(q) == NameForm::Full {
            return true;
        }
        let r = self.find(q);
        !self.profiles[r as usize].givens.is_empty()
    }

    /// A one-word mention `p` against the people of its document `ps`: as a surname, as
    /// part of a double surname, as an abbreviation, as a given name. Returns whether it
    /// joined; marks it ambiguous when several people fit.
    fn join_surname_in_document(&mut self, p: u32, ps: &[u32]) -> bool {
        let surname = self.ids[p as usize].surname;
        let given_here = self.written_given_in_document(p, ps);
        // The surname itself first; a part of a double surname ("Zerouali" of
        // "Zerouali-Bakkali") only where nobody of that surname fits.
        let exact: Vec<u32> = ps
            .iter()
            .copied()
            .filter(|&q| {
                q != p
                    && !given_here
                    && matches!(self.form(q), NameForm::Full | NameForm::Initials)
                    && self.ids[q as usize].surname == surname
            })
            .collect();
        let mut fits = self.fitting_earlier_first(p, &exact);
        let mut cands = exact;
        if fits.is_empty() {
            cands = ps
                .iter()
                .copied()
                .filter(|&q| {
                    q != p
                        && !given_here
                        && matches!(self.form(q), NameForm::Full | NameForm::Initials)
                        && self.ids[q as usize].parts.contains(&surname)
                })
                .collect();
            fits = self.fitting_earlier_first(p, &cands);
        }
        match fits[..] {
            [q] => {
                let part = self.ids[q as usize].surname != surname;
                let code = if part {
                    "double-surname-part-in-document"
                } else {
                    "surname-in-document"
                };
                let reason = why(code, &[("name", self.display(q))]);
                if self.join(
                    q,
                    p,
                    if part { 0.7 } else { 0.85 },
                    reason.into(),
                    Link::Name,
                ) {
                    return true;
                }
            }
            [] => {}
            _ => {
                self.ambiguous[p as usize] = true;
                return false;
            }
        }
        if !cands.is_empty() {
            // Every person with that surname is ruled out (another gender by title).
            return false;
        }
        if let Some(acronym) = acronym_of(self.display(p)) {
            let cands: Vec<u32> = ps
                .iter()
                .copied()
                .filter(|&q| {
                    matches!(self.form(q), NameForm::Full | NameForm::Initials)
                        && acronyms(&self.keys[q as usize]).contains(&acronym)
                })
                .collect();
            if let [q] = self.one_per_group(p, &cands)[..] {
                let reason = why(
                    "abbreviation-in-document",
                    &[("abbreviation", self.display(p)), ("name", self.display(q))],
                );
                let rq = self.find(q);
                let profile = Profile {
                    initials: self.profiles[rq as usize].initials,
                    ..Profile::default()
                };
                if self.join_reread(q, p, profile, 0.6, reason) {
                    return true;
                }
            }
        }
        // A given name is one word: "Al Amal" (an organisation) is none.
        if self.mentions[self.persons[p as usize]]
            .value
            .trim()
            .contains(char::is_whitespace)
        {
            return false;
        }
        let cands: Vec<u32> = ps
            .iter()
            .copied()
            .filter(|&q| {
                self.form(q) == NameForm::Full
                    && (self.ids[q as usize].given == surname || self.double_given_of(p, q))
            })
            .collect();
        match self.one_per_group(p, &cands)[..] {
            [q] => {
                let reason = why("given-name-in-document", &[("name", self.display(q))]);
                self.join_as_given_name(q, p, 0.55, reason)
            }
            [] => {
                // "Derya" beside "D. Kılıç" whose group is known as Derya Kılıç. The
                // initial is the letter as written: the key of "Ouafae" begins with the
                // "u" of its sound, but the writer abbreviates her "O. El Idrissi".
                let word = self.keys[p as usize].surname.clone();
                let first = fold(self.mentions[self.persons[p as usize]].value.trim())
                    .chars()
                    .next();
                let cands: Vec<u32> = ps
                    .iter()
                    .copied()
                    .filter(|&q| {
                        self.form(q) == NameForm::Initials
                            && self.keys[q as usize].first_initial() == first
                    })
                    .collect();
                // The one person of the document with that initial, known by that name or
                // by no given name at all ("Ubah" beside "U. Ali"): the writer introduced
                // nobody else it could be. Two such people leave it apart; it is not
                // explained by a name of another document either.
                let fit: Vec<(u32, bool)> = self
                    .one_per_group(p, &cands)
                    .into_iter()
                    .filter_map(|q| {
                        let r = self.find(q);
                        let givens = &self.profiles[r as usize].givens;
                        if givens.len() == 1 && givens[0] == word {
                            Some((q, true))
                        } else {
                            givens.is_empty().then_some((q, false))
                        }
                    })
                    .collect();
                match fit[..] {
                    [(q, true)] => {
                        let reason = why(
                            "given-name-person-in-document",
                            &[("name", self.display(q))],
                        );
                        self.join_as_given_name(q, p, 0.5, reason)
                    }
                    [(q, false)] => {
                        self.ambiguous[p as usize] = true;
                        self.given_by_initials.push((p, q));
                        false
                    }
                    [] => false,
                    _ => {
                        self.ambiguous[p as usize] = true;
                        false
                    }
                }
            }
            _ => {
                self.ambiguous[p as usize] = true;
                false
            }
        }
    }

    /// Whether the one-word mention `p` is written exactly as the first given name of a
    /// full name of its document `ps` and as no surname there: "Hasan" under a mail of
    /// "Öztürk, Hasan" is his given name, not a spelling of the surname of Abdi Hassan
    /// named in the same mail, whose key it shares.
    fn written_given_in_document(&self, p: u32, ps: &[u32]) -> bool {
        let word = fold(self.mentions[self.persons[p as usize]].value.trim());
        if word.contains(char::is_whitespace) {
            return false;
        }
        let written = |q: u32| &self.keys[q as usize].display;
        let as_given = ps.iter().any(|&q| {
            q != p
                && self.form(q) == NameForm::Full
                && written(q)
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| fold(w) == word)
        });
        let as_surname = ps.iter().any(|&q| {
            q != p
                && matches!(self.form(q), NameForm::Full | NameForm::Initials)
                && written(q)
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| w.split('-').any(|part| fold(part) == word))
        });
        as_given && !as_surname
    }

    /// Joins a one-word mention `p`, read as a given name, to the full name `q`.
    fn join_as_given_name(&mut self, q: u32, p: u32, confidence: f32, reason: String) -> bool {
        let root = self.find(p);
        let mut as_given = self.profiles[root as usize].clone();
        let k = &self.keys[p as usize];
        let given = if self.double_given_of(p, q) {
            k.surname_parts[0].clone()
        } else {
            k.surname.clone()
        };
        as_given.givens = vec![given];
        as_given.surnames.clear();
        as_given.surname_parts.clear();
        let rq = self.find(q);
        as_given.initials = self.profiles[rq as usize].initials;
        self.join_reread(q, p, as_given, confidence, reason)
    }

    /// Whether the groups of `a` and `b` are both named in one document.
    fn share_a_document(&self, a: u32, b: u32) -> bool {
        let docs = self.docs_of_group(a);
        self.docs_of_group(b)
            .iter()
            .any(|d| docs.binary_search(d).is_ok())
    }

    /// The members of the group of `x`, `x` first, around the group's ring of `next`
    /// links: at most 513, which is enough to tell a group's documents and forms.
    fn members(&self, x: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::successors(Some(x), move |&y| Some(self.next[y as usize]))
            .take(513)
            .enumerate()
            .take_while(move |&(i, y)| i == 0 || y != x)
            .map(|(_, y)| y)
    }

    /// The documents of the group of `x` (of its first members, [`Self::members`]).
    /// Sorted, without repeats.
    fn docs_of_group(&self, x: u32) -> Vec<u64> {
        let mut out: Vec<u64> = self.members(x).map(|y| self.doc(y)).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether every member of `p`'s group is the one-word mention `p` is (a small group).
    fn same_word_group(&self, p: u32) -> bool {
        let key = self.ids[p as usize].surname;
        let mut x = self.next[p as usize];
        for _ in 0..16 {
            if x == p {
                return true;
            }
            if self.form(x) != NameForm::SurnameOnly || self.ids[x as usize].surname != key {
                return false;
            }
            x = self.next[x as usize];
        }
        false
    }

    /// Whether the one-word mention `p` is the double given name of the full name `q`
    /// ("Marie-José" of "Marie-José van der Meer", "Anna-Maria" of "Anna Maria Visser").
    fn double_given_of(&self, p: u32, q: u32) -> bool {
        let parts = &self.keys[p as usize].surname_parts;
        parts.len() > 1 && self.keys[q as usize].givens.starts_with(parts)
    }

    /// Joins the one-word mention `p` to `q` under another reading than a surname (a
    /// given name, an abbreviation), described by `profile`, so that its surname reading
    /// does not block the join.
    fn join_reread(
        &mut self,
        q: u32,
        p: u32,
        profile: Profile,
        confidence: f32,
        reason: String,
    ) -> bool {
        let root = self.find(p);
        // A group of that one word alone (the same "Willem" in two mail headers, joined
        // by their e-mail address) is read anew as a whole.
        if self.size[root as usize] != 1 && !self.same_word_group(p) {
            // A group that already knows its given name ("Hamid" that a phone number
            // joined to "Hamid Ouahabi" of another document) needs no new reading: it is
            // weighed as it is.
            let own = &self.profiles[root as usize];
            if !own.givens.is_empty() && own.givens.iter().all(|g| profile.givens.contains(g)) {
                return self.join(q, p, confidence, reason.into(), Link::Name);
            }
            return false;
        }
        let saved = std::mem::replace(&mut self.profiles[root as usize], profile);
        if self.join(q, p, confidence, reason.into(), Link::Name) {
            return true;
        }
        self.profiles[root as usize] = saved;
        false
    }

    /// Step 3: the same identifier next to compatible names in different places.
    fn join_shared_identifiers(&mut self) {
        let mut first: FxMap<(&str, String), u32> = FxMap::default();
        for (i, m) in self.mentions.iter().enumerate() {
            let Some(a) = self.attached[i].filter(|a| a.tight) else {
                continue;
            };
            let p = a.person;
            let Some(kind) = LINKING_KINDS.iter().find(|k| **k == m.kind) else {
                continue;
            };
            // A household shares its address; it tells people apart only by name.
            if *kind == "address" {
                continue;
            }
            let Some(value) = normalise_identifier(kind, &m.value) else {
                continue;
            };
            match first.get(&(*kind, value.clone())) {
                Some(&q) => {
                    let same_doc = self.doc(q) == self.doc(p);
                    let code = if same_doc {
                        "shared-identifier-in-document"
                    } else {
                        "shared-identifier"
                    };
                    let reason = why(
                        code,
                        &[
                            ("kind", kind),
                            ("name", self.display(q)),
                            ("other", self.display(p)),
                        ],
                    );
                    let link = if *kind == "bsn" {
                        Link::Bsn
                    } else {
                        Link::Identifier
                    };
                    self.join(q, p, 0.85, reason.into(), link);
                }
                None => {
                    first.insert((kind, value), p);
                }
            }
        }
    }

    /// Step 4: full names across documents, in blocks of one surname skeleton and one
    /// given-name skeleton. Groups richest in facts go first; each joins the one earlier
    /// group it fits. A group without facts that fits several is left apart.
    fn join_full_names(&mut self) {
        let mut family: Option<FxMap<u32, Vec<u32>>> = None;
        let mut co_named: Option<FxMap<u32, Vec<u32>>> = None;
        if self.full_blocks.is_empty() {
            self.full_blocks = self.blocks_of_full_names();
        }
        // Initials with facts that no written-out name explains ("Haddou, S., geboren …"):
        // a person of that name whom a bare full name could mean as well.
        let mut initials_with_facts: FxMap<(u32, char), Vec<u32>> = FxMap::default();
        let mut full_names: FxMap<(u32, char), Vec<u32>> = FxMap::default();
        for p in 0..self.keys.len() as u32 {
            if self.form(p) == NameForm::Full {
                if let Some(c) = self.keys[p as usize].first_initial() {
                    let list = full_names
                        .entry((self.ids[p as usize].surname, c))
                        .or_default();
                    if list.len() < 64 {
                        list.push(p);
                    }
                }
            }
            if self.form(p) != NameForm::Initials {
                continue;
            }
            let r = self.find(p);
            let profile = &self.profiles[r as usize];
            if !profile.givens.is_empty() || profile.facts() == 0 {
                continue;
            }
            if let Some(c) = self.keys[p as usize].first_initial() {
                let list = initials_with_facts
                    .entry((self.ids[p as usize].surname, c))
                    .or_default();
                if !list.contains(&r) {
                    list.push(r);
                }
            }
        }
        let doubles = self.double_names_by_part();
        for b in 0..self.full_blocks.len() {
            let members = std::mem::take(&mut self.full_blocks[b]);
            let twice = self.listed_twice(&members);
            let apart = self.spellings_kept_apart(&members);
            // One representative per group: its first full-name mention in the block.
            let mut reps: Vec<u32> = Vec::new();
            let mut seen: FxMap<u32, ()> = FxMap::default();
            for &p in &members {
                let r = self.find(p);
                if seen.insert(r, ()).is_none() {
                    reps.push(p);
                }
            }
            self.full_blocks[b] = members;
            if reps.len() < 2 {
                continue;
            }
            let mut ranked: Vec<(usize, u32, u32)> = reps
                .iter()
                .map(|&p| {
                    let r = self.find(p);
                    (self.profiles[r as usize].facts(), self.size[r as usize], p)
                })
                .collect();
            ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
            let mut placed: Vec<u32> = Vec::new();
            for (facts, _, p) in ranked {
                let names_fit: Vec<u32> = placed
                    .iter()
                    .copied()
                    .filter(|&q| {
                        let (kp, kq) = (&self.keys[p as usize], &self.keys[q as usize]);
                        matches!(
                            kp.surname_match(kq),
                            Some(SurnameMatch::Same | SurnameMatch::Variant)
                        ) && kp.given_match(kq).is_some()
                    })
                    .collect();
                let fits = self.fitting(p, &names_fit);
                match fits[..] {
                    // Two names a document keeps apart ("Peter van Dijk" and his son
                    // "Pieter-Jan van Dijk" in one letter) are two people.
                    [q] if self.share_a_document(p, q) => placed.push(p),
                    // Nor does another spelling that a document writes for another person
                    // join as a variant. Only a single fit is held back: a group that fits
                    // several stays apart as before.
                    [q] if apart.contains(&self.spelling_pair(p, q)) => placed.push(p),
                    [q] => {
                        let (rp, rq) = (self.find(p), self.find(q));
                        let agree =
                            self.profiles[rp as usize].agreeing(&self.profiles[rq as usize]);
                        if agree.is_none()
                            && facts == 0
                            && (twice.iter().any(|&x| self.same_written_name(x, p))
                                || self.married_namesake(p, q, &doubles)
                                || self.namesake_by_initials(
                                    p,
                                    q,
                                    &initials_with_facts,
                                    &full_names,
                                ))
                        {
                            self.ambiguous[p as usize] = true;
                            continue;
                        }
                        let same = self.ids[p as usize].surname == self.ids[q as usize].surname
                            && self.ids[p as usize].given == self.ids[q as usize].given;
                        let namesake = names_fit.len() > 1;
                        let what = if same {
                            why("same-name", &[])
                        } else {
                            self.spelling_variant(q, p)
                        };
                        let (confidence, reason) = match agree {
                            Some(a) => (0.9, what + &why(a, &[])),
                            None if namesake => {
                                (0.6, what + &why("details-rule-out-namesake", &[]))
                            }
                            None => (
                                if same { 0.7 } else { 0.65 },
                                what + &why("nothing-contradicts", &[]),
                            ),
                        };
                        self.join(q, p, confidence, reason.into(), Link::Name);
                    }
                    [] => placed.push(p),
                    _ => {
                        if family.is_none() {
                            family = Some(self.family());
                        }
                        let mut narrowed = match &family {
                            Some(f) => self.narrow(p, &fits, f, 1),
                            None => None,
                        };
                        // Without a kinship word: three people of the surname named
                        // beside both, and beside none of the others, are a family too;
                        // one or two may be strangers in the same list or minutes.
                        if narrowed.is_none() && facts == 0 {
                            if co_named.is_none() {
                                co_named = Some(self.family_by(false));
                            }
                            if let Some(f) = &co_named {
                                narrowed = self.narrow(p, &fits, f, 3);
                            }
                        }
                        if let Some((q, narrowed_by)) = narrowed {
                            let reason = why("same-name-several", &[])
                                + &why(narrowed_by, &[("name", self.display(q))]);
                            self.join(q, p, 0.6, reason.into(), Link::Name);
                        } else if facts > 0 {
                            placed.push(p);
                        } else {
                            self.ambiguous[p as usize] = true;
                        }
                    }
                }
            }
        }
    }

    /// The names of the block `members` that a document lists for two people ("Aanwezig:
    /// Kees Bakels, Lotte Vos en Kees Bakels (ministerie)"), one mention of each: the
    /// holding knows two people of that name, and a bare mention of it elsewhere may be
    /// either. Only the very same given names count ("Jan" beside "Jan Willem" is another
    /// name).
    fn listed_twice(&mut self, members: &[u32]) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for (a, b) in self.same_document_pairs(members) {
            if self.same_written_name(a, b)
                && self.listed_apart(a, b)
                && self.find(a) != self.find(b)
                && !out.iter().any(|&x| self.same_written_name(x, a))
            {
                out.push(a);
            }
        }
        out
    }

    /// Every pair of mentions of the block `members` that stand in one document, in the
    /// order of their documents: what a document says about two of its mentions pairs only
    /// mentions of that document.
    fn same_document_pairs(&self, members: &[u32]) -> Vec<(u32, u32)> {
        let mut by_doc: Vec<(u64, u32)> = members.iter().map(|&p| (self.doc(p), p)).collect();
        by_doc.sort_unstable();
        let mut pairs = Vec::new();
        for (i, &(doc, a)) in by_doc.iter().enumerate() {
            for &(other_doc, b) in &by_doc[i + 1..] {
                if other_doc != doc {
                    break;
                }
                pairs.push((a, b));
            }
        }
        pairs
    }

    /// The spellings of one name that a document of the block `members` writes for two
    /// people ("Peter Verhoeven" and "Pieter Verhoeven" in one mail), as
    /// [`Self::spelling_pair`]s: in this holding they are two names, so a mention of one
    /// in another document does not join a person of the other as a spelling variant.
    /// One document spells one person one way; only where the document joined neither
    /// pair of mentions.
    fn spellings_kept_apart(&mut self, members: &[u32]) -> Vec<(u32, u32, u32)> {
        let mut out: Vec<(u32, u32, u32)> = Vec::new();
        for (a, b) in self.same_document_pairs(members) {
            let (ia, ib) = (&self.ids[a as usize], &self.ids[b as usize]);
            if ia.surname != ib.surname || ia.given == ib.given {
                continue;
            }
            let pair = self.spelling_pair(a, b);
            if !out.contains(&pair) && self.find(a) != self.find(b) {
                out.push(pair);
            }
        }
        out
    }

    /// The surname and the two first given names of `a` and `b`, in a fixed order.
    fn spelling_pair(&self, a: u32, b: u32) -> (u32, u32, u32) {
        let (ia, ib) = (&self.ids[a as usize], &self.ids[b as usize]);
        (ia.surname, ia.given.min(ib.given), ia.given.max(ib.given))
    }

    /// Whether two full names have the same surname and the same given names, all of them.
    fn same_written_name(&self, a: u32, b: u32) -> bool {
        self.ids[a as usize].surname == self.ids[b as usize].surname
            && self.keys[a as usize].givens == self.keys[b as usize].givens
    }

    /// Full names with a double surname ("Iris de Vries-Visser"), by the last part of the
    /// surname (her own name; the first is her partner's, and a bare name with it is as
    /// likely a relative of his) and the first given name.
    fn double_names_by_part(&self) -> FxMap<(u32, u32), Vec<u32>> {
        let mut out: FxMap<(u32, u32), Vec<u32>> = FxMap::default();
        for p in 0..self.keys.len() as u32 {
            let ids = &self.ids[p as usize];
            if self.form(p) != NameForm::Full || ids.given == NONE {
                continue;
            }
            if let Some(&own) = ids.parts.last() {
                let list = out.entry((own, ids.given)).or_default();
                if list.len() < 64 {
                    list.push(p);
                }
            }
        }
        out
    }

    /// Whether a married woman written with a double surname ("Iris de Vries-Visser"),
    /// whose facts are not those of `q`'s group, could be the bare full name `p` ("Iris
    /// Visser", her own name or her partner's): then two people of `p`'s name are known,
    /// and `p` is not known to be `q`.
    fn married_namesake(&mut self, p: u32, q: u32, doubles: &FxMap<(u32, u32), Vec<u32>>) -> bool {
        let ids = &self.ids[p as usize];
        if !ids.parts.is_empty() {
            return false;
        }
        let Some(list) = doubles.get(&(ids.surname, ids.given)) else {
            return false;
        };
        let (rp, rq) = (self.find(p), self.find(q));
        list.clone().into_iter().any(|x| {
            let rx = self.find(x);
            rx != rp
                && rx != rq
                && self.profiles[rx as usize].conflicts(&self.profiles[rq as usize], Link::Name)
                && !self.profiles[rx as usize].conflicts(&self.profiles[rp as usize], Link::Name)
        })
    }

    /// Whether a group of initials with facts (`initials`, by surname and first initial)
    /// that are not `q`'s — another birth date, place of birth or BSN; a town or address
    /// may be a district or a move —, and that no written-out name of another given name
    /// fits, could be `p`'s name: another
    /// person of that name is known, so a bare `p` is not known to be `q`. ("H. Jansen,
    /// 1950" that fits Hendrik Jansen is Hendrik, no namesake of his son Hans.)
    fn namesake_by_initials(
        &mut self,
        p: u32,
        q: u32,
        initials: &FxMap<(u32, char), Vec<u32>>,
        full_names: &FxMap<(u32, char), Vec<u32>>,
    ) -> bool {
        let Some(c) = self.keys[p as usize].first_initial() else {
            return false;
        };
        let key = (self.ids[p as usize].surname, c);
        let Some(list) = initials.get(&key) else {
            return false;
        };
        let fulls = full_names.get(&key).cloned().unwrap_or_default();
        let (rp, rq) = (self.find(p), self.find(q));
        list.clone().into_iter().any(|r| {
            let r = self.find(r);
            if r == rq
                || r == rp
                || !self.profiles[r as usize].givens.is_empty()
                || !matches!(
                    self.profiles[r as usize]
                        .contradiction(&self.profiles[rq as usize], Link::Identifier),
                    Some("another BSN" | "another birth date" | "another place of birth")
                )
            {
                return false;
            }
            // Fitting another bare mention of `p`'s name leaves it a namesake; a person of
            // another given name explains it where the initials would join that person:
            // one group fits, or one whose facts agree. Several groups that fit and that
            // resolution keeps apart explain nothing ("M. Kaya, 1961" beside three
            // unjoined "Mustafa Kaya" may be a second Mehmet Kaya).
            let fits = self.fitting(r, &fulls);
            let mut other_given: Vec<u32> = Vec::new();
            for x in fits {
                let rx = self.find(x);
                if rx != rp
                    && self.keys[p as usize]
                        .given_match(&self.keys[x as usize])
                        .is_none()
                    && !other_given.contains(&rx)
                {
                    other_given.push(rx);
                }
            }
            let agrees = |rx: u32, this: &Self| {
                let (a, b) = (&this.profiles[r as usize], &this.profiles[rx as usize]);
                shares(&a.births, &b.births)
                    || shares(&a.birthplaces, &b.birthplaces)
                    || shares(&a.bsns, &b.bsns)
                    || shares(&a.addresses, &b.addresses)
            };
            let explained = other_given.len() == 1
                || other_given.iter().filter(|&&rx| agrees(rx, self)).count() == 1;
            !explained
        })
    }

    /// The full-name mentions in blocks of one surname skeleton and one given-name
    /// skeleton, in order of first appearance (the keys do not change, so once).
    fn blocks_of_full_names(&self) -> Vec<Vec<u32>> {
        let mut index: HashMap<(&str, String), usize> = HashMap::new();
        let mut blocks: Vec<Vec<u32>> = Vec::new();
        for p in 0..self.keys.len() as u32 {
            if self.form(p) != NameForm::Full {
                continue;
            }
            let k = &self.keys[p as usize];
            let key = (k.block.as_str(), skeleton(k.first_given().unwrap_or("")));
            let i = *index.entry(key).or_insert_with(|| {
                blocks.push(Vec::new());
                blocks.len() - 1
            });
            blocks[i].push(p);
        }
        blocks
    }

    /// For each group (by its root now), the groups of the same surname named in its
    /// documents: the relatives a person is written beside.
    fn family(&mut self) -> FxMap<u32, Vec<u32>> {
        self.family_by(true)
    }

    /// [`Self::family`], or with `kin_only` false every group of the same surname named in
    /// a group's documents, with or without a kinship word.
    fn family_by(&mut self, kin_only: bool) -> FxMap<u32, Vec<u32>> {
        let mut out: FxMap<u32, Vec<u32>> = FxMap::default();
        for d in 0..self.by_doc.len() {
            let ps = self.by_doc[d].1.clone();
            // Only where the document says they are family: a kinship word before one of
            // the two ("zijn dochter Ikram Ouahabi"); two people of one surname in a list
            // may be strangers. The kinship word relates a person to the one the document
            // is about, the first of that surname: a third of that surname named without
            // one ("In het netwerk speelt ook Omar Ouahabi een rol") is nobody's relative.
            // Per group in the document: its surname, whether a kinship word stands before
            // it, and whether it is the first of its surname.
            let mut first: Vec<u32> = Vec::new();
            let mut named: Vec<(u32, u32, bool, bool)> = Vec::new();
            for &p in &ps {
                let surname = self.ids[p as usize].surname;
                let opens = !first.contains(&surname);
                if opens {
                    first.push(surname);
                }
                let kin = kinship_before(&self.mentions[self.persons[p as usize]].before);
                let r = self.find(p);
                match named.iter_mut().find(|x| x.0 == r && x.1 == surname) {
                    Some(x) => {
                        x.2 |= kin;
                        x.3 |= opens;
                    }
                    None => named.push((r, surname, kin, opens)),
                }
            }
            for &(r, surname, kin_r, first_r) in &named {
                if surname == NONE {
                    continue;
                }
                for &(o, other, kin_o, first_o) in &named {
                    if o != r
                        && other == surname
                        && (!kin_only || ((kin_r || (kin_o && first_r)) && (kin_o || first_o)))
                    {
                        let list = out.entry(r).or_default();
                        if list.len() < 64 && !list.contains(&o) {
                            list.push(o);
                        }
                    }
                }
            }
        }
        out
    }

    /// Of several groups `fits` that `p`'s group could be, the one other evidence points
    /// at: an address both give, or (`shared` > 0) that many relatives (people of the same
    /// surname, as `family` relates them) named beside both and beside none of the others. `None` when nothing, or more than
    /// one, stands out. Initials that fit several people fit members of one family (a
    /// father and son), who share their relatives: for them a relative tells nothing.
    fn narrow(
        &mut self,
        p: u32,
        fits: &[u32],
        family: &FxMap<u32, Vec<u32>>,
        shared: usize,
    ) -> Option<(u32, &'static str)> {
        // A candidate named apart in one of `p`'s own documents is someone else there
        // ("Peter van Dijk" and his son "Pieter-Jan van Dijk" in one letter).
        let mine = self.docs_of_group(p);
        let rp = self.find(p);
        let mut named_apart: Vec<(u32, u32)> = Vec::new();
        for &d in &mine {
            for x in self.in_doc(d).to_vec() {
                if self.find(x) != rp {
                    let ids = &self.ids[x as usize];
                    named_apart.push((ids.surname, ids.given));
                }
            }
        }
        let fits: Vec<u32> = fits
            .iter()
            .copied()
            .filter(|&q| {
                let ids = &self.ids[q as usize];
                !named_apart.contains(&(ids.surname, ids.given))
                    && !self
                        .docs_of_group(q)
                        .iter()
                        .any(|d| mine.binary_search(d).is_ok())
            })
            .collect();
        let fits = &fits[..];
        if fits.is_empty() {
            return None;
        }
        let roots: Vec<u32> = fits.iter().map(|&q| self.find(q)).collect();
        // An address tells only where every candidate's address is known: a father and
        // son share one, and a son's known address says nothing about the father's.
        let mine = self.profiles[rp as usize].addresses.clone();
        let all_known = roots
            .iter()
            .all(|&r| !self.profiles[r as usize].addresses.is_empty());
        if !mine.is_empty() && all_known {
            let hits: Vec<usize> = (0..fits.len())
                .filter(|&i| shares(&mine, &self.profiles[roots[i] as usize].addresses))
                .collect();
            if let [i] = hits[..] {
                return Some((fits[i], "narrowed-by-address"));
            }
        }
        let relatives = |r: u32, this: &mut Self| -> Vec<u32> {
            family
                .get(&r)
                .map(|v| v.iter().map(|&x| this.find(x)).collect())
                .unwrap_or_default()
        };
        let mine: Vec<u32> = relatives(rp, self)
            .into_iter()
            .filter(|r| !roots.contains(r))
            .collect();
        if mine.is_empty() || shared == 0 {
            return None;
        }
        let hits: Vec<usize> = (0..fits.len())
            .filter(|&i| {
                let theirs = relatives(roots[i], self);
                mine.iter().filter(|r| theirs.contains(r)).count() >= shared
            })
            .collect();
        match hits[..] {
            [i] => Some((fits[i], "narrowed-by-relative")),
            _ => None,
        }
    }

    /// A married double name ("Anna de Wit-Jansen") and one of its parts with the same
    /// given name ("Anna Jansen"), when exactly one such person fits.
    fn join_double_surnames(&mut self) {
        let mut by_name: FxMap<(u32, u32), Vec<u32>> = FxMap::default();
        for p in 0..self.keys.len() as u32 {
            if self.form(p) == NameForm::Full && self.ids[p as usize].parts.is_empty() {
                let ids = &self.ids[p as usize];
                by_name.entry((ids.surname, ids.given)).or_default().push(p);
            }
        }
        let mut ambiguous_roots: FxMap<u32, ()> = FxMap::default();
        for p in 0..self.keys.len() as u32 {
            if self.ambiguous[p as usize] {
                let r = self.find(p);
                ambiguous_roots.insert(r, ());
            }
        }
        for p in 0..self.keys.len() as u32 {
            if self.form(p) != NameForm::Full || self.ids[p as usize].parts.is_empty() {
                continue;
            }
            let given = self.ids[p as usize].given;
            let by_part: Vec<Vec<u32>> = self.ids[p as usize]
                .parts
                .clone()
                .into_iter()
                .map(|part| by_name.get(&(part, given)).cloned().unwrap_or_default())
                .collect();
            // A group already written with one part alone ("Jennifer Soekhai", joined by a
            // birth date) has that part as her own name; the other part is her partner's,
            // and a bare name with it ("Jennifer Wongsodikromo") is as likely a relative
            // of his.
            let own = self.find(p);
            let settled: Vec<bool> = by_part
                .iter()
                .map(|cands| cands.iter().any(|&q| self.find(q) == own))
                .collect();
            let cands: Vec<u32> = by_part
                .into_iter()
                .zip(&settled)
                .filter(|(_, &s)| s || !settled.contains(&true))
                .flat_map(|(cands, _)| cands)
                .collect();
            // A name that the full-name step found to fit several namesakes stays apart
            // here too, and so does the double name that fits it: which of them married
            // cannot be known ("Esther Meijer-de Boer" where two Esther de Boers are known).
            if cands.iter().any(|&q| {
                let r = self.find(q);
                ambiguous_roots.contains_key(&r)
            }) {
                continue;
            }
            if let [q] = self.fitting(p, &cands)[..] {
                let reason = why(
                    "double-surname",
                    &[("name", self.display(p)), ("other", self.display(q))],
                );
                self.join(q, p, 0.7, reason.into(), Link::Name);
            }
        }
    }

    /// Names that are not "given names + surname" (kunyas): the same prefix, a similar
    /// rest.
    fn join_other_names(&mut self) {
        let mut other: HashMap<(String, String), Vec<u32>> = HashMap::new();
        for p in 0..self.keys.len() as u32 {
            let k = &self.keys[p as usize];
            if k.form() != NameForm::Other {
                continue;
            }
            let (prefix, rest) = k.other.split_once(' ').unwrap_or(("", &k.other));
            let block = (prefix.to_string(), skeleton(rest));
            let reps = other.entry(block).or_default();
            let hit = reps.iter().copied().find(|&q| {
                let qk = &self.keys[q as usize].other;
                let q_rest = qk.split_once(' ').map_or(qk.as_str(), |(_, r)| r);
                similar_keys(q_rest, rest)
            });
            match hit {
                Some(q) => {
                    let exact = self.keys[q as usize].other == self.keys[p as usize].other;
                    let reason = if exact {
                        why("same-normalised-name", &[])
                    } else {
                        self.spelling_variant(q, p)
                    };
                    self.join(
                        q,
                        p,
                        if exact { 0.9 } else { 0.8 },
                        reason.into(),
                        Link::Name,
                    );
                }
                None => reps.push(p),
            }
        }
    }

    /// Step 5: groups of short forms only (a letter to "H. Ouahabi", minutes that name
    /// "Jansen" and nobody else of that name) against the people of the whole holding.
    fn join_short_forms_across(&mut self, given_told: bool) {
        let mut family: Option<FxMap<u32, Vec<u32>>> = None;
        // Groups with a written-out given name, by surname key and by surname part.
        let mut full_by_surname: FxMap<u32, Vec<u32>> = FxMap::default();
        let mut full_by_given: FxMap<u32, Vec<u32>> = FxMap::default();
        for p in 0..self.keys.len() as u32 {
            if self.form(p) != NameForm::Full {
                continue;
            }
            let ids = &self.ids[p as usize];
            full_by_surname.entry(ids.surname).or_default().push(p);
            for &part in &ids.parts {
                full_by_surname.entry(part).or_default().push(p);
            }
            full_by_given.entry(ids.given).or_default().push(p);
        }
        // A group written with that surname itself speaks for it under that surname, not
        // its double surname ("Marie José van Beek" over "Marie-José Brouwer-van Beek").
        for (&surname, list) in full_by_surname.iter_mut() {
            list.sort_by_key(|&p| self.ids[p as usize].surname != surname);
        }
        for list in full_by_surname
            .values_mut()
            .chain(full_by_given.values_mut())
        {
            let mut roots: Vec<u32> = Vec::new();
            let mut keep = Vec::new();
            for &p in list.iter() {
                let r = self.find(p);
                if !roots.contains(&r) {
                    roots.push(r);
                    keep.push(p);
                }
            }
            *list = keep;
        }
        let mut ambiguous_full: FxMap<u32, ()> = FxMap::default();
        for p in 0..self.keys.len() as u32 {
            if self.ambiguous[p as usize] && self.form(p) == NameForm::Full {
                let r = self.find(p);
                ambiguous_full.insert(r, ());
            }
        }
        // The short-form-only groups, each once, richest first.
        let mut groups: Vec<(usize, u32)> = Vec::new();
        let mut seen: FxMap<u32, ()> = FxMap::default();
        for p in 0..self.keys.len() as u32 {
            if !matches!(self.form(p), NameForm::Initials | NameForm::SurnameOnly)
                || self.ambiguous[p as usize]
            {
                continue;
            }
            let r = self.find(p);
            // After the given names of short forms were told in their documents, a group
            // that knows its given name but writes no full name is weighed too.
            let full = if given_told {
                self.group_has_full_mention(r)
            } else {
                self.group_has_full(r)
            };
            if full || seen.insert(r, ()).is_some() {
                continue;
            }
            groups.push((self.profiles[r as usize].facts(), p));
        }
        groups.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut orphans_initials: FxMap<(u32, u32), u32> = FxMap::default();
        let mut orphans_surname: FxMap<u32, u32> = FxMap::default();
        // Short forms with facts that no written-out name fits ("De heer P. Postma" at
        // another address): another person of that name exists, so a bare "P. Postma" is
        // not known to be the written-out one.
        let mut others_known: FxMap<(u32, u32), ()> = FxMap::default();
        for (facts, p) in groups {
            // The fullest short form of the group speaks for it.
            let rep = self.fullest_short_form(p);
            let surname = self.ids[rep as usize].surname;
            let initials = self.form(rep) == NameForm::Initials;
            let all: Vec<u32> = full_by_surname
                .get(&surname)
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|&q| {
                            !initials
                                || self.keys[rep as usize]
                                    .initials_compatible(&self.keys[q as usize])
                        })
                        .collect()
                })
                .unwrap_or_default();
            // The surname itself first, a part of a double surname only where nobody of
            // that surname fits.
            let (exact, parts): (Vec<u32>, Vec<u32>) = all
                .into_iter()
                .partition(|&q| self.ids[q as usize].surname == surname);
            let mut cands = exact;
            let mut fits = self.fitting(p, &cands);
            if fits.is_empty() {
                // The last part of a double surname is her own name; the first is her
                // partner's, which a short form of a man or of someone not known to be a
                // woman shares as likely ("A. Jagesar" beside "Anita Jagesar-Ramsaran" may
                // be her husband): only a woman by title is taken to write her partner's.
                let rp = self.find(p);
                let woman = self.profiles[rp as usize].salutation == 2;
                cands.extend(
                    parts
                        .into_iter()
                        .filter(|&q| woman || self.ids[q as usize].parts.last() == Some(&surname)),
                );
                fits = self.fitting(p, &cands);
            }
            let initial = if initials {
                self.keys[rep as usize]
                    .first_initial()
                    .map_or(NONE, u32::from)
            } else {
                NONE
            };
            if fits.is_empty() && !cands.is_empty() && facts > 0 {
                others_known.insert((surname, initial), ());
                others_known.insert((surname, NONE), ());
            }
            match fits[..] {
                [q] => {
                    let (rp, rq) = (self.find(p), self.find(q));
                    let agree = self.profiles[rp as usize].agreeing(&self.profiles[rq as usize]);
                    if agree.is_none() && others_known.contains_key(&(surname, initial)) {
                        continue;
                    }
                    // A full name left apart because it fits several people is no anchor:
                    // which of them it is, is not known.
                    if ambiguous_full.contains_key(&rq) {
                        continue;
                    }
                    let what = if initials {
                        why(
                            "initials-match",
                            &[("initials", self.display(rep)), ("name", self.display(q))],
                        )
                    } else {
                        why(
                            "surname-match",
                            &[("surname", self.display(rep)), ("name", self.display(q))],
                        )
                    };
                    let (confidence, reason) = match agree {
                        Some(a) => (0.85, what + &why(a, &[])),
                        None if cands.len() > 1 => (0.55, what + &why("others-ruled-out", &[])),
                        None => (
                            if initials { 0.75 } else { 0.65 },
                            what + &why("only-such-name", &[]),
                        ),
                    };
                    self.join(q, p, confidence, reason.into(), Link::Name);
                    continue;
                }
                [_, _, ..] => {
                    if let Some((q, agree)) = self.namesake_by_facts(p, &fits) {
                        let reason =
                            why("fits-several", &[("name", self.display(rep))]) + &why(agree, &[]);
                        self.join(q, p, 0.6, reason.into(), Link::Name);
                        continue;
                    }
                    if family.is_none() {
                        family = Some(self.family());
                    }
                    let narrowed = match &family {
                        Some(f) => self.narrow(p, &fits, f, 0),
                        None => None,
                    };
                    let narrowed = narrowed.or_else(|| self.narrow_by_role(p, &fits));
                    if let Some((q, narrowed_by)) = narrowed {
                        let reason = why("fits-several", &[("name", self.display(rep))])
                            + &why(narrowed_by, &[("name", self.display(q))]);
                        self.join(q, p, 0.6, reason.into(), Link::Name);
                    }
                    continue;
                }
                [] if !cands.is_empty() => continue,
                [] => {}
            }
            // No written-out name at all: the same short form elsewhere, unless facts
            // differ; a one-word mention may also be a given name.
            if initials {
                let key = (
                    surname,
                    self.keys[rep as usize]
                        .first_initial()
                        .map_or(NONE, u32::from),
                );
                match orphans_initials.get(&key) {
                    Some(&q) => {
                        self.join(
                            q,
                            p,
                            0.6,
                            why("same-initials-no-full-name", &[]).into(),
                            Link::Name,
                        );
                    }
                    None => {
                        orphans_initials.insert(key, p);
                    }
                }
                continue;
            }
            let by_given = full_by_given.get(&surname).cloned().unwrap_or_default();
            let root = self.find(p);
            // Only a name written as one word: "Al Amal" (an organisation the detector took
            // for a person) is no given name.
            let one_word = !self.mentions[self.persons[p as usize]]
                .value
                .trim()
                .contains(char::is_whitespace);
            if one_word && facts == 0 && self.size[root as usize] == 1 {
                if let [q] = self.one_per_group(p, &by_given)[..] {
                    let reason = why("given-name-only-in-holding", &[("name", self.display(q))]);
                    if self.join_as_given_name(q, p, 0.45, reason) {
                        continue;
                    }
                }
            }
            if !by_given.is_empty() {
                continue;
            }
            match orphans_surname.get(&surname) {
                Some(&q) => {
                    self.join(
                        q,
                        p,
                        0.5,
                        why("same-surname-no-full-name", &[]).into(),
                        Link::Name,
                    );
                }
                None => {
                    orphans_surname.insert(surname, p);
                }
            }
        }
    }

    /// Of several groups `fits` that the short form `p` could be, the one official among
    /// them where `p`'s group is named as an official ("Opgesteld door M. de Haan" beside
    /// the civil servant Maarten de Haan and the citizen Marco de Haan). `None` where `p`
    /// is no official, or where none or several of `fits` are.
    fn narrow_by_role(&mut self, p: u32, fits: &[u32]) -> Option<(u32, &'static str)> {
        let rp = self.find(p);
        if !self.profiles[rp as usize].official {
            return None;
        }
        let officials: Vec<u32> = fits
            .iter()
            .copied()
            .filter(|&q| {
                let rq = self.find(q);
                self.profiles[rq as usize].official
            })
            .collect();
        match officials[..] {
            [q] => Some((q, "narrowed-by-role")),
            _ => None,
        }
    }

    /// Of several groups `fits` of one full name (namesakes, and bare mentions that may be
    /// either), the one whose facts agree with those of `p`'s group ("A. Vink" at an
    /// address in Utrecht, where one Anna Vink lives in Utrecht and the other in Oss; the
    /// bare "Anna Vink"s tell nothing). Only where every fitting group has that given
    /// name: a father and son share a town, and a son's unknown one says nothing.
    fn namesake_by_facts(&mut self, p: u32, fits: &[u32]) -> Option<(u32, &'static str)> {
        let rp = self.find(p);
        if self.profiles[rp as usize].facts() == 0 {
            return None;
        }
        let mut hit: Option<(u32, &'static str)> = None;
        for &q in fits {
            let rq = self.find(q);
            if let Some(a) = self.profiles[rp as usize].agreeing(&self.profiles[rq as usize]) {
                if hit.is_some() {
                    return None;
                }
                hit = Some((q, a));
            }
        }
        let (q, _) = hit?;
        let one_name = fits.iter().all(|&x| {
            self.ids[x as usize].surname == self.ids[q as usize].surname
                && self.keys[x as usize].given_match(&self.keys[q as usize]) == Some(true)
        });
        one_name.then_some(hit?)
    }

    /// The member of `p`'s document group with the most name parts (initials over a
    /// surname alone).
    fn fullest_short_form(&mut self, p: u32) -> u32 {
        let root = self.find(p);
        let doc = self.doc(p);
        let ps: Vec<u32> = self.in_doc(doc).to_vec();
        let mut best = p;
        for q in ps {
            if self.find(q) == root && self.form(q) > self.form(best) {
                best = q;
            }
        }
        best
    }
}

/// Links each finding that is not a name to the person named right before it (or just
/// after it) in the same document. Details follow the name they belong to ("X woont in
/// Tiel", "X, tel. 06-…"); only a detail far from the name before and right before the
/// next goes to the next.
fn attach(mentions: &[Mention], persons: &[usize], keys: &[NameKey]) -> Vec<Option<Attached>> {
    let n = mentions.len();
    let mut person_of: Vec<Option<u32>> = vec![None; n];
    for (p, &i) in persons.iter().enumerate() {
        person_of[i] = Some(p as u32);
    }
    let _ = keys;
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (mentions[i].doc, mentions[i].start, i));
    let mut attached = vec![None; n];
    // Forward: the nearest person before; backward: the nearest person after.
    let mut before: Vec<Option<(u32, usize)>> = vec![None; n];
    let mut last: Option<(u64, u32, usize)> = None;
    for &i in &order {
        let m = &mentions[i];
        if let Some(p) = person_of[i] {
            last = Some((m.doc, p, m.start + m.value.len()));
        } else if let Some((doc, p, end)) = last {
            if doc == m.doc && m.start >= end && m.start - end <= AFTER_NAME {
                before[i] = Some((p, m.start - end));
            }
        }
    }
    let mut next: Option<(u64, u32, usize)> = None;
    // The person each detail would belong to, before the tightness test.
    let mut candidate: Vec<Option<Attached>> = vec![None; n];
    for &i in order.iter().rev() {
        let m = &mentions[i];
        if let Some(p) = person_of[i] {
            next = Some((m.doc, p, m.start));
            continue;
        }
        let end = m.start + m.value.len();
        let after = next.and_then(|(doc, p, start)| {
            (doc == m.doc && start >= end && start - end <= BEFORE_NAME).then(|| (p, start - end))
        });
        let name_of = |p: u32| mentions[persons[p as usize]].value.as_str();
        let chosen = match (before[i], after) {
            // An e-mail address that spells one of the two names belongs to that one.
            (Some(b), Some(a))
                if m.kind == "email"
                    && email_spells(&m.value, name_of(b.0))
                        != email_spells(&m.value, name_of(a.0)) =>
            {
                if email_spells(&m.value, name_of(b.0)) {
                    Some((b, true))
                } else {
                    Some((a, false))
                }
            }
            // With the text known: a detail in the clause of the name before it ("G. Vermeulen,
            // wonend in Gouda, P. Vermeulen") is that person's.
            // (Label lines of a form or an address block may lie in between.)
            (Some(b), Some(_))
                if b.1 <= TIGHT
                    && m.before.len() >= b.1
                    && m.before.is_char_boundary(m.before.len() - b.1)
                    && !sentence_ends(&m.before[m.before.len() - b.1..])
                    && !new_entry(&m.before[m.before.len() - b.1..]) =>
            {
                Some((b, true))
            }
            (Some(b), Some(a)) => Some(if b.1 <= CLOSE_AFTER || b.1 <= a.1 * 4 {
                (b, true)
            } else {
                (a, false)
            }),
            (Some(b), None) => Some((b, true)),
            (None, Some(a)) => Some((a, false)),
            (None, None) => None,
        };
        candidate[i] = chosen.map(|((p, distance), after_name)| Attached {
            person: p,
            distance,
            tight: false,
            after_name,
        });
        attached[i] = chosen.and_then(|((p, distance), after_name)| {
            // The text between the name and the detail, where the caller gave it.
            let gap: Option<&str> = if after_name {
                let ctx = &m.before;
                (ctx.len() >= distance && ctx.is_char_boundary(ctx.len() - distance))
                    .then(|| &ctx[ctx.len() - distance..])
            } else {
                let ctx = &mentions[persons[p as usize]].before;
                (ctx.len() >= distance && ctx.is_char_boundary(ctx.len() - distance))
                    .then(|| &ctx[ctx.len() - distance..])
            };
            let tight = if after_name {
                distance <= TIGHT && !gap.is_some_and(|g| sentence_ends(g) || new_entry(g))
            } else {
                !gap.is_some_and(|g| g.contains('\n') || sentence_ends(g))
            };
            // A detail that is not tightly next to a name belongs to nobody: shown to one
            // person as their own, it could be another's (a list's next line, "De familie
            // woont …" after two names; after one, `Resolver::new` gives it to that one).
            // A statement of a special category may stand a sentence further
            // ("… Hij bidt vijf keer per dag"), but not in another paragraph.
            let keep = tight
                || (SPECIAL_KINDS.contains(&m.kind.as_str())
                    && !gap.is_some_and(|g| g.contains("\n\n") || g.contains("\n\r\n")));
            keep.then_some(Attached {
                person: p,
                distance,
                tight,
                after_name,
            })
        });
    }
    // An address block: a detail on the line right after a detail that is tightly a
    // person's (the postcode and town under "Molenweg 12" under the addressee's name), or
    // right after it on its line, is that person's too.
    let mut prev: Option<usize> = None;
    for &i in &order {
        let m = &mentions[i];
        if person_of[i].is_some() {
            prev = None;
            continue;
        }
        if attached[i].is_none() {
            if let (Some(j), Some(c)) = (prev, candidate[i]) {
                let pj = &mentions[j];
                let end = pj.start + pj.value.len();
                let follows = pj.doc == m.doc
                    && c.after_name
                    && attached[j].is_some_and(|a| a.tight && a.after_name && a.person == c.person)
                    && m.start >= end
                    && m.before.len() >= m.start - end
                    && m.before.is_char_boundary(m.before.len() - (m.start - end))
                    && {
                        let gap = &m.before[m.before.len() - (m.start - end)..];
                        gap.matches('\n').count() <= 1
                            && gap
                                .trim_matches(|c: char| c.is_whitespace() || c == ',')
                                .is_empty()
                    };
                if follows {
                    attached[i] = Some(Attached { tight: true, ..c });
                }
            }
        }
        prev = Some(i);
    }
    attached
}

/// One-word person mentions that are the surname of a name written "Surname, Initials
/// tussenvoegsel" or "Surname, Given names tussenvoegsel" of which the detector found only
/// the surname ("Jong" in "3. Jong, N. de, geboren …" or "Van: Jong, Nora de <…>"), with
/// the name as written. The rest is read from the text before the next finding of the
/// document (its [`Mention::before`]): ", ", initials or capitalised given names, lower-case
/// tussenvoegsel words, and then "," or "<".
fn partial_inverted(mentions: &[Mention], persons: &[usize]) -> Vec<(u32, String)> {
    let mut person_of: FxMap<usize, u32> = FxMap::default();
    for (p, &i) in persons.iter().enumerate() {
        person_of.insert(i, p as u32);
    }
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (mentions[i].doc, mentions[i].start, i));
    let mut out = Vec::new();
    for w in order.windows(2) {
        let (a, b) = (&mentions[w[0]], &mentions[w[1]]);
        let Some(&p) = person_of.get(&w[0]) else {
            continue;
        };
        let end = a.start + a.value.len();
        let value = a.value.trim();
        if a.doc != b.doc
            || value.contains(char::is_whitespace)
            || value.contains(',')
            || !value.chars().next().is_some_and(char::is_uppercase)
            || b.start < end
            || b.start - end > 60
            || b.before.len() < b.start - end
            || !b.before.is_char_boundary(b.before.len() - (b.start - end))
        {
            continue;
        }
        let gap = &b.before[b.before.len() - (b.start - end)..];
        if let Some(name) = surname_before(value, &a.before, gap) {
            out.push((p, name));
            continue;
        }
        let Some(rest) = gap.strip_prefix(", ") else {
            continue;
        };
        let Some(stop) = rest.find([',', '<', '\n', '(']) else {
            continue;
        };
        if !matches!(rest.as_bytes()[stop], b',' | b'<') {
            continue;
        }
        let core = rest[..stop].trim();
        let words: Vec<&str> = core.split_whitespace().collect();
        if words.is_empty() || words.len() > 5 {
            continue;
        }
        let is_initials = |w: &str| {
            w.ends_with('.')
                && w.split('.')
                    .filter(|x| !x.is_empty())
                    .all(|x| x.chars().count() == 1 && x.chars().all(char::is_uppercase))
        };
        // "Nora", "Jan-Willem", "Marie-José".
        let is_given = |w: &str| {
            w.split('-').all(|part| {
                part.chars().next().is_some_and(char::is_uppercase)
                    && part.chars().skip(1).all(char::is_lowercase)
                    && part.chars().count() > 1
            })
        };
        let is_tussen = |w: &str| {
            matches!(
                w,
                "de" | "van"
                    | "der"
                    | "den"
                    | "ter"
                    | "te"
                    | "het"
                    | "'t"
                    | "in"
                    | "op"
                    | "el"
                    | "al"
            )
        };
        let names = words
            .iter()
            .take_while(|w| is_initials(w) || is_given(w))
            .count();
        if names == 0 || !words[names..].iter().all(|w| is_tussen(w)) {
            continue;
        }
        out.push((p, format!("{value}, {core}")));
    }
    out
}

/// "Van: Boer, Peter de <…>" where the detector found only "Peter" (`given`): the surname
/// stands right before it after a header label or a list number, and only tussenvoegsel
/// words follow it (`gap`) up to "<" or ",". Returns the name as written.
fn surname_before(given: &str, before: &str, gap: &str) -> Option<String> {
    let line = before.rsplit('\n').next().unwrap_or(before);
    let head = line.strip_suffix(", ")?;
    let (label, surname) = head.rsplit_once(' ')?;
    let label = fold(label.trim());
    let header = label
        .strip_suffix(':')
        .is_some_and(|l| matches!(l, "van" | "aan" | "from" | "to" | "cc" | "bcc" | "afzender"));
    let numbered = label
        .strip_suffix('.')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let surname_ok = surname.chars().next().is_some_and(char::is_uppercase)
        && surname.chars().count() > 1
        && surname.chars().all(|c| c.is_alphabetic() || c == '-');
    if !(header || numbered) || !surname_ok {
        return None;
    }
    let stop = gap.find([',', '<', '\n'])?;
    if !matches!(gap.as_bytes()[stop], b',' | b'<') {
        return None;
    }
    let tussen: Vec<&str> = gap[..stop].split_whitespace().collect();
    let ok = tussen.iter().all(|w| {
        matches!(
            *w,
            "de" | "van" | "der" | "den" | "ter" | "te" | "het" | "'t" | "in" | "op"
        )
    });
    ok.then(|| {
        let mut name = format!("{surname}, {given}");
        for w in tussen {
            name.push(' ');
            name.push_str(w);
        }
        name
    })
}

/// Pairs of person mentions that are one name written "Surname, Given names" in a mail
/// header, which the detector may give as two ("Warsame" and "Amina Hassan" in "Van:
/// Warsame, Amina Hassan <…>"): a one-word name right after the header label, exactly ", ",
/// then one to three written-out words. Needs the text.
fn inverted_pairs(mentions: &[Mention], persons: &[usize]) -> Vec<(u32, u32)> {
    let mut order: Vec<u32> = (0..persons.len() as u32).collect();
    order.sort_by_key(|&p| {
        let m = &mentions[persons[p as usize]];
        (m.doc, m.start)
    });
    let mut out = Vec::new();
    for w in order.windows(2) {
        let (a, b) = (
            &mentions[persons[w[0] as usize]],
            &mentions[persons[w[1] as usize]],
        );
        let one_word = !a.value.trim().contains(char::is_whitespace)
            && a.value.chars().next().is_some_and(char::is_uppercase);
        let words = b.value.split_whitespace().count();
        if a.doc != b.doc
            || !one_word
            || !(1..=3).contains(&words)
            || !b.value.chars().next().is_some_and(char::is_uppercase)
            || b.value.contains(['.', ','])
            || b.start != a.start + a.value.len() + 2
            || !b.before.ends_with(&format!("{}, ", a.value))
        {
            continue;
        }
        // Only right after a mail header label: elsewhere "Kees, Petra" is two people.
        let head = &b.before[..b.before.len() - a.value.len() - 2];
        let line = fold(head.rsplit('\n').next().unwrap_or(head).trim());
        let header = line.strip_suffix(':').is_some_and(|l| {
            matches!(l, "van" | "aan" | "from" | "to" | "cc" | "bcc" | "afzender")
        });
        if header {
            out.push((w[0], w[1]));
        }
    }
    out
}

/// Whether the local part of e-mail address `email` contains a name part (3+ letters) of
/// `name` ("k.bouzidi@…" spells "Karim Bouzidi").
fn email_spells(email: &str, name: &str) -> bool {
    let local: String = email
        .split('@')
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let local = fold(&local);
    name.split(|c: char| !c.is_alphanumeric())
        .map(|w| fold(&w.to_lowercase()))
        .any(|w| w.chars().count() >= 3 && local.contains(w.as_str()))
}

impl Resolver<'_> {
    /// The weakest link on each person mention's path to its subject's anchor.
    fn confidences(&self) -> Vec<f32> {
        let n = self.tree.len();
        let mut conf: Vec<f32> = vec![f32::NAN; n];
        let mut path = Vec::new();
        for start in 0..n {
            let mut cur = start;
            let mut base = 1.0;
            while conf[cur].is_nan() {
                match &self.tree[cur] {
                    Some(edge) => {
                        path.push(cur);
                        cur = edge.to as usize;
                    }
                    None => {
                        conf[cur] = 1.0;
                        break;
                    }
                }
                if path.len() > n {
                    break; // cannot happen in a tree; guard against a bug looping forever
                }
            }
            if !conf[cur].is_nan() {
                base = conf[cur];
            }
            while let Some(node) = path.pop() {
                let edge_conf = self.tree[node].as_ref().map_or(1.0, |e| e.confidence);
                base = f32::min(base, edge_conf);
                conf[node] = base;
            }
        }
        conf
    }

    fn into_subjects(
        mut self,
        attached: &[Option<Attached>],
        decisions: &[Decision],
    ) -> Vec<Subject> {
        let n = self.mentions.len();
        let confidence = self.confidences();
        // Group node of every mention: person mentions by their root, identifiers by
        // their person, decisions on top.
        let mut node: Vec<Option<u32>> = vec![None; n];
        for p in 0..self.persons.len() as u32 {
            node[self.persons[p as usize]] = Some(self.find(p));
        }
        let mut groups = Dsu::new(self.persons.len());
        let mut decided: Vec<Option<&'static str>> = vec![None; n];
        if !decisions.is_empty() {
            let index: HashMap<u64, usize> = self
                .mentions
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id, i))
                .collect();
            let label = |node: &[Option<u32>], i: usize| {
                node[i].or_else(|| attached[i].and_then(|a| node[self.persons[a.person as usize]]))
            };
            for decision in decisions {
                match decision {
                    Decision::Merge { a, b } => {
                        let mut target: Option<u32> = None;
                        for id in a.iter().chain(b) {
                            let Some(&i) = index.get(id) else { continue };
                            let l = match label(&node, i) {
                                Some(l) => l,
                                None => groups.fresh(),
                            };
                            node[i] = Some(l);
                            decided[i] = Some("merged-by-decision");
                            match target {
                                Some(t) => groups.union(t, l),
                                None => target = Some(l),
                            }
                        }
                    }
                    Decision::Split { mentions } => {
                        let fresh = groups.fresh();
                        for id in mentions {
                            let Some(&i) = index.get(id) else { continue };
                            node[i] = Some(fresh);
                            decided[i] = Some("split-by-decision");
                        }
                    }
                }
            }
        }
        let mut by_group: FxMap<u32, usize> = FxMap::default();
        let mut subjects: Vec<(Vec<Member>, Option<usize>)> = Vec::new();
        let mut group_of_mention: Vec<Option<usize>> = vec![None; n];
        let mut person_index: Vec<Option<u32>> = vec![None; n];
        for (p, &i) in self.persons.iter().enumerate() {
            person_index[i] = Some(p as u32);
        }
        for i in 0..n {
            let l =
                node[i].or_else(|| attached[i].and_then(|a| node[self.persons[a.person as usize]]));
            let Some(l) = l else { continue };
            let g = groups.find(l);
            let s = *by_group.entry(g).or_insert_with(|| {
                subjects.push((Vec::new(), None));
                subjects.len() - 1
            });
            group_of_mention[i] = Some(s);
            let m = &self.mentions[i];
            let (conf, evidence): (f32, String) = if let Some(d) = decided[i] {
                (1.0, why(d, &[]))
            } else if let Some(p) = person_index[i] {
                match &self.tree[p as usize] {
                    Some(edge) => (confidence[p as usize], edge.reason.to_string()),
                    None => (1.0, why("as-written", &[])),
                }
            } else if let Some(Attached { distance: dist, .. }) = attached[i] {
                let conf = if dist <= 60 {
                    0.9
                } else if dist <= 140 {
                    0.75
                } else {
                    0.6
                };
                (conf, why("next-to-name", &[("kind", &m.kind)]))
            } else {
                (1.0, why("added-by-decision", &[]))
            };
            subjects[s].0.push(Member {
                mention: m.id,
                confidence: conf,
                evidence,
            });
            if let Some(p) = person_index[i] {
                let best = &mut subjects[s].1;
                if best.is_none_or(|b| self.better_name(p, person_index[b].unwrap_or(p))) {
                    *best = Some(i);
                }
            }
        }
        let mut out: Vec<Subject> = subjects
            .into_iter()
            .filter_map(|(mut members, best)| {
                let best = best?;
                members.sort_by_key(|m| m.mention);
                let p = person_index[best]?;
                Some(Subject {
                    name: self.keys[p as usize].display.clone(),
                    members,
                })
            })
            .collect();
        out.sort_by_key(|s| s.members.first().map(|m| m.mention));
        out
    }

    /// Whether mention `a` is a fuller display name than `b`.
    fn better_name(&self, a: u32, b: u32) -> bool {
        let score = |p: u32| {
            let k = &self.keys[p as usize];
            let d = &k.display;
            (
                k.form(),
                k.givens.len(),
                k.initials.len(),
                !d.is_ascii(),
                d.chars().next().is_some_and(char::is_uppercase),
                d.len(),
            )
        };
        score(a) > score(b)
    }
}

/// A one-word mention written as an abbreviation of a name ("PJ", "MvdB"), lower-cased.
fn acronym_of(word: &str) -> Option<String> {
    let letters = word.chars().count();
    let upper = word.chars().filter(char::is_ascii_uppercase).count();
    let ok = (2..=5).contains(&letters)
        && upper >= 2
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && word.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    ok.then(|| word.to_ascii_lowercase())
}

/// The abbreviations a name may be written as: its initials alone, or followed by the
/// first letters of its tussenvoegsel and surname (parts).
fn acronyms(key: &NameKey) -> Vec<String> {
    let mut out = vec![key.initials.clone()];
    let tussen: String = key
        .tussen
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect();
    let parts: String = key
        .surname_parts
        .iter()
        .filter_map(|p| p.chars().next())
        .collect();
    if let Some(first) = parts.chars().next() {
        out.push(format!("{}{}{}", key.initials, tussen, first));
        out.push(format!("{}{}{}", key.initials, tussen, parts));
    }
    out
}

/// A plain union-find for the decision step, which can grow.
struct Dsu {
    parent: Vec<u32>,
}

impl Dsu {
    fn new(n: usize) -> Self {
        Dsu {
            parent: (0..n as u32).collect(),
        }
    }

    fn fresh(&mut self) -> u32 {
        let id = self.parent.len() as u32;
        self.parent.push(id);
        id
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let gp = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = gp;
            x = gp;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[rb as usize] = ra;
        }
    }
}
