//! Rough extraction throughput on generated synthetic documents (fixed content, no randomness).
//! Run: `cargo run --release -p grondslag-extract --example throughput`. Prints MB/s per format.

use std::io::{Cursor, Write};
use std::time::Instant;

use grondslag_extract::{extract, Limits};

fn report(label: &str, name: &str, bytes: &[u8], limits: &Limits) {
    let runs = 3;
    let start = Instant::now();
    let mut text_len = 0;
    for _ in 0..runs {
        match extract(name, bytes, limits) {
            Ok(out) => {
                text_len =
                    out.text.len() + out.children.iter().map(|c| c.bytes.len()).sum::<usize>()
            }
            Err(e) => {
                println!("{label:<28} error: {e}");
                return;
            }
        }
    }
    let secs = start.elapsed().as_secs_f64() / runs as f64;
    println!(
        "{label:<28} {:>9.1} KiB in {:>8.2} ms  {:>8.1} MB/s  ({} bytes out)",
        bytes.len() as f64 / 1024.0,
        secs * 1000.0,
        bytes.len() as f64 / secs / 1e6,
        text_len
    );
}

fn paragraph(i: usize) -> String {
    format!("Op {i} januari schreef mevrouw A. de Vries (Dorpsstraat {i}, 1234 AB Ede) aan de gemeente over haar aanvraag.\n")
}

fn main() {
    let limits = Limits::without_ocr();
    let text: String = (0..200_000).map(paragraph).collect();
    report("text 20 MB utf-8", "a.txt", text.as_bytes(), &limits);

    let latin1: Vec<u8> = text
        .bytes()
        .map(|b| if b == b'e' { 0xE9 } else { b })
        .collect();
    report("text 20 MB windows-1252", "a.txt", &latin1, &limits);

    let html: String = (0..50_000)
        .map(|i| format!("<p class=\"x\">{}</p>\n", paragraph(i).trim_end()))
        .collect();
    report("html", "a.html", html.as_bytes(), &limits);

    let body: String = (0..50_000)
        .map(|i| {
            format!(
                "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
                paragraph(i).trim_end()
            )
        })
        .collect();
    let xml = format!("<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>");
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    w.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    w.write_all(xml.as_bytes()).unwrap();
    let docx = w.finish().unwrap().into_inner();
    report("docx (zipped)", "a.docx", &docx, &limits);

    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..2_000 {
        w.start_file(
            format!("map/{i}.txt"),
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        w.write_all(paragraph(i).repeat(20).as_bytes()).unwrap();
    }
    let zip = w.finish().unwrap().into_inner();
    report("zip 2000 members", "a.zip", &zip, &limits);

    let mail = format!(
        "From: A <a@example.org>\r\nTo: b@example.org\r\nSubject: x\r\nDate: Mon, 1 Jan 2024 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}",
        &text[..2_000_000]
    );
    report("eml 2 MB", "a.eml", mail.as_bytes(), &limits);
}
