//! Cases in which one person's mentions joined another's (or an access request found
//! another's subject), each reduced to a few mentions: the error that would show one
//! person's documents in another's inspection package.

mod common;

use std::collections::BTreeSet;

use common::in_text;
use grondslag_subjects::{
    assess_candidates, profiles, resolve, split_package, Advice, Assessment, HeldFinding, Mention,
    Query, Subject, SubjectProfile,
};

/// How a request by `name` is advised on the one subject written as `mentions`.
fn advice_to(name: &str, mentions: &[(&str, &str)]) -> Assessment {
    let subject = SubjectProfile::from_mentions(mentions.iter().copied());
    let q = Query {
        names: vec![name.into()],
        ..Query::default()
    };
    assess_candidates(&q, &[subject]).remove(0)
}

fn subject_of(subjects: &[Subject], id: u64) -> Option<usize> {
    subjects
        .iter()
        .position(|s| s.members.iter().any(|x| x.mention == id))
}

#[test]
fn the_town_of_an_address_block_is_where_the_person_lives() {
    // A letter to "H. Tesfamariam" in Harderwijk is not the Helen Tesfamariam of
    // Culemborg: the town under the street is a fact of the addressee.
    let mut m = in_text(
        1,
        1,
        "4. Helen Tesfamariam, geboren 04-11-1993, woonachtig te Culemborg\n",
        &[
            ("person", "Helen Tesfamariam"),
            ("birthdate", "04-11-1993"),
            ("place", "Culemborg"),
        ],
    );
    m.extend(in_text(
        2,
        10,
        "Ministerie\n\nMevrouw H. Tesfamariam\nMolenweg 12\n1912 DT  HARDERWIJK\n\nDen Haag, 21 juli 2019\n\nGeachte mevrouw Tesfamariam,\n\nHierbij bevestigen wij de ontvangst.",
        &[
            ("person", "H. Tesfamariam"),
            ("address", "Molenweg 12"),
            ("postcode", "1912 DT"),
            ("place", "HARDERWIJK"),
            ("person", "Tesfamariam"),
        ],
    ));
    let subjects = resolve(&m, &[]);
    assert_ne!(subject_of(&subjects, 1), subject_of(&subjects, 10));
    assert_eq!(
        subject_of(&subjects, 10),
        subject_of(&subjects, 13),
        "the town is hers"
    );
    assert_eq!(subject_of(&subjects, 10), subject_of(&subjects, 14));
}

#[test]
fn a_given_name_beside_fitting_initials_is_not_explained_elsewhere() {
    // "Ubah" in a document that names "U. Ali" is that person as far as anyone can tell,
    // not the one "Ubah Farah" of another document.
    let mut m = in_text(
        1,
        1,
        "Aanwezig: Omar Nur, U. Ali en E. Willems (ministerie)\n\n2. Mededelingen\nUbah vraagt naar de planning van de activiteiten.",
        &[
            ("person", "Omar Nur"),
            ("person", "U. Ali"),
            ("person", "E. Willems"),
            ("person", "Ubah"),
        ],
    );
    m.extend(in_text(
        2,
        10,
        "Ik heb gesproken met Ubah Farah. Ubah Farah wil graag meedoen.",
        &[("person", "Ubah Farah"), ("person", "Ubah Farah")],
    ));
    let subjects = resolve(&m, &[]);
    assert_ne!(subject_of(&subjects, 4), subject_of(&subjects, 10));
    assert_eq!(subject_of(&subjects, 10), subject_of(&subjects, 11));
}

#[test]
fn a_double_given_name_alone_is_not_part_of_the_requesters_name() {
    // The subject "Marie José Mulder", also written "Marie José": the requester "Marie
    // Jose Postma-Smit" shares the given names, not the name.
    let a = advice_to(
        "Marie Jose Postma-Smit",
        &[
            ("person", "Marie José Mulder"),
            ("person", "Marie José"),
            ("person", "Mulder"),
        ],
    );
    assert_ne!(a.advice, Advice::Confirm, "{a:?}");
    // "Ubah Ali", written for "Ubah Ali Farah", is not the requester "Ubah Ahmed Ali".
    let a = advice_to(
        "Ubah Ahmed Ali",
        &[
            ("person", "Ubah Ali Farah"),
            ("person", "Ubah Ali"),
            ("person", "Farah"),
        ],
    );
    assert_ne!(a.advice, Advice::Confirm, "{a:?}");
    // The requester who writes two parts of her name is still found.
    let a = advice_to(
        "Nimco Mohamed",
        &[("person", "Nimco Mohamed Nur"), ("person", "Nimco Mohamed")],
    );
    assert_eq!(a.advice, Advice::Confirm, "{a:?}");
}

