//! grondslag-subjects: resolves person mentions found in documents into data subjects.
//!
//! The detector finds names ("M. Haddou", "meneer Haddou", "Mohammed Hadou") and
//! identifiers (e-mail, phone, BSN, IBAN, address, birthdate); this crate decides which of
//! them are one natural person, with a confidence and a human-readable reason for every
//! link, so the working group can check it, and re-applies the working group's own merge
//! and split [`Decision`]s after every re-scan. It also scores stored subjects against the
//! details an access requester gives ([`score_candidate`]).
//!
//! This crate is pure: no I/O, no database, no clock, no printing. It sees mentions and
//! the text right before each ([`Mention::before`]), never whole documents. Its evidence
//! strings may contain name parts: the store encrypts them. It must never put a name or
//! identifier into an error or a panic message.
//!
//! Precision comes first, because an access request answered from these subjects must never
//! show another person: namesakes whose birth dates, towns or BSNs differ are never one
//! subject, two members of one family ("Fatima Haddou" and "Mohammed Haddou") are never
//! merged on their surname, and a name that fits more than one person is left apart rather
//! than guessed ([`resolve`] says how). Resolution blocks on documents and surname keys so
//! that it stays near-linear in the number of mentions.

mod fold;
mod ident;
mod name;
mod resolve;
mod search;
pub mod why;

pub use fold::{fold, levenshtein, similar_keys, skeleton, translit};
pub use ident::{normalise_date, normalise_identifier, LINKING_KINDS};
pub use name::{gender_before, normalise_name, NameForm, NameKey, SurnameMatch};
pub use resolve::resolve;
pub use search::{
    assess_candidate, assess_candidates, contradicts_request, matches_request, profiles,
    score_candidate, split_package, Advice, Assessment, HeldFinding, PackageSplit, Query,
    SubjectProfile,
};

/// One finding handed to resolution: a person name or an identifier in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The finding id; subjects refer to mentions by it.
    pub id: u64,
    /// The document the finding is in.
    pub doc: u64,
    /// The contract kind: "person", "email", "phone", "bsn", "iban", "address",
    /// "postcode", "birthdate", or any other detected kind.
    pub kind: String,
    /// The text as found.
    pub value: String,
    /// Byte offset in the document text; used for order and adjacency only.
    pub start: usize,
    /// The document text right before the mention (at most [`CONTEXT_BEFORE`] bytes; see
    /// [`text_before`]), or empty when the caller has no text. Resolution reads only two
    /// things in it: a title or kinship word right before a name ("mevrouw", "de heer",
    /// "zijn dochter"), and whether a sentence ends between a name and a detail after it.
    /// It is never copied into evidence or errors.
    pub before: String,
}

/// How much text before a mention [`Mention::before`] carries.
pub const CONTEXT_BEFORE: usize = 240;

/// The text before byte offset `start` of `text` that [`Mention::before`] expects: at most
/// [`CONTEXT_BEFORE`] bytes, cut on a character boundary.
pub fn text_before(text: &str, start: usize) -> String {
    let mut end = start.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut from = end.saturating_sub(CONTEXT_BEFORE);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..end].to_string()
}

/// One data subject: the mentions resolution considers to be one natural person.
#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    /// Display name: the fullest variant written ("Mohammed Haddou" over "M. Haddou").
    pub name: String,
    /// The person mentions, and the identifiers found next to them, ordered by id.
    pub members: Vec<Member>,
}

/// A mention that belongs to a subject, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The mention (finding) id.
    pub mention: u64,
    /// Confidence in [0, 1] that this mention is the subject: the weakest link on the
    /// chain that joined it.
    pub confidence: f32,
    /// Why it was linked ("same normalised name", "initial M. matches Mohammed Haddou in
    /// the same document"). May contain name parts.
    pub evidence: String,
}

/// A working-group decision about resolution, re-applied in order after every re-scan.
/// Mention ids that no longer exist are ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The subjects holding mentions `a` and those holding mentions `b` are one person.
    Merge { a: Vec<u64>, b: Vec<u64> },
    /// These mentions are a separate subject of their own.
    Split { mentions: Vec<u64> },
}
