//! The access window end to end through the real binary: a Maildir with requests inside and
//! outside the window (attachments, odd charsets) → import → search → confirm → answer with an
//! inspection package checked by an independent PDF reader → one objection (destruction of that
//! subject refused) → one without (their data and the request gone after the next run).

mod harness;
use harness::*;

fn mail(d: &Dir, name: &str, body: &str) {
    d.write(&format!("Maildir/new/{name}"), body);
    std::fs::create_dir_all(d.path("Maildir/cur")).unwrap();
    std::fs::create_dir_all(d.path("Maildir/tmp")).unwrap();
}

/// The text `pdftotext` reads from a PDF; `None` when it is not installed (see `require_tool`).
fn pdftotext(path: &std::path::Path) -> Option<String> {
    if !require_tool("pdftotext") {
        return None;
    }
    let out = std::process::Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(path)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn requests_from_intake_to_destruction() {
    let d = Dir::new();
    d.write(
        "holding/verslag.txt",
        "Verslag overleg 4 maart 2019\n\nAanwezig: Jorien ter Horst, Sevda Yıldırım en Karim Bouzidi.\n\
         Sevda Yıldırım woont in Tiel. Karim Bouzidi is bereikbaar via k.bouzidi@voorbeeld.nl.\n\
         Jorien ter Horst zegt dat het overleg goed verliep.\n",
    );
    d.write(
        "holding/analyse.txt",
        "Analyse netwerk\n\nKarim Bouzidi onderhoudt contact met Sevda Yıldırım.\n",
    );
    d.write(
        "holding/contact.txt",
        "Contactlog\n\n12-02-2019 gebeld met Karim Bouzidi (06-13572468) over de bijeenkomst.\n",
    );
    d.ok("a", &["scan", "holding"]);
    // Letters and certificates need a sender (`org set`).
    d.set_example_org("A. de Vries, burgemeester");

    d.open_window("2024-01-01", "2024-03-31", "reflectiesessies");
    mail(
        &d,
        "1.M1.host",
        "From: Sevda =?UTF-8?B?WcSxbGTEsXLEsW0=?= <sevda.y@voorbeeld.nl>\nTo: avg@voorbeeld.nl\n\
         Subject: Inzage REFLECTIESESSIES\nDate: Wed, 31 Jan 2024 23:30:00 -0100\n\
         MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\n\
         Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n\
         Ik wil graag weten of u gegevens over mij heeft. Ik woon in Tiel. Met vriendelijke groet, Sevda Y=FDld=FDr=FDm\n\
         --b1\nContent-Type: application/octet-stream; name=\"id.txt\"\nContent-Disposition: attachment; filename=\"id.txt\"\n\nkopie legitimatie\n--b1--\n",
    );
    mail(
        &d,
        "2.M2.host",
        "From: Karim Bouzidi <k.bouzidi@voorbeeld.nl>\nTo: avg@voorbeeld.nl\nSubject: reflectiesessies\n\
         Date: Tue, 30 Apr 2024 09:00:00 +0200\nContent-Type: text/plain; charset=x-unknown-charset\n\n\
         Graag inzage in mijn gegevens. Karim Bouzidi\n",
    );
    mail(&d, "3.M3.host", "From: iemand@voorbeeld.nl\nSubject: nieuwsbrief\nDate: Tue, 30 Apr 2024 09:00:00 +0200\n\nGeen verzoek.\n");
    d.ok(
        "a",
        &["requests", "import", d.path("Maildir").to_str().unwrap()],
    );
    // Importing again adds nothing.
    d.ok(
        "a",
        &["requests", "import", d.path("Maildir").to_str().unwrap()],
    );

    let rq = d.json("a", &["requests", "--json"]);
    let rq = rq.as_array().unwrap();
    assert_eq!(rq.len(), 2, "{rq:?}");
    let sevda = rq
        .iter()
        .find(|r| r["received"] == "2024-01-31")
        .expect("date in the mail's own offset");
    assert_eq!(sevda["due"], "2024-02-29");
    assert_eq!(sevda["late"], false);
    let karim = rq.iter().find(|r| r["received"] == "2024-04-30").unwrap();
    assert_eq!(
        karim["late"], true,
        "after the window: still handled, marked late"
    );
    assert_eq!(karim["due"], "2024-05-30");
    let (sevda, karim) = (sevda["id"].to_string(), karim["id"].to_string());

    let subjects = d.json("a", &["subjects", "--json"]);
    let subject_of = |name: &str| {
        subjects
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("no subject {name}: {subjects}"))["id"]
            .to_string()
    };
    let (s_sevda, s_karim) = (subject_of("Sevda Yıldırım"), subject_of("Karim Bouzidi"));

    let cands = d.json("a", &["request", "search", &sevda, "--json"]);
    assert_eq!(
        cands[0]["subject"].to_string(),
        s_sevda,
        "best candidate: {cands}"
    );
    assert!(cands[0]["confidence"].as_f64().unwrap() > 0.5);
    assert!(!cands[0]["evidence"].as_array().unwrap().is_empty());
    let cands = d.json("a", &["request", "search", &karim, "--json"]);
    assert_eq!(cands[0]["subject"].to_string(), s_karim, "{cands}");

    d.ok(
        "a",
        &[
            "request",
            "confirm",
            &sevda,
            &s_sevda,
            "--identity",
            "legitimatie aan de balie",
        ],
    );
    d.ok(
        "a",
        &[
            "request",
            "confirm",
            &karim,
            &s_karim,
            "--identity",
            "legitimatie per post",
        ],
    );
    let out = d.path("antwoord");
    d.ok(
        "a",
        &["request", "answer", &sevda, "--out", out.to_str().unwrap()],
    );
    assert!(out.join("besluit.pdf").exists() && out.join("inzage.pdf").exists());
    if let Some(inzage) = pdftotext(&out.join("inzage.pdf")) {
        assert!(
            inzage.contains("Yıldırım"),
            "the requester's own data is visible: {inzage}"
        );
        for other in ["Bouzidi", "ter Horst", "k.bouzidi@voorbeeld.nl"] {
            assert!(
                !inzage.contains(other),
                "{other} not redacted in the inspection package"
            );
        }
        let besluit = pdftotext(&out.join("besluit.pdf")).unwrap();
        assert!(besluit.contains("bezwaar") && besluit.contains("Autoriteit Persoonsgegevens"));
    }

    // Sevda objects to destruction: a hold on her subject. Karim does not.
    d.ok(
        "a",
        &[
            "request",
            "object",
            &sevda,
            "--reason",
            "bewijs voor klacht",
        ],
    );
    d.ok(
        "a",
        &[
            "request",
            "answer",
            &karim,
            "--out",
            d.path("antwoord2").to_str().unwrap(),
        ],
    );
    d.ok("a", &["request", "close", &karim]);
    d.ok("a", &["request", "close", &sevda]);

    let docs = d.json("a", &["documents", "--json"]);
    let all: Vec<String> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].to_string())
        .collect();
    let mut args = vec!["assess", "--disposition", "destroy", "--reason", "profiel"];
    args.extend(all.iter().map(String::as_str));
    d.ok("a", &args);
    let contact = docs
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["path"].as_str().unwrap().ends_with("contact.txt"))
        .unwrap()["id"]
        .to_string();
    let plan = d.json("a", &["destroy", "plan", "--json"]);
    let destroy: Vec<String> = plan["destroy"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.to_string())
        .collect();
    assert_eq!(
        destroy,
        vec![contact.clone()],
        "documents naming Sevda, who objected, are held: {plan}"
    );
    let run = plan["id"].to_string();
    d.ok("a", &["destroy", "approve", &run]);
    d.ok("b", &["destroy", "approve", &run]);
    d.ok("a", &["destroy", "execute", &run]);

    let rq = d.json("a", &["requests", "--json"]);
    let status = |id: &str| {
        rq.as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"].as_i64() == id.parse::<i64>().ok())
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(
        status(&karim),
        "destroyed",
        "closed request without objection is destroyed"
    );
    assert_ne!(
        status(&sevda),
        "destroyed",
        "request with objection (held) is kept"
    );
    assert!(
        !d.run("a", &["text", &contact]).status.success(),
        "Karim's contact log is destroyed"
    );
    d.ok("a", &["audit", "verify"]);
    // Karim's request mail is gone from the home folder; nothing in plain text anyway.
    assert_no_plain_text(
        &d.home(),
        &["Bouzidi", "sevda.y@voorbeeld.nl", "legitimatie"],
    );
}
