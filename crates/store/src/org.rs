//! The organisation that sends letters and signs certificates (`grondslag org set|show`).
//!
//! The body's name, addresses, contact and the descriptions of the processing are public facts
//! and stored as they are. The signatory and the data protection officer's contact are people:
//! they are sealed as a note (under a key of its own, like every reason an official types), so
//! that the promise "no name in plain text under DIR" holds for staff too. Notes and their keys
//! are the store's own and survive a restore; the key is rewrapped by every KEK rotation like
//! any other. Should it be unreadable anyway, [`Store::organisation`] asks to record the
//! organisation again ([`StoreError::Invalid`]).

use grondslag_procedure::letters::Organisation;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::{time, DbContext, Store, StoreError};

const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS organisation(
  id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL, address TEXT NOT NULL,
  contact TEXT NOT NULL, public_json TEXT NOT NULL, people_note INTEGER NOT NULL,
  logo BLOB, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL);";

/// The public descriptions, stored as JSON next to the fixed columns.
#[derive(Default, Serialize, Deserialize)]
struct PublicPart {
    objection_address: Option<String>,
    request_mailbox: Option<String>,
    purpose: Option<String>,
    recipients: Option<String>,
    source: Option<String>,
    retention: Option<String>,
}

/// The sealed part: people.
#[derive(Default, Serialize, Deserialize)]
struct People {
    signatory: String,
    fg_contact: Option<String>,
}

impl Store {
    fn ensure_org_schema(&self) -> Result<(), StoreError> {
        self.conn()
            .execute_batch(SCHEMA)
            .ctx("creating the organisation table")
    }

