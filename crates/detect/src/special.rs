//! GDPR art. 9/10 special categories tied to a person: religion, ethnicity, political opinion,
//! health, sexual orientation, trade-union membership and criminal data.
//!
//! Cue words (looked up case-insensitively at every word start in a small index, `CueIndex`;
//! acronyms like party names are in the same index and checked for their exact case) mark a
//! clause; the finding is the clause as it states the fact about the person: from after its
//! subject (pronoun, name, "mijn vrouw", "de verdachte") to the clause end, the verb inside,
//! with its adverbials of place, time and manner also where they trail ("in Den Haag", "na
//! zijn huwelijk") but without a source ("volgens een bron"), and with a time clause
//! attached without a comma ("sinds hij ... heeft gezeten"); a consequence ("waardoor hij niet
//! lang kan staan") is a finding of its own; after a frame that only says there is a condition ("sprake was van", "onder
//! invloed van ...,") the finding is the noun phrase. One clause is one finding:
//! clauses joined by "en" that each have a verb stay apart, words coordinated under one verb
//! stay together (`corpus/GUIDELINES.md` has the rule, `coordinated` applies it). A clause only
//! counts in a sentence that refers to a person (a pronoun, a name or a personal identifier
//! nearby) and not to an organisation or a group. Short typeringen in a person's list entry
//! ("Naam - rol, Plaats. Koerdisch; PTSS.") are findings of their own.
//!
//! This module never decides on persons or identifiers; it only reads them.

use std::sync::OnceLock;

use crate::token::{Class, Tok};
use crate::{Finding, Kind};

/// (cue, kind, weight, whole word only). A higher weight wins when cues of several kinds share a
/// clause ("salafistische achtergrond" is religion, not ethnicity).
type Cue = (&'static str, Kind, u8, bool);

/// Every cue: [`BASE_CUES`], then one ethnicity cue per stem of [`ORIGINS`] (its own list:
/// the typeringen of list entries and the name rules read it too), kept only where
/// [`origin_context`] finds it said of a person.
const CUES: [Cue; BASE_CUES.len() + ORIGINS.len()] = {
    let mut all = [("", Kind::Ethnicity, 0, false); BASE_CUES.len() + ORIGINS.len()];
    let mut i = 0;
    while i < BASE_CUES.len() {
        all[i] = BASE_CUES[i];
        i += 1;
    }
    let mut j = 0;
    while j < ORIGINS.len() {
        all[i + j] = (ORIGINS[j], Kind::Ethnicity, 2, false);
        j += 1;
    }
    all
};

/// Whether cue `n` (an index into [`CUES`]) is an adjective or noun of origin.
fn is_origin_cue(n: usize) -> bool {
    (BASE_CUES.len()..CUES.len()).contains(&n)
}

const BASE_CUES: &[Cue] = &[
    // religion
    ("moslim", Kind::Religion, 3, false),
    ("islam", Kind::Religion, 2, false),
    ("salafist", Kind::Religion, 3, false),
    ("soenni", Kind::Religion, 3, false),
    ("sjiiet", Kind::Religion, 3, false),
    ("sjiit", Kind::Religion, 3, false),
    ("twaalver", Kind::Religion, 3, false),
    ("christen", Kind::Religion, 3, false),
    ("katholiek", Kind::Religion, 3, false),
    ("protestant", Kind::Religion, 3, false),
    ("joods", Kind::Religion, 3, true),
    ("hindoe", Kind::Religion, 3, false),
    ("boeddhist", Kind::Religion, 3, false),
    ("atheïst", Kind::Religion, 3, false),
    ("gelovig", Kind::Religion, 3, false),
    ("geloof", Kind::Religion, 3, false),
    ("geloven", Kind::Religion, 3, false),
    ("bidt", Kind::Religion, 3, true),
    ("bid", Kind::Religion, 3, true),
    ("ramadan", Kind::Religion, 2, true),
    ("hoofddoek", Kind::Religion, 3, false),
    ("nikab", Kind::Religion, 3, false),
    ("niqab", Kind::Religion, 3, false),
    ("boerka", Kind::Religion, 3, false),
    ("hijab", Kind::Religion, 3, false),
    ("bekeerd", Kind::Religion, 3, false),
    ("bekeerde", Kind::Religion, 3, false),
    ("afgekeerd", Kind::Religion, 3, false),
    ("rechtsschool", Kind::Religion, 3, false),
    ("gülenbeweging", Kind::Religion, 3, false),
    ("gülen", Kind::Religion, 3, false),
    ("muhammadiyah", Kind::Religion, 3, false),
    ("ahmadiyya", Kind::Religion, 3, false),
    ("dopen", Kind::Religion, 3, false),
    ("gedoopt", Kind::Religion, 3, false),
    ("predikers", Kind::Religion, 2, false),
    ("studiekring", Kind::Religion, 2, false),
    ("leer uitdraagt", Kind::Religion, 3, false),
    ("strenger", Kind::Religion, 1, false),
    ("malikitisch", Kind::Religion, 3, false),
    ("naar de moskee", Kind::Religion, 0, true),
    ("verkiezingen af", Kind::Religion, 2, false),
    ("bekeerling", Kind::Religion, 3, false),
    ("orthodox", Kind::Religion, 2, false),
    ("soefi", Kind::Religion, 3, false),
    ("mouride", Kind::Religion, 3, false),
    ("bidden", Kind::Religion, 3, true),
    ("in de moskee", Kind::Religion, 0, true),
    ("naar de kerk", Kind::Religion, 0, true),
    ("in de kerk", Kind::Religion, 0, true),
    ("naar de synagoge", Kind::Religion, 0, true),
    ("shafi", Kind::Religion, 3, false),
    ("hanafi", Kind::Religion, 3, false),
    ("maliki", Kind::Religion, 3, false),
    ("praktiserend", Kind::Religion, 3, false),
    ("boeddhis", Kind::Religion, 3, false),
    ("evangelisch", Kind::Religion, 3, false),
    ("gereformeerd", Kind::Religion, 3, false),
    ("hervormd", Kind::Religion, 3, false),
    ("pinkstergemeente", Kind::Religion, 3, false),
    ("jehova", Kind::Religion, 3, false),
    ("alevi", Kind::Religion, 3, false),
    ("yezidi", Kind::Religion, 3, false),
    ("ezidi", Kind::Religion, 3, true),
    ("sikh", Kind::Religion, 3, true),
    ("jodendom", Kind::Religion, 3, false),
    ("afvallig", Kind::Religion, 3, false),
    ("bedevaart", Kind::Religion, 3, false),
    ("hadj", Kind::Religion, 3, true),
    ("vrijdaggebed", Kind::Religion, 0, false),
    ("sluier", Kind::Religion, 2, false),
    // ethnicity
    ("etnici", Kind::Ethnicity, 2, false),
    ("huidskleur", Kind::Ethnicity, 2, false),
    ("afkomst", Kind::Ethnicity, 2, true),
    ("komaf", Kind::Ethnicity, 2, true),
    ("achtergrond", Kind::Ethnicity, 1, true),
    ("clan", Kind::Ethnicity, 2, false),
    ("etnisch", Kind::Ethnicity, 2, false),
    // political
    ("partij", Kind::Political, 2, false),
    ("kandidaat", Kind::Political, 2, false),
    ("stemt", Kind::Political, 2, true),
    ("oppositie", Kind::Political, 2, false),
    ("sympathiseert", Kind::Political, 2, false),
    ("groenlinks", Kind::Political, 3, true),
    ("regeringspartij", Kind::Political, 3, false),
    ("politiek actief", Kind::Political, 3, false),
    ("partijlid", Kind::Political, 3, false),
    ("communist", Kind::Political, 3, false),
    ("socialist", Kind::Political, 3, false),
    ("nationalist", Kind::Political, 3, false),
    ("extreemrechts", Kind::Political, 3, false),
    ("extreemlinks", Kind::Political, 3, false),
    ("anarchist", Kind::Political, 3, false),
    ("grijze wolven", Kind::Political, 3, false),
    ("christenunie", Kind::Political, 4, true),
    // trade union
    ("bondslid", Kind::TradeUnion, 4, false),
    ("vakbond", Kind::TradeUnion, 4, false),
    ("kaderlid", Kind::TradeUnion, 4, false),
    // health
    ("onder behandeling", Kind::Health, 3, true),
    // "is ... bij een polikliniek in behandeling geweest"; not a request "in behandeling
    // genomen", nor "Uw aanvraag is in behandeling bij [a case handler]".
    ("in behandeling geweest", Kind::Health, 3, true),
    // A visit to a practitioner told without the practitioner ("is ... op consult geweest").
    ("op consult", Kind::Health, 3, true),
    ("psychotherapeut", Kind::Health, 3, false),
    ("ziek", Kind::Health, 3, false),
    ("depressie", Kind::Health, 3, false),
    ("depressief", Kind::Health, 3, false),
    ("burn-out", Kind::Health, 3, false),
    ("overspann", Kind::Health, 3, false),
    ("stress", Kind::Health, 3, false),
    ("reuma", Kind::Health, 3, false),
    ("suikerziekte", Kind::Health, 3, false),
    ("diabetes", Kind::Health, 3, false),
    ("slechtziend", Kind::Health, 3, false),
    ("verlamd", Kind::Health, 3, false),
    ("beroerte", Kind::Health, 3, false),
    ("hartinfarct", Kind::Health, 3, false),
    ("cardioloog", Kind::Health, 3, false),
    ("psycholoog", Kind::Health, 3, false),
    ("psychiater", Kind::Health, 3, false),
    ("bedrijfsarts", Kind::Health, 3, false),
    ("medicatie", Kind::Health, 3, false),
    ("medicijnen", Kind::Health, 3, false),
    ("adhd", Kind::Health, 3, false),
    ("autis", Kind::Health, 3, false),
    ("zwanger", Kind::Health, 3, false),
    ("in verwachting van", Kind::Health, 3, false),
    ("operatie", Kind::Health, 2, false),
    ("krukken", Kind::Health, 3, false),
    ("verslaving", Kind::Health, 3, false),
    ("verslaafd", Kind::Health, 3, false),
    ("marteling", Kind::Health, 3, false),
    ("stoornis", Kind::Health, 3, false),
    ("ptss", Kind::Health, 3, false),
    ("last van", Kind::Health, 3, false),
    ("arbeidsongeschikt", Kind::Health, 3, false),
    ("slapeloze", Kind::Health, 3, false),
    ("kanker", Kind::Health, 3, false),
    ("epilepsie", Kind::Health, 3, false),
    ("gehandicapt", Kind::Health, 3, false),
    ("handicap", Kind::Health, 3, false),
    ("ziekenhuis", Kind::Health, 2, false),
    ("kampt met", Kind::Health, 3, false),
    ("hiv", Kind::Health, 3, false),
    ("trauma", Kind::Health, 3, false),
    ("pijnstiller", Kind::Health, 3, false),
    ("paniekaanval", Kind::Health, 3, false),
    ("hartaandoening", Kind::Health, 3, false),
    ("aandoening", Kind::Health, 3, false),
    ("knieoperatie", Kind::Health, 3, false),
    ("huisarts", Kind::Health, 3, false),
    ("slaapt", Kind::Health, 3, true),
    ("slaapproblemen", Kind::Health, 3, false),
    ("diagnose", Kind::Health, 3, false),
    ("gediagnosticeerd", Kind::Health, 3, false),
    ("psychos", Kind::Health, 3, false),
    ("psychot", Kind::Health, 3, false),
    ("schizofren", Kind::Health, 3, false),
    ("bipolair", Kind::Health, 3, false),
    ("revalid", Kind::Health, 3, false),
    ("rolstoel", Kind::Health, 3, false),
    ("blind", Kind::Health, 3, true),
    ("doof", Kind::Health, 3, true),
    ("dement", Kind::Health, 3, false),
    ("alzheimer", Kind::Health, 3, false),
    ("astma", Kind::Health, 3, false),
    ("hartpatiënt", Kind::Health, 3, false),
    ("chemo", Kind::Health, 3, false),
    ("afkick", Kind::Health, 3, false),
    ("alcoholprobl", Kind::Health, 3, false),
    ("miskraam", Kind::Health, 3, false),
    ("beperking", Kind::Health, 2, false),
    ("suïcid", Kind::Health, 3, false),
    // "heeft een einde aan zijn leven gemaakt": a suicide told as an idiom.
    ("einde aan zijn leven", Kind::Health, 3, false),
    ("einde aan haar leven", Kind::Health, 3, false),
    ("hyperventilatie", Kind::Health, 3, false),
    ("zelfmoord", Kind::Health, 3, false),
    ("ggz", Kind::Health, 3, false),
    ("hiv-positief", Kind::Health, 3, false),
    ("hernia", Kind::Health, 3, false),
    ("longziekte", Kind::Health, 3, false),
    ("hartziekte", Kind::Health, 3, false),
    ("nierziekte", Kind::Health, 3, false),
    ("chronisch ziek", Kind::Health, 3, false),
    ("multiple sclerose", Kind::Health, 3, false),
    ("sclerose", Kind::Health, 3, false),
    ("slechthorend", Kind::Health, 3, false),
    ("rollator", Kind::Health, 3, false),
    ("pacemaker", Kind::Health, 3, false),
    ("moeite met lopen", Kind::Health, 3, false),
    ("moeite met traplopen", Kind::Health, 3, false),
    ("moeite met ademhalen", Kind::Health, 3, false),
    ("slecht ter been", Kind::Health, 3, false),
    ("slecht zien", Kind::Health, 3, true),
    ("slecht horen", Kind::Health, 3, true),
    ("sertraline", Kind::Health, 3, false),
    ("methylfenidaat", Kind::Health, 3, false),
    ("ritalin", Kind::Health, 3, false),
    ("zuurstof", Kind::Health, 2, false),
    ("insuline", Kind::Health, 3, false),
    ("copd", Kind::Health, 3, true),
    ("tuberculose", Kind::Health, 3, false),
    ("longtuberculose", Kind::Health, 3, false),
    ("tbc", Kind::Health, 3, true),
    ("schildklier", Kind::Health, 3, false),
    ("hersenbloeding", Kind::Health, 3, false),
    ("herseninfarct", Kind::Health, 3, false),
    ("nachtmerries", Kind::Health, 3, false),
    ("traumabehandeling", Kind::Health, 3, false),
    ("opgroeiproblemen", Kind::Health, 3, false),
    ("sociaal-emotionele problemen", Kind::Health, 3, false),
    ("hypergevoelig", Kind::Health, 3, false),
    ("geopereerd", Kind::Health, 3, false),
    ("hartoperatie", Kind::Health, 3, false),
    ("heupoperatie", Kind::Health, 3, false),
    ("knieblessure", Kind::Health, 3, false),
    ("bekkeninstabiliteit", Kind::Health, 3, false),
    ("hoofdpijn", Kind::Health, 3, false),
    ("antidepressiva", Kind::Health, 3, false),
    ("longarts", Kind::Health, 3, false),
    ("verstandelijke beperking", Kind::Health, 3, false),
    ("dialyse", Kind::Health, 3, false),
    ("parkinson", Kind::Health, 3, false),
    ("ms-patiënt", Kind::Health, 3, false),
    ("angststoornis", Kind::Health, 3, false),
    ("eetstoornis", Kind::Health, 3, false),
    ("postnatale depressie", Kind::Health, 3, false),
    // sexual orientation
    ("homofiel", Kind::SexualOrientation, 4, false),
    ("heteroseksu", Kind::SexualOrientation, 4, false),
    ("aseksu", Kind::SexualOrientation, 4, false),
    ("panseksu", Kind::SexualOrientation, 4, false),
    ("homoseksu", Kind::SexualOrientation, 4, false),
    ("lesbisch", Kind::SexualOrientation, 4, false),
    ("lesbienne", Kind::SexualOrientation, 4, false),
    ("biseksu", Kind::SexualOrientation, 4, false),
    ("homo", Kind::SexualOrientation, 4, true),
    ("samen met zijn vriend", Kind::SexualOrientation, 4, true),
    ("samen met haar vriendin", Kind::SexualOrientation, 4, true),
    // the category nouns: a fact only when a person owns them ("zijn geaardheid"), see
    // `category_noun`
    ("seksuele gerichtheid", Kind::SexualOrientation, 4, false),
    ("seksuele geaardheid", Kind::SexualOrientation, 4, false),
    ("geaardheid", Kind::SexualOrientation, 4, true),
    ("politieke gezindheid", Kind::Political, 3, false),
    ("politieke overtuiging", Kind::Political, 3, false),
    ("politieke voorkeur", Kind::Political, 3, false),
    // criminal
    ("gevangenis", Kind::Criminal, 2, false),
    ("gevangenisstraf", Kind::Criminal, 4, false),
    ("werkstraf", Kind::Criminal, 4, false),
    ("hechtenis", Kind::Criminal, 4, false),
    ("voorarrest", Kind::Criminal, 4, false),
    ("detentie", Kind::Criminal, 4, false),
    ("opgepakt", Kind::Criminal, 4, false),
    ("enkelband", Kind::Criminal, 4, false),
    ("reclassering", Kind::Criminal, 3, false),
    ("strafzaak", Kind::Criminal, 3, false),
    ("justitiële documentatie", Kind::Criminal, 4, false),
    ("verdachte in", Kind::Criminal, 4, true),
    ("bekend bij de politie", Kind::Criminal, 4, false),
    ("veroordeeld", Kind::Criminal, 4, false),
    ("aangehouden", Kind::Criminal, 4, false),
    ("gearresteerd", Kind::Criminal, 4, false),
    ("verdacht", Kind::Criminal, 3, true),
    ("taakstraf", Kind::Criminal, 4, false),
    ("strafbeschikking", Kind::Criminal, 4, false),
    ("celstraf", Kind::Criminal, 4, false),
    ("strafblad", Kind::Criminal, 4, false),
    ("vervolgd", Kind::Criminal, 4, false),
    ("veroordeling", Kind::Criminal, 4, false),
    ("gedetineerd", Kind::Criminal, 4, false),
    ("strafrechtelijk", Kind::Criminal, 3, false),
    ("zit vast", Kind::Criminal, 4, false),
    // --- Broader vocabularies (issue 13, item 6). Religion: denominations, religions and
    // their adherents, practices, places of worship (weight 0: only with a habit, "bezoekt
    // wekelijks de imambargah"), after the Dutch names in common use (Taalunie spelling).
    ("sanatan dharma", Kind::Religion, 3, false),
    ("sikhis", Kind::Religion, 3, false),
    ("jezidi", Kind::Religion, 3, false),
    ("ahmadi", Kind::Religion, 3, false),
    ("koptisch", Kind::Religion, 3, false),
    ("anglicaan", Kind::Religion, 3, false),
    ("luthers", Kind::Religion, 3, false),
    ("doopsgezind", Kind::Religion, 3, false),
    ("remonstrant", Kind::Religion, 3, false),
    ("baptist", Kind::Religion, 3, false),
    ("pinkster", Kind::Religion, 3, false),
    ("christelijk", Kind::Religion, 2, false),
    ("christendom", Kind::Religion, 3, false),
    ("joodse", Kind::Religion, 3, true),
    ("jood", Kind::Religion, 3, true),
    ("atheist", Kind::Religion, 3, false),
    ("agnost", Kind::Religion, 3, false),
    ("ongelovig", Kind::Religion, 3, false),
    ("humanist", Kind::Religion, 2, false),
    ("kerkganger", Kind::Religion, 3, false),
    ("kerkelijk", Kind::Religion, 2, false),
    ("halal", Kind::Religion, 2, true),
    ("keppel", Kind::Religion, 3, true),
    ("tulband", Kind::Religion, 2, true),
    ("communie", Kind::Religion, 3, false),
    ("vormsel", Kind::Religion, 3, false),
    ("bar mitswa", Kind::Religion, 3, false),
    ("imambargah", Kind::Religion, 0, true),
    ("gurdwara", Kind::Religion, 0, true),
    ("mandir", Kind::Religion, 0, true),
    ("cemevi", Kind::Religion, 0, true),
    ("tempel", Kind::Religion, 0, true),
    ("synagoge", Kind::Religion, 0, true),
    ("moskee", Kind::Religion, 0, true),
    ("kerk", Kind::Religion, 0, true),
    ("kerkdienst", Kind::Religion, 0, false),
    ("gebedsdienst", Kind::Religion, 0, false),
    ("koranles", Kind::Religion, 2, false),
    ("koranschool", Kind::Religion, 2, false),
    // Ethnicity: the adjectives and nouns of origin (`ORIGINS`, kept only in a context that
    // says it of a person: `origin_context`), the groups, and the words for descent.
    ("afstamming", Kind::Ethnicity, 2, true),
    ("bevolkingsgroep", Kind::Ethnicity, 2, false),
    ("volksgroep", Kind::Ethnicity, 2, false),
    // Political opinion.
    ("sympathisant", Kind::Political, 2, false),
    ("activist", Kind::Political, 2, false),
    ("gestemd op", Kind::Political, 3, false),
    ("stemde op", Kind::Political, 3, false),
    // Health: conditions, symptoms, injuries, care and aids, medication classes (the common
    // Dutch names, as in the Thesaurus Zorg en Welzijn); compounds ending in a head noun
    // ("somberheidsklachten", "depotmedicatie") are found by `HEALTH_HEADS`.
    ("lijdt aan", Kind::Health, 3, false),
    ("leed aan", Kind::Health, 3, false),
    ("lijden aan", Kind::Health, 2, false),
    ("behandeld voor", Kind::Health, 3, false),
    ("beperkt in", Kind::Health, 2, false),
    ("bewegingsapparaat", Kind::Health, 3, false),
    ("krachtverlies", Kind::Health, 3, false),
    ("psychisch", Kind::Health, 3, false),
    ("psychiatrisch", Kind::Health, 3, false),
    ("lichamelijke klachten", Kind::Health, 3, false),
    ("fysieke klachten", Kind::Health, 3, false),
    ("medische klachten", Kind::Health, 3, false),
    ("somber", Kind::Health, 3, false),
    ("angstklacht", Kind::Health, 3, false),
    ("vermoeid", Kind::Health, 3, false),
    ("concentratieprobl", Kind::Health, 3, false),
    ("geheugenprobl", Kind::Health, 3, false),
    ("waan", Kind::Health, 3, true),
    ("wanen", Kind::Health, 3, true),
    ("hallucin", Kind::Health, 3, false),
    ("borderline", Kind::Health, 3, false),
    ("asperger", Kind::Health, 3, false),
    ("dyslex", Kind::Health, 3, false),
    ("automutilatie", Kind::Health, 3, false),
    ("zelfbeschadig", Kind::Health, 3, false),
    ("alcoholis", Kind::Health, 3, false),
    ("methadon", Kind::Health, 3, false),
    ("tumor", Kind::Health, 3, false),
    ("leukemie", Kind::Health, 3, false),
    ("aids", Kind::Health, 3, true),
    ("hepatitis", Kind::Health, 3, false),
    ("artrose", Kind::Health, 3, false),
    ("artritis", Kind::Health, 3, false),
    ("fibromyalgie", Kind::Health, 3, false),
    ("migraine", Kind::Health, 3, false),
    ("hartfalen", Kind::Health, 3, false),
    ("hartritme", Kind::Health, 3, false),
    ("hoge bloeddruk", Kind::Health, 3, false),
    ("hypertensie", Kind::Health, 3, false),
    ("obesitas", Kind::Health, 3, false),
    ("overgewicht", Kind::Health, 3, false),
    ("anorexia", Kind::Health, 3, false),
    ("boulimia", Kind::Health, 3, false),
    ("longontsteking", Kind::Health, 3, false),
    ("hersenschudding", Kind::Health, 3, false),
    ("whiplash", Kind::Health, 3, false),
    ("botbreuk", Kind::Health, 3, false),
    // Injuries as a police report or a medical note records them.
    ("zwelling", Kind::Health, 3, false),
    ("snijwond", Kind::Health, 3, false),
    ("steekwond", Kind::Health, 3, false),
    ("schotwond", Kind::Health, 3, false),
    ("brandwond", Kind::Health, 3, false),
    ("bijtwond", Kind::Health, 3, false),
    ("hoofdwond", Kind::Health, 3, false),
    ("gewond", Kind::Health, 3, true),
    ("verwond", Kind::Health, 3, true),
    ("kneuzing", Kind::Health, 3, false),
    ("blauwe plek", Kind::Health, 3, false),
    ("blauw oog", Kind::Health, 3, true),
    ("hartaanval", Kind::Health, 3, false),
    ("epileptisch", Kind::Health, 3, false),
    ("flauwgevallen", Kind::Health, 3, true),
    ("coma", Kind::Health, 3, true),
    ("bewusteloos", Kind::Health, 3, false),
    ("antipsychotica", Kind::Health, 3, false),
    ("slaapmiddel", Kind::Health, 3, false),
    ("slaappil", Kind::Health, 3, false),
    ("morfine", Kind::Health, 3, false),
    ("oxazepam", Kind::Health, 3, false),
    ("diazepam", Kind::Health, 3, false),
    ("inhalator", Kind::Health, 3, false),
    ("scootmobiel", Kind::Health, 3, false),
    ("gehoorapparaat", Kind::Health, 3, false),
    ("geleidehond", Kind::Health, 3, false),
    ("prothese", Kind::Health, 3, false),
    ("stoma", Kind::Health, 3, true),
    ("fysiotherap", Kind::Health, 3, false),
    ("kliniek", Kind::Health, 2, false),
    ("bevallen", Kind::Health, 3, true),
    ("bevalling", Kind::Health, 3, false),
    ("invalide", Kind::Health, 3, false),
    ("mindervalide", Kind::Health, 3, false),
    // Criminal-law vocabulary: what is done to a suspect or convict, and the acts.
    ("gedood", Kind::Criminal, 4, true),
    ("om het leven gebracht", Kind::Criminal, 4, false),
    ("doodgestoken", Kind::Criminal, 4, false),
    ("neergestoken", Kind::Criminal, 4, false),
    ("neergeschoten", Kind::Criminal, 4, false),
    ("doodslag", Kind::Criminal, 3, false),
    ("tbs", Kind::Criminal, 4, true),
    ("terbeschikkingstelling", Kind::Criminal, 4, false),
    ("bewezen verklaard", Kind::Criminal, 3, false),
    ("bewezenverklaard", Kind::Criminal, 3, false),
    ("ten laste gelegd", Kind::Criminal, 3, false),
    ("tenlastegelegd", Kind::Criminal, 3, false),
    ("strafbare feit", Kind::Criminal, 3, false),
    ("strafbaar feit", Kind::Criminal, 3, false),
    ("gedagvaard", Kind::Criminal, 4, false),
    ("in verzekering gesteld", Kind::Criminal, 4, false),
    ("vrijgesproken", Kind::Criminal, 4, false),
    ("geseponeerd", Kind::Criminal, 4, false),
    ("geldboete", Kind::Criminal, 3, false),
    ("pij-maatregel", Kind::Criminal, 4, false),
    ("penitentiaire inrichting", Kind::Criminal, 4, false),
    ("gevangen", Kind::Criminal, 3, false),
    ("arrestatie", Kind::Criminal, 4, false),
    ("antecedenten", Kind::Criminal, 4, false),
    ("zat vast", Kind::Criminal, 4, false),
    ("vastgezeten", Kind::Criminal, 4, false),
    ("huisverbod", Kind::Criminal, 3, false),
    ("gebiedsverbod", Kind::Criminal, 3, false),
    ("contactverbod", Kind::Criminal, 3, false),
    ("drugshandel", Kind::Criminal, 3, false),
    ("witwassen", Kind::Criminal, 3, false),
    ("verdachte van", Kind::Criminal, 4, false),
    ("jeugddetentie", Kind::Criminal, 4, false),
    ("politiecel", Kind::Criminal, 4, false),
    ("straf uit", Kind::Criminal, 4, true),
    ("proeftijd", Kind::Criminal, 3, false),
    ("delict", Kind::Criminal, 3, false),
    ("feiten bekend", Kind::Criminal, 3, true),
    ("feit bekend", Kind::Criminal, 3, true),
    ("ter beschikking wordt gesteld", Kind::Criminal, 4, false),
    ("ter beschikking gesteld met", Kind::Criminal, 4, true),
    ("met bevel tot verpleging", Kind::Criminal, 4, false),
    // The second half of a tbs order, a clause of its own ("... (tbs) en van overheidswege
    // zal worden verpleegd"): the state's nursing is the measure's compulsion.
    (
        "van overheidswege wordt verpleegd",
        Kind::Criminal,
        4,
        false,
    ),
    (
        "van overheidswege zal worden verpleegd",
        Kind::Criminal,
        4,
        false,
    ),
    (
        "van overheidswege worden verpleegd",
        Kind::Criminal,
        4,
        false,
    ),
    ("dwangverpleging", Kind::Criminal, 4, false),
    ("schuldig gemaakt aan", Kind::Criminal, 4, false),
    // Offences by name: a fact of the offender, not of the victim who reported it (below).
    ("diefstal", Kind::Criminal, 3, false),
    ("inbraak", Kind::Criminal, 3, false),
    ("moord", Kind::Criminal, 3, true),
    ("verkrachting", Kind::Criminal, 3, false),
    ("oplichting", Kind::Criminal, 3, false),
    ("mishandeling", Kind::Criminal, 3, false),
    ("veelpleger", Kind::Criminal, 4, false),
    ("bij de politie bekend", Kind::Criminal, 4, false),
    // Care settings and care a person receives (Wmo, Wlz), and feasts a believer keeps.
    ("beschermd wonen", Kind::Health, 3, false),
    ("beschermde woonvorm", Kind::Health, 3, false),
    ("verpleeghuis", Kind::Health, 3, false),
    ("verpleegtehuis", Kind::Health, 3, false),
    ("thuiszorg", Kind::Health, 2, false),
    ("wijkverpleging", Kind::Health, 2, false),
    ("syndroom van", Kind::Health, 3, false),
    ("lithium", Kind::Health, 3, true),
    ("depotinjectie", Kind::Health, 3, false),
    ("suikerfeest", Kind::Religion, 2, false),
    ("offerfeest", Kind::Religion, 2, false),
    // Real rulings (corpus/special-dev s17–s30): fitness for work and for treatment as the
    // Uwv and a forensic report state it ("niet belastbaar voor arbeid", "niet gemotiveerd
    // voor behandeling": `CAPACITY` keeps the negation), care by a team, a person's medical
    // situation; Bible study and church meetings; violent acts, kept only where an offender
    // does them (`VIOLENT_ACTS`, `violent_act`); a relation with a partner of the same sex
    // (`same_sex_relation`).
    // Caught with a partner of the same sex (`sex_before`), in LGBT asylum accounts.
    ("met haar betrapt", Kind::SexualOrientation, 3, true),
    ("met hem betrapt", Kind::SexualOrientation, 3, true),
    ("belastbaar", Kind::Health, 2, true),
    ("ongeschikt", Kind::Health, 2, false),
    ("voor behandeling", Kind::Health, 2, true),
    ("behandelmotivatie", Kind::Health, 3, false),
    ("behandelteam", Kind::Health, 3, false),
    ("medische situatie", Kind::Health, 2, true),
    ("gezondheidstoestand", Kind::Health, 3, false),
    ("bijbelles", Kind::Religion, 3, false),
    ("bijbelstudie", Kind::Religion, 3, false),
    ("kerkbijeenkomst", Kind::Religion, 2, false),
    // A house church is a Christian congregation meeting at home ("werd actief in de
    // huiskerk"): its membership is the belief.
    ("huiskerk", Kind::Religion, 2, false),
    ("bahá'í", Kind::Religion, 3, false),
    ("bahai", Kind::Religion, 3, false),
    ("baha'i", Kind::Religion, 3, false),
    ("sloeg", Kind::Criminal, 3, true),
    ("geslagen", Kind::Criminal, 3, true),
    ("aanviel", Kind::Criminal, 3, true),
    ("aangevallen", Kind::Criminal, 3, true),
    ("gestoken", Kind::Criminal, 3, true),
    ("stak", Kind::Criminal, 3, true),
    ("geschopt", Kind::Criminal, 3, true),
    ("schopte", Kind::Criminal, 3, true),
    ("gewurgd", Kind::Criminal, 3, true),
    ("wurgde", Kind::Criminal, 3, true),
    ("mishandelde", Kind::Criminal, 3, true),
    ("neergeslagen", Kind::Criminal, 3, true),
    ("vermoord", Kind::Criminal, 3, true),
    ("vermoordde", Kind::Criminal, 3, true),
    ("doodgeschoten", Kind::Criminal, 3, true),
    ("doodgeslagen", Kind::Criminal, 3, true),
    ("doodgereden", Kind::Criminal, 3, true),
    ("relatie met een", Kind::SexualOrientation, 4, false),
    // Broader lexicons for the same clause rule: faiths and their adherents, compulsory care
    // and treatment (Wvggz), offences by name (`OFFENCES`: a verb must state them), and a
    // sexual orientation said in words.
    ("christin", Kind::Religion, 3, false),
    ("kerkgang", Kind::Religion, 2, false),
    ("zoroastr", Kind::Religion, 3, false),
    ("ismaïli", Kind::Religion, 3, false),
    ("ismaili", Kind::Religion, 3, false),
    ("alawiet", Kind::Religion, 3, false),
    ("mandeeër", Kind::Religion, 3, false),
    ("zorgmachtiging", Kind::Health, 3, false),
    ("crisismaatregel", Kind::Health, 3, false),
    ("inbewaringstelling", Kind::Health, 3, false),
    ("rechterlijke machtiging", Kind::Health, 3, false),
    ("emdr", Kind::Health, 3, true),
    ("zwakbegaafd", Kind::Health, 3, false),
    ("licht verstandelijk", Kind::Health, 3, false),
    ("isd-maatregel", Kind::Criminal, 4, false),
    ("opiumwet", Kind::Criminal, 3, false),
    ("overval", Kind::Criminal, 3, false),
    ("beroving", Kind::Criminal, 3, false),
    ("afpersing", Kind::Criminal, 3, false),
    ("bedreiging", Kind::Criminal, 3, false),
    ("brandstichting", Kind::Criminal, 3, false),
    ("geweldpleging", Kind::Criminal, 3, false),
    ("ontucht", Kind::Criminal, 3, false),
    ("aanranding", Kind::Criminal, 3, false),
    ("belaging", Kind::Criminal, 3, false),
    ("heling", Kind::Criminal, 3, true),
    ("op mannen valt", Kind::SexualOrientation, 4, false),
    ("op vrouwen valt", Kind::SexualOrientation, 4, false),
    ("valt op mannen", Kind::SexualOrientation, 4, false),
    ("valt op vrouwen", Kind::SexualOrientation, 4, false),
];

/// Case-sensitive acronyms (party and union names).
const ACRONYMS: &[Cue] = &[
    // An intelligence score of a person ("heeft een IQ van 65"): a low one is the reason for
    // care (Wlz, Wajong).
    ("IQ", Kind::Health, 3, true),
    ("PvdA", Kind::Political, 3, true),
    ("CDA", Kind::Political, 3, true),
    ("VVD", Kind::Political, 3, true),
    ("D66", Kind::Political, 3, true),
    ("DENK", Kind::Political, 3, true),
    ("SP", Kind::Political, 3, true),
    ("PVV", Kind::Political, 3, true),
    ("FvD", Kind::Political, 3, true),
    ("SGP", Kind::Political, 3, true),
    ("AKP", Kind::Political, 3, true),
    ("HDP", Kind::Political, 3, true),
    ("CHP", Kind::Political, 3, true),
    ("MHP", Kind::Political, 3, true),
    ("BIJ1", Kind::Political, 3, true),
    ("PvdD", Kind::Political, 3, true),
    ("JA21", Kind::Political, 3, true),
    ("BBB", Kind::Political, 3, true),
    ("NSC", Kind::Political, 3, true),
    ("PKK", Kind::Political, 3, true),
    ("NIDA", Kind::Political, 3, true),
    ("FNV", Kind::TradeUnion, 4, true),
    ("AVV", Kind::TradeUnion, 4, true),
    ("AOb", Kind::TradeUnion, 4, true),
    ("CNV", Kind::TradeUnion, 4, true),
    ("ACP", Kind::TradeUnion, 4, true),
    ("VCP", Kind::TradeUnion, 4, true),
];

/// The cues (`CUES` followed by `ACRONYMS`) indexed by their first bytes, ASCII lower-cased.
/// A cue only starts at a word boundary, so instead of running an automaton over every byte
/// the detector looks up each word start here and compares the few cues that share its first
/// four bytes (or, for the short cues, all of them).
///
/// One flat open-addressed table, built once from the cue lists: a probe is a multiply and a
/// load or two, and a key's cues are a slice of one vector, longest first, so the first that
/// matches is the answer (a `HashMap` of `Vec`s cost some 200 instructions per word looked up).
struct CueIndex {
    /// `SLOTS` slots of (key, first cue in `cues`, number of cues); key 0 is an empty slot
    /// (no key is 0: a cue's first byte is never 0, and a short key holds its length).
    slots: Vec<(u32, u16, u16)>,
    /// The cues of each key, longest first, then in list order (the first-listed wins among
    /// cues of one length).
    cues: Vec<u16>,
}

/// Slots in [`CueIndex::slots`]: a power of two, over twice the number of cue keys.
const SLOTS: usize = 4096;

/// The text of cue `i` of `CUES` followed by `ACRONYMS` (as [`cue`], for compile-time
/// tables).
const fn cue_bytes(i: usize) -> &'static [u8] {
    if i < CUES.len() {
        CUES[i].0.as_bytes()
    } else {
        ACRONYMS[i - CUES.len()].0.as_bytes()
    }
}

