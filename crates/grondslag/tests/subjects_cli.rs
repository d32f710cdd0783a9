//! Who is who, through the real binary: a holding with two namesakes (one Peter de Boer
//! born 2 April 1950 in Assen, another born 9 September 1991 in Breda), a family, spellings
//! of one name and short forms → scan → subjects → an access request by one namesake →
//! search → confirm → answer, then `inzage.pdf` read back with `pdftotext`: the other
//! namesake's documents never appear in it. And `subject merge`/`split` stay the human's
//! last word, recorded in the audit log and kept across a re-scan.

mod harness;
use harness::*;

use serde_json::Value;

/// Opens the access window for requests tagged "reflectiesessies" in 2024.
fn open_window(d: &Dir) {
    d.open_window("2024-01-01", "2024-12-31", "reflectiesessies");
}

/// Delivers `mail` as the first request in a Maildir, imports it and returns its id.
fn request(d: &Dir, mail: &str) -> String {
    d.write("Maildir/new/1.req.host", mail);
    std::fs::create_dir_all(d.path("Maildir/cur")).unwrap();
    std::fs::create_dir_all(d.path("Maildir/tmp")).unwrap();
    d.ok(
        "a",
        &["requests", "import", d.path("Maildir").to_str().unwrap()],
    );
    let rq = d.json("a", &["requests", "--json"]);
    rq[0]["id"].to_string()
}

/// An access request mailed by `name` from `email`, with the lines about the writer (birth
/// date, town) that the request gives, each ending in a newline.
fn access_mail(name: &str, email: &str, about: &str) -> String {
    format!(
        "From: {name} <{email}>\nTo: inzage@voorbeeld.nl\n\
         Subject: Inzageverzoek reflectiesessies\nDate: Mon, 5 Feb 2024 09:00:00 +0100\n\n\
         Graag wil ik weten welke gegevens u over mij heeft.\n{about}\n\
         Met vriendelijke groet,\n{name}\n"
    )
}

/// Records the organisation that signs the letters.
fn set_org(d: &Dir) {
    d.set_example_org("J. Testfunctionaris, privacy officer");
}

fn pdftotext(path: &std::path::Path) -> Option<String> {
    let out = std::process::Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Every document of the holding, with a marker phrase (no personal data) that shows
/// whether its text is in the inspection package.
const HOLDING: &[(&str, &str)] = &[
    (
        "assen/profiel.txt",
        "Analyse netwerk Zonnebloem\n\nNaam: Peter de Boer\nGeboortedatum: 2 april 1950\n\
         Woonplaats: Assen\n\nDe Boer is al jaren penningmeester van de kerkelijke \
         zangvereniging Zonnebloem. Hij onderhoudt contact met het wijkteam.\n",
    ),
    (
        "assen/brief.txt",
        "Verslag gesprek fietsenstalling Marsdijk\n\nGesproken met Peter de Boer (geboren \
         2 april 1950, woonachtig te Assen) en zijn dochter Anna de Wit-de Boer. Meneer De Boer \
         vroeg naar de fietsenstalling Marsdijk.\n",
    ),
    (
        "breda/analyse.txt",
        "Analyse jongerenplatform Haagse Beemden\n\nNaam: Peter de Boer\n\
         Geboortedatum: 9 september 1991\nWoonplaats: Breda\nE-mail: p.deboer91@voorbeeld.nl\n\n\
         De Boer organiseert de voetbaltoernooien van het jongerenplatform.\n",
    ),
    (
        "breda/mail.txt",
        "Van: Peter de Boer <p.deboer91@voorbeeld.nl>\nAan: Karin Smit <k.smit@minbzk.example.nl>\n\
         Onderwerp: voetbaltoernooi Kesselsakker\n\nBeste Karin,\n\nHet voetbaltoernooi \
         Kesselsakker gaat door. Ik woon sinds kort in Breda (geboren 9-9-1991).\n\n\
         Groet,\nPeter\n",
    ),
    (
        "lijst.txt",
        "Overzicht deelnemers klankbordgroep Lindelaan\n\n\
         1. Peter de Boer, geboren 2 april 1950, woonachtig te Assen\n\
         2. Peter de Boer, geboren 9 september 1991, woonachtig te Breda\n\
         3. Amina Hassan Warsame, geboren 3 maart 1988, woonachtig te Tilburg\n",
    ),
    (
        "warsame.txt",
        "Van: Warsame, Amina Hassan <amina.warsame@voorbeeld.nl>\nAan: Karin Smit \
         <k.smit@minbzk.example.nl>\nOnderwerp: taalcafe Reeshof\n\nBeste Karin,\n\n\
         Het taalcafe Reeshof start weer in september.\n\nGroet,\nAmina\n",
    ),
    (
        "verslag.txt",
        "Verslag overleg speeltuin Wolfslaar\n\nAanwezig: Karin Smit, Amina Warsame en \
         Anna-Maria Jansen.\n\nSmit opent de vergadering over de speeltuin Wolfslaar. \
         Warsame vraagt naar de planning. Jansen meldt dat de aanvraag is ingediend.\n",
    ),
];

fn document_ids(d: &Dir) -> std::collections::HashMap<String, i64> {
    let docs = d.json("a", &["documents", "--json"]);
    docs.as_array()
        .unwrap()
        .iter()
        .map(|x| {
            let path = x["path"].as_str().unwrap().replace('\\', "/");
            let rel = path.rsplit("holding/").next().unwrap().to_string();
            (rel, x["id"].as_i64().unwrap())
        })
        .collect()
}

/// The documents of every subject, by id.
fn subject_documents(d: &Dir) -> Vec<(i64, String, Vec<i64>)> {
    let subjects = d.json("a", &["subjects", "--json"]);
    subjects
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let id = s["id"].as_i64().unwrap();
            let detail = d.json("a", &["subject", "show", &id.to_string(), "--json"]);
            let docs = detail["documents"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_i64().unwrap())
                .collect();
            (id, s["name"].as_str().unwrap().to_string(), docs)
        })
        .collect()
}

