//! Informing decisions per data subject (AVG art. 13/14): inform personally or not, on grounds
//! from a fixed list, with the considerations the working group weighed.

/// Why a data subject is not informed personally (art. 14(5)(b) and the case's own ground).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotInformingGround {
    /// Geen betrouwbare contactgegevens.
    NoReliableContactDetails,
    /// Onevenredige inspanning om de betrokkene te vinden.
    DisproportionateEffort,
    /// Veiligheid van medewerkers.
    SafetyOfStaff,
    /// Anders, met toelichting.
    Other,
}

impl NotInformingGround {
    pub fn dutch(self) -> &'static str {
        match self {
            NotInformingGround::NoReliableContactDetails => "geen betrouwbare contactgegevens",
            NotInformingGround::DisproportionateEffort => {
                "onevenredige inspanning om de betrokkene te vinden (art. 14 lid 5 sub b AVG)"
            }
            NotInformingGround::SafetyOfStaff => "veiligheid van medewerkers",
            NotInformingGround::Other => "anders (zie toelichting)",
        }
    }
}

/// The considerations weighed for one subject; all of them are recorded with the decision.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Considerations {
    pub risk_to_person: String,
    pub damage_suffered: String,
    pub possible_claims: String,
    pub pending_requests: String,
}

/// A decision on informing one data subject.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum InformingDecision {
    Inform,
    DoNotInform {
        ground: NotInformingGround,
        explanation: String,
    },
}

impl InformingDecision {
    /// `Other` needs an explanation; the fixed grounds may carry one.
    pub fn validate(&self) -> Result<(), &'static str> {
        match self {
            InformingDecision::DoNotInform {
                ground: NotInformingGround::Other,
                explanation,
            } if explanation.trim().is_empty() => Err("de grond 'anders' vraagt een toelichting"),
            _ => Ok(()),
        }
    }
}