#[test]
fn a_second_given_name_or_initial_that_differs_is_another_person() {
    // "Hassan Hassan Ali" is not "Hassan Omar Ali" ("Ali, H.O."), and "J.P. Vermeulen"
    // is not "Jan Willem Vermeulen".
    let mut m = in_text(
        1,
        1,
        "Betrokkene Hassan Omar Ali (geboren 12-07-1975, woonachtig te Vlaardingen) is actief.",
        &[
            ("person", "Hassan Omar Ali"),
            ("birthdate", "12-07-1975"),
            ("place", "Vlaardingen"),
        ],
    );
    m.extend(in_text(
        2,
        10,
        "Aanwezig: Hassan Hassan Ali, Amina Warsame en Jan Willem Vermeulen (ministerie)",
        &[
            ("person", "Hassan Hassan Ali"),
            ("person", "Amina Warsame"),
            ("person", "Jan Willem Vermeulen"),
        ],
    ));
    m.extend(in_text(
        3,
        20,
        "Gesproken met J.P. Vermeulen en Ali, H.O. over de bijeenkomst.",
        &[("person", "J.P. Vermeulen"), ("person", "Ali, H.O.")],
    ));
    let subjects = resolve(&m, &[]);
    assert_ne!(subject_of(&subjects, 1), subject_of(&subjects, 10));
    assert_ne!(subject_of(&subjects, 21), subject_of(&subjects, 10));
    assert_eq!(subject_of(&subjects, 21), subject_of(&subjects, 1));
    assert_ne!(subject_of(&subjects, 12), subject_of(&subjects, 20));
}

#[test]
fn two_names_of_one_list_are_two_people() {
    // An attendance list that names "Jan Vermeulen" and "Jan Willem Vermeulen", or
    // "Ingrid Vermeulen" twice, names two people; a later "Jan Vermeulen" is the one
    // written so, a later "Ingrid Vermeulen" could be either.
    let text = "Aanwezig: Jan Vermeulen (ministerie), Ingrid Vermeulen, Jan Willem Vermeulen, woonachtig te Zwolle, geboren 01-09-1966, Ingrid Vermeulen en Kees Vos (ministerie)\n\n1. Opening\nJan Vermeulen opent de vergadering.\nJan Willem Vermeulen vraagt naar de planning. Ingrid Vermeulen zegt toe hierop terug te komen.\nIk heb gesproken met Kees Vos, wonend in Tiel. Kees Vos wil graag meedoen.";
    let m = in_text(
        1,
        1,
        text,
        &[
            ("person", "Jan Vermeulen"),
            ("person", "Ingrid Vermeulen"),
            ("person", "Jan Willem Vermeulen"),
            ("place", "Zwolle"),
            ("birthdate", "01-09-1966"),
            ("person", "Ingrid Vermeulen"),
            ("person", "Kees Vos"),
            ("person", "Jan Vermeulen"),
            ("person", "Jan Willem Vermeulen"),
            ("person", "Ingrid Vermeulen"),
            ("person", "Kees Vos"),
            ("place", "Tiel"),
            ("person", "Kees Vos"),
        ],
    );
    let subjects = resolve(&m, &[]);
    let s = |id| subject_of(&subjects, id);
    // One name in two sentences, the first ending on a detail: one person.
    assert_eq!(s(11), s(13));
    assert_ne!(s(1), s(3), "Jan and Jan Willem");
    assert_eq!(s(1), s(8));
    assert_eq!(s(3), s(9));
    assert_ne!(s(2), s(6), "two Ingrids");
    assert_ne!(s(10), s(2));
    assert_ne!(s(10), s(6));
}

