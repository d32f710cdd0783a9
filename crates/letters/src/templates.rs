//! The templates: embedded defaults, overrides from a folder, and the filters they may use.

use std::path::{Path, PathBuf};

use grondslag_i18n::Lang;
use grondslag_procedure::letters::{date_in_words, kind_label};
use minijinja::{Environment, State, Value};
use serde::Serialize;

use crate::LetterError;

/// Every document grondslag sends or files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// The decision on an access request (AVG art. 15; a decision under the Awb).
    Answer,
    /// The inspection package: the requester's documents, everyone else redacted.
    Inspection,
    /// Informing a data subject personally (AVG art. 14).
    Informing,
    /// Extending the term of an access request (AVG art. 12(3)).
    Extension,
    /// Refusing an access request (AVG art. 12(4), Awb).
    Refusal,
    /// The certificate of destruction (Archiefbesluit 1995 art. 8).
    Certificate,
    /// The accountability report.
    Report,
}

impl Template {
    pub const ALL: [Template; 7] = [
        Template::Answer,
        Template::Inspection,
        Template::Informing,
        Template::Extension,
        Template::Refusal,
        Template::Certificate,
        Template::Report,
    ];

    /// The file name (without language folder).
    pub fn name(self) -> &'static str {
        match self {
            Template::Answer => "answer.html",
            Template::Inspection => "inspection.html",
            Template::Informing => "informing.html",
            Template::Extension => "extension.html",
            Template::Refusal => "refusal.html",
            Template::Certificate => "certificate.html",
            Template::Report => "report.html",
        }
    }

    /// `nl/answer.html`.
    pub fn file(self, lang: Lang) -> String {
        format!("{}/{}", lang.tag(), self.name())
    }
}

/// The embedded defaults: (path under `templates/`, text).
const DEFAULTS: &[(&str, &str)] = &[
    ("nl/base.html", include_str!("../templates/nl/base.html")),
    (
        "nl/answer.html",
        include_str!("../templates/nl/answer.html"),
    ),
    (
        "nl/inspection.html",
        include_str!("../templates/nl/inspection.html"),
    ),
    (
        "nl/informing.html",
        include_str!("../templates/nl/informing.html"),
    ),
    (
        "nl/extension.html",
        include_str!("../templates/nl/extension.html"),
    ),
    (
        "nl/refusal.html",
        include_str!("../templates/nl/refusal.html"),
    ),
    (
        "nl/certificate.html",
        include_str!("../templates/nl/certificate.html"),
    ),
    (
        "nl/report.html",
        include_str!("../templates/nl/report.html"),
    ),
    ("en/base.html", include_str!("../templates/en/base.html")),
    (
        "en/answer.html",
        include_str!("../templates/en/answer.html"),
    ),
    (
        "en/inspection.html",
        include_str!("../templates/en/inspection.html"),
    ),
    (
        "en/informing.html",
        include_str!("../templates/en/informing.html"),
    ),
    (
        "en/extension.html",
        include_str!("../templates/en/extension.html"),
    ),
    (
        "en/refusal.html",
        include_str!("../templates/en/refusal.html"),
    ),
    (
        "en/certificate.html",
        include_str!("../templates/en/certificate.html"),
    ),
    (
        "en/report.html",
        include_str!("../templates/en/report.html"),
    ),
];

/// Where templates come from: the embedded defaults, each replaceable by a file of the same
/// name under an override folder.
#[derive(Clone, Debug, Default)]
pub struct Letters {
    overrides: Option<PathBuf>,
}

fn lang_of(state: &State) -> String {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "nl".to_string())
}

/// `date`: `YYYY-MM-DD` (or a timestamp starting with it) in words, in the page's language.
fn date_filter(state: &State, value: String) -> String {
    match chrono::NaiveDate::parse_from_str(value.get(..10).unwrap_or(&value), "%Y-%m-%d") {
        Ok(d) => date_in_words(d, &lang_of(state)),
        Err(_) => value,
    }
}

