//! `cargo xtask gen`: a deterministic generator of synthetic Dutch government documents.
//!
//! It writes any amount of text of the kinds the mission describes (analyses of organisations
//! and persons, policy notes, letters to parliament, e-mail threads, meeting reports, contact
//! logs, access-request mails, municipal letters), filled from lexicons with **synthetic
//! people only**. The same seed always gives the same bytes, so figures measured on generated
//! text can be compared across commits.
//!
//! With `--gold` every personal-data span is written in the inline gold markup of CONTRACTS.md
//! (`{{kind|text}}`, persons `{{person|text|pid}}`), so generated text can be scored too.
//! Identifiers are valid where their kind requires it (BSN 11-proef, IBAN mod-97); invalid look-alikes
//! (case numbers, mistyped account numbers) are mixed in *unmarked* as decoys, as are
//! municipalities named as organisations and dates that are not birthdates.
//!
//! Output is streamed: one document is built in memory at a time, so `--mb 1000` needs no more
//! memory than `--mb 1`.
//!
//! What it deliberately is not: a model of real people or real organisations. Names are drawn
//! at random from lexicons, combined freely; any resemblance is chance.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

const USAGE: &str = "\
usage: cargo xtask gen --out DIR (--docs N | --mb M) [--seed S] [--formats txt,eml,docx,pdf] [--gold]

  --out DIR       folder to write into (created when missing)
  --docs N        write N documents, one file each (docNNNNNNN.EXT; in sub-folders of 1000 when
                  N > 10000)
  --mb M          instead write one file DIR/text-M.txt of about M megabytes (10^6 bytes)
  --seed S        seed (default 1); the same seed gives the same bytes
  --formats LIST  comma-separated: txt (default), eml, docx, pdf; documents take turns
  --gold          write the inline gold markup {{kind|text}} / {{person|text|pid}} (txt only)
";

