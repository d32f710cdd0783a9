//! The `extract` and `detect` contracts, driven through the real binary.

mod harness;
use harness::*;

const TEXT: &str = "Verslag gesprek 4 maart 2024\n\nAanwezig: Jorien ter Horst (gemeente), Yusuf Karadağ en mw. L.M. Oosterbeek.\n\
Karadağ woont in Tiel en is bereikbaar via y.karadag@voorbeeld.nl of 06-12345678.\n\
Hij is geboren op 3 mei 1979. Rekening NL02ABNA0123456789.\n";

#[test]
fn extract_prints_utf8_text_byte_for_byte() {
    let d = Dir::new();
    let f = d.write("a.txt", TEXT);
    assert_eq!(d.ok("t", &["extract", f.to_str().unwrap()]), TEXT);
    let bom = d.write("bom.txt", "\u{feff}Tekst\r\nmet CRLF\r\n");
    assert_eq!(
        d.ok("t", &["extract", bom.to_str().unwrap()]).as_bytes(),
        std::fs::read(&bom).unwrap()
    );
}

#[test]
fn detect_jsonl_offsets_order_and_kinds() {
    let d = Dir::new();
    let f = d.write("a.txt", TEXT);
    let out = d.ok("t", &["detect", "--format", "jsonl", f.to_str().unwrap()]);
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!rows.is_empty());
    let mut last = 0;
    for r in &rows {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &TEXT.as_bytes()[s..e],
            r["text"].as_str().unwrap().as_bytes()
        );
        assert!(s >= last, "ascending start");
        last = s;
        assert_eq!(r["file"], f.to_str().unwrap());
        let score = r["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
        assert!(r["rule"].as_str().is_some_and(|x| !x.is_empty()));
    }
    let found =
        |kind: &str, text: &str| rows.iter().any(|r| r["kind"] == kind && r["text"] == text);
    assert!(found("person", "Jorien ter Horst"), "{out}");
    assert!(found("person", "Yusuf Karadağ"), "{out}");
    assert!(found("person", "L.M. Oosterbeek"), "{out}");
    assert!(found("email", "y.karadag@voorbeeld.nl"), "{out}");
    assert!(found("phone", "06-12345678"), "{out}");
    assert!(found("iban", "NL02ABNA0123456789"), "{out}");
    assert!(found("place", "Tiel"), "{out}");
    assert!(found("birthdate", "3 mei 1979"), "{out}");
}