#[test]
fn a_name_without_the_requesters_second_given_name_is_only_a_name() {
    // The requester is "Omar Ismail Farah"; a subject named only "Omar Farah" may be
    // another person: something to check, not to confirm.
    let q = Query {
        names: vec!["Omar Ismail Farah".into()],
        birthdates: vec!["03-04-1963".into()],
        ..Query::default()
    };
    let other = SubjectProfile::from_mentions([("person", "Omar Farah"), ("person", "Farah")]);
    let own = SubjectProfile::from_mentions([("person", "Omar Ismail Farah")]);
    let a = assess_candidates(&q, &[other, own]);
    assert_ne!(a[0].advice, Advice::Confirm, "{:?}", a[0]);
    assert_eq!(a[1].advice, Advice::Confirm, "{:?}", a[1]);
}

#[test]
fn a_given_name_joined_elsewhere_by_a_phone_still_joins_its_full_name() {
    // "Contact via Hamid, 06-…" in two notes: the phone number joins the two "Hamid"s,
    // and each is the "Hamid Ouahabi" of its note.
    let note = |who: &str| {
        format!("Gesproken met Hamid Ouahabi{who}. De familie woont in de wijk. Contact via Hamid, 06-72534399.\n\nH. Ouahabi gaf aan zich zorgen te maken.")
    };
    let a = note("");
    let b = note(" en zijn zoon Ilias Ouahabi");
    let mut m = in_text(
        1,
        1,
        &a,
        &[
            ("person", "Hamid Ouahabi"),
            ("person", "Hamid"),
            ("phone", "06-72534399"),
            ("person", "H. Ouahabi"),
        ],
    );
    m.extend(in_text(
        2,
        10,
        &b,
        &[
            ("person", "Hamid Ouahabi"),
            ("person", "Ilias Ouahabi"),
            ("person", "Hamid"),
            ("phone", "06-72534399"),
            ("person", "H. Ouahabi"),
        ],
    ));
    let subjects = resolve(&m, &[]);
    let s = |id| subject_of(&subjects, id);
    assert_eq!(s(1), s(2));
    assert_eq!(s(10), s(12));
    assert_eq!(s(1), s(10));
    assert_eq!(s(1), s(14));
    assert_ne!(s(11), s(10));
}

#[test]
fn another_phone_number_keeps_apart_what_the_name_alone_would_join() {
    // "Erik Smit" with one phone number and a birth date, "Erik Smit" with another phone
    // number: a namesake, as far as the name tells. The same number joins, whatever else.
    let mut m = in_text(
        1,
        1,
        "Gesproken met Erik Smit, geboren 25-10-2001, woonachtig te Delft, 06-85789811.",
        &[
            ("person", "Erik Smit"),
            ("birthdate", "25-10-2001"),
            ("place", "Delft"),
            ("phone", "06-85789811"),
        ],
    );
    m.extend(in_text(
        2,
        10,
        "Contact via Erik Smit, 06-01042639.",
        &[("person", "Erik Smit"), ("phone", "06-01042639")],
    ));
    m.extend(in_text(
        3,
        20,
        "Erik Smit belde, 06-01042639, over de bijeenkomst.",
        &[("person", "Erik Smit"), ("phone", "06-01042639")],
    ));
    m.extend(in_text(
        4,
        30,
        "Erik Smit belde terug: 06-85789811.",
        &[("person", "Erik Smit"), ("phone", "06-85789811")],
    ));
    let subjects = resolve(&m, &[]);
    let s = |id| subject_of(&subjects, id);
    assert_ne!(s(1), s(10));
    assert_eq!(s(10), s(20));
    assert_eq!(s(1), s(30));
}

/// The profiles of `subjects` as the store builds them: with the documents, so that a name
/// one document writes for two subjects is marked.
fn profiles_of(subjects: &[Subject], mentions: &[Mention]) -> Vec<SubjectProfile> {
    let held = subjects.iter().enumerate().flat_map(|(i, s)| {
        s.members.iter().filter_map(move |m| {
            mentions
                .iter()
                .find(|x| x.id == m.mention)
                .map(|x| HeldFinding {
                    subject: i,
                    doc: x.doc,
                    kind: &x.kind,
                    value: &x.value,
                })
        })
    });
    profiles(subjects.len(), held)
}

