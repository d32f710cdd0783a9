//! Facts a Woo publication list needs that the inventory views do not show.

use rusqlite::OptionalExtension;

use crate::{time, DbContext, DocId, Store, StoreError};

impl Store {
    /// The date of a document as `YYYY-MM-DD`: the modification time of the file it was found
    /// in, as the scan saw it. `None` when unknown.
    pub fn document_date(&self, id: DocId) -> Result<Option<String>, StoreError> {
        let mtime: Option<Option<i64>> = self
            .conn()
            .query_row("SELECT mtime FROM documents WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()
            .ctx("reading a document date")?;
        let Some(Some(mtime)) = mtime else {
            return Ok(None);
        };
        if mtime <= 0 {
            return Ok(None);
        }
        // The scan records nanoseconds; older callers may have given seconds.
        let secs = if mtime > 100_000_000_000 {
            mtime / 1_000_000_000
        } else {
            mtime
        };
        Ok(Some(time::format_utc(secs)[..10].to_string()))
    }
}
