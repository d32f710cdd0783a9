//! The lifecycle of an access request. Every transition is recorded by the store; this module
//! says which transitions are allowed.

use std::fmt;

/// Where an access request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Received,
    IdentityChecked,
    Searched,
    Answered,
    Inspected,
    Objected,
    Refused,
    Closed,
    Destroyed,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 9] = [
        RequestStatus::Received,
        RequestStatus::IdentityChecked,
        RequestStatus::Searched,
        RequestStatus::Answered,
        RequestStatus::Inspected,
        RequestStatus::Objected,
        RequestStatus::Refused,
        RequestStatus::Closed,
        RequestStatus::Destroyed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Received => "received",
            RequestStatus::IdentityChecked => "identity_checked",
            RequestStatus::Searched => "searched",
            RequestStatus::Answered => "answered",
            RequestStatus::Inspected => "inspected",
            RequestStatus::Objected => "objected",
            RequestStatus::Refused => "refused",
            RequestStatus::Closed => "closed",
            RequestStatus::Destroyed => "destroyed",
        }
    }

    pub fn parse(s: &str) -> Option<RequestStatus> {
        RequestStatus::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Whether the request still runs against its deadline.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            RequestStatus::Answered
                | RequestStatus::Inspected
                | RequestStatus::Objected
                | RequestStatus::Refused
                | RequestStatus::Closed
                | RequestStatus::Destroyed
        )
    }

    /// Whether the request may move from `self` to `next`. Searching may be repeated and an
    /// identity check may follow a search; an objection can come at any point after the answer;
    /// closing is possible from every state but destroyed.
    pub fn can_move_to(self, next: RequestStatus) -> bool {
        use RequestStatus as S;
        match (self, next) {
            (S::Destroyed, _) => false,
            (_, S::Destroyed) => self == S::Closed,
            (_, S::Closed) => true,
            (S::Received | S::IdentityChecked | S::Searched, S::IdentityChecked | S::Searched) => {
                true
            }
            (S::Received | S::IdentityChecked | S::Searched, S::Refused) => true,
            (S::IdentityChecked | S::Searched | S::Answered, S::Answered) => true,
            (S::Answered, S::Inspected) => true,
            (S::Answered | S::Inspected | S::Objected, S::Objected) => true,
            _ => false,
        }
    }
}

impl fmt::Display for RequestStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::RequestStatus as S;

    #[test]
    fn transitions() {
        let allowed = [
            (S::Received, S::IdentityChecked),
            (S::IdentityChecked, S::Searched),
            (S::Searched, S::Answered),
            (S::IdentityChecked, S::Answered),
            (S::Answered, S::Inspected),
            (S::Inspected, S::Objected),
            (S::Answered, S::Objected),
            (S::Objected, S::Closed),
            (S::Received, S::Closed),
            (S::Closed, S::Destroyed),
            (S::Received, S::Refused),
        ];
        for (a, b) in allowed {
            assert!(a.can_move_to(b), "{a} -> {b}");
        }
        let refused = [
            (S::Received, S::Answered),
            (S::Destroyed, S::Closed),
            (S::Answered, S::Destroyed),
            (S::Received, S::Inspected),
            (S::Closed, S::Answered),
        ];
        for (a, b) in refused {
            assert!(!a.can_move_to(b), "{a} -> {b}");
        }
        for s in S::ALL {
            assert_eq!(S::parse(s.as_str()), Some(s));
        }
    }
}