#[test]
fn a_name_one_document_writes_for_two_people_is_no_answer_alone() {
    // An attendance list names two "Ingrid Vermeulen"s, neither with a detail; two other
    // documents write the name bare. Each subject carries the name and nothing else; seen
    // alone, each looked like the only person of that name and was confirmed, and the
    // requester saw the namesake's documents.
    let mut m = in_text(
        1,
        1,
        "Aanwezig: Ingrid Vermeulen, Lotte Vermeulen en Ingrid Vermeulen (ministerie)\n\n1. Opening",
        &[
            ("person", "Ingrid Vermeulen"),
            ("person", "Lotte Vermeulen"),
            ("person", "Ingrid Vermeulen"),
        ],
    );
    let bare = |doc: u64, id: u64| {
        in_text(
            doc,
            id,
            "Ingrid Vermeulen vraagt naar de planning van de activiteiten.",
            &[("person", "Ingrid Vermeulen")],
        )
    };
    m.extend(bare(2, 10));
    m.extend(bare(3, 20));
    let q = Query {
        names: vec!["Ingrid Vermeulen".into()],
        birthdates: vec!["1 oktober 1981".into()],
        places: vec!["Tiel".into()],
        ..Query::default()
    };
    let subjects = resolve(&m, &[]);
    assert_ne!(
        subject_of(&subjects, 1),
        subject_of(&subjects, 3),
        "two Ingrids in one list"
    );
    let confirmed = |profiles: &[SubjectProfile]| {
        assess_candidates(&q, profiles)
            .iter()
            .filter(|a| a.advice == Advice::Confirm)
            .count()
    };
    let marked = profiles_of(&subjects, &m);
    assert_eq!(confirmed(&marked), 0, "{marked:?}");
    let flagged = assess_candidates(&q, &marked);
    assert!(flagged.iter().any(|a| a
        .contradictions
        .iter()
        .any(|c| c.contains("namesake-in-document"))));
    // Without the list the holding knows one person of that name: the name answers.
    let alone: Vec<Mention> = m.iter().filter(|x| x.doc != 1).cloned().collect();
    let subjects = resolve(&alone, &[]);
    assert!(confirmed(&profiles_of(&subjects, &alone)) > 0);
}

#[test]
fn a_household_sentence_after_one_name_is_that_persons_residence() {
    // "Gesproken met Derya Şahin. De familie woont … in Gorinchem.": the Derya Şahin of
    // Gorinchem, not the one born in 1964 in Assen whom a list describes.
    let mut m = in_text(
        1,
        1,
        "Overzicht deelnemers\n\n1. Derya Şahin, geboren 20-03-1964, woonachtig te Assen\n",
        &[
            ("person", "Derya Şahin"),
            ("birthdate", "20-03-1964"),
            ("place", "Assen"),
        ],
    );
    m.extend(in_text(
        2,
        10,
        "Gespreksnotitie 2 februari 2019\n\nGesproken met Derya Şahin. De familie woont aan de Dorpsstraat 28 in Gorinchem.\n\nDerya vroeg wat er met de gegevens gebeurt.",
        &[
            ("person", "Derya Şahin"),
            ("address", "Dorpsstraat 28"),
            ("place", "Gorinchem"),
            ("person", "Derya"),
        ],
    ));
    // Two people named before it ("… en haar zus …"), or one after an abbreviation's dot:
    // the household may be one's and not the other's, so it is nobody's.
    m.extend(in_text(
        3,
        20,
        "Gesproken met Ingrid Vermeulen (geb. 01-10-1981) en haar zus Monique Vermeulen. De familie woont aan de Stationsweg 107 in Tiel.",
        &[
            ("person", "Ingrid Vermeulen"),
            ("birthdate", "01-10-1981"),
            ("person", "Monique Vermeulen"),
            ("address", "Stationsweg 107"),
            ("place", "Tiel"),
        ],
    ));
    let subjects = resolve(&m, &[]);
    let s = |id| subject_of(&subjects, id);
    assert_ne!(s(1), s(10), "another town");
    assert_eq!(s(10), s(11));
    assert_eq!(s(10), s(12));
    assert_eq!(s(10), s(13));
    assert_eq!(s(23), None, "the sisters' household");
    assert_eq!(s(24), None);
}

