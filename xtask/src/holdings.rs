//! `cargo xtask holdings`: generated holdings of **known identity** for measuring subject
//! resolution (who is who), and the access requests of the people in them.
//!
//! A holding is a small population of synthetic people — families (parents, children, a
//! married woman who also writes her partner's name before her own), namesakes (two people
//! with the same full name, different birth dates and towns), a father and son who share
//! an initial, civil servants who sign and attend — and the documents a public body keeps
//! about them: analyses of a person and their network, letters, minutes with an attendance
//! list and surnames alone in the text, mails with "Surname, Given names" headers, notes of a
//! conversation with a family, lists of participants. Names come from Dutch, Turkish,
//! Moroccan, Somali, Surinamese and other communities, in the spellings that occur:
//! diacritics or not (Yılmaz/Yilmaz), transliterations (Mohamed/Mohammed/Muhammad,
//! Youssef/Yusuf), a hyphen or a space in double given names, initials with particles,
//! inverted names, married double names.
//!
//! Every person mention's true identity is known: [`Holding::docs`] carry the byte span and
//! the person id of each name as written (without a title before it). A writer's rule keeps
//! the documents fair: a short form (surname alone, title and surname, given name alone,
//! initials) is written only after the person was introduced in that document and only
//! where no other person in the document fits it.
//!
//! The same seed gives the same holding. What it is not: a model of real people; all names
//! are combined at random from lists, and every person is synthetic.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

/// The shape of a generated holding.
#[derive(Debug, Clone)]
pub struct Config {
    pub seed: u64,
    /// Families (households of two to five people).
    pub families: usize,
    /// Pairs of namesakes: a second person with the full name of someone in a family.
    pub namesakes: usize,
    /// Civil servants who write, sign and attend.
    pub staff: usize,
    /// Documents.
    pub docs: usize,
    /// Chance that a namesake's full-name introduction carries birth date and town.
    pub namesake_details: f64,
    /// The same for everyone else.
    pub other_details: f64,
}

impl Config {
    /// The development configuration: rules may be tuned on it.
    pub fn dev(seed: u64) -> Config {
        Config {
            seed,
            families: 14,
            namesakes: 5,
            staff: 5,
            docs: 90,
            namesake_details: 0.9,
            other_details: 0.35,
        }
    }

    /// The held-out configuration: other proportions, never tuned on.
    pub fn held_out(seed: u64) -> Config {
        Config {
            seed,
            families: 20,
            namesakes: 8,
            staff: 6,
            docs: 140,
            namesake_details: 0.85,
            other_details: 0.25,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Dutch,
    Turkish,
    Moroccan,
    Somali,
    Surinamese,
    Other,
}

/// One synthetic person.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: usize,
    pub origin: Origin,
    pub female: bool,
    /// Written-out given names; a Somali person's second is the father's name.
    pub givens: Vec<&'static str>,
    /// Whether the two given names are written with a hyphen ("Anna-Maria").
    pub hyphenated: bool,
    pub tussen: &'static str,
    pub surname: &'static str,
    /// The partner's (tussenvoegsel, surname) a married woman may write before her own.
    pub married: Option<(&'static str, &'static str)>,
    pub birth: (u32, u32, u32),
    pub town: &'static str,
    pub street: &'static str,
    pub number: u32,
    pub postcode: String,
    pub email: String,
    pub phone: String,
    pub staff: bool,
    pub family: Option<usize>,
    /// The person whose full name this one shares.
    pub namesake_of: Option<usize>,
}

impl Person {
    /// The canonical full name, as the evaluation prints it.
    pub fn name(&self) -> String {
        let sp = Spelling::default();
        full(self, &sp, false)
    }

