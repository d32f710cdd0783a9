//! Scoring stored subjects against what an access requester tells about themselves.
//!
//! The answer to an access request must never show another person. So a candidate is not
//! only scored: [`assess_candidate`] also names every detail of the subject that
//! contradicts the request (another birth date, another BSN, another address or town) and
//! gives advice — confirm only where a detail beside the name supports it and nothing
//! contradicts it; a name alone is something to check, since a namesake may carry it.

use std::collections::BTreeSet;

use crate::fold::fold;
use crate::ident::normalise_identifier;
use crate::name::{normalise_name, written_part, NameForm, NameKey, SurnameMatch};
use crate::why::why;

/// What a requester gives: the names they are or were known by and their contact
/// details and identifiers, as written in the request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub names: Vec<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub birthdates: Vec<String>,
    pub addresses: Vec<String>,
    pub bsns: Vec<String>,
    pub ibans: Vec<String>,
    /// Towns the requester lives or lived in.
    pub places: Vec<String>,
}

/// What the inventory holds about one subject: its name variants and the identifiers
/// linked to it, as found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SubjectProfile {
    pub names: Vec<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub birthdates: Vec<String>,
    pub addresses: Vec<String>,
    pub bsns: Vec<String>,
    pub ibans: Vec<String>,
    pub places: Vec<String>,
    /// Names of this subject that one document also writes for another subject beside it
    /// ("Aanwezig: Ingrid Vermeulen, …, Ingrid Vermeulen (ministerie)"): the holding knows
    /// two people of that name, so that name alone cannot tell which of them a request
    /// means. Only where the other one has no detail of their own (else resolution keeps
    /// them apart). Filled by [`profiles`], which sees the documents; [`Self::from_mentions`]
    /// leaves it empty.
    pub namesakes_beside: Vec<String>,
    /// Other spellings of this subject's names that one document of the holding writes
    /// for another person beside that name ("Peter Verhoeven" where a mail names Peter
    /// and Pieter Verhoeven): in this holding they are two names, so a requester of the
    /// other spelling is not this subject by the name. Filled by [`profiles`].
    pub other_spellings: Vec<String>,
}

/// One finding of a stored subject, as [`profiles`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeldFinding<'a> {
    /// Index of the subject in the list [`profiles`] returns.
    pub subject: usize,
    /// The document the finding is in.
    pub doc: u64,
    /// The contract kind ("person", "email", …).
    pub kind: &'a str,
    /// The text as found.
    pub value: &'a str,
}

/// Builds the profile of each of `subjects` subjects from their findings, and marks the
/// names one document writes for two subjects ([`SubjectProfile::namesakes_beside`]).
///
/// Resolution keeps two mentions of one full name in one document apart only where the
/// document shows two people (facts that differ, one list naming it twice). A request
/// search that sees each subject alone has lost that by then: each namesake's subject
/// carries the name and nothing else, and looks like the only person of that name.
pub fn profiles<'a>(
    subjects: usize,
    findings: impl IntoIterator<Item = HeldFinding<'a>>,
) -> Vec<SubjectProfile> {
    let mut pairs: Vec<Vec<(&str, &str)>> = vec![Vec::new(); subjects];
    // (document, subject, name) of every full name.
    let mut names: Vec<(u64, usize, &str, NameKey)> = Vec::new();
    for f in findings {
        let Some(list) = pairs.get_mut(f.subject) else {
            continue;
        };
        list.push((f.kind, f.value));
        if f.kind == "person" {
            let key = normalise_name(f.value);
            if key.form() == NameForm::Full {
                names.push((f.doc, f.subject, f.value, key));
            }
        }
    }
    let mut out: Vec<SubjectProfile> = pairs
        .into_iter()
        .map(SubjectProfile::from_mentions)
        .collect();
    let described: Vec<bool> = out.iter().map(SubjectProfile::has_details).collect();
    names.sort_by_key(|(doc, subject, _, _)| (*doc, *subject));
    // Two spellings of one name that a document writes for two subjects.
    let mut spellings: Vec<(&NameKey, &NameKey, &str, &str)> = Vec::new();
    for doc in names.chunk_by(|a, b| a.0 == b.0) {
        for (i, (_, a, written_a, ka)) in doc.iter().enumerate() {
            for (_, b, written_b, kb) in &doc[i + 1..] {
                if a != b && spellings_of_one_name(ka, kb) && spellings.len() < 256 {
                    spellings.push((ka, kb, written_a, written_b));
                }
                if a == b || !same_full_name(ka, kb) {
                    continue;
                }
                // Marked where the other one has no detail of their own: a namesake the
                // text tells apart by a birth date or an address is kept apart by
                // resolution everywhere, one without any is not.
                for (s, written, other) in [(*a, *written_a, *b), (*b, *written_b, *a)] {
                    if described[other] {
                        continue;
                    }
                    let list = &mut out[s].namesakes_beside;
                    if !list.iter().any(|v| v == written) {
                        list.push(written.to_string());
                    }
                }
            }
        }
    }
    if !spellings.is_empty() {
        for profile in &mut out {
            mark_other_spellings(profile, &spellings);
        }
    }
    out
}

/// Adds to `profile` the spellings of `spellings` (pairs a document writes for two
/// subjects) that are the other one of a pair where the profile carries one of them.
fn mark_other_spellings(
    profile: &mut SubjectProfile,
    spellings: &[(&NameKey, &NameKey, &str, &str)],
) {
    let keys: Vec<NameKey> = profile.names.iter().map(|n| normalise_name(n)).collect();
    for &(ka, kb, written_a, written_b) in spellings {
        for (own, other) in [(ka, written_b), (kb, written_a)] {
            if keys.iter().any(|k| same_full_name(k, own))
                && !profile.other_spellings.iter().any(|v| v == other)
            {
                profile.other_spellings.push(other.to_string());
            }
        }
    }
}

/// Whether two full names are spellings of one name but not the same: the same surname
/// and a first given name that only resembles the other ("Peter" and "Pieter").
fn spellings_of_one_name(a: &NameKey, b: &NameKey) -> bool {
    a.given_match(b) == Some(false) && matches!(a.surname_match(b), Some(SurnameMatch::Same))
}

