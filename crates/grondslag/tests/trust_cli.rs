//! Issue 14 from the outside: destruction that always finishes, what was destroyed stays
//! destroyed (re-scans, re-imports, restores), an audit trail that cannot be rolled back, four
//! eyes that are two registered people, keys that are never silently made anew, one writer per
//! home, an objection that is all or nothing. Every test drives the real binary on real files
//! and tampers with the store as someone with access to its files would.

mod harness;
use harness::*;

use std::path::Path;

fn ids_by_name(d: &Dir, user: &str) -> std::collections::BTreeMap<String, String> {
    let docs = d.json(user, &["documents", "--json"]);
    docs.as_array()
        .unwrap()
        .iter()
        .filter(|x| !x["path"].as_str().unwrap().is_empty())
        .map(|x| {
            let p = x["path"].as_str().unwrap().to_string();
            let name = p.rsplit('/').next().unwrap().to_string();
            (name, x["id"].to_string())
        })
        .collect()
}

fn doc_status(d: &Dir, id: &str) -> String {
    let docs = d.json("a", &["documents", "--json"]);
    docs.as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"].to_string().as_str() == id)
        .map(|x| x["status"].as_str().unwrap().to_string())
        .unwrap_or_default()
}

/// A note whose place of residence also names the municipality: found once as personal data.
const NOTE: &str = "Notitie overleg\n\nMevrouw Fenna Kuipers-Dijkstra, woonachtig in Tiel, sprak namens de bewoners.\n\
                    De gemeente Tiel neemt contact op met haar.\n";
const PROFILE: &str = "Profiel\n\nBetrokkene Joris Verhoeckx (06-31415926) bezoekt de moskee.\n";

fn plan_approve(d: &Dir) -> serde_json::Value {
    let plan = d.json("a", &["destroy", "plan", "--json"]);
    let run = plan["id"].to_string();
    d.ok("a", &["destroy", "approve", &run]);
    d.ok("b", &["destroy", "approve", &run]);
    plan
}

fn summary(d: &Dir) -> serde_json::Value {
    d.json("a", &["summary", "--json"])
}

