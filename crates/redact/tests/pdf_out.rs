mod common;

use grondslag_redact::pdf_out;

#[test]
fn unicode_letter_survives_pdftotext() {
    let body =
        "Geachte heer Doğan,\n\nUw verzoek van 3 maart is ontvangen. Wij hebben gezocht naar \
                gegevens over Ayşe Yıldız, İsmail Çelik en Ĳsbrand Vriesema (één, ë, ß).";
    let pdf = pdf_out::text_document("Besluit op uw verzoek om inzage", &[("Inleiding", body)])
        .expect("pdf");
    let Some(text) = common::pdftotext(&pdf) else {
        return;
    };
    for word in [
        "Doğan",
        "Ayşe",
        "Yıldız",
        "İsmail",
        "Çelik",
        "één",
        "Besluit",
        "Inleiding",
        "Pagina 1 van 1",
    ] {
        assert!(text.contains(word), "{word} missing from {text}");
    }
}