#[test]
fn namesakes_stay_apart_and_an_access_request_shows_only_the_requester() {
    let d = Dir::new();
    for (path, text) in HOLDING {
        d.write(&format!("holding/{path}"), text);
    }
    d.ok("a", &["scan", d.path("holding").to_str().unwrap()]);
    let ids = document_ids(&d);
    let (assen, breda) = (
        [ids["assen/profiel.txt"], ids["assen/brief.txt"]],
        [ids["breda/analyse.txt"], ids["breda/mail.txt"]],
    );
    let subjects = subject_documents(&d);
    for (id, name, docs) in &subjects {
        assert!(
            !(docs.iter().any(|x| assen.contains(x)) && docs.iter().any(|x| breda.contains(x))),
            "subject {id} ({name}) joins the two namesakes: {docs:?}"
        );
    }
    let has = |docs: &[i64], want: &[i64]| want.iter().all(|w| docs.contains(w));
    assert!(
        subjects.iter().any(|(_, _, docs)| has(docs, &assen)),
        "the Assen Peter de Boer is one subject: {subjects:?}"
    );
    assert!(
        subjects.iter().any(|(_, _, docs)| has(docs, &breda)),
        "the Breda Peter de Boer is one subject: {subjects:?}"
    );
    assert!(
        subjects.iter().any(|(_, name, docs)| name.contains("Warsame")
            && has(docs, &[ids["warsame.txt"], ids["lijst.txt"], ids["verslag.txt"]])),
        "'Warsame, Amina Hassan', 'Amina Hassan Warsame' and 'Amina Warsame' are one subject: {subjects:?}"
    );

    // The access request of the Assen Peter de Boer.
    open_window(&d);
    let req = request(
        &d,
        &access_mail(
            "Peter de Boer",
            "peter.deboer@voorbeeld.nl",
            "Mijn geboortedatum is 2 april 1950.\nIk woon in Assen.\n",
        ),
    );
    let cands = d.json("a", &["request", "search", &req, "--json"]);
    let cands = cands.as_array().unwrap();
    let docs_of = |sid: i64| {
        subjects
            .iter()
            .find(|(id, _, _)| *id == sid)
            .map(|(_, _, docs)| docs.clone())
            .unwrap_or_default()
    };
    let best = &cands[0];
    assert!(
        has(&docs_of(best["subject"].as_i64().unwrap()), &assen),
        "best candidate is the Assen Peter de Boer: {cands:?}"
    );
    assert_eq!(best["advice"], "confirm", "{best}");
    assert!(!best["evidence"].as_array().unwrap().is_empty());
    let namesake = cands
        .iter()
        .find(|c| has(&docs_of(c["subject"].as_i64().unwrap()), &breda))
        .expect("the namesake is shown as a candidate too");
    assert_eq!(namesake["advice"], "reject", "{namesake}");
    assert!(
        namesake["contradictions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c.as_str().unwrap().contains("andere geboortedatum")),
        "{namesake}"
    );
    let confirm: Vec<String> = cands
        .iter()
        .filter(|c| c["advice"] == "confirm")
        .map(|c| c["subject"].to_string())
        .collect();
    let mut args = vec!["request", "confirm", req.as_str()];
    args.extend(confirm.iter().map(String::as_str));
    args.extend(["--identity", "legitimatie aan de balie"]);
    d.ok("a", &args);
    // Letters need a sender.
    set_org(&d);
    let out = d.path("antwoord");
    d.ok(
        "a",
        &["request", "answer", &req, "--out", out.to_str().unwrap()],
    );
    let Some(inzage) = pdftotext(&out.join("inzage.pdf")) else {
        eprintln!("pdftotext not available; inspection package not read back");
        return;
    };
    for own in [
        "Zonnebloem",
        "fietsenstalling Marsdijk",
        "klankbordgroep Lindelaan",
    ] {
        assert!(
            inzage.contains(own),
            "{own} missing from the package: {inzage}"
        );
    }
    for other in [
        "Haagse Beemden",
        "Kesselsakker",
        "9 september 1991",
        "9-9-1991",
        "p.deboer91",
        "Breda",
        "Warsame",
        "taalcafe",
        "Wolfslaar",
    ] {
        assert!(
            !inzage.contains(other),
            "{other:?} (someone else's) is in the inspection package: {inzage}"
        );
    }
    d.ok("a", &["audit", "verify"]);
}

#[test]
fn merge_and_split_are_the_humans_last_word() {
    let d = Dir::new();
    d.write(
        "holding/a.txt",
        "Gesprek met Youssef Amrani over de moskee.\n",
    );
    d.write(
        "holding/b.txt",
        "Verslag: Yusuf Amrani (geboren 3 mei 1979) kwam ook.\n",
    );
    d.write("holding/c.txt", "Notitie: mevrouw Samira Bakkali belde.\n");
    d.ok("a", &["scan", d.path("holding").to_str().unwrap()]);
    let subjects = d.json("a", &["subjects", "--json"]);
    let find = |subjects: &Value, part: &str| -> Vec<i64> {
        subjects
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["name"].as_str().unwrap().contains(part))
            .map(|s| s["id"].as_i64().unwrap())
            .collect()
    };
    let amrani = find(&subjects, "Amrani");
    assert_eq!(
        amrani.len(),
        1,
        "Youssef/Yusuf Amrani resolve to one: {subjects}"
    );
    let amrani = amrani[0];
    // The working group knows better: they are two people. Split document b's finding off.
    let detail = d.json("a", &["subject", "show", &amrani.to_string(), "--json"]);
    let in_b: Vec<String> = detail["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "person" && f["value"].as_str().unwrap().starts_with("Yusuf"))
        .map(|f| f["id"].to_string())
        .collect();
    assert_eq!(in_b.len(), 1, "{detail}");
    let subject = amrani.to_string();
    let mut args = vec![
        "subject",
        "split",
        "--reason",
        "twee personen volgens de werkgroep",
        subject.as_str(),
    ];
    args.extend(in_b.iter().map(String::as_str));
    d.ok("a", &args);
    let after = d.json("a", &["subjects", "--json"]);
    assert_eq!(find(&after, "Amrani").len(), 2, "split: {after}");
    // A re-scan re-resolves; the decision stays.
    d.ok("a", &["scan", d.path("holding").to_str().unwrap()]);
    let again = d.json("a", &["subjects", "--json"]);
    assert_eq!(find(&again, "Amrani").len(), 2, "split kept: {again}");
    // And a merge joins what resolution (now following the split) keeps apart.
    let ids: Vec<String> = find(&again, "Amrani")
        .into_iter()
        .map(|i| i.to_string())
        .collect();
    let mut args = vec!["subject", "merge", "--reason", "zelfde persoon"];
    args.extend(ids.iter().map(String::as_str));
    d.ok("a", &args);
    assert_eq!(
        find(&d.json("a", &["subjects", "--json"]), "Amrani").len(),
        1,
        "merged"
    );
    // Both decisions are in the audit log, with their reasons sealed.
    if have("sqlite3") {
        let out = std::process::Command::new("sqlite3")
            .arg(d.home().join("grondslag.db"))
            .arg("SELECT action, details FROM audit_log WHERE action = 'subject decision'")
            .output()
            .unwrap();
        let log = String::from_utf8_lossy(&out.stdout);
        assert!(
            log.contains("kind=split") && log.contains("kind=merge") && log.contains("reason=note"),
            "{log}"
        );
        assert!(!log.contains("twee personen"), "reasons are sealed: {log}");
    }
    d.ok("a", &["audit", "verify"]);
}

#[test]
fn a_document_naming_the_requester_by_name_alone_is_named_for_a_check() {
    // Helen Idris of Alkmaar is described in one document; another names "Helen Idris"
    // bare, and may be a namesake the holding never describes. The package holds every
    // document of the confirmed subject (the contract), and the answer names the bare one
    // so that a person checks it before sending; the described one is not named.
    let d = Dir::new();
    d.write(
        "holding/a.txt",
        "Verslag buurthuis Zonnebloem\n\nGesproken met Helen Idris (geboren 23-1-2001, \
         woonachtig te Alkmaar) over het buurthuis Zonnebloem.\n",
    );
    d.write(
        "holding/b.txt",
        "Notitie speeltuin Kesselsakker\n\nHelen Idris vraagt naar de planning van de \
         speeltuin Kesselsakker.\n",
    );
    d.ok("a", &["scan", d.path("holding").to_str().unwrap()]);
    let ids = document_ids(&d);
    open_window(&d);
    let req = request(
        &d,
        &access_mail(
            "Helen Idris",
            "helen1@voorbeeld.nl",
            "Mijn geboortedatum is 23 januari 2001.\nIk woon in Alkmaar.\n",
        ),
    );
    let cands = d.json("a", &["request", "search", &req, "--json"]);
    let confirm: Vec<String> = cands
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["advice"] == "confirm")
        .map(|c| c["subject"].to_string())
        .collect();
    assert!(!confirm.is_empty(), "{cands}");
    let mut args = vec!["request", "confirm", req.as_str()];
    args.extend(confirm.iter().map(String::as_str));
    d.ok("a", &args);
    set_org(&d);
    let out = d.path("antwoord");
    let o = d.run(
        "a",
        &["request", "answer", &req, "--out", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("document {}:", ids["b.txt"])),
        "the bare document is named for a check: {}",
        stderr(&o)
    );
    assert!(
        !stderr(&o).contains(&format!("document {}:", ids["a.txt"])),
        "the described document needs no check: {}",
        stderr(&o)
    );
    let Some(package) = pdftotext(&out.join("inzage.pdf")) else {
        eprintln!("pdftotext not available; inspection package not read back");
        return;
    };
    assert!(
        package.contains("Zonnebloem") && package.contains("Kesselsakker"),
        "{package}"
    );
    d.ok("a", &["audit", "verify"]);
}

