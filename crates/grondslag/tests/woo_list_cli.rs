//! The Woo inventory list as the platform reads it: an unreadable document is "Nog te
//! beoordelen" (never "Openbaar"), an archived document keeps the grounds it was redacted on, a
//! mail is dated by its `Date` header, and a list without documents is an error.

mod harness;
use harness::*;

fn rows(csv: &str) -> Vec<Vec<String>> {
    // The test data has no quoted commas except in the explanation column, which is last but
    // four; split on commas outside quotes.
    csv.lines()
        .skip(1)
        .map(|line| {
            let mut cells = Vec::new();
            let mut cell = String::new();
            let mut quoted = false;
            for c in line.chars() {
                match c {
                    '"' => quoted = !quoted,
                    ',' if !quoted => cells.push(std::mem::take(&mut cell)),
                    c => cell.push(c),
                }
            }
            cells.push(cell);
            cells
        })
        .collect()
}

#[test]
fn woo_list_assesses_unreadable_archived_and_mail() {
    let d = Dir::new();
    d.write(
        "holding/mail.eml",
        "From: Jorien ter Horst <j.terhorst@voorbeeld.nl>\nTo: b@voorbeeld.nl\nSubject: overleg\n\
         Date: Sun, 3 Mar 2019 23:30:00 -0500\n\nBeste Bram, zullen we Mohammed Amrani uitnodigen?\n",
    );
    d.write(
        "holding/nota.txt",
        "Beleidsnota\n\nIn het overleg met Sevda Yıldırım is de begroting besproken.\n",
    );
    d.write("holding/kapot.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog");
    d.ok("a", &["scan", "holding"]);
    let docs = d.json("a", &["documents", "--json"]);
    let id = |name: &str| {
        docs.as_array()
            .unwrap()
            .iter()
            .find(|x| x["path"].as_str().unwrap().ends_with(name))
            .unwrap()["id"]
            .to_string()
    };
    let (mail, nota, kapot) = (id("mail.eml"), id("nota.txt"), id("kapot.pdf"));
    let csv_path = d.path("lijst.csv");
    let list = |d: &Dir| {
        d.ok(
            "a",
            &[
                "woo-list",
                "--context",
                "WOO-1",
                "--out",
                csv_path.to_str().unwrap(),
            ],
        );
        rows(&std::fs::read_to_string(&csv_path).unwrap())
    };
    let before = list(&d);
    let row = |rows: &[Vec<String>], id: &str| rows.iter().find(|r| r[0] == id).cloned().unwrap();
    assert_eq!(row(&before, &kapot)[7], "Nog te beoordelen");
    // The mail's own date, in its own offset (3 March, not the file's date).
    assert_eq!(row(&before, &mail)[6], "2019-03-03");
    assert_eq!(row(&before, &nota)[7], "Deels openbaar");
    assert_eq!(row(&before, &nota)[9], "5.1.2e");

    // Archived by a run: the findings go, the grounds stay.
    d.ok(
        "a",
        &[
            "assess",
            "--disposition",
            "redact_and_archive",
            "--category",
            "1.1",
            "--reason",
            "nota",
            &nota,
        ],
    );
    let run = d.json("a", &["destroy", "plan", "--json"])["id"].to_string();
    d.ok("b", &["destroy", "approve", &run]);
    d.ok("c", &["destroy", "approve", &run]);
    d.ok("a", &["destroy", "execute", &run]);
    let after = list(&d);
    let archived = row(&after, &nota);
    assert_eq!(archived[7], "Deels openbaar", "{archived:?}");
    assert_eq!(archived[9], "5.1.2e", "{archived:?}");
    assert!(!std::fs::read_to_string(&csv_path)
        .unwrap()
        .contains("Yıldırım"));

    // Nothing to list: an error, and no file.
    let empty = d.path("leeg.csv");
    let out = d.run(
        "a",
        &[
            "woo-list",
            "--context",
            "WOO-1",
            "--out",
            empty.to_str().unwrap(),
            "999",
        ],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("geen enkel document"),
        "{}",
        stderr(&out)
    );
    assert!(!empty.exists());
}