/// Bit [`key_bit`]`(k)` is set for the key `k` of every cue: its first four bytes ASCII
/// lower-cased, or all of it with its length for a cue of two or three bytes ([`key`]). Built
/// at compile time and 8 KiB, so it stays in the first-level cache. A clear bit proves that no
/// cue has that key; a set bit may be a false alarm (the index decides).
static CUE_KEYS: [u64; 1024] = cue_keys();

const fn cue_keys() -> [u64; 1024] {
    let mut bits = [0u64; 1024];
    let mut i = 0;
    while i < CUES.len() + ACRONYMS.len() {
        let c = cue_bytes(i);
        let bit = key_bit(key(c, if c.len() < 4 { c.len() } else { 4 }));
        bits[(bit >> 6) as usize] |= 1 << (bit & 63);
        i += 1;
    }
    bits
}

/// Whether [`CUE_KEYS`] holds `k`.
#[inline(always)]
fn known_key(k: u32) -> bool {
    let bit = key_bit(k);
    CUE_KEYS[usize::from(bit >> 6)] & (1 << (bit & 63)) != 0
}

/// The lengths of the cues shorter than four bytes (bit `n`: some cue is `n` bytes long).
const SHORT_LENS: u8 = {
    let mut lens = 0u8;
    let mut i = 0;
    while i < CUES.len() + ACRONYMS.len() {
        let n = cue_bytes(i).len();
        if n < 4 {
            lens |= 1 << n;
        }
        i += 1;
    }
    lens
};

/// The four-byte key at the start of `four` ([`key`] of four bytes, from one load, the bytes
/// lower-cased together as the lexicon hash lower-cases them; the zero high half stays zero).
#[inline(always)]
fn key4(four: [u8; 4]) -> u32 {
    crate::fxhash::ascii_lower8(u64::from(u32::from_be_bytes(four))) as u32
}

/// Bit `1024 * (a & 31) + 32 * (b & 31) + (c & 31)` is set when some cue begins with the
/// bytes `a b c` (a cue of two bytes: with any third). The low five bits of an ASCII letter
/// are the same in both cases, and a cue only matches where its bytes equal the text's up to
/// ASCII case, so a clear bit proves that no cue starts here; a set bit may be a false alarm
/// ([`CueIndex::longest_at`] decides). 4 KiB, built at compile time: always in cache.
static CUE_TRIPLES: [u64; 512] = cue_triples();

const fn triple(a: u8, b: u8, c: u8) -> usize {
    ((a & 31) as usize) << 10 | ((b & 31) as usize) << 5 | (c & 31) as usize
}

const fn cue_triples() -> [u64; 512] {
    let mut bits = [0u64; 512];
    let mut i = 0;
    while i < CUES.len() + ACRONYMS.len() {
        let c = cue_bytes(i);
        let mut z = 0u8;
        while z < 32 {
            let n = triple(c[0], c[1], if c.len() >= 3 { c[2] } else { z });
            bits[n >> 6] |= 1 << (n & 63);
            z += 1;
        }
        i += 1;
    }
    bits
}

/// Whether a cue may begin at byte `p` (see [`CUE_TRIPLES`]): one bit test, which three
/// words in four fail. The tokenizer asks this of every word, while its bytes are in cache,
/// and lists the word ([`crate::token::Tokens::cue_starts`]). With fewer than three bytes left
/// the answer is yes, and the index decides.
#[inline]
pub(crate) fn may_begin_cue(b: &[u8], p: usize) -> bool {
    match b.get(p..p + 3) {
        Some(&[x, y, z]) => {
            let n = triple(x, y, z);
            CUE_TRIPLES[n >> 6] & (1 << (n & 63)) != 0
        }
        _ => true,
    }
}

/// The bit of a key in [`CUE_KEYS`].
#[inline(always)]
const fn key_bit(k: u32) -> u16 {
    (k.wrapping_mul(0x9E37_79B1) >> 16) as u16
}

/// One cue occurrence from [`CueIndex::longest_at`].
struct CueMatch {
    start: usize,
    end: usize,
    /// Index into `CUES` then `ACRONYMS`.
    pattern: usize,
}

fn cue_index() -> &'static CueIndex {
    static A: OnceLock<CueIndex> = OnceLock::new();
    A.get_or_init(|| {
        // (key, length, cue) for every cue, grouped by key, longest first within a key.
        let mut keyed: Vec<(u32, std::cmp::Reverse<usize>, u16)> = CUES
            .iter()
            .chain(ACRONYMS)
            .enumerate()
            .map(|(n, c)| {
                let b = c.0.as_bytes();
                (key(b, b.len().min(4)), std::cmp::Reverse(b.len()), n as u16)
            })
            .collect();
        keyed.sort_unstable();
        let mut ix = CueIndex {
            slots: vec![(0, 0, 0); SLOTS],
            cues: Vec::with_capacity(keyed.len()),
        };
        for group in keyed.chunk_by(|a, b| a.0 == b.0) {
            let k = group[0].0;
            let mut i = slot_of(k);
            while ix.slots[i].0 != 0 {
                i = (i + 1) % SLOTS;
            }
            ix.slots[i] = (k, ix.cues.len() as u16, group.len() as u16);
            ix.cues.extend(group.iter().map(|g| g.2));
        }
        ix
    })
}

/// The first slot [`CueIndex::slots`] probes for key `k`.
#[inline(always)]
fn slot_of(k: u32) -> usize {
    (k.wrapping_mul(0x9E37_79B1) >> 20) as usize % SLOTS
}

/// The first `n` (≤ 4) bytes of `b`, ASCII lower-cased, with `n` in the top byte when `n < 4`.
/// A `const fn`: [`CUE_KEYS`] is built with it at compile time.
#[inline]
const fn key(b: &[u8], n: usize) -> u32 {
    let mut k = 0u32;
    let mut j = 0;
    while j < n {
        k = k << 8 | b[j].to_ascii_lowercase() as u32;
        j += 1;
    }
    if n < 4 {
        k |= (n as u32) << 24;
    }
    k
}

impl CueIndex {
    /// The cues with key `k` ([`key`]), longest first; empty when there are none.
    #[inline]
    fn cues_of(&self, k: u32) -> &[u16] {
        let mut i = slot_of(k);
        loop {
            let (sk, from, n) = self.slots[i];
            if sk == k {
                return &self.cues[usize::from(from)..usize::from(from) + usize::from(n)];
            }
            if sk == 0 {
                return &[];
            }
            i = (i + 1) % SLOTS;
        }
    }

    /// The longest cue that matches `text` at byte `p` (ASCII case-insensitively), the
    /// first-listed one among equals.
    fn longest_at(&self, b: &[u8], p: usize) -> Option<CueMatch> {
        let rest = &b[p..];
        let Some(&four) = rest.first_chunk::<4>() else {
            return self.longest_at_short(rest, p);
        };
        // Every key this word can have, from one load: the first four bytes lower-cased
        // (`key(rest, 4)`), and the two- and three-byte keys are its top bytes.
        let k4 = key4(four);
        let found = |pattern: usize, len: usize| {
            Some(CueMatch {
                start: p,
                end: p + len,
                pattern,
            })
        };
        if known_key(k4) {
            // Longest first: the first cue that matches is the longest.
            for &n in self.cues_of(k4) {
                let pat = cue(usize::from(n)).0.as_bytes();
                if rest.len() >= pat.len() && crate::fxhash::eq_ascii_lower(&rest[..pat.len()], pat)
                {
                    return found(usize::from(n), pat.len());
                }
            }
        }
        for len in [3, 2] {
            if SHORT_LENS & (1 << len) != 0 {
                let k = k4 >> (8 * (4 - len)) | (len as u32) << 24;
                if known_key(k) {
                    if let Some(&n) = self.cues_of(k).first() {
                        return found(usize::from(n), len);
                    }
                }
            }
        }
        None
    }

    /// [`CueIndex::longest_at`] where fewer than four bytes are left: only a short cue fits.
    #[cold]
    fn longest_at_short(&self, rest: &[u8], p: usize) -> Option<CueMatch> {
        (2..=rest.len().min(3)).rev().find_map(|len| {
            let k = key(rest, len);
            let n = *self.cues_of(k).first()?;
            Some(CueMatch {
                start: p,
                end: p + len,
                pattern: usize::from(n),
            })
        })
    }
}

/// Cue `n` of `CUES` followed by `ACRONYMS`.
fn cue(n: usize) -> &'static Cue {
    CUES.get(n).unwrap_or_else(|| &ACRONYMS[n - CUES.len()])
}

/// Subject pronouns; "lk" is "Ik" as OCR reads it (a capital I taken for an l).
const SUBJECTS: [&str; 13] = [
    "hij", "zij", "ze", "ik", "lk", "u", "wij", "we", "men", "hem", "je", "jij", "beiden",
];
/// Nouns that stand for the person a text is about ("cliënt is ... veroordeeld").
const SUBJECT_NOUNS: [&str; 51] = [
    "verdachte",
    "terbeschikkinggestelde",
    "slachtoffer",
    "aanvrager",
    "cliënt",
    "betrokkene",
    "verzoeker",
    "verzoekster",
    "klager",
    "klaagster",
    "eiser",
    "eiseres",
    "appellant",
    "appellante",
    "belanghebbende",
    "aanvraagster",
    "cliënte",
    "patiënt",
    "patiënte",
    "vreemdeling",
    "asielzoeker",
    "werknemer",
    "werkneemster",
    "minderjarige",
    "pupil",
    "jongere",
    "bewoner",
    "bewoonster",
    "aangever",
    "aangeefster",
    "gedetineerde",
    "veroordeelde",
    "medewerker",
    "medewerkster",
    "leerling",
    "moeder",
    "vader",
    "mevrouw",
    "meneer",
    "kind",
    "jongen",
    "meisje",
    "zoon",
    "dochter",
    "deelnemer",
    "deelneemster",
    "huurder",
    "scholier",
    "man",
    "vrouw",
    "persoon",
];
const POSSESSIVES: [&str; 6] = ["mijn", "zijn", "haar", "uw", "hun", "onze"];
/// Kin and partner nouns after a possessive: "mijn vrouw", "haar zoon".
const KIN: [&str; 16] = [
    "man",
    "vrouw",
    "zoon",
    "dochter",
    "vader",
    "moeder",
    "broer",
    "zus",
    "zuster",
    "echtgenoot",
    "echtgenote",
    "partner",
    "kind",
    "cliënt",
    "neef",
    "nicht",
];
/// Object pronouns: the clause starts after them, never with the verb before them.
const OBJECTS: [&str; 1] = ["hem"];
/// Forms of "zijn" (to be) that the gold leaves out at the edges of a clause.
const COPULAS: [&str; 6] = ["ben", "is", "bent", "zijn", "was", "waren"];
const SOFT_BOUNDS: [&str; 21] = [
    "en", "die", "dat", "wat", "volgens", "aldus", "omdat", "want", "terwijl", "waarvoor", "maar",
    "waardoor", "of", "wanneer", "waarna", "waarvan", "waarbij", "waarmee", "doordat", "nadat",
    "hoewel",
];
/// Prepositions before a subject noun ("van appellant", "tegen eiser"): no inverted verb.
const PREPOSITIONS: [&str; 16] = [
    "van", "door", "aan", "met", "bij", "voor", "over", "tegen", "tot", "op", "uit", "naar",
    "vanwege", "wegens", "namens", "jegens",
];
/// Words before a subject pronoun that are not a verb (so no inversion "bidt hij").
const NOT_VERBS: [&str; 14] = [
    "of", "dat", "als", "omdat", "wanneer", "toen", "nadat", "zodat", "hoe", "waar", "wat", "en",
    "maar", "want",
];
/// Auxiliaries after which "die"/"dat" is a demonstrative object, not a relative clause
/// ("heeft die afgedaan").
const AUX: [&str; 8] = [
    "heeft", "hebben", "had", "hadden", "heb", "hebt", "is", "was",
];
/// Prepositions that open a trailing adjunct (place, time, company): "in 2010, 2016 en 2018
/// | in Den Haag" ends an enumeration.
const ADJUNCTS: [&str; 8] = [
    "in", "na", "sinds", "met", "tijdens", "volgens", "aldus", "toen",
];
/// Words after the last cue that end the fact although no bound comes before them: the
/// source ("volgens een respondent", "aldus een bron") is no part of it, and "toen" opens a
/// clause of its own. Adverbials of place, time and manner ("in Den Haag", "na zijn
/// huwelijk") stay: `corpus/GUIDELINES.md` (decided 2026-12-06).
const FACT_ENDS: [&str; 3] = ["volgens", "aldus", "toen"];
const NEGATIONS: [&str; 3] = ["niet", "nooit", "geen"];
/// Words that make a clause about habitual practice ("elke vrijdag naar de moskee").
const HABITUAL: [&str; 21] = [
    "lid",
    "gaat",
    "elke",
    "iedere",
    "dagelijks",
    "wekelijks",
    "vrijdag",
    "vrijdags",
    "zondags",
    "regelmatig",
    "bezoekt",
    "bezocht",
    "bezoeken",
    "trouw",
    "maandelijks",
    "zondag",
    "zondagen",
    "sabbat",
    "vrijdagen",
    "vrijdagse",
    "wekelijkse",
];
/// Nouns for organisations and communities: a cue said of these is not a person's fact.
const ORG_NOUNS: [&str; 22] = [
    "moskee",
    "stichting",
    "vereniging",
    "gemeenschap",
    "organisatie",
    "landschap",
    "koers",
    "koepel",
    "school",
    "scholen",
    "omroep",
    "instelling",
    "centrum",
    "netwerk",
    "gebedsruimte",
    "gebedsgroep",
    "onderwijs",
    "vakbond",
    "universiteit",
    "hogeschool",
    "basisschool",
    "krant",
];
/// Noun cues whose plural is a statement about a group ("moslims moeten ...").
const GROUP_NOUNS: [&str; 23] = [
    "afvallig",
    "moslim",
    "salafist",
    "soenni",
    "sjiiet",
    "sjiit",
    "christen",
    "katholiek",
    "protestant",
    "hindoe",
    "boeddhist",
    "atheïst",
    "gelovig",
    "bekeerling",
    "soefi",
    "mouride",
    "homo",
    // political nouns: "duizenden sympathisanten", "de activisten"
    "sympathisant",
    "activist",
    "anarchist",
    "socialist",
    "communist",
    "nationalist",
];
const PLURAL_RESTS: [&str; 8] = ["s", "en", "eten", "ten", "nen", "gen", "'s", "es"];
/// Medical practitioners: a health cue only as the person's care, not as an actor.
const PRACTITIONERS: [&str; 7] = [
    "longarts",
    "bedrijfsarts",
    "huisarts",
    "psycholoog",
    "psychiater",
    "cardioloog",
    "psychotherapeut",
];
/// Practitioners and carers that are no cue themselves but act on a patient as the subject of a
/// clause ("de behandelaar adviseert ...").
const PRACTITIONER_ACTORS: [&str; 5] = [
    "behandelaar",
    "arts",
    "verzekeringsarts",
    "neuroloog",
    "jeugdarts",
];
/// Words that make a practitioner a person's care ("bij de huisarts", "onder behandeling van
/// een cardioloog", "verwezen naar een psycholoog"); without one the practitioner acts
/// ("de bedrijfsarts heeft vastgesteld", "de rapportages van de psychiater").
const CARE: [&str; 10] = [
    "bij",
    "naar",
    "via",
    "onder",
    "behandeling",
    "begeleiding",
    "verwezen",
    "doorverwezen",
    "behandeld",
    "consult",
];
/// Plural or collective subjects: a cue in their clause is a statement about a group.
const GROUP_SUBJECTS: [&str; 26] = [
    "meesten",
    "sommigen",
    "allen",
    "enkelen",
    "gelovigen",
    "moslims",
    "jongeren",
    "vrouwen",
    "mannen",
    "bezoekers",
    "leden",
    "mensen",
    "sommige",
    "groep",
    "velen",
    "gezinnen",
    "bestuursleden",
    "partijleden",
    "kamerleden",
    "asielzoekers",
    "inwoners",
    "burgers",
    "ouders",
    "kinderen",
    "patiënten",
    "cliënten",
];
/// Stems of the adjectives and nouns of origin and of ethnic groups, as the Taalunie lists
/// them for countries, inhabitants and adjectives ("Marokkaan", "Marokkaans", "Marokkanen"
/// share "marokka"), plus the groups asylum and youth-care files name (Hazara, Pashtun,
/// Tamil, Roma, Molukkers). A bare one is a typering in a person's list entry
/// ("Koerdisch."); in prose it counts only in a context that says it of a person
/// ([`origin_context`]). The country names these stems also begin are in [`COUNTRIES`]. Each
/// stem's [`Origin`] says whether it is a state's adjective as well.
const ORIGIN_TABLE: [(&str, Origin); 87] = [
    ("turk", Origin::State),
    ("koerd", Origin::People),
    ("somali", Origin::State),
    ("senegale", Origin::State),
    ("surinaam", Origin::State),
    ("surinamer", Origin::State),
    ("marokka", Origin::State),
    ("berber", Origin::People),
    ("javaan", Origin::People),
    ("afgha", Origin::State),
    ("syri", Origin::State),
    ("iraaks", Origin::State),
    ("irakee", Origin::State),
    ("irakez", Origin::State),
    ("iraans", Origin::State),
    ("iraniër", Origin::State),
    ("eritre", Origin::State),
    ("ethiopi", Origin::State),
    ("pakista", Origin::State),
    ("indonesi", Origin::State),
    ("hindoestaan", Origin::People),
    ("hindostaan", Origin::People),
    ("antilliaan", Origin::People),
    ("antillian", Origin::People),
    ("arubaan", Origin::People),
    ("curaçao", Origin::People),
    ("ghane", Origin::State),
    ("nigeriaan", Origin::State),
    ("egyptenaar", Origin::State),
    ("egyptisch", Origin::State),
    ("algerijn", Origin::State),
    ("tunesi", Origin::State),
    ("libisch", Origin::State),
    ("libiër", Origin::State),
    ("pools", Origin::State),
    ("poolse", Origin::State),
    ("bulgaar", Origin::State),
    ("roemeen", Origin::State),
    ("hongaar", Origin::State),
    ("bosnisch", Origin::State),
    ("bosniër", Origin::State),
    ("servisch", Origin::State),
    ("serviër", Origin::State),
    ("kroaat", Origin::State),
    ("kroatisch", Origin::State),
    ("albane", Origin::State),
    ("kosovaar", Origin::State),
    ("tsjetsje", Origin::People),
    ("armeen", Origin::State),
    ("armeniër", Origin::State),
    ("assyri", Origin::People),
    ("arameeër", Origin::People),
    ("arabisch", Origin::People),
    ("arabier", Origin::People),
    ("palestijn", Origin::People),
    ("libane", Origin::State),
    ("soedane", Origin::State),
    ("jemeni", Origin::State),
    ("kaapverdi", Origin::State),
    ("moluk", Origin::People),
    ("chine", Origin::State),
    ("vietname", Origin::State),
    ("indiaas", Origin::State),
    ("indiase", Origin::State),
    ("indisch", Origin::People),
    ("filipijn", Origin::State),
    ("kameroen", Origin::State),
    ("congole", Origin::State),
    ("angole", Origin::State),
    ("oegande", Origin::State),
    ("creool", Origin::People),
    ("creools", Origin::People),
    ("afro-", Origin::People),
    ("caribisch", Origin::People),
    ("hazara", Origin::People),
    ("pashtun", Origin::People),
    ("pasjtoe", Origin::People),
    ("tadzjiek", Origin::People),
    ("oezbee", Origin::People),
    ("oeigoer", Origin::People),
    ("rohingya", Origin::People),
    ("tamil", Origin::People),
    ("sinti", Origin::People),
    ("roma", Origin::People),
    ("amhaar", Origin::People),
    ("oromo", Origin::People),
    ("turkmeen", Origin::People),
];