/// Whether two full names of one document are one name: the same given names (as many)
/// and the same surname, each with the same key. Spellings that only resemble each other
/// ("Peter" and "Pieter") are two names there: a writer spells one name one way within a
/// document, so two spellings side by side are two people of two names, not namesakes.
fn same_full_name(a: &NameKey, b: &NameKey) -> bool {
    a.givens == b.givens && matches!(a.surname_match(b), Some(SurnameMatch::Same))
}

impl SubjectProfile {
    /// Whether anything beside the names is known: an identifier, an address or a town.
    fn has_details(&self) -> bool {
        [
            &self.emails,
            &self.phones,
            &self.birthdates,
            &self.addresses,
            &self.bsns,
            &self.ibans,
            &self.places,
        ]
        .iter()
        .any(|l| !l.is_empty())
    }

    /// Builds a profile from a subject's mentions as (contract kind, value) pairs; kinds
    /// that are not names, identifiers or places are ignored.
    pub fn from_mentions<'a>(mentions: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut p = SubjectProfile::default();
        for (kind, value) in mentions {
            let list = match kind {
                "person" => &mut p.names,
                "email" => &mut p.emails,
                "phone" => &mut p.phones,
                "birthdate" => &mut p.birthdates,
                "address" => &mut p.addresses,
                "bsn" => &mut p.bsns,
                "iban" => &mut p.ibans,
                "place" => &mut p.places,
                _ => continue,
            };
            if !list.iter().any(|v| v == value) {
                list.push(value.to_string());
            }
        }
        p
    }
}

/// What the working group is advised to do with a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advice {
    /// The name fits and a detail beside it (e-mail, phone, birth date, address, BSN,
    /// town) is the requester's; nothing contradicts it.
    Confirm,
    /// Only the name fits, or part of the subject contradicts the request: look at its
    /// documents (and split off what is someone else's) before confirming.
    Check,
    /// The subject's details are not the requester's (another birth date or BSN), or only
    /// a family name is shared.
    Reject,
}

impl Advice {
    pub fn as_str(self) -> &'static str {
        match self {
            Advice::Confirm => "confirm",
            Advice::Check => "check",
            Advice::Reject => "reject",
        }
    }
}

/// How well a subject fits an access request.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// In [0, 1].
    pub confidence: f32,
    /// What supports it, strongest first.
    pub evidence: Vec<String>,
    /// Details of the subject that are not the requester's.
    pub contradictions: Vec<String>,
    pub advice: Advice,
    /// Whether the requester's given name and surname are the subject's, with no detail
    /// beside them either way.
    pub name_only: bool,
    /// Whether only initials or a surname fit, with an address or town of the requester's
    /// beside them (what a household shares).
    household_only: bool,
    /// Whether a personal name fits only with a second given name more or less.
    middle_only: bool,
}

/// Scores how likely `subject` is the requester described by `query`: a confidence in
/// [0, 1] and the evidence for it, best first. See [`assess_candidate`] for the
/// contradictions and the advice.
pub fn score_candidate(query: &Query, subject: &SubjectProfile) -> (f32, Vec<String>) {
    let a = assess_candidate(query, subject);
    (a.confidence, a.evidence)
}

/// Whether a finding of `kind` with `value`, found as part of a confirmed subject,
/// contradicts the request: a birth date or BSN other than every one the requester gave.
/// Such a finding is someone else's, or a wrong link; its document does not belong in the
/// requester's inspection package until a person has looked.
pub fn contradicts_request(query: &Query, kind: &str, value: &str) -> bool {
    let asked = match kind {
        "birthdate" => &query.birthdates,
        "bsn" => &query.bsns,
        _ => return false,
    };
    let asked: Vec<String> = asked
        .iter()
        .filter_map(|v| normalise_identifier(kind, v))
        .collect();
    match normalise_identifier(kind, value) {
        Some(v) => !asked.is_empty() && !asked.contains(&v),
        None => false,
    }
}

/// Whether a finding of `kind` with `value` is a detail the requester gave: their
/// e-mail, phone, birth date, BSN, IBAN, address or town. Such a detail beside the name in
/// a document tells that the document means the requester, not a namesake.
pub fn matches_request(query: &Query, kind: &str, value: &str) -> bool {
    let asked = match kind {
        "email" => &query.emails,
        "phone" => &query.phones,
        "birthdate" => &query.birthdates,
        "bsn" => &query.bsns,
        "iban" => &query.ibans,
        "address" => &query.addresses,
        "place" => {
            let held = fold(value.trim());
            return query.places.iter().any(|p| fold(p.trim()) == held);
        }
        _ => return false,
    };
    let Some(held) = normalise_identifier(kind, value) else {
        return false;
    };
    asked
        .iter()
        .filter_map(|v| normalise_identifier(kind, v))
        .any(|a| {
            if kind == "address" {
                a.contains(held.as_str()) || held.contains(a.as_str())
            } else {
                a == held
            }
        })
}

/// The documents of the subjects confirmed for a request, parted in two.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PackageSplit {
    /// Documents in which a confirmed subject stands beside a detail of the requester's
    /// (and beside none that contradicts the request): they confirm the requester.
    pub confirmed: BTreeSet<u64>,
    /// Documents in which a confirmed subject is named without any such detail, or beside
    /// a birth date or BSN that is not the requester's: a person checks them before the
    /// package is sent (the second kind is left out of it until then).
    pub check: BTreeSet<u64>,
    /// The documents of `check` in which a confirmed subject carries a birth date or BSN
    /// that is not the requester's ([`contradicts_request`]).
    pub contradicted: BTreeSet<u64>,
}

