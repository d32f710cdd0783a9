//! The facts of what goes out the door: who sends it ([`Organisation`]), and the dates and
//! words a letter needs that are rules rather than templates ([`date_in_words`], [`kind_label`]).
//!
//! The sentences themselves live in the templates of `grondslag-letters`, which an organisation
//! can adapt. What is here is shared by the store (which keeps the organisation) and the
//! renderer, and is pure: no clock, no I/O.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The public body that sends letters and signs certificates (`grondslag org set`).
///
/// The `purpose`, `recipients`, `source` and `retention` texts describe the processing that the
/// found documents come from, in words a data subject can read: the answer to an access request
/// (AVG art. 15(1)) and the informing letter (art. 14) must state them, and only the
/// organisation knows them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    /// The body's name as it signs: "Gemeente Tiel", "Ministerie van ...".
    pub name: String,
    /// Postal address, lines separated by ", " or newlines.
    pub address: String,
    /// Who signs, with function: "A. de Vries, directeur Publiekszaken".
    pub signatory: String,
    /// Where a data subject can reach the body about this matter (an e-mail address or phone).
    pub contact: String,
    /// Contact details of the data protection officer (functionaris gegevensbescherming).
    pub fg_contact: Option<String>,
    /// Where an objection (bezwaarschrift, Awb) is sent; the postal address when not set.
    pub objection_address: Option<String>,
    /// The mailbox that receives access requests; `contact` when not set.
    pub request_mailbox: Option<String>,
    /// Purpose of the original processing, as the letters describe it.
    pub purpose: Option<String>,
    /// Recipients of the data (AVG art. 15(1)(c), 14(1)(e)).
    pub recipients: Option<String>,
    /// Where the data came from (AVG art. 15(1)(g), 14(2)(f)).
    pub source: Option<String>,
    /// How long the data is kept, or the criteria (AVG art. 15(1)(d), 14(2)(a)).
    pub retention: Option<String>,
    /// A logo (PNG or JPEG) shown at the top of every letter.
    #[serde(skip)]
    pub logo: Option<Vec<u8>>,
}

impl Organisation {
    /// The address for objections: the explicit one, else the postal address.
    pub fn objection_address(&self) -> &str {
        self.objection_address
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(&self.address)
    }

    /// The mailbox for access requests: the explicit one, else the contact.
    pub fn request_mailbox(&self) -> &str {
        self.request_mailbox
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(&self.contact)
    }

    /// The descriptions of the processing a letter needs that are not set, by option name
    /// (`--purpose`, ...): the letters then say the information follows on request, and the
    /// command warns.
    pub fn missing_descriptions(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        for (name, v) in [
            ("purpose", &self.purpose),
            ("recipients", &self.recipients),
            ("source", &self.source),
            ("retention", &self.retention),
        ] {
            if v.as_deref().is_none_or(|s| s.trim().is_empty()) {
                out.push(name);
            }
        }
        out
    }

    /// The image type of the logo (`png` or `jpeg`), from its magic bytes.
    pub fn logo_type(&self) -> Option<&'static str> {
        image_type(self.logo.as_deref()?)
    }
}

/// `png` or `jpeg` by magic bytes; `None` for anything else.
pub fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpeg")
    } else {
        None
    }
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as a letter writes it: "2 maart 2024" (`nl`), "2 March 2024" (`en`). Any language
/// tag other than `en` gives Dutch.
pub fn date_in_words(date: NaiveDate, lang: &str) -> String {
    let m = date.month0() as usize;
    let month = if lang == "en" {
        MONTHS_EN[m]
    } else {
        MONTHS_NL[m]
    };
    format!("{} {} {}", date.day(), month, date.year())
}

/// A finding kind as a letter names it to the data subject ("uw naam", "your name").
pub fn kind_label(kind: &str, lang: &str) -> String {
    let (nl, en) = match kind {
        "person" => ("uw naam", "your name"),
        "email" => ("uw e-mailadres", "your e-mail address"),
        "phone" => ("uw telefoonnummer", "your phone number"),
        "bsn" => (
            "uw burgerservicenummer",
            "your citizen service number (BSN)",
        ),
        "iban" => ("uw bankrekeningnummer", "your bank account number"),
        "address" => ("uw adres", "your address"),
        "postcode" => ("uw postcode", "your postcode"),
        "birthdate" => ("uw geboortedatum", "your date of birth"),
        "place" => (
            "uw woonplaats of plaats van herkomst",
            "your place of residence or origin",
        ),
        "licence_plate" => ("uw kenteken", "your licence plate"),
        "ip_address" => ("een IP-adres", "an IP address"),
        "religion" => (
            "gegevens over uw godsdienst of levensovertuiging",
            "data about your religion or beliefs",
        ),
        "ethnicity" => ("gegevens over uw afkomst", "data about your ethnic origin"),
        "political" => (
            "gegevens over uw politieke opvattingen",
            "data about your political opinions",
        ),
        "health" => ("gegevens over uw gezondheid", "data about your health"),
        "sexual_orientation" => (
            "gegevens over uw seksuele geaardheid",
            "data about your sexual orientation",
        ),
        "trade_union" => (
            "gegevens over uw lidmaatschap van een vakbond",
            "data about your trade union membership",
        ),
        "criminal" => (
            "strafrechtelijke gegevens",
            "data about criminal convictions or offences",
        ),
        other => (other, other),
    };
    if lang == "en" { en } else { nl }.to_string()
}

/// Whether a kind is a special category (AVG art. 9) or criminal data (art. 10).
pub fn is_special(kind: &str) -> bool {
    matches!(
        kind,
        "religion"
            | "ethnicity"
            | "political"
            | "health"
            | "sexual_orientation"
            | "trade_union"
            | "criminal"
            | "biometric"
            | "genetic"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_words() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 2).unwrap();
        assert_eq!(date_in_words(d, "nl"), "2 maart 2024");
        assert_eq!(date_in_words(d, "en"), "2 March 2024");
        let d = NaiveDate::from_ymd_opt(2023, 12, 31).unwrap();
        assert_eq!(date_in_words(d, "nl"), "31 december 2023");
    }

    #[test]
    fn organisation_fallbacks() {
        let mut o = Organisation {
            name: "Gemeente Test".into(),
            address: "Postbus 1, 1000 AA Test".into(),
            contact: "privacy@test.example".into(),
            ..Default::default()
        };
        assert_eq!(o.objection_address(), "Postbus 1, 1000 AA Test");
        assert_eq!(o.request_mailbox(), "privacy@test.example");
        assert_eq!(
            o.missing_descriptions(),
            ["purpose", "recipients", "source", "retention"]
        );
        o.objection_address = Some("Postbus 2, 1000 AB Test".into());
        o.purpose = Some("onderzoek".into());
        assert_eq!(o.objection_address(), "Postbus 2, 1000 AB Test");
        assert_eq!(
            o.missing_descriptions(),
            ["recipients", "source", "retention"]
        );
    }

    #[test]
    fn kinds_in_both_languages() {
        assert_eq!(kind_label("email", "nl"), "uw e-mailadres");
        assert_eq!(kind_label("email", "en"), "your e-mail address");
        assert!(is_special("religion") && !is_special("person"));
        assert_eq!(image_type(b"\x89PNG\r\n\x1a\nrest"), Some("png"));
        assert_eq!(image_type(b"GIF89a"), None);
    }
}