    pub fn birth_iso(&self) -> String {
        let (y, m, d) = self.birth;
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// A generated document: its text and the true identity of every person mention.
#[derive(Debug, Clone)]
pub struct Doc {
    pub name: String,
    pub text: String,
    /// (start, end, person id) of each name as written, in text order.
    pub persons: Vec<(usize, usize, usize)>,
    /// People whose birth date and town this document writes beside their name.
    pub described: Vec<usize>,
}

/// An access request mail (RFC 5322) by person `pid`.
#[derive(Debug, Clone)]
pub struct Request {
    pub pid: usize,
    pub mail: String,
}

#[derive(Debug, Clone)]
pub struct Holding {
    pub people: Vec<Person>,
    pub docs: Vec<Doc>,
    pub requests: Vec<Request>,
}

impl Holding {
    /// Documents in which person `pid` is named.
    pub fn docs_of(&self, pid: usize) -> Vec<usize> {
        (0..self.docs.len())
            .filter(|&d| self.docs[d].persons.iter().any(|&(_, _, p)| p == pid))
            .collect()
    }

    /// Whether another person has the same full name (made a namesake, or by chance).
    pub fn has_namesake(&self, pid: usize) -> bool {
        let name = |p: &Person| canonical(&p.name());
        let mine = name(&self.people[pid]);
        self.people.iter().any(|q| q.id != pid && name(q) == mine)
    }

    /// Whether some document writes the birth date and town of `pid` beside the name.
    pub fn described(&self, pid: usize) -> bool {
        self.docs.iter().any(|d| d.described.contains(&pid))
    }

    /// Whether two people cannot be one: another birth date or another town.
    pub fn contradict(&self, a: usize, b: usize) -> bool {
        let (pa, pb) = (&self.people[a], &self.people[b]);
        pa.birth != pb.birth || pa.town != pb.town
    }
}

// ---------------------------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------------------------

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut r = Rng(seed ^ 0x5851_F42D_4C95_7F2D);
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Lists (synthetic combinations of common names; no real person is meant)
// ---------------------------------------------------------------------------------------------

struct Names {
    male: &'static [&'static str],
    female: &'static [&'static str],
    /// (tussenvoegsel, surname)
    surnames: &'static [(&'static str, &'static str)],
}

const DUTCH: Names = Names {
    male: &[
        "Peter", "Jan", "Kees", "Hendrik", "Willem", "Johan", "Gerrit", "Pieter", "Bas", "Joost",
        "Maarten", "Ruud", "Erik", "Frank", "Sander", "Thijs", "Koen", "Bram", "Hans", "Henk",
        "Dirk", "Marco", "Jeroen", "Wouter", "Ruben", "Arjen", "Tom", "Niels", "Martijn", "Gijs",
    ],
    female: &[
        "Anna", "Maria", "Els", "Ineke", "Marieke", "Anouk", "Sanne", "Lotte", "Femke", "Linda",
        "Petra", "Karin", "Monique", "Ingrid", "Wilma", "Janneke", "Marloes", "Esther", "Judith",
        "Annemiek", "Sophie", "Iris", "Eva", "Hanneke", "Greet", "Tineke", "Mirjam", "Saskia",
    ],
    surnames: &[
        ("de", "Boer"),
        ("van", "Dijk"),
        ("", "Jansen"),
        ("de", "Vries"),
        ("van der", "Meer"),
        ("", "Bakker"),
        ("", "Visser"),
        ("", "Smit"),
        ("", "Meijer"),
        ("de", "Wit"),
        ("", "Mulder"),
        ("", "Bos"),
        ("", "Vos"),
        ("", "Peters"),
        ("", "Hendriks"),
        ("van", "Leeuwen"),
        ("", "Dekker"),
        ("", "Brouwer"),
        ("de", "Groot"),
        ("", "Gerritsen"),
        ("van den", "Berg"),
        ("van der", "Linden"),
        ("", "Kok"),
        ("", "Prins"),
        ("de", "Jong"),
        ("", "Vermeulen"),
        ("van", "Beek"),
        ("", "Schouten"),
        ("ter", "Horst"),
        ("", "Hoekstra"),
        ("", "Postma"),
        ("", "Kuipers"),
        ("", "Willems"),
        ("de", "Haan"),
        ("", "Verhoeven"),
    ],
};

const DUTCH_DOUBLE_GIVEN: &[(&str, &str, bool)] = &[
    ("Anna", "Maria", true),
    ("Anne", "Marie", true),
    ("Marie", "José", true),
    ("Jan", "Willem", false),
    ("Pieter", "Jan", false),
    ("Jan", "Peter", false),
    ("Klaas", "Jan", false),
];

const TURKISH: Names = Names {
    male: &[
        "Mehmet", "Ahmet", "Mustafa", "Hüseyin", "İbrahim", "Hasan", "Murat", "Emre", "Burak",
        "Kemal", "Osman", "Ömer", "Serkan", "Erdoğan", "Şükrü", "Çağlar", "Bekir", "Halil",
        "Tuncay", "Yusuf",
    ],
    female: &[
        "Ayşe", "Fatma", "Hatice", "Emine", "Zeynep", "Elif", "Özlem", "Gülşen", "Tuğba", "Sevda",
        "Derya", "Büşra", "Merve", "Esra", "Hülya", "Şeyma", "Nurcan", "Dilek", "Songül",
    ],
    surnames: &[
        ("", "Yılmaz"),
        ("", "Kaya"),
        ("", "Demir"),
        ("", "Şahin"),
        ("", "Çelik"),
        ("", "Yıldız"),
        ("", "Yıldırım"),
        ("", "Öztürk"),
        ("", "Aydın"),
        ("", "Özdemir"),
        ("", "Arslan"),
        ("", "Doğan"),
        ("", "Kılıç"),
        ("", "Aslan"),
        ("", "Çetin"),
        ("", "Kara"),
        ("", "Koç"),
        ("", "Kurt"),
        ("", "Özkan"),
        ("", "Şimşek"),
        ("", "Güler"),
        ("", "Erdem"),
        ("", "Polat"),
        ("", "Karakaya"),
    ],
};

const MOROCCAN: Names = Names {
    male: &[
        "Mohamed",
        "Youssef",
        "Abdelkader",
        "Khalid",
        "Mustapha",
        "Rachid",
        "Said",
        "Hassan",
        "Ahmed",
        "Karim",
        "Driss",
        "Omar",
        "Ilias",
        "Hamid",
        "Abdellah",
        "Mourad",
        "Nordin",
        "Bilal",
        "Soufiane",
        "Redouan",
    ],
    female: &[
        "Fatima", "Khadija", "Naima", "Samira", "Nadia", "Malika", "Hanan", "Zineb", "Loubna",
        "Ikram", "Houda", "Souad", "Latifa", "Amal", "Rachida", "Yasmina", "Nora", "Siham",
        "Ouafae", "Hafsa",
    ],
    surnames: &[
        ("", "El Amrani"),
        ("", "Benali"),
        ("", "Bouzidi"),
        ("", "El Idrissi"),
        ("", "Haddou"),
        ("", "Ouahabi"),
        ("", "Ait Brahim"),
        ("", "Ben Messaoud"),
        ("", "Tahiri"),
        ("", "El Khatib"),
        ("", "Chaoui"),
        ("", "Azzouz"),
        ("", "Bakkali"),
        ("", "Ziani"),
        ("", "Boukhari"),
        ("", "El Ouali"),
        ("", "Ouaziz"),
        ("", "El Hamdaoui"),
        ("", "Zaoui"),
        ("", "Aoulad Ali"),
        ("", "Amezian"),
        ("", "Lamrani"),
    ],
};

const SOMALI: Names = Names {
    male: &[
        "Abdi",
        "Abdirahman",
        "Mohamed",
        "Ahmed",
        "Omar",
        "Hassan",
        "Abdullahi",
        "Ismail",
        "Liban",
        "Mahad",
    ],
    female: &[
        "Amina", "Hodan", "Fadumo", "Asha", "Ifrah", "Sahra", "Hibo", "Nimco", "Ubah", "Ayaan",
    ],
    surnames: &[
        ("", "Warsame"),
        ("", "Farah"),
        ("", "Hassan"),
        ("", "Ali"),
        ("", "Nur"),
        ("", "Jama"),
        ("", "Osman"),
        ("", "Duale"),
        ("", "Egal"),
        ("", "Ismail"),
        ("", "Aden"),
        ("", "Hersi"),
    ],
};

/// Somali second names (the father's given name), written between given name and surname.
const SOMALI_FATHER: &[&str] = &[
    "Hassan", "Abdi", "Mohamed", "Ahmed", "Ali", "Yusuf", "Omar", "Ismail", "Jama",
];

const SURINAMESE: Names = Names {
    male: &[
        "Raditya", "Sunil", "Rajesh", "Anand", "Ravi", "Vikash", "Dinesh", "Ashwin", "Glenn",
        "Romano", "Clarence", "Marciano",
    ],
    female: &[
        "Priya", "Kavita", "Shamira", "Sharmila", "Anita", "Reshma", "Usha", "Sandra", "Gracia",
        "Shirley", "Jennifer", "Soraya",
    ],
    surnames: &[
        ("", "Ramsaran"),
        ("", "Ramdin"),
        ("", "Jagesar"),
        ("", "Mahabier"),
        ("", "Ramkhelawan"),
        ("", "Sewdien"),
        ("", "Autar"),
        ("", "Jhagroe"),
        ("", "Soekhai"),
        ("", "Kromodimedjo"),
        ("", "Pinas"),
        ("", "Zeefuik"),
        ("", "Tjon-A-Fat"),
        ("", "Amatsaleh"),
        ("", "Sastrodimedjo"),
        ("", "Wongsodikromo"),
        ("", "Karsters"),
        ("", "Vreden"),
    ],
};

const OTHER: Names = Names {
    male: &[
        "Piotr", "Tomasz", "Ali", "Reza", "Dawit", "Tesfay", "Luca", "Ivan",
    ],
    female: &[
        "Katarzyna",
        "Agnieszka",
        "Leila",
        "Maryam",
        "Senait",
        "Helen",
        "Elena",
        "Mila",
    ],
    surnames: &[
        ("", "Nowak"),
        ("", "Kowalczyk"),
        ("", "Karimi"),
        ("", "Rahimi"),
        ("", "Tesfamariam"),
        ("", "Haile"),
        ("", "Rossi"),
        ("", "Petrović"),
    ],
};

/// Spelling variants of given names and surnames as they reach a holding.
const VARIANTS: &[&[&str]] = &[
    &["Mohamed", "Mohammed", "Muhammad", "Mohammad"],
    &["Youssef", "Yusuf", "Youssouf", "Yousef"],
    &["Mustapha", "Mustafa", "Moestafa"],
    &["Rachid", "Rashid"],
    &["Khalid", "Khaled"],
    &["Abdelkader", "Abdelkadir", "Abdulkadir"],
    &["Hassan", "Hasan"],
    &["Ahmed", "Ahmad"],
    &["Khadija", "Khadidja"],
    &["Soufiane", "Sofiane"],
    &["Redouan", "Redouane", "Ridouan"],
    &["Abdellah", "Abdallah"],
    &["Abdirahman", "Abdurahman"],
    &["Ouahabi", "Wahabi"],
    &["Haddou", "Hadou"],
    &["Bouzidi", "Bouzidy"],
    &["Chaoui", "Shaoui"],
];

const TOWNS: &[&str] = &[
    "Assen",
    "Breda",
    "Tiel",
    "Ermelo",
    "Gouda",
    "Almere",
    "Utrecht",
    "Zwolle",
    "Ede",
    "Helmond",
    "Venlo",
    "Deventer",
    "Leiden",
    "Delft",
    "Schiedam",
    "Zaandam",
    "Hoorn",
    "Alkmaar",
    "Amersfoort",
    "Apeldoorn",
    "Arnhem",
    "Nijmegen",
    "Haarlem",
    "Dordrecht",
    "Emmen",
    "Veenendaal",
    "Culemborg",
    "Gorinchem",
    "Roosendaal",
    "Oss",
    "Enschede",
    "Tilburg",
    "Rotterdam",
    "Amsterdam",
    "Lelystad",
    "Harderwijk",
    "Zeist",
    "Vlaardingen",
];

const STREETS: &[&str] = &[
    "Kerkstraat",
    "Dorpsstraat",
    "Molenweg",
    "Julianalaan",
    "Stationsweg",
    "Beatrixstraat",
    "Parkweg",
    "Schoolstraat",
    "Lindelaan",
    "Prinses Irenestraat",
    "Vondellaan",
    "Eikenlaan",
    "Kastanjelaan",
    "Oranjestraat",
    "Wilhelminastraat",
    "Zuiderweg",
    "Bleekveld",
    "Spoorlaan",
];

const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

const ORGS: &[&str] = &[
    "stichting Al Amal",
    "de moskeevereniging Ulu Camii",
    "het jongerenplatform Verbinding",
    "de vrouwengroep Samen Sterk",
    "stichting De Brug",
    "de Somalische gemeenschap Hiiraan",
    "de Hindoestaanse vereniging Shanti",
    "het wijkteam Noord",
];

const ROLES: &[&str] = &[
    "beleidsmedewerker",
    "senior adviseur",
    "onderzoeker",
    "teamleider",
    "juridisch adviseur",
    "secretaris",
];

// ---------------------------------------------------------------------------------------------
// Population
// ---------------------------------------------------------------------------------------------

fn names_of(origin: Origin) -> &'static Names {
    match origin {
        Origin::Dutch => &DUTCH,
        Origin::Turkish => &TURKISH,
        Origin::Moroccan => &MOROCCAN,
        Origin::Somali => &SOMALI,
        Origin::Surinamese => &SURINAMESE,
        Origin::Other => &OTHER,
    }
}

