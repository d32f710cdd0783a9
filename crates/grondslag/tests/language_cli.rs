//! Issue 15, item 6 from the outside: in Dutch mode no message of the English catalogue is
//! printed, and in English mode none of the Dutch one. The same everyday session — and its
//! everyday mistakes — runs in both languages through the real binary; every line it prints,
//! on stdout and stderr, is held against the other language's catalogue.

mod harness;
use harness::*;

use grondslag_i18n::{ids, message, Lang};

/// The fixed text of every message of `lang` that the other language does not share: the parts
/// between placeables, at least eight characters and one word of four letters.
fn fragments(lang: Lang, other: Lang) -> Vec<(String, String)> {
    let others: Vec<String> = ids(other)
        .iter()
        .map(|id| message(other, id, &[]))
        .collect();
    let mut out = Vec::new();
    for id in ids(lang) {
        let text = message(lang, &id, &[]);
        for part in split_placeables(&text) {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            let has_word = part
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.chars().count() >= 4);
            if part.chars().count() < 8 || !has_word {
                continue;
            }
            if others.iter().any(|o| o.contains(part)) {
                continue;
            }
            out.push((id.clone(), part.to_string()));
        }
    }
    out
}

/// `text` cut at every `{…}` (an argument left unfilled renders as `{$name}`).
fn split_placeables(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        parts.push(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                rest = "";
                break;
            }
        }
    }
    parts.push(rest);
    parts
}

const LETTER: &str = "Gemeente Zwolle\n\nBetreft: uw aanvraag\n\nGeachte heer Jorrit Wiersma,\n\n\
Op 3 maart 2024 ontvingen wij uw brief. U woont aan de Kerkstraat 12, 8011 AB Zwolle en \
bent bereikbaar op 06-12345678 en j.wiersma@voorbeeld.nl.\n\nMet vriendelijke groet,\n\nEsmee Hulshof\n";
const NOTE: &str =
    "Notitie\n\nMevrouw Greetje Zandbergen (geboren 12-05-1961) heeft diabetes type 2 \
en bezoekt wekelijks de moskee. Zij sprak met Jorrit Wiersma.\n";

/// One session in `lang`: what a privacy officer does on a first day, mistakes included. Every
/// line of output, with the command that printed it.
fn session(lang: &str) -> Vec<(String, String)> {
    let d = Dir::new();
    d.write("share/brief.txt", LETTER);
    d.write("share/notitie.md", NOTE);
    d.write(
        "share/kapot.pdf",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nxref\n",
    );
    d.write(
        "share/leeg.docx",
        b"PK\x03\x04 dit is geen echt docx-bestand",
    );
    let share = d.path("share");
    let share = share.to_str().unwrap();
    let out = d.path("uit.txt").to_str().unwrap().to_string();
    let steps: Vec<Vec<&str>> = vec![
        vec!["scan", share],
        vec!["summary"],
        vec!["documents"],
        vec!["subjects"],
        vec!["subject", "show", "1"],
        vec!["document", "1"],
        vec!["document", "999"],
        vec![
            "hold",
            "add",
            "--document",
            "1",
            "--reason",
            "bezwaarprocedure",
            "--reference",
            "Z-2024-1",
        ],
        vec!["hold", "lift", "1", "--reason", "afgerond"],
        vec!["hold", "lift", "1", "--reason", "nogmaals"],
        vec![
            "redact",
            "--kinds",
            "persoon",
            "share/brief.txt",
            "--out",
            out.as_str(),
        ],
        vec!["restore", "/etc/passwd"],
        vec!["request", "show", "42"],
        vec!["requests"],
        vec![
            "window",
            "--opens",
            "2024-03-01",
            "--closes",
            "2024-02-01",
            "--tag",
            "INZAGE",
        ],
        vec![
            "window",
            "--opens",
            "2024-13-01",
            "--closes",
            "2024-02-01",
            "--tag",
            "INZAGE",
        ],
        vec!["audit", "verify"],
        vec!["audit", "show"],
        vec!["destroy", "certificate", "7"],
        vec!["report"],
        vec![
            "woo-list",
            "--context",
            "besluit-1",
            "--out",
            "lijst.pdf",
            "1",
        ],
        vec![
            "woo-list",
            "--context",
            "besluit-1",
            "--out",
            "lijst.xlsx",
            "999",
        ],
        vec!["org", "show"],
        vec!["documnets"],
        vec!["scan"],
        vec!["summary", "--bogus"],
        vec![
            "assess",
            "1",
            "--disposition",
            "verbranden",
            "--reason",
            "x",
        ],
    ];
    let mut lines = Vec::new();
    for mut args in steps {
        args.extend(["--lang", lang]);
        let out = d.run("fg", &args);
        assert!(
            out.status.code().is_some_and(|c| c < 100),
            "{args:?} crashed: {}",
            stderr(&out)
        );
        for stream in [&out.stdout, &out.stderr] {
            for line in String::from_utf8_lossy(stream).lines() {
                lines.push((args.join(" "), line.to_string()));
            }
        }
    }
    lines
}

fn assert_no_message_of(lang: &str, other: Lang, this: Lang) {
    let frags = fragments(other, this);
    assert!(frags.len() > 100, "too few fragments: {}", frags.len());
    let lines = session(lang);
    assert!(lines.len() > 20, "the session printed little: {lines:?}");
    let mut bad = Vec::new();
    for (cmd, line) in &lines {
        for (id, frag) in &frags {
            if line.contains(frag.as_str()) {
                bad.push(format!("`{cmd}` printed {id} ({frag:?}): {line}"));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "--lang {lang} printed messages of the other language:\n{}",
        bad.join("\n")
    );
}

#[test]
fn dutch_mode_prints_no_english_message() {
    assert_no_message_of("nl", Lang::En, Lang::Nl);
}

#[test]
fn english_mode_prints_no_dutch_message() {
    assert_no_message_of("en", Lang::Nl, Lang::En);
}

/// Words that only an English sentence has (not "was", which Dutch has too), for text that is not (yet) in the catalogue: a
/// library's own error, an argument parser's, a hard-coded line.
#[test]
fn dutch_mode_prints_no_english_sentence() {
    const ENGLISH: &[&str] = &[
        " the ",
        " same ",
        " next to ",
        " as written",
        " does not ",
        " already ",
        " must ",
        " cannot ",
        " expected ",
        " invalid ",
        " failed",
        " not found",
        " found ",
    ];
    let mut bad = Vec::new();
    for (cmd, line) in session("nl") {
        // A format library's own words are shown, labelled, after the sentence.
        let sentence = line
            .split("(technische melding:")
            .next()
            .unwrap_or_default();
        let lower = format!(" {} ", sentence.to_lowercase());
        if let Some(w) = ENGLISH.iter().find(|w| lower.contains(*w)) {
            bad.push(format!("`{cmd}` ({w:?}): {line}"));
        }
    }
    assert!(bad.is_empty(), "English in Dutch mode:\n{}", bad.join("\n"));
}
