//! Scoring stored subjects against what an access requester tells about themselves.

use crate::ident::normalise_identifier;
use crate::name::{normalise_name, NameForm, NameKey, SurnameMatch};

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
}

impl SubjectProfile {
    /// Builds a profile from a subject's mentions as (contract kind, value) pairs; kinds
    /// that are not names or identifiers are ignored.
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
                _ => continue,
            };
            if !list.iter().any(|v| v == value) {
                list.push(value.to_string());
            }
        }
        p
    }
}

/// Scores how likely `subject` is the requester described by `query`: a confidence in
/// [0, 1] and the evidence for it, best first. Each matching detail adds independent
/// support; a name that contradicts (same surname, another given name) lowers it.
pub fn score_candidate(query: &Query, subject: &SubjectProfile) -> (f32, Vec<String>) {
    let mut support: Vec<(f32, String)> = Vec::new();
    let mut name_conflict = false;

    let query_names: Vec<NameKey> = query.names.iter().map(|n| normalise_name(n)).collect();
    let subject_names: Vec<NameKey> = subject.names.iter().map(|n| normalise_name(n)).collect();
    let mut best_name: Option<(f32, String)> = None;
    for q in &query_names {
        for s in &subject_names {
            match name_score(q, s) {
                NameScore::Match(score, why) => {
                    if best_name.as_ref().is_none_or(|(b, _)| score > *b) {
                        best_name = Some((score, why));
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

    // (kind, asked, held, weight of a match, evidence)
    type Row<'a> = (&'a str, &'a [String], &'a [String], f32, &'a str);
    let pairs: [Row; 6] = [
        ("bsn", &query.bsns, &subject.bsns, 0.95, "same BSN"),
        (
            "email",
            &query.emails,
            &subject.emails,
            0.7,
            "same e-mail address",
        ),
        (
            "phone",
            &query.phones,
            &subject.phones,
            0.6,
            "same phone number",
        ),
        ("iban", &query.ibans, &subject.ibans, 0.7, "same IBAN"),
        (
            "birthdate",
            &query.birthdates,
            &subject.birthdates,
            0.5,
            "same birthdate",
        ),
        (
            "address",
            &query.addresses,
            &subject.addresses,
            0.5,
            "same address",
        ),
    ];
    for (kind, asked, held, weight, why) in pairs {
        let held: Vec<String> = held
            .iter()
            .filter_map(|v| normalise_identifier(kind, v))
            .collect();
        if asked
            .iter()
            .filter_map(|v| normalise_identifier(kind, v))
            .any(|v| held.contains(&v))
        {
            support.push((weight, why.to_string()));
        }
    }

    let mut miss = 1.0f32;
    for (s, _) in &support {
        miss *= 1.0 - s;
    }
    let mut score = 1.0 - miss;
    if name_conflict && best_name.is_none() {
        score *= 0.3;
        support.push((0.0, "a given name differs".to_string()));
    }
    support.sort_by(|a, b| b.0.total_cmp(&a.0));
    (
        score.clamp(0.0, 1.0),
        support.into_iter().map(|(_, why)| why).collect(),
    )
}

enum NameScore {
    Match(f32, String),
    Conflict,
    Unrelated,
}

fn name_score(q: &NameKey, s: &NameKey) -> NameScore {
    if q.form() == NameForm::Other || s.form() == NameForm::Other {
        return if !q.other.is_empty() && q.other == s.other {
            NameScore::Match(0.6, format!("same name {}", s.display))
        } else {
            NameScore::Unrelated
        };
    }
    let Some(surname) = q.surname_match(s) else {
        return NameScore::Unrelated;
    };
    let surname_weight = match surname {
        SurnameMatch::Same => 1.0,
        SurnameMatch::Variant => 0.85,
        SurnameMatch::DoubleSurnamePart => 0.7,
    };
    let (weight, why) = match (q.form(), s.form()) {
        (NameForm::Full, NameForm::Full) => match q.given_match(s) {
            Some(true) => (0.6, format!("same name {}", s.display)),
            Some(false) => (0.5, format!("spelling variant of the name: {}", s.display)),
            None => return NameScore::Conflict,
        },
        (NameForm::Full | NameForm::Initials, NameForm::Full | NameForm::Initials) => {
            if q.initials_compatible(s) {
                (0.35, format!("initials fit the name {}", s.display))
            } else {
                return NameScore::Conflict;
            }
        }
        _ => (0.2, format!("surname only: {}", s.display)),
    };
    NameScore::Match(weight * surname_weight, why)
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
        assert!(evidence.iter().any(|e| e.contains("e-mail")));
    }

    #[test]
    fn family_member_scores_low() {
        let subject = SubjectProfile::from_mentions([("person", "Fatima Haddou")]);
        let (score, _) = score_candidate(&query(&["Mohammed Haddou"]), &subject);
        assert!(score < 0.2, "{score}");
        let (other, _) = score_candidate(&query(&["Jan de Vries"]), &subject);
        assert_eq!(other, 0.0);
    }
}
