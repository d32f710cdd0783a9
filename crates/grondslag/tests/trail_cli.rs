//! Reading the trail: `audit show` lists the log in order, filtered by day, user and document,
//! with the hash `audit verify` checks; reading it is itself recorded. `request show` gives a
//! request with its requester, dates and history.

mod harness;
use harness::*;

#[test]
fn audit_show_and_request_show() {
    let d = Dir::new();
    d.write(
        "holding/a.txt",
        "Gesprek met Jorien ter Horst over de begroting.\n",
    );
    d.write(
        "holding/b.txt",
        "Notitie over Sevda Yıldırım en het budget.\n",
    );
    d.ok("a", &["scan", "holding"]);
    let docs = d.json("a", &["documents", "--json"]);
    let a = docs
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["path"].as_str().unwrap().ends_with("a.txt"))
        .unwrap()["id"]
        .to_string();
    d.ok(
        "b",
        &[
            "hold",
            "add",
            "--reason",
            "klacht",
            "--reference",
            "NO-1",
            "--document",
            &a,
        ],
    );
    d.ok("b", &["text", &a]);

    let all = d.json("a", &["audit", "show", "--json"]);
    let all = all.as_array().unwrap();
    assert!(all.len() >= 4, "{all:?}");
    let entries: Vec<i64> = all.iter().map(|e| e["entry"].as_i64().unwrap()).collect();
    assert!(entries.windows(2).all(|w| w[0] < w[1]), "in order");
    assert!(all.iter().all(|e| e["hash"].as_str().unwrap().len() == 64));
    // Details hold ids only; the sealed notes (reasons, references) are shown apart, and only
    // to a role that sees personal data ("a" is a privacy officer here).
    for e in all {
        let details = e["details"].to_string();
        for name in ["ter Horst", "Yıldırım", "klacht", "NO-1"] {
            assert!(
                !details.contains(name),
                "the log itself holds personal data: {e}"
            );
        }
    }
    let hold = all.iter().find(|e| e["action"] == "hold added").unwrap();
    assert_eq!(hold["notes"]["reason"], "klacht", "{hold}");
    assert_eq!(hold["notes"]["reference"], "NO-1", "{hold}");
    d.ok("a", &["user", "add", "lid", "--role", "member"]);
    let member = std::process::Command::new(env!("CARGO_BIN_EXE_grondslag"))
        .args(["audit", "show", "--json"])
        .env("GRONDSLAG_USER", "lid")
        .env("GRONDSLAG_HOME", d.home())
        .env_remove("GRONDSLAG_LANG")
        .output()
        .unwrap();
    assert!(member.status.success(), "{}", stderr(&member));
    let seen = String::from_utf8_lossy(&member.stdout);
    assert!(
        !seen.contains("klacht") && !seen.contains("\"notes\""),
        "a member sees notes"
    );
    assert!(d
        .json("a", &["audit", "show", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "audit notes viewed"));

    // By user (the flag filters; the acting user comes from GRONDSLAG_USER).
    let by_b = d.json("a", &["audit", "show", "--user", "b", "--json"]);
    let by_b = by_b.as_array().unwrap();
    assert!(
        !by_b.is_empty() && by_b.iter().all(|e| e["user"] == "b"),
        "{by_b:?}"
    );
    assert!(by_b.iter().any(|e| e["action"] == "hold added"));

    // By document: its storing, the hold that names it, the view of its text.
    let about = d.json("a", &["audit", "show", "--document", &a, "--json"]);
    let actions: Vec<&str> = about
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"hold added"), "{actions:?}");
    assert!(actions.iter().any(|a| a.contains("viewed")), "{actions:?}");
    assert!(about.as_array().unwrap().iter().all(|e| {
        let s = e.to_string();
        s.contains(&format!("document {a}")) || s.contains(&format!("documents {a}"))
    }));

    // By day; a day in the future gives nothing, a bad date is refused.
    assert!(d
        .json("a", &["audit", "show", "--since", "2999-01-01", "--json"])
        .as_array()
        .unwrap()
        .is_empty());
    let out = d.run("a", &["audit", "show", "--since", "gisteren"]);
    assert!(!out.status.success() && stderr(&out).contains("JJJJ-MM-DD"));
    let text = d.ok("a", &["audit", "show", "--user", "b"]);
    assert!(text.lines().next().unwrap().contains("handeling"), "{text}");

    // Reading the log is recorded too, and the log stays intact.
    let last = d.json("a", &["audit", "show", "--json"]);
    assert!(last
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "audit shown"));
    d.ok("a", &["audit", "verify"]);

    // request show
    d.open_window("2024-01-01", "2024-03-31", "inzage");
    d.write(
        "mail/1.eml",
        "From: Jorien ter Horst <j.terhorst@voorbeeld.nl>\nSubject: Inzage\nDate: Thu, 1 Feb 2024 10:00:00 +0100\n\
         Message-ID: <r1@voorbeeld.nl>\n\nGraag inzage. Mijn telefoon is 06-12345678.\n",
    );
    d.ok(
        "a",
        &["requests", "import", d.path("mail").to_str().unwrap()],
    );
    let id = d.json("a", &["requests", "--json"])[0]["id"].to_string();
    d.ok(
        "a",
        &[
            "request",
            "extend",
            &id,
            "--reason",
            "veel documenten",
            "--months",
            "1",
        ],
    );
    let shown = d.json("a", &["request", "show", &id, "--json"]);
    assert_eq!(shown["received"], "2024-02-01");
    assert_eq!(shown["due"], "2024-04-01", "{shown}");
    assert_eq!(shown["extended"], true);
    assert_eq!(shown["requester"]["names"][0], "Jorien ter Horst");
    assert_eq!(shown["requester"]["phones"][0], "06-12345678");
    let history: Vec<&str> = shown["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(history[0], "received", "{shown}");
    let text = d.ok("a", &["request", "show", &id]);
    for want in [
        "Inzageverzoek",
        "ontvangen",
        "2024-02-01",
        "verlengd",
        "Jorien ter Horst",
        "geschiedenis",
    ] {
        assert!(text.contains(want), "{want} missing in\n{text}");
    }
    let out = d.run("a", &["request", "show", "999"]);
    assert!(!out.status.success());
    // Looking at the requester is a view of personal data: it is in the log.
    let views = d.json("a", &["audit", "show", "--json"]);
    assert!(views
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "request.view" && e["object"] == format!("request {id}")));
}