/// Whether a stem of [`ORIGIN_TABLE`] is a state's adjective as well ("Oegandese", "Iraanse",
/// "Turkse": before a person noun it gives a nationality) or names a people without a state of
/// its own (Koerd, Hazara, Berber, Moluks, Hindostaans ...). One flag in one table, so that a
/// stem added for origin cannot be forgotten among the nationalities.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    State,
    People,
}

/// The stems of [`ORIGIN_TABLE`], in its order (the cue list and the name rules read them).
const ORIGINS: [&str; ORIGIN_TABLE.len()] = {
    let mut all = [""; ORIGIN_TABLE.len()];
    let mut i = 0;
    while i < ORIGIN_TABLE.len() {
        all[i] = ORIGIN_TABLE[i].0;
        i += 1;
    }
    all
};

/// How many stems of [`ORIGIN_TABLE`] are a state's adjective.
const fn state_count() -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < ORIGIN_TABLE.len() {
        if matches!(ORIGIN_TABLE[i].1, Origin::State) {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The stems of [`ORIGIN_TABLE`] flagged [`Origin::State`]: before a person noun they give a
/// nationality, no special category.
const NATIONALITIES: [&str; state_count()] = {
    let mut all = [""; state_count()];
    let (mut i, mut n) = (0, 0);
    while i < ORIGIN_TABLE.len() {
        if matches!(ORIGIN_TABLE[i].1, Origin::State) {
            all[n] = ORIGIN_TABLE[i].0;
            n += 1;
        }
        i += 1;
    }
    all
};

/// Country names that begin like a stem of [`ORIGINS`]: a country is no origin said of a
/// person ("afkomstig uit Turkije" is a place).
const COUNTRIES: [&str; 34] = [
    "turkije",
    "koerdistan",
    "somalië",
    "suriname",
    "afghanistan",
    "syrië",
    "eritrea",
    "ethiopië",
    "pakistan",
    "indonesië",
    "tunesië",
    "soedan",
    "jemen",
    "kaapverdië",
    "kameroen",
    "congo",
    "curaçao",
    "aruba",
    "senegal",
    "ghana",
    "albanië",
    "tsjetsjenië",
    "armenië",
    "syriërs",
    "molukken",
    "china",
    "vietnam",
    "roemenië",
    "hongarije",
    "bosnië",
    "servië",
    "kroatië",
    "libanon",
    "oeganda",
];

/// Nouns for a person that an adjective of origin may describe ("een Koerdisch meisje").
const ORIGIN_PERSONS: [&str; 36] = [
    "meisje",
    "jongen",
    "man",
    "vrouw",
    "jongeman",
    "jongere",
    "tiener",
    "kind",
    "zoon",
    "dochter",
    "moeder",
    "vader",
    "broer",
    "zus",
    "echtgenoot",
    "echtgenote",
    "partner",
    "vriend",
    "vriendin",
    "buurman",
    "buurvrouw",
    "dame",
    "heer",
    "meneer",
    "mevrouw",
    "student",
    "studente",
    "leerling",
    "cliënt",
    "cliënte",
    "asielzoeker",
    "vluchteling",
    "statushouder",
    "nieuwkomer",
    "nederlander",
    "nederlandse",
];

/// Words for descent after an adjective of origin ("van Turkse afkomst"): the cue of the
/// phrase is the head noun, not the adjective.
const ORIGIN_HEADS: [&str; 7] = [
    "afkomst",
    "komaf",
    "achtergrond",
    "afstamming",
    "herkomst",
    "origine",
    "roots",
];

/// Words after which a bare origin is said of the person as a predicate or apposition
/// ("is Koerd", "als Hazara", "tweede generatie Moluks", "een Hazara uit Afghanistan").
const ORIGIN_BEFORE: [&str; 15] = [
    "als",
    // plural copulas ("eisers zijn Koerden uit Iran"); the possessive "zijn" before a noun
    // fails the check on the word after.
    "zijn",
    "waren",
    "generatie",
    "is",
    "ben",
    "bent",
    "was",
    "zelf",
    "half",
    "halve",
    "een",
    "zichzelf",
    "echte",
    "geboren",
];

/// Words that may follow a predicative origin: it then modifies no noun of its own.
const ORIGIN_AFTER: [&str; 38] = [
    "uit",
    "van",
    "en",
    "maar",
    "of",
    "die",
    "dat",
    "is",
    "ben",
    "bent",
    "was",
    "zijn",
    "waren",
    "met",
    "op",
    "in",
    "geboren",
    "afkomstig",
    "te",
    "als",
    "wordt",
    "werd",
    "heeft",
    "had",
    "zou",
    "kan",
    "want",
    "omdat",
    "toen",
    "naar",
    "bij",
    "voor",
    "onder",
    "tussen",
    "zonder",
    "tegen",
    "door",
    "over",
];

/// Whether the origin word of token `ti` is said of a person: before a person noun, as a
/// predicate or apposition, after "behoort tot". Not as a language ("spreekt Koerdisch",
/// "tolk Turks"), not as a country, not before an organisation or any other noun ("de
/// Turkse overheid", "Iraanse nationaliteit"), and not written in lower case.
fn origin_context(text: &str, toks: &[Tok], ti: usize) -> bool {
    let t = &toks[ti];
    if !t.cap {
        return false;
    }
    let w = t.text(text).to_lowercase();
    if COUNTRIES.iter().any(|c| *c == w) {
        return false;
    }
    let next = toks
        .get(ti + 1)
        .filter(|n| n.nl_before == 0 && n.class == Class::Word);
    if next.is_some_and(|n| word_is(text, n, &ORIGIN_HEADS)) {
        return false; // the head noun's cue states the phrase
    }
    if next.is_some_and(|n| word_is(text, n, &ORIGIN_PERSONS)) {
        // "een Oegandese vrouw", "een Iraanse vluchteling": a state's adjective before a
        // person noun is a nationality, no special category (`corpus/special-dev` README);
        // "een Koerdisch meisje", "een Afghaanse Hazara" name a people. Before "Nederlander"
        // a state's adjective says where a Dutch person's family comes from ("een Turkse
        // Nederlander"): origin, not a second nationality (`corpus/GUIDELINES.md`).
        return !starts_with_any(&w, &NATIONALITIES)
            || next.is_some_and(|n| {
                starts_with_any(&lower(text, n), &["nederlander", "nederlandse"])
            });
    }
    let prev = ti.checked_sub(1).map(|p| &toks[p]);
    if prev.is_some_and(|p| {
        word_is(
            text,
            p,
            &[
                "spreekt", "spreken", "sprak", "tolk", "taal", "het", "vertaald",
            ],
        )
    }) {
        return false;
    }
    // A record's field: "Afkomst: Koerdisch", "Etniciteit: Hazara".
    if ti >= 2
        && toks[ti - 1].is_punct(text, b':')
        && word_is(
            text,
            &toks[ti - 2],
            &[
                "afkomst",
                "herkomst",
                "etniciteit",
                "achtergrond",
                "bevolkingsgroep",
            ],
        )
    {
        return true;
    }
    // "behoort tot de Hazara's", "behoren tot de Koerdische minderheid".
    if (ti.saturating_sub(4)..ti).any(|k| {
        word_is(
            text,
            &toks[k],
            &["behoort", "behoorde", "behoren", "behoorden"],
        )
    }) {
        return true;
    }
    // "dat eiser Hazara is.", "omdat hij Koerd was,": the predicate of a subordinate clause.
    let subject_before = prev.is_some_and(|p| {
        word_in(text, p, &SUBJECT_SET) || word_in(text, p, &SUBJECT_NOUN_SET) || p.cap
    });
    let copula_last = next.is_some_and(|n| word_is(text, n, &COPULAS))
        && toks
            .get(ti + 2)
            .is_none_or(|n| n.class == Class::Punct || n.nl_before > 0);
    if subject_before && copula_last {
        return true;
    }
    prev.is_some_and(|p| word_is(text, p, &ORIGIN_BEFORE))
        && next.is_none_or(|n| {
            n.cap
                || word_is(text, n, &ORIGIN_AFTER)
                // "als Hazara opgegroeid", "als Koerd vervolgd": a participle closes the
                // predicate, no noun follows.
                || (prev.is_some_and(|p| word_is(text, p, &["als"])) && ends_with_verb(text, n))
        })
}

fn is_hard_bound(text: &str, t: &Tok) -> bool {
    t.class == Class::Punct
        && matches!(
            text.as_bytes()[t.start()],
            b'.' | b'!' | b'?' | b';' | b':' | b'(' | b')' | b',' | b'"'
        )
}

fn word_is(text: &str, t: &Tok, list: &[&str]) -> bool {
    if t.class != Class::Word {
        return false;
    }
    // The slice once, not per list entry: this runs for most tokens of every clause.
    let w = &text.as_bytes()[t.start()..t.end()];
    list.iter()
        .any(|x| x.len() == w.len() && x.as_bytes().eq_ignore_ascii_case(w))
}

/// A word list read by [`word_in`]: the list itself, behind a filter built from it at compile
/// time. The clause rules ask several long lists (verbs, subjects, soft bounds) of most words
/// of every clause; comparing each word with every entry was 3-4 % of the detector's
/// instructions on generated text.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    /// Bit [`word_key`] is set for every entry: a clear bit proves the word is none of them,
    /// a set bit may be a false alarm (the list decides). 1 KiB.
    bits: [u64; 128],
    /// The entries by [`word_key`], open-addressed (index + 1; 0 is an empty slot): a word
    /// that passes the filter is compared with the entries of its key only, not with the
    /// whole list (which was still 0.4 % of the instructions).
    slots: [u8; SET_SLOTS],
}

/// Slots of a [`WordSet`]; a list may hold at most half as many words.
const SET_SLOTS: usize = 256;

/// The first slot of [`WordSet::slots`] a word with key `k` ([`word_key`]) is looked for in.
const fn set_slot(k: usize) -> usize {
    (k.wrapping_mul(0x9E37_79B9) >> 8) % SET_SLOTS
}

impl WordSet {
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        assert!(
            words.len() <= SET_SLOTS / 2,
            "a WordSet holds at most 128 words"
        );
        let mut bits = [0u64; 128];
        let mut slots = [0u8; SET_SLOTS];
        let mut i = 0;
        while i < words.len() {
            let k = word_key(words[i].as_bytes());
            bits[k / 64] |= 1 << (k % 64);
            let mut j = set_slot(k);
            while slots[j] != 0 {
                j = (j + 1) % SET_SLOTS;
            }
            slots[j] = (i + 1) as u8;
            i += 1;
        }
        WordSet { words, bits, slots }
    }

    /// Whether `w` is one of the words, up to ASCII case. Inlined: most words fail the
    /// filter; the entries are compared out of line.
    #[inline(always)]
    pub(crate) fn holds(&self, w: &[u8]) -> bool {
        let k = word_key(w);
        self.bits[k / 64] & (1 << (k % 64)) != 0 && self.holds_keyed(w, k)
    }

    /// Whether `w`, whose [`word_key`] is `k`, is one of the words.
    #[inline(never)]
    fn holds_keyed(&self, w: &[u8], k: usize) -> bool {
        let mut j = set_slot(k);
        // Never full (at most half the slots are taken): an empty slot ends the probe.
        while self.slots[j] != 0 {
            let x = self.words[usize::from(self.slots[j]) - 1].as_bytes();
            if x.len() == w.len() && x.eq_ignore_ascii_case(w) {
                return true;
            }
            j = (j + 1) % SET_SLOTS;
        }
        false
    }
}

/// A word's length (its low three bits) and the low five bits of its first and last byte: the
/// same for both cases of an ASCII letter, so words equal up to ASCII case have equal keys.
const fn word_key(w: &[u8]) -> usize {
    if w.is_empty() {
        return 0;
    }
    ((w.len() & 7) << 10) | (((w[0] & 31) as usize) << 5) | ((w[w.len() - 1] & 31) as usize)
}

static VERB_SET: WordSet = WordSet::new(&VERBS);
static SUBJECT_SET: WordSet = WordSet::new(&SUBJECTS);
static SOFT_BOUND_SET: WordSet = WordSet::new(&SOFT_BOUNDS);
static SUBJECT_NOUN_SET: WordSet = WordSet::new(&SUBJECT_NOUNS);

/// [`word_is`] for a list with a [`WordSet`]: the same answer, most words ruled out by one bit.
fn word_in(text: &str, t: &Tok, set: &WordSet) -> bool {
    if t.class != Class::Word {
        return false;
    }
    set.holds(&text.as_bytes()[t.start()..t.end()])
}

/// Lower-cased text of a word token (cheap: most words are ASCII).
fn lower(text: &str, t: &Tok) -> String {
    t.text(text).to_lowercase()
}

/// Whether `word` starts with one of the lower-case ASCII `prefixes`, ignoring ASCII case
/// (no lower-cased copy: this runs for every cue and every clause).
fn starts_with_any(word: &str, prefixes: &[&str]) -> bool {
    let w = word.as_bytes();
    prefixes
        .iter()
        .any(|p| w.len() >= p.len() && w[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
}

/// One cue occurrence: token index, byte range, kind, weight (0 = only with a habit word).
#[derive(Clone, Copy)]
struct Hit {
    tok: usize,
    /// Token holding the cue's last byte.
    last: usize,
    start: usize,
    kind: Kind,
    weight: u8,
}

/// A candidate finding in tokens `s..=e`.
#[derive(Clone, Copy)]
struct Seg {
    s: usize,
    e: usize,
    kind: Kind,
    weight: u8,
    negated: bool,
    /// Where the finding starts when a frame before the fact only says that there is one
    /// ("sprake was van | een psychose"): the segment keeps its verb until coordination is
    /// settled, the finding is the noun phrase.
    np: Option<usize>,
}

/// Whether two same-kind findings (tokens `first_start..=first_end` and
/// `second_start..=second_end`) with only "en" or a comma between them are one statement: words
/// coordinated under one verb ("heeft een verstandelijke beperking | en | epilepsie"). Two
/// clauses, each with a verb of its own, stay two findings whatever their length ("heeft
/// suikerziekte | en | is slechtziend", "moslim bent | en | elke vrijdag ... gaat"): one span
/// is one fact (corpus/GUIDELINES.md, special categories).
fn coordinated(
    text: &str,
    toks: &[Tok],
    first_start: usize,
    first_end: usize,
    second_start: usize,
    second_end: usize,
) -> bool {
    // Exactly one token between them: segments that touch (a clause broken by a line end,
    // the same phrase typed twice) or lie further apart are no coordination; the caller
    // guarantees nothing about the gap, so it is matched, never indexed.
    let first_has_verb = || {
        toks.get(first_start..first_end)
            .is_some_and(|first| first.iter().any(|t| ends_with_verb(text, t)))
    };
    let joiner = match toks.get(first_end + 1..second_start) {
        // After a comma only within a clause: the first part has a verb ("noemt zichzelf
        // moslim, niet praktiserend"); verbless phrases in a list are one fact each
        // ("ernstige depressie, GGZ-traject").
        Some([j]) if j.is_punct(text, b',') => first_has_verb(),
        Some([j]) => word_is(text, j, &["en"]) || (word_is(text, j, &["maar"]) && first_has_verb()),
        // "is veroordeeld in 2010, 2016 en 2018, maar ook langer geleden in 2003 wegens ...":
        // an elliptic "maar" without a verb of its own goes on with the first clause.
        Some([comma, maar]) => {
            comma.is_punct(text, b',') && word_is(text, maar, &["maar"]) && first_has_verb()
        }
        _ => false,
    };
    // The verbs of a dependent clause inside the second part are not its own ("en
    // concentratieproblemen | sinds hij ... gevangen heeft gezeten").
    let second_end = (second_start..=second_end)
        .find(|&k| k < toks.len() && dependent_start(text, toks, k))
        .map_or(second_end, |d| d.saturating_sub(1));
    let Some(second) = toks.get(second_start..=second_end) else {
        return false;
    };
    joiner
        && !ends_with_verb(text, &toks[first_end])
        && !starts_clause(text, toks, second_start)
        && !second
            .iter()
            .any(|t| ends_with_verb(text, t) || inseparable_participle(text, t))
}

/// A past participle without "ge" of a verb with an inseparable prefix: "bekeerd",
/// "veroordeeld", "ontslagen", "herkeurd". After a comma it makes the words a clause of their
/// own ("opgegroeid in een katholiek gezin, | in 2009 bekeerd tot de islam"). Checked only
/// on the words after a comma, where a noun or adjective of that shape ("bestand",
/// "verkeerd") rarely stands alone.
fn inseparable_participle(text: &str, t: &Tok) -> bool {
    if t.class != Class::Word || t.cap {
        return false;
    }
    let w = t.text(text).as_bytes();
    let prefixed = ["be", "ver", "ont", "her"]
        .iter()
        .any(|p| w.len() >= p.len() + 5 && w.starts_with(p.as_bytes()));
    prefixed && matches!(w[w.len() - 1], b'd' | b't') && !w.ends_with(b"heid")
}

/// Finite verb forms that open or close a clause in the statements the cues occur in. Not
/// "zijn" (also the possessive) at a clause start.
const VERBS: [&str; 87] = [
    "is",
    "was",
    "ben",
    "bent",
    "waren",
    "heeft",
    "heb",
    "hebt",
    "hebben",
    "had",
    "hadden",
    "gaat",
    "ga",
    "gaan",
    "ging",
    "gingen",
    "gebruikt",
    "gebruik",
    "gebruiken",
    "loopt",
    "loop",
    "liep",
    "zit",
    "zat",
    "staat",
    "sta",
    "stond",
    "kan",
    "kon",
    "moet",
    "moest",
    "wil",
    "wilde",
    "mag",
    "mocht",
    "zou",
    "zal",
    "wordt",
    "word",
    "werd",
    "krijgt",
    "krijg",
    "kreeg",
    "kregen",
    "neemt",
    "nam",
    "volgt",
    "volg",
    "draagt",
    "droeg",
    "bidt",
    "vast",
    "noemt",
    "houdt",
    "woont",
    "werkt",
    "kampt",
    "lijdt",
    "leed",
    "spuit",
    "slaapt",
    "sliep",
    "voelt",
    "voelde",
    "blijft",
    "bleef",
    "ligt",
    "lag",
    "rookt",
    "drinkt",
    "blowt",
    "hoort",
    "hoorde",
    "ziet",
    "zag",
    "ondergaan",
    "zitten",
    "staan",
    "wijst",
    "verwerpt",
    "steunt",
    "zegt",
    "spreekt",
    "leest",
    "bezoekt",
    "preekt",
    "organiseert",
];

/// Nouns that look like past participles (ge-…-d/t/en).
const GE_NOUNS: [&str; 10] = [
    "geleden",
    "geweld",
    "gebied",
    "gebieden",
    "gevallen",
    "gesprekken",
    "gebeden",
    "gedachten",
    "gezicht",
    "gericht",
];

/// "op dat moment", "in die tijd": "dat"/"die" after a preposition points, it opens no clause.
fn demonstrative(text: &str, toks: &[Tok], i: usize) -> bool {
    i > 0
        && word_is(text, &toks[i], &["dat", "die"])
        && word_is(
            text,
            &toks[i - 1],
            &["op", "in", "na", "tot", "sinds", "vanaf", "voor"],
        )
}

/// Whether a clause ends in this word: a finite verb ("moslim bent") or a past participle
/// ("de diagnose heeft gekregen", "heeft opgegeven").
fn ends_with_verb(text: &str, t: &Tok) -> bool {
    if t.class != Class::Word {
        return false;
    }
    if word_in(text, t, &VERB_SET) || word_is(text, t, &["zijn"]) {
        return true;
    }
    // A participle is six letters or more, ends in d, t or en and holds "ge": most words fail
    // that without a lower-cased copy.
    let b = t.text(text).as_bytes();
    if b.len() < 6
        || !matches!(b[b.len() - 1].to_ascii_lowercase(), b'd' | b't' | b'n')
        || !b.windows(2).any(|p| p.eq_ignore_ascii_case(b"ge"))
    {
        return false;
    }
    let w = lower(text, t);
    let stem = [
        "op", "af", "aan", "in", "uit", "mee", "over", "toe", "door", "bij", "vast",
    ]
    .iter()
    .find_map(|p| w.strip_prefix(p).filter(|r| r.starts_with("ge")))
    .unwrap_or(&w);
    stem.starts_with("ge")
        && stem.len() >= 6
        && (stem.ends_with('d') || stem.ends_with('t') || stem.ends_with("en"))
        && !stem.ends_with("heid")
        && !GE_NOUNS.contains(&stem)
}

/// Whether the tokens from `s` open a clause of their own: a finite verb ("en | is
/// slechtziend"), a subject pronoun ("en | hij ..."), or a verb with its subject after it
/// ("en | vast hij ...").
fn starts_clause(text: &str, toks: &[Tok], s: usize) -> bool {
    word_in(text, &toks[s], &VERB_SET)
        || word_in(text, &toks[s], &SUBJECT_SET)
        || toks
            .get(s + 1)
            .is_some_and(|n| word_in(text, n, &SUBJECT_SET))
}

pub(crate) fn detect(
    text: &str,
    toks: &[Tok],
    cue_starts: &[u32],
    found: &[Finding],
) -> Vec<Finding> {
    let hits = cue_hits(text, toks, cue_starts);
    // A person finding that is one word of origin ("eiser Hazara", "tot de Hazara") is the
    // people, not a person's name, for these rules.
    // One probe of the cue index, as for any word.
    let origin_word = |f: &Finding| {
        cue_index()
            .longest_at(text.as_bytes(), f.start)
            .is_some_and(|m| {
                is_origin_cue(m.pattern)
                    && matches!(crate::sub(text, m.end.min(f.end), f.end), "" | "'s")
            })
    };
    let mut persons: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| f.kind == Kind::Person && !origin_word(f))
        .map(|f| (f.start, f.end))
        .collect();
    // `found` is a few runs already in order (identifiers, then names, then birthdates): the
    // stable sort merges runs (equal pairs are the same pair, so the result is the same).
    persons.sort();
    // What ties a clause to a person: a name, or a personal identifier of a record
    // ("BSN: ... Woonadres: ... Is in 2017 aangehouden").
    let mut anchors: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                Kind::Person | Kind::Bsn | Kind::Address | Kind::Birthdate | Kind::Postcode
            )
        })
        .map(|f| (f.start, f.end))
        .collect();
    anchors.sort();

    let mut segs: Vec<Seg> = Vec::new();
    let mut entry_lines: Vec<(usize, usize)> = Vec::new(); // byte ranges handled as list entries
    for &(ps, _) in &persons {
        if !(ps == 0 || text.as_bytes()[ps - 1] == b'\n') {
            continue;
        }
        let line_start = ps;
        let line_end = memchr::memchr(b'\n', &text.as_bytes()[ps..]).map_or(text.len(), |p| ps + p);
        if entry_lines.last().is_some_and(|&(s, _)| s == line_start) {
            continue;
        }
        if let Some(body) = entry_body(text, toks, &persons, line_start, line_end) {
            entry_lines.push((line_start, line_end));
            list_entry(text, toks, &hits, body, line_end, &mut segs);
        }
    }
    let in_entry = |b: usize| {
        let i = entry_lines.partition_point(|&(s, _)| s <= b);
        i > 0 && entry_lines[i - 1].1 >= b
    };

    for (hi, h) in hits.iter().enumerate() {
        if in_entry(h.start) {
            continue;
        }
        if let Some(mut seg) = clause(text, toks, &hits, hi, &persons, &anchors) {
            list_items(text, toks, &seg, &mut segs);
            announcement_cut(text, toks, &mut seg);
            segs.push(seg);
        }
    }

    // Strongest first among segments starting together; overlaps of a weaker one are dropped.
    segs.sort_by(|x, y| {
        x.s.cmp(&y.s)
            .then(y.weight.cmp(&x.weight))
            .then(y.e.cmp(&x.e))
    });
    let mut kept: Vec<Seg> = Vec::with_capacity(segs.len());
    for sg in segs {
        if let Some(p) = kept.last_mut() {
            if sg.s <= p.e {
                if sg.kind == p.kind && sg.e > p.e {
                    p.e = sg.e;
                }
                continue;
            }
            if p.kind == sg.kind && coordinated(text, toks, p.s, p.e, sg.s, sg.e) {
                p.e = sg.e;
                p.negated &= sg.negated;
                continue;
            }
        }
        kept.push(sg);
    }
    // "heeft een knieblessure | waardoor hij | niet lang kan staan": the consequence of a
    // condition for the same person is a finding of its own (negated or not: "niet lang kan
    // staan" is the limitation).
    let mut consequences: Vec<Seg> = Vec::new();
    for sg in kept
        .iter()
        .filter(|sg| sg.kind == Kind::Health && !sg.negated)
    {
        if let Some((s, e)) = consequence_clause(text, toks, sg.e) {
            consequences.push(Seg {
                s,
                e,
                negated: false,
                np: None,
                ..*sg
            });
        }
    }
    if !consequences.is_empty() {
        kept.extend(consequences);
        kept.sort_by_key(|sg| sg.s);
        kept.dedup_by(|b, a| b.s <= a.e);
    }
    kept.into_iter()
        .filter(|sg| !sg.negated)
        .map(|sg| Finding {
            start: toks[sg.np.unwrap_or(sg.s)].start(),
            end: toks[sg.e].end(),
            kind: sg.kind,
            score: 0.7,
            rule: "special.cue_clause",
        })
        .collect()
}