fn audit_rows(home: &Path) -> i64 {
    let c = rusqlite::Connection::open(home.join("grondslag.db")).unwrap();
    c.query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

// ---- 1. destruction runs ------------------------------------------------------------------

#[test]
fn a_run_with_a_value_that_names_a_municipality_too_finishes_and_redacts_every_occurrence() {
    let d = Dir::new();
    d.write("share/notitie.txt", NOTE);
    d.write("share/profiel.txt", PROFILE);
    d.ok("a", &["scan", "share"]);
    let ids = ids_by_name(&d, "a");
    let (note, profile) = (&ids["notitie.txt"], &ids["profiel.txt"]);
    d.assess("a", "redact_and_archive", "beleid", &[note]);
    d.assess("a", "destroy", "profiel", &[profile]);
    let pre = d.path("voor.bak");
    d.ok("a", &["backup", "--out", pre.to_str().unwrap()]);
    let plan = plan_approve(&d);
    // The archived copy is made and verified at planning: the note is in the run.
    assert_eq!(plan["archive"].to_string(), format!("[{note}]"), "{plan}");
    assert_eq!(plan["excluded"].as_array().unwrap().len(), 0, "{plan}");
    let run = plan["id"].to_string();
    d.ok("a", &["destroy", "execute", &run]);
    let archived = d.ok("a", &["text", note]);
    assert!(!archived.contains("Tiel"), "{archived}");
    assert!(!archived.contains("Kuipers"), "{archived}");
    assert!(
        archived.contains("De gemeente [5.1.2e] neemt contact op"),
        "{archived}"
    );
    assert_eq!(doc_status(&d, note), "archived");
    assert_eq!(doc_status(&d, profile), "destroyed");
    // The KEK was rotated: a backup made before the run reads nothing destroyed.
    assert!(!d.home().join("keys/kek-1.key").exists());
    d.ok("a", &["restore", "--yes", pre.to_str().unwrap()]);
    assert!(!d.run("a", &["text", profile]).status.success());
    assert!(!d.ok("a", &["text", note]).contains("Tiel"));
    d.ok("a", &["destroy", "certificate", &run]);
    d.ok("a", &["audit", "verify"]);
}

#[test]
fn a_run_always_ends_and_rotates_even_when_one_document_fails() {
    let d = Dir::new();
    d.write("share/notitie.txt", NOTE);
    d.write("share/profiel.txt", PROFILE);
    d.ok("a", &["scan", "share"]);
    let ids = ids_by_name(&d, "a");
    let (note, profile) = (&ids["notitie.txt"], &ids["profiel.txt"]);
    d.assess("a", "redact_and_archive", "beleid", &[note]);
    d.assess("a", "destroy", "profiel", &[profile]);
    let run = plan_approve(&d)["id"].to_string();
    // The prepared copy of the note is lost (a disk fault): archiving it must fail.
    let c = rusqlite::Connection::open(d.home().join("grondslag.db")).unwrap();
    let blob: String = c
        .query_row(
            "SELECT prepared_blob FROM run_items WHERE run = ?1 AND doc = ?2",
            [run.parse::<i64>().unwrap(), note.parse::<i64>().unwrap()],
            |r| r.get(0),
        )
        .unwrap();
    drop(c);
    std::fs::remove_file(d.home().join("vault").join(&blob[..2]).join(&blob)).unwrap();
    let out = d.run("a", &["destroy", "execute", &run]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["failed"].to_string(),
        format!("[{note}]"),
        "{report}"
    );
    assert_eq!(report["destroyed"].to_string(), format!("[{profile}]"));
    assert!(stderr(&out).contains("konden niet worden gearchiveerd"));
    // The destroyed one is beyond every earlier backup; the failed one is untouched, active.
    assert!(!d.home().join("keys/kek-1.key").exists());
    assert_eq!(doc_status(&d, note), "active");
    assert_eq!(d.ok("a", &["text", note]), NOTE);
    let runs = d.json("a", &["destroy", "certificate", &run]);
    assert!(runs.to_string().contains("Verklaring van vernietiging"));
    // The run is executed: resuming it is a no-op, not a stall.
    d.ok("a", &["destroy", "execute", &run]);
    d.ok("a", &["audit", "verify"]);
}

#[test]
fn runs_can_be_cancelled_and_documents_dropped_with_a_reason() {
    let d = Dir::new();
    d.write("share/notitie.txt", NOTE);
    d.write("share/profiel.txt", PROFILE);
    d.ok("a", &["scan", "share"]);
    let ids = ids_by_name(&d, "a");
    let (note, profile) = (&ids["notitie.txt"], &ids["profiel.txt"]);
    d.assess("a", "destroy", "profiel", &[profile, note]);
    let run = plan_approve(&d)["id"].to_string();
    assert!(!d
        .run("a", &["destroy", "drop", &run, note, "--reason", ""])
        .status
        .success());
    d.ok(
        "a",
        &[
            "destroy",
            "drop",
            &run,
            note,
            "--reason",
            "Woo-verzoek loopt",
        ],
    );
    // Dropping twice: it is no longer waiting in the run.
    let again = d.run("a", &["destroy", "drop", &run, note, "--reason", "x"]);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("wacht niet"), "{}", stderr(&again));
    d.ok("a", &["destroy", "execute", &run]);
    assert_eq!(doc_status(&d, note), "active");
    assert_eq!(doc_status(&d, profile), "destroyed");
    // An executed run cannot be cancelled; a planned one can, and never executes.
    assert!(!d
        .run("a", &["destroy", "cancel", &run, "--reason", "te laat"])
        .status
        .success());
    let run2 = plan_approve(&d)["id"].to_string();
    d.ok(
        "a",
        &["destroy", "cancel", &run2, "--reason", "verkeerd gepland"],
    );
    assert!(!d.run("a", &["destroy", "execute", &run2]).status.success());
    assert!(!d.run("b", &["destroy", "approve", &run2]).status.success());
    assert_eq!(d.ok("a", &["text", note]), NOTE);
    d.ok("a", &["audit", "verify"]);
}

// ---- 2. tombstones -------------------------------------------------------------------------