#[test]
fn the_partners_part_of_a_double_name_is_not_hers_once_her_own_is_known() {
    // "Jennifer Wongsodikromo-Soekhai" is "Jennifer Soekhai" (the same birth date): her own
    // name is Soekhai, Wongsodikromo her partner's. A bare "Jennifer Wongsodikromo" is as
    // likely one of his family, and was joined to her.
    let mut m = in_text(
        1,
        1,
        "1. Jennifer Wongsodikromo-Soekhai, geboren 18-12-1956, woonachtig te Roosendaal\n",
        &[
            ("person", "Jennifer Wongsodikromo-Soekhai"),
            ("birthdate", "18-12-1956"),
            ("place", "Roosendaal"),
        ],
    );
    m.extend(in_text(
        2,
        10,
        "Gesproken met Jennifer Soekhai (18-12-1956).",
        &[("person", "Jennifer Soekhai"), ("birthdate", "18-12-1956")],
    ));
    m.extend(in_text(
        3,
        20,
        "Jennifer Wongsodikromo vraagt naar de planning van de activiteiten.",
        &[("person", "Jennifer Wongsodikromo")],
    ));
    let subjects = resolve(&m, &[]);
    let s = |id| subject_of(&subjects, id);
    assert_eq!(s(1), s(10));
    assert_ne!(s(1), s(20));
}

#[test]
fn initials_at_the_address_are_no_answer_where_a_relative_spells_his_name_alike() {
    // Father "Pieter Bos" asks; his son "Peter Bos" lives at the same address. A letter
    // to "De heer P. Bos" there may be either's: something to check, not to confirm.
    let q = Query {
        names: vec!["Pieter Bos".into()],
        birthdates: vec!["16 juni 1969".into()],
        addresses: vec!["Eikenlaan 55".into()],
        places: vec!["Hoorn".into()],
        ..Query::default()
    };
    let letter = SubjectProfile::from_mentions([
        ("person", "P. Bos"),
        ("person", "Bos"),
        ("address", "Eikenlaan 55"),
        ("place", "HOORN"),
    ]);
    let own =
        SubjectProfile::from_mentions([("person", "Pieter Bos"), ("birthdate", "16-06-1969")]);
    let son = SubjectProfile::from_mentions([("person", "Peter Bos"), ("person", "Peter")]);
    let a = assess_candidates(&q, &[letter.clone(), own.clone(), son]);
    assert_ne!(a[0].advice, Advice::Confirm, "{:?}", a[0]);
    assert_eq!(a[1].advice, Advice::Confirm, "{:?}", a[1]);
    // Without the son the letter is his.
    let a = assess_candidates(&q, &[letter, own]);
    assert_eq!(a[0].advice, Advice::Confirm, "{:?}", a[0]);
}

#[test]
fn a_document_naming_the_requester_by_name_alone_is_checked_before_it_is_sent() {
    // Helen Idris of Alkmaar is described once; a namesake whom the holding never
    // describes is named bare in two other documents. Nothing tells the two apart, so the
    // bare mentions join her subject and the subject is confirmed on her details: sending
    // every document of it unchecked showed the namesake's documents to her, so the
    // documents that do not confirm her are named for a check before sending.
    let mut m = in_text(
        1,
        1,
        "Gesproken met Helen Idris (geboren 23-1-2001, woonachtig te Alkmaar).",
        &[
            ("person", "Helen Idris"),
            ("birthdate", "23-1-2001"),
            ("place", "Alkmaar"),
        ],
    );
    for (doc, id) in [(2, 10), (3, 20)] {
        m.extend(in_text(
            doc,
            id,
            "Helen Idris vraagt naar de planning van de activiteiten.",
            &[("person", "Helen Idris")],
        ));
    }
    let q = Query {
        names: vec!["Helen Idris".into()],
        birthdates: vec!["23 januari 2001".into()],
        places: vec!["Alkmaar".into()],
        ..Query::default()
    };
    let subjects = resolve(&m, &[]);
    let profiles = profiles_of(&subjects, &m);
    let assessed = assess_candidates(&q, &profiles);
    let mut findings: Vec<(u64, &str, &str)> = Vec::new();
    for (s, a) in assessed.iter().enumerate() {
        if a.advice == Advice::Confirm {
            for member in &subjects[s].members {
                let x = m.iter().find(|x| x.id == member.mention).unwrap();
                findings.push((x.doc, &x.kind, &x.value));
            }
        }
    }
    let all: BTreeSet<u64> = findings.iter().map(|f| f.0).collect();
    assert_eq!(all, BTreeSet::from([1, 2, 3]), "the name joins all three");
    let split = split_package(&q, findings, []);
    assert_eq!(split.confirmed, BTreeSet::from([1]), "{split:?}");
    assert_eq!(split.check, BTreeSet::from([2, 3]), "{split:?}");
}