/// The documents of the subjects `confirm` among `docs` (as [`subject_documents`] lists
/// them): what an answer to the request would show.
fn documents_of(docs: &[(i64, String, Vec<i64>)], confirm: &[i64]) -> Vec<i64> {
    docs.iter()
        .filter(|(id, _, _)| confirm.contains(id))
        .flat_map(|(_, _, docs)| docs.iter().copied())
        .collect()
}

/// The subjects `request search` advises to confirm for request `req`.
fn advised(d: &Dir, req: &str) -> Vec<i64> {
    let cands = d.json("a", &["request", "search", req, "--json"]);
    cands
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["advice"] == "confirm")
        .filter_map(|c| c["subject"].as_i64())
        .collect()
}

#[test]
fn a_name_an_attendance_list_writes_for_two_people_does_not_bring_a_bare_mention_into_the_answer() {
    // Minutes list two Kees Bakels; one of them is described elsewhere (Tiel, 1990); a
    // note names "Kees Bakels" bare. Which Kees the note means is unknown: the subject
    // that the request of the described one confirms holds the description, not the note.
    let d = Dir::new();
    d.write(
        "holding/a.txt",
        "Verslag overleg\n\nAanwezig: Kees Bakels, Lotte Vos en Kees Bakels (ministerie)\n\n\
         1. Opening\nHet overleg begint om tien uur.\n",
    );
    d.write(
        "holding/b.txt",
        "Analyse netwerk\n\nBetrokkene Kees Bakels (geboren 3 maart 1990, woonachtig te Tiel) \
         is actief binnen het buurthuis Zonnebloem.\n",
    );
    d.write(
        "holding/c.txt",
        "Notitie speeltuin Kesselsakker\n\nKees Bakels vraagt naar de planning van de \
         speeltuin Kesselsakker.\n",
    );
    d.ok("a", &["scan", d.path("holding").to_str().unwrap()]);
    let ids = document_ids(&d);
    open_window(&d);
    let req = request(
        &d,
        &access_mail(
            "Kees Bakels",
            "kees@voorbeeld.nl",
            "Mijn geboortedatum is 3 maart 1990.\nIk woon in Tiel.\n",
        ),
    );
    let confirm = advised(&d, &req);
    let docs = subject_documents(&d);
    let answered = documents_of(&docs, &confirm);
    assert!(answered.contains(&ids["b.txt"]), "{docs:?} {confirm:?}");
    assert!(!answered.contains(&ids["c.txt"]), "{docs:?} {confirm:?}");
}

