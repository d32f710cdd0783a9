//! Small things every command shares: message language, colours, the acting user, JSON output.

use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::cli::{Lang, StoreArgs};

static ENGLISH: AtomicBool = AtomicBool::new(false);

/// A score or confidence as every output shows it: rounded to thousandths.
pub fn thousandths(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

pub fn set_lang(lang: Lang) {
    ENGLISH.store(lang == Lang::En, Ordering::Relaxed);
    grondslag_i18n::set_lang(match lang {
        Lang::Nl => grondslag_i18n::Lang::Nl,
        Lang::En => grondslag_i18n::Lang::En,
    });
}

/// The acting user as named: `--user`, then `$GRONDSLAG_USER` (both through clap), then the
/// operating-system user (`$USER`, `$LOGNAME`, `$USERNAME`). `None` when nothing names one.
pub fn named_user(args: &StoreArgs) -> Option<String> {
    if let Some(u) = args.user.as_deref().filter(|u| !u.trim().is_empty()) {
        return Some(u.to_string());
    }
    ["USER", "LOGNAME", "USERNAME"]
        .into_iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|u| !u.trim().is_empty())
}

/// The acting user for commands that anyone may run: as named, else the process's numeric
/// user id ("uid 1000"), which the audit log can still be traced back to.
pub fn user(args: &StoreArgs) -> String {
    named_user(args).unwrap_or_else(|| {
        let uid = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("Uid:"))
                    .and_then(|l| l.split_whitespace().next().map(str::to_string))
            })
            .unwrap_or_else(|| "?".to_string());
        format!("uid {uid}")
    })
}

pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

/// Prints a value as pretty JSON on stdout.
pub fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// ANSI colour for a finding kind, used only on a terminal.
pub fn kind_colour(kind: &str) -> &'static str {
    match kind {
        "person" => "\x1b[1;31m",
        "email" | "phone" | "bsn" | "iban" | "ip_address" | "licence_plate" => "\x1b[1;35m",
        "address" | "postcode" | "place" => "\x1b[1;33m",
        "birthdate" => "\x1b[1;36m",
        _ => "\x1b[1;34m",
    }
}

/// A stored code word (an audit action, a request status, the noun of an audit object) in the
/// chosen language: the catalogue's `PREFIX-CODE` (spaces, dots and underscores as hyphens)
/// where it has one, else the code itself. The store keeps the codes (they are signed in the
/// audit log and stable in JSON); only the human-readable tables translate them.
pub fn label(prefix: &str, code: &str) -> String {
    label_in(grondslag_i18n::lang(), prefix, code)
}

/// [`label`] in `lang`.
fn label_in(lang: grondslag_i18n::Lang, prefix: &str, code: &str) -> String {
    let id = format!("{prefix}-{}", code.replace([' ', '.', '_'], "-"));
    let text = grondslag_i18n::message(lang, &id, &[]);
    if text == id {
        code.to_string()
    } else {
        text
    }
}

/// The resolver's evidence (codes with arguments, `grondslag_subjects::why`) in the chosen
/// language, reasons separated by "; ". Evidence an earlier version stored as plain text is
/// shown as it is.
pub fn evidence(text: &str) -> String {
    evidence_in(grondslag_i18n::lang(), text)
}