#[test]
fn a_document_with_a_detail_that_is_not_the_requesters_is_checked() {
    // A birth date beside the name that is not the requester's keeps the document out of
    // the package even where her e-mail address is in it too.
    let q = Query {
        names: vec!["Helen Idris".into()],
        emails: vec!["helen1@voorbeeld.nl".into()],
        birthdates: vec!["23-01-2001".into()],
        ..Query::default()
    };
    let split = split_package(
        &q,
        [
            (1, "person", "Helen Idris"),
            (1, "email", "Helen1@voorbeeld.nl"),
            (2, "person", "Helen Idris"),
            (2, "email", "helen1@voorbeeld.nl"),
            (2, "birthdate", "9 september 1991"),
            (3, "person", "H. Idris"),
            (3, "address", "Molenweg 12"),
        ],
        [],
    );
    assert_eq!(split.confirmed, BTreeSet::from([1]));
    assert_eq!(split.check, BTreeSet::from([2, 3]));
}

#[test]
fn the_requesters_own_detail_elsewhere_in_a_document_confirms_it() {
    // "De familie woont aan de Molenweg 12": her address in the document, found beside
    // nobody's name in particular, tells that this Helen Idris is the requester. Her town
    // does not: many people live in Alkmaar.
    let q = Query {
        names: vec!["Helen Idris".into()],
        addresses: vec!["Molenweg 12".into()],
        places: vec!["Alkmaar".into()],
        ..Query::default()
    };
    let split = split_package(
        &q,
        [(1, "person", "Helen Idris"), (2, "person", "Helen Idris")],
        [
            (1, "address", "Molenweg 12"),
            (2, "place", "Alkmaar"),
            (3, "address", "Molenweg 12"),
        ],
    );
    assert_eq!(split.confirmed, BTreeSet::from([1]));
    assert_eq!(split.check, BTreeSet::from([2]), "{split:?}");
}

#[test]
fn a_name_one_document_writes_for_two_people_does_not_join_elsewhere_bare() {
    // "Aanwezig: …, Kees Bakels en Kees Bakels (ministerie)": the holding knows two people
    // of that name. One is described elsewhere (born 1990 in Tiel); a bare "Kees Bakels"
    // in a third document may be either and stays apart, and so do the two of the list.
    let mut m = in_text(
        1,
        1,
        "Aanwezig: Kees Bakels, Lotte Vos en Kees Bakels (ministerie)\n\n1. Opening",
        &[
            ("person", "Kees Bakels"),
            ("person", "Lotte Vos"),
            ("person", "Kees Bakels"),
        ],
    );
    m.extend(in_text(
        2,
        10,
        "Betrokkene Kees Bakels (geboren 3 maart 1990, woonachtig te Tiel) is actief.",
        &[
            ("person", "Kees Bakels"),
            ("birthdate", "3 maart 1990"),
            ("place", "Tiel"),
        ],
    ));
    m.extend(in_text(
        3,
        20,
        "Kees Bakels vraagt naar de planning van de activiteiten.",
        &[("person", "Kees Bakels")],
    ));
    let subjects = resolve(&m, &[]);
    for bare in [1, 3, 20] {
        assert_ne!(
            subject_of(&subjects, bare),
            subject_of(&subjects, 10),
            "mention {bare} may be the other Kees Bakels"
        );
    }
    // Without the list the holding knows one Kees Bakels: the bare name joins him.
    let alone: Vec<Mention> = m.iter().filter(|x| x.doc != 1).cloned().collect();
    let subjects = resolve(&alone, &[]);
    assert_eq!(subject_of(&subjects, 20), subject_of(&subjects, 10));
}