/// Parts the documents of confirmed subjects (their findings as (document, kind, value))
/// into those that confirm the requester and those a person checks before sending. `beside` are the
/// other findings of those documents: a strong detail of the requester's among them (an
/// identifier, birth date or address: "De familie woont aan de Stationsweg 159") confirms
/// the document too; a town does not, many people live in one.
///
/// A subject joins documents on the name alone where nothing contradicts it; a namesake
/// whom the holding never describes (no birth date, address or e-mail of their own) is
/// then in the same subject, and nothing the tool sees tells the two apart. Sending such a
/// document would show another person, so every document that does not itself confirm the
/// requester is named for the working group, who know the context, to check before sending.
pub fn split_package<'a, 'b>(
    query: &Query,
    findings: impl IntoIterator<Item = (u64, &'a str, &'a str)>,
    beside: impl IntoIterator<Item = (u64, &'b str, &'b str)>,
) -> PackageSplit {
    let mut confirmed: BTreeSet<u64> = BTreeSet::new();
    let mut contradicted: BTreeSet<u64> = BTreeSet::new();
    let mut all: BTreeSet<u64> = BTreeSet::new();
    for (doc, kind, value) in findings {
        all.insert(doc);
        if contradicts_request(query, kind, value) {
            contradicted.insert(doc);
        } else if matches_request(query, kind, value) {
            confirmed.insert(doc);
        }
    }
    for (doc, kind, value) in beside {
        if kind != "place" && all.contains(&doc) && matches_request(query, kind, value) {
            confirmed.insert(doc);
        }
    }
    let (confirmed, check) = all
        .into_iter()
        .partition(|d| confirmed.contains(d) && !contradicted.contains(d));
    PackageSplit {
        confirmed,
        check,
        contradicted,
    }
}

/// Scores `subject` against `query`, names what contradicts the request and advises.
/// Each matching detail adds independent support; a name that contradicts (same
/// surname, another given name) lowers it, and so does every detail that is not the
/// requester's.
pub fn assess_candidate(query: &Query, subject: &SubjectProfile) -> Assessment {
    let mut support: Vec<(f32, String)> = Vec::new();
    let mut name_conflict = false;

    let query_names: Vec<NameKey> = query.names.iter().map(|n| normalise_name(n)).collect();
    let subject_names: Vec<NameKey> = subject.names.iter().map(|n| normalise_name(n)).collect();
    let mut best_name: Option<(f32, String)> = None;
    // Whether the best name fits only the first part of a married double name, her
    // partner's ("A. Jagesar" for "Anita Jagesar-Ramsaran"): he shares her address.
    let mut best_partner_part = false;
    let mut personal_name = false;
    // Whether a personal name fits with its whole surname, not only as a part of a
    // married double name ("Anne de Wit" in "Anne Marie de Wit-Vos").
    let mut whole_name = false;
    // Whether a personal name fits only with a second given name more or less ("Nimco
    // Aden" and "Nimco Omar Aden"); [`assess_candidates`] weighs it against the others.
    let mut middle_only = false;
    for q in &query_names {
        for s in &subject_names {
            // A name the subject also writes longer with another surname ("Marie José"
            // of "Marie José Mulder", "Ubah Ali" of "Ubah Ali Farah") is that longer
            // name's part, not the requester's ("Marie Jose Postma-Smit", "Ubah Ahmed Ali").
            if subject_names.iter().any(|long| {
                written_part(s, long)
                    && q.surname_match(long).is_none()
                    && !written_part(q, long)
                    && !written_part(long, q)
            }) {
                continue;
            }
            // Another spelling of the requester's name that the holding writes for
            // another person beside it is that person's name.
            if spellings_of_one_name(q, s)
                && subject
                    .other_spellings
                    .iter()
                    .any(|o| same_full_name(q, &normalise_name(o)))
            {
                name_conflict = true;
                continue;
            }
            match name_score(q, s) {
                NameScore::Match(score, evidence, personal) => {
                    personal_name |= personal;
                    // … and with all its given names: "Omar Farah" may be another person
                    // than the requester "Omar Ismail Farah".
                    whole_name |= personal
                        && !partners_part_only(q, s)
                        && (q.givens.len() == s.givens.len() || one_more_given(q, s));
                    middle_only |= personal && one_more_given(q, s);
                    if best_name.as_ref().is_none_or(|(b, _)| score > *b) {
                        best_name = Some((score, evidence));
                        best_partner_part = !personal && partners_part_only(q, s);
                    }
                }
                NameScore::Conflict => name_conflict = true,
                NameScore::Unrelated => {}
            }
        }
    }
    if let Some(best) = best_name.clone() {
        support.push(best);
    }

    // (kind, asked, held, weight of a match, evidence, what a mismatch means)
    type Row<'a> = (
        &'a str,
        &'a [String],
        &'a [String],
        f32,
        &'a str,
        Option<&'a str>,
    );
    let pairs: [Row; 6] = [
        (
            "bsn",
            &query.bsns,
            &subject.bsns,
            0.95,
            "same-bsn",
            Some("another-bsn"),
        ),
        (
            "email",
            &query.emails,
            &subject.emails,
            0.7,
            "same-email",
            None,
        ),
        (
            "phone",
            &query.phones,
            &subject.phones,
            0.6,
            "same-phone",
            None,
        ),
        ("iban", &query.ibans, &subject.ibans, 0.7, "same-iban", None),
        (
            "birthdate",
            &query.birthdates,
            &subject.birthdates,
            0.5,
            "same-birthdate",
            Some("another-birth-date"),
        ),
        (
            "address",
            &query.addresses,
            &subject.addresses,
            0.5,
            "same-address",
            Some("another-address"),
        ),
    ];
    let mut contradictions: Vec<String> = Vec::new();
    let mut hard = false;
    let mut partial = false;
    // Details of the person alone, and details a household shares (address, town).
    let mut personal_details = 0usize;
    let mut household_details = 0usize;
    for (kind, asked, held, weight, code, mismatch) in pairs {
        let held: Vec<String> = held
            .iter()
            .filter_map(|v| normalise_identifier(kind, v))
            .collect();
        let asked: Vec<String> = asked
            .iter()
            .filter_map(|v| normalise_identifier(kind, v))
            .collect();
        let matched = asked.iter().any(|v| held.contains(v));
        if matched {
            support.push((weight, why(code, &[])));
            if kind == "address" {
                household_details += 1;
            } else {
                personal_details += 1;
            }
        }
        let Some(mismatch) = mismatch else { continue };
        if asked.is_empty() {
            continue;
        }
        let other = held
            .iter()
            .filter(|v| {
                if kind == "address" {
                    !asked
                        .iter()
                        .any(|a| a.contains(v.as_str()) || v.contains(a.as_str()))
                } else {
                    !asked.contains(v)
                }
            })
            .count();
        if other > 0 {
            contradictions.push(if matched {
                why(&format!("partly-{mismatch}"), &[])
            } else {
                why(mismatch, &[])
            });
            match (kind, matched) {
                ("bsn" | "birthdate", false) => hard = true,
                _ => partial = true,
            }
        }
    }
    // Towns: the requester's against the places next to the subject's names.
    let asked: Vec<String> = towns(&query.places);
    let held: Vec<String> = towns(&subject.places);
    if !asked.is_empty() && !held.is_empty() {
        if asked.iter().any(|a| held.contains(a)) {
            support.push((0.3, why("same-town", &[])));
            household_details += 1;
        } else {
            contradictions.push(why("another-town", &[]));
            partial = true;
        }
    }

    // One document names two people of the requester's name, one of them in this subject:
    // the subject may hold the other one's mentions too (joined on the name alone), so a
    // person looks before it is answered with.
    if subject.namesakes_beside.iter().any(|n| {
        let s = normalise_name(n);
        query_names
            .iter()
            .any(|q| matches!(name_score(q, &s), NameScore::Match(_, _, true)))
    }) {
        contradictions.push(why("namesake-in-document", &[]));
        partial = true;
    }

    let mut miss = 1.0f32;
    for (s, _) in &support {
        miss *= 1.0 - s;
    }
    let mut score = 1.0 - miss;
    // Another given name and no given name that matches: another member of the family.
    let other_person = name_conflict && !personal_name;
    if other_person {
        score *= 0.3;
        contradictions.push(why("given-name-differs", &[]));
    }
    if hard {
        score *= 0.1;
    } else if partial {
        score *= 0.6;
    }
    let same_bsn = why("same-bsn", &[]);
    let bsn_match = support.iter().any(|(_, w)| *w == same_bsn);
    let advice = if hard || (other_person && personal_details == 0) {
        Advice::Reject
    } else if !contradictions.is_empty() {
        Advice::Check
    } else if bsn_match
        || (personal_name && personal_details + household_details > 0)
        || (best_name.is_some() && personal_details > 0)
    {
        Advice::Confirm
    } else if best_name.is_none() && personal_details + household_details == 0 {
        Advice::Reject
    } else {
        Advice::Check
    };
    support.sort_by(|a, b| b.0.total_cmp(&a.0));
    let name_only = personal_name
        && whole_name
        && contradictions.is_empty()
        && personal_details + household_details == 0
        && !bsn_match;
    let household_only = !personal_name
        && best_name.is_some()
        && !best_partner_part
        && contradictions.is_empty()
        && personal_details == 0
        && household_details > 0
        && !bsn_match;
    Assessment {
        confidence: score.clamp(0.0, 1.0),
        evidence: support.into_iter().map(|(_, why)| why).collect(),
        contradictions,
        advice,
        name_only,
        household_only,
        middle_only: middle_only && !whole_name_same_length(&query_names, &subject_names),
    }
}