#[test]
fn a_rescan_or_reimport_does_not_bring_destroyed_data_back() {
    let d = Dir::new();
    d.write("share/profiel.txt", PROFILE);
    d.write(
        "share/nota.txt",
        "Nota\n\nGeen bijzonderheden over Henk Oudeweg.\n",
    );
    d.write(
        "mail/new/1.M1.host",
        "From: Joris Verhoeckx <j.verhoeckx@voorbeeld.nl>\nTo: avg@voorbeeld.nl\n\
         Subject: Inzageverzoek LOKET\nDate: Mon, 11 Mar 2024 10:00:00 +0100\n\nGraag inzage.\n",
    );
    for sub in ["cur", "tmp"] {
        std::fs::create_dir_all(d.path("mail").join(sub)).unwrap();
    }
    d.ok("a", &["scan", "share"]);
    d.open_window("2024-01-01", "2024-03-31", "loket");
    d.ok("a", &["requests", "import", "mail"]);
    let req = d.json("a", &["requests", "--json"])[0]["id"].to_string();
    d.ok("a", &["request", "close", &req]);
    let ids = ids_by_name(&d, "a");
    let profile = &ids["profiel.txt"];
    d.assess("a", "destroy", "profiel", &[profile]);
    let run = plan_approve(&d)["id"].to_string();
    let out = d.run("a", &["destroy", "execute", &run]);
    assert!(out.status.success());
    // It says plainly that the originals still exist.
    assert!(stderr(&out).contains("originelen"), "{}", stderr(&out));
    let before = summary(&d);

    let out = d.run("a", &["scan", "share"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("vernietigingsronde {run}")),
        "{}",
        stderr(&out)
    );
    let after = summary(&d);
    assert_eq!(after["documents"], before["documents"], "{after}");
    assert_eq!(after["resurfaced"], 1, "{after}");
    assert!(!d.run("a", &["text", profile]).status.success());

    let out = d.run("a", &["requests", "import", "mail"]);
    assert!(stderr(&out).contains("vernietigd"), "{}", stderr(&out));
    let reqs = d.json("a", &["requests", "--json"]);
    assert_eq!(reqs.as_array().unwrap().len(), 1, "{reqs}");
    assert_eq!(reqs[0]["status"], "destroyed");
}