/// All cue occurrences that may state a fact about a person, in text order.
/// `cue_starts`: the words at which a cue may begin ([`crate::token::Tokens::cue_starts`]).
fn cue_hits(text: &str, toks: &[Tok], cue_starts: &[u32]) -> Vec<Hit> {
    let ix = cue_index();
    let bytes = text.as_bytes();
    let boundary_ok = |s: usize, e: usize, whole: bool| {
        let before = s == 0 || !(bytes[s - 1].is_ascii_alphanumeric() || bytes[s - 1] >= 0x80);
        let after = e >= bytes.len() || !(bytes[e].is_ascii_alphanumeric() || bytes[e] >= 0x80);
        before && (!whole || after)
    };
    let mut raw: Vec<(usize, usize, &'static str, Kind, u8, bool)> = Vec::new();
    // Where a cue may start: every word, and inside a word after a hyphen or apostrophe
    // ("anti-islam"); no cue starts with anything but a letter. Two sorted streams, merged.
    let mut words = cue_starts.iter().map(|&p| p as usize).peekable();
    let mut joins = memchr::memchr2_iter(b'-', b'\'', bytes)
        .filter(|&h| h > 0 && h + 1 < bytes.len() && bytes[h + 1].is_ascii_alphabetic())
        .map(|h| h + 1)
        .peekable();
    let starts = std::iter::from_fn(|| match (words.peek(), joins.peek()) {
        (Some(&w), Some(&j)) if j < w => joins.next(),
        (Some(_), _) => words.next(),
        (None, _) => joins.next(),
    });
    let mut taken = 0; // matches do not overlap: the end of the last one
    let matches = starts.filter_map(|p| {
        if p < taken {
            return None;
        }
        let m = ix.longest_at(bytes, p)?;
        taken = m.end;
        Some(m)
    });
    for m in matches {
        let c = *cue(m.pattern);
        if m.pattern >= CUES.len() {
            // An acronym: only in its own spelling ("CDA", "PvdA"; not "denk").
            if crate::sub(text, m.start, m.end) == c.0 && boundary_ok(m.start, m.end, c.3) {
                raw.push((m.start, m.end, c.0, c.1, c.2, false));
            }
            continue;
        }
        let proper = c.1 == Kind::Political
            || matches!(
                c.0,
                "gülen"
                    | "gülenbeweging"
                    | "muhammadiyah"
                    | "ahmadiyya"
                    | "mouride"
                    | "islam"
                    | "adhd"
                    | "ptss"
                    | "hiv"
                    | "hiv-positief"
                    | "ggz"
                    | "jehova"
                    | "sikh"
                    | "alzheimer"
                    | "maliki"
                    | "malikitisch"
                    | "shafi"
                    | "hanafi"
                    | "sanatan dharma"
                    | "jezidi"
                    | "ahmadi"
                    | "sikhis"
                    | "asperger"
                    | "parkinson"
                    | "tbs"
                    | "ezidi"
                    | "bahai"
                    | "baha'i"
                    | "bahá'í"
                    | "yezidi"
                    | "ismaïli"
                    | "ismaili"
                    | "alawiet"
                    | "zoroastr"
                    | "emdr"
                    | "opiumwet"
            )
            || is_origin_cue(m.pattern);
        // An acronym written in capitals ("COPD", "TBC") is the cue, not a proper name.
        // Not as the name of a service: "verpleegkundige TBC", "afdeling COPD".
        let capitals = m.end - m.start >= 3
            && text.as_bytes()[m.start..m.end]
                .iter()
                .all(u8::is_ascii_uppercase)
            && !crate::sub(text, 0, m.start)
                .trim_end()
                .rsplit(' ')
                .next()
                .is_some_and(|w| {
                    [
                        "verpleegkundige",
                        "arts",
                        "afdeling",
                        "team",
                        "poli",
                        "polikliniek",
                    ]
                    .iter()
                    .any(|s| w.eq_ignore_ascii_case(s))
                });
        if boundary_ok(m.start, m.end, c.3)
            && (proper
                || capitals
                || !capitalised_mid_sentence(text, m.start)
                || (c.1 == Kind::Religion && member_of(text, m.start)))
        {
            if c.0 == "achtergrond" && !adjective_before(text, m.start) {
                continue;
            }
            raw.push((m.start, m.end, c.0, c.1, c.2, true));
        }
    }
    // Health compounds by their head noun ("somberheidsklachten", "depotmedicatie",
    // "rugpijn"): the cue index only looks at word starts.
    raw.sort_by_key(|r| r.0);
    let before = raw.len();
    for t in toks {
        if t.class != Class::Word || t.end() - t.start() < 7 {
            continue;
        }
        let w = &bytes[t.start()..t.end()];
        // Most words are ruled out by their last three bytes.
        if !may_end_in_head(w) {
            continue;
        }
        let Some(head) = health_head(w).or_else(|| drug_name(w).then_some("medicatie")) else {
            continue;
        };
        let i = raw[..before].partition_point(|r| r.0 < t.start());
        if raw[..before].get(i).is_some_and(|r| r.0 < t.end()) {
            continue; // a cue already starts in this word
        }
        if !capitalised_mid_sentence(text, t.start()) {
            raw.push((t.start(), t.end(), head, Kind::Health, 3, true));
        }
    }
    if raw.len() > before {
        raw.sort_by_key(|r| r.0);
    }
    let mut hits = Vec::with_capacity(raw.len());
    for (s, e, cue, kind, weight, lowercase_cue) in raw {
        let ti = toks.partition_point(|t| t.end() <= s);
        if ti >= toks.len() || toks[ti].start() > s {
            continue;
        }
        // "[eisende partij]", "[naam ziekenhuis]": a word of the anonymisation's placeholder
        // names the party, it states nothing about it.
        if in_placeholder(text, toks, ti) {
            continue;
        }
        let t = &toks[ti];
        // The rest of the word after the cue: plural group nouns and organisation compounds.
        let rest = crate::sub(text, e.min(t.end()), t.end().max(e));
        if lowercase_cue
            && GROUP_NOUNS.contains(&cue)
            && PLURAL_RESTS.iter().any(|r| r.eq_ignore_ascii_case(rest))
        {
            continue;
        }
        // "vakbondsconsulent": the adviser, not the membership.
        if starts_with_any(rest, &ORG_NOUNS)
            || (cue == "vakbond" && !rest.is_empty() && !starts_with_any(rest, &["slid"]))
        {
            continue;
        }
        // "een salafistische moskee": an adjective cue of an organisation noun.
        if toks
            .get(ti + 1)
            .is_some_and(|n| n.class == Class::Word && starts_with_any(n.text(text), &ORG_NOUNS))
            && !word_is(text, t, &["naar", "in"])
        {
            continue;
        }
        // "kritisch over orthodoxe sprekers", "over je ziekmelding": a topic, not a fact.
        if (ti.saturating_sub(4)..ti)
            .rev()
            .take_while(|&k| !is_hard_bound(text, &toks[k]))
            .any(|k| topic_word(text, toks, k))
        {
            continue;
        }
        // "slaat", "stak": an act only where an offender does it, not a victim's account.
        if VIOLENT_ACTS.contains(&cue) && !violent_act(text, toks, ti) {
            continue;
        }
        if cue == "relatie met een" && !same_sex_relation(text, toks, ti) {
            continue;
        }
        // "is zij met haar betrapt": caught with a partner of the same sex.
        if matches!(cue, "met haar betrapt" | "met hem betrapt")
            && sex_before(text, toks, ti) != Some(cue == "met haar betrapt")
        {
            continue;
        }
        // "een mate van arbeidsongeschiktheid van 50%", "werkhervatting gedeeltelijk
        // arbeidsongeschikten": how a benefit is computed or named, not a finding.
        if cue == "arbeidsongeschikt" && benefit_degree(text, toks, ti, rest) {
            continue;
        }
        // "De bedrijfsarts heeft vastgesteld": the practitioner acting, not a person's care
        // (that is "bij de huisarts", "onder behandeling van een cardioloog").
        if PRACTITIONERS.contains(&cue)
            && !(ti.saturating_sub(4)..ti)
                .rev()
                .take_while(|&k| !is_hard_bound(text, &toks[k]))
                .any(|k| word_is(text, &toks[k], &CARE))
        {
            continue;
        }
        // "dat verdachte in één van de slaapkamers was": "verdachte in" is a status ("is
        // verdachte in een strafzaak") only after a copula or "als".
        if cue == "verdachte in"
            && !ti.checked_sub(1).is_some_and(|b| {
                word_is(text, &toks[b], &COPULAS)
                    || word_is(text, &toks[b], &["als", "werd", "wordt", "bleef", "blijft"])
            })
        {
            continue;
        }
        // "aangehouden in afwachting van": a decision put on hold.
        if cue == "aangehouden"
            && toks
                .get(ti + 2)
                .is_some_and(|n| word_is(text, n, &["afwachting"]))
        {
            continue;
        }
        if matches!(kind, Kind::Criminal | Kind::Religion)
            && said_of_no_one(text, toks, ti, e, cue, kind)
        {
            continue;
        }
        // "Uit de justitiële documentatie blijkt dat ...", "Volgens het uittreksel justitiële
        // documentatie ...": the source, not the fact.
        if kind == Kind::Criminal
            && (ti >= 1 && word_is(text, &toks[ti - 1], &["uit", "uittreksel"])
                || ti >= 2
                    && word_is(text, &toks[ti - 2], &["uit"])
                    && word_is(text, &toks[ti - 1], &["de", "het", "zijn", "haar"]))
        {
            continue;
        }
        // "Ons kenmerk: FNV-OVH/2023/1187": a reference code, no fact.
        if ti >= 2
            && toks[ti - 1].is_punct(text, b':')
            && word_is(
                text,
                &toks[ti - 2],
                &[
                    "kenmerk",
                    "referentie",
                    "zaaknummer",
                    "dossiernummer",
                    "nummer",
                ],
            )
        {
            continue;
        }
        // "de benadeelde partij", "beide partijen": a party to proceedings, no politics.
        if cue == "partij"
            && (rest.eq_ignore_ascii_case("en")
                || ti
                    .checked_sub(1)
                    .is_some_and(|b| word_is(text, &toks[b], &PROCEDURE_PARTY)))
        {
            continue;
        }
        // "geloof ik", "geloof je dat": I think, no faith.
        if cue == "geloof"
            && rest.is_empty()
            && toks
                .get(ti + 1)
                .is_some_and(|n| word_is(text, n, &["ik", "je", "jij", "u", "we", "wij"]))
        {
            continue;
        }
        // "geloofwaardig": credible, no belief.
        if cue == "geloof" && starts_with_any(rest, &["waardig"]) {
            continue;
        }
        // "Verweerder gelooft niet dat ...": the verb believes; only "gelooft in God" is faith.
        if (cue == "geloven" || (cue == "geloof" && ["t", "de", "den"].contains(&rest)))
            && !toks
                .get(ti + 1)
                .is_some_and(|n| word_is(text, n, &["in", "aan"]))
        {
            continue;
        }
        // An adjective or noun of origin only where it is said of a person.
        if kind == Kind::Ethnicity && ORIGINS.contains(&cue) && !origin_context(text, toks, ti) {
            continue;
        }
        let last = ti + toks[ti..].partition_point(|t| t.end() < e);
        hits.push(Hit {
            tok: ti,
            last: last.min(toks.len() - 1),
            start: s,
            kind,
            weight,
        });
    }
    hits
}

/// Whether the cue `cue` at token `ti` (ending at byte `e`) names what is no fact of a person:
/// a victim's report, the court's act, a time. Kept out of [`cue_hits`], whose loop runs for
/// every cue.
#[inline(never)]
fn said_of_no_one(text: &str, toks: &[Tok], ti: usize, e: usize, cue: &str, kind: Kind) -> bool {
    // "aangifte gedaan van diefstal", "slachtoffer van mishandeling": the victim's report.
    // "[slachtoffer 1] heeft gedood": the ruling's placeholder for the victim is the object;
    // so is the victim of a violent act ("heeft het slachtoffer geslagen": `violent_act`).
    if kind == Kind::Criminal
        && !VIOLENT_ACTS.contains(&cue)
        && (ti.saturating_sub(4)..ti).any(|k| {
            starts_with_any(
                toks[k].text(text),
                &["aangifte", "slachtoffer", "benadeelde"],
            ) && !(k > 0 && toks[k - 1].is_punct(text, b'['))
        })
    {
        return true;
    }
    // "een zware straf uit te spreken": the court's act; "de feiten bekend waren": known,
    // not confessed; "de moord op X", "na de moord": the victim's, a time.
    let next = toks.get(ti + toks[ti..].partition_point(|t| t.start() < e));
    let prev2 = (ti.saturating_sub(2)..ti).any(|k| {
        word_is(
            text,
            &toks[k],
            &["na", "sinds", "tijdens", "rond", "voor", "vóór"],
        )
    });
    if (cue == "straf uit" && next.is_some_and(|n| word_is(text, n, &["te"])))
        || (matches!(cue, "feiten bekend" | "feit bekend")
            && next.is_some_and(|n| n.class == Class::Word && !word_is(text, n, &["en", "maar"])))
        || (OFFENCES.contains(&cue) && (prev2 || next.is_some_and(|n| word_is(text, n, &["op"]))))
        // "een bedreiging voor de openbare orde": a danger, no offence; "kan leiden tot
        // nieuwe bedreigingen": a risk.
        || (cue == "bedreiging" && next.is_some_and(|n| word_is(text, n, &["voor"])))
        || (OFFENCES.contains(&cue)
            && (ti.saturating_sub(3)..ti)
                .any(|k| word_is(text, &toks[k], &["leiden", "leidt", "leidde", "leidden"])))
        || (matches!(cue, "suikerfeest" | "offerfeest") && prev2)
    {
        return true;
    }
    // "ten tijde van de ten laste gelegde feiten": a time, not a fact of its own.
    if kind == Kind::Criminal
        && (ti.saturating_sub(4)..ti).any(|k| {
            k >= 1 && word_is(text, &toks[k], &["tijde"]) && word_is(text, &toks[k - 1], &["ten"])
        })
    {
        return true;
    }
    false
}

/// Words before "partij" that make it a party to proceedings or a contract.
const PROCEDURE_PARTY: [&str; 9] = [
    "benadeelde",
    "beide",
    "andere",
    "derde",
    "wederpartij",
    "betrokken",
    "verwerende",
    "gedaagde",
    "eisende",
];

/// Head nouns that make a compound a health fact ("somberheidsklachten", "depotmedicatie",
/// "persoonlijkheidsstoornis", "rugpijn", "gokverslaving"), with the modifiers that make
/// the same head something else ("geluidsklachten", "politieoperatie").
const HEALTH_HEADS: [(&str, &[&str]); 31] = [
    (
        "klachten",
        &[
            "geluids",
            "buren",
            "overlast",
            "stank",
            "consumenten",
            "klanten",
            "burger",
            "bezwaar",
            "meldings",
            "ontvangen",
        ],
    ),
    (
        "klacht",
        &[
            "geluids",
            "buren",
            "overlast",
            "stank",
            "consumenten",
            "klanten",
            "burger",
            "bezwaar",
        ],
    ),
    ("medicatie", &[]),
    ("stoornis", &[]),
    ("stoornissen", &[]),
    ("ziekte", &[]),
    ("depressie", &[]),
    ("psychose", &[]),
    ("therapie", &[]),
    (
        "operatie",
        &[
            "politie",
            "reddings",
            "zoek",
            "opsporings",
            "vredes",
            "militaire",
        ],
    ),
    ("pijn", &["scheidings"]),
    ("verslaving", &[]),
    ("verslaafd", &[]),
    ("letsel", &[]),
    ("kanker", &[]),
    ("ontsteking", &[]),
    ("infarct", &[]),
    ("itis", &[]),
    ("rolstoel", &[]),
    ("allergie", &[]),
    ("syndroom", &[]),
    ("blessure", &[]),
    ("aandoening", &[]),
    ("handicap", &[]),
    ("trauma", &[]),
    ("tumor", &[]),
    ("infectie", &["computer", "virus"]),
    ("fobie", &["homo", "islamo", "xeno", "trans", "bi"]),
    ("diabetes", &[]),
    ("medicijnen", &[]),
    (
        "opname",
        &[
            "video", "geluids", "beeld", "camera", "foto", "lucht", "film", "band", "radio", "tv",
        ],
    ),
];

/// Endings of medicine names (international non-proprietary names as Dutch writes them:
/// "oxazepam", "omeprazol", "simvastatine", "metoprolol", "fluoxetine", "quetiapine",
/// "risperidon", "amoxicilline"): a word of at least eight letters ending in one is a medicine.
const DRUG_ENDINGS: [&str; 22] = [
    "azepam",
    "zolam",
    "prazol",
    "statine",
    "olol",
    "oxetine",
    "apine",
    "peridon",
    "cilline",
    "mycine",
    "profen",
    "triptyline",
    "alopram",
    "faxine",
    "peridol",
    "formine",
    "pramine",
    "azide",
    "picine",
    "cycline",
    "umab",
    "tinib",
];

/// Whether the word `w` names a medicine by its ending ([`DRUG_ENDINGS`]).
fn drug_name(w: &[u8]) -> bool {
    let Some(&[a, b, c]) = w.last_chunk::<3>() else {
        return false;
    };
    let k = tail_key(a, b, c);
    DRUG_TAILS[k / 64] & (1 << (k % 64)) != 0
        && w.len() >= 8
        && w.iter().all(u8::is_ascii_alphabetic)
        && DRUG_ENDINGS.iter().any(|e| {
            w.len() > e.len() + 2 && w[w.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
        })
}

/// The index of a word's last three bytes in [`HEAD_TAILS`]: the low five bits of each (the
/// same for both cases of an ASCII letter).
const fn tail_key(a: u8, b: u8, c: u8) -> usize {
    (((a & 31) as usize) << 10) | (((b & 31) as usize) << 5) | ((c & 31) as usize)
}

/// Bit [`tail_key`] is set for the last three bytes of every head of [`HEALTH_HEADS`] and
/// every ending of [`DRUG_ENDINGS`], built at compile time (4 KiB). A clear bit proves that
/// the word ends in none of them; a set bit may be a false alarm (the lists decide).
static HEAD_TAILS: [u64; 512] = {
    let mut set = [0u64; 512];
    let mut i = 0;
    while i < HEALTH_HEADS.len() + DRUG_ENDINGS.len() {
        let h = if i < HEALTH_HEADS.len() {
            HEALTH_HEADS[i].0.as_bytes()
        } else {
            DRUG_ENDINGS[i - HEALTH_HEADS.len()].as_bytes()
        };
        let n = h.len();
        let k = tail_key(h[n - 3], h[n - 2], h[n - 1]);
        set[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    set
};

/// The last three bytes of every ending of [`DRUG_ENDINGS`] alone, as [`HEAD_TAILS`]: most
/// words that may end in a head ("-klachten": every word in "-ten") end in no medicine, and
/// one probe says so before the endings are compared.
static DRUG_TAILS: [u64; 512] = {
    let mut set = [0u64; 512];
    let mut i = 0;
    while i < DRUG_ENDINGS.len() {
        let h = DRUG_ENDINGS[i].as_bytes();
        let n = h.len();
        let k = tail_key(h[n - 3], h[n - 2], h[n - 1]);
        set[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    set
};

/// Whether the word `w` may end in a head or a drug ending ([`HEAD_TAILS`]).
fn may_end_in_head(w: &[u8]) -> bool {
    let Some(&[a, b, c]) = w.last_chunk::<3>() else {
        return false;
    };
    let k = tail_key(a, b, c);
    HEAD_TAILS[k / 64] & (1 << (k % 64)) != 0
}

/// For each pair of last bytes (the low five bits of each), the heads of [`HEALTH_HEADS`]
/// that end in them (bit `i`: head `i`), built at compile time (4 KiB): a word is compared
/// with these heads only, in list order (the generated text has many words that end like
/// some head, "-ten", "-tie": comparing each with every head was 2 % of the detector's
/// instructions, passing over the heads of other endings one by one still 0.3 %).
static HEAD_ENDS: [u32; 1024] = {
    assert!(HEALTH_HEADS.len() <= 32);
    let mut ends = [0u32; 1024];
    let mut i = 0;
    while i < HEALTH_HEADS.len() {
        let h = HEALTH_HEADS[i].0.as_bytes();
        let n = h.len();
        ends[tail_key(0, h[n - 2], h[n - 1])] |= 1 << i;
        i += 1;
    }
    ends
};

/// The head of [`HEALTH_HEADS`] that the word `w` (a compound, longer than its head) ends in.
fn health_head(w: &[u8]) -> Option<&'static str> {
    let &[_, b, c] = w.last_chunk::<3>()?;
    let mut heads = HEAD_ENDS[tail_key(0, b, c)];
    while heads != 0 {
        let (head, not) = HEALTH_HEADS[heads.trailing_zeros() as usize];
        heads &= heads - 1;
        let h = head.as_bytes();
        let Some(cut) = w.len().checked_sub(h.len()).filter(|&c| c >= 3) else {
            continue;
        };
        let (modifier, tail) = w.split_at(cut);
        if tail.eq_ignore_ascii_case(h)
            && modifier
                .last()
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'-')
            && !not
                .iter()
                .any(|m| modifier.eq_ignore_ascii_case(m.as_bytes()))
        {
            return Some(head);
        }
    }
    None
}

/// Longest line (bytes) read as a list entry.
const MAX_ENTRY_LINE: usize = 320;

/// For a list entry line ("Naam - rol, Plaats. Typering; typering."), the token index where the
/// typeringen start.
fn entry_body(
    text: &str,
    toks: &[Tok],
    persons: &[(usize, usize)],
    line_start: usize,
    line_end: usize,
) -> Option<usize> {
    // Entries are short lines; a paragraph that starts with a name is prose.
    if line_end - line_start > MAX_ENTRY_LINE {
        return None;
    }
    let first = toks.partition_point(|t| t.end() <= line_start);
    let t0 = toks.get(first)?;
    if t0.start() != line_start || !covers(persons, t0.start(), t0.end()) {
        return None;
    }
    // A dash after the name (and an alias in brackets) within a few tokens.
    let mut k = first;
    let mut dash = None;
    while k < toks.len() && toks[k].start() < line_end && k < first + 14 {
        // A free-standing dash: "Naam - rol", not the dashes inside "07-05-1998".
        let free = toks[k].space_before
            && toks
                .get(k + 1)
                .is_some_and(|n| n.space_before && n.nl_before == 0);
        if free && (toks[k].is_punct(text, b'-') || toks[k].text(text) == "–") {
            dash = Some(k);
            break;
        }
        k += 1;
    }
    let dash = dash?;
    // The header (role, place) ends at the first full stop after the dash.
    let mut k = dash + 1;
    while k < toks.len() && toks[k].start() < line_end {
        if toks[k].is_punct(text, b'.') && toks.get(k + 1).is_some_and(|n| n.nl_before == 0) {
            return Some(k + 1);
        }
        k += 1;
    }
    None
}

/// Typeringen of a list entry: fragments split at "." and ";" (and ":"), then at commas; a
/// fragment with a cue (or a bare origin adjective) is one finding, parentheses included.
fn list_entry(
    text: &str,
    toks: &[Tok],
    hits: &[Hit],
    body: usize,
    line_end: usize,
    segs: &mut Vec<Seg>,
) {
    let mut k = body;
    let mut depth = 0i32;
    let mut frag_start = body;
    let mut prev: Option<Seg> = None; // last comma part, merged with a same-kind neighbour
    while k <= toks.len() {
        let at_end = k == toks.len() || toks[k].start() >= line_end;
        let t = toks.get(k);
        let sep = match t {
            Some(t) if !at_end && t.class == Class::Punct => match text.as_bytes()[t.start()] {
                b'(' => {
                    depth += 1;
                    0
                }
                b')' => {
                    depth -= 1;
                    0
                }
                b'.' | b';' | b':' if depth <= 0 => 2,
                b',' if depth <= 0 => 1,
                _ => 0,
            },
            _ => 0,
        };
        if at_end || sep > 0 {
            if k > frag_start {
                if let Some(sg) = fragment(text, toks, hits, frag_start, k - 1) {
                    match prev {
                        Some(p) if p.kind == sg.kind => {
                            prev = Some(Seg { e: sg.e, ..p });
                        }
                        Some(p) => {
                            segs.push(p);
                            prev = Some(sg);
                        }
                        None => prev = Some(sg),
                    }
                } else if let Some(p) = prev.take() {
                    // "veroordeeld 2015 (haatzaaien), | in beroep herzien": more of the fact.
                    if participle_tail(text, toks, frag_start - 1) == Some(k - 1) {
                        prev = Some(Seg { e: k - 1, ..p });
                    } else {
                        segs.push(p);
                    }
                }
            }
            if sep != 1 {
                if let Some(p) = prev.take() {
                    segs.push(p);
                }
            }
            frag_start = k + 1;
            depth = 0;
        }
        if at_end {
            break;
        }
        k += 1;
    }
}

fn fragment(text: &str, toks: &[Tok], hits: &[Hit], s: usize, e: usize) -> Option<Seg> {
    let from = hits.partition_point(|h| h.tok < s);
    let best = hits[from..]
        .iter()
        .take_while(|h| h.tok <= e)
        .filter(|h| h.weight > 0)
        .max_by_key(|h| h.weight);
    let kind = match best {
        Some(h) => h.kind,
        None => {
            // A bare origin ("Koerdisch", "Surinaams-Javaans", "Isaaq-clan") or "traditioneel".
            if e - s > 2 {
                return None;
            }
            if starts_with_any(toks[s].text(text), &ORIGINS) && toks[s].cap {
                Kind::Ethnicity
            } else if (s..=e).any(|k| word_is(text, &toks[k], &["traditioneel", "orthodox"])) {
                Kind::Religion
            } else {
                return None;
            }
        }
    };
    // "(niet bevestigd)" qualifies the source, it does not deny the fact.
    let mut depth = 0i32;
    let negated = (s..=e).any(|k| {
        if toks[k].is_punct(text, b'(') {
            depth += 1;
        } else if toks[k].is_punct(text, b')') {
            depth -= 1;
        }
        depth <= 0 && word_is(text, &toks[k], &NEGATIONS)
    });
    Some(Seg {
        s,
        e,
        kind,
        weight: 5,
        negated,
        np: None,
    })
}

/// The clause around the cue `hits[hi]` as it states the fact about a person, if it does.
fn clause(
    text: &str,
    toks: &[Tok],
    hits: &[Hit],
    hi: usize,
    persons: &[(usize, usize)],
    anchors: &[(usize, usize)],
) -> Option<Seg> {
    let h = hits[hi];
    let (c, kind, weight) = (h.tok, h.kind, h.weight);
    if in_law_title(text, toks, c) || names_source(text, toks, c) {
        return None;
    }
    if kind == Kind::Criminal && feared(text, toks, c) {
        return None;
    }
    // A place of worship after another cue of its clause is that cue's adjunct ("bezoekt het
    // vrijdaggebed | in een moskee"), not a clause of its own.
    let after_cue = |l: usize| {
        hits[..hi]
            .iter()
            .rev()
            .take_while(|x| x.tok >= l)
            .any(|x| x.kind == kind)
    };
    // "de verdachte" names a person by role; what is said of them is the fact ("de verdachte
    // | is in 2019 veroordeeld"), not the noun itself.
    if c > 0
        && word_in(text, &toks[c], &SUBJECT_NOUN_SET)
        && word_is(
            text,
            &toks[c - 1],
            &["de", "het", "een", "van", "door", "aan", "met"],
        )
    {
        return None;
    }
    // Left bound: a hard or soft boundary, or a line break.
    let mut l = c;
    while l > 0 {
        let p = &toks[l - 1];
        if clause_bound(text, toks, l - 1)
            || line_break(text, toks, l)
            || p.tab_before(text, &toks[l])
            || (word_in(text, p, &SOFT_BOUND_SET)
                && !demonstrative(text, toks, l - 1)
                && !own_account(text, toks, l - 1)
                && (l < 2 || !insertion_comma(text, toks, l - 2))
                && !placeholder_join(text, toks, l - 1)
                && !modifiers_joined(text, toks, l - 1))
        {
            break;
        }
        l -= 1;
    }
    // "- doodslag;": a list's bullet is no part of the clause.
    if l < c && toks[l].nl_before > 0 && bullet(text, &toks[l]) {
        l += 1;
    }
    // "De verdachte is bij arrest van ... wegens "moord", | veroordeeld tot ...": the
    // participle after a comma completes the auxiliary before it.
    if let Some(aux) = pending_auxiliary(text, toks, l, persons) {
        l = aux;
    }
    // Right bound; "volgens"/"aldus" are cut below, after the last cue.
    let mut r = c;
    while r + 1 < toks.len() {
        let n = &toks[r + 1];
        if clause_bound(text, toks, r + 1)
            || line_break(text, toks, r + 1)
            || toks[r].tab_before(text, n)
        {
            if let Some(end) = participle_tail(text, toks, r + 1) {
                r = end;
            }
            break;
        }
        // Soft bounds the clause goes on over: "volgens"/"aldus" (cut below), "heeft die
        // afgedaan", the "en" of an enumeration ("in 2010, 2016 en 2018").
        let goes_on = || {
            word_is(text, n, &["volgens", "aldus"])
                || (r >= c && toks[r].class == Class::Word && dependent_start(text, toks, r + 1))
                || (word_is(text, n, &["die", "dat"]) && word_is(text, &toks[r], &AUX))
                || enumeration_end(text, toks, r + 1)
                || placeholder_join(text, toks, r + 1)
                || verb_pending(text, toks, l, r)
                || participles_joined(text, toks, r)
                || that_is(text, toks, r + 1)
                || refers_back(text, toks, r + 1)
                || (r >= c && noun_phrases_joined(text, toks, r + 1))
                || (word_is(text, n, &["dat"]) && content_comma(text, toks, r))
                || (r >= c && coordinated_adjunct(text, toks, c, r + 1))
                || (r == h.last && predicate_relative(text, toks, l, c, r + 1))
        };
        if word_in(text, n, &SOFT_BOUND_SET) && !goes_on() {
            break;
        }
        if main_clause_after(text, toks, l, c, r) {
            break;
        }
        r += 1;
    }
    // "de vrouw die | vanwege haar geloof een hoofddoek draagt | in een telefoongesprek of
    // ...": a relative clause in the middle of its sentence ends in its verb.
    if let Some(v) = relative_clause_end(text, toks, l, c, r) {
        r = v;
    }
    // A heading or a form label ("Diagnose", "Eerste ziektedag: 8 januari"): a line of at
    // most three words, or the words before a colon at the start of a line, names a topic,
    // not a fact about a person.
    let line_start = l == 0 || toks[l].nl_before > 0;
    let ends_line_or_label = toks
        .get(r + 1)
        .is_none_or(|n| n.nl_before > 0 || n.is_punct(text, b':'));
    if line_start
        && ends_line_or_label
        && r - l < 3
        && toks[l..=r].iter().all(|t| t.class == Class::Word)
    {
        return None;
    }
    if line_start && verbless_label(text, toks, l, r) {
        return None;
    }
    // "Bij het bepalen van de straf en maatregel heeft de rechtbank rekening gehouden met ...":
    // the court acting on a case, not a fact stated of a person.
    if kind == Kind::Criminal && authority_acts(text, toks, l, r, persons) {
        return None;
    }
    // "Van der Staaij (SGP)", "de fracties van SP en PvdA": an office holder's party in a
    // parliamentary or council record is a public capacity, not an opinion.
    if kind == Kind::Political && office_party(text, toks, l, c, h.last, persons) {
        return None;
    }
    // "Zoals ik zei | heb ik ...": the aside before the clause is not part of it.
    if word_is(text, &toks[l], &["zoals"])
        && l + 3 < c
        && word_in(text, &toks[l + 1], &SUBJECT_SET)
        && toks[l + 2].class == Class::Word
    {
        l += 3;
    }
    if weight == 0 && after_cue(l) {
        return None;
    }
    // Subject: a pronoun, a person name, "cliënt" or "mijn vrouw" in the clause start.
    let mut start = l;
    let mut k = l;
    while k <= c + 1 && k <= r {
        let t = &toks[k];
        let is_person = covers(persons, t.start(), t.end());
        if word_is(text, t, &POSSESSIVES)
            && k < c
            && toks.get(k + 1).is_some_and(|n| word_is(text, n, &KIN))
        {
            start = k + 2;
            // "Mijn dochter | Akosua zit ...": the name after the kin noun is the subject too.
            if start < c && covers(persons, toks[start].start(), toks[start].end()) {
                while start < c && covers(persons, toks[start].start(), toks[start].end()) {
                    start += 1;
                }
            } else if start < c {
                if let Some(end) = name_run(text, toks, start, c) {
                    start = end + 1;
                }
            }
            break;
        }
        // A name the name detector did not resolve: "Volgens een bron is De Boer ...",
        // "Peters zou ... zijn".
        if !is_person && k < c {
            if let Some(end) = name_run(text, toks, k, c) {
                start = end + 1;
                break;
            }
        }
        // "mevrouw Jansen", "meneer El Amrani": the name after the title is the subject.
        if word_is(text, t, &["mevrouw", "meneer"])
            && k < c
            && toks
                .get(k + 1)
                .is_some_and(|n| n.cap || covers(persons, n.start(), n.end()))
        {
            k += 1;
            continue;
        }
        // "[appellant] is ...", "dat [eiser] een alcoholprobleem had", "heeft [eiseres] zich
        // ... ziek gemeld": a party the ruling's anonymisation names stands where a pronoun
        // would, as subject before its verb or inverted after it; after a preposition
        // ("mishandeling van [slachtoffer]") it is none.
        if let Some(q) = placeholder_end(text, toks, k).filter(|&q| q < c) {
            if k > l && finite_like(text, &toks[k - 1]) {
                start = k - 1;
                break;
            }
            if k == l {
                start = placeholders_end(text, toks, q, c) + 1;
                break;
            }
            k = q + 1;
            continue;
        }
        // "[slachtoffer 1]": a party the ruling's anonymisation names, not the subject.
        let bracketed = k > 0 && toks[k - 1].is_punct(text, b'[');
        // "een Koerdisch meisje": a person noun after the cue is the phrase's head.
        let head_after_cue = k > c && word_is(text, t, &ORIGIN_PERSONS);
        if word_in(text, t, &SUBJECT_SET)
            || is_person
            || (word_in(text, t, &SUBJECT_NOUN_SET) && !bracketed && !head_after_cue)
        {
            let mut kk = k;
            while is_person && kk < r && covers(persons, toks[kk + 1].start(), toks[kk + 1].end()) {
                kk += 1;
            }
            // "de verdachte": the article is no inverted verb.
            let article = k > 0 && word_is(text, &toks[k - 1], &["de", "het", "een"]);
            // "heeft de verdachte": the verb before the article is inverted.
            let verb_article =
                article && k >= l + 2 && !is_person && finite_like(text, &toks[k - 2]);
            if verb_article {
                start = k - 2;
            } else if k > l
                && !article
                && toks[k - 1].class == Class::Word
                && !toks[k - 1].cap
                && !is_person
                && !word_is(text, t, &OBJECTS)
                && !word_is(text, &toks[k - 1], &NOT_VERBS)
                && !word_is(text, &toks[k - 1], &PREPOSITIONS)
            {
                // Inversion: "bidt hij", "is hij".
                start = k - 1;
            } else {
                start = kk + 1;
                // "De cliënt Pieter Smit | weigert ...": the name after the role noun is the
                // same subject.
                while !is_person
                    && start < c
                    && covers(persons, toks[start].start(), toks[start].end())
                {
                    start += 1;
                }
                // "De moeder van eiser | is ...": the party after "van" is part of the subject.
                if !is_person && start < c {
                    if let Some(e) = party_of(text, toks, persons, start) {
                        start = if e < c { e + 1 } else { start };
                    }
                }
            }
            break;
        }
        k += 1;
    }
    // "Als hij voor een nachtdienst wordt ingedeeld | meldt hij zich ziek": the subject found
    // first belongs to a subordinate clause before the main one; the fact starts at the main
    // clause's inverted verb.
    if let Some(v) = main_after_subordinate(text, toks, l, start, c) {
        start = v;
    }
    // "De psychiater | heeft haar opgenomen", "De politie | heeft hem aangehouden": a noun
    // subject acting on the person, who is the object pronoun; the fact starts at the verb.
    if let Some(v) = verb_before_object(text, toks, l, c).filter(|&v| start <= v + 2) {
        start = v;
    }
    // "dat de arts | ... de diagnose ... heeft gesteld": the subject of a subordinate clause
    // (an article and a noun right after the conjunction) stays outside, as a person's does.
    if start == l && subordinate_subject(text, toks, l, c) {
        start = l + 2;
    }
    // A name after the cue ("In 2014 bekeerde | Anna Smit | zich tot de islam") is a person
    // span of its own, which no special span may hold: the fact starts after it, as after
    // "is Kees Oak" (`special_cases.txt`).
    let name_after_cue = start > c + 1
        && start <= r
        && covers(persons, toks[start - 1].start(), toks[start - 1].end());
    if start > c && !name_after_cue {
        // The cue itself was skipped: the subject came after it ("Bidt hij").
        start = if start > r { c } else { start.min(c) };
    }
    // "Mevrouw | heeft COPD (en gebruikt ...)": a sentence about the person a report calls by
    // title alone.
    let titled_subject = titled_sentence(text, toks, start);
    if !titled_subject && !person_near(text, toks, start, r, anchors) {
        return None;
    }
    // An organisation as subject: "de moskee als organisatie ... volgt". Not a weak cue
    // itself after a visiting verb and a word of frequency ("en bezoekt wekelijks | de
    // moskee"): the place a person goes to.
    let visited = weight == 0
        && (l..c).any(|k| word_is(text, &toks[k], &["bezoekt", "bezocht", "bezoeken"]))
        && (l..c).any(|k| {
            word_is(text, &toks[k], &HABITUAL)
                && !word_is(
                    text,
                    &toks[k],
                    &["bezoekt", "bezocht", "bezoeken", "gaat", "lid"],
                )
        });
    let org_end = if visited { c.saturating_sub(1) } else { c };
    if (l..org_end).any(|k| {
        word_is(text, &toks[k], &["de", "het", "deze"])
            && toks
                .get(k + 1)
                .is_some_and(|n| starts_with_any(n.text(text), &ORG_NOUNS))
    }) && !(l..c).any(|k| {
        word_in(text, &toks[k], &SUBJECT_SET) || covers(persons, toks[k].start(), toks[k].end())
    }) {
        return None;
    }
    // "De partij heeft ...": the cue noun is itself the subject, not a person's fact.
    if word_is(text, &toks[l], &["de", "het", "deze"])
        && (l + 1..c).all(|k| toks[k].class == Class::Word && !toks[k].cap)
        && toks.get(c + 1).is_some_and(|n| {
            word_is(text, n, &FINITE) || word_is(text, n, &["hebben", "zijn", "waren", "wordt"])
        })
    {
        return None;
    }
    // "omdat zijn homoseksuele geaardheid daar niet geaccepteerd wordt": the clause is about
    // believing or accepting the fact, which is the noun phrase; a group may be the one that
    // does ("Zijn ouders accepteerden | zijn geaardheid | niet").
    let credence = credence_noun_phrase(text, toks, l, c, h.last, r);
    // "De Somalische gelovigen bidden", "sommige vrouwen ...": a group, not a person.
    if credence.is_none()
        && (l..c).any(|k| word_is(text, &toks[k], &GROUP_SUBJECTS))
        && !(l..c).any(|k| {
            word_in(text, &toks[k], &SUBJECT_SET) || covers(persons, toks[k].start(), toks[k].end())
        })
    {
        return None;
    }
    // "volgens een respondent | in 2016 ...": the source is not part of the fact.
    if start == l && l > 0 && word_is(text, &toks[l - 1], &["volgens"]) {
        let mut k = start;
        while k < c
            && word_is(
                text,
                &toks[k],
                &[
                    "een", "de", "het", "twee", "drie", "enkele", "meerdere", "sommige", "eigen",
                ],
            )
        {
            k += 1;
        }
        if k < c {
            start = k + 1;
        }
    }
    // "De psychiater | stelde bij haar een depressie vast": a practitioner before the verb is
    // a subject, outside the span, as any subject is (`corpus/GUIDELINES.md`).
    if start + 2 < c
        && word_is(text, &toks[start], &["de", "het", "een"])
        && (word_is(text, &toks[start + 1], &PRACTITIONERS)
            || word_is(text, &toks[start + 1], &PRACTITIONER_ACTORS))
        && toks[start + 2].class == Class::Word
        && !toks[start + 2].cap
        && !word_is(text, &toks[start + 2], &PREPOSITIONS)
        && !word_is(
            text,
            &toks[start + 2],
            &["die", "dat", "en", "of", "in", "te"],
        )
    {
        start += 2;
    }
    // Leading modal: "zou | zich ...".
    if start < c && word_is(text, &toks[start], &["zou", "zouden"]) {
        start += 1;
    }
    // "Eiser stelt | volledig arbeidsongeschikt te zijn": the claim, not the saying.
    if let Some(k) = reported_claim(text, toks, start, c, r) {
        start = k;
    }
    // A source or a "toen" clause after the last cue: "is lid van de FNV | volgens een bron".
    let last_cue = hits[hi..]
        .iter()
        .take_while(|x| x.tok <= r)
        .filter(|x| x.weight > 0 || x.tok == c || word_is(text, &toks[x.tok], &["in", "naar"]))
        .map(|x| x.last)
        .max()
        .unwrap_or(c);
    // A dependent clause attached without a comma belongs to the fact ("heeft een
    // knieblessure | waardoor hij niet lang kan staan"); no source is cut inside it.
    let adjunct_end = (last_cue + 1..=r)
        .find(|&k| dependent_start(text, toks, k))
        .map_or(r, |d| d - 1);
    if let Some(k) = (last_cue + 1..=adjunct_end).find(|&k| {
        word_is(text, &toks[k], &FACT_ENDS)
            && !toks.get(k + 1).is_some_and(|n| n.class == Class::Number)
            // "moeite heeft met praten": the complement of "moeite hebben met".
            && !(k.saturating_sub(2)..k).any(|m| word_is(text, &toks[m], &["moeite"]))
    }) {
        r = k - 1;
        // "worstelen en | tijdens de les ...": no conjunction left at the end.
        while r > c
            && (word_is(text, &toks[r], &["en", "of", "maar"]) || toks[r].is_punct(text, b','))
        {
            r -= 1;
        }
    }
    // Ethnicity as a phrase: "(heeft) een Koerdische achtergrond", "van Marokkaanse afkomst";
    // with a copula or "behoort tot" the verb belongs to the statement.
    if kind == Kind::Ethnicity {
        const BEHOREN: [&str; 4] = ["behoort", "behoorde", "behoren", "behoorden"];
        // "(vanwege) het behoren tot de Hazara bevolkingsgroep": the verb opens the phrase.
        if let Some(b) = (start..c)
            .rev()
            .take(5)
            .find(|&k| word_is(text, &toks[k], &BEHOREN))
        {
            start = if b > start && word_is(text, &toks[b - 1], &["het"]) {
                b - 1
            } else {
                b
            };
        }
        let verb_led = (start..=start + 1)
            .take_while(|&k| k <= c)
            .any(|k| word_is(text, &toks[k], &BEHOREN));
        if !verb_led {
            let back = || (start..c).rev().take(4);
            if let Some(v) = back()
                .find(|&k| word_is(text, &toks[k], &["van", "met"]))
                .or_else(|| back().find(|&k| word_is(text, &toks[k], &["een"])))
                .or_else(|| back().find(|&k| word_is(text, &toks[k], &POSSESSIVES)))
            {
                // The verb stays with the phrase: "is (zelf) van Koerdische afkomst".
                start = (start..v)
                    .rev()
                    .take(2)
                    .find(|&k| {
                        word_is(text, &toks[k], &COPULAS) || word_is(text, &toks[k], &["heeft"])
                    })
                    .unwrap_or(v);
            }
        }
        if !verb_led {
            // Only the phrase, and the copula that closes a subordinate clause ("dat ik van
            // Marokkaanse afkomst | ben").
            let copula_after = c < r
                && (word_is(text, &toks[c + 1], &COPULAS) || word_is(text, &toks[c + 1], &BEHOREN));
            // "een Koerdisch meisje", "een Afghaanse Hazara": the person noun (or the noun
            // of origin) belongs to the phrase.
            let person_after = c < r
                && (word_is(text, &toks[c + 1], &ORIGIN_PERSONS)
                    || (toks[c + 1].cap && starts_with_any(toks[c + 1].text(text), &ORIGINS)));
            let phrase_end = if copula_after || person_after {
                c + 1
            } else {
                c
            };
            // "een Hazara uit Afghanistan", "zijn Koerden uit Iran", "een Koerdisch meisje uit
            // Afrin": an origin place rounds it off.
            let from_after = phrase_end + 2 <= r
                && word_is(text, &toks[phrase_end + 1], &["uit"])
                && toks[phrase_end + 2].cap;
            r = if from_after {
                phrase_end + 2
            } else {
                phrase_end
            };
        }
    }
    // "herkomst en etniciteit van eiser", "Etnische herkomst in document": the category
    // named without its value is no fact ("behoort tot een etnische minderheid" is one).
    if kind == Kind::Ethnicity
        && starts_with_any(crate::sub(text, h.start, toks[c].end()), &["etni"])
        && !(l..=r).any(|k| {
            (toks[k].cap && starts_with_any(toks[k].text(text), &ORIGINS))
                || word_is(
                    text,
                    &toks[k],
                    &["minderheid", "behoort", "behoorde", "behoren"],
                )
        })
    {
        return None;
    }
    // "als moslima", "als Hazara", "als Koerdische vrouw": only the noun (phrase).
    if c > 0
        && word_is(text, &toks[c - 1], &["als"])
        && matches!(kind, Kind::Religion | Kind::Ethnicity)
    {
        start = c;
        r = if kind == Kind::Ethnicity
            && toks
                .get(c + 1)
                .is_some_and(|n| word_is(text, n, &ORIGIN_PERSONS))
        {
            c + 1
        } else {
            c
        };
    }
    // "Seksuele gerichtheid;" names a topic; "vanwege zijn seksuele gerichtheid", "zijn
    // ouders accepteerden zijn geaardheid niet" a person's fact: the owned noun phrase; a
    // party in the genitive owns it from outside ("verzoekers | politieke overtuiging").
    if matches!(kind, Kind::SexualOrientation | Kind::Political) && category_noun(text, &toks[c]) {
        let before = c.checked_sub(1).map(|b| &toks[b]);
        if before.is_some_and(|b| word_is(text, b, &POSSESSIVES)) {
            start = c - 1;
        } else if before.is_some_and(|b| genitive_party(text, b)) {
            start = c;
        } else {
            return None;
        }
        // A political ground is the person's fact as the reason or source of something
        // ("verband met | haar politieke gezindheid", "vanuit haar politieke overtuiging"), not
        // in a list of the kinds of data a file holds ("uw vakbond en | uw politieke voorkeur").
        if kind == Kind::Political
            && !(c - 1).checked_sub(1).is_some_and(|p| {
                word_is(text, &toks[p], &PREPOSITIONS) || word_is(text, &toks[p], &["vanuit"])
            })
        {
            return None;
        }
        r = h.last;
    }
    if let Some((np, end)) = credence {
        start = np;
        r = end;
    }
    // A fact named as a noun phrase inside another clause: "vanwege | zijn Hazara afkomst",
    // "waarom eisers | bekering tot het christendom", "de gestelde | bekering ...".
    // A cue in a fronted adverbial before an inverted main clause ("Als gevolg van deze
    // aandoening | ervaart eiseres krachtverlies", "In verband met deze ziekmelding | is
    // appellant ... verschenen") is its reason or topic: only a noun phrase a person owns there
    // is a fact ("Vanwege zijn depressie | is hij ...").
    let fronted = start == l && fronted_adverbial(text, toks, l, c, r, persons);
    if let Some(np) = owned_noun_phrase(text, toks, start, c, h.last) {
        start = np;
        r = h.last;
    } else if let Some(np) = adjunct_noun_phrase(text, toks, hits, hi, start, r)
        // "niet aanwezig kan zijn wegens ziekte": a denied clause stays denied.
        .filter(|_| !(start..c).any(|k| word_is(text, &toks[k], &NEGATIONS)))
    {
        start = np;
        r = h.last;
    } else if fronted {
        return None;
    }
    // A short parenthesis right after the clause explains it: "is zwanger (uitgerekend
    // juni)", "veroordeeld 2012 (bedreiging)".
    if let Some(close) = short_parenthesis(text, toks, r + 1) {
        r = close;
        if let Some(end) = participle_tail(text, toks, r + 1) {
            r = end;
        }
    }
    // An offence named without a verb ("Incident: huiselijk geweld / mishandeling") is a
    // record's label; "heeft een inbraak gepleegd" states the fact.
    if kind == Kind::Criminal
        && starts_with_any(toks[c].text(text), &OFFENCES)
        && !(start..=r)
            .any(|k| ends_with_verb(text, &toks[k]) || word_in(text, &toks[k], &VERB_SET))
    {
        return None;
    }
    // Weak cues (moskee visits) count only as a habit.
    if weight == 0 && !(start..=r).any(|k| word_is(text, &toks[k], &HABITUAL)) {
        return None;
    }
    if start > r {
        return None;
    }
    // "is nooit veroordeeld", "is niet ziek", "is geen kandidaat" deny the fact; "draagt geen
    // hoofddoek", "wil geen medicatie innemen" state one (a practice, a refusal): "geen" right
    // before a religion or health cue, not after a copula.
    let practice = |k: usize| {
        k + 1 == c
            && matches!(kind, Kind::Religion | Kind::Health)
            && word_is(text, &toks[k], &["geen"])
            && !(k > 0 && word_is(text, &toks[k - 1], &COPULAS))
    };
    // "al dan niet vergezeld van ...": a hedge, no denial.
    let hedge = |k: usize| {
        k >= 2 && word_is(text, &toks[k - 1], &["dan"]) && word_is(text, &toks[k - 2], &["al"])
    };
    let negated = (start..c).any(|k| {
        word_is(text, &toks[k], &NEGATIONS)
            && !practice(k)
            && !states_lack(text, toks, k)
            && !hedge(k)
    });
    let np = framed_noun_phrase(text, toks, start, c, r);
    Some(Seg {
        s: start,
        e: r,
        kind,
        weight,
        negated,
        np,
    })
}

/// The words this module's rules key on: every cue and acronym, and the clause words
/// (subjects, verbs, kin nouns, bounds, negations). For the fuzz targets' dictionary.
pub(crate) fn rule_words() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = CUES.iter().chain(ACRONYMS).map(|c| c.0).collect();
    for list in [
        &SUBJECTS[..],
        &SUBJECT_NOUNS,
        &POSSESSIVES,
        &KIN,
        &COPULAS,
        &SOFT_BOUNDS,
        &AUX,
        &ADJUNCTS,
        &NEGATIONS,
        &HABITUAL,
        &ORG_NOUNS,
        &ORIGINS,
        &VERBS,
        &FINITE,
        &SUBORDINATORS,
        &ROLES,
    ] {
        v.extend_from_slice(list);
    }
    v
}

/// Finite verbs that follow a subject name at the start of a clause.
const FINITE: [&str; 16] = [
    "is",
    "was",
    "zou",
    "heeft",
    "had",
    "kampt",
    "zit",
    "ligt",
    "gaat",
    "draagt",
    "bidt",
    "volgt",
    "werd",
    "leeft",
    "sympathiseert",
    "stemt",
];
/// Conjunctions that open a subordinate clause, whose subject comes right after them.
const SUBORDINATORS: [&str; 7] = ["dat", "omdat", "of", "toen", "nadat", "zodat", "terwijl"];
/// Roles written before a name ("raadslid Van Dalen"); the kin nouns of [`KIN`] count too
/// ("zoon Jordy").
const ROLES: [&str; 11] = [
    "raadslid",
    "wethouder",
    "burgemeester",
    "minister",
    "staatssecretaris",
    "leerling",
    "medewerker",
    "medewerkster",
    "collega",
    "buurman",
    "buurvrouw",
];
/// Lower-case particles inside a name ("De Boer", "van der Linden", "El Amrani").
const PARTICLES: [&str; 9] = ["van", "der", "den", "de", "ter", "ten", "el", "al", "in"];
/// Capitalised function words that start no name on their own.
const NOT_NAMES: [&str; 10] = [
    "volgens", "de", "het", "een", "deze", "dit", "uw", "mijn", "zijn", "haar",
];

/// A run of capitalised words from token `k` (before the cue `c`) that reads as a name used as
/// subject: after a finite verb ("is El Amrani verdachte") or before one ("Peters zou").
/// Returns the run's last token.
fn name_run(text: &str, toks: &[Tok], k: usize, c: usize) -> Option<usize> {
    let t = &toks[k];
    if t.class != Class::Word || !t.cap || word_in(text, t, &SOFT_BOUND_SET) {
        return None;
    }
    if word_is(text, t, &NOT_NAMES)
        && !toks
            .get(k + 1)
            .is_some_and(|n| n.class == Class::Word && n.cap && n.nl_before == 0)
    {
        return None;
    }
    let mut e = k;
    while e + 1 < c {
        let n = &toks[e + 1];
        if n.nl_before > 0 || n.class != Class::Word {
            break;
        }
        // "El Idrissi van | Berberse afkomst": an origin adjective after "van" ends the name.
        let name_after = |m: &Tok| m.cap && !starts_with_any(m.text(text), &ORIGINS);
        if n.cap || (word_is(text, n, &PARTICLES) && toks.get(e + 2).is_some_and(name_after)) {
            e += 1;
        } else {
            break;
        }
    }
    let sentence_initial = k == 0
        || toks[k].nl_before > 0
        || (toks[k - 1].class == Class::Punct
            && matches!(
                text.as_bytes()[toks[k - 1].start()],
                b'.' | b'!' | b'?' | b':'
            ));
    let after_verb = !sentence_initial && word_is(text, &toks[k - 1], &FINITE);
    let before_verb = toks.get(e + 1).is_some_and(|n| word_is(text, n, &FINITE));
    // "vertelt dat | Radi in 2019 ...", "dat raadslid | Van Dalen na ...": a capitalised
    // word mid-sentence right after a subordinator or a role noun is the clause's subject.
    let after_link = !sentence_initial
        && (word_is(text, &toks[k - 1], &SUBORDINATORS)
            || word_is(text, &toks[k - 1], &ROLES)
            || word_is(text, &toks[k - 1], &KIN));
    (after_verb || before_verb || after_link).then_some(e)
}

/// The closing bracket of a party the anonymisation names ("[eiser]", "[kind 1]", "[naam
/// eiser]") whose opening bracket is token `i`: a few tokens between square brackets on one
/// line.
fn placeholder_end(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    if !toks[i].is_punct(text, b'[') {
        return None;
    }
    (i + 1..(i + 6).min(toks.len()))
        .take_while(|&k| toks[k].nl_before == 0)
        .find(|&k| toks[k].class == Class::Punct)
        .filter(|&k| k > i + 1 && toks[k].is_punct(text, b']'))
}

/// Whether token `i` is inside a party the anonymisation names ("[eisende partij]").
fn in_placeholder(text: &str, toks: &[Tok], i: usize) -> bool {
    (i.saturating_sub(4)..i).any(|o| placeholder_end(text, toks, o).is_some_and(|q| q > i))
}

/// The last token of the placeholders joined by "en" from the one that closes at `q`
/// ("[kind 1] en [kind 2]"), before the cue `c`.
fn placeholders_end(text: &str, toks: &[Tok], q: usize, c: usize) -> usize {
    let mut e = q;
    while e + 2 < c && placeholder_join(text, toks, e + 1) {
        match placeholder_end(text, toks, e + 2).filter(|&n| n < c) {
            Some(n) => e = n,
            None => break,
        }
    }
    e
}

/// Lower-case words that end like a finite verb but are none ("niet de verdachte", "naast
/// de werknemer", "doordat de ...").
const NOT_FINITE: [&str; 12] = [
    "niet", "ooit", "echt", "slechts", "juist", "eerst", "naast", "omtrent", "doordat", "voordat",
    "totdat", "opdat",
];

/// Whether `t` reads as a finite verb before its subject ("gebruikte | de werknemer", "meldt
/// | de werkneemster", "heeft | [eiser]"): a known verb form, or a lower-case word in -t, -te
/// or -de that is no preposition or conjunction. Why: the verbs a ruling inverts are open-ended
/// ("gebruikte", "meldt", "beëindigt"); the endings of the present and past tense catch them
/// where the verb list cannot.
fn finite_like(text: &str, t: &Tok) -> bool {
    if t.class != Class::Word
        || t.cap
        || word_is(text, t, &NOT_FINITE)
        || word_is(text, t, &PREPOSITIONS)
        || word_is(text, t, &NOT_VERBS)
        || word_is(text, t, &["wat", "met", "tot"])
    {
        return false;
    }
    if word_in(text, t, &VERB_SET) || word_is(text, t, &FINITE) {
        return true;
    }
    let w = t.text(text).as_bytes();
    (w.len() >= 4 && w.ends_with(b"t"))
        || (w.len() >= 5 && (w.ends_with(b"te") || w.ends_with(b"de")))
}

/// The finite verb of a clause at `l` that opens with an article and a noun as subject and has
/// the person as object pronoun right after the verb, before the cue `c` ("De huisarts heeft
/// hem antidepressiva voorgeschreven"). Why: the subject before the verb stays outside the
/// span, whoever it is (`corpus/GUIDELINES.md`), and the verb and the person are inside it.
fn verb_before_object(text: &str, toks: &[Tok], l: usize, c: usize) -> Option<usize> {
    if l + 3 >= c
        || !word_is(text, &toks[l], &["de", "het", "een"])
        || toks[l + 1].class != Class::Word
        || toks[l + 1].cap
        || word_in(text, &toks[l + 1], &SUBJECT_NOUN_SET)
        || !finite_like(text, &toks[l + 2])
        || !word_is(text, &toks[l + 3], &["hem", "haar"])
    {
        return None;
    }
    // "heeft haar moeder ...": "haar" is a possessive when a noun follows it; a participle,
    // a preposition, a number or an adverb of time follows the object pronoun.
    let after = &toks[l + 4];
    let object = word_is(text, &toks[l + 3], &["hem"])
        || ends_with_verb(text, after)
        || word_is(text, after, &PREPOSITIONS)
        || word_is(text, after, &["in", "op", "sinds", "vanaf"])
        || after.class == Class::Number;
    object.then_some(l + 2)
}

/// Conjunctions that open a subordinate clause before its main clause ("Als hij ...
/// wordt ingedeeld, meldt hij ...").
const FRONT_SUBORDINATORS: [&str; 12] = [
    "als", "toen", "wanneer", "zodra", "nadat", "voordat", "omdat", "doordat", "terwijl", "hoewel",
    "indien", "nu",
];

/// The inverted finite verb of a main clause that follows a subordinate clause opening the
/// clause at `l` ("Als hij voor een nachtdienst wordt ingedeeld | meldt hij zich ziek"): a verb
/// that ends the subordinate clause, then the main clause's verb and its subject pronoun,
/// between the subject found at `start` and the cue `c`.
fn main_after_subordinate(
    text: &str,
    toks: &[Tok],
    l: usize,
    start: usize,
    c: usize,
) -> Option<usize> {
    let opens = word_is(text, &toks[l], &FRONT_SUBORDINATORS)
        || (l > 0 && word_is(text, &toks[l - 1], &FRONT_SUBORDINATORS));
    if !opens || start >= c {
        return None;
    }
    (start.max(l) + 2..=c).find_map(|m| {
        (word_in(text, &toks[m], &SUBJECT_SET)
            && !word_is(text, &toks[m], &OBJECTS)
            && finite_like(text, &toks[m - 1])
            && ends_with_verb(text, &toks[m - 2]))
        .then_some(m - 1)
    })
}

/// A comma inside an adjective list ("een gematigde, traditionele moslim") is no boundary.
/// Prepositions that make a possessive noun phrase a reason or topic inside another clause
/// ("vanwege zijn Hazara afkomst"), not the complement of the clause's own verb ("lijdt aan
/// zijn ...", "is gestopt met zijn ...").
const CAUSAL: [&str; 6] = ["vanwege", "wegens", "ondanks", "gezien", "over", "om"];
/// Prepositions that open a fronted adverbial ("Als gevolg van ...", "In verband met ...").
const FRONT: [&str; 13] = [
    "als", "in", "met", "vanwege", "wegens", "door", "na", "bij", "tijdens", "op", "ondanks",
    "gezien", "sinds",
];

/// Whether the clause from `l` with the cue at `c` opens with a prepositional phrase (no verb)
/// followed, after the cue, by a finite verb and then its subject: a pronoun, a party noun
/// (with or without an article) or a name ("..., ervaart eiseres", "is appellant").
fn fronted_adverbial(
    text: &str,
    toks: &[Tok],
    l: usize,
    c: usize,
    r: usize,
    persons: &[(usize, usize)],
) -> bool {
    if !word_is(text, &toks[l], &FRONT) || (l..c).any(|k| word_in(text, &toks[k], &VERB_SET)) {
        return false;
    }
    let subject = |k: usize| {
        toks.get(k).is_some_and(|t| {
            (word_in(text, t, &SUBJECT_SET) && !word_is(text, t, &OBJECTS))
                || word_in(text, t, &SUBJECT_NOUN_SET)
                || covers(persons, t.start(), t.end())
        })
    };
    // A finite verb: a known one, or a lower-case word in -t right before its subject
    // ("ervaart eiseres").
    let finite = |t: &Tok| {
        word_in(text, t, &VERB_SET)
            || (t.class == Class::Word && t.end() - t.start() >= 4 && t.text(text).ends_with('t'))
    };
    (c + 1..=r.min(c + 6)).any(|k| {
        finite(&toks[k])
            && !toks[k].cap
            && (subject(k + 1)
                || (toks
                    .get(k + 1)
                    .is_some_and(|a| word_is(text, a, &["de", "het"]))
                    && subject(k + 2)))
    })
}

/// Whether the sentence holding token `i` opens with "Mevrouw" or "Meneer" without a name
/// after it, before `i` ("Mevrouw heeft COPD en gebruikt zuurstof").
fn titled_sentence(text: &str, toks: &[Tok], i: usize) -> bool {
    let mut a = i;
    while a > 0
        && i - a < 40
        && toks[a].nl_before == 0
        && !matches!(text.as_bytes()[toks[a - 1].start()], b'.' | b'!' | b'?')
    {
        a -= 1;
    }
    a < i
        && toks[a].cap
        && word_is(text, &toks[a], &["mevrouw", "meneer"])
        && toks
            .get(a + 1)
            .is_some_and(|n| n.class == Class::Word && !n.cap)
}

/// Words before a noun phrase that make it a person's alleged fact ("de gestelde bekering").
const ALLEGED: [&str; 4] = ["gestelde", "vermeende", "beweerde", "verklaarde"];

/// Where a noun phrase that ends in the cue (last token `last`, first `c`) starts when it is
/// owned by a person inside a larger clause: a possessive after a preposition ("vanwege |
/// zijn Hazara afkomst", kept), a party noun in the genitive ("eisers | bekering tot het
/// christendom", left out) or "de gestelde" (left out). The head noun comes between the owner
/// and the cue, which ends the phrase (a punctuation mark, a line end or a verb follows); no
/// verb inside.
fn owned_noun_phrase(
    text: &str,
    toks: &[Tok],
    from: usize,
    c: usize,
    last: usize,
) -> Option<usize> {
    let after_ok = || {
        toks.get(last + 1).is_none_or(|n| {
            n.class == Class::Punct
                || n.nl_before > 0
                || ends_with_verb(text, n)
                || word_in(text, n, &SOFT_BOUND_SET)
                || word_is(text, n, &["bij", "niet", "geloofwaardig"])
        })
    };
    let lo = from.max(c.saturating_sub(5));
    // From the cue leftwards: each step adds one word between the owner and the cue.
    for o in (lo..c.saturating_sub(1)).rev() {
        let x = &toks[o + 1];
        if x.class != Class::Word || word_in(text, x, &SUBJECT_SET) || ends_with_verb(text, x) {
            return None;
        }
        let t = &toks[o];
        let before = o.checked_sub(1).map(|b| &toks[b]);
        let w = t.text(text);
        let owner = if word_is(text, t, &POSSESSIVES)
            && before.is_some_and(|b| word_is(text, b, &CAUSAL))
        {
            Some(o)
        } else if (w.len() > 3
            && w.ends_with('s')
            && !t.cap
            && SUBJECT_NOUNS.iter().any(|n| {
                n.len() + 1 == w.len() && w.as_bytes()[..n.len()].eq_ignore_ascii_case(n.as_bytes())
            }))
            || (word_is(text, t, &ALLEGED)
                && before.is_some_and(|b| word_is(text, b, &["de", "het"])))
        {
            Some(o + 1)
        } else {
            None
        };
        if owner.is_some() {
            return owner.filter(|_| after_ok());
        }
    }
    None
}

/// Whether token `t` opens a sexual-orientation or political cue that names the category, not
/// a value ("seksuele gerichtheid", "geaardheid", "politieke gezindheid"): it states a fact
/// only as a person's own, where the text is about that ground.
fn category_noun(text: &str, t: &Tok) -> bool {
    starts_with_any(t.text(text), &["seksuele", "geaardheid", "politieke"])
}

/// Whether token `t` is a party noun in the genitive ("eisers", "verzoekers"): lower-case, a
/// noun of [`SUBJECT_NOUNS`] with an "s".
fn genitive_party(text: &str, t: &Tok) -> bool {
    let w = t.text(text);
    w.len() > 3
        && w.ends_with('s')
        && !t.cap
        && SUBJECT_NOUNS.iter().any(|n| {
            n.len() + 1 == w.len() && w.as_bytes()[..n.len()].eq_ignore_ascii_case(n.as_bytes())
        })
}

/// Verbs and adjectives of believing and accepting whose object or subject is a fact ("niet
/// geaccepteerd", "accepteerden ... niet", "acht ... geloofwaardig", "ontkent").
const CREDENCE: [&str; 12] = [
    "accept",
    "geaccepteerd",
    "aanvaard",
    "erken",
    "geloofwaardig",
    "ongeloofwaardig",
    "geloofd",
    "betwist",
    "ontken",
    "gerespecteerd",
    "getolereerd",
    "tolere",
];

/// Head nouns that may follow an adjective cue in a noun phrase ("zijn homoseksuele |
/// geaardheid").
const CUE_HEADS: [&str; 6] = [
    "geaardheid",
    "gerichtheid",
    "voorkeur",
    "identiteit",
    "overtuiging",
    "achtergrond",
];

/// Where a fact named as a possessive noun phrase starts and ends when its clause (`from..=r`)
/// is about believing or accepting it ([`CREDENCE`]): "omdat | zijn homoseksuele geaardheid |
/// daar niet geaccepteerd wordt", "Zijn ouders accepteerden | zijn geaardheid | niet". Only
/// lower-case words without a verb between the possessive and the cue (last token `last`),
/// and a head noun after an adjective cue joins the phrase. Why: the acceptance is what
/// others do; the person's fact is the phrase (`corpus/GUIDELINES.md`, a fact named as a noun
/// phrase inside another clause).
fn credence_noun_phrase(
    text: &str,
    toks: &[Tok],
    from: usize,
    c: usize,
    last: usize,
    r: usize,
) -> Option<(usize, usize)> {
    let p = (from.max(c.saturating_sub(3))..c)
        .rev()
        .find(|&k| word_is(text, &toks[k], &POSSESSIVES))?;
    if !(p + 1..c).all(|k| {
        let t = &toks[k];
        t.class == Class::Word && !t.cap && !ends_with_verb(text, t) && !word_in(text, t, &VERB_SET)
    }) {
        return None;
    }
    // "zijn homoseksuele | geaardheid", "haar eerder aangevoerde psychische | problemen": an
    // inflected adjective cue takes the noun after it.
    let mut end = last;
    let adjective = toks[last].text(text).ends_with('e');
    if toks.get(end + 1).is_some_and(|n| {
        end < r
            && (word_is(text, n, &CUE_HEADS)
                || (adjective
                    && n.class == Class::Word
                    && !n.cap
                    && n.end() - n.start() >= 5
                    && !ends_with_verb(text, n)
                    && !word_in(text, n, &VERB_SET)
                    && !word_in(text, n, &SOFT_BOUND_SET)
                    && !word_is(text, n, &PREPOSITIONS)
                    && !word_is(text, n, &NEGATIONS)))
    }) {
        end += 1;
    }
    let credence = |k: usize| starts_with_any(toks[k].text(text), &CREDENCE);
    ((from..p).any(credence) || (end + 1..=r).any(credence)).then_some((p, end))
}

/// Nouns (and "maken" of "te maken met") that make the preposition after them part of a
/// compound one: "met uitzondering van", "als gevolg van", "op grond van", "in relatie tot",
/// "in verband met". The phrase after it is an adjunct of the clause, like one after "vanwege".
const ADJUNCT_HEADS: [&str; 8] = [
    "uitzondering",
    "gevolg",
    "grond",
    "relatie",
    "verband",
    "basis",
    "aanleiding",
    "maken",
];

/// Whether token `p` opens an adjunct: a causal preposition ("vanwege", "ondanks") or the last
/// word of a compound one ("op grond | van", "te maken | met").
fn adjunct_preposition(text: &str, toks: &[Tok], p: usize) -> bool {
    word_is(text, &toks[p], &CAUSAL)
        || (p > 0
            && word_is(text, &toks[p], &["van", "tot", "met"])
            && word_is(text, &toks[p - 1], &ADJUNCT_HEADS))
}

/// Where a fact named as a noun phrase inside an adjunct of another clause starts: after the
/// preposition of an adjunct ([`adjunct_preposition`]) a possessive ("op grond van | hun
/// handicap", "in relatie tot | zijn chronische ziekte") or a nominalised verb ("vanwege | het
/// zijn van bahai", "met uitzondering van | het behoren tot de bahai"), and up to the cue only
/// words without a verb. The phrase is the fact only when the rest of the clause after it
/// states none (no other cue, no care word): "is als gevolg van zijn beperkingen aangewezen op
/// begeleiding" stays one clause. Why: `corpus/special-dev` README, a fact stated as a noun
/// phrase inside another clause is the noun phrase.
fn adjunct_noun_phrase(
    text: &str,
    toks: &[Tok],
    hits: &[Hit],
    hi: usize,
    from: usize,
    r: usize,
) -> Option<usize> {
    let (c, last) = (hits[hi].tok, hits[hi].last);
    // "een man | met vermoeidheidssyndroom": a person noun and "met", the condition named.
    let person_with = |k: usize| {
        k >= 2
            && word_is(text, &toks[k], &["met"])
            && word_is(text, &toks[k - 1], &ORIGIN_PERSONS)
            && word_is(text, &toks[k - 2], &["een", "de"])
    };
    let p = (from.max(c.saturating_sub(7))..c)
        .rev()
        .find(|&k| adjunct_preposition(text, toks, k) || person_with(k))?;
    let o = p + 1;
    let plain = |a: usize| {
        (a..c).all(|k| {
            let t = &toks[k];
            t.class == Class::Word
                && !word_in(text, t, &VERB_SET)
                && !word_in(text, t, &SUBJECT_SET)
                && !ends_with_verb(text, t)
        })
    };
    let nominal = |k: usize| {
        let t = &toks[k];
        let w = t.text(text);
        t.class == Class::Word
            && !t.cap
            && (w.eq_ignore_ascii_case("zijn") || (w.len() >= 5 && w.ends_with("en")))
    };
    // A cue right after the preposition, without an owner ("ondanks | alcoholproblematiek"),
    // only after a causal or compound one: "over islam" is a topic.
    let bare = o == c && (p == 0 || !word_is(text, &toks[p], &["over", "om", "gezien"]));
    let phrase = if word_is(text, &toks[o], &["het"]) {
        o + 1 < c && nominal(o + 1) && plain(o + 2)
    } else {
        bare || (o < c && word_is(text, &toks[o], &POSSESSIVES) && plain(o + 1))
    };
    // The clause outside the phrase states a fact of its own: another cue ("draagt vanwege
    // haar geloof een hoofddoek") or a care word ("is op consult geweest in verband met ...").
    let more_after = hits[hi + 1..]
        .iter()
        .take_while(|x| x.tok <= r)
        .any(|x| x.tok > last && x.weight > 0)
        || (last + 1..=r).any(|k| word_is(text, &toks[k], &CARE));
    let more_before = hits[..hi]
        .iter()
        .rev()
        .take_while(|x| x.tok >= from)
        .any(|x| x.tok < p && x.weight > 0)
        || (from..p).any(|k| word_is(text, &toks[k], &CARE));
    let start = if person_with(p) { p } else { o };
    (phrase && !more_after && !more_before).then_some(start)
}

/// Where a health fact named as a noun phrase after "sprake van" or "onder invloed van" starts
/// ("dat bij de verdachte sprake was van | een paranoïde psychose", "heeft onder invloed van |
/// een psychose het feit gepleegd"): the frame states that there is a condition, the phrase
/// is the condition. Only articles, adjectives and possessives between the frame and the cue.
fn framed_noun_phrase(text: &str, toks: &[Tok], from: usize, c: usize, r: usize) -> Option<usize> {
    let v = (from.max(c.saturating_sub(5))..c)
        .rev()
        .find(|&k| word_is(text, &toks[k], &["van"]))?;
    let before = |n: usize, words: &[&str]| v >= n && word_is(text, &toks[v - n], words);
    let there_is =
        before(1, &["sprake"]) || (before(1, &["is", "was", "zou"]) && before(2, &["sprake"]));
    // "onder invloed van een psychose, het feit gepleegd": the phrase closes before another
    // predicate; in "(volledig) onder invloed van deze stoornis handelde" the clause's own
    // verb follows, and the frame is part of the statement.
    let influence = before(1, &["invloed"])
        && before(2, &["onder"])
        && toks.get(r + 1).is_some_and(|n| n.is_punct(text, b','));
    let plain = (v + 1..c).all(|k| {
        toks[k].class == Class::Word
            && !ends_with_verb(text, &toks[k])
            && !word_in(text, &toks[k], &VERB_SET)
    });
    ((there_is || influence) && plain).then_some(v + 1)
}

/// Whether the subordinate clause from `l` ("dat het slachtoffer een zwelling | en roodheid
/// onder het linkeroog had") has not reached its verb by token `r`, and the "en" after `r`
/// joins words under that verb, not a clause of its own.
fn verb_pending(text: &str, toks: &[Tok], l: usize, r: usize) -> bool {
    // The subordinate clause's subject right after the conjunction ("dat | het slachtoffer"),
    // so "Dat gaven de partijen ..." (a demonstrative and a verb) is none.
    let subject = |k: usize| {
        toks.get(k).is_some_and(|t| {
            word_in(text, t, &SUBJECT_SET) || word_in(text, t, &SUBJECT_NOUN_SET) || t.cap
        })
    };
    l > 0
        && word_is(text, &toks[l - 1], &SUBORDINATORS)
        && (subject(l) || (word_is(text, &toks[l], &["de", "het"]) && subject(l + 1)))
        && word_is(text, &toks[r + 1], &["en"])
        && !(l..=r).any(|k| ends_with_verb(text, &toks[k]) || word_in(text, &toks[k], &VERB_SET))
        && r + 2 < toks.len()
        && !starts_clause(text, toks, r + 2)
}

/// Whether token `k` opens a dependent clause that belongs to the fact when no comma comes
/// before it: "sinds" before a subject pronoun (a time clause, an adverbial of the fact as
/// `corpus/GUIDELINES.md` keeps them; "sinds zijn komst" is an adjunct). A consequence
/// ("waardoor hij niet lang kan staan") is a clause of its own: [`consequence_clause`].
fn dependent_start(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let no_comma = k > 0 && !toks[k - 1].is_punct(text, b',') && t.nl_before == 0;
    no_comma
        && word_is(text, t, &["sinds"])
        && toks
            .get(k + 1)
            .is_some_and(|n| word_in(text, n, &SUBJECT_SET) && !word_is(text, n, &OBJECTS))
}

/// The consequence clause right after a health finding that ends at token `e` ("heeft een
/// knieblessure | waardoor hij | niet lang kan staan"): from after its subject pronoun to the
/// end of the sentence or the next comma. Why: one span is one clause (`corpus/GUIDELINES.md`),
/// so "waardoor" ends the condition's span; what the condition does to the same person (a
/// limitation, a symptom) is a health fact of its own, although it names no condition.
fn consequence_clause(text: &str, toks: &[Tok], e: usize) -> Option<(usize, usize)> {
    let w = toks.get(e + 1)?;
    if !word_is(text, w, &["waardoor"]) || w.nl_before > 0 {
        return None;
    }
    let subj = toks.get(e + 2)?;
    if !word_in(text, subj, &SUBJECT_SET) || word_is(text, subj, &OBJECTS) || subj.nl_before > 0 {
        return None;
    }
    let s = e + 3;
    let mut end = s;
    while let Some(t) = toks.get(end + 1) {
        if t.nl_before > 0
            || t.class == Class::Punct
                && [b'.', b',', b';', b':', b'(', b'!', b'?']
                    .iter()
                    .any(|&c| t.is_punct(text, c))
        {
            break;
        }
        end += 1;
    }
    (s < toks.len() && toks[s].class == Class::Word && end > s).then_some((s, end))
}

/// The last token of a party named after "van" at `k` ("van eiser", "van klagers", "van de
/// verdachte", "van [minderjarige]"), which makes "de moeder van eiser" one subject.
fn party_of(text: &str, toks: &[Tok], persons: &[(usize, usize)], k: usize) -> Option<usize> {
    if !word_is(text, toks.get(k)?, &["van"]) {
        return None;
    }
    let mut j = k + 1;
    if toks
        .get(j)
        .is_some_and(|t| word_is(text, t, &["de", "het"]))
    {
        j += 1;
    }
    let t = toks.get(j)?;
    if t.is_punct(text, b'[') {
        return (j + 2..(j + 6).min(toks.len())).find(|&e| toks[e].is_punct(text, b']'));
    }
    let w = t.text(text);
    let plural = w.len() > 3
        && w.ends_with('s')
        && SUBJECT_NOUNS.iter().any(|n| {
            n.len() + 1 == w.len() && w.as_bytes()[..n.len()].eq_ignore_ascii_case(n.as_bytes())
        });
    (word_in(text, t, &SUBJECT_NOUN_SET) || plural || covers(persons, t.start(), t.end()))
        .then_some(j)
}

/// Whether the clause from `l` (the cue at `c`) is a subordinate clause that opens with its
/// subject, an article and one noun ("dat | de arts | ... heeft gesteld"), not with the cue or
/// a phrase that goes on ("dat de behandeling van ...").
fn subordinate_subject(text: &str, toks: &[Tok], l: usize, c: usize) -> bool {
    l > 0
        && l + 2 < c
        && word_is(text, &toks[l - 1], &SUBORDINATORS)
        && word_is(text, &toks[l], &["de", "het"])
        && toks[l + 1].class == Class::Word
        && !toks[l + 1].cap
        && !ends_with_verb(text, &toks[l + 1])
        && !word_in(text, &toks[l + 1], &VERB_SET)
        && toks[l + 2].class == Class::Word
        && !word_is(text, &toks[l + 2], &["van", "en", "of"])
}

/// Offences by name among the cues: facts only in a clause with a verb.
const OFFENCES: [&str; 17] = [
    "diefstal",
    "inbraak",
    "moord",
    "verkrachting",
    "oplichting",
    "mishandeling",
    "overval",
    "beroving",
    "afpersing",
    "bedreiging",
    "brandstichting",
    "geweldpleging",
    "ontucht",
    "aanranding",
    "belaging",
    "heling",
    "opiumwet",
];

/// Where the auxiliary is whose participle opens the clause at `l` after a comma ("De
/// verdachte is | bij arrest van ... wegens "moord", | veroordeeld tot ..."): a finite
/// auxiliary right after a person as its subject, earlier in the same sentence, and no other
/// participle or finite verb between it and the comma.
fn pending_auxiliary(
    text: &str,
    toks: &[Tok],
    l: usize,
    persons: &[(usize, usize)],
) -> Option<usize> {
    const AUXILIARIES: [&str; 12] = [
        "is", "was", "werd", "wordt", "zijn", "waren", "werden", "worden", "heeft", "had",
        "hebben", "hadden",
    ];
    // Participles with "ge", and those of verbs with an unstressed prefix ("veroordeeld",
    // "bekeerd", "ontslagen").
    let participle = |t: &Tok| {
        let w = t.text(text).as_bytes();
        (ends_with_verb(text, t) && !word_in(text, t, &VERB_SET))
            || (t.class == Class::Word
                && !t.cap
                && w.len() >= 7
                && [&b"ver"[..], b"be", b"ont", b"her"]
                    .iter()
                    .any(|p| w.starts_with(p))
                && (w.ends_with(b"d") || w.ends_with(b"t") || w.ends_with(b"en")))
    };
    if l < 3 || !toks[l - 1].is_punct(text, b',') || !participle(&toks[l]) {
        return None;
    }
    let mut k = l - 2;
    while k > 0 && l - k < 40 {
        let t = &toks[k];
        if t.nl_before > 1
            || (t.class == Class::Punct
                && matches!(text.as_bytes()[t.start()], b'.' | b'!' | b'?' | b';' | b':'))
        {
            return None;
        }
        if word_is(text, t, &AUXILIARIES) {
            let p = &toks[k - 1];
            let subject = word_in(text, p, &SUBJECT_SET)
                || word_in(text, p, &SUBJECT_NOUN_SET)
                || covers(persons, p.start(), p.end());
            return subject.then_some(k);
        }
        if participle(t) || word_in(text, t, &VERB_SET) {
            return None;
        }
        k -= 1;
    }
    None
}

/// "werd opgepakt | en meegenomen": "en" after token `r` joins two participles under one
/// auxiliary.
fn participles_joined(text: &str, toks: &[Tok], r: usize) -> bool {
    // Also a participle with a separable prefix the stem list of [`ends_with_verb`] lacks
    // ("vrijgelaten", "teruggestuurd"): "ge" after two to five letters, ending in -en, -d or -t.
    let separable = |t: &Tok| {
        let w = t.text(text).as_bytes();
        t.class == Class::Word
            && !t.cap
            && w.len() >= 8
            && (2..=5).any(|p| w[p..].starts_with(b"ge"))
            && (w.ends_with(b"en") || w.ends_with(b"d") || w.ends_with(b"t"))
    };
    let participle =
        |t: &Tok| (ends_with_verb(text, t) || separable(t)) && !word_in(text, t, &VERB_SET);
    // "gearresteerd en | weer | vrijgelaten": an adverb of time or repetition may open the
    // second participle; it shares the auxiliary all the same.
    let second = if toks.get(r + 2).is_some_and(|t| {
        word_is(
            text,
            t,
            &["weer", "opnieuw", "later", "daarna", "vervolgens", "ook"],
        )
    }) {
        r + 3
    } else {
        r + 2
    };
    word_is(text, &toks[r + 1], &["en"])
        && participle(&toks[r])
        && toks.get(second).is_some_and(participle)
}

/// Subjects of the main clause after a fronted subordinate one in a ruling or a decision
/// ("Dat eiser behoort tot de Hazara's | acht verweerder onvoldoende").
const AUTHORITIES: [&str; 8] = [
    "verweerder",
    "verweerster",
    "rechtbank",
    "hof",
    "minister",
    "staatssecretaris",
    "college",
    "raad",
];

/// Whether a fronted subordinate clause ("Dat eiser behoort tot de Hazara's", its
/// conjunction capitalised before `l`) has its verb by token `r` (a known one, a participle or
/// a word in -t other than the cue `c`) and a main clause begins after `r`: a finite verb and its subject ("acht
/// verweerder", "is de rechtbank").
fn main_clause_after(text: &str, toks: &[Tok], l: usize, c: usize, r: usize) -> bool {
    if l == 0 || !toks[l - 1].cap || !word_is(text, &toks[l - 1], &SUBORDINATORS) {
        return false;
    }
    let has_verb = || {
        (l..=r).any(|k| {
            let t = &toks[k];
            ends_with_verb(text, t)
                || (k != c
                    && t.class == Class::Word
                    && !t.cap
                    && t.end() - t.start() >= 4
                    && t.text(text).ends_with('t'))
        })
    };
    let Some(v) = toks.get(r + 1) else {
        return false;
    };
    let finite = !v.cap
        && v.class == Class::Word
        && (word_in(text, v, &VERB_SET)
            || (v.end() - v.start() >= 3 && v.text(text).ends_with('t')));
    let subject = |k: usize| {
        toks.get(k).is_some_and(|t| {
            word_in(text, t, &SUBJECT_SET)
                || word_in(text, t, &SUBJECT_NOUN_SET)
                || word_is(text, t, &AUTHORITIES)
        })
    };
    let subject_after = subject(r + 2)
        || (toks
            .get(r + 2)
            .is_some_and(|a| word_is(text, a, &["de", "het"]))
            && subject(r + 3));
    finite && subject_after && has_verb()
}

/// Where a relative clause that holds the cue ends when its sentence's main clause picks up
/// after it without a comma: the clause from `l` opens after "die" (a noun before it, not "op
/// die"), and after the cue at `c` comes its finite verb, the last word of a Dutch
/// subordinate clause, with more words after it up to `r` ("de vrouw die een hoofddoek
/// draagt | in een telefoongesprek ..."). The verb and the verbs right after it ("is
/// bekeerd") close the span. Why: the words after the verb belong to the main clause, whose
/// fact (a call, a rejection) is not the person's.
fn relative_clause_end(text: &str, toks: &[Tok], l: usize, c: usize, r: usize) -> Option<usize> {
    if l < 2
        || !word_is(text, &toks[l - 1], &["die"])
        || toks[l - 1].cap
        || demonstrative(text, toks, l - 1)
        || toks[l - 2].class != Class::Word
        || ends_with_verb(text, &toks[l - 2])
    {
        return None;
    }
    let v = (c + 1..=r).find(|&k| {
        !toks[k].cap && (word_in(text, &toks[k], &VERB_SET) || word_is(text, &toks[k], &FINITE))
    })?;
    // The verbs after it: participles and infinitives ("is gaan opstellen").
    let infinitive = |t: &Tok| {
        t.class == Class::Word && !t.cap && t.end() - t.start() >= 4 && t.text(text).ends_with("en")
    };
    let mut e = v;
    while e < r && (ends_with_verb(text, &toks[e + 1]) || infinitive(&toks[e + 1])) {
        e += 1;
    }
    // "die zich strenger is gaan opstellen | sinds zijn komst": an adverbial of time or cause
    // after the verb still belongs to the relative clause.
    (e < r && toks[e + 1].class == Class::Word && !word_is(text, &toks[e + 1], &TRAILING))
        .then_some(e)
}

/// "[slachtoffer 2] en [slachtoffer 3]": "en" at `i` joins two placeholders of an anonymised
/// ruling inside one clause.
fn placeholder_join(text: &str, toks: &[Tok], i: usize) -> bool {
    i > 0
        && word_is(text, &toks[i], &["en"])
        && toks[i - 1].is_punct(text, b']')
        && toks.get(i + 1).is_some_and(|n| n.is_punct(text, b'['))
}

/// "volgens eigen zeggen" at `i`: the person's own account, inside the clause, no source.
fn own_account(text: &str, toks: &[Tok], i: usize) -> bool {
    word_is(text, &toks[i], &["volgens"])
        && toks
            .get(i + 1..i + 3)
            .is_some_and(|w| word_is(text, &w[0], &["eigen"]) && word_is(text, &w[1], &["zeggen"]))
}

/// The closing token of a short parenthesis opening at `i` on the same line: at most four
/// lower-case words or numbers inside (a name, "(HALT-afdoening)", "(Vela Blues)", is another
/// thing), no finite verb, and a punctuation mark, the line end or the text end after
/// it (so it closes the statement it explains).
fn short_parenthesis(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let open = toks.get(i)?;
    if !open.is_punct(text, b'(') || open.nl_before > 0 {
        return None;
    }
    let close = (i + 2..(i + 6).min(toks.len())).find(|&k| toks[k].is_punct(text, b')'))?;
    let inner = &toks[i + 1..close];
    let plain = inner.iter().all(|t| {
        t.nl_before == 0
            && matches!(t.class, Class::Word | Class::Number)
            && !t.cap
            && !word_in(text, t, &VERB_SET)
    });
    let after_ok = toks.get(close + 1).is_none_or(|n| {
        n.nl_before > 0
            || (n.class == Class::Punct && !n.is_punct(text, b'('))
            || word_is(text, n, &["en", "of", "maar"])
    });
    (plain && after_ok).then_some(close)
}

/// Words that name a party as the group an office holder sits or votes in: "de leden van de
/// fracties van SP en PvdA", "namens de VVD", "raadslid voor D66" (with the members' titles,
/// [`office_word`]).
const OFFICE_WORDS: [&str; 6] = [
    "fractie",
    "fracties",
    "fractievoorzitter",
    "namens",
    "wethouder",
    "gedeputeerde",
];

/// Whether token `t` is an office word or a member's title (`lexicon::MEMBER_TITLES`).
fn office_word(text: &str, t: &Tok) -> bool {
    word_is(text, t, &OFFICE_WORDS) || word_is(text, t, &crate::lexicon::MEMBER_TITLES)
}

/// Whether the party name at token `c` (clause from `l`) labels an office holder or names the
/// party itself, as parliamentary and council records do, rather than stating a person's
/// opinion (`corpus/GUIDELINES.md`, decided 2026-12-06). A party is a label when it stands in
/// a parenthesis ("Bosman (VVD)", "(beiden CDA)"), right beside a name in a member list ("de
/// heer Van Lingen VVD mevrouw ...", "SGP en ChristenUnie de heer Stoop"), after "van" right
/// after a name ("mevrouw Van der Plas van BBB"), after a word of office ("de fracties van SP,
/// GL en PvdA"), or opens its clause with an article ("het CDA, de ChristenUnie en de SGP
/// hebben voor gestemd"). A private person's membership keeps its verb and preposition ("is
/// lid van het CDA", "stemt op de PVV"). Generic cues ("partij", "oppositie") are no names.
/// `last` is the party name's last token ("D66" may be two).
fn office_party(
    text: &str,
    toks: &[Tok],
    l: usize,
    c: usize,
    last: usize,
    persons: &[(usize, usize)],
) -> bool {
    let t = &toks[c];
    if !(t.cap || text.as_bytes()[t.start()].is_ascii_digit()) {
        return false;
    }
    let name_like = |k: usize| {
        let x = &toks[k];
        covers(persons, x.start(), x.end())
            || (x.class == Class::Word && x.cap && k > l && x.nl_before == 0)
    };
    let title = |k: usize| {
        toks.get(k).is_some_and(|x| {
            word_is(text, x, &["mevrouw", "mw", "dhr", "heer", "meneer"])
                || (word_is(text, x, &["de"])
                    && toks.get(k + 1).is_some_and(|n| word_is(text, n, &["heer"])))
        })
    };
    let mut b = c;
    while b > 0 && word_is(text, &toks[b - 1], &["beiden", "allen"]) {
        b -= 1;
    }
    let parenthesised = b > 0
        && toks[b - 1].is_punct(text, b'(')
        && toks.get(last + 1).is_some_and(|n| n.is_punct(text, b')'));
    let beside_name =
        (c > 0 && name_like(c - 1) && !office_word(text, &toks[c - 1])) || title(last + 1);
    let van_name = c >= 2 && word_is(text, &toks[c - 1], &["van"]) && name_like(c - 2);
    let office = (l..c).any(|k| office_word(text, &toks[k]));
    let party_subject = c == l + 1 && word_is(text, &toks[l], &["de", "het"]);
    parenthesised || beside_name || van_name || office || party_subject
}

/// Whether a line break before token `i` ends a clause: not where running text wraps (a
/// scan, a narrow column, a mail client's line length): one newline, a line of at least 20
/// bytes before it that ends in a word, a comma or a hyphen of a broken word, and a lower-case
/// word after it.
fn line_break(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if t.nl_before == 0 {
        return false;
    }
    if t.nl_before > 1 || i == 0 || t.class != Class::Word || t.cap {
        return true;
    }
    let p = &toks[i - 1];
    // A word hyphenated at the line end ("behan-" / "deling") wraps too.
    let hyphenated = p.is_punct(text, b'-') && i >= 2 && toks[i - 2].end() == p.start();
    if !(p.class == Class::Word || p.is_punct(text, b',') || hyphenated) {
        return true;
    }
    let line_start = memchr::memrchr(b'\n', &text.as_bytes()[..p.start()]).map_or(0, |n| n + 1);
    p.end() - line_start < 20
}

/// Whether token `i` ends a clause: a hard bound, but not a comma between adjectives ("een
/// gematigde, traditionele moslim"), inside a number ("€ 994,76") or in an enumeration of
/// single words or numbers ("isoniazide, rifampicine en ethambutol", "in 2010, 2016 en 2018").
fn clause_bound(text: &str, toks: &[Tok], i: usize) -> bool {
    is_hard_bound(text, &toks[i])
        && !adjective_comma(text, toks, i)
        && !number_comma(text, toks, i)
        && !enumeration_comma(text, toks, i)
        && !place_comma(text, toks, i)
        && !explanation_comma(text, toks, i)
        && !adverbial_comma(text, toks, i)
        && !placeholder_comma(text, toks, i)
        && !insertion_comma(text, toks, i)
        && !insertion_bracket(text, toks, i)
        && !content_comma(text, toks, i)
        && !item_number(text, toks, i)
}

/// Whether "die" at `i`, right after the cue, opens a relative clause about the person the
/// clause from `l` speaks of: the cue is a predicate noun after "zichzelf" ("noemt zichzelf
/// een praktiserende moslim | die vijf keer per dag bidt"). Why: the span ends at a relative
/// clause about something else (`corpus/GUIDELINES.md`); this one says more of the person who
/// describes themself. After a copula the test cases keep the relative clause out ("is hij
/// een gematigde, traditionele moslim | die weinig op heeft met ...").
fn predicate_relative(text: &str, toks: &[Tok], l: usize, c: usize, i: usize) -> bool {
    word_is(text, &toks[i], &["die"])
        && !toks[i].cap
        && (l..c).any(|k| word_is(text, &toks[k], &["zichzelf"]))
}

/// Whether "en"/"of" at `i` joins a second adjunct to the clause whose cue is at `c`: the
/// next item of a numbered list ("ter zake van 1. diefstal | en 2. mishandeling") or a phrase
/// with a preposition the clause already used after its cue ("zonder enige begeleiding | en
/// zonder ooit te twijfelen"). Why: words coordinated under one verb are one span
/// (`corpus/GUIDELINES.md`); no second verb follows.
fn coordinated_adjunct(text: &str, toks: &[Tok], c: usize, i: usize) -> bool {
    if !word_is(text, &toks[i], &["en", "of"]) {
        return false;
    }
    let Some(n) = toks.get(i + 1) else {
        return false;
    };
    if n.class == Class::Number {
        return item_number(text, toks, i + 2);
    }
    n.class == Class::Word
        && !n.cap
        && word_is(
            text,
            n,
            &[
                "zonder", "met", "tot", "voor", "wegens", "vanwege", "in", "op",
            ],
        )
        && (c + 1..i).any(|k| toks[k].text(text).eq_ignore_ascii_case(n.text(text)))
}

/// Whether the cue at `c` names who says something ("Volgens de reclassering gebruikt hij
/// ...", "volgens zijn psychiater"): the noun of a "volgens" phrase is the source, which is no
/// part of the fact (`corpus/GUIDELINES.md`).
fn names_source(text: &str, toks: &[Tok], c: usize) -> bool {
    (c.saturating_sub(3)..c).any(|k| word_is(text, &toks[k], &["volgens"]))
        && (c.saturating_sub(2)..c).all(|k| toks[k].class == Class::Word)
        && toks.get(c + 1).is_some_and(|n| {
            n.class == Class::Punct
                || word_in(text, n, &VERB_SET)
                || word_is(text, n, &FINITE)
                || n.cap
        })
}

/// Whether the criminal cue at `c` is what a person fears may be done to them ("vreest gedood
/// te worden", "vervolgd te worden door de autoriteiten"): a passive infinitive ("te worden")
/// or a verb of fear before it in the sentence. A feared act is no record of the person's.
fn feared(text: &str, toks: &[Tok], c: usize) -> bool {
    let passive_infinitive = toks
        .get(c + 1..c + 3)
        .is_some_and(|w| word_is(text, &w[0], &["te"]) && word_is(text, &w[1], &["worden"]));
    let fear = (c.saturating_sub(8)..c)
        .rev()
        .take_while(|&k| !toks[k].is_punct(text, b'.'))
        .any(|k| {
            word_is(
                text,
                &toks[k],
                &["vreest", "vrees", "vrezen", "vreesde", "bang"],
            )
        });
    passive_infinitive || fear
}

/// Whether the cue at `c` is a word of a law's title ("de Wet arbeidsongeschiktheidsvoorziening
/// jonggehandicapten", "Wet verplichte geestelijke gezondheidszorg"): "Wet" a few lower-case
/// words before it. A law names no one's condition.
fn in_law_title(text: &str, toks: &[Tok], c: usize) -> bool {
    let mut k = c;
    while k > 0 && c - k < 8 {
        k -= 1;
        let t = &toks[k];
        if t.cap {
            return t.text(text) == "Wet";
        }
        if t.class != Class::Word {
            return false;
        }
    }
    false
}

/// Whether the full stop at `i` closes the number of an item in a list inside a sentence
/// ("veroordeeld ter zake van 1. diefstal en 2. mishandeling"): one or two digits after "van",
/// "en", "of", a comma or a colon, and a lower-case word after it. Why: the numbered offences
/// are the object of the one verdict, not sentences of their own.
fn item_number(text: &str, toks: &[Tok], i: usize) -> bool {
    i >= 2
        && toks[i].is_punct(text, b'.')
        && toks[i - 1].class == Class::Number
        && toks[i - 1].end() - toks[i - 1].start() <= 2
        && toks[i - 1].end() == toks[i].start()
        && (word_is(text, &toks[i - 2], &["van", "en", "of", "voor"])
            || toks[i - 2].is_punct(text, b',')
            || toks[i - 2].is_punct(text, b':'))
        && toks
            .get(i + 1)
            .is_some_and(|n| n.class == Class::Word && !n.cap && n.nl_before == 0)
}

/// Auxiliaries that wait for a participle at the end of their clause.
const PERFECT_AUX: [&str; 11] = [
    "is", "was", "werd", "wordt", "waren", "werden", "worden", "heeft", "had", "hebben", "hadden",
];

/// A comma that opens or closes an insertion inside one clause: after an auxiliary whose
/// participle has not come yet, a few words without a verb or subject between two commas, and
/// the participle after them ("is zij sinds 2019, ondanks de behandeling, arbeidsongeschikt
/// verklaard"). Why: `corpus/GUIDELINES.md` ends a span at a comma only where another clause
/// with its own verb starts; the insertion is an adverbial of the same clause.
fn insertion_comma(text: &str, toks: &[Tok], i: usize) -> bool {
    toks[i].is_punct(text, b',')
        && (insertion_close(text, toks, i).is_some()
            || (i.saturating_sub(14)..i.saturating_sub(1))
                .any(|k| toks[k].is_punct(text, b',') && insertion_close(text, toks, k) == Some(i)))
}

/// A bracket inside an insertion between commas ("is, al dan niet vergezeld van (een van)
/// zijn ouders, op consult geweest"): the insertion is one adverbial, its brackets end nothing.
fn insertion_bracket(text: &str, toks: &[Tok], i: usize) -> bool {
    (toks[i].is_punct(text, b'(') || toks[i].is_punct(text, b')'))
        && (i.saturating_sub(12)..i).any(|k| {
            toks[k].is_punct(text, b',') && insertion_close(text, toks, k).is_some_and(|j| j > i)
        })
}

/// Prepositions that open an adverbial insertion ([`insertion_comma`]); not "volgens" (a
/// source is no part of the fact).
const INSERT_OPENERS: [&str; 14] = [
    "naast", "ondanks", "sinds", "zonder", "na", "tijdens", "behalve", "in", "op", "met", "bij",
    "voor", "door", "vanwege",
];

/// The closing comma of an insertion that the comma at `i` opens ([`insertion_comma`]).
fn insertion_close(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let stop = |t: &Tok| {
        t.nl_before > 0
            || word_in(text, t, &VERB_SET)
            || word_in(text, t, &SUBJECT_SET)
            || word_in(text, t, &SOFT_BOUND_SET)
    };
    // An adverbial opens with a preposition ("ondanks de behandeling", "naast ..."); an
    // apposition to a noun ("een psychose, onderdeel van ...,") is another thing. A source
    // ("volgens de psychiater") or a hedge ("al dan niet vergezeld van ...") inserted in the
    // clause is no clause of its own either: the span holds it, as it holds any insertion
    // between the verb and the rest of its clause.
    let opener = toks.get(i + 1)?;
    let hedge = word_is(text, opener, &["al"])
        && toks.get(i + 2).is_some_and(|d| word_is(text, d, &["dan"]))
        && toks.get(i + 3).is_some_and(|n| word_is(text, n, &["niet"]));
    let source = word_is(text, opener, &["volgens"]);
    if !(word_is(text, opener, &INSERT_OPENERS) || hedge || source) {
        return None;
    }
    // The closing comma; a bracket inside the insertion ("(een van) zijn ouders") does not
    // end it.
    let j = (i + 2..(i + 14).min(toks.len())).find(|&k| {
        toks[k].class == Class::Punct
            && !toks[k].is_punct(text, b'(')
            && !toks[k].is_punct(text, b')')
    })?;
    let inner = if hedge { i + 4 } else { i + 2 };
    if !toks[j].is_punct(text, b',')
        || toks[inner.min(j)..j]
            .iter()
            .any(|t| stop(t) || (!hedge && t.class == Class::Word && word_is(text, t, &NEGATIONS)))
    {
        return None;
    }
    let participle = |t: &Tok| {
        (ends_with_verb(text, t) && !word_in(text, t, &VERB_SET) && !word_is(text, t, &["zijn"]))
            || inseparable_participle(text, t)
    };
    // The auxiliary before, in the same sentence, its participle not yet come.
    let mut aux = false;
    for t in toks[i.saturating_sub(12)..i].iter().rev() {
        if t.class == Class::Punct || t.nl_before > 0 {
            break;
        }
        if word_is(text, t, &PERFECT_AUX) {
            aux = true;
            break;
        }
        if participle(t) {
            return None;
        }
    }
    if !aux {
        return None;
    }
    // The participle after the insertion, before any other punctuation or clause word.
    for t in &toks[j + 1..(j + 10).min(toks.len())] {
        if t.class == Class::Punct || stop(t) {
            break;
        }
        if participle(t) {
            return Some(j);
        }
    }
    // "heeft, volgens de psychiater, een ernstige depressie": a verb right before the
    // insertion whose complement follows it up to the sentence end, with no verb of its own.
    let verb_before = i > 0 && word_is(text, &toks[i - 1], &PERFECT_AUX);
    let complement_end = (j + 2..(j + 10).min(toks.len())).find(|&k| {
        toks[k].nl_before > 0
            || [b'.', b';', b'!', b'?']
                .iter()
                .any(|&p| toks[k].is_punct(text, p))
    });
    let complement = complement_end.is_some_and(|e| {
        toks[j + 1..e]
            .iter()
            .all(|t| t.class == Class::Word && !stop(t) && !participle(t))
    });
    (verb_before && complement).then_some(j)
}

/// Nouns of a belief whose content a "dat" clause spells out: "had de waan, ..., dat het kind
/// van haar was".
const BELIEF_NOUNS: [&str; 8] = [
    "waan",
    "waanidee",
    "overtuiging",
    "gedachte",
    "idee",
    "vrees",
    "angst",
    "indruk",
];

/// A comma before the content clause of a belief noun earlier in the clause ("had de waan,
/// dat wil zeggen ..., dat het kind van haar was"): the content is the fact the belief holds,
/// part of the same statement, not a clause of its own.
fn content_comma(text: &str, toks: &[Tok], i: usize) -> bool {
    if !toks[i].is_punct(text, b',')
        || !toks.get(i + 1).is_some_and(|n| word_is(text, n, &["dat"]))
        || toks.get(i + 2).is_some_and(|n| word_is(text, n, &["wil"]))
    {
        return false;
    }
    for k in (i.saturating_sub(16)..i).rev() {
        let t = &toks[k];
        // The verb of an explanation (", dat wil zeggen ...") is no verb of the clause.
        let explains = word_is(text, t, &["wil"])
            && toks
                .get(k + 1)
                .is_some_and(|z| word_is(text, z, &["zeggen"]));
        if t.nl_before > 0
            || (word_in(text, t, &VERB_SET) && !explains)
            || (t.class == Class::Punct
                && matches!(text.as_bytes()[t.start()], b'.' | b'!' | b'?' | b';' | b':'))
        {
            return false;
        }
        if word_is(text, t, &BELIEF_NOUNS)
            && k > 0
            && word_is(text, &toks[k - 1], &["de", "het", "een", "zijn", "haar"])
        {
            return true;
        }
    }
    false
}

/// Whether token `k` makes what follows a topic ("over je ziekmelding", "met betrekking tot
/// dit geloof", "betreffende zijn detentie", "inzake"), not a fact stated of a person.
fn topic_word(text: &str, toks: &[Tok], k: usize) -> bool {
    word_is(text, &toks[k], &["over", "betreffende", "inzake"])
        || (word_is(text, &toks[k], &["betrekking"])
            && toks.get(k + 1).is_some_and(|n| word_is(text, n, &["tot"])))
}

/// Violent acts by their verb: criminal data of the one who does them.
const VIOLENT_ACTS: [&str; 17] = [
    "vermoord",
    "vermoordde",
    "doodgeschoten",
    "doodgeslagen",
    "doodgereden",
    "sloeg",
    "geslagen",
    "aanviel",
    "aangevallen",
    "gestoken",
    "stak",
    "geschopt",
    "schopte",
    "gewurgd",
    "wurgde",
    "mishandelde",
    "neergeslagen",
];

/// Nouns for a person as offender in a criminal ruling or record.
const OFFENDERS: [&str; 5] = [
    "verdachte",
    "veroordeelde",
    "terbeschikkinggestelde",
    "dader",
    "betrokkene",
];

/// Whether the violent act at token `ti` is done by an offender: active voice (no "is", "werd"
/// or "wordt" before a participle: "zij is geslagen" is the victim's account) and an offender
/// noun in the sentence or, for a pronoun subject at the verb ("Ook sloeg hij haar"), in the
/// two sentences before. Why: the same verbs tell an asylum seeker's or a victim's story, which is no
/// criminal data of theirs.
fn violent_act(text: &str, toks: &[Tok], ti: usize) -> bool {
    // "heeft acht geslagen op": took into account.
    if ti > 0 && word_is(text, &toks[ti - 1], &["acht"]) {
        return false;
    }
    let sentence_start = (0..ti)
        .rev()
        .find(|&k| toks[k].is_punct(text, b'.') || toks[k + 1].nl_before > 1)
        .map_or(0, |k| k + 1);
    let passive = (sentence_start..ti).any(|k| {
        word_is(
            text,
            &toks[k],
            &[
                "is", "was", "werd", "wordt", "zijn", "waren", "werden", "worden",
            ],
        )
    }) && !(sentence_start..ti)
        .any(|k| word_is(text, &toks[k], &["heeft", "hebben", "had"]));
    if passive {
        return false;
    }
    let end = (ti..toks.len())
        .find(|&k| {
            toks[k].is_punct(text, b'.')
                || toks[k].is_punct(text, b':')
                || toks.get(k + 1).is_some_and(|n| n.nl_before > 0)
        })
        .unwrap_or(toks.len() - 1);
    if (sentence_start..=end).any(|k| word_is(text, &toks[k], &OFFENDERS)) {
        return true;
    }
    // A pronoun subject right at the verb ("Ook sloeg hij haar", "hij stak") refers back to
    // the offender of the sentences before; "dat haar man haar had geslagen" has another.
    let pronoun = [ti.checked_sub(1), Some(ti + 1)]
        .into_iter()
        .flatten()
        .any(|k| {
            toks.get(k)
                .is_some_and(|t| word_is(text, t, &["hij", "zij", "ze"]))
        });
    let mut stops = 0;
    let mut k = sentence_start;
    while pronoun && k > 0 && stops < 3 {
        k -= 1;
        if toks[k].is_punct(text, b'.') {
            stops += 1;
        }
        if word_is(text, &toks[k], &OFFENDERS) {
            return true;
        }
    }
    false
}

/// Partner nouns by sex, for [`same_sex_relation`].
const FEMALE_PARTNERS: [&str; 4] = ["vrouw", "meisje", "non", "vriendin"];
const MALE_PARTNERS: [&str; 3] = ["man", "jongen", "vriend"];
/// Words that show the sex of the person a sentence is about.
const FEMALE_REFS: [&str; 9] = [
    "zij",
    "haar",
    "eiseres",
    "appellante",
    "klaagster",
    "verzoekster",
    "cliënte",
    "patiënte",
    "betrokkene",
];
const MALE_REFS: [&str; 7] = [
    "hij",
    "zijn",
    "eiser",
    "appellant",
    "klager",
    "verzoeker",
    "cliënt",
];

/// Whether "relatie met een (andere) X" at token `ti` is a relation with a partner of the same
/// sex as the person the sentence is about (the nearest reference before it): "Eiseres heeft
/// een relatie met een vrouw gehad". Why: that states a sexual orientation without a word for
/// it, as asylum rulings on LGBT applicants do; a relation with someone of the other sex, or
/// a sex that cannot be told, states none.
fn same_sex_relation(text: &str, toks: &[Tok], ti: usize) -> bool {
    let mut p = ti + 3;
    if toks.get(p).is_some_and(|t| word_is(text, t, &["andere"])) {
        p += 1;
    }
    let Some(partner) = toks.get(p) else {
        return false;
    };
    let female_partner = word_is(text, partner, &FEMALE_PARTNERS);
    if !female_partner && !word_is(text, partner, &MALE_PARTNERS) {
        return false;
    }
    sex_before(text, toks, ti) == Some(female_partner)
}

/// The sex of the person the words before token `ti` speak of, by the nearest reference in
/// the twelve tokens before it: `Some(true)` female, `Some(false)` male.
fn sex_before(text: &str, toks: &[Tok], ti: usize) -> Option<bool> {
    (ti.saturating_sub(12)..ti).rev().find_map(|k| {
        let t = &toks[k];
        if word_is(text, t, &FEMALE_REFS) && !word_is(text, t, &["betrokkene"]) {
            Some(true)
        } else if word_is(text, t, &MALE_REFS) {
            Some(false)
        } else {
            None
        }
    })
}

/// Whether the "arbeidsongeschikt" at token `ti` (`rest` the rest of its word) names how a
/// benefit is computed or whom it is for ("een mate van arbeidsongeschiktheid van 50%",
/// "gedeeltelijk arbeidsongeschikten"), not a finding about a person.
fn benefit_degree(text: &str, toks: &[Tok], ti: usize, rest: &str) -> bool {
    rest.eq_ignore_ascii_case("en")
        || (rest.eq_ignore_ascii_case("heid")
            && ti >= 2
            && (word_is(text, &toks[ti - 1], &["van"])
                && word_is(text, &toks[ti - 2], &["mate", "percentage"])
                || word_is(text, &toks[ti - 1], &["%"])
                || toks[ti - 1].class == Class::Number))
}

/// Words of capacity and will: "niet belastbaar", "niet gemotiveerd voor behandeling" state
/// a lack, which is the health fact (the negation denies nothing).
const CAPACITY: [&str; 7] = [
    "belastbaar",
    "gemotiveerd",
    "arbeidsgeschikt",
    "zelfredzaam",
    "wilsbekwaam",
    "mobiel",
    "leerbaar",
];

/// Whether the negation at token `k` states a lack or a time rather than denying the fact:
/// "niet belastbaar", "niet gemotiveerd", "niet veel eerder gediagnosticeerd", "niet lang
/// geleden", "niet alleen".
fn states_lack(text: &str, toks: &[Tok], k: usize) -> bool {
    word_is(text, &toks[k], &["niet"])
        && toks.get(k + 1).is_some_and(|n| {
            word_is(text, n, &CAPACITY) || word_is(text, n, &["veel", "lang", "alleen"])
        })
}

/// Verbs that report a claim with an infinitive after them: "Eiseres stelt ... te zijn
/// bekeerd", "heeft verklaard lesbisch te zijn".
const REPORTING: [&str; 7] = [
    "stelt",
    "stelde",
    "verklaart",
    "verklaarde",
    "zegt",
    "beweert",
    "meent",
];
const REPORTED: [&str; 4] = ["gesteld", "verklaard", "gezegd", "beweerd"];

/// Where the claim starts when the clause from `start` opens with a verb of saying whose
/// object is an infinitive clause ("stelt | volledig arbeidsongeschikt te zijn", "heeft
/// verklaard | lesbisch te zijn"). Why: who says it is no part of the fact, as "volgens een
/// bron" is not; with "dat" the saying is a clause of its own already.
fn reported_claim(text: &str, toks: &[Tok], start: usize, c: usize, r: usize) -> Option<usize> {
    let k = if word_is(text, toks.get(start)?, &REPORTING) {
        start + 1
    } else if word_is(text, &toks[start], &["heeft", "hebben", "had"])
        && toks
            .get(start + 1)
            .is_some_and(|t| word_is(text, t, &REPORTED))
    {
        start + 2
    } else {
        return None;
    };
    let infinitive = (k..r).any(|j| {
        word_is(text, &toks[j], &["te"]) && toks[j + 1].class == Class::Word && !toks[j + 1].cap
    });
    (k <= c && infinitive && !word_is(text, &toks[k], &["dat", "te"])).then_some(k)
}

/// Degree and manner words that "en" joins before one head ("volledig en duurzaam
/// arbeidsongeschikt", "lichamelijk en psychisch ziek").
const MODIFIERS: [&str; 14] = [
    "volledig",
    "gedeeltelijk",
    "geheel",
    "duurzaam",
    "blijvend",
    "tijdelijk",
    "lichamelijk",
    "psychisch",
    "fysiek",
    "ernstig",
    "licht",
    "zwaar",
    "chronisch",
    "matig",
];

/// Whether the "en"/"of" at `i` joins two modifiers of one head: no bound between clauses.
fn modifiers_joined(text: &str, toks: &[Tok], i: usize) -> bool {
    i > 0
        && word_is(text, &toks[i], &["en", "of"])
        && word_is(text, &toks[i - 1], &MODIFIERS)
        && toks
            .get(i + 1)
            .is_some_and(|n| word_is(text, n, &MODIFIERS))
}

/// A comma inside a place of origin: "afkomstig uit Sinjar, Irak", "geboren in Nador,
/// Marokko" (a town and its country, then the sentence goes on or ends).
fn place_comma(text: &str, toks: &[Tok], i: usize) -> bool {
    i >= 2
        && toks[i].is_punct(text, b',')
        && toks[i - 1].cap
        && toks[i - 1].class == Class::Word
        && word_is(text, &toks[i - 2], &["uit", "in", "te", "naar"])
        && toks
            .get(i + 1)
            .is_some_and(|n| n.cap && n.class == Class::Word && n.nl_before == 0)
        && toks
            .get(i + 2)
            .is_none_or(|n| n.class == Class::Punct || n.nl_before > 0)
}

/// A comma before an explanation of the same fact: ", namelijk ...", ", dat wil zeggen ...".
fn explanation_comma(text: &str, toks: &[Tok], i: usize) -> bool {
    toks[i].is_punct(text, b',')
        && toks.get(i + 1).is_some_and(|n| {
            word_is(text, n, &["namelijk"])
                || (word_is(text, n, &["dat"])
                    && toks.get(i + 2).is_some_and(|w| word_is(text, w, &["wil"]))
                    && toks
                        .get(i + 3)
                        .is_some_and(|z| word_is(text, z, &["zeggen"])))
        })
}

/// The last token of a participle phrase after the comma at `i` that ends its sentence or
/// line without a subject or finite verb of its own ("heeft hoofdpijnklachten, | verwezen naar
/// de kinderarts", "veroordeeld 2015 (haatzaaien), | in beroep herzien."): it shares the
/// clause's subject and auxiliary, so it says more of the same fact. Not "gelet op", "gezien"
/// (a reason that follows).
fn participle_tail(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    if !toks.get(i)?.is_punct(text, b',') {
        return None;
    }
    // It opens with the participle or with a preposition ("in beroep herzien"); "de ruit
    // ingegooid" is the object of another clause's verb.
    let first = toks.get(i + 1)?;
    // Also the strong participles of verbs with an unstressed prefix ("verwezen", "herzien"),
    // which [`inseparable_participle`] leaves to the words in -d and -t.
    let participle_at = |t: &Tok| {
        let w = t.text(text).as_bytes();
        (ends_with_verb(text, t) && !word_in(text, t, &VERB_SET))
            || inseparable_participle(text, t)
            || (t.class == Class::Word
                && !t.cap
                && w.len() >= 7
                && w.ends_with(b"en")
                && [&b"ver"[..], b"her", b"ont", b"be"]
                    .iter()
                    .any(|p| w.starts_with(p)))
    };
    if !(participle_at(first)
        || word_is(text, first, &PREPOSITIONS)
        || word_is(text, first, &INSERT_OPENERS))
    {
        return None;
    }
    let mut participle = false;
    for k in i + 1..(i + 9).min(toks.len()) {
        let t = &toks[k];
        let ends = t.nl_before > 0
            || toks[k - 1].tab_before(text, t)
            || [b'.', b';', b':', b'!', b'?']
                .iter()
                .any(|&p| t.is_punct(text, p));
        if ends {
            return (participle && k > i + 1).then_some(k - 1);
        }
        if t.class == Class::Punct
            || t.cap
            || word_in(text, t, &VERB_SET)
            || word_in(text, t, &SUBJECT_SET)
            || word_in(text, t, &SOFT_BOUND_SET)
            || word_is(text, t, &["gelet", "gezien", "behoudens"])
        {
            return None;
        }
        participle |= participle_at(t);
    }
    if participle && i + 9 >= toks.len() {
        return Some(toks.len() - 1);
    }
    None
}

/// Prepositions that open a trailing adverbial after a comma: "is ter beschikking gesteld,
/// na bewezenverklaring van ...", "zit vast, sinds maart".
const TRAILING: [&str; 6] = ["na", "wegens", "vanwege", "sinds", "tijdens", "zonder"];

/// A comma before a trailing adverbial of the same clause: a preposition of [`TRAILING`] and
/// then, up to the sentence end, a colon, a semicolon or the line end, no verb, subject or
/// clause word. Why: `corpus/GUIDELINES.md` ends a span at a comma only where another clause
/// with its own verb starts; an adverbial narrows the fact.
fn adverbial_comma(text: &str, toks: &[Tok], i: usize) -> bool {
    // "veroordeeld voor ..., in 2017 en in 2019": a date or year after "in"/"op"/"vanaf" is
    // a trailing adverbial of time too.
    let dated = |o: &Tok| {
        word_is(text, o, &["in", "op", "vanaf"])
            && toks.get(i + 2).is_some_and(|n| n.class == Class::Number)
    };
    let Some(opener) = toks.get(i + 1) else {
        return false;
    };
    if !toks[i].is_punct(text, b',') || !(word_is(text, opener, &TRAILING) || dated(opener)) {
        return false;
    }
    for (k, t) in toks.iter().enumerate().take(i + 14).skip(i + 2) {
        if t.nl_before > 0 || [b'.', b':', b';'].iter().any(|&p| t.is_punct(text, p)) {
            return k > i + 2;
        }
        // "in 2017 en in 2019": the same adverbial once more.
        if word_is(text, t, &["en", "of"])
            && toks.get(k + 1).is_some_and(|n| {
                n.class == Class::Number || n.text(text).eq_ignore_ascii_case(opener.text(text))
            })
        {
            continue;
        }
        if t.class == Class::Punct
            || ends_with_verb(text, t)
            || word_in(text, t, &SUBJECT_SET)
            || word_in(text, t, &SOFT_BOUND_SET)
        {
            return false;
        }
    }
    i + 14 >= toks.len()
}

/// A comma before a party the ruling's anonymisation names in apposition: "een relatie met
/// een andere non, [persoon A]." (the bracket closes the sentence or the line).
fn placeholder_comma(text: &str, toks: &[Tok], i: usize) -> bool {
    if !toks[i].is_punct(text, b',') || !toks.get(i + 1).is_some_and(|n| n.is_punct(text, b'[')) {
        return false;
    }
    let Some(close) = (i + 2..(i + 6).min(toks.len())).find(|&k| toks[k].is_punct(text, b']'))
    else {
        return false;
    };
    toks.get(close + 1)
        .is_none_or(|n| n.nl_before > 0 || n.is_punct(text, b'.') || n.is_punct(text, b';'))
}

/// The items of a list under a clause that ends in a colon ("... ter beschikking gesteld,
/// na bewezenverklaring van de misdrijven:" / "- doodslag;" / "- wederspannigheid ..."): each
/// item line is a fact of the clause's kind. Why: such a list spells out the fact, one item a
/// fact, as the cells of a table are (`corpus/GUIDELINES.md`).
fn list_items(text: &str, toks: &[Tok], sg: &Seg, out: &mut Vec<Seg>) {
    let colon = sg.e + 1;
    if !toks.get(colon).is_some_and(|t| t.is_punct(text, b':'))
        || toks.get(colon + 1).is_none_or(|t| t.nl_before == 0)
    {
        return;
    }
    let mut j = colon + 1;
    while let Some(mark) = toks.get(j) {
        if !(mark.nl_before > 0 && bullet(text, mark)) {
            break;
        }
        let first = j + 1;
        let mut last = first;
        while toks.get(last + 1).is_some_and(|n| n.nl_before == 0) {
            last += 1;
        }
        let next = last + 1;
        // "- Een geldboete wegens ... rijden. Tegen de strafbeschikking ...": the item is its
        // first sentence; what follows on the line is a sentence of its own.
        if let Some(stop) = (first + 1..last).find(|&k| {
            toks[k].is_punct(text, b'.')
                && toks[k + 1].cap
                && toks[k + 1].class == Class::Word
                && toks[k + 1].space_before
        }) {
            last = stop;
        }
        while last > first
            && (toks[last].class == Class::Punct || word_is(text, &toks[last], &["en", "of"]))
        {
            last -= 1;
        }
        if first >= toks.len() || toks[first].class != Class::Word {
            break;
        }
        out.push(Seg {
            s: first,
            e: last,
            kind: sg.kind,
            weight: sg.weight,
            negated: false,
            np: None,
        });
        j = next;
    }
}

/// "zijn strafbare feiten geregistreerd, namelijk:": the word that announces the list after
/// the clause is no part of the fact; the segment ends before it (and its comma).
fn announcement_cut(text: &str, toks: &[Tok], sg: &mut Seg) {
    let e = sg.e;
    if e > sg.s + 1
        && word_is(text, &toks[e], &["namelijk"])
        && toks.get(e + 1).is_some_and(|t| t.is_punct(text, b':'))
        && toks[e - 1].is_punct(text, b',')
    {
        sg.e = e - 2;
    }
}

/// Whether tokens `l..=r`, which open a line, are a label before a colon without a verb
/// ("Beslissing op de vordering ... tot verlenging van de terbeschikkingstelling van:"): a
/// heading names the matter, it states no fact about a person.
fn verbless_label(text: &str, toks: &[Tok], l: usize, r: usize) -> bool {
    toks.get(r + 1).is_some_and(|n| n.is_punct(text, b':'))
        && toks.get(r + 2).is_none_or(|n| n.nl_before > 0)
        && !(l..=r).any(|k| ends_with_verb(text, &toks[k]) || word_is(text, &toks[k], &COPULAS))
}

/// Whether the clause `l..=r` has a court or an authority as subject ("heeft de rechtbank
/// rekening gehouden met ... het bewezen verklaarde"; not "door de rechtbank") and names no
/// person: the authority acts on the case. A clause that names the person ("het hof heeft de verdachte veroordeeld")
/// states the fact.
fn authority_acts(
    text: &str,
    toks: &[Tok],
    l: usize,
    r: usize,
    persons: &[(usize, usize)],
) -> bool {
    (l.max(2)..=r).any(|k| {
        word_is(text, &toks[k], &AUTHORITIES)
            && word_is(text, &toks[k - 1], &["de", "het"])
            && !word_is(text, &toks[k - 2], &PREPOSITIONS)
    }) && !(l..=r).any(|k| {
        let t = &toks[k];
        word_in(text, t, &SUBJECT_SET)
            || word_in(text, t, &SUBJECT_NOUN_SET)
            || word_is(text, t, &POSSESSIVES)
            || covers(persons, t.start(), t.end())
    })
}

/// Whether `t` is a list bullet ("-", "•").
fn bullet(text: &str, t: &Tok) -> bool {
    t.is_punct(text, b'-') || crate::sub(text, t.start(), t.end()) == "•"
}

/// Whether "dat" at `i` opens "dat wil zeggen": an explanation of the same fact, no clause.
fn that_is(text: &str, toks: &[Tok], i: usize) -> bool {
    word_is(text, &toks[i], &["dat"])
        && toks.get(i + 1).is_some_and(|w| word_is(text, w, &["wil"]))
        && toks
            .get(i + 2)
            .is_some_and(|z| word_is(text, z, &["zeggen"]))
}

/// Whether the "en" at `i` joins a last noun phrase to the clause ("heeft gedood door
/// messteken in het hoofd | en het bovenlichaam."): an article or possessive after it, then at
/// most five words without a verb or subject up to the sentence or line end. Why: words
/// coordinated under one verb are one span (`corpus/GUIDELINES.md`); a clause with a verb of
/// its own after "en" is not joined.
fn noun_phrases_joined(text: &str, toks: &[Tok], i: usize) -> bool {
    if !word_is(text, &toks[i], &["en"])
        || !toks
            .get(i + 1)
            .is_some_and(|t| word_is(text, t, &["de", "het", "een", "zijn", "haar", "hun"]))
    {
        return false;
    }
    for (k, t) in toks.iter().enumerate().take(i + 8).skip(i + 2) {
        if t.nl_before > 0 || t.is_punct(text, b'.') || t.is_punct(text, b';') {
            return k > i + 2;
        }
        if t.class != Class::Word
            || ends_with_verb(text, t)
            || word_in(text, t, &SUBJECT_SET)
            || word_in(text, t, &SOFT_BOUND_SET)
        {
            return false;
        }
    }
    false
}

/// Whether the "maar"/"en" at `i` opens a clause that states nothing without the one before
/// it: an auxiliary, a demonstrative that refers back and the participle that ends it
/// ("droeg een hoofddoek | maar heeft die afgedaan,"), one span by `corpus/GUIDELINES.md`.
fn refers_back(text: &str, toks: &[Tok], i: usize) -> bool {
    word_is(text, &toks[i], &["maar", "en"])
        && toks.get(i + 1).is_some_and(|a| word_is(text, a, &AUX))
        && toks
            .get(i + 2)
            .is_some_and(|d| word_is(text, d, &["die", "dat", "het"]))
        && toks
            .get(i + 3)
            .is_some_and(|v| v.class == Class::Word && !v.cap)
        && toks
            .get(i + 4)
            .is_none_or(|n| n.class == Class::Punct || n.nl_before > 0)
}

/// A comma between digits without a space: a decimal ("994,76").
fn number_comma(text: &str, toks: &[Tok], i: usize) -> bool {
    i > 0
        && toks[i].is_punct(text, b',')
        && toks[i - 1].class == Class::Number
        && toks[i - 1].end() == toks[i].start()
        && toks
            .get(i + 1)
            .is_some_and(|n| n.class == Class::Number && n.start() == toks[i].end())
}

/// One item of an enumeration: a number or a lower-case word that is no pronoun or verb.
fn enumeration_item(text: &str, t: &Tok) -> bool {
    t.class == Class::Number
        || (t.class == Class::Word
            && !t.cap
            && !word_in(text, t, &SUBJECT_SET)
            && !word_in(text, t, &VERB_SET)
            && !word_in(text, t, &SOFT_BOUND_SET))
}

/// A comma in "a, b(, c) en d": single items, the last one after "en"/"of" and before a bound
/// or the line end.
fn enumeration_comma(text: &str, toks: &[Tok], i: usize) -> bool {
    if i == 0 || !toks[i].is_punct(text, b',') || !enumeration_item(text, &toks[i - 1]) {
        return false;
    }
    let mut j = i;
    for _ in 0..6 {
        // toks[j] is a comma; an item follows, then a comma or the closing "en"/"of".
        let (Some(item), Some(next)) = (toks.get(j + 1), toks.get(j + 2)) else {
            return false;
        };
        if !enumeration_item(text, item) || item.nl_before > 0 || next.nl_before > 0 {
            return false;
        }
        if next.is_punct(text, b',') {
            j += 2;
            continue;
        }
        return word_is(text, next, &["en", "of"]) && enumeration_end(text, toks, j + 2);
    }
    false
}

/// Whether the "en"/"of" at `i` closes an enumeration "a, b en c": an item after it that ends
/// the phrase (a bound, a line end or the end of the text follows), and a comma two tokens
/// before it (two numbers need none: "in 2010 en 2016").
fn enumeration_end(text: &str, toks: &[Tok], i: usize) -> bool {
    if i < 2 || !word_is(text, &toks[i], &["en", "of"]) {
        return false;
    }
    let (Some(last), before) = (toks.get(i + 1), &toks[i - 1]) else {
        return false;
    };
    let numbers = before.class == Class::Number && last.class == Class::Number;
    (toks[i - 2].is_punct(text, b',') || numbers)
        && enumeration_item(text, before)
        && enumeration_item(text, last)
        && last.nl_before == 0
        && toks.get(i + 2).is_none_or(|n| {
            n.nl_before > 0 || n.class == Class::Punct || word_is(text, n, &ADJUNCTS)
        })
}

fn adjective_comma(text: &str, toks: &[Tok], i: usize) -> bool {
    if !toks[i].is_punct(text, b',') || i < 2 || i + 2 >= toks.len() {
        return false;
    }
    let adj = |t: &Tok| t.class == Class::Word && !t.cap && t.text(text).ends_with('e');
    adj(&toks[i - 1])
        && word_is(text, &toks[i - 2], &["een", "de", "het"])
        && adj(&toks[i + 1])
        && toks[i + 2].class == Class::Word
}

/// A capitalised cue word inside a sentence is a name ("Contactorgaan Moslims").
fn capitalised_mid_sentence(text: &str, s: usize) -> bool {
    let b = text.as_bytes();
    if !b[s].is_ascii_uppercase() {
        return false;
    }
    let before = crate::sub(text, 0, s).trim_end_matches([' ', '\t']);
    !(before.is_empty() || before.ends_with(['.', '\n', ':', ';', '!', '?', '(', '"']))
}

/// "lid van de Nederlands Gereformeerde Kerk": a church's name after "lid van" is a
/// membership, although its words are capitalised.
fn member_of(text: &str, s: usize) -> bool {
    let mut words = crate::sub(text, 0, s)
        .split_ascii_whitespace()
        .rev()
        .take(4);
    let mut after_van = false;
    words.any(|w| {
        let found = after_van && w.eq_ignore_ascii_case("lid");
        after_van = w.eq_ignore_ascii_case("van");
        found
    })
}

/// "een Koerdische achtergrond": an adjective of origin right before.
fn adjective_before(text: &str, s: usize) -> bool {
    let before = crate::sub(text, 0, s).trim_end();
    let w = before.rsplit([' ', '\n']).next().unwrap_or("");
    w.chars().next().is_some_and(char::is_uppercase) && (w.ends_with('e') || w.ends_with('-'))
}

/// Whether a span in `spans` (sorted by start, not nested) covers `s..e`.
fn covers(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    let i = spans.partition_point(|&(ps, _)| ps <= s);
    i > 0 && spans[i - 1].1 >= e
}

/// Whether the sentence around tokens `s..=e` refers to a person.
fn person_near(text: &str, toks: &[Tok], s: usize, e: usize, persons: &[(usize, usize)]) -> bool {
    let mut a = s;
    while a > 0 && !(toks[a - 1].is_punct(text, b'.') || toks[a].nl_before > 1) && s - a < 40 {
        a -= 1;
    }
    let mut b = e;
    while b + 1 < toks.len() && !toks[b].is_punct(text, b'.') && b - e < 20 {
        b += 1;
    }
    // The sentence itself, and up to a few lines of the same paragraph before it (a record's
    // "BSN: ... / Woonadres: ..." fields, a list entry's name).
    let floor = toks[a].start().saturating_sub(320);
    // The last blank line before the sentence: a reverse scan for newlines (a `memmem`
    // searcher is built per call, which cost more than the scan).
    let hay = &text.as_bytes()[floor..toks[a].start()];
    let para_start = memchr::memrchr_iter(b'\n', hay)
        .find(|&p| p > 0 && hay[p - 1] == b'\n')
        .map_or(floor, |p| floor + p + 1);
    let (sa, sb) = (para_start.min(toks[a].start()), toks[b].end());
    let from = persons.partition_point(|&(ps, _)| ps < sa);
    if persons[from..]
        .iter()
        .take_while(|&&(ps, _)| ps < sb)
        .any(|&(_, pe)| pe <= sb)
    {
        return true;
    }
    toks[a..=b].iter().any(|t| word_is(text, t, &PERSON_REFS))
        || (a..=b).any(|i| party_placeholder(text, toks, i))
}

/// Whether token `i` opens a placeholder the anonymisation puts for a party ("[eisende
/// partij]", "[verwerende persoon]"): a party word between the brackets. Not "[plaats]" or
/// "[datum]".
fn party_placeholder(text: &str, toks: &[Tok], i: usize) -> bool {
    placeholder_end(text, toks, i).is_some_and(|q| {
        toks[i + 1..q]
            .iter()
            .any(|t| word_is(text, t, &["partij", "persoon"]))
    })
}

const PERSON_REFS: [&str; 67] = [
    "zichzelf",
    // Two people of a ruling ("zijn beiden ...", "is voor beiden ..."), plural parties.
    "beiden",
    "klagers",
    "verdachte",
    "terbeschikkinggestelde",
    "slachtoffer",
    "hij",
    "zij",
    "ze",
    "ik",
    "lk",
    "u",
    "hem",
    "haar",
    "zijn",
    "mijn",
    "mij",
    "zijzelf",
    "hijzelf",
    "zich",
    "uw",
    "je",
    "jij",
    "jou",
    "jouw",
    "cliënt",
    "betrokkene",
    "eiser",
    "eiseres",
    "eisers",
    "appellant",
    "appellante",
    "verzoeker",
    "verzoekster",
    "belanghebbende",
    "aanvrager",
    "aanvraagster",
    "cliënte",
    "patiënt",
    "patiënte",
    "vreemdeling",
    "asielzoeker",
    "werknemer",
    "werkneemster",
    "medewerker",
    "medewerkster",
    "leerling",
    "jongere",
    "minderjarige",
    "pupil",
    "bewoner",
    "bewoonster",
    "aangever",
    "aangeefster",
    "gedetineerde",
    "veroordeelde",
    "klager",
    "klaagster",
    "moeder",
    "vader",
    "zoon",
    "dochter",
    "meisje",
    "jongen",
    "man",
    "vrouw",
    "kind",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn cue_at(text: &str, p: usize) -> Option<&'static str> {
        let ix = cue_index();
        ix.longest_at(text.as_bytes(), p).map(|m| cue(m.pattern).0)
    }

    /// The four-byte key from one load is the key byte by byte, for every byte at every place.
    #[test]
    fn key4_is_key_of_four_bytes() {
        for b in 0..=255u8 {
            for at in 0..4 {
                let mut four = *b"AzQ@";
                four[at] = b;
                assert_eq!(key4(four), key(&four, 4), "{four:?}");
            }
        }
    }

    /// The tokenizer's filter never rules out a cue, in any ASCII case, with anything after.
    #[test]
    fn every_cue_may_begin() {
        for c in CUES.iter().chain(ACRONYMS) {
            for text in [
                format!("{} x", c.0),
                format!("{} x", c.0.to_ascii_uppercase()),
                format!("{}.", c.0.to_ascii_lowercase()),
                c.0.to_string(),
            ] {
                assert!(may_begin_cue(text.as_bytes(), 0), "{}", c.0);
                assert!(cue_at(&text, 0).is_some(), "{}", c.0);
            }
        }
        assert!(!may_begin_cue(b"qqq", 0));
    }

    /// Texts on which `coordinated` once indexed past its gap (two same-kind segments with
    /// nothing between them): a line break inside a clause, a phrase typed twice. Detection
    /// must not panic and must keep the offset contract.
    #[test]
    fn adjacent_segments_do_not_panic() {
        for text in [
            "uit Den Haag. Hij zou sindsdien een strikt salafistische\ngeloofsopvatting aanhangen en in de moskee lessen",
            "Hij is van Turkse afkomst van Turkse afkomst.",
            "Hij is moslim moslim moslim.",
            "Zij heeft diabetes diabetes, diabetes en diabetes",
        ] {
            let found = crate::Detector::new().detect(text);
            for f in &found {
                assert!(f.start < f.end && f.end <= text.len());
            }
        }
    }

    #[test]
    fn cue_index_finds_the_longest_cue_case_insensitively() {
        assert_eq!(cue_at("is HIV-positief.", 3), Some("hiv-positief"));
        assert_eq!(cue_at("heeft hiv.", 6), Some("hiv"));
        assert_eq!(cue_at("Moslim", 0), Some("moslim"));
        assert_eq!(cue_at("anti-islam", 5), Some("islam"));
        assert_eq!(cue_at("huis", 0), None);
        assert_eq!(cue_at("h", 0), None);
        // Fewer than four bytes left.
        assert_eq!(cue_at("tbc", 0), Some("tbc"));
        assert_eq!(cue_at("het SP", 4), Some("SP"));
        assert_eq!(cue_at("het sp", 4), Some("SP"));
    }
}
