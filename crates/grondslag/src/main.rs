//! The `grondslag` command line: parses arguments, wires the engine crates together, prints.
//!
//! It holds no engine logic of its own: detection lives in `grondslag-detect`, formats in
//! `grondslag-extract`, state in `grondslag-store`, redaction in `grondslag-redact`, subject
//! resolution in `grondslag-subjects`, request rules in `grondslag-procedure`. What is here is
//! argument parsing, choosing the home folder and acting user, progress display and output.

mod acting;
mod cli;
mod detect_cmd;
mod help;
mod inventory;
mod letters_cmd;
mod mailbox;
mod messages;
mod procedure_cmd;
mod redact_cmd;
mod report;
mod requests_cmd;
mod scan;
mod sources;
mod trail_cmd;
mod ui;
mod user_cmd;

use std::process::ExitCode;

use clap::FromArgMatches;

fn main() -> ExitCode {
    // A closed pipe (`grondslag report | head`) ends the process quietly, as it does every
    // Unix tool, instead of a panic on the next print.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE at start-up, before any thread.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // The help is written in the chosen language, so the language is read before clap parses.
    let lang = match messages::lang_from_args() {
        cli::Lang::Nl => grondslag_i18n::Lang::Nl,
        cli::Lang::En => grondslag_i18n::Lang::En,
    };
    let parsed = help::command(lang)
        .try_get_matches()
        .and_then(|m| cli::Cli::from_arg_matches(&m));
    let args = match parsed {
        Ok(args) => args,
        Err(e) => return messages::usage_error(e),
    };
    ui::set_lang(args.lang);
    quiet_panics();
    match run(args) {
        Ok(code) => code,
        Err(err) => {
            // The whole context chain on one line, library errors in the chosen language.
            eprintln!("grondslag: {}", messages::error_line(&err));
            ExitCode::from(1)
        }
    }
}

/// Replaces the default panic message: a panic's message can quote document text (a slice of
/// it, a value formatted into an assertion), and personal data must never reach a terminal or
/// a log that way. What is printed is one fixed sentence with where it happened. The scan
/// catches panics per document and goes on; elsewhere the command ends with exit status 101.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map_or_else(|| "?".to_string(), |l| format!("{}:{}", l.file(), l.line()));
        eprintln!(
            "grondslag: {}",
            grondslag_i18n::tr!("error-internal", location = location)
        );
    }));
}

fn run(args: cli::Cli) -> anyhow::Result<ExitCode> {
    use cli::Command as C;
    inventory::require_registered_user(acting::needs_registered_user(&args.command));
    match args.command {
        C::Extract(a) => detect_cmd::extract(a),
        C::Detect(a) => detect_cmd::detect(a),
        C::Init(a) => inventory::init(a),
        C::Scan(a) => scan::scan(a),
        C::Summary(a) => inventory::summary(a),
        C::Documents(a) => inventory::documents(a),
        C::Document(a) => inventory::document(a),
        C::Subjects(a) => inventory::subjects(a),
        C::Subject(a) => inventory::subject(a),
        C::Text(a) => inventory::text(a),
        C::Redact(a) => redact_cmd::redact(a),
        C::Assess(a) => procedure_cmd::assess(a),
        C::Suggest(a) => procedure_cmd::suggest(a),
        C::Hold(a) => procedure_cmd::hold(a),
        C::Destroy(a) => procedure_cmd::destroy(a),
        C::Backup(a) => procedure_cmd::backup(a),
        C::Restore(a) => procedure_cmd::restore(a),
        C::Audit(a) => procedure_cmd::audit(a),
        C::Processings(a) => procedure_cmd::processings(a),
        C::WooList(a) => report::woo_list(a),
        C::Report(a) => report::report(a),
        C::Inform(a) => report::inform(a),
        C::Window(a) => requests_cmd::window(a),
        C::Requests(a) => requests_cmd::requests(a),
        C::Request(a) => requests_cmd::request(a),
        C::Org(a) => letters_cmd::org(a),
        C::Letters(a) => letters_cmd::letters_cmd(a),
        C::User(a) => user_cmd::user(a),
    }
}