#[test]
fn a_bare_maiden_name_that_fits_a_married_namesake_stays_apart() {
    // Two women called Iris Visser: one, born 1980, married and written "Iris de
    // Vries-Visser"; the other, born 1991, written "Iris Visser". A bare "Iris Visser"
    // elsewhere may be either.
    let mut m = in_text(
        1,
        1,
        "Betrokkene Iris de Vries-Visser (geboren 3 maart 1980, woonachtig te Tiel) is actief.",
        &[
            ("person", "Iris de Vries-Visser"),
            ("birthdate", "3 maart 1980"),
            ("place", "Tiel"),
        ],
    );
    m.extend(in_text(
        2,
        10,
        "Betrokkene Iris Visser (geboren 9 mei 1991, woonachtig te Breda) is actief.",
        &[
            ("person", "Iris Visser"),
            ("birthdate", "9 mei 1991"),
            ("place", "Breda"),
        ],
    ));
    m.extend(in_text(
        3,
        20,
        "Iris Visser vraagt naar de planning van de activiteiten.",
        &[("person", "Iris Visser")],
    ));
    let subjects = resolve(&m, &[]);
    assert_ne!(subject_of(&subjects, 20), subject_of(&subjects, 10));
    assert_ne!(subject_of(&subjects, 20), subject_of(&subjects, 1));
    // Without the married namesake the bare name is the one Iris Visser.
    let alone: Vec<Mention> = m.iter().filter(|x| x.doc != 1).cloned().collect();
    let subjects = resolve(&alone, &[]);
    assert_eq!(subject_of(&subjects, 20), subject_of(&subjects, 10));
}

#[test]
fn a_finding_that_runs_two_names_together_joins_neither() {
    // The detector gave "Sanne Bloem, Ahmet Kaplan" of an attendance list as one name. It
    // is neither person alone: it joins no one. It still names her in its document, so her
    // initials there are not taken for someone else's.
    let mut m = in_text(
        1,
        1,
        "Aanwezig: Sanne Bloem, Ahmet Kaplan en Joost Prins\n\nS. Bloem opent de vergadering.",
        &[
            ("person", "Sanne Bloem, Ahmet Kaplan"),
            ("person", "Joost Prins"),
            ("person", "S. Bloem"),
        ],
    );
    m.extend(in_text(
        2,
        10,
        "Betrokkene Sanne Bloem is actief. Ook Ahmet Kaplan is betrokken.",
        &[("person", "Sanne Bloem"), ("person", "Ahmet Kaplan")],
    ));
    let subjects = resolve(&m, &[]);
    let list = subject_of(&subjects, 1);
    for other in [3, 10, 11] {
        assert_ne!(list, subject_of(&subjects, other), "mention {other}");
    }
    assert_ne!(subject_of(&subjects, 3), subject_of(&subjects, 11));
}

/// A letter to "Mevrouw/De heer {initials}" at an address in `town`, "Geachte … {surname}".
fn letter(doc: u64, id: u64, initials: &str, surname: &str, town: &str) -> Vec<Mention> {
    let text = format!(
        "Ministerie\nPostbus 20011\n2500 EA  Den Haag\n\nMevrouw {initials}\nBleekveld 180\n9468 HS  {town}\n\nGeachte mevrouw {surname},\n\nHierbij bevestigen wij de ontvangst."
    );
    in_text(
        doc,
        id,
        &text,
        &[
            ("person", initials),
            ("address", "Bleekveld 180"),
            ("postcode", "9468 HS"),
            ("place", town),
            ("person", surname),
        ],
    )
}

#[test]
fn initials_at_a_town_join_the_one_namesake_who_lives_there() {
    // Two women called Anna Vink, one in Utrecht and one in Oss, and bare "Anna Vink"s
    // that may be either; a letter to "A. Vink" in Utrecht is the one from Utrecht.
    let described = |doc: u64, id: u64, date: &str, town: &str| {
        in_text(
            doc,
            id,
            &format!("Betrokkene Anna Vink (geboren {date}, woonachtig te {town}) is actief."),
            &[
                ("person", "Anna Vink"),
                ("birthdate", date),
                ("place", town),
            ],
        )
    };
    let mut m = described(1, 1, "1 mei 1960", "Utrecht");
    m.extend(described(2, 10, "2 juni 1969", "Oss"));
    m.extend(in_text(
        3,
        20,
        "In het netwerk speelt ook Anna Vink een rol.",
        &[("person", "Anna Vink")],
    ));
    m.extend(letter(4, 30, "A. Vink", "Vink", "UTRECHT"));
    let subjects = resolve(&m, &[]);
    assert_eq!(subject_of(&subjects, 30), subject_of(&subjects, 1));
    assert_ne!(subject_of(&subjects, 30), subject_of(&subjects, 10));
    assert_ne!(subject_of(&subjects, 20), subject_of(&subjects, 1));
}