fn pick_origin(rng: &mut Rng) -> Origin {
    match rng.below(20) {
        0..=6 => Origin::Dutch,
        7..=10 => Origin::Moroccan,
        11..=13 => Origin::Turkish,
        14..=15 => Origin::Somali,
        16..=18 => Origin::Surinamese,
        _ => Origin::Other,
    }
}

struct Builder {
    rng: Rng,
    people: Vec<Person>,
    used_emails: Vec<String>,
}

impl Builder {
    fn givens(&mut self, origin: Origin, female: bool) -> (Vec<&'static str>, bool) {
        let n = names_of(origin);
        let first = self.rng.pick(if female { n.female } else { n.male });
        match origin {
            Origin::Somali => (vec![first, self.rng.pick(SOMALI_FATHER)], false),
            Origin::Dutch if self.rng.chance(0.2) => {
                let pool: Vec<&(&str, &str, bool)> = DUTCH_DOUBLE_GIVEN
                    .iter()
                    .filter(|d| d.2 == female)
                    .collect();
                let d = pool[self.rng.below(pool.len())];
                (vec![d.0, d.1], self.rng.chance(0.7))
            }
            Origin::Dutch if self.rng.chance(0.2) => {
                // A second given name that is seldom written out: only its initial shows.
                let second = self.rng.pick(if female { n.female } else { n.male });
                (vec![first, second], false)
            }
            _ => (vec![first], false),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn person(
        &mut self,
        origin: Origin,
        female: bool,
        givens: (Vec<&'static str>, bool),
        (tussen, surname): (&'static str, &'static str),
        birth_year: u32,
        town: &'static str,
        address: Option<(&'static str, u32, String)>,
        family: Option<usize>,
    ) -> usize {
        let id = self.people.len();
        let m = self.rng.range(1, 12);
        let d = self.rng.range(1, if m == 2 { 28 } else { 30 });
        let (street, number, postcode) = address.unwrap_or_else(|| self.address());
        let p = Person {
            id,
            origin,
            female,
            givens: givens.0,
            hyphenated: givens.1,
            tussen,
            surname,
            married: None,
            birth: (birth_year, m, d),
            town,
            street,
            number,
            postcode,
            email: String::new(),
            phone: self.phone(),
            staff: false,
            family,
            namesake_of: None,
        };
        self.people.push(p);
        let email = self.email(id);
        self.people[id].email = email;
        id
    }

    fn address(&mut self) -> (&'static str, u32, String) {
        let letters = b"ABCDEGHJKLMNPRSTVWXZ";
        let pc = format!(
            "{} {}{}",
            self.rng.range(1011, 9999),
            letters[self.rng.below(letters.len())] as char,
            letters[self.rng.below(letters.len())] as char
        );
        (self.rng.pick(STREETS), self.rng.range(1, 180), pc)
    }

    fn phone(&mut self) -> String {
        let mut s = String::from("06-");
        for _ in 0..8 {
            s.push((b'0' + self.rng.below(10) as u8) as char);
        }
        s
    }

    fn email(&mut self, id: usize) -> String {
        let p = &self.people[id];
        let given = ascii(p.givens[0]).to_lowercase();
        let sur: String = ascii(&format!("{}{}", p.tussen, p.surname))
            .to_lowercase()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        let domain = [
            "voorbeeld.nl",
            "mail.example",
            "post.example.nl",
            "webmail.example",
        ][self.rng.below(4)];
        let mut base = match self.rng.below(3) {
            0 => format!("{}.{sur}", &given[..1]),
            1 => format!("{given}.{sur}"),
            _ => format!("{given}{}", p.birth.0 % 100),
        };
        while self.used_emails.contains(&base) {
            base.push((b'0' + self.rng.below(10) as u8) as char);
        }
        self.used_emails.push(base.clone());
        format!("{base}@{domain}")
    }

    fn family(&mut self, fid: usize) {
        let origin = pick_origin(&mut self.rng);
        let n = names_of(origin);
        let surname = self.rng.pick(n.surnames);
        let town = self.rng.pick(TOWNS);
        let addr = self.address();
        let father_year = self.rng.range(1942, 1975);
        let g = self.givens(origin, false);
        let father = self.person(
            origin,
            false,
            g,
            surname,
            father_year,
            town,
            Some(addr.clone()),
            Some(fid),
        );
        if self.rng.chance(0.85) {
            // The mother: her own surname; a Dutch or Surinamese one may write her partner's
            // before it.
            let own = if origin == Origin::Somali || self.rng.chance(0.85) {
                self.rng.pick(n.surnames)
            } else {
                let o = pick_origin(&mut self.rng);
                self.rng.pick(names_of(o).surnames)
            };
            let g = self.givens(origin, true);
            let year = father_year + self.rng.range(0, 6) - 2;
            let mother = self.person(
                origin,
                true,
                g,
                own,
                year,
                town,
                Some(addr.clone()),
                Some(fid),
            );
            if matches!(origin, Origin::Dutch | Origin::Surinamese) && own != surname {
                self.people[mother].married = Some(surname);
            }
        }
        let children = self.rng.range(0, 3);
        let mut used: Vec<&'static str> = self
            .people
            .iter()
            .filter(|p| p.family == Some(fid))
            .map(|p| p.givens[0])
            .collect();
        for c in 0..children {
            let female = self.rng.chance(0.5);
            let mut g = self.givens(origin, female);
            // Parents do not give two children one name.
            for _ in 0..20 {
                if !used.contains(&g.0[0]) {
                    break;
                }
                g = self.givens(origin, female);
            }
            if c == 0 && !female && self.rng.chance(0.35) {
                // A son who shares his father's initial ("H. Jansen" fits both).
                let initial = self.people[father].givens[0].chars().next();
                let same: Vec<&'static str> = names_of(origin)
                    .male
                    .iter()
                    .copied()
                    .filter(|x| x.chars().next() == initial && *x != self.people[father].givens[0])
                    .collect();
                if !same.is_empty() {
                    g = (vec![same[self.rng.below(same.len())]], false);
                }
            }
            used.push(g.0[0]);
            let year = (father_year + self.rng.range(22, 36)).min(2006);
            let home = self.rng.chance(0.6);
            let (t, a) = if home {
                (town, Some(addr.clone()))
            } else {
                (self.rng.pick(TOWNS), None)
            };
            self.person(origin, female, g, surname, year, t, a, Some(fid));
        }
    }

    /// A second person with the full name of `of`: another birth date, another town.
    fn namesake(&mut self, of: usize) {
        let o = self.people[of].clone();
        let mut year = self.rng.range(1945, 2000);
        while year.abs_diff(o.birth.0) < 6 {
            year = self.rng.range(1945, 2000);
        }
        let mut town = self.rng.pick(TOWNS);
        while town == o.town {
            town = self.rng.pick(TOWNS);
        }
        let id = self.person(
            o.origin,
            o.female,
            (o.givens.clone(), o.hyphenated),
            (o.tussen, o.surname),
            year,
            town,
            None,
            None,
        );
        self.people[id].namesake_of = Some(of);
    }

    fn staff(&mut self) {
        let origin = if self.rng.chance(0.6) {
            Origin::Dutch
        } else {
            pick_origin(&mut self.rng)
        };
        let female = self.rng.chance(0.5);
        let g = self.givens(origin, female);
        let surname = self.rng.pick(names_of(origin).surnames);
        let year = self.rng.range(1960, 1995);
        let town = self.rng.pick(TOWNS);
        let id = self.person(origin, female, g, surname, year, town, None, None);
        self.people[id].staff = true;
        let sur: String = ascii(&format!("{}{}", self.people[id].tussen, surname.1))
            .to_lowercase()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        let initial = ascii(self.people[id].givens[0]).to_lowercase();
        // One mailbox per civil servant, as an organisation hands them out: a second
        // W. Peters gets w.peters2. Numbered without the random stream, so that every
        // other holding stays as it was.
        let mut email = format!("{}.{sur}@minbzk.example.nl", &initial[..1]);
        let mut n = 2;
        while self
            .people
            .iter()
            .any(|q| q.id != id && q.staff && q.email == email)
        {
            email = format!("{}.{sur}{n}@minbzk.example.nl", &initial[..1]);
            n += 1;
        }
        self.people[id].email = email;
        self.people[id].phone = format!("070-{}", 3_000_000 + self.rng.below(999_999));
    }
}

fn population(cfg: &Config, rng: Rng) -> Vec<Person> {
    let mut b = Builder {
        rng,
        people: Vec::new(),
        used_emails: Vec::new(),
    };
    for f in 0..cfg.families {
        b.family(f);
    }
    // Namesakes of people with common names first: a Mohamed, a Peter de Boer.
    let mut candidates: Vec<usize> = (0..b.people.len()).collect();
    for i in (1..candidates.len()).rev() {
        let j = b.rng.below(i + 1);
        candidates.swap(i, j);
    }
    candidates.sort_by_key(|&p| {
        let g = b.people[p].givens[0];
        !(g == "Mohamed" || g == "Peter" || g == "Mehmet" || g == "Jan" || g == "Fatima")
    });
    for &of in candidates.iter().take(cfg.namesakes) {
        b.namesake(of);
    }
    for _ in 0..cfg.staff {
        b.staff();
    }
    b.people
}

// ---------------------------------------------------------------------------------------------
// Writing names
// ---------------------------------------------------------------------------------------------

/// How one document spells a person.
#[derive(Debug, Clone, Copy, Default)]
struct Spelling {
    /// Index into the person's variant lists (0 = as registered).
    variant: usize,
    /// Turkish letters folded to ASCII (Yılmaz → Yilmaz).
    ascii: bool,
    /// A double given name with a space instead of its hyphen.
    space: bool,
    /// A Somali person's father's name written out.
    all_givens: bool,
}

fn ascii(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'İ' => 'I',
            'ı' => 'i',
            'ş' => 's',
            'Ş' => 'S',
            'ç' => 'c',
            'Ç' => 'C',
            'ğ' => 'g',
            'ö' => 'o',
            'Ö' => 'O',
            'ü' => 'u',
            'Ü' => 'U',
            'é' => 'e',
            'ć' => 'c',
            other => other,
        })
        .collect()
}

/// A given name as a reader hears it: every spelling of one name the same
/// (Mustapha/Mustafa), diacritics folded.
fn canonical(word: &str) -> String {
    for list in VARIANTS {
        if list.contains(&word) {
            return list[0].to_lowercase();
        }
    }
    ascii(word).to_lowercase()
}

fn variant(word: &'static str, index: usize) -> &'static str {
    for list in VARIANTS {
        if list[0] == word {
            return list[index % list.len()];
        }
    }
    word
}

fn spell(word: &'static str, sp: &Spelling) -> String {
    let w = variant(word, sp.variant);
    if sp.ascii {
        ascii(w)
    } else {
        w.to_string()
    }
}

fn given(p: &Person, sp: &Spelling) -> String {
    let first = spell(p.givens[0], sp);
    if p.givens.len() == 2 && p.hyphenated {
        let sep = if sp.space { " " } else { "-" };
        return format!("{first}{sep}{}", spell(p.givens[1], sp));
    }
    if p.givens.len() == 2 && p.origin == Origin::Somali && sp.all_givens {
        return format!("{first} {}", spell(p.givens[1], sp));
    }
    first
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// "de Boer" after a given name; "De Boer" where it opens the name.
fn surname(p: &Person, sp: &Spelling, opens: bool) -> String {
    let s = spell(p.surname, sp);
    if p.tussen.is_empty() {
        s
    } else if opens {
        format!("{} {s}", capital(p.tussen))
    } else {
        format!("{} {s}", p.tussen)
    }
}

/// The married double name "de Wit-Jansen" (partner's name, then her own).
fn married_surname(p: &Person, sp: &Spelling, opens: bool) -> Option<String> {
    let (pt, ps) = p.married?;
    let own = surname(p, sp, false);
    let partner = if pt.is_empty() {
        ps.to_string()
    } else if opens {
        format!("{} {ps}", capital(pt))
    } else {
        format!("{pt} {ps}")
    };
    Some(format!("{partner}-{own}"))
}

fn full(p: &Person, sp: &Spelling, married: bool) -> String {
    let sur = if married {
        married_surname(p, sp, false).unwrap_or_else(|| surname(p, sp, false))
    } else {
        surname(p, sp, false)
    };
    format!("{} {sur}", given(p, sp))
}

fn initials(p: &Person, sp: &Spelling, all: bool) -> String {
    let mut out = String::new();
    let givens: Vec<&str> = if all {
        p.givens.clone()
    } else {
        vec![p.givens[0]]
    };
    for g in givens {
        let g = spell(g, sp);
        if let Some(c) = g.chars().next() {
            out.push(c);
            out.push('.');
        }
    }
    out
}

fn title(p: &Person, rng: &mut Rng) -> &'static str {
    if p.female {
        rng.pick(&["mevrouw", "mevrouw", "mw.", "mevr."])
    } else {
        rng.pick(&["de heer", "meneer", "de heer", "dhr."])
    }
}

/// The forms a name can take in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Full,
    /// "Boer, Peter de" / "Warsame, Amina Hassan" (mail headers, lists).
    Inverted,
    /// "Boer, P. de" / "Jansen, P.J."
    InvertedInitials,
    /// "P. de Boer" / "P.J. de Boer"
    Initials,
    /// "mevrouw De Boer" (the title is not part of the span).
    TitleSurname,
    /// "De Boer"
    Surname,
    /// "Peter"
    Given,
}

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

struct Writer<'a> {
    people: &'a [Person],
    rng: Rng,
    text: String,
    persons: Vec<(usize, usize, usize)>,
    /// People present in the document (the writer's rule looks at them).
    cast: Vec<usize>,
    introduced: Vec<usize>,
    spelling: Vec<(usize, Spelling, bool)>,
    details: (f64, f64),
    allow_namesakes: bool,
    described: Vec<usize>,
}

impl<'a> Writer<'a> {
    fn new(people: &'a [Person], rng: Rng, cast: Vec<usize>, details: (f64, f64)) -> Self {
        let mut w = Writer {
            people,
            rng,
            text: String::new(),
            persons: Vec::new(),
            cast: Vec::new(),
            introduced: Vec::new(),
            spelling: Vec::new(),
            details,
            allow_namesakes: false,
            described: Vec::new(),
        };
        for p in cast {
            w.add(p);
        }
        w
    }