/// Whether the subject's name `long` has exactly one given name more than the request's
/// `short`, and otherwise the same first given name and surname: "Nimco Omar Aden" for the
/// requester "Nimco Aden" (a Somali name written with the father's name). Not the other way
/// round: "Omar Farah" for the requester "Omar Ismail Farah" may be an Omar Yusuf Farah.
fn one_more_given(short: &NameKey, long: &NameKey) -> bool {
    short.givens.len() == 1
        && long.givens.len() == 2
        && short.given_match(long) == Some(true)
        && matches!(short.surname_match(long), Some(SurnameMatch::Same))
}

/// Whether some name of the request and of the subject have as many given names, the
/// first the same, and the same surname: a fit that needs no second given name.
fn whole_name_same_length(query: &[NameKey], subject: &[NameKey]) -> bool {
    query.iter().any(|q| {
        subject.iter().any(|s| {
            q.givens.len() == s.givens.len()
                && q.given_match(s) == Some(true)
                && matches!(q.surname_match(s), Some(SurnameMatch::Same))
        })
    })
}

/// The second given names written with the request's first given name and surname, in
/// the request and in every subject's names: more than one means two people ("Nimco
/// Omar Aden" and "Nimco Yusuf Aden"), whom "Nimco Aden" alone does not tell apart.
fn second_givens(query: &Query, subjects: &[SubjectProfile]) -> Vec<String> {
    let qs = keys_of(&query.names, NameForm::Full);
    let mut out: Vec<String> = Vec::new();
    let names = subjects.iter().flat_map(|s| s.names.iter());
    for k in query.names.iter().chain(names).map(|n| normalise_name(n)) {
        let Some(second) = k.givens.get(1) else {
            continue;
        };
        let fits = qs.iter().any(|q| {
            q.given_match(&k) == Some(true)
                && matches!(q.surname_match(&k), Some(SurnameMatch::Same))
        });
        if fits && !out.iter().any(|o| crate::fold::similar_keys(o, second)) {
            out.push(second.clone());
        }
    }
    out
}

/// The folded towns of `places`, without the letters of a postcode read as a place ("SD"
/// of "6893 SD Apeldoorn"): compared with a town they said the requester lived elsewhere.
fn towns(places: &[String]) -> Vec<String> {
    places
        .iter()
        .map(|p| p.trim())
        .filter(|p| !(p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase())))
        .map(fold)
        .collect()
}

/// Assesses every subject against one request, as [`assess_candidate`] does, and then
/// weighs a name alone against the others: where no subject of the requester's name
/// shows details that are not the requester's, a subject that carries that name and
/// nothing else is advised to be confirmed (the holding knows no namesake). Where such a
/// namesake exists, a name alone stays something to check: its documents may be the
/// namesake's.
pub fn assess_candidates(query: &Query, subjects: &[SubjectProfile]) -> Vec<Assessment> {
    let mut out: Vec<Assessment> = subjects
        .iter()
        .map(|s| assess_candidate(query, s))
        .collect();
    let namesake_known = subjects.iter().zip(&out).any(|(s, a)| {
        !a.contradictions.is_empty()
            && (shares_full_name(query, s)
                || (only_initials_fit(query, s) && !initials_of_another(query, s, subjects)))
    });
    // Initials or a surname at the requester's address: theirs, unless the holding knows
    // a relative (same surname, same initial, another given name) who could be meant.
    let relative_known = subjects.iter().any(|s| relative_of(query, s));
    if !relative_known {
        for a in out.iter_mut().filter(|a| a.household_only) {
            a.advice = Advice::Confirm;
            a.evidence.push(why("no-relative", &[]));
        }
    }
    // "Nimco Aden" fits "Nimco Omar Aden" only where the holding and the request write
    // no other second given name with it.
    if out.iter().any(|a| a.middle_only) && second_givens(query, subjects).len() > 1 {
        for a in out.iter_mut().filter(|a| a.middle_only) {
            a.name_only = false;
        }
    }
    if !namesake_known {
        for a in out.iter_mut().filter(|a| a.name_only) {
            a.advice = Advice::Confirm;
            a.evidence.push(why("no-namesake", &[]));
        }
    } else {
        for a in out.iter_mut().filter(|a| a.name_only) {
            a.evidence.push(why("name-alone-namesake-known", &[]));
        }
    }
    out
}