#[test]
fn detect_bad_files_are_named_and_the_rest_processed() {
    let d = Dir::new();
    let good = d.write("a.txt", TEXT);
    let pdf = d.write("kapot.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog");
    let dir = d.path("map");
    std::fs::create_dir_all(&dir).unwrap();
    let missing = d.path("weg.txt");
    let binary = d.write("bin.txt", [0u8, 159, 146, 150, 0, 1, 2]);
    let empty = d.write("leeg.txt", "");
    let out = d.run(
        "t",
        &[
            "detect",
            "--format",
            "jsonl",
            pdf.to_str().unwrap(),
            dir.to_str().unwrap(),
            missing.to_str().unwrap(),
            binary.to_str().unwrap(),
            empty.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for bad in [&pdf, &dir, &missing, &binary] {
        assert!(
            err.contains(bad.to_str().unwrap()),
            "stderr names {}: {err}",
            bad.display()
        );
    }
    assert!(
        !err.contains("leeg.txt"),
        "an empty file is not an error: {err}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.lines().count() >= 5,
        "the good file is still processed"
    );
}

#[test]
fn detect_legacy_encoding_is_decoded_with_a_warning() {
    let d = Dir::new();
    // "Café De Vries" in windows-1252
    let f = d.write(
        "oud.txt",
        b"Gesprek met mevrouw Jo\xebl de Vries in het caf\xe9.\n",
    );
    let out = d.run("t", &["detect", "--format", "jsonl", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("oud.txt"));
}

#[test]
fn a_several_megabyte_legacy_encoded_text_is_decoded_and_detected_in_pieces() {
    let d = Dir::new();
    // ~6 MB in windows-1252 (above the in-memory piece size, below the streaming size), with
    // a finding at the very end: decoded with a warning, offsets into the decoded text.
    let mut bytes =
        b"Het caf\xe9 aan de markt is vandaag gesloten wegens onderhoud.\n".repeat(100_000);
    let before = String::from_utf8_lossy(&bytes)
        .replace('\u{fffd}', "\u{e9}")
        .len();
    bytes.extend_from_slice(b"Contact: y.karadag@voorbeeld.nl\n");
    let f = d.write("oud-groot.txt", &bytes);
    let out = d.run("t", &["detect", "--format", "jsonl", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("oud-groot.txt"),
        "a warning names the file"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let row: serde_json::Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    assert_eq!(row["kind"], "email");
    assert_eq!(
        row["start"].as_u64().unwrap() as usize,
        before + "Contact: ".len()
    );
}

#[test]
fn detect_human_output_without_terminal_has_no_colour_codes() {
    let d = Dir::new();
    let f = d.write("a.txt", TEXT);
    let out = d.ok("t", &["detect", f.to_str().unwrap()]);
    assert!(out.contains("person"));
    assert!(!out.contains('\x1b'));
}

#[test]
fn a_huge_sparse_file_gets_a_clear_message_and_the_rest_is_processed() {
    let d = Dir::new();
    let big = d.path("groot.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(2 * 1024 * 1024 * 1024).unwrap(); // 2 GiB, sparse: NUL bytes
    let good = d.write("a.txt", TEXT);
    let out = d.run(
        "t",
        &[
            "detect",
            "--format",
            "jsonl",
            big.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("groot.txt"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("y.karadag@voorbeeld.nl"));
}

#[test]
fn a_large_text_file_is_streamed_with_offsets_into_the_whole_file() {
    let d = Dir::new();
    // ~70 MB of text (above the streaming threshold) with a finding at the very end.
    let filler = "Dit is een gewone zin zonder persoonsgegevens over beleid en uitvoering.\n"
        .repeat(1_000_000);
    let tail = "Contact: y.karadag@voorbeeld.nl\n";
    let f = d.write("groot.txt", format!("{filler}{tail}"));
    let out = d.ok("t", &["detect", "--format", "jsonl", f.to_str().unwrap()]);
    let row: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    assert_eq!(row["kind"], "email");
    assert_eq!(
        row["start"].as_u64().unwrap() as usize,
        filler.len() + "Contact: ".len()
    );
}

/// Ordinary texts that once made the detector panic (issue 14, item 10): a line break inside a
/// special-category clause and a phrase typed twice. `detect` exits 0 and keeps the contract.
#[test]
fn detect_does_not_panic_on_a_broken_clause_or_a_repeated_phrase() {
    let d = Dir::new();
    let texts = [
        "uit Den Haag. Hij zou sindsdien een strikt salafistische\ngeloofsopvatting aanhangen en in de moskee lessen",
        "Hij is van Turkse afkomst van Turkse afkomst.",
    ];
    for (n, text) in texts.iter().enumerate() {
        let f = d.write(&format!("t{n}.txt"), text);
        let out = d.run("t", &["detect", "--format", "jsonl", f.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            let r: serde_json::Value = serde_json::from_str(line).unwrap();
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &text.as_bytes()[s..e],
                r["text"].as_str().unwrap().as_bytes()
            );
        }
    }
}

/// `redact` on HTML with a bare `&` before multi-byte text (issue 14, item 10): the entity
/// decoder once sliced inside a character and the panic message printed the document's text.
/// It exits 0, writes OUT, and says nothing of the text on stderr.
#[test]
fn redact_html_with_a_bare_ampersand_before_multibyte_text() {
    let d = Dir::new();
    for (n, html) in [
        "<p>Overleg & محمد عبد الله</p>",
        "<p>Overleg &amp; محمد عبد الله</p>",
        "<p title=\"a &محمد\">Jan &ë de Vries &#x1F600; &am€</p>",
    ]
    .iter()
    .enumerate()
    {
        let f = d.write(&format!("in{n}.html"), html);
        let out_path = d.path(&format!("out{n}.html"));
        let out = d.run(
            "t",
            &[
                "redact",
                f.to_str().unwrap(),
                "--out",
                out_path.to_str().unwrap(),
            ],
        );
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{err}");
        assert!(out_path.exists());
        assert!(!err.contains("محمد"), "document text on stderr: {err}");
    }
}