/// `kind`: a finding kind as the letter names it to the data subject.
fn kind_filter(state: &State, value: String) -> String {
    kind_label(&value, &lang_of(state))
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// `lines`: an address ("Postbus 1, 1000 AA Tiel" or with newlines) as lines joined by `<br/>`.
fn lines_filter(value: String) -> Value {
    let parts: Vec<String> = value
        .split(['\n', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(escape)
        .collect();
    Value::from_safe_string(parts.join("<br/>"))
}

/// `filesize`: bytes in kB/MB with a decimal comma in Dutch.
fn filesize_filter(state: &State, value: i64) -> String {
    let lang = lang_of(state);
    let (n, unit) = if value >= 1_000_000 {
        (value as f64 / 1_000_000.0, "MB")
    } else if value >= 1_000 {
        (value as f64 / 1_000.0, "kB")
    } else {
        return format!("{value} bytes");
    };
    let s = format!("{n:.1} {unit}");
    if lang == "en" {
        s
    } else {
        s.replace('.', ",")
    }
}

/// `marks`: a redacted text with its marks (`[5.1.2e]`, `[Persoon 3 · 5.1.2e]`) set as
/// `<span class="redacted">`; everything else escaped.
fn marks_filter(value: String) -> Value {
    let mut out = String::with_capacity(value.len() + 64);
    let mut rest = value.as_str();
    while let Some(open) = rest.find('[') {
        let Some(len) = rest[open..].find(']') else {
            break;
        };
        let inner = &rest[open + 1..open + len];
        let is_mark = inner.contains("5.1.") && !inner.contains('[') && inner.len() < 80;
        out.push_str(&escape(&rest[..open]));
        if is_mark {
            out.push_str("<span class=\"redacted\">[");
            out.push_str(&escape(inner));
            out.push_str("]</span>");
        } else {
            out.push_str(&escape(&rest[open..=open + len]));
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(&escape(rest));
    Value::from_safe_string(out)
}

impl Letters {
    /// Templates from the defaults, each replaced by `overrides/<lang>/<name>` where that file
    /// exists.
    pub fn new(overrides: Option<PathBuf>) -> Letters {
        Letters { overrides }
    }

    /// The text of template `path` (`nl/answer.html`): the override, else the default.
    fn source(&self, path: &str) -> Result<Option<String>, LetterError> {
        if path.contains("..") || path.starts_with('/') {
            return Ok(None);
        }
        if let Some(dir) = &self.overrides {
            let file = dir.join(path);
            match std::fs::read_to_string(&file) {
                Ok(s) => return Ok(Some(s)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(LetterError::Io { path: file, source }),
            }
        }
        Ok(DEFAULTS
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, s)| s.to_string()))
    }

    /// Which templates are overridden (paths relative to the override folder).
    pub fn overridden(&self) -> Vec<String> {
        let Some(dir) = &self.overrides else {
            return Vec::new();
        };
        DEFAULTS
            .iter()
            .map(|(p, _)| *p)
            .filter(|p| dir.join(p).is_file())
            .map(str::to_string)
            .collect()
    }

    /// Writes every default template under `dir` (`dir/nl/answer.html`, ...), leaving files
    /// that exist alone. Returns the files written.
    pub fn export_defaults(dir: &Path) -> Result<Vec<PathBuf>, LetterError> {
        let mut written = Vec::new();
        for (path, text) in DEFAULTS {
            let file = dir.join(path);
            if file.exists() {
                continue;
            }
            if let Some(parent) = file.parent() {
                std::fs::create_dir_all(parent).map_err(|source| LetterError::Io {
                    path: parent.to_path_buf(),
                    source,
                })?;
            }
            std::fs::write(&file, text).map_err(|source| LetterError::Io {
                path: file.clone(),
                source,
            })?;
            written.push(file);
        }
        Ok(written)
    }

    pub(crate) fn render_html(
        &self,
        template: Template,
        lang: Lang,
        context: &impl Serialize,
    ) -> Result<String, LetterError> {
        let file = template.file(lang);
        let mut env = Environment::new();
        // Every page is HTML: escape everything the context gives.
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
        let this = self.clone();
        let load_error = std::sync::Arc::new(std::sync::Mutex::new(None::<LetterError>));
        let errors = load_error.clone();
        env.set_loader(move |name| match this.source(name) {
            Ok(s) => Ok(s),
            Err(e) => {
                let detail = e.to_string();
                if let Ok(mut slot) = errors.lock() {
                    *slot = Some(e);
                }
                Err(minijinja::Error::new(
                    minijinja::ErrorKind::TemplateNotFound,
                    detail,
                ))
            }
        });
        // `{% extends "base.html" %}` means the base of the same language.
        env.set_path_join_callback(|name, parent| {
            if name.contains('/') {
                name.into()
            } else {
                match parent.rsplit_once('/') {
                    Some((dir, _)) => format!("{dir}/{name}").into(),
                    None => name.into(),
                }
            }
        });
        env.add_filter("date", date_filter);
        env.add_filter("kind", kind_filter);
        env.add_filter("lines", lines_filter);
        env.add_filter("filesize", filesize_filter);
        env.add_filter("marks", marks_filter);
        let template_error = |e: minijinja::Error| {
            let mut detail = e.to_string();
            if let Some(line) = e.line() {
                detail = format!("line {line}: {detail}");
            }
            LetterError::Template {
                template: file.clone(),
                detail,
            }
        };
        let tmpl = env.get_template(&file).map_err(|e| {
            match load_error.lock().ok().and_then(|mut s| s.take()) {
                Some(io) => io,
                None => template_error(e),
            }
        })?;
        let mut ctx = serde_json::to_value(context).map_err(|e| LetterError::Template {
            template: file.clone(),
            detail: format!("context: {e}"),
        })?;
        if let Some(map) = ctx.as_object_mut() {
            map.insert("lang".into(), lang.tag().into());
        }
        tmpl.render(Value::from(minijinja::value::Serde(&ctx)))
            .map_err(template_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_wrapped_and_text_escaped() {
        let v = marks_filter("a <b> [5.1.2e] en [Persoon 2 · 5.1.1d] [x]".into());
        assert_eq!(
            v.to_string(),
            "a &lt;b&gt; <span class=\"redacted\">[5.1.2e]</span> en <span class=\"redacted\">[Persoon 2 · 5.1.1d]</span> [x]"
        );
    }
}
