//! Pages per second redacting a multi-page PDF (LibreOffice-made, 9 pages, three names on every
//! paragraph). `cargo bench -p grondslag-redact --bench pdf [-- FILE.pdf]`; the figure is meant to
//! be compared with PyMuPDF's `apply_redactions` on the same file.

use std::time::Instant;

use grondslag_redact::{redact, Format, Grounds, Span};

fn main() {
    let path = std::env::args()
        .skip(1)
        .find(|a| a.ends_with(".pdf"))
        .unwrap_or_else(|| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lang.pdf").to_string()
        });
    let original = std::fs::read(&path).expect("read the PDF");
    let pages = lopdf::Document::load_mem(&original)
        .expect("parse")
        .get_pages()
        .len();
    let values = ["Ayşe Doğan", "Bram Vlinder", "Mehmet Yıldırım"];
    let mut text = String::new();
    let mut spans = Vec::new();
    for v in values {
        let start = text.len();
        text.push_str(v);
        spans.push(Span::new(start, text.len(), "person"));
        text.push('\n');
    }
    let grounds = Grounds::woo_default();
    // Warm up, then measure.
    let out = redact(Format::Pdf, &original, &text, &spans, &grounds).expect("redact");
    let rounds = 20;
    let started = Instant::now();
    for _ in 0..rounds {
        let out = redact(Format::Pdf, &original, &text, &spans, &grounds).expect("redact");
        std::hint::black_box(out);
    }
    let secs = started.elapsed().as_secs_f64();
    let total = (rounds * pages) as f64;
    println!(
        "pdf redact: {pages} pages x {rounds} rounds in {secs:.3} s = {:.1} pages/s ({:.2} ms/page); output {} bytes from {}",
        total / secs,
        secs * 1000.0 / total,
        out.len(),
        original.len()
    );
}