#[test]
fn delete_sources_removes_the_originals_it_scanned() {
    let d = Dir::new();
    let kept = "Nota\n\nGeen bijzonderheden over Henk Oudeweg.\n";
    d.write("share/profiel.txt", PROFILE);
    d.write("share/nota.txt", kept);
    d.ok("a", &["scan", "share"]);
    let ids = ids_by_name(&d, "a");
    d.ok(
        "a",
        &[
            "assess",
            "--disposition",
            "destroy",
            "--reason",
            "profiel",
            &ids["profiel.txt"],
        ],
    );
    let run = plan_approve(&d)["id"].to_string();
    let out = d.run("a", &["destroy", "execute", &run, "--delete-sources"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!d.path("share/profiel.txt").exists());
    assert_eq!(
        std::fs::read_to_string(d.path("share/nota.txt")).unwrap(),
        kept
    );
    d.ok("a", &["scan", "share"]);
    assert_eq!(summary(&d)["resurfaced"], 0);

    // The certificate says what happened to the originals at the source.
    d.ok(
        "a",
        &[
            "org",
            "set",
            "--name",
            "Gemeente Rivierstad",
            "--address",
            "Postbus 100, 4000 AA Rivierstad",
            "--signatory",
            "W.M. Veldkamp",
            "--contact",
            "privacy@rivierstad.example",
        ],
    );
    let html = d.path("verklaring.html");
    d.ok(
        "a",
        &[
            "destroy",
            "certificate",
            &run,
            "--html",
            html.to_str().unwrap(),
        ],
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("De originelen bij de bron"), "{page}");
    assert!(page.contains("1 bronbestanden verwijderd"), "{page}");
}

// ---- 3. the head never moves backwards ------------------------------------------------------

fn a_store_with_history() -> Dir {
    let d = Dir::new();
    d.write("share/profiel.txt", PROFILE);
    d.write("share/notitie.txt", NOTE);
    d.ok("a", &["scan", "share"]);
    let ids = ids_by_name(&d, "a");
    for id in ids.values() {
        d.ok("a", &["text", id]);
    }
    d
}

#[test]
fn a_log_cut_short_is_refused_by_every_writing_command_and_stays_caught() {
    let d = a_store_with_history();
    let ids = ids_by_name(&d, "a");
    let n = audit_rows(&d.home());
    let c = rusqlite::Connection::open(d.home().join("grondslag.db")).unwrap();
    c.execute_batch(&format!(
        "DELETE FROM audit_log WHERE rowid > {}; DELETE FROM audit_checkpoint WHERE entry > {};",
        n - 3,
        n - 3
    ))
    .unwrap();
    drop(c);
    assert!(!d.run("a", &["audit", "verify"]).status.success());
    let id = ids.values().next().unwrap();
    let out = d.run(
        "a",
        &[
            "assess",
            "--disposition",
            "retain",
            "--reason",
            "x",
            "--legal-basis",
            "y",
            id,
        ],
    );
    assert!(
        !out.status.success(),
        "a command wrote over a shortened log"
    );
    assert!(
        stderr(&out).contains("ondertekende hoofd"),
        "{}",
        stderr(&out)
    );
    assert!(!d.run("a", &["text", id]).status.success());
    let v = d.run("a", &["audit", "verify"]);
    assert!(!v.status.success(), "verify passed after a write attempt");
    let said = format!("{}{}", stderr(&v), String::from_utf8_lossy(&v.stdout));
    assert!(said.contains(&format!("entry {}", n - 2)), "{said}");
}

#[test]
fn an_older_database_put_back_is_refused() {
    let d = a_store_with_history();
    let old = d.path("oud.db");
    std::fs::copy(d.home().join("grondslag.db"), &old).unwrap();
    let ids = ids_by_name(&d, "a");
    for id in ids.values() {
        d.ok("a", &["text", id]);
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(d.home().join(format!("grondslag.db{suffix}")));
    }
    std::fs::copy(&old, d.home().join("grondslag.db")).unwrap();
    let out = d.run("a", &["text", ids.values().next().unwrap()]);
    assert!(!out.status.success());
    assert!(!d.run("a", &["audit", "verify"]).status.success());
    let out = d.run("a", &["--lang", "en", "scan", "share"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("signed head"), "{}", stderr(&out));
}

// ---- 4. restore keeps history ---------------------------------------------------------------

#[test]
fn restore_keeps_the_log_the_runs_and_what_was_destroyed() {
    let d = Dir::new();
    d.write("share/profiel.txt", PROFILE);
    d.write("share/notitie.txt", NOTE);
    d.ok("a", &["scan", "share"]);
    let ids = ids_by_name(&d, "a");
    let (note, profile) = (&ids["notitie.txt"], &ids["profiel.txt"]);
    let pre = d.path("voor.bak");
    d.ok("a", &["backup", "--out", pre.to_str().unwrap()]);
    d.assess("a", "destroy", "profiel", &[profile]);
    let run = plan_approve(&d)["id"].to_string();
    d.ok("a", &["destroy", "execute", &run]);
    for _ in 0..3 {
        d.ok("a", &["text", note]);
    }
    let entries = audit_rows(&d.home());

    // Older than the run: refused without --yes, nothing changed.
    let out = d.run("a", &["restore", pre.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--yes"), "{}", stderr(&out));
    assert_eq!(
        audit_rows(&d.home()),
        entries,
        "a refused restore wrote the log"
    );
    let out = d.run(
        "a",
        &["--lang", "en", "restore", "--yes", pre.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("stay destroyed"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        audit_rows(&d.home()) > entries,
        "the restore threw entries away"
    );
    d.ok("a", &["audit", "verify"]);
    let cert = d.json("a", &["destroy", "certificate", &run]);
    assert!(
        cert.to_string().contains(&format!("\"run\":{run}")),
        "{cert}"
    );
    assert_eq!(doc_status(&d, profile), "destroyed");
    assert!(!d.run("a", &["text", profile]).status.success());
    // Living documents of the old backup are readable: the store kept their keys.
    assert_eq!(d.ok("a", &["text", note]), NOTE);
    assert_eq!(summary(&d)["documents"], 1);
}

#[test]
fn an_interrupted_restore_is_finished_or_rolled_back_by_the_next_command() {
    for point in [
        "restore-swapping",
        "restore-db-aside",
        "restore-db-in",
        "restore-vault-aside",
        "restore-swapped",
    ] {
        let d = a_store_with_history();
        let ids = ids_by_name(&d, "a");
        let bak = d.path("b.bak");
        d.ok("a", &["backup", "--out", bak.to_str().unwrap()]);
        let out = d
            .cmd("a", &["restore", bak.to_str().unwrap()])
            .env("GRONDSLAG_CRASH_AT", point)
            .output()
            .unwrap();
        assert!(
            !out.status.success(),
            "{point}: the crash point was not reached"
        );
        let s = summary(&d);
        assert_eq!(s["documents"], 2, "{point}: {s}");
        for id in ids.values() {
            d.ok("a", &["text", id]);
        }
        d.ok("a", &["audit", "verify"]);
        let left: Vec<_> = std::fs::read_dir(d.home())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".restore-"))
            .collect();
        assert!(left.is_empty(), "{point}: leftovers {left:?}");
    }
}

// ---- 5. four eyes ---------------------------------------------------------------------------

#[test]
fn approvals_come_from_two_different_registered_users() {
    let d = Dir::without_users();
    d.write("share/profiel.txt", PROFILE);
    d.ok("alice", &["scan", "share"]);
    d.ok("alice", &["user", "add", "alice", "--role", "approver"]);
    d.ok("alice", &["user", "add", "Bob", "--role", "approver"]);
    // Names that read the same, and names that are empty or invisible, are refused.
    for bad in [
        "ALICE",
        " alice ",
        "",
        "   ",
        "bob\u{200b}",
        "b\u{00AD}ob",
        "\u{1b}[31mbob",
    ] {
        assert!(
            !d.run("alice", &["user", "add", bad, "--role", "member"])
                .status
                .success(),
            "user add {bad:?} was accepted"
        );
    }
    // An unregistered user cannot register others.
    assert!(!d
        .run("mallory", &["user", "add", "eve", "--role", "admin"])
        .status
        .success());
    let id = ids_by_name(&d, "alice")["profiel.txt"].clone();
    let out = d.run(
        "mallory",
        &["assess", "--disposition", "destroy", "--reason", "x", &id],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("niet geregistreerd"),
        "{}",
        stderr(&out)
    );
    d.assess("alice", "destroy", "profiel", &[&id]);
    let run = d.json("alice", &["destroy", "plan", "--json"])["id"].to_string();
    d.ok("alice", &["destroy", "approve", &run]);
    for same in ["ALICE", "alice ", "alice\u{200b}", "", "Ａｌｉｃｅ"] {
        assert!(
            !d.run(same, &["destroy", "approve", &run]).status.success(),
            "a second approval as {same:?} was accepted"
        );
    }
    assert!(!d
        .run("alice", &["destroy", "execute", &run])
        .status
        .success());
    assert_eq!(d.ok("alice", &["text", &id]), PROFILE);
    d.ok("BOB", &["destroy", "approve", &run]);
    d.ok("alice", &["destroy", "execute", &run]);
    // Without any user name at all, decisions are refused (no "onbekend" in the log).
    let out = d
        .cmd("", &["hold", "list"])
        .env_remove("GRONDSLAG_USER")
        .env_remove("USER")
        .env_remove("LOGNAME")
        .env_remove("USERNAME")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let users = d.json("alice", &["user", "list", "--json"]);
    assert_eq!(users.as_array().unwrap().len(), 2, "{users}");
    let c = rusqlite::Connection::open(d.home().join("grondslag.db")).unwrap();
    let approvers: Vec<String> = c
        .prepare("SELECT user FROM run_approvals ORDER BY rowid")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(approvers, ["alice", "Bob"]);
    let onbekend: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM audit_log WHERE user = 'onbekend'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(onbekend, 0);
}

// ---- 8. one writer per home -----------------------------------------------------------------

#[test]
fn two_scans_at_once_on_a_new_home_store_every_file_once() {
    let d = Dir::without_users();
    for i in 0..60 {
        d.write(
            &format!("share/nota{i}.txt"),
            format!("Nota {i}\n\nOverleg met Petra Lindqvist-{i} over het dossier.\n"),
        );
    }
    let a = d.cmd("a", &["scan", "share"]).spawn().unwrap();
    let b = d.cmd("b", &["scan", "share"]).spawn().unwrap();
    for mut c in [a, b] {
        assert!(c.wait().unwrap().success());
    }
    assert_eq!(summary(&d)["documents"], 60);
    d.ok("a", &["audit", "verify"]);
}

// ---- 9. keys are never made anew ------------------------------------------------------------

#[test]
fn missing_or_foreign_keys_are_refused_naming_the_key() {
    for key in ["lookup.key", "audit-signing.key", "kek-1.key", "store-id"] {
        let d = a_store_with_history();
        let before = summary(&d)["documents"].clone();
        std::fs::remove_file(d.home().join("keys").join(key)).unwrap();
        let out = d.run("a", &["scan", "share"]);
        assert!(!out.status.success(), "{key}: scan ran without it");
        let name = key.split(['.', '-']).next().unwrap();
        assert!(stderr(&out).contains(name), "{key}: {}", stderr(&out));
        assert!(
            !d.home().join("keys").join(key).exists(),
            "{key} was made anew"
        );
        let out = d.run("a", &["summary", "--json"]);
        assert!(!out.status.success(), "{key}: summary ran without it");
        let _ = before;
    }
    // Keys of another store.
    let d = a_store_with_history();
    let other = Dir::new();
    other.ok("a", &["init"]);
    std::fs::copy(
        other.home().join("keys/lookup.key"),
        d.home().join("keys/lookup.key"),
    )
    .unwrap();
    let out = d.run("a", &["scan", "share"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("lookup.key"), "{}", stderr(&out));
}

// ---- 12. an objection is all or nothing -----------------------------------------------------

#[test]
fn an_objection_at_any_stage_is_recorded_once_and_blocks_planning_until_confirmed() {
    let d = Dir::new();
    d.write(
        "share/nota.txt",
        "Nota\n\nOverleg met Jorien ter Horst over de wijk.\n",
    );
    d.write(
        "mail/new/1.M1.host",
        "From: Jorien ter Horst <j.terhorst@voorbeeld.nl>\nTo: avg@voorbeeld.nl\n\
         Subject: Inzageverzoek LOKET\nDate: Mon, 11 Mar 2024 10:00:00 +0100\n\n\
         Ik wil inzage en maak bezwaar tegen vernietiging. Jorien ter Horst.\n",
    );
    for sub in ["cur", "tmp"] {
        std::fs::create_dir_all(d.path("mail").join(sub)).unwrap();
    }
    d.ok("a", &["scan", "share"]);
    d.open_window("2024-01-01", "2024-03-31", "loket");
    d.ok("a", &["requests", "import", "mail"]);
    let req = d.json("a", &["requests", "--json"])[0]["id"].to_string();
    // Objection in the first mail, before any subject is confirmed.
    d.ok(
        "a",
        &["request", "object", &req, "--reason", "bewijs voor klacht"],
    );
    let holds = d.json("a", &["hold", "list", "--json"]);
    assert_eq!(holds.as_array().unwrap().len(), 0, "{holds}");
    let id = ids_by_name(&d, "a")["nota.txt"].clone();
    d.assess("a", "destroy", "x", &[&id]);
    let out = d.run("a", &["destroy", "plan", "--json"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(&format!("inzageverzoek {req}")),
        "{}",
        stderr(&out)
    );
    let cands = d.json("a", &["request", "search", &req, "--json"]);
    let subject = cands[0]["subject"].to_string();
    d.ok("a", &["request", "confirm", &req, &subject]);
    // Objecting again keeps the one hold.
    d.ok("a", &["request", "object", &req, "--reason", "nogmaals"]);
    let holds = d.json("a", &["hold", "list", "--json"]);
    assert_eq!(holds.as_array().unwrap().len(), 1, "{holds}");
    let plan = d.json("a", &["destroy", "plan", "--json"]);
    assert_eq!(plan["held"].to_string(), format!("[{id}]"), "{plan}");
    // A failing objection changes nothing.
    assert!(!d
        .run("a", &["request", "object", "999", "--reason", "x"])
        .status
        .success());
    assert_eq!(
        d.json("a", &["hold", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    d.ok("a", &["audit", "verify"]);
}
