//! Small things every command shares: message language, colours, the acting user, JSON output.

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

/// Dutch first, English when asked for (`--lang en`).
pub fn t<'a>(nl: &'a str, en: &'a str) -> &'a str {
    if ENGLISH.load(Ordering::Relaxed) {
        en
    } else {
        nl
    }
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

pub const RESET: &str = "\x1b[0m";

/// Text from outside (a file name) made safe for a terminal: control characters (escape
/// sequences, new lines) and bidirectional overrides are shown escaped (`\u{1b}`).
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}