    fn add(&mut self, p: usize) {
        if self.cast.contains(&p) {
            return;
        }
        // A writer does not put two people of one name in a document, except in a list
        // that gives each one's birth date and town.
        let name = |x: &Person| ascii(&x.name()).to_lowercase();
        if !self.allow_namesakes
            && self
                .cast
                .iter()
                .any(|&q| name(&self.people[q]) == name(&self.people[p]))
        {
            return;
        }
        self.cast.push(p);
        let person = &self.people[p];
        let sp = Spelling {
            variant: if self.rng.chance(0.35) {
                self.rng.below(4)
            } else {
                0
            },
            ascii: self.rng.chance(0.3),
            space: self.rng.chance(0.4),
            all_givens: self.rng.chance(0.5),
        };
        let married = person.married.is_some() && self.rng.chance(0.45);
        self.spelling.push((p, sp, married));
    }

    fn sp(&self, p: usize) -> (Spelling, bool) {
        self.spelling
            .iter()
            .find(|s| s.0 == p)
            .map(|s| (s.1, s.2))
            .unwrap_or_default()
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn mark(&mut self, p: usize, written: &str) {
        let start = self.text.len();
        self.text.push_str(written);
        self.persons.push((start, self.text.len(), p));
    }

    /// Whether writing `form` for `p` leaves no doubt among the people in the document.
    fn unique(&self, p: usize, form: Form) -> bool {
        let me = &self.people[p];
        let (sp, married) = self.sp(p);
        let my_surnames = surnames_of(me, married);
        self.cast.iter().all(|&q| {
            if q == p {
                return true;
            }
            let other = &self.people[q];
            let (osp, omarried) = self.sp(q);
            let shares_surname = surnames_of(other, omarried)
                .iter()
                .any(|s| my_surnames.contains(s));
            let first = |x: &Person, s: &Spelling| {
                ascii(&spell(x.givens[0], s)).chars().next().unwrap_or(' ')
            };
            match form {
                Form::Full | Form::Inverted => true,
                Form::Surname => !shares_surname,
                Form::TitleSurname => !(shares_surname && other.female == me.female),
                Form::Initials | Form::InvertedInitials => {
                    !(shares_surname && first(other, &osp) == first(me, &sp))
                }
                Form::Given => canonical(other.givens[0]) != canonical(me.givens[0]),
            }
        })
    }

    /// Writes a name of `p` in `form`, or a fuller one where the short form would be unclear
    /// or the person was not introduced yet.
    fn name(&mut self, p: usize, mut form: Form) {
        let short = matches!(form, Form::Surname | Form::TitleSurname | Form::Given);
        if short && !self.introduced.contains(&p) {
            form = Form::Full;
        }
        if !self.unique(p, form) {
            form = if self.unique(p, Form::TitleSurname) && short {
                Form::TitleSurname
            } else {
                Form::Full
            };
        }
        let person = &self.people[p];
        let (sp, married) = self.sp(p);
        let sur = |opens: bool| {
            if married {
                married_surname(person, &sp, opens).unwrap_or_else(|| surname(person, &sp, opens))
            } else {
                surname(person, &sp, opens)
            }
        };
        let written = match form {
            Form::Full => full(person, &sp, married),
            Form::Inverted => {
                // "Boer, Peter de": the tussenvoegsel goes after the given names.
                let bare = if married {
                    married_surname(person, &sp, true).unwrap_or_default()
                } else {
                    spell(person.surname, &sp)
                };
                if person.tussen.is_empty() || married {
                    let sur = if married { bare } else { sur(true) };
                    format!("{sur}, {}", given(person, &sp))
                } else {
                    format!("{bare}, {} {}", given(person, &sp), person.tussen)
                }
            }
            Form::InvertedInitials => {
                let ini = initials(person, &sp, true);
                if person.tussen.is_empty() || married {
                    format!("{}, {ini}", sur(true))
                } else {
                    format!("{}, {ini} {}", spell(person.surname, &sp), person.tussen)
                }
            }
            Form::Initials => {
                let all = self.rng.chance(0.5);
                format!("{} {}", initials(person, &sp, all), sur(false))
            }
            Form::TitleSurname => {
                let t = title(person, &mut self.rng);
                let opens =
                    self.text.is_empty() || self.text.ends_with(". ") || self.text.ends_with('\n');
                self.push(&if opens { capital(t) } else { t.to_string() });
                self.push(" ");
                sur(true)
            }
            Form::Surname => sur(true),
            Form::Given => given(person, &sp),
        };
        self.mark(p, &written);
        if !self.introduced.contains(&p) {
            self.introduced.push(p);
        }
    }

    fn wants_details(&mut self, p: usize) -> bool {
        let person = &self.people[p];
        let namesake =
            person.namesake_of.is_some() || self.people.iter().any(|q| q.namesake_of == Some(p));
        self.rng.chance(if namesake {
            self.details.0
        } else {
            self.details.1
        })
    }

    fn date(&mut self, (y, m, d): (u32, u32, u32)) -> String {
        match self.rng.below(3) {
            0 => format!("{d} {} {y}", MONTHS[m as usize - 1]),
            1 => format!("{d:02}-{m:02}-{y}"),
            _ => format!("{d}-{m}-{y}"),
        }
    }

    /// Introduces `p` with a full name, and, when the document gives them, birth date and
    /// town beside it.
    fn introduce(&mut self, p: usize, form: Form) {
        self.name(p, form);
        if self.wants_details(p) {
            self.described.push(p);
            let person = &self.people[p];
            let (birth, town) = (person.birth, person.town);
            let date = self.date(birth);
            let phrase = match self.rng.below(5) {
                0 => format!(" (geboren {date}, woonachtig te {town})"),
                1 => format!(", geboren op {date} en wonend in {town}"),
                2 => format!(" (geb. {date}) uit {town}"),
                3 => format!(", woonachtig te {town}, geboren {date}"),
                _ => format!(" ({date}, {town})"),
            };
            self.push(&phrase);
        }
    }

    fn finish(self, name: String) -> Doc {
        Doc {
            name,
            text: self.text,
            persons: self.persons,
            described: self.described,
        }
    }
}

fn surnames_of(p: &Person, married: bool) -> Vec<String> {
    let mut v = vec![ascii(p.surname).to_lowercase()];
    if married {
        if let Some((_, s)) = p.married {
            v.push(ascii(s).to_lowercase());
        }
    }
    v
}

fn pronoun(p: &Person) -> &'static str {
    if p.female {
        "zij"
    } else {
        "hij"
    }
}

fn relation(a: &Person, b: &Person) -> &'static str {
    // b as seen from a.
    if b.birth.0 + 15 < a.birth.0 {
        if b.female {
            "moeder"
        } else {
            "vader"
        }
    } else if a.birth.0 + 15 < b.birth.0 {
        if b.female {
            "dochter"
        } else {
            "zoon"
        }
    } else if a.female != b.female {
        if b.female {
            "echtgenote"
        } else {
            "echtgenoot"
        }
    } else if b.female {
        "zus"
    } else {
        "broer"
    }
}

