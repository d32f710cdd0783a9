//! Suggestions and bulk assessment by suggestion, informing decisions, the accountability
//! report and the Woo inventory list, through the real binary.

mod harness;
use harness::*;

#[test]
fn suggestions_informing_report_and_woo_list() {
    let d = Dir::new();
    d.write(
        "holding/analyse-netwerk.txt",
        "Analyse van het netwerk en de invloed rond de moskee\n\n\
         Voorzitter Abdelkader Ouahabi woont in Ermelo. Ouahabi heeft zich in 2012 bekeerd tot het salafisme.\n\
         Secretaris Fatima Zerrouki is van Marokkaanse afkomst en lid van de SP. Penningmeester Hamid el Idrissi\n\
         lijdt aan diabetes. Bestuurslid Yusuf Karadağ (Nunspeet) is in 2017 veroordeeld voor fraude.\n\
         Ouahabi en Zerrouki onderhouden contact met imam Abu Ibrahim uit Gouda.\n",
    );
    d.write(
        "holding/beleidsnota.txt",
        "Beleidsnota over de dialoog met maatschappelijke organisaties\n\n\
         Deze nota beschrijft de uitgangspunten van de dialoog, de planning voor het komende jaar en de\n\
         rol van het netwerk van gemeenten. De aanpak is besproken met de heer Wolters van de directie.\n\
         Het ministerie wil de dialoog breed opzetten, met aandacht voor transparantie en vertrouwen,\n\
         en zal de Tweede Kamer jaarlijks informeren over de voortgang van de gesprekken.\n",
    );
    d.write(
        "holding/leeg-beleid.txt",
        "Planning voor het komende jaar: drie rondetafelgesprekken.\n",
    );
    d.ok("a", &["scan", "holding"]);

    let sugg = d.json("a", &["suggest", "--json"]);
    let by_path = |name: &str| {
        sugg.as_array()
            .unwrap()
            .iter()
            .find(|x| x["path"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} not in {sugg}"))
            .clone()
    };
    assert_eq!(
        by_path("analyse-netwerk.txt")["suggestion"],
        "destroy",
        "{sugg}"
    );
    assert_eq!(
        by_path("beleidsnota.txt")["suggestion"],
        "redact_and_archive",
        "{sugg}"
    );
    assert_eq!(
        by_path("leeg-beleid.txt")["suggestion"],
        "no_action",
        "{sugg}"
    );
    assert!(!by_path("analyse-netwerk.txt")["reasons"]
        .as_array()
        .unwrap()
        .is_empty());

    // Bulk assessment by suggestion touches only what is suggested and not yet assessed.
    d.ok(
        "a",
        &[
            "assess",
            "--disposition",
            "destroy",
            "--suggested",
            "destroy",
            "--reason",
            "profiel",
        ],
    );
    let docs = d.json("a", &["documents", "--json"]);
    let disp = |name: &str| {
        docs.as_array()
            .unwrap()
            .iter()
            .find(|x| x["path"].as_str().unwrap().ends_with(name))
            .unwrap()["disposition"]
            .clone()
    };
    assert_eq!(disp("analyse-netwerk.txt"), "destroy");
    assert!(disp("beleidsnota.txt").is_null());

    // Informing decisions: one informed with a letter, one not on a fixed ground.
    let subjects = d.json("a", &["subjects", "--json"]);
    let ids: Vec<String> = subjects
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].to_string())
        .collect();
    assert!(ids.len() >= 3, "{subjects}");
    // Letters and certificates need a sender (`org set`).
    d.set_example_org("A. de Vries, burgemeester");
    let letter = d.path("brief.pdf");
    d.ok(
        "a",
        &[
            "inform",
            &ids[0],
            "--yes",
            "--letter",
            letter.to_str().unwrap(),
        ],
    );
    assert!(std::fs::read(&letter).unwrap().starts_with(b"%PDF"));
    d.ok(
        "a",
        &[
            "inform",
            &ids[1],
            "--not-because",
            "safety-of-staff",
            "--risk",
            "hoog",
        ],
    );
    let other = d.run("a", &["inform", &ids[2], "--not-because", "other"]);
    assert!(!other.status.success(), "'other' needs an explanation");

    let report = d.json("a", &["report", "--json"]);
    assert_eq!(report["documents_found"], 3, "{report}");
    assert_eq!(report["informing"]["inform"], 1, "{report}");
    assert_eq!(report["informing"]["do_not_inform"], 1, "{report}");
    assert_eq!(
        report["informing"]["by_ground"]["safety_of_staff"], 1,
        "{report}"
    );
    for name in ["Ouahabi", "Zerrouki", "Karadağ"] {
        assert!(
            !report.to_string().contains(name),
            "report holds personal data"
        );
    }

    // The Woo list: every living document, with its assessment and grounds.
    let csv = d.path("lijst.csv");
    d.ok(
        "a",
        &[
            "woo-list",
            "--context",
            "WOO-2024-7",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    let csv = std::fs::read_to_string(&csv).unwrap();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with(
        "ID,Publicatiecontext,Family ID,Email Thread ID,Document,File type,Datum,Beoordeling"
    ));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 3);
    let row = |name: &str| *rows.iter().find(|r| r.contains(name)).unwrap();
    assert!(row("analyse-netwerk.txt").contains("Niet openbaar"));
    assert!(row("analyse-netwerk.txt").contains("5.1.1d"));
    assert!(row("beleidsnota.txt").contains("Deels openbaar"));
    assert!(row("beleidsnota.txt").contains("5.1.2e"));
    assert!(row("leeg-beleid.txt").contains(",Openbaar,"));
    assert!(!csv.contains("Ouahabi"));
    let xlsx = d.path("lijst.xlsx");
    d.ok(
        "a",
        &[
            "woo-list",
            "--context",
            "WOO-2024-7",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let bad = d.path("x.csv");
    let out = d.run(
        "a",
        &[
            "woo-list",
            "--context",
            "met spatie",
            "--out",
            bad.to_str().unwrap(),
        ],
    );
    assert!(
        !out.status.success() && !bad.exists(),
        "an invalid context is refused"
    );
    d.ok("a", &["audit", "verify"]);
}
