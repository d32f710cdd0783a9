//! The inline gold markup of annotated corpora: `{{kind|text}}` and, for persons,
//! `{{person|text|pid}}`. Removing the markup gives the plain text; gold offsets are byte
//! offsets into that plain text.

use crate::Kind;

/// One annotated span in the plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Identity of the person across the corpus file (`{{person|text|pid}}`), if given.
    pub person_id: Option<String>,
}

/// Malformed markup. Offsets are byte offsets into the marked-up input; no text is quoted.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GoldError {
    #[error("markup opened at byte {offset} is never closed with `}}}}`")]
    Unclosed { offset: usize },
    #[error("markup at byte {offset} has no `|` between kind and text")]
    NoSeparator { offset: usize },
    #[error("markup at byte {offset} names an unknown kind")]
    UnknownKind { offset: usize },
    #[error("markup at byte {offset} has empty text")]
    Empty { offset: usize },
}

/// Parses marked-up text into the plain text and its gold spans (in order of appearance).
pub fn parse(marked: &str) -> Result<(String, Vec<GoldSpan>), GoldError> {
    let mut plain = String::with_capacity(marked.len());
    let mut spans = Vec::new();
    let mut rest = marked;
    let mut consumed = 0; // bytes of `marked` before `rest`
                          // Split at the markup's ASCII delimiters: no offset arithmetic on the text itself.
    while let Some((before, opened)) = rest.split_once("{{") {
        plain.push_str(before);
        let offset = consumed + before.len();
        let (inner, after) = opened
            .split_once("}}")
            .ok_or(GoldError::Unclosed { offset })?;
        let (kind, body) = inner
            .split_once('|')
            .ok_or(GoldError::NoSeparator { offset })?;
        let kind = Kind::parse(kind).ok_or(GoldError::UnknownKind { offset })?;
        let (text, pid) = match (kind, body.rsplit_once('|')) {
            (Kind::Person, Some((text, pid))) => (text, Some(pid.trim().to_string())),
            _ => (body, None),
        };
        if text.is_empty() || text.contains("{{") {
            return Err(GoldError::Empty { offset });
        }
        let start = plain.len();
        plain.push_str(text);
        spans.push(GoldSpan {
            start,
            end: plain.len(),
            kind,
            person_id: pid.filter(|p| !p.is_empty()),
        });
        consumed += before.len() + 2 + inner.len() + 2;
        rest = after;
    }
    plain.push_str(rest);
    Ok((plain, spans))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_markup() {
        let (plain, spans) =
            parse("voorzitter {{person|Jan de Vries|p1}} woont in {{place|Ermelo}}.").unwrap();
        assert_eq!(plain, "voorzitter Jan de Vries woont in Ermelo.");
        assert_eq!(spans.len(), 2);
        assert_eq!(&plain[spans[0].start..spans[0].end], "Jan de Vries");
        assert_eq!(spans[0].person_id.as_deref(), Some("p1"));
        assert_eq!(&plain[spans[1].start..spans[1].end], "Ermelo");
        assert_eq!(spans[1].kind, Kind::Place);
    }

    #[test]
    fn errors_carry_offsets() {
        assert_eq!(
            parse("ab {{person|x"),
            Err(GoldError::Unclosed { offset: 3 })
        );
        assert_eq!(
            parse("{{nope|x}}"),
            Err(GoldError::UnknownKind { offset: 0 })
        );
        assert_eq!(parse("{{x}}"), Err(GoldError::NoSeparator { offset: 0 }));
    }
}