/// Options of one `gen` run, parsed from the command line.
#[derive(Debug, Clone)]
struct Options {
    out: PathBuf,
    docs: Option<u64>,
    mb: Option<u64>,
    seed: u64,
    formats: Vec<Format>,
    gold: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Txt,
    Eml,
    Docx,
    Pdf,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Eml => "eml",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

/// Entry point called by `main.rs` for `cargo xtask gen ARGS...`.
pub fn main(args: Vec<String>) -> Result<()> {
    let opts = parse_args(&args)?;
    let lex = Lexicon::load();
    fs::create_dir_all(&opts.out)
        .with_context(|| format!("cannot create {}", opts.out.display()))?;
    let stats = if let Some(mb) = opts.mb {
        write_megabytes(&opts, &lex, mb)?
    } else {
        write_documents(&opts, &lex, opts.docs.unwrap_or(0))?
    };
    eprintln!("{}", stats.summary());
    Ok(())
}

fn parse_args(args: &[String]) -> Result<Options> {
    let mut out = None;
    let mut docs = None;
    let mut mb = None;
    let mut seed = 1u64;
    let mut formats = vec![Format::Txt];
    let mut gold = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .with_context(|| format!("{name} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--docs" => docs = Some(value("--docs")?.parse().context("--docs: not a number")?),
            "--mb" => mb = Some(value("--mb")?.parse().context("--mb: not a number")?),
            "--seed" => seed = value("--seed")?.parse().context("--seed: not a number")?,
            "--gold" => gold = true,
            "--formats" => {
                formats = value("--formats")?
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|s| match s.trim() {
                        "txt" => Ok(Format::Txt),
                        "eml" => Ok(Format::Eml),
                        "docx" => Ok(Format::Docx),
                        "pdf" => Ok(Format::Pdf),
                        other => bail!("unknown format {other:?} (txt, eml, docx, pdf)"),
                    })
                    .collect::<Result<Vec<_>>>()?;
                if formats.is_empty() {
                    bail!("--formats is empty");
                }
            }
            "-h" | "--help" => {
                print!("{USAGE}");
                std::process::exit(0);
            }
            other => bail!("unknown argument {other:?}\n{USAGE}"),
        }
    }
    let Some(out) = out else {
        bail!("--out DIR is required\n{USAGE}")
    };
    if docs.is_none() && mb.is_none() {
        bail!("one of --docs N or --mb M is required\n{USAGE}");
    }
    Ok(Options {
        out,
        docs,
        mb,
        seed,
        formats,
        gold,
    })
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/// Counts of what was written, printed at the end so a run can be sanity-checked.
#[derive(Default)]
struct Stats {
    documents: u64,
    bytes: u64,
    spans: [u64; KINDS.len()],
}

impl Stats {
    fn summary(&self) -> String {
        let mut s = format!(
            "gen: {} documents, {} bytes; gold spans:",
            self.documents, self.bytes
        );
        for (kind, n) in KINDS.iter().zip(self.spans) {
            if n > 0 {
                let _ = write!(s, " {kind}={n}");
            }
        }
        s
    }
}

fn write_megabytes(opts: &Options, lex: &Lexicon, mb: u64) -> Result<Stats> {
    let path = opts.out.join(format!("text-{mb}.txt"));
    let file = File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut w = BufWriter::with_capacity(1 << 20, file);
    let target = mb * 1_000_000;
    // A population large enough that names recur only now and then, as in a real holding.
    let population = 100_000;
    let mut stats = Stats::default();
    let mut index = 0u64;
    while stats.bytes < target {
        let doc = generate_document(opts.seed, index, population, lex, opts.gold);
        w.write_all(doc.text.as_bytes())?;
        w.write_all(b"\n\n")?;
        stats.add(&doc);
        stats.bytes += doc.text.len() as u64 + 2;
        index += 1;
    }
    w.flush()?;
    Ok(stats)
}

fn write_documents(opts: &Options, lex: &Lexicon, docs: u64) -> Result<Stats> {
    let population = (docs / 3).max(200);
    let shard = docs > 10_000;
    let mut stats = Stats::default();
    for index in 0..docs {
        let format = opts.formats[(index % opts.formats.len() as u64) as usize];
        // Markup only makes sense in plain text; other formats carry the plain text.
        let gold = opts.gold && format == Format::Txt;
        let doc = generate_document(opts.seed, index, population, lex, gold);
        let dir = if shard {
            opts.out.join(format!("{:04}", index / 1000))
        } else {
            opts.out.clone()
        };
        if shard && index % 1000 == 0 {
            fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        let path = dir.join(format!("doc{index:07}.{}", format.ext()));
        let bytes = match format {
            Format::Txt => doc.text.clone().into_bytes(),
            Format::Eml => render_eml(&doc, opts.seed, index),
            Format::Docx => render_docx(&doc)?,
            Format::Pdf => render_pdf(&doc),
        };
        write_file(&path, &bytes)?;
        stats.add(&doc);
        stats.bytes += bytes.len() as u64;
    }
    Ok(stats)
}

impl Stats {
    fn add(&mut self, doc: &Document) {
        self.documents += 1;
        for (total, n) in self.spans.iter_mut().zip(doc.spans) {
            *total += n;
        }
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// Random numbers: a self-contained SplitMix64 so the output never changes with a crate update.
// ---------------------------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut r = Rng(seed ^ 0x9E37_79B9_7F4A_7C15);
        r.next_u64();
        r
    }

    /// An independent stream for item `index` of stream family `salt`, so document 5 does not
    /// change when document 4's template changes.
    fn derive(seed: u64, salt: u64, index: u64) -> Rng {
        Rng::new(mix(mix(seed)
            ^ salt.wrapping_mul(0xA24B_AED4_963E_E407)
            ^ index))
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    fn range(&mut self, lo: u32, hi_inclusive: u32) -> u32 {
        lo + self.below((hi_inclusive - lo + 1) as usize) as u32
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<'a, T: ?Sized>(&mut self, xs: &'a [&'a T]) -> &'a T {
        xs[self.below(xs.len())]
    }

    fn pick_string<'a>(&mut self, xs: &'a [String]) -> &'a str {
        &xs[self.below(xs.len())]
    }

    fn digit(&mut self) -> u8 {
        self.below(10) as u8
    }
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

// ---------------------------------------------------------------------------------------------
// Lexicons
// ---------------------------------------------------------------------------------------------

struct Lexicon {
    first_female: Vec<String>,
    first_male: Vec<String>,
    surnames: Vec<String>,
    places: Vec<String>,
    /// Names and places read from the detector's lexicon files (empty when absent).
    extra_first: Vec<String>,
    extra_surnames: Vec<String>,
    extra_places: Vec<String>,
}

impl Lexicon {
    /// Half of the draws come from the built-in lists (names common in the communities the
    /// mission is about), half from the much larger lexicon files, for variety.
    fn first(&self, rng: &mut Rng, female: bool) -> String {
        if !self.extra_first.is_empty() && rng.chance(0.5) {
            return rng.pick_string(&self.extra_first).to_owned();
        }
        rng.pick_string(if female {
            &self.first_female
        } else {
            &self.first_male
        })
        .to_owned()
    }

    fn surname(&self, rng: &mut Rng) -> String {
        if !self.extra_surnames.is_empty() && rng.chance(0.5) {
            return rng.pick_string(&self.extra_surnames).to_owned();
        }
        rng.pick_string(&self.surnames).to_owned()
    }

    fn place(&self, rng: &mut Rng) -> String {
        if !self.extra_places.is_empty() && rng.chance(0.3) {
            return rng.pick_string(&self.extra_places).to_owned();
        }
        rng.pick_string(&self.places).to_owned()
    }
}

impl Lexicon {
    /// Reads the detector's name lexicons when present, so generated names look like the ones the
    /// detector will meet; falls back to built-in seed lists. Built-in names are always mixed
    /// in, so that not every generated name is one the detector's lexicon knows.
    fn load() -> Lexicon {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/detect/data");
        let read = |name: &str| -> Vec<String> {
            fs::read_to_string(data.join(name))
                .map(|s| {
                    s.lines()
                        .map(|l| l.split('\t').next().unwrap_or("").trim())
                        .filter(|l| !l.is_empty() && !l.starts_with('#') && usable_word(l))
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default()
        };
        let owned = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // The lexicon file has no gender column; a name drawn from it gets a random title.
        Lexicon {
            first_female: owned(FIRST_FEMALE),
            first_male: owned(FIRST_MALE),
            surnames: owned(SURNAMES),
            places: owned(PLACES),
            extra_first: read("first_names.txt"),
            extra_surnames: read("surnames.txt"),
            extra_places: read("places.txt"),
        }
    }
}

/// Lexicon lines that would break the markup or a sentence are left out.
fn usable_word(s: &str) -> bool {
    !s.contains(['|', '{', '}', '[', ']', '<', '>', '@'])
        && s.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '\'')
        && s.len() <= 40
}

const FIRST_FEMALE: &[&str] = &[
    "Fatima",
    "Khadija",
    "Aisha",
    "Meryem",
    "Yasmina",
    "Samira",
    "Naima",
    "Hanan",
    "Nora",
    "Salma",
    "Zeynep",
    "Elif",
    "Ayse",
    "Emine",
    "Hatice",
    "Sanne",
    "Lotte",
    "Anouk",
    "Eva",
    "Marieke",
    "Ingrid",
    "Wilhelmina",
    "Johanna",
    "Petra",
    "Esther",
    "Hafsa",
    "Ikram",
    "Soumaya",
    "Asma",
    "Rukiye",
    "Büşra",
    "Inge",
    "Noor",
    "Maryam",
    "Layla",
    "Sevda",
    "Dilan",
    "Amina",
];

const FIRST_MALE: &[&str] = &[
    "Mohamed",
    "Ahmed",
    "Abdelkader",
    "Youssef",
    "Hassan",
    "Mustafa",
    "Ibrahim",
    "Rachid",
    "Karim",
    "Said",
    "Mehmet",
    "Ali",
    "Hüseyin",
    "Emre",
    "Kemal",
    "Osman",
    "Jan",
    "Pieter",
    "Willem",
    "Johannes",
    "Hendrik",
    "Cornelis",
    "Bas",
    "Daan",
    "Thijs",
    "Erik",
    "Abdullah",
    "Bilal",
    "Hamza",
    "Omar",
    "Yassine",
    "Tarik",
    "Murat",
    "Serkan",
    "Jeroen",
    "Marco",
    "Ruud",
    "Anwar",
    "Driss",
    "Farid",
    "Noureddine",
];

const SURNAMES: &[&str] = &[
    "el Amrani",
    "Ouahabi",
    "Bouzid",
    "el Idrissi",
    "Benali",
    "Aarab",
    "el Khatib",
    "Boukhari",
    "Yilmaz",
    "Kaya",
    "Demir",
    "Şahin",
    "Çelik",
    "Öztürk",
    "Aydın",
    "Arslan",
    "Doğan",
    "de Vries",
    "Jansen",
    "de Jong",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "ter Horst",
    "van Dijk",
    "Nobel",
    "Haddouchi",
    "Azzouzi",
    "el Hamdaoui",
    "Ait Taleb",
    "Abdi",
    "Warsame",
    "Hussein",
    "Mahamud",
    "Karimi",
    "Rahimi",
    "Sadiq",
    "Qureshi",
    "Kartosen",
    "Ramdin",
    "Mohan",
    "Sewdien",
];

const PLACES: &[&str] = &[
    "Ermelo",
    "Amersfoort",
    "Veenendaal",
    "Ede",
    "Barneveld",
    "Zeist",
    "Utrecht",
    "Amsterdam",
    "Rotterdam",
    "Den Haag",
    "Gouda",
    "Delft",
    "Leiden",
    "Zoetermeer",
    "Schiedam",
    "Vlaardingen",
    "Dordrecht",
    "Tilburg",
    "Eindhoven",
    "Helmond",
    "Venlo",
    "Roermond",
    "Arnhem",
    "Nijmegen",
    "Apeldoorn",
    "Deventer",
    "Zwolle",
    "Enschede",
    "Almelo",
    "Hengelo",
    "Groningen",
    "Leeuwarden",
    "Assen",
    "Emmen",
    "Lelystad",
    "Almere",
    "Haarlem",
    "Zaandam",
    "Alkmaar",
    "Hoorn",
    "Den Helder",
    "Culemborg",
    "Tiel",
    "Houten",
    "Nieuwegein",
    "IJsselstein",
    "Woerden",
    "Bodegraven",
    "Harderwijk",
    "Nunspeet",
    "Wageningen",
    "Oss",
    "Waalwijk",
    "Roosendaal",
    "Bergen op Zoom",
    "Vlissingen",
    "Middelburg",
    "Goes",
    "Terneuzen",
    "Heerlen",
    "Sittard",
    "Maastricht",
];

const STREETS: &[&str] = &[
    "Kerkstraat",
    "Dorpsstraat",
    "Molenweg",
    "Julianalaan",
    "Beatrixstraat",
    "Stationsweg",
    "Schoolstraat",
    "Wilhelminastraat",
    "Marktplein",
    "Nieuwstraat",
    "Oranjestraat",
    "Parklaan",
    "Lindelaan",
    "Eikenlaan",
    "Kastanjelaan",
    "Hoofdstraat",
    "Prins Bernhardlaan",
    "Irisstraat",
    "Tulpstraat",
    "Rozenstraat",
    "Vondellaan",
    "Rembrandtplein",
    "Van Goghstraat",
    "Dahliastraat",
    "Burgemeester de Withstraat",
    "Koningin Emmalaan",
    "Zuiderweg",
    "Westsingel",
    "Oosteinde",
    "Achterom",
    "Boslaan",
    "Weverstraat",
    "Ambachtsweg",
    "Spoorlaan",
    "Havenkade",
];

const BANKS: &[&str] = &[
    "ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ",
];

const MAIL_DOMAINS: &[&str] = &[
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "ziggo.nl",
    "kpnmail.nl",
    "live.nl",
    "xs4all.nl",
    "planet.nl",
    "icloud.com",
    "yahoo.com",
];

const AREA_CODES: &[&str] = &[
    "010", "020", "030", "033", "040", "043", "050", "070", "071", "073", "076", "0341", "0318",
    "0570", "0299", "0575", "0342", "0344", "0413",
];

// ---------------------------------------------------------------------------------------------
// Synthetic people
// ---------------------------------------------------------------------------------------------

struct Person {
    pid: String,
    female: bool,
    first: String,
    /// Initials as written, e.g. "J.N.J.".
    initials: String,
    /// Lower-case tussenvoegsel ("van der"), empty when none.
    tussen: String,
    /// Surname without tussenvoegsel.
    surname: String,
    birth: (u32, u32, u32),
    street: String,
    house: String,
    postcode: String,
    place: String,
    email: String,
    phone: String,
    bsn: String,
    iban: String,
    plate: String,
    ip: String,
    role: &'static str,
}

impl Person {
    /// Person `index` of the population of a seed: always the same person for the same pair.
    fn new(seed: u64, index: u64, lex: &Lexicon) -> Person {
        let mut rng = Rng::derive(seed, 1, index);
        let female = rng.chance(0.5);
        let first = lex.first(&mut rng, female);
        let full_surname = lex.surname(&mut rng);
        let (tussen, surname) = split_tussen(&full_surname);
        let mut initials = String::new();
        initials.push_str(&first_initial(&first));
        for _ in 0..rng.below(3) {
            initials.push(char::from(b'A' + rng.below(26) as u8));
            initials.push('.');
        }
        let year = rng.range(1940, 2004);
        let month = rng.range(1, 12);
        let day = rng.range(1, days_in_month(year, month));
        let street = rng.pick(STREETS).to_owned();
        let house = match rng.below(6) {
            0 => format!(
                "{}{}",
                rng.range(1, 199),
                char::from(b'a' + rng.below(4) as u8)
            ),
            1 => format!("{}-{}", rng.range(1, 199), rng.range(1, 3)),
            _ => rng.range(1, 240).to_string(),
        };
        let postcode = format!(
            "{}{}{}{} {}{}",
            rng.range(1, 9),
            rng.digit(),
            rng.digit(),
            rng.digit(),
            postcode_letter(&mut rng),
            postcode_letter(&mut rng)
        );
        let place = lex.place(&mut rng);
        let email = make_email(&mut rng, &first, &tussen, &surname, year);
        let phone = make_phone(&mut rng);
        let bsn = make_bsn(&mut rng);
        let grouped = rng.chance(0.5);
        let iban = make_iban(&mut rng, grouped);
        let plate = make_plate(&mut rng);
        let ip = make_ip(&mut rng);
        let role = rng.pick(ROLES);
        Person {
            pid: format!("p{index:06}"),
            female,
            first,
            initials,
            tussen,
            surname,
            birth: (year, month, day),
            street,
            house,
            postcode,
            place,
            email,
            phone,
            bsn,
            iban,
            plate,
            ip,
            role,
        }
    }

    /// "Fatima el Amrani".
    fn full(&self) -> String {
        join_name(&self.first, &self.tussen, &self.surname)
    }

    /// "F.N. el Amrani".
    fn with_initials(&self) -> String {
        join_name(&self.initials, &self.tussen, &self.surname)
    }

    /// "El Amrani": the tussenvoegsel is capitalised when nothing precedes it.
    fn surname_alone(&self) -> String {
        if self.tussen.is_empty() {
            self.surname.clone()
        } else {
            format!("{} {}", capitalise(&self.tussen), self.surname)
        }
    }

    fn title(&self) -> &'static str {
        if self.female {
            "mevrouw"
        } else {
            "de heer"
        }
    }
}

fn join_name(given: &str, tussen: &str, surname: &str) -> String {
    if tussen.is_empty() {
        format!("{given} {surname}")
    } else {
        format!("{given} {tussen} {surname}")
    }
}

fn split_tussen(full: &str) -> (String, String) {
    const PARTICLES: &[&str] = &[
        "van", "de", "der", "den", "ter", "ten", "el", "al", "'t", "te",
    ];
    let words: Vec<&str> = full.split(' ').collect();
    let n = words
        .iter()
        .take(words.len().saturating_sub(1))
        .take_while(|w| PARTICLES.contains(w))
        .count();
    (words[..n].join(" "), words[n..].join(" "))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn first_initial(first: &str) -> String {
    // Digraph initials as the Dutch write them ("IJ." for IJsbrand, "Th." for Theo).
    if first.starts_with("IJ") {
        return "IJ.".into();
    }
    if first.starts_with("Th") {
        return "Th.".into();
    }
    match first.chars().next() {
        Some(c) => format!("{}.", c.to_uppercase()),
        None => "X.".into(),
    }
}

fn ascii_fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let c = match c {
                'á' | 'à' | 'ä' | 'â' => 'a',
                'é' | 'è' | 'ë' | 'ê' => 'e',
                'í' | 'ì' | 'ï' | 'î' | 'ı' => 'i',
                'ó' | 'ò' | 'ö' | 'ô' => 'o',
                'ú' | 'ù' | 'ü' | 'û' => 'u',
                'ç' => 'c',
                'ş' => 's',
                'ğ' => 'g',
                c => c,
            };
            c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase())
        })
        .collect()
}

fn make_email(rng: &mut Rng, first: &str, tussen: &str, surname: &str, year: u32) -> String {
    let f = ascii_fold(first);
    let t = ascii_fold(tussen);
    let s = ascii_fold(surname);
    let local = match rng.below(5) {
        0 => format!("{f}.{t}{s}"),
        1 => format!("{}.{t}{s}", f.chars().next().unwrap_or('x')),
        2 => format!("{f}{}", year % 100),
        3 => format!("{f}_{s}{}", rng.range(1, 99)),
        _ => format!("{}{t}{s}", f.chars().next().unwrap_or('x')),
    };
    format!("{local}@{}", rng.pick(MAIL_DOMAINS))
}

fn make_phone(rng: &mut Rng) -> String {
    let digits = |rng: &mut Rng, n: usize| {
        (0..n)
            .map(|_| (b'0' + rng.digit()) as char)
            .collect::<String>()
    };
    if rng.chance(0.6) {
        let rest = format!("{}{}", rng.range(1, 9), digits(rng, 7));
        match rng.below(4) {
            0 => format!("06-{rest}"),
            1 => format!("06 {} {}", &rest[..4], &rest[4..]),
            2 => format!("+31 6 {rest}"),
            _ => format!("06{rest}"),
        }
    } else {
        let area = rng.pick(AREA_CODES);
        let rest = format!("{}{}", rng.range(2, 9), digits(rng, 9 - area.len()));
        if rng.chance(0.7) {
            format!("{area}-{rest}")
        } else {
            format!("{area} {rest}")
        }
    }
}

/// A BSN that passes the 11-proef.
fn make_bsn(rng: &mut Rng) -> String {
    loop {
        let mut d = [0u8; 9];
        d[0] = rng.range(1, 6) as u8;
        for x in d.iter_mut().take(8).skip(1) {
            *x = rng.digit();
        }
        let sum: u32 = (0..8).map(|i| (9 - i as u32) * d[i] as u32).sum();
        let check = sum % 11;
        if check == 10 {
            continue;
        }
        d[8] = check as u8;
        return d.iter().map(|x| (b'0' + x) as char).collect();
    }
}

fn bsn_valid(s: &str) -> bool {
    let d: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 9 {
        return false;
    }
    let sum: i64 = (0..8).map(|i| (9 - i as i64) * d[i] as i64).sum::<i64>() - d[8] as i64;
    sum % 11 == 0
}

/// A nine-digit number that fails the 11-proef: a case number, not a BSN.
fn make_bsn_decoy(rng: &mut Rng) -> String {
    loop {
        let s: String = (0..9)
            .map(|i| {
                (b'0'
                    + if i == 0 {
                        rng.range(1, 9) as u8
                    } else {
                        rng.digit()
                    }) as char
            })
            .collect();
        if !bsn_valid(&s) {
            return s;
        }
    }
}

fn iban_mod97(rearranged: &str) -> u32 {
    let mut m = 0u32;
    for c in rearranged.chars() {
        if let Some(d) = c.to_digit(10) {
            m = (m * 10 + d) % 97;
        } else if c.is_ascii_uppercase() {
            let v = c as u32 - 'A' as u32 + 10;
            m = (m * 100 + v) % 97;
        }
    }
    m
}

fn iban_valid(iban: &str) -> bool {
    let compact: String = iban.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() < 5 {
        return false;
    }
    iban_mod97(&format!("{}{}", &compact[4..], &compact[..4])) == 1
}

fn make_iban(rng: &mut Rng, grouped: bool) -> String {
    let bank = rng.pick(BANKS);
    let account: String = (0..10).map(|_| (b'0' + rng.digit()) as char).collect();
    let check = 98 - iban_mod97(&format!("{bank}{account}NL00"));
    let compact = format!("NL{check:02}{bank}{account}");
    if grouped {
        group4(&compact)
    } else {
        compact
    }
}

/// An IBAN with one digit mistyped: fails mod-97.
fn make_iban_decoy(rng: &mut Rng) -> String {
    let grouped = rng.chance(0.5);
    let good = make_iban(rng, false);
    let mut bytes = good.into_bytes();
    let pos = 8 + rng.below(10);
    bytes[pos] = b'0' + ((bytes[pos] - b'0' + 1 + rng.below(8) as u8) % 10);
    let bad = String::from_utf8(bytes).unwrap_or_default();
    debug_assert!(!iban_valid(&bad));
    if grouped {
        group4(&bad)
    } else {
        bad
    }
}

fn group4(s: &str) -> String {
    s.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

fn postcode_letter(rng: &mut Rng) -> char {
    // Postcodes never use SA, SD or SS; leaving out S avoids them all and is still realistic.
    const LETTERS: &[u8] = b"ABCDEGHJKLMNPRTVWXZ";
    LETTERS[rng.below(LETTERS.len())] as char
}

fn make_plate(rng: &mut Rng) -> String {
    const L: &[u8] = b"BDFGHJKLNPRSTVXZ";
    let mut letters = |n: usize| {
        (0..n)
            .map(|_| L[rng.below(L.len())] as char)
            .collect::<String>()
    };
    let a = letters(3);
    let b = letters(2);
    let c = letters(1);
    let mut num = |n: usize| {
        (0..n)
            .map(|_| (b'0' + rng.range(1, 9) as u8) as char)
            .collect::<String>()
    };
    let (n1, n2, n3) = (num(2), num(3), num(1));
    match rng.below(4) {
        0 => format!("{n1}-{a}-{n3}"),
        1 => format!("{b}-{n2}-{c}"),
        2 => format!("{n3}-{a}-{n1}"),
        _ => format!("{b}-{n1}-{}", &a[..2]),
    }
}

fn make_ip(rng: &mut Rng) -> String {
    const FIRST: &[u32] = &[
        31, 37, 62, 77, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 94, 145, 178, 188, 212, 213, 217,
    ];
    format!(
        "{}.{}.{}.{}",
        FIRST[rng.below(FIRST.len())],
        rng.range(0, 255),
        rng.range(0, 255),
        rng.range(1, 254)
    )
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

const KINDS: &[&str] = &[
    "person",
    "email",
    "phone",
    "bsn",
    "iban",
    "address",
    "postcode",
    "birthdate",
    "place",
    "licence_plate",
    "ip_address",
    "religion",
    "ethnicity",
    "political",
    "health",
    "sexual_orientation",
    "trade_union",
    "criminal",
];

/// One generated document: its text (with or without markup), a subject line and the sender
/// and recipients used when it is written as an e-mail.
struct Document {
    text: String,
    gold: bool,
    title: String,
    kind: DocKind,
    spans: [u64; KINDS.len()],
    /// Plain "Name <address>" strings for the e-mail headers (sender first).
    mail_parties: Vec<(String, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum DocKind {
    Analysis,
    PolicyNote,
    ParliamentLetter,
    MailThread,
    MeetingReport,
    ContactLog,
    AccessRequest,
    MunicipalLetter,
}

impl Document {
    fn new(gold: bool, kind: DocKind) -> Document {
        Document {
            text: String::with_capacity(4096),
            gold,
            title: String::new(),
            kind,
            spans: [0; KINDS.len()],
            mail_parties: Vec::new(),
        }
    }

    fn put(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn line(&mut self, s: &str) {
        self.text.push_str(s);
        self.text.push('\n');
    }

    fn mark(&mut self, kind: &str, s: &str) {
        if let Some(i) = KINDS.iter().position(|k| *k == kind) {
            self.spans[i] += 1;
        }
        if self.gold {
            let _ = write!(self.text, "{{{{{kind}|{s}}}}}");
        } else {
            self.text.push_str(s);
        }
    }

    fn person(&mut self, s: &str, pid: &str) {
        self.spans[0] += 1;
        if self.gold {
            let _ = write!(self.text, "{{{{person|{s}|{pid}}}}}");
        } else {
            self.text.push_str(s);
        }
    }
}

/// Fills a template: literal text with `[slot]`s. Slots about a person refer to `p` (`[name]`)
/// or to `q` (`[q.name]`); the others draw fresh values (`[org]`, `[date]`, `[religion]` ...).
struct Filler<'a> {
    rng: &'a mut Rng,
    lex: &'a Lexicon,
    cast: &'a [Person],
}

impl Filler<'_> {
    fn fill(&mut self, doc: &mut Document, tpl: &str, p: usize, q: usize) {
        let mut rest = tpl;
        while let Some(open) = rest.find('[') {
            doc.put(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find(']') else {
                doc.put(&rest[open..]);
                return;
            };
            let slot = &after[..close];
            let (who, slot) = match slot.strip_prefix("q.") {
                Some(s) => (q, s),
                None => (p, slot),
            };
            self.slot(doc, slot, who);
            rest = &after[close + 1..];
        }
        doc.put(rest);
    }

    fn slot(&mut self, doc: &mut Document, slot: &str, who: usize) {
        let p = &self.cast[who];
        let pid = p.pid.as_str();
        match slot {
            "name" => doc.person(&p.full(), pid),
            "initials" => doc.person(&p.with_initials(), pid),
            // A name in one of the ways it is written in running text.
            "any" => {
                let name = match self.rng.below(3) {
                    0 => p.full(),
                    1 => p.with_initials(),
                    _ => p.surname_alone(),
                };
                if name == p.surname_alone() {
                    doc.put(p.title());
                    doc.put(" ");
                }
                doc.person(&name, pid)
            }
            "title" => {
                doc.put(p.title());
                doc.put(" ");
                doc.person(&p.surname_alone(), pid)
            }
            "Title" => {
                doc.put(&capitalise(p.title()));
                doc.put(" ");
                doc.person(&p.surname_alone(), pid)
            }
            "surname" => doc.person(&p.surname_alone(), pid),
            // "Geachte heer Visser": the salutation drops the article.
            "salute" => {
                doc.put(if p.female { "mevrouw " } else { "heer " });
                doc.person(&p.surname_alone(), pid)
            }
            "hij" => doc.put(if p.female { "zij" } else { "hij" }),
            "Hij" => doc.put(if p.female { "Zij" } else { "Hij" }),
            "zijn" => doc.put(if p.female { "haar" } else { "zijn" }),
            "first" => doc.person(&p.first, pid),
            "role" => doc.put(p.role),
            "place" => doc.mark("place", &p.place),
            "address" => doc.mark("address", &format!("{} {}", p.street, p.house)),
            "postcode" => doc.mark("postcode", &p.postcode),
            "birthdate" => {
                let (y, m, d) = p.birth;
                let s = match self.rng.below(3) {
                    0 => format!("{d} {} {y}", grondslag_detect::MONTH_NAMES[m as usize - 1]),
                    1 => format!("{d:02}-{m:02}-{y}"),
                    _ => format!("{d}-{m}-{y}"),
                };
                doc.mark("birthdate", &s)
            }
            "email" => doc.mark("email", &p.email),
            "phone" => doc.mark("phone", &p.phone),
            "bsn" => doc.mark("bsn", &p.bsn),
            "iban" => doc.mark("iban", &p.iban),
            "plate" => doc.mark("licence_plate", &p.plate),
            "ip" => doc.mark("ip_address", &p.ip),
            "religion" => doc.mark("religion", self.rng.pick(RELIGION)),
            "ethnicity" => doc.mark("ethnicity", self.rng.pick(ETHNICITY)),
            "political" => doc.mark("political", self.rng.pick(POLITICAL)),
            "health" => doc.mark("health", self.rng.pick(HEALTH)),
            "sexual" => doc.mark("sexual_orientation", self.rng.pick(SEXUAL)),
            "union" => doc.mark("trade_union", self.rng.pick(UNION)),
            "criminal" => doc.mark("criminal", self.rng.pick(CRIMINAL)),
            // Unmarked slots: the things a detector must leave alone.
            "org" => doc.put(&self.org()),
            // Municipalities and venues come from the built-in Dutch list only: the lexicon
            // file also holds foreign places, which are fine as a place of origin but odd as the
            // seat of a Dutch municipality.
            "city" => doc.put(self.rng.pick_string(&self.lex.places)),
            "date" => doc.put(&self.date()),
            "year" => doc.put(&self.rng.range(2015, 2020).to_string()),
            "case" => {
                let s = make_bsn_decoy(self.rng);
                doc.put(&s)
            }
            "badiban" => {
                let s = make_iban_decoy(self.rng);
                doc.put(&s)
            }
            "topic" => doc.put(self.rng.pick(TOPICS)),
            "n" => doc.put(&self.rng.range(2, 40).to_string()),
            "amount" => {
                let s = format!(
                    "€ {}.{:03},00",
                    self.rng.range(1, 250),
                    self.rng.range(0, 999)
                );
                doc.put(&s)
            }
            other => doc.put(other),
        }
    }

    fn org(&mut self) -> String {
        let name = self.rng.pick(ORG_NAMES);
        match self.rng.below(5) {
            0 => format!("Stichting {name}"),
            1 => format!("Moskee {name}"),
            2 => format!("Vereniging {name}"),
            3 => format!("de gemeente {}", self.rng.pick_string(&self.lex.places)),
            _ => format!("Stichting Jongerencentrum {name}"),
        }
    }

    fn date(&mut self) -> String {
        let y = self.rng.range(2015, 2024);
        let m = self.rng.range(1, 12);
        let d = self.rng.range(1, days_in_month(y, m));
        if self.rng.chance(0.5) {
            format!("{d} {} {y}", grondslag_detect::MONTH_NAMES[m as usize - 1])
        } else {
            format!("{d:02}-{m:02}-{y}")
        }
    }

    /// Fills one template chosen from `list`, then a line break or a space.
    fn sentence(&mut self, doc: &mut Document, list: &[&str], p: usize, q: usize) {
        let tpl = list[self.rng.below(list.len())];
        self.fill(doc, tpl, p, q);
    }
}

const ROLES: &[&str] = &[
    "voorzitter",
    "secretaris",
    "penningmeester",
    "bestuurslid",
    "imam",
    "jongerenwerker",
    "woordvoerder",
    "vrijwilliger",
    "coördinator",
    "docent",
    "ondernemer",
    "wijkagent",
];

const ORG_NAMES: &[&str] = &[
    "Al-Nour",
    "El Fath",
    "Ulu Cami",
    "Mevlana",
    "Al Ittihaad",
    "Assalam",
    "Ayasofya",
    "Al-Hijra",
    "Ennasr",
    "Yunus Emre",
    "Essalam",
    "De Brug",
    "Samen Sterk",
    "Vrede en Dialoog",
    "Al Amal",
];

const TOPICS: &[&str] = &[
    "radicalisering onder jongeren",
    "de financiering van gebedshuizen",
    "buitenlandse beïnvloeding",
    "sociale cohesie in de wijk",
    "de samenwerking met maatschappelijke organisaties",
    "informatie-uitwisseling tussen gemeenten",
    "het weerbaarheidsprogramma",
    "de rol van sleutelfiguren",
    "het onderwijsaanbod in de moskee",
    "polarisatie na de aanslagen",
];

const RELIGION: &[&str] = &[
    "moslim",
    "praktiserend moslim",
    "soennitisch moslim",
    "sjiitisch moslim",
    "bekeerd tot de islam",
    "aanhanger van de salafistische stroming",
    "streng gelovig",
    "katholiek",
    "protestants-christelijk",
    "aanhanger van de Gülenbeweging",
];

const ETHNICITY: &[&str] = &[
    "van Marokkaanse afkomst",
    "van Turkse komaf",
    "met een Somalische achtergrond",
    "van Koerdische afkomst",
    "van Surinaams-Hindoestaanse afkomst",
    "van Afghaanse afkomst",
    "met een Berberse achtergrond",
];

const POLITICAL: &[&str] = &[
    "lid van DENK",
    "actief binnen de PvdA",
    "lid van de VVD",
    "sympathiseert met de SP",
    "kandidaat voor NIDA",
    "lid van het CDA",
];

/// Health data as the predicate that states it ("kampt met diabetes"), not the bare noun,
/// following the annotation of `corpus/dev`: the span covers the words that state it.
const HEALTH: &[&str] = &[
    "kampt met diabetes",
    "heeft depressieklachten",
    "is in behandeling bij een psychiater",
    "is arbeidsongeschikt na een hernia",
    "heeft een chronische longziekte",
    "zit thuis met een burn-out",
];

const SEXUAL: &[&str] = &["homoseksueel", "lesbisch", "biseksueel"];

const UNION: &[&str] = &[
    "lid van de FNV",
    "kaderlid van het CNV",
    "lid van de vakbond FNV",
];

const CRIMINAL: &[&str] = &[
    "veroordeeld voor oplichting",
    "verdachte in een fraudezaak",
    "bekend bij de politie wegens drugshandel",
    "aangehouden wegens openlijke geweldpleging",
    "eerder veroordeeld tot een taakstraf",
];

/// Builds document `index` of a seed. Every document has its own random stream and its own
/// cast drawn from a population of `population` people, some of whom recur in many documents.
fn generate_document(
    seed: u64,
    index: u64,
    population: u64,
    lex: &Lexicon,
    gold: bool,
) -> Document {
    let mut rng = Rng::derive(seed, 2, index);
    let cast_size = 2 + rng.below(6);
    let cast: Vec<Person> = (0..cast_size)
        .map(|_| {
            // One in three picks comes from a small core that appears across the holding.
            let id = if rng.chance(0.33) {
                rng.below((population / 50).max(5) as usize) as u64
            } else {
                rng.below(population as usize) as u64
            };
            Person::new(seed, id, lex)
        })
        .collect();
    let kind = match rng.below(8) {
        0 => DocKind::Analysis,
        1 => DocKind::PolicyNote,
        2 => DocKind::ParliamentLetter,
        3 => DocKind::MailThread,
        4 => DocKind::MeetingReport,
        5 => DocKind::ContactLog,
        6 => DocKind::AccessRequest,
        _ => DocKind::MunicipalLetter,
    };
    let mut doc = Document::new(gold, kind);
    let mut f = Filler {
        rng: &mut rng,
        lex,
        cast: &cast,
    };
    match kind {
        DocKind::Analysis => analysis(&mut f, &mut doc),
        DocKind::PolicyNote => policy_note(&mut f, &mut doc),
        DocKind::ParliamentLetter => parliament_letter(&mut f, &mut doc),
        DocKind::MailThread => mail_thread(&mut f, &mut doc),
        DocKind::MeetingReport => meeting_report(&mut f, &mut doc),
        DocKind::ContactLog => contact_log(&mut f, &mut doc),
        DocKind::AccessRequest => access_request(&mut f, &mut doc),
        DocKind::MunicipalLetter => municipal_letter(&mut f, &mut doc),
    }
    if doc.mail_parties.is_empty() {
        let a = &cast[0];
        let b = &cast[1 % cast.len()];
        doc.mail_parties = vec![(a.full(), a.email.clone()), (b.full(), b.email.clone())];
    }
    doc
}

fn analysis(f: &mut Filler, doc: &mut Document) {
    let org = f.org();
    doc.title = format!("Analyse {org}");
    doc.line(&format!("VERTROUWELIJK – Analyse {org}"));
    f.fill(
        doc,
        "Opgesteld in opdracht van de gemeente [city], [date]\n\n",
        0,
        0,
    );
    doc.line("1. Aanleiding");
    f.fill(
        doc,
        "Deze analyse brengt de organisatie, het bestuur en het netwerk in beeld in het kader van [topic]. \
         De informatie is verzameld via open bronnen en gesprekken met sleutelfiguren.\n\n",
        0,
        0,
    );
    doc.line("2. Bestuur en sleutelfiguren");
    let n = f.cast.len();
    for i in 0..n {
        let q = (i + 1) % n;
        f.sentence(doc, ANALYSIS_INTRO, i, q);
        doc.put(" ");
        for _ in 0..f.rng.range(1, 3) {
            f.sentence(doc, ANALYSIS_DETAIL, i, q);
            doc.put(" ");
        }
        doc.put("\n\n");
    }
    doc.line("3. Netwerk");
    for _ in 0..f.rng.range(1, 3) {
        let p = f.rng.below(n);
        let q = (p + 1 + f.rng.below(n.max(2) - 1)) % n;
        f.sentence(doc, NETWORK, p, q);
        doc.put(" ");
    }
    doc.put("\n\n");
    doc.line("4. Duiding");
    f.sentence(doc, FILLER, 0, 0);
    doc.put(" ");
    f.sentence(doc, FILLER, 0, 0);
    doc.put("\n");
}

const ANALYSIS_INTRO: &[&str] = &[
    "[name] (geboren [birthdate]) is [role] van [org] en woont in [place].",
    "[initials] is sinds [year] [role]. [Hij] is woonachtig aan de [address], [postcode] [place].",
    "De [role], [name], is [ethnicity] en woont in [place].",
    "[name], [role], is afkomstig uit [place] en is [religion].",
    "[Title] treedt op als [role]; volgens bronnen is [surname] [religion].",
    "[initials] ([place]) is penningmeester; betalingen lopen via rekening [iban].",
];

const ANALYSIS_DETAIL: &[&str] = &[
    "[surname] verklaarde tijdens een bijeenkomst dat de overheid de gemeenschap niet vertrouwt.",
    "Volgens een bron is [surname] [political].",
    "Volgens een bron bij de politie is [surname] [criminal].",
    "[surname] [health], zo blijkt uit gesprekken.",
    "[surname] is [union] en spreekt regelmatig op bijeenkomsten in [city].",
    "[surname] zou [sexual] zijn, wat binnen de gemeenschap tot spanningen leidde.",
    "[surname] onderhoudt nauwe contacten met [q.name].",
    "[surname] rijdt in een auto met kenteken [plate].",
    "[surname] is bereikbaar op [phone] en via [email].",
    "In [year] bezocht [surname] een conferentie in [city].",
    "[surname] preekt af en toe in [org].",
    "Het dossier over [surname] heeft kenmerk [case].",
];

const NETWORK: &[&str] = &[
    "[name] en [q.name] organiseren samen de jongerenavonden.",
    "[any] is familie van [q.any].",
    "[surname] onderhoudt contact met [org] via [q.initials].",
    "Er zijn contacten tussen [initials] en [q.name], beiden [ethnicity].",
    "[name] zou de activiteiten van [q.title] financieren.",
];

const FILLER: &[&str] = &[
    "Het beeld is dat de organisatie een belangrijke sociale functie in de wijk vervult.",
    "Er zijn geen aanwijzingen voor strafbare feiten binnen de organisatie als geheel.",
    "De gemeente [city] wordt geadviseerd het gesprek over [topic] voort te zetten.",
    "Het bestuur staat open voor samenwerking met het wijkteam.",
    "De analyse is gebaseerd op informatie tot en met [date].",
    "Voor [topic] is in [year] een bedrag van [amount] beschikbaar gesteld.",
    "Deze notitie is besproken in het driehoeksoverleg van [date].",
    "Het zaaknummer van deze notitie is [case].",
    "Een eerdere betaling naar rekening [badiban] kon niet worden verwerkt.",
    "Het programma wordt uitgevoerd door [org] in samenwerking met de gemeente [city].",
];

fn policy_note(f: &mut Filler, doc: &mut Document) {
    let topic = f.rng.pick(TOPICS);
    doc.title = format!("Beleidsnotitie {topic}");
    doc.line(&format!("Beleidsnotitie: {topic}"));
    f.fill(
        doc,
        "Datum: [date]\nKenmerk: [case]\nAuteur: [initials]\n\n",
        0,
        0,
    );
    doc.line("Samenvatting");
    for _ in 0..f.rng.range(3, 6) {
        f.sentence(doc, FILLER, 0, 0);
        doc.put(" ");
    }
    doc.put("\n\nAchtergrond\n");
    for _ in 0..f.rng.range(2, 5) {
        f.sentence(doc, POLICY, 1 % f.cast.len(), 0);
        doc.put(" ");
    }
    doc.put("\n\nAdvies\n");
    f.sentence(doc, FILLER, 0, 0);
    doc.put(" ");
    f.fill(
        doc,
        "Voor vragen kunt u contact opnemen met [name], [phone].\n",
        0,
        0,
    );
}

const POLICY: &[&str] = &[
    "In gesprekken met [org] werd gewezen op [topic].",
    "Het ministerie heeft in [year] onderzoek laten doen naar [topic].",
    "De gemeenten [city] en [city] werken samen aan [topic].",
    "Volgens [initials] van [org] is vertrouwen de kern van de samenwerking.",
    "Een medewerker van [org], [name], gaf aan dat jongeren zich niet gehoord voelen.",
    "Het budget voor [topic] bedraagt [amount].",
    "Er zijn [n] organisaties betrokken bij [topic].",
];

fn parliament_letter(f: &mut Filler, doc: &mut Document) {
    doc.title = "Kamerbrief over onderzoeken naar moskeeën".into();
    doc.line("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal");
    f.fill(
        doc,
        "Datum [date]\nBetreft Onderzoeken naar religieuze gemeenschappen\nOns kenmerk [case]\n\n",
        0,
        0,
    );
    for _ in 0..f.rng.range(3, 6) {
        f.sentence(doc, LETTER, 1 % f.cast.len(), 0);
        doc.put(" ");
    }
    doc.put("\n\n");
    f.fill(
        doc,
        "Tot en met 31 maart 2024 kan iedereen per e-mail vragen of zijn of haar gegevens zijn verwerkt. \
         Daarna worden de gegevens vernietigd, ook in de back-ups.\n\n",
        0,
        0,
    );
    f.fill(
        doc,
        "De Minister van Sociale Zaken en Werkgelegenheid,\n\n[initials]\n",
        0,
        0,
    );
}

const LETTER: &[&str] = &[
    "Uw Kamer heeft gevraagd naar [topic].",
    "Tussen [year] en [year] hebben [n] gemeenten analyses laten uitvoeren.",
    "Hiervoor ontbrak een grondslag in de zin van de AVG.",
    "Ik betreur het dat het vertrouwen van moslimgemeenschappen is geschaad.",
    "In een gesprek met [name] van [org] is dit toegelicht.",
    "De Nationale ombudsman heeft gevraagd de documenten voorlopig niet te vernietigen.",
    "Er is een werkgroep ingesteld met de privacy officer, de FG en de CISO.",
];

fn mail_thread(f: &mut Filler, doc: &mut Document) {
    let n = f.cast.len();
    let topic = f.rng.pick(TOPICS);
    doc.title = format!("RE: {topic}");
    let messages = f.rng.range(2, 4) as usize;
    for m in 0..messages {
        let from = m % n;
        let to = (m + 1) % n;
        if m > 0 {
            doc.line("\n-----Oorspronkelijk bericht-----");
        }
        f.fill(doc, "Van: [name] <[email]>\n", from, to);
        f.fill(doc, "Aan: [q.name] <[q.email]>\n", from, to);
        f.fill(doc, "Verzonden: [date]\n", from, to);
        doc.line(&format!("Onderwerp: RE: {topic}"));
        doc.put("\n");
        f.fill(doc, "Beste [q.first],\n\n", from, to);
        for _ in 0..f.rng.range(1, 3) {
            f.sentence(doc, MAIL_BODY, from, (to + 1) % n);
            doc.put(" ");
        }
        doc.put("\n\n");
        f.sentence(doc, SIGNATURE, from, to);
        doc.put("\n");
    }
    doc.mail_parties = vec![
        (f.cast[0].full(), f.cast[0].email.clone()),
        (f.cast[1 % n].full(), f.cast[1 % n].email.clone()),
    ];
}

const MAIL_BODY: &[&str] = &[
    "Zoals besproken stuur ik je de notitie over [topic].",
    "Kun je nagaan of [q.any] nog betrokken is bij [org]?",
    "Ik heb gisteren gesproken met [q.name]; [q.hij] belt je nog op [q.phone].",
    "[q.Title] heeft laten weten dat [q.hij] [q.religion] is en niet wil dat dit wordt vastgelegd.",
    "Graag ontvang ik je reactie voor [date].",
    "De vergadering met [org] is verplaatst naar [date].",
    "Het adres van [q.title] is [q.address] in [q.place].",
];

const SIGNATURE: &[&str] = &[
    "Met vriendelijke groet,\n\n[name]\nBeleidsmedewerker\nT [phone]\nE [email]",
    "Groet,\n[first]",
    "Met vriendelijke groet,\n[initials]\n[role]\nMobiel: [phone]",
    "Hartelijke groet,\n\n[name]\n[email]",
];

fn meeting_report(f: &mut Filler, doc: &mut Document) {
    let org = f.org();
    doc.title = format!("Verslag overleg {org}");
    doc.line(&format!("Verslag overleg met {org}"));
    f.fill(doc, "Datum: [date]\nLocatie: [city]\n\n", 0, 0);
    doc.put("Aanwezig: ");
    let n = f.cast.len();
    let present = n.saturating_sub(1).max(1);
    for i in 0..present {
        if i > 0 {
            doc.put(", ");
        }
        let tpl = if f.rng.chance(0.5) {
            "[name] ([role])"
        } else {
            "[initials]"
        };
        f.fill(doc, tpl, i, i);
    }
    doc.put("\n");
    if n > present {
        f.fill(doc, "Afwezig met kennisgeving: [any]\n", n - 1, 0);
    }
    doc.put("\n1. Opening en mededelingen\n");
    f.fill(
        doc,
        "De voorzitter, [surname], opent de vergadering en heet iedereen welkom.\n\n",
        0,
        0,
    );
    doc.put("2. Bespreking\n");
    for _ in 0..f.rng.range(2, 4) {
        let p = f.rng.below(n);
        f.sentence(doc, MEETING, p, (p + 1) % n);
        doc.put(" ");
    }
    doc.put("\n\n3. Actiepunten\n");
    f.fill(
        doc,
        "- [surname] stuurt de notitie over [topic] rond.\n",
        0,
        0,
    );
    f.fill(doc, "- [q.surname] neemt contact op met [org].\n", 0, 1 % n);
}

const MEETING: &[&str] = &[
    "[surname] licht toe dat [topic] veel zorgen oproept.",
    "[any] vertelt dat [hij] [religion] is en zich gestigmatiseerd voelt.",
    "[surname] merkt op dat de subsidie van [amount] niet volstaat.",
    "[surname] vraagt of [q.any] de contacten met [org] wil onderhouden.",
    "Er wordt gesproken over [topic]; [surname] is kritisch.",
    "[surname] meldt minder beschikbaar te zijn: [hij] [health].",
];

fn contact_log(f: &mut Filler, doc: &mut Document) {
    doc.title = "Contactlog".into();
    let n = f.cast.len();
    f.fill(doc, "Contactlog [org] – kenmerk [case]\n\n", 0, 0);
    for _ in 0..f.rng.range(4, 9) {
        let p = f.rng.below(n);
        f.fill(doc, "[date] – ", p, 0);
        f.sentence(doc, CONTACT, p, (p + 1) % n);
        doc.put("\n");
    }
}

const CONTACT: &[&str] = &[
    "telefonisch contact met [name] ([phone]) over [topic].",
    "e-mail van [initials] ([email]) ontvangen, doorgestuurd naar de jurist.",
    "bezoek aan [title] thuis, [address], [place].",
    "gesprek met [any]; gaf aan [ethnicity] te zijn en [political].",
    "inlog op het portaal door [name] vanaf [ip].",
    "[surname] meldt zich met vragen over [org].",
    "geen contact kunnen krijgen met [any].",
    "melding van de wijkagent: auto [plate] van [title] gezien bij [org].",
];

fn access_request(f: &mut Filler, doc: &mut Document) {
    let p = &f.cast[0];
    doc.title = "Inzageverzoek AVG onderzoek moskeeën".into();
    doc.mail_parties = vec![
        (p.full(), p.email.clone()),
        (
            "Functionaris Gegevensbescherming".into(),
            "inzage@ministerie.example".into(),
        ),
    ];
    doc.line("Onderwerp: Inzageverzoek AVG onderzoek moskeeën");
    doc.put("\n");
    doc.line("Geachte heer, mevrouw,");
    doc.put("\n");
    f.fill(
        doc,
        "Naar aanleiding van de brief aan de Tweede Kamer wil ik graag weten of mijn persoonsgegevens zijn verwerkt. \
         Mijn naam is [name], geboren op [birthdate]. Ik woon aan de [address], [postcode] [place]. ",
        0,
        1 % f.cast.len(),
    );
    if f.rng.chance(0.5) {
        f.fill(doc, "Mijn BSN is [bsn]. ", 0, 0);
    }
    if f.rng.chance(0.3) {
        f.fill(
            doc,
            "Mijn familielid [q.name] is ook bestuurslid geweest van [org]. ",
            0,
            1 % f.cast.len(),
        );
    }
    if f.rng.chance(0.3) {
        f.fill(doc, "Eventuele kosten kunt u overmaken op [iban]. ", 0, 0);
    }
    f.fill(doc, "Ik was tot [year] [role] bij [org].\n\n", 0, 0);
    f.fill(
        doc,
        "U kunt mij bereiken op [phone] of via [email].\n\n",
        0,
        0,
    );
    f.fill(doc, "Met vriendelijke groet,\n[name]\n", 0, 0);
}

fn municipal_letter(f: &mut Filler, doc: &mut Document) {
    let p = 0;
    doc.title = "Brief gemeente".into();
    f.fill(doc, "Gemeente [city]\nPostbus [n]\n\n", p, 0);
    let tpl = if f.rng.chance(0.5) {
        "[Title]\n[address]\n[postcode] [place]\n\n"
    } else {
        "[initials]\n[address]\n[postcode] [place]\n\n"
    };
    f.fill(doc, tpl, p, 0);
    f.fill(
        doc,
        "Datum: [date]\nOns kenmerk: [case]\nBetreft: uw verzoek\n\n",
        p,
        0,
    );
    f.fill(doc, "Geachte [salute],\n\n", p, 0);
    for _ in 0..f.rng.range(2, 4) {
        f.sentence(doc, MUNICIPAL, p, 1 % f.cast.len());
        doc.put(" ");
    }
    doc.put("\n\n");
    f.fill(doc, "Met vriendelijke groet,\nnamens burgemeester en wethouders,\n\n[q.initials]\nteamleider Publiekszaken\n", p, 1 % f.cast.len());
}

const MUNICIPAL: &[&str] = &[
    "Wij hebben uw brief van [date] ontvangen.",
    "Uw burgerservicenummer [bsn] is bij ons bekend.",
    "De vergoeding van [amount] wordt overgemaakt op rekeningnummer [iban].",
    "Het rekeningnummer [badiban] dat u opgaf, is helaas niet geldig.",
    "Uw aanvraag is in behandeling bij [q.name].",
    "De gemeente [city] organiseert een informatieavond over [topic].",
    "U kunt bellen met [q.name] op [q.phone].",
    "Wij hebben uw geboortedatum, [birthdate], gecontroleerd in de BRP.",
];

// ---------------------------------------------------------------------------------------------
// Other formats
// ---------------------------------------------------------------------------------------------

/// An RFC 5322 mail with the document as body; sometimes the document is a text attachment
/// instead, under a short covering note.
fn render_eml(doc: &Document, seed: u64, index: u64) -> Vec<u8> {
    let mut rng = Rng::derive(seed, 3, index);
    let (from_name, from_addr) = &doc.mail_parties[0];
    let (to_name, to_addr) = &doc.mail_parties[doc.mail_parties.len().min(2) - 1];
    let y = 2015 + rng.below(9);
    let m = 1 + rng.below(12);
    let d = 1 + rng.below(28);
    let dow = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rng.below(7)];
    let mon = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][m - 1];
    let mut s = String::with_capacity(doc.text.len() + 1024);
    let _ = write!(
        s,
        "From: {} <{from_addr}>\r\nTo: {} <{to_addr}>\r\nSubject: {}\r\nDate: {dow}, {d:02} {mon} {y} {:02}:{:02}:00 +0{}00\r\nMessage-ID: <gen.{seed}.{index}@grondslag.example>\r\nMIME-Version: 1.0\r\n",
        encode_header(from_name),
        encode_header(to_name),
        encode_header(&doc.title),
        8 + rng.below(10),
        rng.below(60),
        1 + rng.below(2),
    );
    let body = crlf(&doc.text);
    let attach =
        doc.kind != DocKind::MailThread && doc.kind != DocKind::AccessRequest && rng.chance(0.5);
    if attach {
        let boundary = format!("=_grondslag_{seed}_{index}");
        let _ = write!(
            s,
            "Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nHierbij het stuk, zie bijlage.\r\n\r\n--{boundary}\r\nContent-Type: text/plain; charset=utf-8; name=\"bijlage.txt\"\r\nContent-Disposition: attachment; filename=\"bijlage.txt\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--{boundary}--\r\n",
            base64_lines(doc.text.as_bytes())
        );
    } else {
        let _ = write!(
            s,
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}"
        );
    }
    s.into_bytes()
}

fn crlf(s: &str) -> String {
    s.replace('\n', "\r\n")
}

/// RFC 2047 encoded-word for headers that are not plain ASCII.
fn encode_header(s: &str) -> String {
    if s.is_ascii() {
        s.to_owned()
    } else {
        format!("=?UTF-8?B?{}?=", base64(s.as_bytes()))
    }
}

fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(T[(n >> 18) as usize & 63] as char);
        out.push(T[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            T[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            T[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

fn base64_lines(data: &[u8]) -> String {
    let b = base64(data);
    b.as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("\r\n")
}

/// A minimal valid DOCX: content types, package relationship and `word/document.xml` with one
/// `w:p` per line.
fn render_docx(doc: &Document) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let mut xml = String::with_capacity(doc.text.len() * 2 + 512);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>",
    );
    for line in doc.text.split('\n') {
        if line.is_empty() {
            xml.push_str("<w:p/>");
        } else {
            let _ = write!(
                xml,
                "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                xml_escape(line)
            );
        }
    }
    xml.push_str("<w:sectPr/></w:body></w:document>");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let parts: [(&str, &str); 3] = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
             </Types>",
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
             </Relationships>",
        ),
        ("word/document.xml", &xml),
    ];
    for (name, content) in parts {
        zip.start_file(name, opts)?;
        zip.write_all(content.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// A simple text PDF: A4 pages, Helvetica (a standard Type1 font, so nothing is embedded) in
/// WinAnsiEncoding, one `Tj` per line, uncompressed content streams.
fn render_pdf(doc: &Document) -> Vec<u8> {
    const LINES_PER_PAGE: usize = 58;
    const WRAP: usize = 95;
    let mut lines: Vec<String> = Vec::new();
    for para in doc.text.split('\n') {
        lines.extend(wrap(para, WRAP));
    }
    let pages = paginate(lines, LINES_PER_PAGE);
    // Object numbers: 1 catalog, 2 pages, 3 font, then per page: page, content.
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", 4 + 2 * i))
        .collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .into_bytes(),
    );
    objects.push(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    );
    for (i, page) in pages.iter().enumerate() {
        let mut content = Vec::new();
        content.extend_from_slice(b"BT /F1 10 Tf 13 TL 50 800 Td\n");
        for line in page.iter() {
            content.push(b'(');
            content.extend(pdf_string(line));
            content.extend_from_slice(b") Tj T*\n");
        }
        content.extend_from_slice(b"ET");
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend(content);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, obj) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).into_bytes());
        out.extend(obj);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for off in offsets {
        out.extend(format!("{off:010} 00000 n \n").into_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    out
}

/// Splits lines into pages of at most `per_page` lines. A page never starts with a blank line:
/// the text's trailing newline (an empty last line) used to spill onto a page of its own when
/// the line count was just over a page, giving a page with no text layer, which a scan then
/// rightly OCRs. So every page carries text (only an empty document gets one empty page).
fn paginate(lines: Vec<String>, per_page: usize) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    let mut page = Vec::with_capacity(per_page);
    for line in lines {
        if page.is_empty() && line.trim().is_empty() {
            continue;
        }
        page.push(line);
        if page.len() == per_page {
            pages.push(std::mem::take(&mut page));
        }
    }
    if !page.is_empty() || pages.is_empty() {
        pages.push(page);
    }
    pages
}

fn wrap(para: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in para.split(' ') {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    lines.push(cur);
    lines
}

/// A PDF literal string body in WinAnsiEncoding; bytes above ASCII are written as octal escapes
/// so the file stays 7-bit clean. Characters WinAnsi lacks become `?`.
fn pdf_string(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let b: u8 = match c {
            '\u{20}'..='\u{7e}' => c as u8,
            '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '€' => 0x80,
            '‚' => 0x82,
            '„' => 0x84,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '–' => 0x96,
            '—' => 0x97,
            'Š' => 0x8a,
            'š' => 0x9a,
            'Ž' => 0x8e,
            'ž' => 0x9e,
            _ => b'?',
        };
        match b {
            b'(' | b')' | b'\\' => {
                out.push(b'\\');
                out.push(b);
            }
            0x20..=0x7e => out.push(b),
            _ => out.extend(format!("\\{b:03o}").into_bytes()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::load()
    }

    #[test]
    fn bsn_and_iban_are_valid_and_decoys_are_not() {
        let mut rng = Rng::new(7);
        for _ in 0..2000 {
            assert!(bsn_valid(&make_bsn(&mut rng)));
            assert!(!bsn_valid(&make_bsn_decoy(&mut rng)));
            let grouped = rng.chance(0.5);
            assert!(iban_valid(&make_iban(&mut rng, grouped)));
            assert!(!iban_valid(&make_iban_decoy(&mut rng)));
        }
        assert!(iban_valid("NL91 ABNA 0417 1643 00"));
        assert!(bsn_valid("111222333"));
    }

    #[test]
    fn same_seed_same_text_other_seed_other_text() {
        let lex = lex();
        let a = generate_document(3, 17, 500, &lex, true).text;
        let b = generate_document(3, 17, 500, &lex, true).text;
        let c = generate_document(4, 17, 500, &lex, true).text;
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    /// Stripping the markup must give exactly the plain text, and every span must be
    /// well-formed, for every document kind.
    #[test]
    fn gold_markup_strips_to_plain_text() {
        let lex = lex();
        for i in 0..400 {
            let gold = generate_document(9, i, 300, &lex, true).text;
            let plain = generate_document(9, i, 300, &lex, false).text;
            assert_eq!(strip(&gold), plain, "document {i}");
        }
    }

    /// The detector's own gold parser (used by `cargo xtask eval`) must read generated markup
    /// the same way: same plain text, one span per mark.
    #[test]
    fn project_gold_parser_accepts_generated_markup() {
        let lex = lex();
        for i in 0..200 {
            let gold = generate_document(5, i, 300, &lex, true);
            let plain = generate_document(5, i, 300, &lex, false).text;
            let (parsed, spans) = grondslag_detect::gold::parse(&gold.text).expect("gold parses");
            assert_eq!(parsed, plain, "document {i}");
            assert_eq!(
                spans.len() as u64,
                gold.spans.iter().sum::<u64>(),
                "document {i}"
            );
        }
    }

    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(open) = rest.find("{{") {
            out.push_str(&rest[..open]);
            let after = &rest[open + 2..];
            let close = after.find("}}").expect("unclosed span");
            let inner = &after[..close];
            let parts: Vec<&str> = inner.split('|').collect();
            assert!(parts.len() == 2 || parts.len() == 3, "bad span {inner:?}");
            assert!(KINDS.contains(&parts[0]), "unknown kind {:?}", parts[0]);
            assert!(!parts[1].is_empty());
            out.push_str(parts[1]);
            rest = &after[close + 2..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn every_kind_occurs() {
        let lex = lex();
        let mut stats = Stats::default();
        for i in 0..600 {
            stats.add(&generate_document(1, i, 300, &lex, true));
        }
        for (kind, n) in KINDS.iter().zip(stats.spans) {
            assert!(n > 0, "kind {kind} never generated");
        }
    }

    #[test]
    fn other_formats_are_well_formed() {
        let lex = lex();
        let doc = generate_document(1, 5, 300, &lex, false);
        let pdf = render_pdf(&doc);
        assert!(pdf.starts_with(b"%PDF-1.4") && pdf.ends_with(b"%%EOF\n"));
        let docx = render_docx(&doc).expect("docx");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
        assert!(archive.by_name("word/document.xml").is_ok());
        let eml = String::from_utf8(render_eml(&doc, 1, 5)).expect("utf-8");
        assert!(eml.starts_with("From: ") && eml.contains("\r\n\r\n"));
        assert_eq!(base64(b"Ma"), "TWE=");
    }

    #[test]
    fn every_pdf_page_has_text() {
        let blank = |l: &String| l.trim().is_empty();
        let lines = |n: usize, trailing_blanks: usize| -> Vec<String> {
            (0..n)
                .map(|i| {
                    if i % 5 == 4 {
                        String::new()
                    } else {
                        format!("regel {i}")
                    }
                })
                .chain(std::iter::repeat_n(String::new(), trailing_blanks))
                .collect()
        };
        for n in [1, 57, 58, 59, 116, 117] {
            for trailing in [0, 1, 3, 70] {
                let pages = paginate(lines(n, trailing), 58);
                assert!(
                    pages.iter().all(|p| p.iter().any(|l| !blank(l))),
                    "{n} lines + {trailing} blank: a page without text"
                );
                assert!(pages.iter().all(|p| p.len() <= 58));
                let kept: usize = pages.iter().flatten().filter(|l| !blank(l)).count();
                assert_eq!(kept, (0..n).filter(|i| i % 5 != 4).count(), "text lost");
            }
        }
        assert_eq!(paginate(Vec::new(), 58), vec![Vec::<String>::new()]);
        // The generator's own documents: the content stream of every page shows a string.
        let lex = lex();
        for i in 0..300 {
            let pdf = render_pdf(&generate_document(7, i, 1200, &lex, false));
            let text = String::from_utf8_lossy(&pdf);
            for stream in text.split(">>\nstream\n").skip(1) {
                let body = stream.split("\nendstream").next().unwrap_or("");
                assert!(
                    body.lines()
                        .any(|l| l.starts_with('(') && !l.starts_with("() ")),
                    "document {i}: a page without text"
                );
            }
        }
    }

    #[test]
    fn tussenvoegsel_is_split_and_capitalised_alone() {
        assert_eq!(
            split_tussen("van der Meer"),
            ("van der".into(), "Meer".into())
        );
        assert_eq!(split_tussen("Nobel"), (String::new(), "Nobel".into()));
        assert_eq!(capitalise("el"), "El");
    }
}
