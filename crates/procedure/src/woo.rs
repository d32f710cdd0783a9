//! The inventory list (productierapport) that accompanies a Woo decision, in the columns the
//! national Woo platform imports: ID, Publicatiecontext, Family ID, Email Thread ID, Document,
//! File type, Datum, Beoordeling, Opgeschort, Beoordelingsgrond, Toelichting, Publieke link,
//! Gerelateerd ID, Zaaknummer.

/// The column headings, in order.
pub const COLUMNS: [&str; 14] = [
    "ID",
    "Publicatiecontext",
    "Family ID",
    "Email Thread ID",
    "Document",
    "File type",
    "Datum",
    "Beoordeling",
    "Opgeschort",
    "Beoordelingsgrond",
    "Toelichting",
    "Publieke link",
    "Gerelateerd ID",
    "Zaaknummer",
];

/// The assessment of one document for publication.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Beoordeling {
    Openbaar,
    DeelsOpenbaar,
    NietOpenbaar,
    ReedsOpenbaar,
    /// Not assessed yet: an unreadable document (no text, so no findings) can hold anything.
    NogTeBeoordelen,
}

impl Beoordeling {
    pub fn as_str(self) -> &'static str {
        match self {
            Beoordeling::Openbaar => "Openbaar",
            Beoordeling::DeelsOpenbaar => "Deels openbaar",
            Beoordeling::NietOpenbaar => "Niet openbaar",
            Beoordeling::ReedsOpenbaar => "Reeds openbaar",
            Beoordeling::NogTeBeoordelen => "Nog te beoordelen",
        }
    }
}

/// What the list needs to know of a document: no content, only facts.
#[derive(Clone, Debug, Default)]
pub struct WooDocument {
    pub id: i64,
    /// Top-level document for attachments and archive members (the platform's "family").
    pub family: Option<i64>,
    /// The document's name with personal data already redacted by the caller.
    pub name: String,
    /// grondslag's document type (`pdf`, `docx`, `mail`, ...).
    pub doc_type: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Contract kinds of the findings in the document.
    pub kinds: Vec<String>,
    /// `destroy`, `redact_and_archive`, `retain` or none.
    pub disposition: Option<String>,
    pub held: bool,
    /// Whether the document's text could be read. An unreadable document has no findings
    /// because nobody could look for them, not because there are none.
    pub readable: bool,
    /// Grounds already marked in the text (`[5.1.2e]` in an archived, redacted copy, whose
    /// findings were shredded with the original).
    pub marked_grounds: Vec<String>,
}

/// The Woo ground for a finding kind (art. 5.1 Woo as Dutch bodies use it).
pub fn ground_of(kind: &str) -> &'static str {
    match kind {
        "bsn" => "5.1.1e",
        "religion" | "ethnicity" | "political" | "health" | "sexual_orientation"
        | "trade_union" | "criminal" => "5.1.1d",
        _ => "5.1.2e",
    }
}

/// The platform's file type for a grondslag document type.
pub fn file_type(doc_type: &str) -> &'static str {
    match doc_type {
        "pdf" => "pdf",
        "docx" | "odt" | "rtf" | "text" | "markdown" => "doc",
        "mail" | "msg" => "email",
        "html" => "html",
        "xlsx" => "spreadsheet",
        "image" => "image",
        _ => "",
    }
}

/// The grounds marked in a redacted text: every `5.1.…` code inside a `[...]` mark.
pub fn marked_grounds(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(len) = rest[open..].find(']') else {
            break;
        };
        let inner = &rest[open + 1..open + len];
        for word in inner.split([' ', '·', ',', ';']) {
            let code = word.trim();
            if ["5.1.1d", "5.1.1e", "5.1.2e"].contains(&code) && !out.iter().any(|g| g == code) {
                out.push(code.to_string());
            }
        }
        rest = &rest[open + len + 1..];
    }
    out.sort();
    out
}

/// The known ground code for a marked one (so that the row holds only static codes).
fn known_ground(code: &str) -> Option<&'static str> {
    ["5.1.1d", "5.1.1e", "5.1.2e"]
        .into_iter()
        .find(|g| *g == code)
}

