//! Registered users: who may decide and who may look.
//!
//! Four eyes only mean something when "two different users" cannot be faked by writing one
//! name twice in another way. A name is therefore compared by its key: NFKC, case-folded,
//! trimmed, inner white space collapsed to one space, NFKC again. A name that is empty after
//! that, or that holds a control character or an invisible one (format characters such as
//! U+200B, default-ignorable code points such as U+3164, variation selectors), is refused at
//! registration and when it is given as the acting user. Two registered users never share a
//! key.
//!
//! Roles say what the web application shows and allows; on the command line every registered
//! user may run every command (whoever holds the home's files holds its keys). Decisions and
//! views of personal data name a registered user ([`Store::act_as`]).

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

use crate::{time, DbContext, Store, StoreError};

pub(crate) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS users(
  key TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL);
";

/// What a user may do in the web application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    PrivacyOfficer,
    Approver,
    Member,
    Fg,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::PrivacyOfficer,
        Role::Approver,
        Role::Member,
        Role::Fg,
    ];

    /// The name used on the command line and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::PrivacyOfficer => "privacy_officer",
            Role::Approver => "approver",
            Role::Member => "member",
            Role::Fg => "fg",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether this role may see personal data in views of the trail and the inventory
    /// (the working group: privacy officer, FG, administrator).
    pub fn sees_personal_data(self) -> bool {
        matches!(self, Role::Admin | Role::PrivacyOfficer | Role::Fg)
    }
}

/// A registered user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    /// The name as registered (trimmed, NFKC).
    pub name: String,
    pub role: Role,
    pub created_by: String,
    pub created_at: String,
}

/// Why a name cannot be a user name. Never echoes the name (it may hold escape sequences).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadUserName {
    Empty,
    /// A control or invisible character at this character position (0-based).
    Invisible {
        position: usize,
    },
}

/// The key a user name is compared by, or why it cannot be one.
pub fn user_key(name: &str) -> Result<String, BadUserName> {
    for (position, c) in name.chars().enumerate() {
        if is_forbidden(c) {
            return Err(BadUserName::Invisible { position });
        }
    }
    let nfkc: String = name.nfkc().collect();
    let folded = nfkc.to_lowercase();
    let collapsed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    let key: String = collapsed.nfkc().collect();
    if key.is_empty() {
        return Err(BadUserName::Empty);
    }
    Ok(key)
}

