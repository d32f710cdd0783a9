//! What goes out the door, through the real binary and checked by independent tools: every
//! letter, the inspection package, the certificate of destruction and the accountability report
//! as PDF — `pdfinfo` (tagged), the XMP metadata (PDF/A identification), `qpdf --check`,
//! `pdftotext` (the Dutch sentences, in reading order) — and as HTML. A screenshot of each first
//! page is saved under the test output folder (`target/tmp/letters/`) for a person to look at.
//!
//! Needs poppler-utils and qpdf; without them the test prints "skipped: … missing" and passes,
//! unless GRONDSLAG_REQUIRE_TOOLS=1 (CI), where it fails.

mod harness;
use harness::*;

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine as _;

fn require(tool: &str) -> bool {
    if have(tool) {
        return true;
    }
    if std::env::var("GRONDSLAG_REQUIRE_TOOLS").as_deref() == Ok("1") {
        panic!("{tool} missing and GRONDSLAG_REQUIRE_TOOLS=1");
    }
    eprintln!("skipped: {tool} missing");
    false
}

fn tool(cmd: &str, args: &[&str], file: &Path) -> (bool, String) {
    let out = Command::new(cmd)
        .args(args)
        .arg(file)
        .output()
        .expect("run tool");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn shots_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("letters");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Checks a PDF the way an archive and a screen reader would, returns its text in reading
/// order, and saves a screenshot of its first page as `<name>-1.png`.
fn check_pdf(pdf: &Path, name: &str, lang: &str) -> String {
    let (ok, info) = tool("pdfinfo", &[], pdf);
    assert!(ok, "pdfinfo failed on {name}");
    assert!(
        info.contains("Tagged:          yes"),
        "{name} not tagged:\n{info}"
    );
    let (_, meta) = tool("pdfinfo", &["-meta"], pdf);
    assert!(
        meta.contains("<pdfaid:part>2</pdfaid:part>"),
        "{name}: no PDF/A-2 identification in the XMP metadata"
    );
    assert!(
        meta.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "{name}: no PDF/UA identification"
    );
    assert!(
        meta.contains(&format!("<rdf:li>{lang}</rdf:li>")),
        "{name}: language {lang} not declared"
    );
    let (ok, check) = tool("qpdf", &["--check"], pdf);
    assert!(ok, "qpdf --check failed on {name}:\n{check}");
    let (ok, text) = tool("pdftotext", &["-enc", "UTF-8"], &pdf.with_extension("pdf"));
    let _ = ok;
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext failed on {name}");
    let _ = text;
    let shot = shots_dir().join(name);
    let png = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg(&shot)
        .status()
        .unwrap();
    assert!(png.success(), "pdftoppm failed on {name}");
    // One paragraph per line: pdftotext breaks lines where the PDF does.
    String::from_utf8_lossy(&out.stdout).replace('\n', " ")
}

/// Each of `sentences` occurs in `text`, in this order.
fn in_order(text: &str, sentences: &[&str], what: &str) {
    let mut at = 0;
    for s in sentences {
        match text[at..].find(s) {
            Some(i) => at += i + s.len(),
            None => panic!("{what}: {s:?} missing or out of order in\n{text}"),
        }
    }
}

fn mail(d: &Dir, name: &str, body: &str) {
    d.write(&format!("Maildir/new/{name}"), body);
    std::fs::create_dir_all(d.path("Maildir/cur")).unwrap();
    std::fs::create_dir_all(d.path("Maildir/tmp")).unwrap();
}

const LOGO: &str =
    "iVBORw0KGgoAAAANSUhEUgAAABgAAAAICAIAAABsw6g0AAAAFElEQVR4nGMQsamgCmIYNWgkGwQA2T6WAVqvVvIAAAAASUVORK5CYII=";

#[test]
fn letters_certificates_and_reports_go_out_the_door() {
    if !["pdfinfo", "pdftotext", "pdftoppm", "qpdf"]
        .iter()
        .all(|t| require(t))
    {
        return;
    }
    let d = Dir::new();
    d.write(
        "holding/verslag.txt",
        "Verslag overleg 4 maart 2019\n\nAanwezig: Jorien ter Horst, Sevda Yıldırım en Karim Bouzidi.\n\
         Sevda Yıldırım woont in Tiel. Karim Bouzidi is bereikbaar via k.bouzidi@voorbeeld.nl.\n",
    );
    d.write(
        "holding/profiel-bouzidi.txt",
        "Profiel\n\nKarim Bouzidi is imam en onderhoudt contact met Sevda Yıldırım.\n",
    );
    d.ok("a", &["scan", "holding"]);
    // Without an organisation nothing goes out: the letter needs a sender.
    let logo = d.write(
        "logo.png",
        base64::engine::general_purpose::STANDARD
            .decode(LOGO)
            .unwrap(),
    );
    d.ok(
        "a",
        &[
            "org",
            "set",
            "--name",
            "Gemeente Rivierstad",
            "--address",
            "Postbus 100, 4000 AA Rivierstad",
            "--signatory",
            "drs. W.M. Veldkamp, directeur Dienstverlening",
            "--contact",
            "privacy@rivierstad.example",
            "--fg-contact",
            "fg@rivierstad.example",
            "--objection-address",
            "Postbus 200, 4000 AB Rivierstad",
            "--purpose",
            "De gegevens staan in analyses van maatschappelijke organisaties die in opdracht van de gemeente zijn gemaakt.",
            "--logo",
            logo.to_str().unwrap(),
        ],
    );
    let org = d.json("a", &["org", "show", "--json"]);
    assert_eq!(org["name"], "Gemeente Rivierstad");
    assert_eq!(
        org["signatory"],
        "drs. W.M. Veldkamp, directeur Dienstverlening"
    );
    assert_eq!(org["contact"], "privacy@rivierstad.example");
    assert_eq!(org["address"], "Postbus 100, 4000 AA Rivierstad");

    d.open_window("2024-01-01", "2024-03-31", "inzage-rs");
    mail(
        &d,
        "1.M1.host",
        "From: Sevda =?UTF-8?B?WcSxbGTEsXLEsW0=?= <sevda.y@voorbeeld.nl>\nSubject: INZAGE-RS\n\
         Date: Sat, 2 Mar 2024 11:00:00 +0100\nMessage-ID: <s1@voorbeeld.nl>\n\n\
         Graag inzage. Sevda Yıldırım\n",
    );
    mail(
        &d,
        "2.M2.host",
        "From: Karim Bouzidi <k.bouzidi@voorbeeld.nl>\nSubject: inzage-rs\n\
         Date: Mon, 4 Mar 2024 09:00:00 +0100\nMessage-ID: <k2@voorbeeld.nl>\n\nGraag inzage. Karim Bouzidi\n",
    );
    d.ok(
        "a",
        &["requests", "import", d.path("Maildir").to_str().unwrap()],
    );
    let rq = d.json("a", &["requests", "--json"]);
    let id_of = |date: &str| {
        rq.as_array()
            .unwrap()
            .iter()
            .find(|r| r["received"] == date)
            .unwrap()["id"]
            .to_string()
    };
    let (sevda, karim) = (id_of("2024-03-02"), id_of("2024-03-04"));
    let cands = d.json("a", &["request", "search", &sevda, "--json"]);
    let subject = cands[0]["subject"].to_string();
    d.ok(
        "a",
        &[
            "request",
            "confirm",
            &sevda,
            &subject,
            "--identity",
            "legitimatie",
        ],
    );

    // The answer: a decision under the Awb, from the organisation, dated in words.
    let out = d.path("antwoord");
    d.ok(
        "a",
        &["request", "answer", &sevda, "--out", out.to_str().unwrap()],
    );
    let besluit = check_pdf(&out.join("besluit.pdf"), "besluit", "nl");
    in_order(
        &besluit,
        &[
            "Gemeente Rivierstad",
            "Postbus 100",
            "Sevda Yıldırım",
            "Kenmerk",
            "inzageverzoek",
            "Besluit op uw verzoek om inzage",
            "Geachte Sevda Yıldırım,",
            "Op 2 maart 2024 hebben wij uw verzoek ontvangen",
            "Ons besluit",
            "Wij willigen uw verzoek in.",
            "Welke gegevens wij over u verwerken",
            "uw naam",
            "Waarom wij deze gegevens verwerken",
            "analyses van maatschappelijke organisaties",
            "Aan wie wij de gegevens hebben verstrekt",
            "Hoe lang wij de gegevens bewaren",
            "Waar de gegevens vandaan komen",
            "Uw rechten",
            "artikel 16 AVG",
            "artikel 17 AVG",
            "artikel 18 AVG",
            "artikel 21 AVG",
            "Bezwaar maken",
            "binnen zes weken",
            "Postbus 200",
            "Klacht bij de Autoriteit Persoonsgegevens",
            "fg@rivierstad.example",
            "namens Gemeente Rivierstad",
            "drs. W.M. Veldkamp, directeur Dienstverlening",
        ],
        "besluit.pdf",
    );
    for gone in [
        "het ministerie",
        "opdrachtgevende gemeenten",
        "2015-2020",
        "Op 2024-",
    ] {
        assert!(!besluit.contains(gone), "besluit.pdf still says {gone:?}");
    }
    let html = std::fs::read_to_string(out.join("besluit.html")).unwrap();
    assert!(html.contains("<html lang=\"nl\">") && html.contains("src=\"data:image"));
    let inzage = check_pdf(&out.join("inzage.pdf"), "inzage", "nl");
    in_order(
        &inzage,
        &["Inzagepakket", "Inhoud", "Yıldırım"],
        "inzage.pdf",
    );
    for other in ["Bouzidi", "ter Horst", "k.bouzidi@voorbeeld.nl"] {
        assert!(
            !inzage.contains(other),
            "{other} not redacted in inzage.pdf"
        );
    }

    // The extension (art. 12(3)) and the refusal (art. 12(4), Awb).
    let ext = d.path("verlenging.pdf");
    d.ok(
        "a",
        &[
            "request",
            "extend",
            &karim,
            "--reason",
            "Wij moeten veel documenten doorzoeken.",
            "--months",
            "2",
            "--letter",
            ext.to_str().unwrap(),
        ],
    );
    let text = check_pdf(&ext, "verlenging", "nl");
    in_order(
        &text,
        &[
            "Verlenging van de termijn",
            "Op 4 maart 2024 hebben wij uw verzoek",
            "uiterlijk op 4 april 2024",
            "Wij moeten veel documenten doorzoeken.",
            "artikel 12, derde lid, AVG",
            "uiterlijk op 4 juni 2024",
            "Autoriteit Persoonsgegevens",
            "drs. W.M. Veldkamp",
        ],
        "verlenging.pdf",
    );
    let refusal = d.path("afwijzing.pdf");
    d.ok(
        "a",
        &[
            "request",
            "refuse",
            &karim,
            "--reason",
            "Uw identiteit kon niet worden vastgesteld.",
            "--letter",
            refusal.to_str().unwrap(),
        ],
    );
    let text = check_pdf(&refusal, "afwijzing", "nl");
    in_order(
        &text,
        &[
            "afwijzing",
            "Uw identiteit kon niet worden vastgesteld.",
            "binnen zes weken",
            "Postbus 200",
            "Autoriteit Persoonsgegevens",
        ],
        "afwijzing.pdf",
    );

    // The informing letter (art. 14) with the window's dates and the mailbox.
    let brief = d.path("informatie.pdf");
    d.ok(
        "a",
        &[
            "inform",
            &subject,
            "--yes",
            "--letter",
            brief.to_str().unwrap(),
        ],
    );
    let text = check_pdf(&brief, "informatie", "nl");
    in_order(
        &text,
        &[
            "Informatie over de verwerking van uw persoonsgegevens",
            "artikel 14",
            "geen wettelijke grondslag",
            "Van 1 januari 2024 tot en met 31 maart 2024",
            "privacy@rivierstad.example",
            "inzage-rs",
            "Autoriteit Persoonsgegevens",
            "fg@rivierstad.example",
        ],
        "informatie.pdf",
    );

    // A destruction run and its certificate: HTML and PDF, Dutch and English.
    let docs = d.json("a", &["documents", "--json"]);
    let doc_id = |name: &str| {
        docs.as_array()
            .unwrap()
            .iter()
            .find(|x| x["path"].as_str().unwrap().ends_with(name))
            .unwrap()["id"]
            .to_string()
    };
    let (verslag, profiel) = (doc_id("verslag.txt"), doc_id("profiel-bouzidi.txt"));
    d.assess("a", "destroy", "profiel van Karim Bouzidi", &[&profiel]);
    d.ok(
        "a",
        &[
            "assess",
            "--disposition",
            "redact_and_archive",
            "--category",
            "1.1.2",
            "--retention-years",
            "10",
            "--reason",
            "verslag met bredere strekking",
            &verslag,
        ],
    );
    let plan = d.json("a", &["destroy", "plan", "--json"]);
    let run = plan["id"].to_string();
    d.ok("b", &["destroy", "approve", &run]);
    d.ok("c", &["destroy", "approve", &run]);
    d.ok("a", &["destroy", "execute", &run]);
    let (html, pdf) = (d.path("verklaring.html"), d.path("verklaring.pdf"));
    d.ok(
        "a",
        &[
            "destroy",
            "certificate",
            &run,
            "--html",
            html.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<html lang=\"nl\">"));
    // The originals on the share were not deleted by this run: the certificate says they must be.
    assert!(
        page.contains("De originelen bij de bron") && page.contains("dat moet nog gebeuren"),
        "{page}"
    );
    assert!(page.contains("<title>Verklaring van vernietiging</title>"));
    let text = check_pdf(&pdf, "verklaring", "nl");
    in_order(
        &text,
        &[
            "Verklaring van vernietiging",
            "Gemeente Rivierstad verklaart",
            "artikel 8 van het Archiefbesluit 1995",
            "1e goedkeuring",
            "b,",
            "2e goedkeuring",
            "c,",
            "Grondslag",
            "artikel 17, eerste lid, onder d",
            "Besluiten",
            "profiel van [5.1.2e]",
            "1.1.2, 10 jaar",
            "per categorie",
            "Documenten",
            "tekstbestand",
            "Wijze van vernietiging",
            "crypto-shredding",
            "Controlecode:",
            "drs. W.M. Veldkamp",
        ],
        "verklaring.pdf",
    );
    for name in ["Bouzidi", "Yıldırım", "ter Horst", "voorbeeld.nl"] {
        assert!(
            !page.contains(name) && !text.contains(name),
            "certificate names {name}"
        );
    }
    // The verification code is the start of the hash of the audit entry of the execution.
    let entries = d.json("a", &["audit", "show", "--json"]);
    let executed = entries
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "destruction executed" && e["object"] == format!("run {run}"))
        .expect("the execution is in the audit log");
    let code = format!(
        "{}-{}",
        executed["entry"],
        executed["hash"].as_str().unwrap().as_bytes()[..16]
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).to_uppercase())
            .collect::<Vec<_>>()
            .join("-")
    );
    assert!(page.contains(&code), "code {code} not in the certificate");
    let en = d.path("certificate-en.html");
    Command::new(env!("CARGO_BIN_EXE_grondslag"))
        .args([
            "--lang",
            "en",
            "destroy",
            "certificate",
            &run,
            "--html",
            en.to_str().unwrap(),
        ])
        .env("GRONDSLAG_USER", "a")
        .env("GRONDSLAG_HOME", d.home())
        .output()
        .unwrap();
    let page = std::fs::read_to_string(&en).unwrap();
    assert!(
        page.contains("<html lang=\"en\">")
            && page.contains("<title>Certificate of destruction</title>")
    );

    // The accountability report.
    let (rhtml, rpdf) = (d.path("verantwoording.html"), d.path("verantwoording.pdf"));
    d.ok(
        "a",
        &[
            "report",
            "--html",
            rhtml.to_str().unwrap(),
            "--pdf",
            rpdf.to_str().unwrap(),
        ],
    );
    let text = check_pdf(&rpdf, "verantwoording", "nl");
    in_order(
        &text,
        &[
            "Verantwoording",
            "Documenten",
            "Vernietiging",
            &code,
            "Inzageverzoeken",
            "Informeren van betrokkenen",
            "drs. W.M. Veldkamp",
        ],
        "verantwoording.pdf",
    );
    for name in ["Bouzidi", "Yıldırım", "ter Horst"] {
        assert!(!text.contains(name), "report names {name}");
    }

    // An organisation adapts a template; the next letter uses it.
    d.ok("a", &["letters", "export"]);
    let own = d.home().join("templates/nl/informing.html");
    let adapted = std::fs::read_to_string(&own).unwrap().replace(
        "Met deze brief laten wij u weten",
        "Het college laat u met deze brief weten",
    );
    std::fs::write(&own, adapted).unwrap();
    assert!(d
        .ok("a", &["letters", "list"])
        .contains("nl/informing.html"));
    let again = d.path("informatie-eigen.pdf");
    d.ok(
        "a",
        &[
            "inform",
            &subject,
            "--yes",
            "--letter",
            again.to_str().unwrap(),
        ],
    );
    let text = check_pdf(&again, "informatie-eigen", "nl");
    assert!(
        text.contains("Het college laat u met deze brief weten"),
        "{text}"
    );
    // A broken template is reported by name, and nothing is written or recorded.
    std::fs::write(&own, "<html lang=\"nl\"><body><p>kapot</body></html>").unwrap();
    let broken = d.path("kapot.pdf");
    let before = d.json("a", &["report", "--json"])["informing"].clone();
    let out = d.run(
        "a",
        &[
            "inform",
            &subject,
            "--yes",
            "--letter",
            broken.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("nl/informing.html"),
        "{}",
        stderr(&out)
    );
    assert!(!broken.exists());
    assert_eq!(d.json("a", &["report", "--json"])["informing"], before);
    d.ok("a", &["audit", "verify"]);
}

#[test]
fn no_letter_without_an_organisation() {
    let d = Dir::new();
    d.write(
        "holding/a.txt",
        "Gesprek met Jorien ter Horst over de begroting.\n",
    );
    d.ok("a", &["scan", "holding"]);
    let subjects = d.json("a", &["subjects", "--json"]);
    let subject = subjects[0]["id"].to_string();
    let letter = d.path("brief.pdf");
    let out = d.run(
        "a",
        &[
            "inform",
            &subject,
            "--yes",
            "--letter",
            letter.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("org set"), "{}", stderr(&out));
    assert!(!letter.exists());
    let report = d.json("a", &["report", "--json"]);
    assert_eq!(
        report["informing"]["inform"], 0,
        "nothing recorded: {report}"
    );
    let out = d.run("a", &["org", "show", "--json"]);
    assert!(!out.status.success());
    let out = d.run(
        "a",
        &[
            "org",
            "set",
            "--name",
            " ",
            "--address",
            "x",
            "--signatory",
            "y",
            "--contact",
            "z",
        ],
    );
    assert!(!out.status.success(), "an empty name is refused");
}