/// Whether two names share a surname only through the first part of a married double
/// surname, her partner's ("Jagesar" of "Anita Jagesar-Ramsaran"), not her own last part.
fn partners_part_only(a: &NameKey, b: &NameKey) -> bool {
    matches!(a.surname_match(b), Some(SurnameMatch::DoubleSurnamePart))
        && !own_part(a, b)
        && !own_part(b, a)
}

/// Whether `single`'s surname is the last part of `double`'s married double surname: her
/// own name ("Hoekstra" of "de Wit-Hoekstra"; the first part is her partner's).
fn own_part(double: &NameKey, single: &NameKey) -> bool {
    double.surname_parts.len() > 1
        && single.surname_parts.len() <= 1
        && double
            .surname_parts
            .last()
            .is_some_and(|own| crate::fold::similar_keys(own, &single.surname))
}

/// Whether `subject` has a full name with the requester's surname and first initial but
/// another given name (or another spelling of it): a relative whom initials at a shared
/// address could mean.
fn relative_of(query: &Query, subject: &SubjectProfile) -> bool {
    let qs = keys_of(&query.names, NameForm::Full);
    // A person written with initials only, of the requester's surname and initial, whose
    // birth date or BSN is not the requester's ("Duale, A.A., geboren 17-04-1962" for the
    // requester Amina Duale, born 1985), is someone else whom "A. Duale" at the shared
    // address can be: a relative whose given name the holding never writes. (A full name
    // with the requester's given name and another birth date is a namesake, who lives
    // elsewhere; one with another given name is a relative below.)
    let someone_else = subject
        .birthdates
        .iter()
        .map(|v| ("birthdate", v))
        .chain(subject.bsns.iter().map(|v| ("bsn", v)))
        .any(|(kind, v)| contradicts_request(query, kind, v));
    if someone_else
        && subject.names.iter().any(|n| {
            let s = normalise_name(n);
            s.form() == NameForm::Initials
                && qs.iter().any(|q| {
                    q.surname_match(&s).is_some() && q.first_initial() == s.first_initial()
                })
        })
    {
        return true;
    }
    subject.names.iter().any(|n| {
        let s = normalise_name(n);
        s.form() == NameForm::Full
            && qs.iter().any(|q| {
                q.surname_match(&s).is_some()
                    && q.first_initial() == s.first_initial()
                    // Also a name spelled like the requester's but not it: "Peter Bos"
                    // beside the requester "Pieter Bos" (a son) is one more person "P. Bos"
                    // at that address can be.
                    && q.given_match(&s) != Some(true)
            })
    })
}

/// Whether `subject` is named only by initials that fit the requester's name ("Haddou,
/// S." with another birth date): a namesake, as far as the holding can tell.
fn only_initials_fit(query: &Query, subject: &SubjectProfile) -> bool {
    let qs: Vec<NameKey> = query.names.iter().map(|n| normalise_name(n)).collect();
    let names: Vec<NameKey> = subject.names.iter().map(|n| normalise_name(n)).collect();
    names.iter().all(|s| s.form() != NameForm::Full)
        && names.iter().any(|s| {
            s.form() == NameForm::Initials
                && qs.iter().any(|q| {
                    q.form() == NameForm::Full
                        && q.surname_match(s).is_some()
                        && q.initials_compatible(s)
                })
        })
}

/// The keys of those of `names` that are written in `form` (the request's full names, a
/// subject's initials).
fn keys_of(names: &[String], form: NameForm) -> Vec<NameKey> {
    names
        .iter()
        .map(|n| normalise_name(n))
        .filter(|k| k.form() == form)
        .collect()
}

/// Whether the initials of `subject` (named by initials only) are also those of a full
/// name the holding writes for someone with another given name ("B. Jansen, geboren …"
/// where the holding knows Bas Jansen beside the requester Bram Jansen): the holding
/// already knows a person they can be, so they are no sign of a namesake of the requester.
fn initials_of_another(query: &Query, subject: &SubjectProfile, all: &[SubjectProfile]) -> bool {
    let qs = keys_of(&query.names, NameForm::Full);
    let initials = keys_of(&subject.names, NameForm::Initials);
    all.iter()
        .filter(|other| !std::ptr::eq(*other, subject) && !other_facts(subject, other))
        .flat_map(|other| other.names.iter())
        .map(|n| normalise_name(n))
        .filter(|k| k.form() == NameForm::Full)
        .any(|k| {
            initials
                .iter()
                .any(|i| i.surname_match(&k).is_some() && i.initials_compatible(&k))
                && qs.iter().all(|q| q.given_match(&k).is_none())
        })
}

/// Whether two subjects carry birth dates or towns and none of them in common: two people.
fn other_facts(a: &SubjectProfile, b: &SubjectProfile) -> bool {
    let dates = |p: &SubjectProfile| -> Vec<String> {
        p.birthdates
            .iter()
            .filter_map(|v| normalise_identifier("birthdate", v))
            .collect()
    };
    let (da, db) = (dates(a), dates(b));
    let (ta, tb) = (towns(&a.places), towns(&b.places));
    let apart = |x: &[String], y: &[String]| {
        !x.is_empty() && !y.is_empty() && !x.iter().any(|v| y.contains(v))
    };
    apart(&da, &db) || apart(&ta, &tb)
}

/// Whether a full name of `subject` has the requester's given name and surname.
fn shares_full_name(query: &Query, subject: &SubjectProfile) -> bool {
    let qs: Vec<NameKey> = query.names.iter().map(|n| normalise_name(n)).collect();
    subject.names.iter().any(|n| {
        let s = normalise_name(n);
        qs.iter()
            .any(|q| matches!(name_score(q, &s), NameScore::Match(_, _, true)))
    })
}

enum NameScore {
    /// Weight, evidence, and whether the given name itself matched (not only a surname
    /// or an initial, which relatives share).
    Match(f32, String, bool),
    Conflict,
    Unrelated,
}

