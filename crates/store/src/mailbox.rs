//! Which request mails were imported, by Message-ID, so that importing a mailbox again — over
//! IMAP, or the same mail once as a file and once from the server — adds nothing.
//!
//! A Message-ID can name its sender (`<jan.jansen.123@example.org>`), so only a keyed HMAC of
//! it is stored. The row outlives the request: after a destruction run destroyed the request,
//! the same mail is still recognised and not imported again (a tombstone).

use rusqlite::{params, OptionalExtension};

use crate::{time, DbContext, RequestId, Store, StoreError};

const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS request_message_ids(
  mac BLOB PRIMARY KEY, request INTEGER NOT NULL, ts TEXT NOT NULL);";

/// A Message-ID as compared: without angle brackets and surrounding space, case kept for the
/// local part (RFC 5322 compares it as a whole; servers keep it as sent).
fn normalise(message_id: &str) -> &str {
    message_id
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
}

impl Store {
    fn ensure_mailbox_schema(&self) -> Result<(), StoreError> {
        self.conn()
            .execute_batch(SCHEMA)
            .ctx("creating the message-id table")
    }

    fn message_id_mac(&self, message_id: &str) -> Vec<u8> {
        self.vault()
            .mac("request-message-id", normalise(message_id).as_bytes())
            .to_vec()
    }

    /// The request a mail with this Message-ID became, if it was imported before (also when
    /// that request was destroyed since).
    pub fn request_by_message_id(&self, message_id: &str) -> Result<Option<RequestId>, StoreError> {
        if normalise(message_id).is_empty() {
            return Ok(None);
        }
        self.ensure_mailbox_schema()?;
        let id: Option<i64> = self
            .conn()
            .query_row(
                "SELECT request FROM request_message_ids WHERE mac = ?1",
                [self.message_id_mac(message_id)],
                |r| r.get(0),
            )
            .optional()
            .ctx("looking up a message id")?;
        Ok(id.map(RequestId))
    }

    /// The run that destroyed request `id`, if one did.
    pub fn request_destroyed_by(&self, id: RequestId) -> Result<Option<crate::RunId>, StoreError> {
        let run: Option<Option<i64>> = self
            .conn()
            .query_row(
                "SELECT destroyed_run FROM requests WHERE id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .optional()
            .ctx("reading a request")?;
        Ok(run.flatten().map(crate::RunId))
    }

    /// Records that the mail with this Message-ID is request `request`.
    pub fn record_message_id(
        &mut self,
        message_id: &str,
        request: RequestId,
    ) -> Result<(), StoreError> {
        if normalise(message_id).is_empty() {
            return Ok(());
        }
        self.ensure_mailbox_schema()?;
        self.conn()
            .execute(
                "INSERT OR IGNORE INTO request_message_ids(mac, request, ts) VALUES (?1, ?2, ?3)",
                params![self.message_id_mac(message_id), request.0, time::now()],
            )
            .ctx("recording a message id")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_are_found_and_not_stored_in_plain_text() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let id = "<jan.zonderland.77@voorbeeld.nl>";
        assert_eq!(store.request_by_message_id(id).unwrap(), None);
        store.record_message_id(id, RequestId(4)).unwrap();
        assert_eq!(
            store
                .request_by_message_id(" jan.zonderland.77@voorbeeld.nl ")
                .unwrap(),
            Some(RequestId(4))
        );
        assert_eq!(store.request_by_message_id("").unwrap(), None);
        drop(store);
        let db = std::fs::read(dir.path().join("grondslag.db")).unwrap();
        assert!(!db.windows(10).any(|w| w == b"zonderland"));
    }
}