#[test]
fn a_spelling_the_holding_writes_for_another_person_does_not_answer_a_request() {
    // Minutes list "Peter Verhoeven" and "Pieter Verhoeven": two names in this holding. A
    // note describes Pieter in Rotterdam; the requester Peter lives in Rotterdam too. His
    // request must not bring Pieter's note into the answer as a spelling of his name.
    let d = Dir::new();
    d.write(
        "holding/a.txt",
        "Verslag overleg\n\nAanwezig: Peter Verhoeven, Lotte Vos en Pieter Verhoeven\n\n\
         1. Opening\nHet overleg begint om tien uur.\n",
    );
    d.write(
        "holding/b.txt",
        "Notitie speeltuin Kesselsakker\n\nPieter Verhoeven (woonachtig te Rotterdam) vraagt \
         naar de planning van de speeltuin Kesselsakker.\n",
    );
    d.ok("a", &["scan", d.path("holding").to_str().unwrap()]);
    let ids = document_ids(&d);
    open_window(&d);
    let req = request(
        &d,
        &access_mail(
            "Peter Verhoeven",
            "peter@voorbeeld.nl",
            "Ik woon in Rotterdam.\n",
        ),
    );
    let confirm = advised(&d, &req);
    let docs = subject_documents(&d);
    let answered = documents_of(&docs, &confirm);
    assert!(!answered.contains(&ids["b.txt"]), "{docs:?} {confirm:?}");
}