fn evidence_in(lang: grondslag_i18n::Lang, text: &str) -> String {
    use grondslag_i18n::{message, Arg};
    let Some(reasons) = grondslag_subjects::why::reasons(text) else {
        return text.to_string();
    };
    reasons
        .into_iter()
        .map(|(code, args)| {
            let args: Vec<(&str, Arg)> = args
                .into_iter()
                .map(|(name, value)| {
                    let value = if name == "kind" {
                        label_in(lang, "why-kind", value)
                    } else {
                        value.to_string()
                    };
                    (name, Arg::Str(value.into()))
                })
                .collect();
            message(lang, &format!("why-{code}"), &args)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// An audit object ("hold 3", "document 12", "run 1") with its noun in the chosen language.
pub fn object_label(object: &str) -> String {
    match object.split_once(' ') {
        Some((noun, rest)) => format!("{} {rest}", label("audit-object", noun)),
        None => label("audit-object", object),
    }
}

pub const RESET: &str = "\x1b[0m";

/// A name from the holding (a path, an archive member, a subject's name) as a human-readable
/// table shows it: control characters (line breaks, tabs, ESC that starts terminal escape
/// sequences, BEL, DEL, the C1 controls) and the bidirectional overrides are written as `\n`,
/// `\r`, `\t` or `\u{1b}`, so a name can neither start a line of its own nor colour, retitle or
/// reorder the terminal. JSON output is never escaped this way: it stays exact.
pub fn shown(s: &str) -> Cow<'_, str> {
    escape(s, |_| false)
}

/// Document text as a human-readable view shows it: like [`shown`], but line breaks (`\n`,
/// `\r\n`) and tabs stay what they are.
pub fn shown_text(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    escape(s, |(i, c)| {
        c == '\n' || c == '\t' || (c == '\r' && bytes.get(i + 1) == Some(&b'\n'))
    })
}

fn escape(s: &str, keep: impl Fn((usize, char)) -> bool) -> Cow<'_, str> {
    let needs =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if !s.char_indices().any(|(i, c)| needs(c) && !keep((i, c))) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        if !needs(c) || keep((i, c)) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every evidence code the resolver writes, and every kind it names, is worded in both
    /// languages: a subject's evidence never shows a code or the other language.
    #[test]
    fn every_evidence_code_is_in_both_catalogues() {
        use grondslag_i18n::{ids, Lang};
        for lang in [Lang::Nl, Lang::En] {
            let known = ids(lang);
            let mut missing: Vec<String> = grondslag_subjects::why::CODES
                .iter()
                .map(|c| format!("why-{c}"))
                .chain(
                    grondslag_subjects::LINKING_KINDS
                        .iter()
                        .map(|k| format!("why-kind-{k}")),
                )
                .filter(|id| !known.contains(id))
                .collect();
            missing.sort();
            assert!(missing.is_empty(), "{}: {missing:?}", lang.tag());
        }
    }

    #[test]
    fn evidence_is_worded_in_the_chosen_language() {
        use grondslag_i18n::Lang;
        use grondslag_subjects::why::why;
        let e = why("next-to-name", &[("kind", "birthdate")]) + &why("birth-date-agrees", &[]);
        assert_eq!(
            evidence_in(Lang::Nl, &e),
            "geboortedatum naast de naam in hetzelfde document; geboortedatum komt overeen"
        );
        assert_eq!(
            evidence_in(Lang::En, &e),
            "birth date next to the name in the same document; birth date agrees"
        );
        // Evidence an earlier version stored as text is shown as it was.
        assert_eq!(evidence("same name"), "same name");
    }

    #[test]
    fn names_are_shown_without_control_characters() {
        let cases = [
            ("gewoon bestand.txt", "gewoon bestand.txt"),
            (
                "rood\u{1b}[31mrood\nregel\u{7}.txt",
                "rood\\u{1b}[31mrood\\nregel\\u{7}.txt",
            ),
            ("tab\there\r", "tab\\there\\r"),
            ("c1\u{9b}31m", "c1\\u{9b}31m"),
            ("omgekeerd\u{202e}txt.exe", "omgekeerd\\u{202e}txt.exe"),
            ("del\u{7f}", "del\\u{7f}"),
            ("Çelik-Şahin", "Çelik-Şahin"),
        ];
        for (name, want) in cases {
            assert_eq!(shown(name), want, "{name:?}");
        }
        assert!(matches!(shown("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn text_keeps_its_lines_and_tabs() {
        assert_eq!(
            shown_text("regel 1\r\nregel\t2\n\u{1b}[2J\rterug"),
            "regel 1\r\nregel\t2\n\\u{1b}[2J\\rterug"
        );
    }
}
