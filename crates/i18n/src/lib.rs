//! grondslag-i18n: every sentence a user reads, in one catalogue per language.
//!
//! The catalogues are Project Fluent files (`catalogue/nl.ftl`, `catalogue/en.ftl`) embedded in
//! the binary. Dutch is the default; English is available everywhere. A message is looked up by
//! its id with named arguments:
//!
//! ```
//! use grondslag_i18n::{tr, Lang};
//! grondslag_i18n::set_lang(Lang::En);
//! assert_eq!(tr!("error-no-such-document", id = 999), "document 999 does not exist");
//! grondslag_i18n::set_lang(Lang::Nl);
//! assert_eq!(tr!("error-no-such-document", id = 999), "document 999 bestaat niet");
//! ```
//!
//! The command line sets one language for the process ([`set_lang`]); the web application asks
//! for a language per request ([`message`]). Tests below hold both catalogues to the same set of
//! ids, and every id the workspace's sources use to an entry in both.
//!
//! This crate knows words, not the domain: callers turn their errors into an id and arguments.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the user interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    /// The BCP 47 tag, as written in `lang="…"` attributes and PDF metadata.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

const NL: &str = include_str!("../catalogue/nl.ftl");
const EN: &str = include_str!("../catalogue/en.ftl");

static ENGLISH: AtomicBool = AtomicBool::new(false);

/// Sets the language of this process (the command line's `--lang`).
pub fn set_lang(lang: Lang) {
    ENGLISH.store(lang == Lang::En, Ordering::Relaxed);
}

/// The language of this process.
pub fn lang() -> Lang {
    if ENGLISH.load(Ordering::Relaxed) {
        Lang::En
    } else {
        Lang::Nl
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    let (slot, source) = match lang {
        Lang::Nl => (&BUNDLES[0], NL),
        Lang::En => (&BUNDLES[1], EN),
    };
    slot.get_or_init(|| {
        // The catalogues are part of the binary and a test parses them: an error here is a
        // build defect, and the entries that did parse are still served.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let langid = lang.tag().parse().expect("a fixed language tag");
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Terminals and PDFs show Unicode isolation marks as junk; our arguments are ids,
        // numbers, paths and dates, never right-to-left text that needs isolating.
        bundle.set_use_isolating(false);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// An argument value: text or a number.
pub enum Arg<'a> {
    Str(std::borrow::Cow<'a, str>),
    Num(f64),
}

macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self { Arg::Num(n as f64) }
        }
        impl From<&$t> for Arg<'_> {
            fn from(n: &$t) -> Self { Arg::Num(*n as f64) }
        }
    )*};
}
num_arg!(i32, i64, u32, u64, usize, f32, f64);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s.into())
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s.as_str().into())
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(s.into())
    }
}
impl<'a> From<std::borrow::Cow<'a, str>> for Arg<'a> {
    fn from(s: std::borrow::Cow<'a, str>) -> Self {
        Arg::Str(s)
    }
}

/// The message `id` in `lang`, with its arguments filled in. An id missing from the catalogue
/// (a defect the tests catch) gives the id itself, never a panic.
pub fn message(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        match value {
            // Numbers are formatted as plain integers or decimals, without grouping: ids and
            // counts must read the same as in JSON output.
            Arg::Num(n) => fargs.set(*name, FluentValue::from(plain_number(*n))),
            Arg::Str(s) => fargs.set(*name, FluentValue::from(s.as_ref())),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
    text.into_owned()
}

fn plain_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// `tr!("id")` or `tr!("id", name = value, …)`: the message in this process's language.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::message($crate::lang(), $id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::message($crate::lang(), $id, &[$((stringify!($name), $crate::Arg::from($value))),+])
    };
}

/// Every message id of a catalogue, in file order (for tests and tools).
pub fn ids(lang: Lang) -> Vec<String> {
    let source = match lang {
        Lang::Nl => NL,
        Lang::En => EN,
    };
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests;