/// Whether two recorded user names name one user (by key; names without a key compare as
/// they are).
pub(crate) fn same_user(a: &str, b: &str) -> bool {
    match (user_key(a), user_key(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// The name as it is kept for display: NFKC, trimmed, inner white space collapsed.
fn display_name(name: &str) -> String {
    let nfkc: String = name.nfkc().collect();
    nfkc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Control characters, format characters, separators other than the space, private use,
/// unassigned and surrogate code points, and the default-ignorable code points that are not
/// format characters (Hangul fillers, variation selectors, the combining grapheme joiner, …).
fn is_forbidden(c: char) -> bool {
    use GeneralCategory as G;
    if c == ' ' {
        return false;
    }
    if matches!(
        c.general_category(),
        G::Control
            | G::Format
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::PrivateUse
            | G::Surrogate
            | G::Unassigned
    ) {
        return true;
    }
    // White space other than U+0020 would make two names look alike.
    if c.is_whitespace() {
        return true;
    }
    matches!(c as u32,
        0x034F | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F | 0x2800 | 0x3164
        | 0xFE00..=0xFE0F | 0xFFA0 | 0xE0100..=0xE01EF)
}

impl Store {
    /// Registers a user. The first user of a home may be registered by anyone; after that the
    /// acting user must be registered. Refuses a bad name and one whose key is taken.
    pub fn add_user(&mut self, name: &str, role: Role) -> Result<User, StoreError> {
        let key = user_key(name).map_err(StoreError::BadUserName)?;
        if self.user_count()? > 0 && self.registered_actor()?.is_none() {
            return Err(StoreError::UnknownUser);
        }
        if self.find_user_by_key(&key)?.is_some() {
            return Err(StoreError::UserExists);
        }
        let user = User {
            name: display_name(name),
            role,
            created_by: self.actor().to_string(),
            created_at: time::now(),
        };
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting user add")?;
        tx.execute(
            "INSERT INTO users(key, name, role, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![key, user.name, role.as_str(), user.created_by, user.created_at],
        )
        .ctx("registering a user")?;
        // Staff names are not data subjects' data; the log already names the acting users.
        self.audit(
            "user added",
            &format!("user {}", user.name),
            &format!("role={}", role.as_str()),
        )?;
        tx.commit().ctx("committing user add")?;
        self.flush_head()?;
        Ok(user)
    }

    /// Every registered user, by name.
    pub fn users(&self) -> Result<Vec<User>, StoreError> {
        let rows: Vec<(String, String, String, String)> = self.rows(
            "SELECT name, role, created_by, created_at FROM users ORDER BY key",
            [],
            "listing users",
        )?;
        rows.into_iter()
            .map(|(name, role, created_by, created_at)| {
                Ok(User {
                    name,
                    role: Role::parse(&role)
                        .ok_or_else(|| StoreError::Corrupt(format!("unknown role {role}")))?,
                    created_by,
                    created_at,
                })
            })
            .collect()
    }

    /// The registered user `name` refers to, if any.
    pub fn find_user(&self, name: &str) -> Result<Option<User>, StoreError> {
        match user_key(name) {
            Ok(key) => self.find_user_by_key(&key),
            Err(_) => Ok(None),
        }
    }

    fn find_user_by_key(&self, key: &str) -> Result<Option<User>, StoreError> {
        let row: Option<(String, String, String, String)> = self
            .conn()
            .query_row(
                "SELECT name, role, created_by, created_at FROM users WHERE key = ?1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .ctx("reading a user")?;
        row.map(|(name, role, created_by, created_at)| {
            Ok(User {
                name,
                role: Role::parse(&role)
                    .ok_or_else(|| StoreError::Corrupt(format!("unknown role {role}")))?,
                created_by,
                created_at,
            })
        })
        .transpose()
    }

    fn user_count(&self) -> Result<i64, StoreError> {
        self.conn()
            .query_row("SELECT COUNT(*) FROM users", [], |r| r.get(0))
            .ctx("counting users")
    }

    /// The registered user the acting user is, if any.
    pub fn registered_actor(&self) -> Result<Option<User>, StoreError> {
        self.find_user(self.actor())
    }

    /// Acts as the registered user `name` from now on: the audit log, approvals and decisions
    /// name them as registered. Refuses a bad name and a name nobody registered.
    pub fn act_as(&mut self, name: &str) -> Result<User, StoreError> {
        let key = user_key(name).map_err(StoreError::BadUserName)?;
        let user = self
            .find_user_by_key(&key)?
            .ok_or(StoreError::UnknownUser)?;
        self.set_actor(&user.name);
        Ok(user)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_look_alike_have_one_key() {
        let k = user_key("alice").unwrap();
        for v in ["ALICE", "alice ", " Alice", "ａｌｉｃｅ", "Alice"] {
            assert_eq!(user_key(v).unwrap(), k, "{v:?}");
        }
        assert_eq!(
            user_key("Zoë  de Wit").unwrap(),
            user_key(" ZOË DE WIT ").unwrap()
        );
        // Composed and decomposed ë.
        assert_eq!(
            user_key("Zo\u{00EB}").unwrap(),
            user_key("Zoe\u{0308}").unwrap()
        );
        assert_ne!(user_key("alice").unwrap(), user_key("alicia").unwrap());
    }

    #[test]
    fn empty_control_and_invisible_names_are_refused() {
        assert_eq!(user_key(""), Err(BadUserName::Empty));
        assert_eq!(user_key("   "), Err(BadUserName::Empty));
        for bad in [
            "alice\u{200B}",
            "al\u{200D}ice",
            "alice\u{FEFF}",
            "alice\u{00AD}",
            "alice\u{3164}",
            "alice\u{FE0F}",
            "alice\t",
            "alice\n",
            "\u{1b}[31malice",
            "alice\u{2028}",
            "alice\u{00A0}bob",
            "alice\u{E000}",
        ] {
            assert!(
                matches!(user_key(bad), Err(BadUserName::Invisible { .. })),
                "{bad:?} was accepted"
            );
        }
    }

    #[test]
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
