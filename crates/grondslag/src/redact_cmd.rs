//! `grondslag redact FILE --out OUT`: one-shot redaction without a store, and the redactor the
//! destruction run uses for archived copies.
//!
//! The order is the invariant: extract → detect → redact → extract the output again → verify
//! that no redacted value survives → only then write OUT (atomically). Any failure leaves no OUT.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use grondslag_detect::Detector;
use grondslag_extract::{DocType, Limits};
use grondslag_redact::{Format, Grounds, Span};

use grondslag_i18n::tr;

use crate::cli::RedactArgs;
use crate::ui;

pub fn redact(args: RedactArgs) -> anyhow::Result<ExitCode> {
    // A kind that is not a kind (a typo) would redact nothing of it and still say "gelakt".
    if let Some(bad) = args
        .kinds
        .iter()
        .find(|k| grondslag_detect::Kind::parse(k).is_none())
    {
        let known: Vec<&str> = grondslag_detect::Kind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect();
        anyhow::bail!(tr!(
            "redact-unknown-kind",
            kind = ui::shown(bad),
            known = known.join(", ")
        ));
    }
    let file = &args.file;
    let bytes = std::fs::read(file)
        .map_err(|e| anyhow::anyhow!(crate::detect_cmd::io_reason(&e)))
        .with_context(|| file.display().to_string())?;
    let mut grounds = Grounds::woo_default();
    for g in &args.grounds {
        let (kind, ground) = g.split_once('=').ok_or_else(|| {
            anyhow::anyhow!("--ground {g}: {}", tr!("redact-expected-kind-ground"))
        })?;
        grounds.set(kind, ground);
    }
    let name = file.to_string_lossy();
    let redacted = redact_bytes(&name, &bytes, &grounds, &args.kinds, args.pseudonyms)
        .with_context(|| file.display().to_string())?;
    write_atomically(&args.out, &redacted).with_context(|| args.out.display().to_string())?;
    eprintln!("{} {}", tr!("redact-redacted-to"), args.out.display());
    Ok(ExitCode::SUCCESS)
}

/// The format to write, from what the extractor recognises.
pub fn format_of(name: &str, bytes: &[u8]) -> anyhow::Result<Format> {
    let head = &bytes[..bytes.len().min(8192)];
    Ok(match grondslag_extract::sniff(name, head) {
        DocType::Text | DocType::Markdown => Format::Text,
        DocType::Html => Format::Html,
        DocType::Mail => Format::Mail,
        DocType::Docx => Format::Docx,
        DocType::Odt => Format::Odt,
        DocType::Pdf => Format::Pdf,
        other => anyhow::bail!(
            "{} ({})",
            tr!("redact-redaction-of-this-format-is-not"),
            other.as_str()
        ),
    })
}

/// Detects, redacts and verifies; returns the redacted file's bytes.
pub fn redact_bytes(
    name: &str,
    bytes: &[u8],
    grounds: &Grounds,
    kinds: &[String],
    pseudonyms: bool,
) -> anyhow::Result<Vec<u8>> {
    // OCR stays off: the redactor removes text-layer values and paints images under their
    // boxes, and `Limits::default` would spawn tesseract just to ask whether it is installed.
    let limits = Limits::without_ocr();
    let format = format_of(name, bytes)?;
    let extracted = grondslag_extract::extract(name, bytes, &limits)?;
    let text = &extracted.text;
    let findings = Detector::new().detect(text);
    let mut names: HashMap<String, usize> = HashMap::new();
    let spans: Vec<Span> = findings
        .iter()
        .filter(|f| kinds.is_empty() || kinds.iter().any(|k| k == f.kind.as_str()))
        .map(|f| {
            let label = (pseudonyms && f.kind.as_str() == "person").then(|| {
                let key = text[f.start..f.end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                let next = names.len() + 1;
                format!("Persoon {}", *names.entry(key).or_insert(next))
            });
            Span {
                start: f.start,
                end: f.end,
                kind: f.kind.as_str().to_string(),
                label,
            }
        })
        .collect();
    let values: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
    let out = grondslag_redact::redact(format, bytes, text, &spans, grounds)?;
    let again = grondslag_extract::extract(name, &out, &limits)
        .context(tr!("redact-verification-redacted-output-unreadable"))?;
    if let Err(e) = grondslag_redact::verify(&again.text, &values) {
        return Err(match e {
            grondslag_redact::RedactError::VerificationFailed { value_index } => {
                let s = &spans[value_index.min(spans.len().saturating_sub(1))];
                anyhow::anyhow!(tr!(
                    "redact-value-still-present",
                    kind = s.kind.as_str(),
                    offset = s.start
                ))
            }
            other => other.into(),
        });
    }
    Ok(out)
}

/// Writes through a temporary file in the same folder and a rename, so OUT is whole or absent.
pub fn write_atomically(out: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(out)?;
    Ok(())
}

/// The redactor a destruction plan uses for `redact_and_archive`: every occurrence of every
/// finding's value removed, marked with its Woo ground, and verified. A value that is still
/// there is reported by kind and position, never by content.
pub fn archive_redactor(
    text: &str,
    findings: &[grondslag_store::FindingInfo],
) -> Result<String, grondslag_store::RedactFailure> {
    let spans: Vec<Span> = findings
        .iter()
        .map(|f| Span {
            start: f.start,
            end: f.end,
            kind: f.kind.clone(),
            label: None,
        })
        .collect();
    let redacted = grondslag_redact::redact_text(text, &spans, &Grounds::woo_default());
    let values: Vec<&str> = findings.iter().map(|f| f.value.as_str()).collect();
    match grondslag_redact::verify(&redacted, &values) {
        Ok(()) => Ok(redacted),
        Err(e) => {
            let f = match e {
                grondslag_redact::RedactError::VerificationFailed { value_index } => {
                    findings.get(value_index)
                }
                _ => None,
            };
            Err(grondslag_store::RedactFailure {
                kind: f.map_or_else(|| "?".to_string(), |f| f.kind.clone()),
                start: f.map_or(0, |f| f.start),
            })
        }
    }
}
