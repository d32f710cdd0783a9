//! The help of every command in the chosen language, from the catalogue (`grondslag-i18n`).
//!
//! The clap definitions in `cli.rs` give names and structure; what a user reads in `--help`
//! comes from the catalogue, looked up by the command path and the argument id:
//!
//! - `help-about`: the program; `help-cmd-PATH`: a command (`help-cmd-destroy-plan`);
//! - `help-arg-PATH-ARG`: an argument of that command (`help-arg-destroy-plan-dry-run`), else
//!   `help-arg-ARG` for an argument that means the same everywhere (`--home`, `--json`, …);
//! - `help-value-ARG` (or `help-value-PATH-ARG`): the name of an argument's value (`<REDEN>`);
//! - `help-word-…`: clap's own headings and words (usage, options, default, …).
//!
//! The language must be known before clap parses: `messages::lang_from_args`.

use std::collections::HashSet;
use std::sync::OnceLock;

use clap::{Arg, Command, CommandFactory};
use grondslag_i18n::{ids, message, Lang};

/// The command line of `grondslag`, every text in `lang`.
pub(crate) fn command(lang: Lang) -> Command {
    command_with_missing(lang).0
}

/// The command line in `lang` and the catalogue ids it asked for and did not find.
pub(crate) fn command_with_missing(lang: Lang) -> (Command, Vec<String>) {
    let mut cmd = positionals_first(crate::cli::Cli::command());
    // Built first, so that the arguments clap adds (`--help`, `--version`, the `help`
    // command) and the global ones copied into every subcommand are there to be worded.
    cmd.build();
    let mut words = Words {
        lang,
        missing: Vec::new(),
        fixed: Default::default(),
    };
    let cmd = words.command(cmd, None);
    (cmd, words.missing)
}

/// Options moved behind the positional arguments, so that the "arguments" section comes
/// before the "options" one as clap shows them without custom headings.
fn positionals_first(cmd: Command) -> Command {
    let options: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !a.is_positional())
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = cmd;
    for id in options {
        cmd = cmd.mut_arg(id, |a| a);
    }
    cmd.mut_subcommands(positionals_first)
}

struct Words {
    lang: Lang,
    missing: Vec<String>,
    /// Headings and value names: clap keeps them as `&'static str`, made once per id.
    fixed: std::collections::HashMap<String, &'static str>,
}

impl Words {
    fn known(&self, id: &str) -> bool {
        static NL: OnceLock<HashSet<String>> = OnceLock::new();
        static EN: OnceLock<HashSet<String>> = OnceLock::new();
        let set = match self.lang {
            Lang::Nl => NL.get_or_init(|| ids(Lang::Nl).into_iter().collect()),
            Lang::En => EN.get_or_init(|| ids(Lang::En).into_iter().collect()),
        };
        set.contains(id)
    }

    /// The first of `candidates` the catalogue has, else the first one (recorded missing).
    fn text(&mut self, candidates: &[String]) -> String {
        match candidates.iter().find(|id| self.known(id)) {
            Some(id) => message(self.lang, id, &[]),
            None => {
                self.missing.push(candidates[0].clone());
                candidates[0].clone()
            }
        }
    }

    fn word(&mut self, id: &str) -> String {
        self.text(&[id.to_string()])
    }

    /// [`Words::word`] for clap's `&'static str` settings; leaked once per id and process.
    fn fixed(&mut self, id: &str) -> &'static str {
        if let Some(w) = self.fixed.get(id) {
            return w;
        }
        let w: &'static str = Box::leak(self.word(id).into_boxed_str());
        self.fixed.insert(id.to_string(), w);
        w
    }

    /// `cmd` worded; `path` is its place below `grondslag` (`None` for the program itself).
    fn command(&mut self, cmd: Command, path: Option<&str>) -> Command {
        let about = match path {
            None => self.word("help-about"),
            Some(p) => self.word(&format!("help-cmd-{p}")),
        };
        let template = format!(
            "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
            self.word("help-word-usage")
        );
        let cmd = cmd
            .about(about)
            .long_about(None::<&'static str>)
            .help_template(template)
            .subcommand_help_heading(self.fixed("help-word-commands"))
            .subcommand_value_name(self.fixed("help-word-command-value"));
        let cmd = cmd.mut_args(|a| self.arg(a, path));
        // The `help` command clap adds lists the command tree again, for completion: its
        // entries are never shown as help of their own.
        if path == Some("help") {
            return cmd;
        }
        cmd.mut_subcommands(|sub| {
            let name = sub.get_name().to_string();
            let sub_path = match (path, name.as_str()) {
                (_, "help") => "help".to_string(),
                (None, _) => name,
                (Some(p), _) => format!("{p}-{name}"),
            };
            self.command(sub, Some(&sub_path))
        })
    }

    fn arg(&mut self, arg: Arg, path: Option<&str>) -> Arg {
        let id = arg.get_id().as_str().replace('_', "-");
        let mut candidates = Vec::new();
        if let Some(p) = path {
            candidates.push(format!("help-arg-{p}-{id}"));
        }
        candidates.push(format!("help-arg-{id}"));
        if path.is_some() && matches!(id.as_str(), "help" | "version" | "lang") {
            // Clap's own and the global ones: one entry for every command.
            candidates.reverse();
        }
        let mut help = self.text(&candidates);
        let mut arg = arg;
        if arg.get_action().takes_values() {
            let mut names = Vec::new();
            if let Some(p) = path.filter(|p| *p != "help") {
                names.push(format!("help-value-{p}-{id}"));
            }
            names.push(format!("help-value-{id}"));
            let name = match names.iter().find(|n| self.known(n)) {
                Some(n) => {
                    let n = n.clone();
                    self.fixed(&n)
                }
                None => self.fixed(names.last().expect("a generic name")),
            };
            arg = arg.value_name(name);
        }
        // Clap writes "[default: …]", "[env: …]" and "[possible values: …]" in English: the
        // same facts, in the catalogue's words.
        if arg.get_action().takes_values() {
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if !values.is_empty() {
                help.push_str(&format!(
                    " [{}: {}]",
                    self.word("help-word-possible"),
                    values.join(", ")
                ));
            }
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .filter(|v| !v.is_empty())
                .collect();
            if !defaults.is_empty() {
                help.push_str(&format!(
                    " [{}: {}]",
                    self.word("help-word-default"),
                    defaults.join(", ")
                ));
            }
        }
        if let Some(env) = arg.get_env() {
            help.push_str(&format!(
                " [{}: ${}]",
                self.word("help-word-env"),
                env.to_string_lossy()
            ));
        }
        let heading = if arg.is_positional() {
            self.fixed("help-word-arguments")
        } else {
            self.fixed("help-word-options")
        };
        arg.help(help)
            .long_help(None::<&'static str>)
            .help_heading(heading)
            .hide_possible_values(true)
            .hide_default_value(true)
            .hide_env(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument has its text in both catalogues.
    #[test]
    fn every_command_and_argument_has_a_catalogue_entry() {
        for lang in [Lang::Nl, Lang::En] {
            let (_, mut missing) = command_with_missing(lang);
            missing.sort();
            missing.dedup();
            assert!(
                missing.is_empty(),
                "{}: not in the catalogue:\n{}",
                lang.tag(),
                missing.join("\n")
            );
        }
    }

    /// The command line still parses as the derive defines it.
    #[test]
    fn the_worded_command_line_is_valid() {
        for lang in [Lang::Nl, Lang::En] {
            command(lang).debug_assert();
        }
    }
}