const FILLER: &[&str] = &[
    "Het gesprek vond plaats in een prettige sfeer.",
    "Er is afgesproken om na de zomer opnieuw contact te hebben.",
    "De gemeente heeft hierover nog geen standpunt ingenomen.",
    "Dit punt wordt in het volgende overleg besproken.",
    "Over de financiering is nog geen besluit genomen.",
    "De activiteiten worden goed bezocht, vooral door jongeren.",
    "Het bestuur wil de samenwerking met de wijk versterken.",
];

fn filler(w: &mut Writer) {
    let s = w.rng.pick(FILLER);
    w.push(s);
    w.push(" ");
}

fn citizens_in_family(people: &[Person], fid: usize) -> Vec<usize> {
    people
        .iter()
        .filter(|p| p.family == Some(fid))
        .map(|p| p.id)
        .collect()
}

/// An analysis of one person and their network.
fn profile(w: &mut Writer, focus: usize, relatives: &[usize], others: &[usize], author: usize) {
    let org = w.rng.pick(ORGS);
    let _ = write!(w.text, "Analyse netwerk {org}\n\n");
    if w.rng.chance(0.5) {
        w.push("Naam: ");
        w.name(focus, Form::Full);
        let p = &w.people[focus];
        let (birth, town, street, number, pc) =
            (p.birth, p.town, p.street, p.number, p.postcode.clone());
        if w.wants_details(focus) {
            w.described.push(focus);
            let date = w.date(birth);
            let _ = write!(
                w.text,
                "\nGeboortedatum: {date}\nWoonplaats: {town}\nAdres: {street} {number}, {pc} {town}"
            );
        }
        let (email, phone) = (p.email.clone(), p.phone.clone());
        if w.rng.chance(0.6) {
            let _ = write!(w.text, "\nTelefoon: {phone}");
        }
        if w.rng.chance(0.5) {
            let _ = write!(w.text, "\nE-mail: {email}");
        }
        w.push("\n\n");
    } else {
        w.push("Betrokkene ");
        w.introduce(focus, Form::Full);
        w.push(" is sinds enkele jaren actief binnen ");
        w.push(org);
        w.push(".\n\n");
    }
    w.name(focus, Form::Surname);
    let _ = write!(
        w.text,
        " heeft een centrale rol in het netwerk. Volgens bronnen onderhoudt {} contacten met ",
        pronoun(&w.people[focus])
    );
    let org2 = w.rng.pick(ORGS);
    w.push(org2);
    w.push(". ");
    for &r in relatives {
        let rel = relation(&w.people[focus], &w.people[r]);
        let _ = write!(w.text, "Ook {rel} ");
        w.introduce(r, Form::Full);
        w.push(" is betrokken bij de activiteiten. ");
        if w.rng.chance(0.5) {
            w.name(r, Form::TitleSurname);
            w.push(" bezoekt wekelijks de bijeenkomsten. ");
        }
    }
    w.push("\n\n");
    for &o in others {
        w.push("In het netwerk speelt ook ");
        w.introduce(o, Form::Full);
        w.push(" een rol. ");
        filler(w);
        if w.rng.chance(0.5) {
            w.name(o, Form::Surname);
            w.push(" werkt samen met ");
            w.name(focus, Form::TitleSurname);
            w.push(". ");
        }
    }
    w.push("\n\n");
    w.name(focus, Form::Given);
    w.push(" wordt door de achterban gezien als aanspreekpunt. ");
    filler(w);
    w.push("\n\nOpgesteld door ");
    w.name(author, Form::Initials);
    let _ = writeln!(w.text, ", {}", w.rng.pick(ROLES));
}

