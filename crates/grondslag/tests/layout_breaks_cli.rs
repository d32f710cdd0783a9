//! Values broken by layout (issue 13, item 5), from outside: a PDF table whose narrow cells
//! wrap an e-mail address ("l.dekker@buurt-" / "huis-oost.nl)"), a phone number and a name
//! over two lines, each line its own text run. `grondslag detect` must find each value as one
//! finding that holds the line break, and after `grondslag redact` `pdftotext` must find
//! neither part of it. Everyone here is synthetic.
//!
//! Needs poppler-utils (`pdftotext`); without it the PDF check prints "skipped" and passes,
//! unless GRONDSLAG_REQUIRE_TOOLS=1 (CI), where it fails.

mod harness;
use harness::*;

use std::process::Command;

/// A one-page PDF (Helvetica, WinAnsi) drawing a table and the given text runs, each `(x, y,
/// text)` in its own `BT … ET`, in the order given: the order a word processor writes a table,
/// cell by cell, a wrapped cell's two lines one after the other.
fn table_pdf(runs: &[(u32, u32, &str)]) -> Vec<u8> {
    let mut ops = String::from("0.5 w\n");
    for (x1, y1, x2, y2) in [
        (40, 580, 520, 580),
        (40, 560, 520, 560),
        (40, 500, 520, 500),
        (40, 500, 40, 580),
        (200, 500, 200, 580),
        (300, 500, 300, 580),
        (520, 500, 520, 580),
    ] {
        ops.push_str(&format!("{x1} {y1} m {x2} {y2} l S\n"));
    }
    for (x, y, t) in runs {
        let t = t
            .replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)");
        ops.push_str(&format!("BT /F1 10 Tf {x} {y} Td ({t}) Tj ET\n"));
    }
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
         /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{ops}\nendstream", ops.len() + 1),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn pdftotext(path: &std::path::Path) -> Option<String> {
    if !have("pdftotext") {
        if std::env::var("GRONDSLAG_REQUIRE_TOOLS").as_deref() == Ok("1") {
            panic!("pdftotext missing and GRONDSLAG_REQUIRE_TOOLS=1");
        }
        eprintln!("skipped: pdftotext missing");
        return None;
    }
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(out.status.success(), "pdftotext failed");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Text without any whitespace: a value broken over lines is whole again.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn values_wrapped_in_table_cells_are_found_and_removed() {
    let d = Dir::new();
    let pdf = d.write(
        "tabel.pdf",
        table_pdf(&[
            (45, 568, "Naam"),
            (205, 568, "Telefoon"),
            (305, 568, "E-mail"),
            (45, 545, "Lotte Dekker"),
            (205, 545, "06-1234"),
            (205, 533, "5678"),
            (305, 545, "(l.dekker@buurt-"),
            (305, 533, "huis-oost.nl)"),
            (45, 520, "Pieter"),
            (45, 508, "Postma"),
            (45, 470, "Gemeente Voorbeeldstad"),
        ]),
    );
    let rows: Vec<serde_json::Value> = d
        .ok("t", &["detect", "--format", "jsonl", pdf.to_str().unwrap()])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let text = d.ok("t", &["extract", pdf.to_str().unwrap()]);
    let found = |kind: &str, value: &str| {
        rows.iter().any(|r| {
            r["kind"] == kind
                && r["text"]
                    .as_str()
                    .is_some_and(|t| t.contains('\n') && squeezed(t) == value && text.contains(t))
        })
    };
    assert!(found("email", "l.dekker@buurt-huis-oost.nl"), "{rows:?}");
    assert!(found("phone", "06-12345678"), "{rows:?}");
    assert!(found("person", "PieterPostma"), "{rows:?}");

    let out = d.path("tabel-gelakt.pdf");
    d.ok(
        "t",
        &[
            "redact",
            pdf.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let Some(after) = pdftotext(&out) else {
        return;
    };
    let flat = squeezed(&after);
    for part in [
        "l.dekker@buurt-",
        "huis-oost.nl",
        "06-1234",
        "5678",
        "Pieter",
        "Postma",
        "LotteDekker",
    ] {
        assert!(!flat.contains(part), "{part} survived redaction:\n{after}");
    }
    // The cell's neutral text and the brackets around the address stay.
    assert!(flat.contains("GemeenteVoorbeeldstad"), "{after}");
    assert!(
        flat.contains("Telefoon") && flat.contains("E-mail"),
        "{after}"
    );
}

#[test]
fn wrapped_values_in_plain_text_are_redacted_whole() {
    let d = Dir::new();
    let f = d.write(
        "notitie.txt",
        "Contact: Lotte Dekker, l.dekker@buurt-\nhuis-oost.nl, tel. 06-1234\n5678.\n",
    );
    let out = d.path("notitie-gelakt.txt");
    d.ok(
        "t",
        &[
            "redact",
            f.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let after = std::fs::read_to_string(&out).unwrap();
    for part in ["buurt", "oost.nl", "1234", "5678", "Dekker"] {
        assert!(!after.contains(part), "{part} survived:\n{after}");
    }
}
