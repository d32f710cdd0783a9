//! `destroy execute --delete-sources`: the originals on the share go too.
//!
//! A destruction run destroys what the store holds; the files the scan read are still on the
//! share. This deletes each of them that still holds exactly the destroyed content (its
//! tombstone matches), and reports every one it could not reach (gone, changed, inside a
//! mail or archive, no permission), without naming them in the log: paths can hold names.

use std::path::Path;

use grondslag_i18n::tr;
use grondslag_store::{RunId, Source, Store};

use crate::ui;

pub fn delete(store: &mut Store, run: RunId, sources: &[Source]) -> anyhow::Result<()> {
    let mut deleted = 0;
    let mut unreachable: Vec<(&Source, String)> = Vec::new();
    for s in sources {
        if !s.top_level {
            unreachable.push((s, tr!("sources-inside-container")));
            continue;
        }
        let path = Path::new(&s.path);
        match std::fs::read(path) {
            Err(e) => unreachable.push((s, crate::detect_cmd::io_reason(&e))),
            Ok(bytes) => match store.destroyed_content(&bytes)? {
                Some(r) if r == run => match std::fs::remove_file(path) {
                    Ok(()) => deleted += 1,
                    Err(e) => unreachable.push((s, crate::detect_cmd::io_reason(&e))),
                },
                _ => unreachable.push((s, tr!("sources-changed"))),
            },
        }
    }
    store.record_sources_deleted(run, deleted, unreachable.len())?;
    println!("{}", tr!("sources-deleted", count = deleted));
    for (s, why) in &unreachable {
        eprintln!(
            "{}",
            tr!(
                "sources-unreachable",
                path = ui::shown(&s.path),
                reason = why.as_str()
            )
        );
    }
    Ok(())
}