fn name_score(q: &NameKey, s: &NameKey) -> NameScore {
    if q.form() == NameForm::Other || s.form() == NameForm::Other {
        return if !q.other.is_empty() && q.other == s.other {
            NameScore::Match(
                0.6,
                why("candidate-same-name", &[("name", &s.display)]),
                true,
            )
        } else {
            NameScore::Unrelated
        };
    }
    let Some(surname) = q.surname_match(s) else {
        // Names of three parts (Somali: given name, father's, grandfather's) are written
        // with any two of them: "Nimco Mohamed" is part of "Nimco Mohamed Nur".
        if written_part(q, s) || written_part(s, q) {
            let e = why("candidate-name-part", &[("name", &s.display)]);
            return NameScore::Match(0.5, e, true);
        }
        return NameScore::Unrelated;
    };
    let surname_weight = match surname {
        SurnameMatch::Same => 1.0,
        SurnameMatch::Variant => 0.85,
        SurnameMatch::DoubleSurnamePart => 0.7,
    };
    // A second given name written out in both that differs ("Ifrah Ahmed Nur", "Ifrah
    // Yusuf Nur": another father's name) is another person.
    if let (Some(a), Some(b)) = (q.givens.get(1), s.givens.get(1)) {
        if q.given_match(s).is_some() && !crate::fold::similar_keys(a, b) {
            return NameScore::Conflict;
        }
    }
    // A hyphenated double given name is one name: "Anne-Marie" is not "Anne".
    if q.given_match(s).is_some() && (hyphen_vs_lone(q, s) || hyphen_vs_lone(s, q)) {
        return NameScore::Conflict;
    }
    let (weight, why, personal) = match (q.form(), s.form()) {
        (NameForm::Full, NameForm::Full) => match q.given_match(s) {
            Some(true) => (
                0.6,
                why("candidate-same-name", &[("name", &s.display)]),
                true,
            ),
            // A given name like the requester's in a double name whose partner's part is
            // the requester's surname ("Greet Vermeulen-Postma" for Gerrit Vermeulen): his
            // wife, not another spelling of him.
            Some(false) if partners_part_only(q, s) => return NameScore::Conflict,
            Some(false) => (
                0.5,
                why("candidate-spelling-variant", &[("name", &s.display)]),
                true,
            ),
            None => return NameScore::Conflict,
        },
        (NameForm::Full | NameForm::Initials, NameForm::Full | NameForm::Initials) => {
            if q.initials_compatible(s) {
                (
                    0.35,
                    why("candidate-initials", &[("name", &s.display)]),
                    false,
                )
            } else {
                return NameScore::Conflict;
            }
        }
        _ => (
            0.2,
            why("candidate-surname", &[("name", &s.display)]),
            false,
        ),
    };
    NameScore::Match(weight * surname_weight, why, personal)
}