#[test]
fn initials_at_the_requesters_address_are_checked_where_another_of_that_initial_is_described() {
    // A letter to "A. Duale" at the requester's address, and a list that describes
    // "Duale, A.A." born in 1962 in another town: the requester Amina Duale was born in
    // 1985, so an A. Duale who is not her is known, and the letter may be his. It is
    // checked, not confirmed.
    let d = Dir::new();
    d.write(
        "holding/a.txt",
        "Ministerie van Binnenlandse Zaken\nPostbus 20011\n2500 EA  Den Haag\n\n\
         De heer A. Duale\nDorpsstraat 114\n6382 TV  ERMELO\n\nGeachte heer Duale,\n\n\
         Hierbij bevestigen wij de ontvangst van uw bericht.\n",
    );
    d.write(
        "holding/b.txt",
        "Deelnemerslijst\n\nDuale, A.A., geboren 17-04-1962, woonachtig te Harderwijk\n",
    );
    d.ok("a", &["scan", d.path("holding").to_str().unwrap()]);
    let ids = document_ids(&d);
    open_window(&d);
    let req = request(
        &d,
        &access_mail(
            "Amina Duale",
            "amina@voorbeeld.nl",
            "Mijn geboortedatum is 19 juli 1985.\nIk woon op Dorpsstraat 114, 6382 TV Ermelo.\n",
        ),
    );
    let confirm = advised(&d, &req);
    let docs = subject_documents(&d);
    let answered = documents_of(&docs, &confirm);
    assert!(!answered.contains(&ids["a.txt"]), "{docs:?} {confirm:?}");
}

#[test]
fn a_request_in_a_married_double_name_finds_her_own_name_alone() {
    // "Els de Wit-Hoekstra" asks; the holding writes "Els Hoekstra" and nobody else of
    // that name: her own name, advised to be confirmed.
    let d = Dir::new();
    d.write(
        "holding/a.txt",
        "Notitie speeltuin Kesselsakker\n\nEls Hoekstra vraagt naar de planning van de \
         speeltuin Kesselsakker.\n",
    );
    d.ok("a", &["scan", d.path("holding").to_str().unwrap()]);
    open_window(&d);
    let req = request(
        &d,
        &access_mail("Els de Wit-Hoekstra", "els@voorbeeld.nl", ""),
    );
    let confirm = advised(&d, &req);
    assert_eq!(
        confirm.len(),
        1,
        "{}",
        d.json("a", &["request", "search", &req, "--json"])
    );
}

