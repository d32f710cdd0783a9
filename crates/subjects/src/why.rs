//! Evidence as codes: why a mention belongs to a subject, why a subject fits an access
//! request or what contradicts it.
//!
//! The resolver writes no sentences. Each reason is a code with named arguments ("initials
//! `P. de Boer` match `Peter de Boer` in the same document" is `initials-in-document` with
//! `initials` and `name`), and the user interface words it in the chosen language from the
//! catalogue (`why-CODE` in `crates/i18n/catalogue/*.ftl`). Evidence is sealed in the store as
//! written here, so a store read in English shows English evidence and in Dutch Dutch.
//!
//! One piece of evidence may hold several reasons ("same name; birth date agrees"): the
//! encoded reasons are simply written one after another. Each starts with a record
//! separator (U+001E); its arguments follow, each after a unit separator (U+001F), as
//! `name=value`. Evidence that does not start with U+001E is plain text (written by an
//! earlier version) and is shown as it is.

/// Every code [`why`] is given. The catalogue words each one (a test in `grondslag` holds
/// both languages to this list); a code not in it is a mistake that tests catch.
pub const CODES: &[&str] = &[
    "inverted-name",
    "same-name-in-document",
    "alias",
    "initials-in-document",
    "same-initials-in-document",
    "same-surname-in-document",
    "name-part-in-document",
    "double-surname-part-in-document",
    "surname-in-document",
    "abbreviation-in-document",
    "given-name-in-document",
    "given-name-person-in-document",
    "given-name-initials-in-document",
    "shared-identifier",
    "shared-identifier-in-document",
    "same-name",
    "spelling-variant",
    "birth-date-and-town-agree",
    "birth-date-agrees",
    "town-agrees",
    "bsn-agrees",
    "details-rule-out-namesake",
    "nothing-contradicts",
    "same-name-several",
    "fits-several",
    "narrowed-by-address",
    "narrowed-by-relative",
    "narrowed-by-role",
    "double-surname",
    "same-normalised-name",
    "initials-match",
    "surname-match",
    "others-ruled-out",
    "only-such-name",
    "same-initials-no-full-name",
    "given-name-only-in-holding",
    "same-surname-no-full-name",
    "merged-by-decision",
    "split-by-decision",
    "added-by-decision",
    "as-written",
    "next-to-name",
    "same-bsn",
    "same-email",
    "same-phone",
    "same-iban",
    "same-birthdate",
    "same-address",
    "same-town",
    "another-bsn",
    "another-birth-date",
    "another-address",
    "another-town",
    "partly-another-bsn",
    "partly-another-birth-date",
    "partly-another-address",
    "given-name-differs",
    "no-relative",
    "no-namesake",
    "name-alone-namesake-known",
    "namesake-in-document",
    "candidate-same-name",
    "candidate-name-part",
    "candidate-spelling-variant",
    "candidate-initials",
    "candidate-surname",
];

const REASON: char = '\u{1e}';
const ARG: char = '\u{1f}';

/// One reason: the catalogue words it as `why-{code}`, with `args` as its variables.
pub fn why(code: &str, args: &[(&str, &str)]) -> String {
    debug_assert!(
        CODES.contains(&code),
        "evidence code {code:?} is not in why::CODES"
    );
    let mut out = String::with_capacity(code.len() + 1 + args.len() * 24);
    out.push(REASON);
    out.push_str(code);
    for (name, value) in args {
        out.push(ARG);
        out.push_str(name);
        out.push('=');
        // A name from a document can hold anything; the separators it cannot.
        out.extend(
            value
                .chars()
                .map(|c| if c == REASON || c == ARG { ' ' } else { c }),
        );
    }
    out
}

/// A reason read back: its code and its arguments.
pub type Reason<'a> = (&'a str, Vec<(&'a str, &'a str)>);

/// The reasons of `evidence`, in order; `None` for plain text.
pub fn reasons(evidence: &str) -> Option<Vec<Reason<'_>>> {
    let rest = evidence.strip_prefix(REASON)?;
    Some(
        rest.split(REASON)
            .map(|reason| {
                let mut parts = reason.split(ARG);
                let code = parts.next().unwrap_or_default();
                let args = parts
                    .map(|a| a.split_once('=').unwrap_or((a, "")))
                    .collect();
                (code, args)
            })
            .collect(),
    )
}

/// The evidence as a developer reads it (`cargo xtask resolve-eval`): `code(name=value)`,
/// reasons separated by "; ". Never shown to a user.
pub fn plain(evidence: &str) -> String {
    match reasons(evidence) {
        None => evidence.to_string(),
        Some(list) => list
            .iter()
            .map(|(code, args)| {
                if args.is_empty() {
                    code.to_string()
                } else {
                    let args: Vec<String> = args.iter().map(|(k, v)| format!("{k}={v}")).collect();
                    format!("{code}({})", args.join(", "))
                }
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_round_trip() {
        let e = why(
            "initials-in-document",
            &[("initials", "P. de Boer"), ("name", "a=b")],
        ) + &why("birth-date-agrees", &[]);
        let r = reasons(&e).unwrap();
        assert_eq!(
            r,
            vec![
                (
                    "initials-in-document",
                    vec![("initials", "P. de Boer"), ("name", "a=b")]
                ),
                ("birth-date-agrees", vec![]),
            ]
        );
        assert_eq!(
            plain(&e),
            "initials-in-document(initials=P. de Boer, name=a=b); birth-date-agrees"
        );
    }

    #[test]
    fn separators_in_a_value_cannot_forge_a_reason() {
        let e = why("same-name", &[("name", "X\u{1e}forged\u{1f}y=z")]);
        let r = reasons(&e).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].1, vec![("name", "X forged y=z")]);
    }

    #[test]
    fn plain_text_is_not_a_reason() {
        assert_eq!(reasons("same name"), None);
        assert_eq!(plain("same name"), "same name");
    }
}
