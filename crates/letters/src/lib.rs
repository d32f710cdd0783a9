//! grondslag-letters: what goes out the door — letters, certificates, reports and inspection
//! packages — from templates an organisation can adapt, as HTML and as PDF.
//!
//! # How a document is made
//! A [`Template`] (Jinja syntax, rendered by minijinja) turns a context (the caller's facts as
//! JSON-like data) into XHTML: a complete, well-formed HTML page. That page *is* the HTML
//! rendition. [`markup`] reads the same page into a small block model ([`model::Doc`]), which
//! [`pdf`] lays out on A4 and writes with krilla as **PDF/A-2a** (archival, the Archiefwet asks
//! for durable formats) and **PDF/UA-1** (tagged, accessible: headings, reading order, language,
//! alternative text), checked by krilla's validators before a byte is returned.
//!
//! # Adapting the templates
//! The defaults (Dutch and English, `templates/nl`, `templates/en`) are embedded. A file
//! `DIR/<lang>/<name>.html` in the folder given to [`Letters::new`] (the CLI passes
//! `HOME/templates`) replaces the default of that name and language; `base.html` holds the
//! letterhead and style every other template extends. [`Letters::export_defaults`] writes the
//! defaults there as a starting point. Templates may use the filters `date` ("2 maart 2024"),
//! `kind` (a finding kind in words), `lines` (an address as lines), `filesize` and `marks`
//! (redaction marks in a text set as such); see the defaults for the context each receives.
//!
//! # What it must never do
//! Read the store, print, or load anything from outside a template and its context (an image
//! is a `data:` URI in the page; minijinja has no file or network access).

pub mod markup;
pub mod model;
pub mod pdf;
mod templates;

use std::path::PathBuf;

use grondslag_i18n::Lang;
use serde::Serialize;

pub use pdf::Stamp;
pub use templates::{Letters, Template};

/// Why a document could not be made. Names the template and the place, never context values.
#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    #[error("template {template}: {detail}")]
    Template { template: String, detail: String },
    #[error("template {template} does not give well-formed XHTML: {detail}")]
    Markup { template: String, detail: String },
    #[error("writing the PDF failed: {0}")]
    Pdf(String),
    #[error("I/O error on {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// A rendered document: its HTML and the model its PDF is written from.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub html: String,
    pub doc: model::Doc,
}

impl Rendered {
    /// The document as PDF/A-2a + PDF/UA-1, dated `stamp` in its metadata.
    pub fn pdf(&self, stamp: Stamp) -> Result<Vec<u8>, LetterError> {
        pdf::write(&self.doc, stamp)
    }

    /// The title (the page's `<title>`).
    pub fn title(&self) -> &str {
        &self.doc.title
    }
}

/// Whether `bytes` is a PNG or JPEG image the PDF writer can embed (a logo, checked when it is
/// recorded rather than when the first letter fails).
pub fn check_image(bytes: &[u8]) -> Result<(), LetterError> {
    pdf::check_image(bytes)
}

impl Letters {
    /// Renders `template` in `lang` with `context`.
    pub fn render(
        &self,
        template: Template,
        lang: Lang,
        context: &impl Serialize,
    ) -> Result<Rendered, LetterError> {
        let html = self.render_html(template, lang, context)?;
        let doc = markup::parse(&template.file(lang), &html)?;
        Ok(Rendered { html, doc })
    }
}

#[cfg(test)]
mod tests;
