//! The schema of `grondslag.db` and its migrations, in one place, for any connection: the
//! store's own and a backup's database being restored (which may come from an older version).
//!
//! Tables are created with `CREATE TABLE IF NOT EXISTS`; columns added later are added where
//! missing; keys, notes, documents, paths, findings and subjects never reuse an id
//! (AUTOINCREMENT), so that across a backup and the store it came from one id always names one
//! row — what lets a restore carry rows over from the store into the backup's database.

use rusqlite::Connection;

use crate::{DbContext, StoreError};

const SCHEMA: &str = include_str!("schema.sql");

/// Columns added after their table was first created.
const ADDED_COLUMNS: &[(&str, &str, &str)] = &[
    ("run_items", "prepared_key", "INTEGER"),
    ("run_items", "prepared_blob", "TEXT"),
    ("run_items", "note", "TEXT"),
    ("runs", "cancelled_at", "TEXT"),
    ("runs", "cancelled_by", "TEXT"),
    ("runs", "cancel_reason_note", "INTEGER"),
    ("requests", "objection_note", "INTEGER"),
    ("requests", "objection_hold", "INTEGER"),
];

/// Tables whose ids are never reused (AUTOINCREMENT): rows of them are named by id in the
/// audit log, in tombstones, holds, decisions and runs, and a restore carries rows across a
/// backup and its store by id.
const NEVER_REUSED: &[&str] = &[
    "keys",
    "notes",
    "documents",
    "paths",
    "findings",
    "subjects",
];

/// Brings the schema of `conn` up to date. Idempotent.
pub(crate) fn migrate(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(SCHEMA).ctx("creating the schema")?;
    for schema in [
        crate::requests::SCHEMA,
        crate::users::SCHEMA,
        crate::tombstones::SCHEMA,
        crate::informing::SCHEMA,
    ] {
        conn.execute_batch(schema).ctx("creating the schema")?;
    }
    for (table, column, decl) in ADDED_COLUMNS {
        if !has_column(conn, table, column)? {
            conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} {decl}"))
                .ctx("adding a column")?;
        }
    }
    for table in NEVER_REUSED {
        let sql: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .ctx("reading the schema")?;
        if !sql.contains("AUTOINCREMENT") {
            let rebuilt = sql
                .replacen(
                    &format!("TABLE {table}("),
                    &format!("TABLE {table}_new("),
                    1,
                )
                .replacen(
                    "id INTEGER PRIMARY KEY",
                    "id INTEGER PRIMARY KEY AUTOINCREMENT",
                    1,
                );
            conn.execute_batch(&format!(
                "BEGIN;
                 {rebuilt};
                 INSERT INTO {table}_new SELECT * FROM {table};
                 DROP TABLE {table};
                 ALTER TABLE {table}_new RENAME TO {table};
                 COMMIT;"
            ))
            .ctx("migrating a table to ids that are never reused")?;
        }
    }
    // Indexes dropped with a rebuilt table come back.
    conn.execute_batch(SCHEMA).ctx("creating the schema")?;
    Ok(())
}

pub(crate) fn has_column(conn: &Connection, table: &str, column: &str) -> Result<bool, StoreError> {
    conn.query_row(
        &format!("SELECT COUNT(*) > 0 FROM pragma_table_info('{table}') WHERE name = ?1"),
        [column],
        |r| r.get(0),
    )
    .ctx("reading the schema")
}