/// A letter to one person.
fn letter(w: &mut Writer, to: usize, mention: &[usize], from: usize) {
    let p = w.people[to].clone();
    let town = p.town;
    w.push("Ministerie van Binnenlandse Zaken\nPostbus 20011\n2500 EA  Den Haag\n\n");
    w.push(if p.female { "Mevrouw " } else { "De heer " });
    w.name(to, Form::Initials);
    let _ = write!(
        w.text,
        "\n{} {}\n{}  {}\n\n",
        p.street,
        p.number,
        p.postcode,
        town.to_uppercase()
    );
    let day = w.rng.range(1, 28);
    let month = MONTHS[w.rng.below(12)];
    let _ = write!(
        w.text,
        "Den Haag, {day} {month} 2019\nOnderwerp: uw deelname aan de reflectiesessies\n\n"
    );
    w.push(if p.female {
        "Geachte mevrouw "
    } else {
        "Geachte heer "
    });
    // The salutation: the title is already written.
    let (sp, married) = w.sp(to);
    let sur = if married {
        married_surname(&p, &sp, true).unwrap_or_else(|| surname(&p, &sp, true))
    } else {
        surname(&p, &sp, true)
    };
    w.mark(to, &sur);
    w.push(",\n\nHierbij bevestigen wij de ontvangst van uw bericht. ");
    for &m in mention {
        let rel = relation(&w.people[to], &w.people[m]);
        let _ = write!(w.text, "U schreef dat uw {rel} ");
        w.introduce(m, Form::Full);
        w.push(" ook aan de sessies heeft deelgenomen. ");
    }
    filler(w);
    w.push("\n\nMet vriendelijke groet,\n\n");
    w.name(from, Form::Full);
    let role = w.rng.pick(ROLES);
    let _ = writeln!(w.text, "\n{role}");
}

