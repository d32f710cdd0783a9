//! Every default template renders in both languages with a full context, reads back as a
//! model, and writes a PDF that krilla's PDF/A-2a and PDF/UA-1 validators accept.

use grondslag_i18n::Lang;
use serde_json::json;

use crate::{Letters, Stamp, Template};

pub(crate) fn org() -> serde_json::Value {
    json!({
        "name": "Gemeente Voorbeeld", "address": "Postbus 1, 1000 AA Voorbeeld",
        "signatory": "A. de Vries, burgemeester", "contact": "privacy@voorbeeld.nl",
        "fg_contact": "fg@voorbeeld.nl", "objection_address": "Postbus 2, 1000 AB Voorbeeld",
        "request_mailbox": "inzage@voorbeeld.nl", "purpose": null, "recipients": null,
        "source": null, "retention": null, "logo": null,
    })
}

pub(crate) fn context(t: Template) -> serde_json::Value {
    let request = json!({"id": 3, "reference": "inzageverzoek 3", "received": "2024-03-02",
        "due": "2024-04-02", "new_due": "2024-06-02", "months": 2});
    let requester = json!({"name": "Sevda Yıldırım", "email": "s.y@voorbeeld.nl"});
    let mut c = match t {
        Template::Answer => json!({"request": request, "requester": requester,
            "found": {"documents": 2, "kinds": ["person", "place", "religion"], "special": true}}),
        Template::Inspection => json!({"request": request, "requester": requester,
            "documents": [{"number": 1, "title": "Document 12", "text": "Sevda Yıldırım sprak met [5.1.2e].\nRegel twee."}]}),
        Template::Informing => {
            json!({"reference": "betrokkene 5", "subject": {"name": "Sevda Yıldırım"},
            "kinds": ["person", "email"], "special": false,
            "window": {"opens": "2024-01-01", "closes": "2024-03-31", "tag": "INZAGE-2024"}})
        }
        Template::Extension => json!({"request": request, "requester": requester,
            "reason": "Wij moeten veel documenten doorzoeken."}),
        Template::Refusal => json!({"request": request, "requester": requester,
            "reason": "Uw identiteit kon niet worden vastgesteld."}),
        Template::Certificate => json!({"store_id": "abc",
            "run": {"id": 1, "planned_by": "a", "planned_at": "2024-04-01T10:00:00Z",
                "executed_at": "2024-04-02T10:00:00Z",
                "approvals": [{"user": "b", "at": "2024-04-01T11:00:00Z"}, {"user": "c", "at": "2024-04-01T12:00:00Z"}],
                "kek_from": 1, "kek_to": 2, "subjects_removed": 3, "requests_destroyed": 1,
                "totals": {"destroyed": 1, "archived": 1, "held": 1}},
            "groups": [{"outcome": "destroyed", "category": null, "count": 1}, {"outcome": "archived", "category": "1.1", "count": 1}],
            "documents": [{"id": 4, "outcome": "destroyed", "doc_type": "pdf", "size": 12345, "dated": "2019-03-04", "inside": null, "category": null, "assessment": 1},
                {"id": 5, "outcome": "archived", "doc_type": "mail", "size": 800, "dated": null, "inside": 4, "category": "1.1", "assessment": 2}],
            "decisions": [{"assessment": 1, "disposition": "destroy", "decided_by": "a", "decided_at": "2024-03-30T09:00:00Z", "category": null, "retention_years": null, "reason": "profiel", "legal_basis": null, "documents": 1}],
            "holds": [{"id": 2, "reference": "NO-2024-1", "reason": "klacht", "created_at": "2024-03-01T00:00:00Z", "documents": "6"}],
            "verification": {"entry": 42, "hash": "00ff", "code": "42-00ff"}}),
        Template::Report => json!({"period": {"from": "2024-01-01", "to": "2024-04-02"},
            "figures": {"documents_found": 10, "documents_active": 5, "documents_destroyed": 4,
                "documents_redacted_and_archived": 1, "documents_unreadable": 1, "findings": 50,
                "subjects": 7, "subjects_with_special_categories": 2, "destruction_runs_executed": 1,
                "holds_active": 1, "holds_total": 2, "requests": 3, "requests_late": 1,
                "requests_extended": 0, "requests_overdue": 0},
            "requests_by_status": [{"status": "answered", "count": 2}],
            "informing": {"inform": 1, "do_not_inform": 2, "undecided": 4, "by_ground": [{"ground": "safety_of_staff", "count": 2}]},
            "runs": [{"id": 1, "executed_at": "2024-04-02T10:00:00Z", "destroyed": 4, "archived": 1, "held": 1, "code": "42-00ff"}]}),
    };
    let map = c.as_object_mut().unwrap();
    map.insert("org".into(), org());
    map.insert("today".into(), "2024-03-02".into());
    c
}

const STAMP: Stamp = Stamp {
    year: 2024,
    month: 3,
    day: 2,
};

