//! End to end through the real binary: scan → assess → hold → plan → approve twice → execute →
//! held items intact, destroyed items unreadable (also from a pre-run backup), living items
//! restorable from a post-run backup, audit verify passes; tampering is caught and named.

mod harness;
use harness::*;

fn ids_by_name(d: &Dir) -> std::collections::BTreeMap<String, String> {
    let docs = d.json("a", &["documents", "--json"]);
    docs.as_array()
        .unwrap()
        .iter()
        .map(|x| {
            let p = x["path"].as_str().unwrap().to_string();
            let name = p.rsplit('/').next().unwrap().to_string();
            (name, x["id"].to_string())
        })
        .collect()
}

fn holding(d: &Dir) {
    d.write(
        "holding/profiel.txt",
        "Analyse van het netwerk rond de moskee\n\nVoorzitter Abdelkader Ouahabi woont in Ermelo en is bereikbaar via a.ouahabi@voorbeeld.nl.\n\
         Ouahabi heeft zich in 2012 bekeerd tot het salafisme, aldus Fatima Zerrouki.\n",
    );
    d.write(
        "holding/nota.txt",
        "Nota aan de minister\n\nIn het gesprek met mevrouw Hanneke Verbeek-Smit (06-24681357) is de aanpak besproken.\n",
    );
    d.write(
        "holding/brief.txt",
        "Geachte heer Bakkali,\n\nDank voor uw brief. Met vriendelijke groet,\nJ.N.J. Wolters\n",
    );
}