/// Minutes with an attendance list and surnames alone in the text.
fn minutes(w: &mut Writer, attendees: &[usize], chair: usize) {
    let org = w.rng.pick(ORGS);
    let day = w.rng.range(1, 28);
    let month = MONTHS[w.rng.below(12)];
    let _ = write!(
        w.text,
        "Verslag overleg {org}\nDatum: {day} {month} 2018\n\nAanwezig: "
    );
    let mut all = vec![chair];
    all.extend(attendees.iter().copied().filter(|&a| a != chair));
    for (i, &a) in all.iter().enumerate() {
        if i > 0 {
            w.push(if i + 1 == all.len() { " en " } else { ", " });
        }
        let form = if w.rng.chance(0.3) {
            Form::Initials
        } else {
            Form::Full
        };
        if w.people[a].staff {
            w.name(a, form);
            w.push(" (ministerie)");
        } else {
            w.introduce(a, form);
        }
    }
    w.push("\n\n1. Opening\n");
    w.name(chair, Form::Surname);
    w.push(" opent de vergadering en heet iedereen welkom.\n\n2. Mededelingen\n");
    for &a in attendees {
        if a == chair {
            continue;
        }
        let form = w.rng.pick(&[
            Form::Surname,
            Form::TitleSurname,
            Form::Surname,
            Form::Given,
        ]);
        w.name(a, form);
        let said = w.rng.pick(&[
            " vraagt naar de planning van de activiteiten. ",
            " merkt op dat de opkomst groter was dan verwacht. ",
            " meldt dat de subsidieaanvraag is ingediend. ",
            " stelt voor een extra bijeenkomst te organiseren. ",
        ]);
        w.push(said);
        if w.rng.chance(0.4) {
            w.name(chair, Form::Surname);
            w.push(" zegt toe hierop terug te komen. ");
        }
        w.push("\n");
    }
    w.push("\n3. Rondvraag\n");
    filler(w);
    w.push("\n\nActiepunten\n- ");
    let a = attendees[w.rng.below(attendees.len())];
    w.name(a, Form::Initials);
    w.push(": stuurt de uitnodiging rond.\n");
}

/// A mail with a "Surname, Given names" header.
fn mail(w: &mut Writer, from: usize, to: usize, about: &[usize]) {
    let fp = w.people[from].clone();
    w.push("Van: ");
    w.name(from, Form::Inverted);
    let _ = writeln!(w.text, " <{}>", fp.email);
    w.push("Aan: ");
    w.name(to, Form::Full);
    let _ = writeln!(w.text, " <{}>", w.people[to].email);
    let day = w.rng.range(1, 28);
    let _ = write!(
        w.text,
        "Datum: {day} {} 2019 10:{:02}\nOnderwerp: bijeenkomst\n\nBeste ",
        MONTHS[w.rng.below(12)],
        w.rng.below(60)
    );
    w.name(to, Form::Given);
    w.push(",\n\n");
    for &a in about {
        w.push("Ik heb gesproken met ");
        w.introduce(a, Form::Full);
        w.push(". ");
        if w.rng.chance(0.6) {
            w.name(a, Form::TitleSurname);
            w.push(" wil graag meedoen aan de volgende sessie. ");
        }
    }
    filler(w);
    w.push("\n\nGroet,\n");
    w.name(from, Form::Given);
    w.push("\n\n");
    w.name(from, Form::Full);
    let _ = writeln!(w.text, "\n{}", fp.phone);
}

/// A note of a conversation with a family.
fn note(w: &mut Writer, family: &[usize], author: usize) {
    let day = w.rng.range(1, 28);
    let _ = write!(
        w.text,
        "Gespreksnotitie {day} {} 2019\n\nGesproken met ",
        MONTHS[w.rng.below(12)]
    );
    let head = family[0];
    w.introduce(head, Form::Full);
    for &m in &family[1..] {
        let rel = relation(&w.people[head], &w.people[m]);
        let _ = write!(
            w.text,
            " en {} {rel} ",
            if w.people[head].female {
                "haar"
            } else {
                "zijn"
            }
        );
        w.introduce(m, Form::Full);
    }
    let p = w.people[head].clone();
    let _ = write!(
        w.text,
        ". De familie woont aan de {} {} in {}.",
        p.street, p.number, p.town
    );
    if w.rng.chance(0.5) {
        w.push(" Contact via ");
        w.name(head, Form::Given);
        let _ = write!(w.text, ", {}.", p.phone);
    }
    w.push("\n\n");
    for &m in family {
        let form = w
            .rng
            .pick(&[Form::TitleSurname, Form::Given, Form::Initials]);
        w.name(m, form);
        let said = w.rng.pick(&[
            " gaf aan zich zorgen te maken over de berichtgeving. ",
            " vertelde over de activiteiten in de wijk. ",
            " vroeg wat er met de gegevens gebeurt. ",
        ]);
        w.push(said);
    }
    filler(w);
    w.push("\n\n");
    w.name(author, Form::Initials);
    w.push("\n");
}

/// A list of participants with birth date and town.
fn list(w: &mut Writer, people: &[usize]) {
    let _ = write!(w.text, "Overzicht deelnemers {}\n\n", w.rng.pick(ORGS));
    for (i, &p) in people.iter().enumerate() {
        let _ = write!(w.text, "{}. ", i + 1);
        let form = if w.rng.chance(0.3) {
            Form::InvertedInitials
        } else {
            Form::Full
        };
        w.name(p, form);
        let person = w.people[p].clone();
        let date = w.date(person.birth);
        w.described.push(p);
        let _ = writeln!(w.text, ", geboren {date}, woonachtig te {}", person.town);
    }
}

fn request_mail(people: &[Person], p: usize, rng: &mut Rng, index: usize) -> Request {
    let person = &people[p];
    let sp = Spelling {
        variant: if rng.chance(0.3) { rng.below(4) } else { 0 },
        ascii: rng.chance(0.3),
        space: rng.chance(0.3),
        all_givens: rng.chance(0.5),
    };
    let married = person.married.is_some() && rng.chance(0.4);
    let name = full(person, &sp, married);
    let (y, m, d) = person.birth;
    let birth = if rng.chance(0.5) {
        format!("{d} {} {y}", MONTHS[m as usize - 1])
    } else {
        format!("{d:02}-{m:02}-{y}")
    };
    let mut body = String::from("Geachte heer, mevrouw,\n\n");
    body.push_str(
        "Graag wil ik weten of u in het kader van de analyses gegevens over mij heeft verwerkt.\n",
    );
    let _ = writeln!(body, "Mijn geboortedatum is {birth}.");
    if rng.chance(0.8) {
        let _ = writeln!(
            body,
            "Ik woon op {} {}, {} {}.",
            person.street, person.number, person.postcode, person.town
        );
    } else {
        let _ = writeln!(body, "Ik woon in {}.", person.town);
    }
    if rng.chance(0.5) {
        let _ = writeln!(body, "U kunt mij bellen op {}.", person.phone);
    }
    let _ = write!(body, "\nMet vriendelijke groet,\n{name}\n");
    let mail = format!(
        "From: {} <{}>\r\nTo: inzage@minbzk.example.nl\r\nSubject: Inzageverzoek reflectiesessies\r\n\
         Date: Mon, {} Feb 2024 09:{:02}:00 +0100\r\nMessage-ID: <req{index}@holding.example>\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}",
        encode_word(&name),
        person.email,
        (index % 27) + 1,
        index % 60,
        body.replace('\n', "\r\n")
    );
    Request { pid: p, mail }
}

/// An RFC 2047 encoded word for a non-ASCII display name.
fn encode_word(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::from("=?UTF-8?Q?");
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => out.push(b as char),
            b' ' => out.push('_'),
            _ => {
                let _ = write!(out, "={b:02X}");
            }
        }
    }
    out.push_str("?=");
    out
}