#[test]
fn the_letters_of_a_postcode_in_a_request_are_no_other_town() {
    // "Ik woon op Parkweg 119, 6893 SD Apeldoorn": the letters of the postcode were read
    // as a town other than Apeldoorn, and the subject with the requester's birth date was
    // left to check instead of being advised.
    let d = Dir::new();
    d.write(
        "holding/a.txt",
        "Analyse netwerk\n\nBetrokkene Karel Dijkhuis (geboren 12 juli 1962, woonachtig te \
         Apeldoorn) is actief binnen het buurthuis Zonnebloem.\n",
    );
    d.ok("a", &["scan", d.path("holding").to_str().unwrap()]);
    open_window(&d);
    let req = request(
        &d,
        &access_mail(
            "Karel Dijkhuis",
            "k.dijkhuis@voorbeeld.nl",
            "Mijn geboortedatum is 12-07-1962.\nIk woon op Parkweg 119, 6893 SD Apeldoorn.\n",
        ),
    );
    let confirm = advised(&d, &req);
    assert_eq!(
        confirm.len(),
        1,
        "{}",
        d.json("a", &["request", "search", &req, "--json"])
    );
}

#[test]
fn initials_a_relative_can_carry_do_not_hold_back_the_requesters_bare_name() {
    // A note names "Bram Vink" bare, another "Bas Vink", and a list describes "Vink, B."
    // born in 1950 in Harderwijk. The requester Bram Vink was born in 1988: the initials
    // are another B. Vink, and Bas is one the holding knows, so they are no sign of a
    // second Bram Vink. His bare name is his: the note answers his request.
    let d = Dir::new();
    d.write(
        "holding/a.txt",
        "Notitie speeltuin Kesselsakker\n\nBram Vink vraagt naar de planning van de \
         speeltuin Kesselsakker.\n",
    );
    d.write(
        "holding/b.txt",
        "Notitie buurthuis\n\nBas Vink vraagt naar de openingstijden van het buurthuis.\n",
    );
    d.write(
        "holding/c.txt",
        "Deelnemerslijst\n\nVink, B., geboren 02-03-1950, woonachtig te Harderwijk\n",
    );
    d.ok("a", &["scan", d.path("holding").to_str().unwrap()]);
    let ids = document_ids(&d);
    open_window(&d);
    let req = request(
        &d,
        &access_mail(
            "Bram Vink",
            "bram@voorbeeld.nl",
            "Mijn geboortedatum is 14 juli 1988.\nIk woon in Tiel.\n",
        ),
    );
    let confirm = advised(&d, &req);
    let docs = subject_documents(&d);
    let answered = documents_of(&docs, &confirm);
    assert!(answered.contains(&ids["a.txt"]), "{docs:?} {confirm:?}");
    assert!(!answered.contains(&ids["b.txt"]), "{docs:?} {confirm:?}");
    assert!(!answered.contains(&ids["c.txt"]), "{docs:?} {confirm:?}");
}

#[test]
fn a_name_written_with_the_fathers_name_answers_a_request_without_it() {
    // A memo names "Nimco Omar Aden" (given name, father's name, surname); the requester
    // writes herself "Nimco Aden". Nobody else of that first name and surname is written:
    // the memo is hers. A second memo on "Nimco Yusuf Aden" would leave both to a check.
    let d = Dir::new();
    d.write(
        "holding/a.txt",
        "Notitie speeltuin Kesselsakker\n\nNimco Omar Aden vraagt naar de planning van de \
         speeltuin Kesselsakker.\n",
    );
    d.ok("a", &["scan", d.path("holding").to_str().unwrap()]);
    let ids = document_ids(&d);
    open_window(&d);
    let req = request(
        &d,
        &access_mail(
            "Nimco Aden",
            "nimco@voorbeeld.nl",
            "Mijn geboortedatum is 14 juli 1988.\nIk woon in Tiel.\n",
        ),
    );
    let confirm = advised(&d, &req);
    let docs = subject_documents(&d);
    let answered = documents_of(&docs, &confirm);
    assert!(answered.contains(&ids["a.txt"]), "{docs:?} {confirm:?}");
}