#[test]
fn destruction_is_final_and_every_step_is_proven() {
    let d = Dir::new();
    holding(&d);
    d.ok("a", &["scan", "holding"]);
    let ids = ids_by_name(&d);
    let (profiel, nota, brief) = (&ids["profiel.txt"], &ids["nota.txt"], &ids["brief.txt"]);
    let nota_text = d.ok("a", &["text", nota]);

    d.assess("a", "destroy", "profiel van personen", &[profiel, nota]);
    d.assess(
        "a",
        "redact_and_archive",
        "bredere strekking",
        &["--category", "1.1", brief],
    );
    let hold = d.ok(
        "a",
        &[
            "hold",
            "add",
            "--reason",
            "klacht Ombudsman",
            "--reference",
            "NO-2024-001",
            "--document",
            nota,
        ],
    );
    let hold = hold.lines().last().unwrap().trim().to_string();

    let dry = d.json("a", &["destroy", "plan", "--json", "--dry-run"]);
    assert_eq!(dry["id"], 0);
    let plan = d.json("a", &["destroy", "plan", "--json"]);
    let run = plan["id"].to_string();
    assert!(
        plan["destroy"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x.as_i64() == profiel.parse::<i64>().ok()),
        "{plan}"
    );
    assert!(
        plan["archive"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x.as_i64() == brief.parse::<i64>().ok()),
        "{plan}"
    );
    assert!(
        plan["held"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x.as_i64() == nota.parse::<i64>().ok()),
        "{plan}"
    );

    let before = d.path("voor.bak");
    d.ok("a", &["backup", "--out", before.to_str().unwrap()]);

    assert!(
        !d.run("a", &["destroy", "execute", &run]).status.success(),
        "executed without approval"
    );
    d.ok("a", &["destroy", "approve", &run]);
    assert!(
        !d.run("a", &["destroy", "approve", &run]).status.success(),
        "same user approved twice"
    );
    assert!(
        !d.run("b", &["destroy", "execute", &run]).status.success(),
        "executed with one approval"
    );
    d.ok("b", &["destroy", "approve", &run]);
    d.ok("c", &["destroy", "execute", &run]);
    // Idempotent: a second execute completes (nothing left) and exits 0.
    d.ok("c", &["destroy", "execute", &run]);

    let gone = d.run("a", &["text", profiel]);
    assert!(!gone.status.success());
    assert!(
        stderr(&gone).contains(profiel.as_str()),
        "names the document: {}",
        stderr(&gone)
    );
    assert_eq!(
        d.ok("a", &["text", nota]),
        nota_text,
        "held document intact"
    );
    let archived = d.ok("a", &["text", brief]);
    assert!(
        !archived.contains("Wolters") && archived.contains("5.1.2e"),
        "archived copy is redacted: {archived}"
    );
    let docs = d.json("a", &["documents", "--json"]);
    let status = |id: &str| {
        docs.as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"].as_i64() == id.parse::<i64>().ok())
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status(profiel), "destroyed");
    assert_eq!(status(brief), "archived");
    assert_eq!(status(nota), "active");

    // Letters and certificates need a sender (`org set`).
    d.set_example_org("A. de Vries, burgemeester");
    // Certificate: JSON without personal data, and a printable HTML.
    let html = d.path("verklaring.html");
    let cert = d.ok(
        "a",
        &[
            "destroy",
            "certificate",
            &run,
            "--html",
            html.to_str().unwrap(),
        ],
    );
    for name in ["Ouahabi", "Zerrouki", "Verbeek", "Wolters", "voorbeeld.nl"] {
        assert!(!cert.contains(name), "certificate holds personal data");
    }
    assert!(std::fs::read_to_string(&html)
        .unwrap()
        .contains("Verklaring van vernietiging"));
    let cert: serde_json::Value = serde_json::from_str(&cert).unwrap();
    assert!(
        cert["records_dated_between"][0].is_string(),
        "the period the records cover: {cert}"
    );
    assert!(
        cert["per_category"]
            .as_array()
            .is_some_and(|c| !c.is_empty()),
        "{cert}"
    );
    assert_eq!(
        cert["approvers"].as_array().map(Vec::len),
        Some(2),
        "{cert}"
    );

    // A backup made after the run restores every living document.
    let after = d.path("na.bak");
    d.ok("a", &["backup", "--out", after.to_str().unwrap()]);
    d.ok("a", &["restore", after.to_str().unwrap()]);
    assert_eq!(d.ok("a", &["text", nota]), nota_text);
    assert_eq!(d.ok("a", &["text", brief]), archived);

    // A backup made before the run is refused without confirmation; with --yes it restores
    // (exit 0) but cannot make the destroyed readable.
    assert!(!d
        .run("a", &["restore", before.to_str().unwrap()])
        .status
        .success());
    d.ok("a", &["restore", "--yes", before.to_str().unwrap()]);
    assert!(
        !d.run("a", &["text", profiel]).status.success(),
        "pre-run backup resurrected a destroyed document"
    );
    d.ok("a", &["audit", "verify"]);
    d.ok("a", &["restore", after.to_str().unwrap()]);
    assert_eq!(d.ok("a", &["text", nota]), nota_text);

    // Holds are lifted with a reason; the audit log verifies.
    d.ok(
        "a",
        &["hold", "lift", "--reason", "klacht afgehandeld", &hold],
    );
    d.ok("a", &["audit", "verify"]);

    // No personal data in plain text anywhere under the home folder.
    assert_no_plain_text(
        &d.home(),
        &[
            "Ouahabi",
            "Zerrouki",
            "Verbeek-Smit",
            "a.ouahabi@voorbeeld.nl",
            "06-24681357",
            "Wolters",
            "Bakkali",
        ],
    );

    // Tampering with one audit entry is caught and named.
    let db = d.home().join("grondslag.db");
    let rows = std::process::Command::new("sqlite3")
        .arg(&db)
        .arg("select rowid from audit_log order by rowid")
        .output();
    if let Some(rows) = rows.ok().filter(|o| o.status.success()) {
        let rows: Vec<String> = String::from_utf8_lossy(&rows.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        let mid = &rows[rows.len() / 2];
        let keep = std::fs::read(&db).unwrap();
        let ok = std::process::Command::new("sqlite3")
            .arg(&db)
            .arg(format!(
                "update audit_log set action = action || 'x' where rowid = {mid}"
            ))
            .status()
            .unwrap();
        assert!(ok.success());
        let out = d.run("a", &["audit", "verify"]);
        assert!(!out.status.success(), "an edited entry passed verification");
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
        assert!(
            all.contains(&format!("entry {mid}")),
            "names the entry: {all}"
        );
        std::fs::write(&db, keep).unwrap();
    }
}

#[test]
fn a_hold_made_after_planning_still_protects() {
    let d = Dir::new();
    holding(&d);
    d.ok("a", &["scan", "holding"]);
    let ids = ids_by_name(&d);
    let profiel = &ids["profiel.txt"];
    d.assess("a", "destroy", "r", &[profiel]);
    let plan = d.json("a", &["destroy", "plan", "--json"]);
    let run = plan["id"].to_string();
    d.ok(
        "a",
        &[
            "hold",
            "add",
            "--reason",
            "Woo-verzoek",
            "--reference",
            "WOO-7",
            "--all",
        ],
    );
    d.ok("a", &["destroy", "approve", &run]);
    d.ok("b", &["destroy", "approve", &run]);
    let _ = d.run("a", &["destroy", "execute", &run]);
    assert!(
        d.run("a", &["text", profiel]).status.success(),
        "held document destroyed"
    );
}