    /// Records the organisation, replacing the one recorded before.
    pub fn set_organisation(&mut self, org: &Organisation) -> Result<(), StoreError> {
        for (field, value) in [
            ("name", &org.name),
            ("address", &org.address),
            ("signatory", &org.signatory),
            ("contact", &org.contact),
        ] {
            if value.trim().is_empty() {
                return Err(StoreError::Invalid(format!(
                    "organisation {field} is empty"
                )));
            }
        }
        if let Some(logo) = &org.logo {
            if grondslag_procedure::letters::image_type(logo).is_none() {
                return Err(StoreError::Invalid(
                    "the logo is not a PNG or JPEG image".into(),
                ));
            }
        }
        self.ensure_org_schema()?;
        let public = PublicPart {
            objection_address: org.objection_address.clone(),
            request_mailbox: org.request_mailbox.clone(),
            purpose: org.purpose.clone(),
            recipients: org.recipients.clone(),
            source: org.source.clone(),
            retention: org.retention.clone(),
        };
        let people = People {
            signatory: org.signatory.clone(),
            fg_contact: org.fg_contact.clone(),
        };
        let old_note: Option<i64> = self
            .conn()
            .query_row(
                "SELECT people_note FROM organisation WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .ctx("reading the organisation")?;
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting org set")?;
        let people_json =
            serde_json::to_string(&people).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let note = self.put_note(&people_json)?;
        let public_json =
            serde_json::to_string(&public).map_err(|e| StoreError::Invalid(e.to_string()))?;
        tx.execute(
            "INSERT OR REPLACE INTO organisation(id, name, address, contact, public_json, people_note, logo, updated_at, updated_by)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![org.name, org.address, org.contact, public_json, note, org.logo, time::now(), self.actor()],
        )
        .ctx("storing the organisation")?;
        if let Some(old) = old_note {
            // The old signatory is shredded with its note's key.
            tx.execute(
                "DELETE FROM keys WHERE id = (SELECT key_id FROM notes WHERE id = ?1)",
                [old],
            )
            .ctx("deleting the old organisation key")?;
            tx.execute("DELETE FROM notes WHERE id = ?1", [old])
                .ctx("deleting the old organisation note")?;
        }
        let mut set = vec!["name", "address", "signatory", "contact"];
        for (name, present) in [
            ("fg_contact", org.fg_contact.is_some()),
            ("objection_address", org.objection_address.is_some()),
            ("request_mailbox", org.request_mailbox.is_some()),
            ("purpose", org.purpose.is_some()),
            ("recipients", org.recipients.is_some()),
            ("source", org.source.is_some()),
            ("retention", org.retention.is_some()),
            ("logo", org.logo.is_some()),
        ] {
            if present {
                set.push(name);
            }
        }
        self.audit(
            "organisation recorded",
            "organisation",
            &format!("fields={}", set.join(",")),
        )?;
        tx.commit().ctx("committing org set")?;
        self.forget_cached_key();
        self.flush_head()
    }

    /// The organisation, or `None` when none was recorded.
    pub fn organisation(&self) -> Result<Option<Organisation>, StoreError> {
        self.ensure_org_schema()?;
        type Row = (String, String, String, String, i64, Option<Vec<u8>>);
        let row: Option<Row> = self
            .conn()
            .query_row(
                "SELECT name, address, contact, public_json, people_note, logo FROM organisation WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
            )
            .optional()
            .ctx("reading the organisation")?;
        let Some((name, address, contact, public_json, note, logo)) = row else {
            return Ok(None);
        };
        let public: PublicPart = serde_json::from_str(&public_json)
            .map_err(|_| StoreError::Corrupt("the organisation record is not valid".into()))?;
        let people_json = self.get_note(Some(note))?.ok_or_else(|| {
            StoreError::Invalid(
                "the signatory of the organisation can no longer be unsealed (its key is gone); record the organisation again with `org set`".into(),
            )
        })?;
        let people: People = serde_json::from_str(&people_json)
            .map_err(|_| StoreError::Corrupt("the organisation record is not valid".into()))?;
        Ok(Some(Organisation {
            name,
            address,
            signatory: people.signatory,
            contact,
            fg_contact: people.fg_contact,
            objection_address: public.objection_address,
            request_mailbox: public.request_mailbox,
            purpose: public.purpose,
            recipients: public.recipients,
            source: public.source,
            retention: public.retention,
            logo,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_show_replace_and_no_signatory_in_plain_text() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        assert!(store.organisation().unwrap().is_none());
        let mut org = Organisation {
            name: "Gemeente Test".into(),
            address: "Postbus 1, 1000 AA Test".into(),
            signatory: "Wilhelmina Zonderland, FG".into(),
            contact: "privacy@test.example".into(),
            purpose: Some("analyse".into()),
            ..Default::default()
        };
        store.set_organisation(&org).unwrap();
        assert_eq!(store.organisation().unwrap().as_ref(), Some(&org));
        org.signatory = "Bartholomeus Anders".into();
        org.purpose = None;
        store.set_organisation(&org).unwrap();
        assert_eq!(store.organisation().unwrap().as_ref(), Some(&org));
        drop(store);
        let db = std::fs::read(dir.path().join("grondslag.db")).unwrap();
        for name in [&b"Zonderland"[..], b"Bartholomeus"] {
            assert!(!db.windows(name.len()).any(|w| w == name));
        }
        let mut store = Store::open(dir.path()).unwrap();
        org.name = " ".into();
        assert!(store.set_organisation(&org).is_err());
        org.name = "x".into();
        org.logo = Some(b"not an image".to_vec());
        assert!(store.set_organisation(&org).is_err());
        store.audit_verify().unwrap();
    }

    #[test]
    fn survives_backup_and_restore() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("home")).unwrap();
        let org = Organisation {
            name: "Gemeente Test".into(),
            address: "Postbus 1".into(),
            signatory: "A. Test".into(),
            contact: "c@test.example".into(),
            ..Default::default()
        };
        store.set_organisation(&org).unwrap();
        let backup = dir.path().join("b.bak");
        store.backup(&backup).unwrap();
        store.restore(&backup, &|_| true).unwrap();
        assert_eq!(store.organisation().unwrap().as_ref(), Some(&org));
    }
}
