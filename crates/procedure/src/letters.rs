//! Dutch texts of the letters grondslag writes. The answer to an access request by a public body
//! is a decision under the Awb (UAVG art. 34), so it carries the notice of objection (bezwaar)
//! and of the right to complain to the Autoriteit Persoonsgegevens.

/// What the answer letter needs; names are only the requester's own, shown to the requester.
#[derive(Clone, Debug, Default)]
pub struct AnswerFacts {
    pub request_id: i64,
    pub received: String,
    pub answered: String,
    pub requester_name: String,
    pub documents: usize,
    /// Contract kinds of the requester's data found, e.g. "person", "email", "religion".
    pub kinds: Vec<String>,
    pub body_name: String,
}

/// A kind in words, for a citizen.
pub fn kind_in_words(kind: &str) -> &str {
    match kind {
        "person" => "uw naam",
        "email" => "uw e-mailadres",
        "phone" => "uw telefoonnummer",
        "bsn" => "uw burgerservicenummer",
        "iban" => "uw bankrekeningnummer",
        "address" => "uw adres",
        "postcode" => "uw postcode",
        "birthdate" => "uw geboortedatum",
        "place" => "uw woonplaats of plaats van herkomst",
        "licence_plate" => "uw kenteken",
        "ip_address" => "een IP-adres",
        "religion" => "gegevens over uw godsdienst of levensovertuiging",
        "ethnicity" => "gegevens over uw afkomst",
        "political" => "gegevens over uw politieke opvattingen",
        "health" => "gegevens over uw gezondheid",
        "sexual_orientation" => "gegevens over uw seksuele geaardheid",
        "trade_union" => "gegevens over uw lidmaatschap van een vakbond",
        "criminal" => "strafrechtelijke gegevens",
        other => other,
    }
}

/// The sections (heading, body) of the answer letter (besluit op uw inzageverzoek).
pub fn answer_letter(f: &AnswerFacts) -> Vec<(String, String)> {
    let mut data: Vec<&str> = f.kinds.iter().map(|k| kind_in_words(k)).collect();
    data.dedup();
    let found = if f.documents == 0 {
        "Wij hebben in de onderzochte documenten geen persoonsgegevens over u aangetroffen."
            .to_string()
    } else {
        format!(
            "Wij hebben uw persoonsgegevens aangetroffen in {} document(en). Het gaat om: {}.",
            f.documents,
            data.join(", ")
        )
    };
    vec![
        (
            format!("Besluit op uw verzoek om inzage (kenmerk {})", f.request_id),
            format!(
                "Geachte {},\n\nOp {} ontvingen wij uw verzoek om inzage in de persoonsgegevens die {} over u verwerkt (artikel 15 van de Algemene verordening gegevensbescherming, AVG). Met deze brief beslissen wij op uw verzoek (datum: {}).",
                f.requester_name, f.received, f.body_name, f.answered
            ),
        ),
        ("Welke gegevens (art. 15 lid 1 AVG)".into(), found),
        (
            "Doelen van de verwerking".into(),
            "De gegevens zijn opgenomen in analyses van maatschappelijke en religieuze organisaties die in de periode 2015-2020 in opdracht zijn gemaakt. Voor deze verwerking bestond geen wettelijke grondslag. De gegevens worden thans uitsluitend verwerkt om ze te inventariseren, u tekst en uitleg te geven en ze daarna te vernietigen of te anonimiseren (herstel van een onrechtmatige verwerking).".into(),
        ),
        (
            "Bronnen en ontvangers".into(),
            "De gegevens zijn verzameld door een extern onderzoeksbureau uit openbare bronnen en gesprekken. Ontvangers waren de opdrachtgevende gemeenten en het ministerie. De gegevens zijn niet aan andere partijen verstrekt, tenzij in de bijgevoegde documenten anders blijkt.".into(),
        ),
        (
            "Bewaartermijn".into(),
            "Documenten die tot doel hadden persoonsgegevens te verwerken, worden vernietigd, ook uit back-ups. Documenten met een bredere strekking worden geanonimiseerd (gelakt) gearchiveerd en vernietigd na afloop van hun bewaartermijn (Archiefwet). Uw verzoek en deze beslissing worden vernietigd nadat uw verzoek is afgehandeld, tenzij u bezwaar maakt tegen vernietiging.".into(),
        ),
        (
            "Inzage".into(),
            "Bijgevoegd is een inzagepakket: elk document waarin u voorkomt, met uw eigen gegevens zichtbaar en de gegevens van anderen weggelakt (grond: artikel 5.1 lid 2 onder e Woo / artikel 15 lid 4 AVG). U kunt de documenten ook onder begeleiding inzien.".into(),
        ),
        (
            "Uw rechten".into(),
            "U kunt ons vragen uw gegevens te verbeteren of aan te vullen, en u kunt bezwaar maken tegen de vernietiging van uw gegevens, bijvoorbeeld omdat u ze als bewijs wilt bewaren voor een klacht of claim. Laat ons dat weten binnen de termijn die in deze brief staat.".into(),
        ),
        (
            "Bezwaar (Algemene wet bestuursrecht)".into(),
            "Dit besluit is een besluit in de zin van de Algemene wet bestuursrecht (artikel 34 UAVG). Bent u het niet eens met dit besluit, dan kunt u binnen zes weken na de dag van verzending een bezwaarschrift indienen. Vermeld daarin uw naam en adres, de datum, het kenmerk van dit besluit en de reden van uw bezwaar, en onderteken het.".into(),
        ),
        (
            "Klacht bij de Autoriteit Persoonsgegevens".into(),
            "U heeft ook het recht een klacht in te dienen bij de Autoriteit Persoonsgegevens.".into(),
        ),
    ]
}

/// The sections of a letter informing a data subject personally (art. 14 AVG).
pub fn informing_letter(name: &str, body_name: &str) -> Vec<(String, String)> {
    vec![
        (
            "Informatie over de verwerking van uw persoonsgegevens".into(),
            format!(
                "Geachte {name},\n\nMet deze brief informeren wij u dat {body_name} persoonsgegevens over u heeft verwerkt in analyses van maatschappelijke en religieuze organisaties, zonder dat daarvoor een wettelijke grondslag bestond. Wij bieden hiervoor onze excuses aan."
            ),
        ),
        (
            "Wat wij nu doen".into(),
            "De documenten worden geïnventariseerd en daarna vernietigd, ook uit back-ups, of geanonimiseerd gearchiveerd. U kunt tot de sluitingsdatum van het inzageloket vragen welke gegevens over u zijn verwerkt, en bezwaar maken tegen vernietiging.".into(),
        ),
    ]
}
