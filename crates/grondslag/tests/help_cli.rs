//! Issue 15, item 6 for the help: `grondslag --help`, `grondslag COMMAND --help` and
//! `grondslag COMMAND SUB --help` in Dutch hold no text of the English catalogue's help and no
//! English of clap's own; in English none of the Dutch help. Every command is found by walking
//! the help itself, so a command added later is held to the same.

mod harness;
use harness::*;

use grondslag_i18n::{ids, message, Lang};

/// English a Dutch help must not show (clap's own words included).
const ENGLISH: &[&str] = &[
    " the ",
    " of the ",
    "Print help",
    "Print version",
    "Usage:",
    "Commands:",
    "Options:",
    "Arguments:",
    "[default:",
    "[env:",
    "possible values",
];

/// Dutch an English help must not show.
const DUTCH: &[&str] = &[
    " het ",
    " een ",
    "Gebruik:",
    "Opdrachten:",
    "Opties:",
    "Argumenten:",
    "[standaard:",
];

fn help(lang: Option<&str>, path: &[&str]) -> String {
    let d = Dir::new();
    let mut args: Vec<&str> = path.to_vec();
    args.push("--help");
    if let Some(l) = lang {
        args.push("--lang");
        args.push(l);
    }
    let out = d.run("", &args);
    assert!(out.status.success(), "grondslag {args:?}: {}", stderr(&out));
    String::from_utf8(out.stdout).expect("utf-8 help")
}

/// The commands a help lists: the lines of the section whose heading is a "commands" word.
fn commands_in(help: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_commands = false;
    for line in help.lines() {
        if !line.starts_with(' ') && line.ends_with(':') {
            in_commands = matches!(line, "Commands:" | "Opdrachten:");
            continue;
        }
        if in_commands {
            if let Some(name) = line
                .strip_prefix("  ")
                .and_then(|l| l.split_whitespace().next())
            {
                if name != "help" && !line.starts_with("   ") {
                    out.push(name.to_string());
                }
            }
        }
    }
    out
}

/// Every command path below `grondslag`, the program itself first (the empty path).
fn every_command() -> Vec<Vec<String>> {
    let mut todo = vec![Vec::<String>::new()];
    let mut all = Vec::new();
    while let Some(path) = todo.pop() {
        let p: Vec<&str> = path.iter().map(String::as_str).collect();
        for name in commands_in(&help(Some("en"), &p)) {
            let mut sub = path.clone();
            sub.push(name);
            todo.push(sub);
        }
        all.push(path);
    }
    all
}

/// The help texts of `lang` that the other language does not share word for word.
fn own_help_texts(lang: Lang, other: Lang) -> Vec<(String, String)> {
    let others: Vec<String> = ids(other)
        .iter()
        .map(|id| message(other, id, &[]))
        .collect();
    ids(lang)
        .into_iter()
        .filter(|id| id.starts_with("help-"))
        .map(|id| {
            let text = message(lang, &id, &[]);
            (id, text)
        })
        .filter(|(_, text)| text.chars().count() >= 8 && !others.iter().any(|o| o == text))
        .collect()
}

/// `text` occurs in `shown` not as part of a longer word (the value name `GRONDSLAG` is
/// not in `$GRONDSLAG_LANG`).
fn contains_word(shown: &str, text: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    shown.match_indices(text).any(|(at, _)| {
        let before = shown[..at].chars().next_back();
        let after = shown[at + text.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

fn check(path: &[String], shown: &str, forbidden: &[(String, String)], words: &[&str]) {
    let name = format!("grondslag {} --help", path.join(" "));
    for (id, text) in forbidden {
        assert!(
            !contains_word(shown, text),
            "{name} shows {id} of the other language ({text:?}):\n{shown}"
        );
    }
    for word in words {
        assert!(
            !shown.contains(word),
            "{name} shows {word:?} of the other language:\n{shown}"
        );
    }
}

#[test]
fn every_help_is_in_one_language() {
    let commands = every_command();
    // The walk must have found the command tree, not stopped at the top.
    assert!(
        commands.len() > 40,
        "only {} commands found",
        commands.len()
    );
    assert!(commands.iter().any(|p| p == &["destroy", "plan"]));
    let english = own_help_texts(Lang::En, Lang::Nl);
    let dutch = own_help_texts(Lang::Nl, Lang::En);
    assert!(
        english.len() > 100 && dutch.len() > 100,
        "help texts missing"
    );
    for path in &commands {
        let p: Vec<&str> = path.iter().map(String::as_str).collect();
        check(path, &help(None, &p), &english, ENGLISH);
        check(path, &help(Some("en"), &p), &dutch, DUTCH);
    }
}

#[test]
fn the_help_speaks_the_language_asked_for() {
    let nl = help(None, &[]);
    assert!(nl.contains("Gebruik: grondslag"), "{nl}");
    assert!(
        nl.contains(&message(Lang::Nl, "help-cmd-destroy", &[])),
        "{nl}"
    );
    let en = help(Some("en"), &[]);
    assert!(en.contains("Usage: grondslag"), "{en}");
    assert!(
        en.contains(&message(Lang::En, "help-cmd-destroy", &[])),
        "{en}"
    );

    let d = Dir::new();
    let out = d.run("", &["destroy", "plan", "--help", "--lang=en"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&message(Lang::En, "help-arg-destroy-plan-dry-run", &[])),
        "{text}"
    );
    let out = d
        .cmd("", &["destroy", "plan", "--help"])
        .env("GRONDSLAG_LANG", "en")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&message(Lang::En, "help-cmd-destroy-plan", &[])),
        "{text}"
    );
    // `grondslag help COMMAND` is the same help.
    let out = d.run("", &["help", "destroy", "plan"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&message(Lang::Nl, "help-arg-destroy-plan-dry-run", &[])),
        "{text}"
    );
}
