//! Disposition suggestions. grondslag suggests, a person decides: a suggestion is never applied
//! without an `assess` by a user.
//!
//! The rule follows the procedure: a document whose *purpose* was processing personal data
//! (profiles, analyses of persons or organisations) is destroyed; a document with a broader
//! purpose that merely *contains* personal data is redacted and archived.

/// What the suggestion is computed from: counts, never content.
#[derive(Clone, Debug, Default)]
pub struct DocumentFacts {
    /// Bytes of extracted text.
    pub text_len: usize,
    pub person_findings: usize,
    pub special_findings: usize,
    pub other_findings: usize,
    /// Distinct data subjects occurring in the document.
    pub subjects: usize,
    /// Whether words typical of analyses of persons occur in the first part of the text
    /// ("analyse", "profiel", "netwerk", "achtergrond", "risico", "duiding").
    pub analysis_cues: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Suggested {
    Destroy,
    RedactAndArchive,
    /// Nothing personal found: no action needed.
    NoAction,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Suggestion {
    pub disposition: Suggested,
    pub reasons: Vec<String>,
}

/// Words that mark a document as an analysis of persons, counted by the caller in the text head.
pub const ANALYSIS_CUES: [&str; 8] = [
    "analyse",
    "profiel",
    "netwerk",
    "achtergrond",
    "risico",
    "duiding",
    "radicalis",
    "invloed",
];

pub fn suggest(f: &DocumentFacts) -> Suggestion {
    let mut reasons = Vec::new();
    let personal = f.person_findings + f.special_findings + f.other_findings;
    if personal == 0 {
        return Suggestion {
            disposition: Suggested::NoAction,
            reasons: vec!["geen persoonsgegevens gevonden".into()],
        };
    }
    // Person mentions per 1,000 bytes of text: profiles are dense with names.
    let density = f.person_findings as f64 * 1000.0 / f.text_len.max(1) as f64;
    let mut score = 0.0;
    if density >= 4.0 {
        score += 1.0;
        reasons.push(format!(
            "hoge dichtheid aan persoonsnamen ({density:.1} per 1000 tekens)"
        ));
    }
    if f.special_findings > 0 {
        score += 1.0 + (f.special_findings as f64 / 5.0).min(1.0);
        reasons.push(format!(
            "{} bijzondere persoonsgegevens (art. 9/10 AVG)",
            f.special_findings
        ));
    }
    if f.analysis_cues >= 2 {
        score += 1.0;
        reasons.push("opbouw van een analyse van personen of organisaties".into());
    }
    if f.subjects >= 5 {
        score += 0.5;
        reasons.push(format!("{} betrokkenen", f.subjects));
    }
    if score >= 2.0 {
        Suggestion {
            disposition: Suggested::Destroy,
            reasons,
        }
    } else {
        reasons.push("bredere strekking; bevat persoonsgegevens".into());
        Suggestion {
            disposition: Suggested::RedactAndArchive,
            reasons,
        }
    }
}

/// Counts [`ANALYSIS_CUES`] in the first 4 KB of `text`, case-insensitively.
pub fn count_analysis_cues(text: &str) -> usize {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].to_lowercase();
    ANALYSIS_CUES.iter().filter(|c| head.contains(*c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_are_destroyed_letters_archived() {
        let profile = DocumentFacts {
            text_len: 3000,
            person_findings: 20,
            special_findings: 4,
            other_findings: 3,
            subjects: 8,
            analysis_cues: 3,
        };
        assert_eq!(suggest(&profile).disposition, Suggested::Destroy);
        let letter = DocumentFacts {
            text_len: 5000,
            person_findings: 2,
            special_findings: 0,
            other_findings: 1,
            subjects: 1,
            analysis_cues: 0,
        };
        assert_eq!(suggest(&letter).disposition, Suggested::RedactAndArchive);
        assert_eq!(
            suggest(&DocumentFacts::default()).disposition,
            Suggested::NoAction
        );
        assert_eq!(
            count_analysis_cues("Analyse van het netwerk rond de moskee"),
            2
        );
    }
}