/// Generates a holding.
pub fn generate(cfg: &Config) -> Holding {
    let mut rng = Rng::new(cfg.seed);
    let people = population(cfg, Rng::new(rng.next_u64()));
    let citizens: Vec<usize> = people.iter().filter(|p| !p.staff).map(|p| p.id).collect();
    let staff: Vec<usize> = people.iter().filter(|p| p.staff).map(|p| p.id).collect();
    let families = cfg.families;
    let details = (cfg.namesake_details, cfg.other_details);
    let mut docs = Vec::new();
    for i in 0..cfg.docs {
        let mut r = Rng::new(rng.next_u64());
        let pick_citizen = |r: &mut Rng| citizens[r.below(citizens.len())];
        let pick_staff = |r: &mut Rng| staff[r.below(staff.len())];
        let kind = r.below(6);
        // Namesakes are drawn often, so that every one of them is in several documents.
        let focus = if r.chance(0.3) {
            let ns: Vec<usize> = people
                .iter()
                .filter(|p| p.namesake_of.is_some())
                .flat_map(|p| [p.id, p.namesake_of.unwrap_or(p.id)])
                .collect();
            if ns.is_empty() {
                pick_citizen(&mut r)
            } else {
                ns[r.below(ns.len())]
            }
        } else {
            pick_citizen(&mut r)
        };
        let relatives: Vec<usize> = match people[focus].family {
            Some(f) if f < families => citizens_in_family(&people, f)
                .into_iter()
                .filter(|&q| q != focus && r.chance(0.5))
                .collect(),
            _ => Vec::new(),
        };
        let mut others: Vec<usize> = Vec::new();
        for _ in 0..r.below(3) {
            let o = pick_citizen(&mut r);
            if o != focus && !relatives.contains(&o) && !others.contains(&o) {
                others.push(o);
            }
        }
        let author = pick_staff(&mut r);
        let mut cast = vec![focus];
        cast.extend(&relatives);
        cast.extend(&others);
        cast.push(author);
        let mut w = Writer::new(&people, Rng::new(r.next_u64()), cast.clone(), details);
        let mut relatives = relatives;
        relatives.retain(|x| w.cast.contains(x));
        others.retain(|x| w.cast.contains(x));
        let cast = w.cast.clone();
        let label = match kind {
            0 => {
                profile(&mut w, focus, &relatives, &others, author);
                "analyse"
            }
            1 => {
                letter(&mut w, focus, &relatives, author);
                "brief"
            }
            2 => {
                let mut att: Vec<usize> = cast.clone();
                let extra = pick_staff(&mut r);
                w.add(extra);
                att.push(extra);
                att.dedup();
                let chair = if r.chance(0.5) { focus } else { author };
                minutes(&mut w, &att, chair);
                "verslag"
            }
            3 => {
                let (from, to) = if r.chance(0.5) {
                    (focus, author)
                } else {
                    (author, focus)
                };
                let mut about = relatives.clone();
                about.extend(&others);
                mail(&mut w, from, to, &about);
                "mail"
            }
            4 => {
                let mut fam = vec![focus];
                fam.extend(&relatives);
                note(&mut w, &fam, author);
                "notitie"
            }
            _ => {
                let mut l = vec![focus];
                l.extend(&others);
                if let Some(ns) = people.iter().find(|p| {
                    p.namesake_of == Some(focus) || Some(p.id) == people[focus].namesake_of
                }) {
                    if r.chance(0.5) {
                        w.allow_namesakes = true;
                        w.add(ns.id);
                        l.push(ns.id);
                    }
                }
                l.extend(&relatives);
                list(&mut w, &l);
                "lijst"
            }
        };
        docs.push(w.finish(format!("{:03}-{label}.txt", i + 1)));
    }
    let requests = citizens
        .iter()
        .enumerate()
        .map(|(i, &p)| request_mail(&people, p, &mut rng, i))
        .collect();
    Holding {
        people,
        docs,
        requests,
    }
}

// ---------------------------------------------------------------------------------------------
// `cargo xtask holdings`
// ---------------------------------------------------------------------------------------------

const USAGE: &str = "\
usage: cargo xtask holdings --out DIR [--seed S] [--held-out]

Writes a generated holding of known identity: DIR/holding/*.txt (the documents),
DIR/requests/new/*.eml (one access request per person, a Maildir) and DIR/truth.json
(every person, and the true person of every name span in every document).
  --seed S      seed (default 1)
  --held-out    the held-out configuration (other proportions; never tune on it)
";

pub fn main(args: Vec<String>) -> Result<()> {
    let mut out: Option<PathBuf> = None;
    let mut seed = 1u64;
    let mut held_out = false;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = it.next().map(PathBuf::from),
            "--seed" => {
                seed = it
                    .next()
                    .context("--seed needs a value")?
                    .parse()
                    .context("--seed: not a number")?
            }
            "--held-out" => held_out = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(());
            }
            other => bail!("unknown argument {other:?}\n{USAGE}"),
        }
    }
    let Some(out) = out else {
        bail!("--out is required\n{USAGE}")
    };
    let cfg = if held_out {
        Config::held_out(seed)
    } else {
        Config::dev(seed)
    };
    let h = generate(&cfg);
    write(&h, &out)?;
    eprintln!(
        "{} people, {} documents, {} requests in {}",
        h.people.len(),
        h.docs.len(),
        h.requests.len(),
        out.display()
    );
    Ok(())
}

/// Writes the holding, the requests as a Maildir and the truth.
pub fn write(h: &Holding, out: &std::path::Path) -> Result<()> {
    let holding = out.join("holding");
    let maildir = out.join("requests");
    for d in [
        holding.clone(),
        maildir.join("new"),
        maildir.join("cur"),
        maildir.join("tmp"),
    ] {
        std::fs::create_dir_all(&d).with_context(|| format!("creating {}", d.display()))?;
    }
    for d in &h.docs {
        std::fs::write(holding.join(&d.name), &d.text)?;
    }
    for (i, r) in h.requests.iter().enumerate() {
        std::fs::write(
            maildir
                .join("new")
                .join(format!("{:04}.req.holding", i + 1)),
            &r.mail,
        )?;
    }
    let truth = serde_json::json!({
        "people": h.people.iter().map(|p| serde_json::json!({
            "id": p.id, "name": p.name(), "birth": p.birth_iso(), "town": p.town,
            "staff": p.staff, "namesake_of": p.namesake_of, "family": p.family,
        })).collect::<Vec<_>>(),
        "docs": h.docs.iter().map(|d| serde_json::json!({
            "file": d.name, "persons": d.persons,
        })).collect::<Vec<_>>(),
        "requests": h.requests.iter().enumerate().map(|(i, r)| serde_json::json!({
            "file": format!("{:04}.req.holding", i + 1), "person": r.pid,
        })).collect::<Vec<_>>(),
    });
    std::fs::write(
        out.join("truth.json"),
        serde_json::to_string_pretty(&truth)?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_holding_and_spans_hold_names() {
        let a = generate(&Config::dev(3));
        let b = generate(&Config::dev(3));
        assert_eq!(a.docs.len(), b.docs.len());
        for (x, y) in a.docs.iter().zip(&b.docs) {
            assert_eq!(x.text, y.text);
        }
        for d in &a.docs {
            for &(s, e, p) in &d.persons {
                assert!(s < e && e <= d.text.len(), "{}", d.name);
                assert!(p < a.people.len());
                assert!(d.text.is_char_boundary(s) && d.text.is_char_boundary(e));
            }
        }
        assert!(a.people.iter().any(|p| p.namesake_of.is_some()));
    }
}