#[test]
fn every_template_renders_and_validates() {
    let letters = Letters::new(None);
    for t in Template::ALL {
        for lang in [Lang::Nl, Lang::En] {
            let r = letters
                .render(t, lang, &context(t))
                .unwrap_or_else(|e| panic!("{t:?} {lang:?}: {e}"));
            assert!(r.html.contains(&format!("<html lang=\"{}\">", lang.tag())));
            let text = r.doc.text();
            assert!(text.contains("Gemeente Voorbeeld"), "{t:?}: {text}");
            if t != Template::Inspection {
                assert!(text.contains("A. de Vries"), "{t:?}: {text}");
            }
            let pdf = r
                .pdf(STAMP)
                .unwrap_or_else(|e| panic!("{t:?} {lang:?}: {e}"));
            assert!(pdf.starts_with(b"%PDF-"));
        }
    }
}

#[test]
fn answer_in_dutch_says_what_the_law_asks() {
    let r = Letters::new(None)
        .render(Template::Answer, Lang::Nl, &context(Template::Answer))
        .unwrap();
    let text = r.doc.text();
    for want in [
        "Datum | 2 maart 2024",
        "Op 2 maart 2024 hebben wij uw verzoek ontvangen",
        "binnen zes weken",
        "Postbus 2",
        "Autoriteit Persoonsgegevens",
        "gegevens over uw godsdienst of levensovertuiging",
        "artikel 16 AVG",
        "artikel 21 AVG",
        "namens Gemeente Voorbeeld",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

#[test]
fn overrides_replace_defaults_and_errors_name_the_template() {
    let dir = tempfile::tempdir().unwrap();
    let written = Letters::export_defaults(dir.path()).unwrap();
    assert_eq!(written.len(), 16);
    std::fs::write(
        dir.path().join("nl/refusal.html"),
        "{% extends \"base.html\" %}{% block title %}Eigen{% endblock %}{% block body %}<p>Eigen tekst: {{ reason }}</p>{% endblock %}",
    )
    .unwrap();
    let letters = Letters::new(Some(dir.path().to_path_buf()));
    assert_eq!(letters.overridden().len(), 16);
    let r = letters
        .render(Template::Refusal, Lang::Nl, &context(Template::Refusal))
        .unwrap();
    assert!(r.doc.text().contains("Eigen tekst: Uw identiteit"));
    std::fs::write(
        dir.path().join("nl/refusal.html"),
        "<html lang=\"nl\"><p>{{ x </html>",
    )
    .unwrap();
    let err = letters
        .render(Template::Refusal, Lang::Nl, &context(Template::Refusal))
        .unwrap_err()
        .to_string();
    assert!(err.contains("nl/refusal.html"), "{err}");
    std::fs::write(
        dir.path().join("nl/refusal.html"),
        "<html lang=\"nl\"><head><title>x</title></head><body><p>open</body></html>",
    )
    .unwrap();
    let err = letters
        .render(Template::Refusal, Lang::Nl, &context(Template::Refusal))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("nl/refusal.html") && err.contains("not well-formed"),
        "{err}"
    );
}

#[test]
fn context_values_are_escaped() {
    let mut c = context(Template::Refusal);
    c["reason"] = "<script>x</script> & \"y\"".into();
    let r = Letters::new(None)
        .render(Template::Refusal, Lang::Nl, &c)
        .unwrap();
    assert!(!r.html.contains("<script>"));
    assert!(r.doc.text().contains("<script>x</script> & \"y\""));
}

/// `GRONDSLAG_LETTER_SAMPLES=DIR cargo test -p grondslag-letters samples` writes every default
/// template, both languages, as HTML and PDF into DIR: for a person to look at.
#[test]
fn samples() {
    let Ok(dir) = std::env::var("GRONDSLAG_LETTER_SAMPLES") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let letters = Letters::new(None);
    for t in Template::ALL {
        for lang in [Lang::Nl, Lang::En] {
            let r = letters.render(t, lang, &context(t)).unwrap();
            let stem = t.file(lang).replace('/', "-").replace(".html", "");
            std::fs::write(dir.join(format!("{stem}.html")), &r.html).unwrap();
            std::fs::write(dir.join(format!("{stem}.pdf")), r.pdf(STAMP).unwrap()).unwrap();
        }
    }
}

#[test]
fn logos_are_checked_and_embedded() {
    use base64::Engine as _;
    let png = base64::engine::general_purpose::STANDARD
        .decode("iVBORw0KGgoAAAANSUhEUgAAABgAAAAICAIAAABsw6g0AAAAFElEQVR4nGMQsamgCmIYNWgkGwQA2T6WAVqvVvIAAAAASUVORK5CYII=")
        .unwrap();
    crate::check_image(&png).unwrap();
    let mut broken = png.clone();
    let n = broken.len();
    broken[n - 20] ^= 0xFF;
    assert!(crate::check_image(&broken).is_err());
    assert!(crate::check_image(b"GIF89a").is_err());
    let mut c = context(Template::Answer);
    c["org"]["logo"] = format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(&png)
    )
    .into();
    let r = Letters::new(None)
        .render(Template::Answer, Lang::Nl, &c)
        .unwrap();
    assert!(r.doc.text().contains("Logo van Gemeente Voorbeeld"));
    r.pdf(STAMP).unwrap();
}