#[test]
fn initials_at_a_town_do_not_pick_one_of_two_people_of_other_given_names() {
    // Hendrik Jansen lives in Tiel; his son Hans is written without a town. A letter to
    // "H. Jansen" in Tiel may be either of them.
    let mut m = in_text(
        1,
        1,
        "Betrokkene Hendrik Jansen (geboren 1 mei 1950, woonachtig te Tiel) is actief.",
        &[
            ("person", "Hendrik Jansen"),
            ("birthdate", "1 mei 1950"),
            ("place", "Tiel"),
        ],
    );
    m.extend(in_text(
        2,
        10,
        "In het netwerk speelt ook Hans Jansen een rol.",
        &[("person", "Hans Jansen")],
    ));
    m.extend(letter(3, 20, "H. Jansen", "Jansen", "TIEL"));
    let subjects = resolve(&m, &[]);
    assert_ne!(subject_of(&subjects, 20), subject_of(&subjects, 1));
    assert_ne!(subject_of(&subjects, 20), subject_of(&subjects, 10));
}

#[test]
fn a_third_of_a_surname_named_without_a_kinship_word_is_nobodys_relative() {
    // "Ook vader Karim Vos" relates Karim to Ikram, whom the analysis is about; Omar Vos,
    // named in it as one of the network, is no relative of either. So a bare "Karim Vos"
    // beside his father Omar elsewhere is not narrowed to this Karim (another Karim Vos
    // lives in Tiel).
    let mut m = in_text(
        1,
        1,
        "Betrokkene Ikram Vos is actief. Ook vader Karim Vos (geboren 23 januari 1957, woonachtig te Gouda) is betrokken. In het netwerk speelt ook Omar Vos een rol.",
        &[
            ("person", "Ikram Vos"),
            ("person", "Karim Vos"),
            ("birthdate", "23 januari 1957"),
            ("place", "Gouda"),
            ("person", "Omar Vos"),
        ],
    );
    m.extend(in_text(
        2,
        10,
        "Betrokkene Omar Vos is actief. Ook zoon Karim Vos is betrokken.",
        &[("person", "Omar Vos"), ("person", "Karim Vos")],
    ));
    m.extend(in_text(
        3,
        20,
        "Betrokkene Karim Vos (geboren 1 mei 1980, woonachtig te Tiel) is actief.",
        &[
            ("person", "Karim Vos"),
            ("birthdate", "1 mei 1980"),
            ("place", "Tiel"),
        ],
    ));
    let subjects = resolve(&m, &[]);
    assert_ne!(subject_of(&subjects, 11), subject_of(&subjects, 2));
}

#[test]
fn initials_that_a_given_name_in_their_document_settles_join_that_person() {
    // Two people "M. Bozkurt" can be (Murat and Mehmet Bozkurt, each written out in a
    // document of their own); a third document writes "M. Bozkurt" and, later, "Murat":
    // that one is Murat Bozkurt. A fourth writes only "M. Bozkurt": either of them.
    let mut m = in_text(
        1,
        1,
        "Verslag\n\nAanwezig: Murat Bozkurt en Sanne Dijkhof.\n",
        &[("person", "Murat Bozkurt"), ("person", "Sanne Dijkhof")],
    );
    m.extend(in_text(
        2,
        10,
        "Notitie\n\nMehmet Bozkurt belde over de aanvraag.\n",
        &[("person", "Mehmet Bozkurt")],
    ));
    m.extend(in_text(
        3,
        20,
        "Verslag\n\nDe heer M. Bozkurt opent het overleg. Later neemt Murat het woord.\n",
        &[("person", "M. Bozkurt"), ("person", "Murat")],
    ));
    m.extend(in_text(
        4,
        30,
        "Notitie\n\nM. Bozkurt stuurt de stukken na.\n",
        &[("person", "M. Bozkurt")],
    ));
    let subjects = resolve(&m, &[]);
    let murat = subject_of(&subjects, 1);
    assert_eq!(subject_of(&subjects, 20), murat);
    assert_eq!(subject_of(&subjects, 21), murat);
    assert_ne!(subject_of(&subjects, 10), murat);
    assert_ne!(subject_of(&subjects, 30), murat);
    assert_ne!(subject_of(&subjects, 30), subject_of(&subjects, 10));
}
