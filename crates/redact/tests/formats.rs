//! Each format, end to end: redact a fixture, then check with independent tools (pdftotext,
//! LibreOffice, a plain unzip) that no value remains and the surrounding words do.

mod common;

use grondslag_redact::{redact, redact_pdf_with_warnings, verify, Format, Grounds};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).expect("fixture")
}

const BRIEF_VALUES: &[(&str, &str)] = &[
    ("person", "Ayşe Doğan"),
    ("person", "Bram Vlinder"),
    ("person", "Doğan"),
    ("person", "Mehmet Yıldırım"),
    ("place", "Ermelo"),
    ("email", "b.vlinder@example.org"),
    ("bsn", "111222333"),
];
const BRIEF_KEPT: &[&str] = &[
    "voorzitter",
    "penningmeester",
    "bereikbaar",
    "gemeente",
    "Veiligheid",
];

const GESPREK_VALUES: &[(&str, &str)] = &[
    ("person", "Bram Vlinder"),
    ("person", "Ayşe Doğan"),
    ("person", "Mehmet Yıldırım"),
    ("place", "Ermelo"),
    ("email", "b.vlinder@example.org"),
    ("bsn", "111222333"),
    ("religion", "is lid van de moskee"),
];
/// The PDF shows the tracked deletion inline and does not name the change's author.
const GESPREK_PDF_VALUES: &[(&str, &str)] = &[
    ("person", "Bram Vlinder"),
    ("person", "Ayşe Doğan"),
    ("place", "Ermelo"),
    ("email", "b.vlinder@example.org"),
    ("bsn", "111222333"),
    ("religion", "is lid van de moskee"),
];
const GESPREK_KEPT: &[&str] = &["Verslag", "gesprek", "Contact"];

fn values(list: &[(&str, &str)]) -> Vec<&'static str> {
    list.iter()
        .map(|(_, v)| *v)
        .collect::<Vec<_>>()
        .iter()
        .map(|v| leak(v))
        .collect()
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn check_text(text: &str, values: &[&str], kept: &[&str], what: &str) {
    if let Err(e) = verify(text, values) {
        panic!("{what}: {e}\n{text}");
    }
    for word in kept {
        assert!(
            text.contains(word),
            "{what}: lost the word {word:?}\n{text}"
        );
    }
}

#[test]
fn pdf_fixtures_are_truly_redacted() {
    for (name, vals, kept) in [
        ("brief.pdf", BRIEF_VALUES, BRIEF_KEPT),
        ("gesprek.pdf", GESPREK_PDF_VALUES, GESPREK_KEPT),
    ] {
        let original = fixture(name);
        let (text, spans) = common::values_as_spans(vals);
        let (out, _warnings) =
            redact_pdf_with_warnings(&original, &text, &spans, &Grounds::woo_default())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        let raw = String::from_utf8_lossy(&out);
        assert!(
            !raw.contains("/Annots") && !raw.contains("/Info"),
            "{name}: hidden data kept"
        );
        let Some(after) = common::pdftotext(&out) else {
            return;
        };
        check_text(&after, &values(vals), kept, name);
        assert!(after.contains("5.1.2e"), "{name}: no ground label\n{after}");
    }
}

#[test]
fn pdf_value_not_found_fails() {
    let original = fixture("brief.pdf");
    let (text, spans) = common::values_as_spans(&[("person", "Zeynep Kaplan")]);
    let err = redact(
        Format::Pdf,
        &original,
        &text,
        &spans,
        &Grounds::woo_default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("value 0"), "{err}");
    assert!(!err.to_string().contains("Zeynep"));
}

#[test]
fn own_letter_pdf_round_trip() {
    let pdf = grondslag_redact::pdf_out::text_document(
        "Verslag",
        &[(
            "",
            "Gesproken met Ayşe Doğan (b.vlinder@example.org) over de jeugdgroep in Ermelo.",
        )],
    )
    .unwrap();
    let (text, spans) = common::values_as_spans(&[
        ("person", "Ayşe Doğan"),
        ("email", "b.vlinder@example.org"),
        ("place", "Ermelo"),
    ]);
    let out = redact(Format::Pdf, &pdf, &text, &spans, &Grounds::woo_default()).unwrap();
    let Some(after) = common::pdftotext(&out) else {
        return;
    };
    check_text(
        &after,
        &["Ayşe Doğan", "b.vlinder@example.org", "Ermelo"],
        &["Gesproken met", "over de jeugdgroep in"],
        "letter",
    );
}

