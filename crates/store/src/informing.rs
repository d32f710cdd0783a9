//! Informing decisions per data subject (AVG art. 13/14): inform personally or not, on a ground
//! from a fixed list, with the considerations weighed. The considerations are typed by officials
//! and may name people, so they are sealed as a note; the decision and ground are not personal.

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::{time, DbContext, Store, StoreError, SubjectId};

pub(crate) const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS informing(
  id INTEGER PRIMARY KEY, subject INTEGER NOT NULL, inform INTEGER NOT NULL, ground TEXT,
  note INTEGER, user TEXT NOT NULL, ts TEXT NOT NULL);";

/// Counts of the latest decision per subject, for the accountability report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct InformingCounts {
    pub inform: u64,
    pub do_not_inform: u64,
    /// Per ground of not informing.
    pub by_ground: BTreeMap<String, u64>,
    pub undecided: u64,
}

impl Store {
    /// Records a decision for `subject`: `ground` is `None` when the subject is informed
    /// personally. `considerations` (free text) is sealed.
    pub fn record_informing(
        &mut self,
        subject: SubjectId,
        ground: Option<&str>,
        considerations: &str,
    ) -> Result<(), StoreError> {
        self.conn()
            .execute_batch(SCHEMA)
            .ctx("creating the informing table")?;
        let exists: Option<i64> = self
            .conn()
            .query_row("SELECT id FROM subjects WHERE id = ?1", [subject.0], |r| {
                r.get(0)
            })
            .optional()
            .ctx("reading a subject")?;
        if exists.is_none() {
            return Err(StoreError::NoSuchSubject(subject));
        }
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting informing decision")?;
        let note = if considerations.trim().is_empty() {
            None
        } else {
            Some(self.put_note(considerations)?)
        };
        tx.execute(
            "INSERT INTO informing(subject, inform, ground, note, user, ts) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![subject.0, ground.is_none(), ground, note, self.actor(), time::now()],
        )
        .ctx("recording an informing decision")?;
        self.audit(
            "informing.decide",
            &format!("subject {subject}"),
            &match ground {
                None => "inform=yes".to_string(),
                Some(g) => format!("inform=no ground={g}"),
            },
        )?;
        tx.commit().ctx("committing informing decision")?;
        self.flush_head()
    }

    /// The latest decision per subject, counted; subjects without a decision are undecided.
    pub fn informing_counts(&self) -> Result<InformingCounts, StoreError> {
        self.conn()
            .execute_batch(SCHEMA)
            .ctx("creating the informing table")?;
        let mut st = self
            .conn()
            .prepare(
                "SELECT s.id, i.inform, i.ground FROM subjects s LEFT JOIN informing i
                 ON i.id = (SELECT MAX(id) FROM informing WHERE subject = s.id)",
            )
            .ctx("counting informing decisions")?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<bool>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ))
            })
            .ctx("counting informing decisions")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("counting informing decisions")?;
        let mut c = InformingCounts::default();
        for (_, inform, ground) in rows {
            match inform {
                None => c.undecided += 1,
                Some(true) => c.inform += 1,
                Some(false) => {
                    c.do_not_inform += 1;
                    *c.by_ground.entry(ground.unwrap_or_default()).or_default() += 1;
                }
            }
        }
        Ok(c)
    }
}
