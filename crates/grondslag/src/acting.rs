//! Which commands need a registered acting user: those that record a decision or show stored
//! personal data (`../shared/CONTRACTS.md`, "Users"). One table, read once by `main`.

use crate::cli::{Command as C, DestroyAction, OrgAction};

/// True when `cmd` records a decision or shows stored personal data.
pub fn needs_registered_user(cmd: &C) -> bool {
    match cmd {
        // Decisions.
        C::Assess(_) | C::Hold(_) | C::Inform(_) | C::Request(_) | C::Restore(_) => true,
        C::Destroy(d) => !matches!(d.action, DestroyAction::Certificate { .. }),
        // Views of personal data (and merge/split, which are decisions).
        C::Document(_) | C::Text(_) | C::Subject(_) => true,
        // Who signs every letter is a decision; showing it (and the templates) is not.
        C::Org(o) => matches!(o.action, OrgAction::Set { .. }),
        C::Letters(_) => false,
        // `user add` checks itself: the first user of a home may be added by anyone.
        C::User(_) => false,
        C::Extract(_)
        | C::Detect(_)
        | C::Init(_)
        | C::Scan(_)
        | C::Summary(_)
        | C::Documents(_)
        | C::Subjects(_)
        | C::Redact(_)
        | C::Suggest(_)
        | C::Backup(_)
        | C::Audit(_)
        | C::Processings(_)
        | C::WooList(_)
        | C::Report(_)
        | C::Window(_)
        | C::Requests(_) => false,
    }
}