/// The assessment, its grounds and explanation for one document.
pub fn assess(doc: &WooDocument) -> (Beoordeling, Vec<&'static str>, String) {
    let mut grounds: Vec<&'static str> = doc.kinds.iter().map(|k| ground_of(k)).collect();
    grounds.extend(doc.marked_grounds.iter().filter_map(|g| known_ground(g)));
    grounds.sort_unstable();
    grounds.dedup();
    if !doc.readable {
        return (
            Beoordeling::NogTeBeoordelen,
            grounds,
            "Document kon niet worden gelezen; nog te beoordelen.".into(),
        );
    }
    if doc.disposition.as_deref() == Some("destroy") {
        return (
            Beoordeling::NietOpenbaar,
            grounds,
            "Document met als doel het verwerken van persoonsgegevens; wordt vernietigd.".into(),
        );
    }
    if grounds.is_empty() {
        return (Beoordeling::Openbaar, grounds, String::new());
    }
    // A value is redacted wherever it occurs in the document (a person's town of residence
    // also where it names the municipality): the safe side, and the list says so.
    let explanation = format!(
        "Persoonsgegevens gelakt ({}). Een gelakte waarde is overal in het document gelakt, \
         ook waar hetzelfde woord iets anders aanduidt (zoals een woonplaats die ook de naam \
         van de gemeente is).",
        grounds
            .iter()
            .map(|g| explain(g))
            .collect::<Vec<_>>()
            .join("; ")
    );
    (Beoordeling::DeelsOpenbaar, grounds, explanation)
}

fn explain(ground: &str) -> String {
    match ground {
        "5.1.1d" => "5.1.1d: bijzondere persoonsgegevens".into(),
        "5.1.1e" => "5.1.1e: burgerservicenummer".into(),
        "5.1.2e" => "5.1.2e: eerbiediging persoonlijke levenssfeer".into(),
        other => other.into(),
    }
}

/// One row of the list, in [`COLUMNS`] order.
pub fn row(doc: &WooDocument, context: &str) -> [String; 14] {
    let (beoordeling, grounds, explanation) = assess(doc);
    [
        doc.id.to_string(),
        context.to_string(),
        doc.family.map(|f| f.to_string()).unwrap_or_default(),
        String::new(),
        doc.name.clone(),
        file_type(&doc.doc_type).to_string(),
        doc.date.clone(),
        beoordeling.as_str().to_string(),
        if doc.held {
            "yes".into()
        } else {
            String::new()
        },
        grounds.join("; "),
        explanation,
        String::new(),
        String::new(),
        String::new(),
    ]
}

/// The list as CSV (RFC 4180: comma-separated, fields quoted where needed).
pub fn to_csv(rows: &[[String; 14]]) -> String {
    fn field(s: &str) -> String {
        if s.contains([',', '"', '\n', '\r', ';']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    }
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&r.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assessments() {
        let mut d = WooDocument {
            id: 7,
            name: "nota.docx".into(),
            doc_type: "docx".into(),
            readable: true,
            ..Default::default()
        };
        assert_eq!(assess(&d).0, Beoordeling::Openbaar);
        d.kinds = vec![
            "person".into(),
            "religion".into(),
            "person".into(),
            "bsn".into(),
        ];
        let (b, g, e) = assess(&d);
        assert_eq!(b, Beoordeling::DeelsOpenbaar);
        assert_eq!(g, vec!["5.1.1d", "5.1.1e", "5.1.2e"]);
        assert!(e.contains("bijzondere"));
        d.disposition = Some("destroy".into());
        assert_eq!(assess(&d).0, Beoordeling::NietOpenbaar);
        let r = row(&d, "WOO-2024-1");
        assert_eq!(r[0], "7");
        assert_eq!(r[5], "doc");
        assert_eq!(r[7], "Niet openbaar");
        let csv = to_csv(&[r]);
        assert!(csv.starts_with("ID,Publicatiecontext,Family ID"));
        assert!(csv.contains("\"5.1.1d; 5.1.1e; 5.1.2e\""));
    }

    #[test]
    fn unreadable_is_never_public_and_archived_keeps_its_grounds() {
        let unreadable = WooDocument {
            id: 1,
            doc_type: "pdf".into(),
            readable: false,
            ..Default::default()
        };
        assert_eq!(assess(&unreadable).0, Beoordeling::NogTeBeoordelen);
        assert_eq!(row(&unreadable, "c")[7], "Nog te beoordelen");
        let archived = WooDocument {
            id: 2,
            doc_type: "docx".into(),
            readable: true,
            disposition: Some("redact_and_archive".into()),
            marked_grounds: marked_grounds(
                "Gesprek met [5.1.2e] over [Persoon 2 · 5.1.1d] en [x] [5.1.2e]",
            ),
            ..Default::default()
        };
        assert_eq!(archived.marked_grounds, ["5.1.1d", "5.1.2e"]);
        let (b, g, e) = assess(&archived);
        assert_eq!(b, Beoordeling::DeelsOpenbaar);
        assert_eq!(g, ["5.1.1d", "5.1.2e"]);
        assert!(e.contains("5.1.2e"));
    }
}