/// Whether `a` is written with a hyphenated double given name ("Anne-Marie") and `b` with
/// only its first part ("Anne").
fn hyphen_vs_lone(a: &NameKey, b: &NameKey) -> bool {
    let first_word = a.display.split_whitespace().next().unwrap_or("");
    a.form() == NameForm::Full
        && b.form() == NameForm::Full
        && a.givens.len() >= 2
        && first_word.contains('-')
        && b.givens.len() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(names: &[&str]) -> Query {
        Query {
            names: names.iter().map(|s| s.to_string()).collect(),
            ..Query::default()
        }
    }

    #[test]
    fn name_and_email_beat_name_alone() {
        let subject = SubjectProfile::from_mentions([
            ("person", "Mohammed Haddou"),
            ("person", "M. Haddou"),
            ("email", "m.haddou@example.nl"),
        ]);
        let (name_only, _) = score_candidate(&query(&["Mohamed Haddou"]), &subject);
        let mut q = query(&["Mohamed Haddou"]);
        q.emails.push("M.Haddou@example.nl".into());
        let (both, evidence) = score_candidate(&q, &subject);
        assert!(both > name_only, "{both} > {name_only}");
        assert!(evidence.iter().any(|e| e.contains("same-email")));
    }

    #[test]
    fn another_second_given_name_is_another_person() {
        let subject = SubjectProfile::from_mentions([("person", "Ifrah Ahmed Nur")]);
        let a = assess_candidate(&query(&["Ifrah Yusuf Nur"]), &subject);
        assert!(!a.name_only, "{a:?}");
        assert_ne!(a.advice, Advice::Confirm);
        let same = assess_candidate(&query(&["Ifrah Ahmed Nur"]), &subject);
        assert!(same.name_only);
    }

    #[test]
    fn her_own_name_is_all_of_a_married_double_name() {
        // "Els de Wit-Hoekstra" is Els Hoekstra married to a De Wit: a subject written
        // "Els Hoekstra" carries her whole name, as one written with the double name
        // carries that of a requester who writes "Els Hoekstra". The partner's part is
        // not her name alone ("Els de Wit" may be his relative).
        let own = SubjectProfile::from_mentions([("person", "Els Hoekstra")]);
        let a = assess_candidates(&query(&["Els de Wit-Hoekstra"]), &[own]);
        assert_eq!(a[0].advice, Advice::Confirm, "{a:?}");
        let double = SubjectProfile::from_mentions([("person", "Els de Wit-Hoekstra")]);
        let a = assess_candidates(&query(&["Els Hoekstra"]), &[double]);
        assert_eq!(a[0].advice, Advice::Confirm, "{a:?}");
        let partner = SubjectProfile::from_mentions([("person", "Els de Wit")]);
        let a = assess_candidates(&query(&["Els de Wit-Hoekstra"]), &[partner]);
        assert_ne!(a[0].advice, Advice::Confirm, "{a:?}");
    }

    #[test]
    fn initials_in_her_partners_part_at_her_address_are_not_hers_alone() {
        // "Anita Jagesar-Ramsaran" asks; the holding writes "A. Jagesar" at her address.
        // Her husband, whose surname is the first part of hers, lives there too: a person
        // looks before it is answered with. Her own part at her address is hers.
        let mut q = query(&["Anita Jagesar-Ramsaran"]);
        q.addresses.push("Dorpsstraat 167".into());
        let partner = SubjectProfile::from_mentions([
            ("person", "A. Jagesar"),
            ("address", "Dorpsstraat 167"),
        ]);
        let a = assess_candidates(&q, &[partner]);
        assert_eq!(a[0].advice, Advice::Check, "{a:?}");
        let own = SubjectProfile::from_mentions([
            ("person", "A. Ramsaran"),
            ("address", "Dorpsstraat 167"),
        ]);
        let a = assess_candidates(&q, &[own]);
        assert_eq!(a[0].advice, Advice::Confirm, "{a:?}");
    }

    #[test]
    fn a_given_name_like_his_in_her_double_name_is_his_wife() {
        // Gerrit Vermeulen asks; his wife is written "Greet Vermeulen-Postma" at his
        // address. "Greet" is close to "Gerrit", but the part they share is his surname
        // (the first of her double name): she is another member of the family.
        let mut q = query(&["Gerrit Vermeulen"]);
        q.addresses.push("Lindelaan 16".into());
        let wife = SubjectProfile::from_mentions([
            ("person", "Greet Vermeulen-Postma"),
            ("address", "Lindelaan 16"),
        ]);
        let a = assess_candidates(&q, &[wife]);
        assert_ne!(a[0].advice, Advice::Confirm, "{a:?}");
    }

    #[test]
    fn a_hyphenated_given_name_is_not_its_first_part() {
        // "Anne-Marie" is one given name; "Anne de Wit" is someone else, also where the
        // subject carries a married double surname.
        let subject = SubjectProfile::from_mentions([("person", "Anne-Marie de Wit-Vos")]);
        let a = assess_candidate(&query(&["Anne de Wit"]), &subject);
        assert!(!a.name_only, "{a:?}");
        assert_ne!(a.advice, Advice::Confirm, "{a:?}");
        let same = assess_candidate(&query(&["Anne-Marie de Wit"]), &subject);
        assert_ne!(same.advice, Advice::Reject, "{same:?}");
    }

    #[test]
    fn a_detail_matches_the_request_in_any_spelling() {
        let q = Query {
            names: vec!["Helen Idris".into()],
            emails: vec!["Helen1@Voorbeeld.nl".into()],
            birthdates: vec!["23 januari 2001".into()],
            addresses: vec!["Molenweg 12".into()],
            places: vec!["Alkmaar".into()],
            ..Query::default()
        };
        for (kind, value) in [
            ("email", "helen1@voorbeeld.nl"),
            ("birthdate", "23-1-2001"),
            ("address", "Molenweg 12, 1912 DT"),
            ("place", "ALKMAAR"),
        ] {
            assert!(matches_request(&q, kind, value), "{kind} {value}");
        }
        for (kind, value) in [
            ("email", "helen2@voorbeeld.nl"),
            ("birthdate", "9-9-1991"),
            ("place", "Breda"),
            ("phone", "06-12345678"),
            ("person", "Helen Idris"),
        ] {
            assert!(!matches_request(&q, kind, value), "{kind} {value}");
        }
    }

    #[test]
    fn family_member_scores_low() {
        let subject = SubjectProfile::from_mentions([("person", "Fatima Haddou")]);
        let (score, _) = score_candidate(&query(&["Mohammed Haddou"]), &subject);
        assert!(score < 0.2, "{score}");
        let (other, _) = score_candidate(&query(&["Jan de Vries"]), &subject);
        assert_eq!(other, 0.0);
    }

    #[test]
    fn advice_follows_details_and_contradictions() {
        let request = Query {
            names: vec!["Peter de Boer".into()],
            emails: vec!["p.deboer@voorbeeld.nl".into()],
            birthdates: vec!["2 april 1950".into()],
            places: vec!["Assen".into()],
            ..Query::default()
        };
        let him = SubjectProfile::from_mentions([
            ("person", "Peter de Boer"),
            ("birthdate", "02-04-1950"),
            ("place", "Assen"),
        ]);
        let namesake = SubjectProfile::from_mentions([
            ("person", "Peter de Boer"),
            ("birthdate", "9 september 1991"),
            ("place", "Breda"),
        ]);
        let bare = SubjectProfile::from_mentions([("person", "P. de Boer")]);
        let mixed = SubjectProfile::from_mentions([
            ("person", "Peter de Boer"),
            ("birthdate", "2-4-1950"),
            ("birthdate", "9-9-1991"),
        ]);
        let table = [
            (&him, Advice::Confirm),
            (&namesake, Advice::Reject),
            (&bare, Advice::Check),
            (&mixed, Advice::Check),
        ];
        for (subject, advice) in table {
            let a = assess_candidate(&request, subject);
            assert_eq!(a.advice, advice, "{subject:?}: {a:?}");
        }
        let a = assess_candidate(&request, &namesake);
        assert!(a
            .contradictions
            .iter()
            .any(|c| c.contains("another-birth-date")));
        assert!(assess_candidate(&request, &him).confidence > a.confidence);
        assert!(contradicts_request(&request, "birthdate", "9-9-1991"));
        assert!(!contradicts_request(&request, "birthdate", "02-04-1950"));
        assert!(!contradicts_request(&request, "email", "x@y.nl"));
    }

    #[test]
    fn two_spellings_in_one_document_are_two_names_not_namesakes() {
        // One attendance list writes "Peter Bos" (born 9-3-1999) and "Pieter Bos" (a
        // father, no detail): a writer spells one name one way, so the list shows two
        // names, not two people of one name. Read as namesakes, the son's subject was
        // flagged and none of his documents was answered with.
        let held = [
            (0, "person", "Peter Bos"),
            (0, "birthdate", "9-3-1999"),
            (1, "person", "Pieter Bos"),
            (2, "person", "Ingrid Vermeulen"),
            (2, "place", "Tiel"),
            (3, "person", "Ingrid Vermeulen"),
        ];
        let out = profiles(
            4,
            held.iter().map(|&(subject, kind, value)| HeldFinding {
                subject,
                doc: 7,
                kind,
                value,
            }),
        );
        assert!(out[0].namesakes_beside.is_empty(), "{:?}", out[0]);
        assert_eq!(
            out[2].namesakes_beside,
            vec!["Ingrid Vermeulen".to_string()]
        );
    }

    #[test]
    fn a_spelling_the_holding_writes_for_another_person_is_not_the_requesters() {
        // A mail names "Peter Verhoeven" and "Pieter Verhoeven" side by side; elsewhere
        // Pieter's subject carries his town, the requester Peter's town too. Read as a
        // spelling of Peter, Pieter's subject was confirmed and his documents went into
        // Peter's package, unnamed.
        let held = [
            (0, 1, "person", "Peter Verhoeven"),
            (1, 1, "person", "Pieter Verhoeven"),
            (2, 2, "person", "Pieter Verhoeven"),
            (2, 2, "place", "Rotterdam"),
        ];
        let out = profiles(
            3,
            held.iter().map(|&(subject, doc, kind, value)| HeldFinding {
                subject,
                doc,
                kind,
                value,
            }),
        );
        let mut q = query(&["Peter Verhoeven"]);
        q.places.push("Rotterdam".into());
        let a = assess_candidate(&q, &out[2]);
        assert_eq!(a.advice, Advice::Reject, "{a:?}");
        // Without a document that writes both, "Pieter" may be a spelling of "Peter".
        let alone =
            SubjectProfile::from_mentions([("person", "Pieter Verhoeven"), ("place", "Rotterdam")]);
        assert_ne!(assess_candidate(&q, &alone).advice, Advice::Reject);
    }

    #[test]
    fn a_name_without_the_fathers_name_is_the_requesters_where_no_other_is_written() {
        // The requester Nimco Aden; the holding writes "Nimco Omar Aden" alone in a memo.
        // Nobody else of that first name and surname: it is hers, as "Nimco Aden" would
        // be. Where another memo writes "Nimco Yusuf Aden", either may be her.
        let q = query(&["Nimco Aden"]);
        let long = SubjectProfile::from_mentions([("person", "Nimco Omar Aden")]);
        let a = assess_candidates(&q, std::slice::from_ref(&long));
        assert_eq!(a[0].advice, Advice::Confirm, "{a:?}");
        let other = SubjectProfile::from_mentions([("person", "Nimco Yusuf Aden")]);
        let a = assess_candidates(&q, &[long, other]);
        assert_ne!(a[0].advice, Advice::Confirm, "{a:?}");
        assert_ne!(a[1].advice, Advice::Confirm, "{a:?}");
        // Not the other way round: for the requester Nimco Omar Aden, a memo on "Nimco
        // Aden" may be about a Nimco Yusuf Aden whose second name it leaves out.
        let q = query(&["Nimco Omar Aden"]);
        let short = SubjectProfile::from_mentions([("person", "Nimco Aden")]);
        let a = assess_candidates(&q, std::slice::from_ref(&short));
        assert_ne!(a[0].advice, Advice::Confirm, "{a:?}");
    }

    #[test]
    fn initials_of_a_known_relative_are_no_namesake_of_the_requester() {
        // The requester Bram Vink; the holding writes "Bram Vink" alone in a memo, "Bas
        // Vink" elsewhere, and "B. Vink, geboren 02-03-1950" in a list. The initials with
        // another birth date fit Bas as well as a namesake of Bram: they are no sign that
        // a second Bram Vink exists, so the bare name is his.
        let mut q = query(&["Bram Vink"]);
        q.birthdates.push("14-07-1988".into());
        let bare = SubjectProfile::from_mentions([("person", "Bram Vink")]);
        let initials =
            SubjectProfile::from_mentions([("person", "B. Vink"), ("birthdate", "02-03-1950")]);
        let relative = SubjectProfile::from_mentions([("person", "Bas Vink")]);
        let a = assess_candidates(&q, &[bare.clone(), initials.clone(), relative]);
        assert_eq!(a[0].advice, Advice::Confirm, "{a:?}");
        // Bas described in another town than the initials is not them: they may be a
        // second Bram Vink.
        let elsewhere = SubjectProfile::from_mentions([("person", "Bas Vink"), ("place", "Tiel")]);
        let initials_in = SubjectProfile::from_mentions([
            ("person", "B. Vink"),
            ("birthdate", "02-03-1950"),
            ("place", "Harderwijk"),
        ]);
        let a = assess_candidates(&q, &[bare.clone(), initials_in, elsewhere]);
        assert_eq!(a[0].advice, Advice::Check, "{a:?}");
        // Without Bas, the initials may be a second Bram Vink: the bare name is checked.
        let a = assess_candidates(&q, &[bare, initials]);
        assert_eq!(a[0].advice, Advice::Check, "{a:?}");
    }

    #[test]
    fn initials_at_the_address_are_not_confirmed_where_another_of_that_initial_is_described() {
        // "A. Duale" at the requester's address, and a list that describes "Duale, A.A."
        // born 1962 where the requester Amina Duale was born in 1985: an A. Duale who is not
        // her lives in the holding, and the letter may be his. Without that list the
        // initials at her address are hers.
        let mut q = query(&["Amina Duale"]);
        q.addresses.push("Dorpsstraat 114".into());
        q.birthdates.push("19 juli 1985".into());
        let at_address =
            SubjectProfile::from_mentions([("person", "A. Duale"), ("address", "Dorpsstraat 114")]);
        let described =
            SubjectProfile::from_mentions([("person", "Duale, A.A."), ("birthdate", "17-04-1962")]);
        let alone = assess_candidates(&q, std::slice::from_ref(&at_address));
        assert_eq!(alone[0].advice, Advice::Confirm, "{alone:?}");
        let both = assess_candidates(&q, &[at_address, described]);
        assert_eq!(both[0].advice, Advice::Check, "{both:?}");
    }

    #[test]
    fn postcode_letters_are_no_town() {
        // "Ik woon op Parkweg 119, 6893 SD Apeldoorn": the letters of the postcode were read
        // as a place and said the requester lived elsewhere than Apeldoorn, so the subject
        // with the requester's birth date and e-mail address was left to check.
        let mut q = query(&["Karel Dijkhuis"]);
        q.places.push("SD".into());
        q.birthdates.push("12-07-1962".into());
        q.emails.push("k.dijkhuis@example.nl".into());
        let subject = SubjectProfile::from_mentions([
            ("person", "Karel Dijkhuis"),
            ("birthdate", "12 juli 1962"),
            ("place", "Apeldoorn"),
            ("email", "k.dijkhuis@example.nl"),
        ]);
        let a = assess_candidate(&q, &subject);
        assert!(a.contradictions.is_empty(), "{a:?}");
        assert_eq!(a.advice, Advice::Confirm);
    }
}