#[test]
fn office_fixtures_are_truly_redacted() {
    for (name, format, vals, kept) in [
        ("brief.docx", Format::Docx, BRIEF_VALUES, BRIEF_KEPT),
        ("brief.odt", Format::Odt, BRIEF_VALUES, BRIEF_KEPT),
        ("gesprek.docx", Format::Docx, GESPREK_VALUES, GESPREK_KEPT),
        ("gesprek.odt", Format::Odt, GESPREK_VALUES, GESPREK_KEPT),
    ] {
        let original = fixture(name);
        assert_eq!(Format::detect(name, &original).unwrap(), format);
        let (text, spans) = common::values_as_spans(vals);
        let out = redact(format, &original, &text, &spans, &Grounds::woo_default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let (all_text, parts) = common::zip_text(&out);
        check_text(&all_text, &values(vals), kept, name);
        for gone in ["word/comments.xml", "Thumbnails/thumbnail.png"] {
            assert!(!parts.iter().any(|p| p == gone), "{name}: {gone} kept");
        }
        assert!(
            !all_text.contains("moskee"),
            "{name}: tracked deletion kept"
        );
        if let Some(rendered) = common::office_to_text(&out, format.extension()) {
            check_text(&rendered, &values(vals), kept, name);
        }
    }
}

#[test]
fn html_fixture() {
    let original = fixture("brief.html");
    let (text, spans) = common::values_as_spans(BRIEF_VALUES);
    let out = redact(
        Format::Html,
        &original,
        &text,
        &spans,
        &Grounds::woo_default(),
    )
    .unwrap();
    let out = String::from_utf8(out).unwrap();
    check_text(&out, &values(BRIEF_VALUES), BRIEF_KEPT, "brief.html");
    assert!(out.contains("<td>[5.1.2e]</td>"), "{out}");
}

#[test]
fn pdf_hidden_places_are_stripped() {
    use lopdf::{dictionary, Document, Object};
    let letter =
        grondslag_redact::pdf_out::text_document("Notitie", &[("", "Gesproken met Bram Vlinder.")])
            .unwrap();
    let mut doc = Document::load_mem(&letter).unwrap();
    let info = doc.add_object(dictionary! { "Author" => Object::string_literal("Bram Vlinder") });
    doc.trailer.set("Info", info);
    let page_id = *doc.get_pages().values().next().unwrap();
    let annot = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Text",
        "Rect" => vec![0.into(), 0.into(), 10.into(), 10.into()],
        "Contents" => Object::string_literal("Bel Bram Vlinder"),
    });
    doc.get_dictionary_mut(page_id)
        .unwrap()
        .set("Annots", vec![annot.into()]);
    let js = doc.add_object(dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("app.alert('Bram Vlinder')") });
    let root_id = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let outline = doc.add_object(dictionary! { "Title" => Object::string_literal("Bram Vlinder") });
    let root = doc.get_dictionary_mut(root_id).unwrap();
    root.set("OpenAction", js);
    root.set("Outlines", outline);
    let mut with_hidden = Vec::new();
    doc.save_to(&mut with_hidden).unwrap();
    assert!(String::from_utf8_lossy(&with_hidden).contains("Bram Vlinder"));

    let (text, spans) = common::values_as_spans(&[("person", "Bram Vlinder")]);
    let out = redact(
        Format::Pdf,
        &with_hidden,
        &text,
        &spans,
        &Grounds::woo_default(),
    )
    .unwrap();
    let mut redacted = Document::load_mem(&out).unwrap();
    redacted.decompress();
    let mut plain = Vec::new();
    redacted.save_to(&mut plain).unwrap();
    let plain = String::from_utf8_lossy(&plain);
    for gone in [
        "Vlinder",
        "/Annots",
        "/OpenAction",
        "/Outlines",
        "JavaScript",
        "/Author",
    ] {
        assert!(!plain.contains(gone), "{gone} survived");
    }
}

#[test]
fn inspection_package_text() {
    use grondslag_redact::pdf_out::{concat, text_document, Part};
    let a = text_document("Document A", &[("", "Eerste stuk over de jeugdgroep.")]).unwrap();
    let b = fixture("brief.pdf");
    let package = concat(
        "Inzage in uw gegevens",
        "Hieronder vindt u de documenten waarin u voorkomt.",
        &[
            Part {
                title: "Document A",
                pdf: &a,
            },
            Part {
                title: "Nota bestuur",
                pdf: &b,
            },
        ],
    )
    .unwrap();
    let Some(text) = common::pdftotext(&package) else {
        return;
    };
    for word in [
        "Inzage in uw gegevens",
        "1. Document A — pagina 2",
        "2. Nota bestuur — pagina 3",
        "Eerste stuk",
        "penningmeester",
    ] {
        assert!(text.contains(word), "{word} missing\n{text}");
    }
}
