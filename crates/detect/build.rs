//! Compiles the lexicons in `data/` into two static open-addressing hash tables that the
//! detector embeds with `include_bytes!`: no work at start-up, one probe per word.
//!
//! Every lower-cased key maps to a bit set of the lexicons it is in (the `W_*` constants of
//! `src/lexicon.rs`, repeated below). Keys with whitespace or a dot (`fxhash::is_phrase`:
//! "den haag", "drs.") go in a small phrase table, all others in the word table: the rules
//! probe a phrase at almost every sentence start ("woont." before "Het") and for every chain
//! of several words, and nearly always miss, which is cheap in a table that stays in cache.
//! Layout of each table (`lexicon` and `phrase`), all little-endian:
//! - `<table>_keys.bin`: the keys longer than `INLINE` bytes, concatenated;
//! - `<table>_slots.bin`: `1 << <TABLE>_BITS` slots of 16 bytes: the key itself, zero-padded,
//!   if it is at most `INLINE` bytes long, else its offset in the keys file (u32); then
//!   `len:8 | tag:8 | bits:16` (`len == 0` marks an empty slot; `tag` is the top byte of the
//!   key's hash). Most words probed are short, so a probe reads one cache line, not a slot
//!   and then a key.
//! - `lexicon_meta.rs`: `WORD_BITS`, `PHRASE_BITS` and the number of keys.
//!
//! Linear probing from `hash & mask`; a table is at most 60 % full.
use std::collections::BTreeMap;
use std::path::Path;

#[path = "src/fxhash.rs"]
mod fxhash;

// Must match `src/lexicon.rs`.
const INLINE: usize = 12;
const W_FIRST: u16 = 1;
const W_SURNAME: u16 = 1 << 1;
const W_DUTCH: u16 = 1 << 2;
const W_NONNAME: u16 = 1 << 3;
const W_SALUTATION: u16 = 1 << 4;
const W_ACADEMIC: u16 = 1 << 5;
const W_ROLE: u16 = 1 << 6;
const W_ORG: u16 = 1 << 7;
const W_PLACE: u16 = 1 << 8;

/// Small built-in seeds: the detector keeps working on the commonest names and titles even
/// if a data file is emptied.
const SEED_FIRST: &str = "jan piet kees thijs sanne ingrid robert fatima nadia said youssef \
    mohammed ahmed rachid abdelkader nordin ilyas marloes marieke wouter sophie dewi hatice \
    erdoğan bekir fatma ayşe mehmet ali hassan karim mustafa emre sarah lisa anna eva";
const SEED_SURNAMES: &str = "jansen de vries bakker visser smit meijer mulder bos vos \
    dekker benali haddou kaya şahin çelik demir yilmaz nobel wiersma";
const SEED_TITLES: &str = "de heer\tsalutation\nheer\tsalutation\nmevrouw\tsalutation\n\
    mw.\tsalutation\nmw\tsalutation\nmevr.\tsalutation\ndhr.\tsalutation\ndhr\tsalutation\n\
    meneer\tsalutation\ndrs.\tacademic\ndrs\tacademic\ndr.\tacademic\nmr.\tacademic\n\
    prof.\tacademic\nir.\tacademic\ning.\tacademic\nimam\tacademic\nminister\trole\n\
    staatssecretaris\trole\nburgemeester\trole\nwethouder\trole\nvoorzitter\trole\n\
    secretaris\trole\npenningmeester\trole\n";
const SEED_ORG: &str = "stichting vereniging ministerie gemeente moskee bureau wet raad \
    commissie bank overheid provincie rijk nota dienst inspectie politie kerk school";
const SEED_PLACES: &str = "den haag\n's-hertogenbosch\nden bosch\nden helder\n";

/// The bit of a key in the title filter: its length (up to 15) and the low five bits of its
/// first and last byte (must match `lexicon::title_key`).
fn title_key(w: &[u8]) -> usize {
    let (a, b) = (
        w[0].to_ascii_lowercase(),
        w[w.len() - 1].to_ascii_lowercase(),
    );
    (w.len().min(15) << 10) | (usize::from(a & 31) << 5) | usize::from(b & 31)
}

fn read(name: &str) -> String {
    let src = Path::new("data").join(name);
    println!("cargo:rerun-if-changed={}", src.display());
    std::fs::read_to_string(&src).unwrap_or_default()
}

/// Non-empty, non-comment lines, lower-cased.
fn lines(src: &str) -> impl Iterator<Item = String> + '_ {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
}

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/fxhash.rs");
    let mut words: BTreeMap<String, u16> = BTreeMap::new();
    let mut add = |w: String, bit: u16| {
        if !w.is_empty() && w.len() <= 255 {
            *words.entry(w).or_insert(0) |= bit;
        }
    };
    let seeds = |s: &'static str| s.split_whitespace().map(str::to_lowercase);
    for w in lines(&read("first_names.txt")).chain(seeds(SEED_FIRST)) {
        add(w, W_FIRST);
    }
    for w in lines(&read("surnames.txt")).chain(seeds(SEED_SURNAMES)) {
        add(w, W_SURNAME);
    }
    for w in lines(&read("dutch_words.txt")) {
        add(w, W_DUTCH);
    }
    let org: std::collections::BTreeSet<String> = lines(&read("org_words.txt"))
        .chain(seeds(SEED_ORG))
        .collect();
    for w in &org {
        add(w.clone(), W_ORG);
    }
    for w in lines(&read("places.txt")).chain(lines(SEED_PLACES)) {
        add(w, W_PLACE);
    }
    for w in lines(&read("non_names.txt")) {
        add(w, W_NONNAME);
    }
    // Countries are never a person's name ("Djukanovic van Montenegro" ends before "van"),
    // but not places of residence either: the corpora mark a town someone lives in, not
    // "in Nederland". A country that is also a first name ("India") stays a name.
    let first: std::collections::BTreeSet<String> = lines(&read("first_names.txt")).collect();
    for w in lines(&read("countries.txt")) {
        if !first.contains(&w) {
            add(w, W_NONNAME);
        }
    }
    // Nationality and regional words ("Amerikaanse", "Braziliaan") are written before a name
    // and never part of it (demonyms.txt leaves out words that are also names).
    for w in lines(&read("demonyms.txt")) {
        if !first.contains(&w) {
            add(w, W_NONNAME);
        }
    }
    let titles = read("titles.txt");
    for l in SEED_TITLES.lines().chain(titles.lines()) {
        let mut parts = l.split('\t');
        let (Some(w), Some(c)) = (parts.next(), parts.next()) else {
            continue;
        };
        let bit = match c.trim() {
            "salutation" => W_SALUTATION,
            "academic" => W_ACADEMIC,
            _ => W_ROLE,
        };
        add(w.trim().to_lowercase(), bit);
    }

    // A bit per (length, first byte, last byte) of every title key, for
    // `lexicon::ascii_may_be_title`: the name rules ask for the title class of the word before
    // nearly every capitalised word, and most of those words are no title.
    let mut title_filter = [0u64; 512];
    for (w, &bits) in &words {
        if bits & (W_SALUTATION | W_ACADEMIC | W_ROLE) != 0 {
            let k = title_key(w.as_bytes());
            title_filter[k >> 6] |= 1 << (k & 63);
        }
    }

    gazetteer(Path::new(
        &std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"),
    ));

    let (phrases, words): (Vec<_>, Vec<_>) = words.iter().partition(|(w, _)| fxhash::is_phrase(w));
    let (word_bits, word_slots, word_keys) = layout(&words);
    let (phrase_bits, phrase_slots, phrase_keys) = layout(&phrases);
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    // The organisation words again as a short list, for the compound test ("Jongerenstichting")
    // that probes every suffix of a word: a small set stays in cache, the big table does not.
    let org_list: String = org.iter().map(|w| format!("{w:?},")).collect();
    std::fs::write(
        out.join("org_words.rs"),
        format!(
            "/// Organisation words (lower case).\nconst ORG_WORDS: &[&str] = &[{org_list}];\n"
        ),
    )
    .expect("OUT_DIR is writable");
    for (name, slots, keys) in [
        ("lexicon", word_slots, word_keys),
        ("phrase", phrase_slots, phrase_keys),
    ] {
        std::fs::write(out.join(format!("{name}_slots.bin")), slots).expect("OUT_DIR is writable");
        std::fs::write(out.join(format!("{name}_keys.bin")), keys).expect("OUT_DIR is writable");
    }
    let filter: String = title_filter.iter().map(|x| format!("{x:#x},")).collect();
    std::fs::write(
        out.join("title_filter.rs"),
        format!("/// Bits of `title_key` of the title keys.\nconst TITLE_FILTER: [u64; 512] = [{filter}];\n"),
    )
    .expect("OUT_DIR is writable");
    std::fs::write(
        out.join("lexicon_meta.rs"),
        format!(
            "/// log2 of the number of slots of the word table.\nconst WORD_BITS: u32 = {word_bits};\n\
             /// log2 of the number of slots of the phrase table.\nconst PHRASE_BITS: u32 = {phrase_bits};\n\
             /// Number of keys in the tables.\n#[allow(dead_code)]\nconst KEY_COUNT: usize = {};\n",
            words.len() + phrases.len()
        ),
    )
    .expect("OUT_DIR is writable");
    name_model(out);
}

/// The learned name model: `data/name_model.bin` holds the non-zero weights sparsely (magic
/// `GNM4`, log2 of the table size, the decision thresholds of a one-word and of a longer
/// chain and the veto threshold of a weak rule's name, the count, then (index: u32, weight:
/// f32) pairs, then the second stage's weights, all little-endian; `GNM3` has no second
/// stage); it is expanded here into the dense table the detector embeds, so that a weight is
/// one load at run time and there is no start-up work. Without the file (or with a malformed
/// one) the table is all zeros and the model never decides.
fn name_model(out: &Path) {
    const BITS: u32 = 18;
    let lit = |t: f32| {
        if t.is_finite() {
            format!("{t:?}")
        } else if t > 0.0 {
            "f32::INFINITY".to_string()
        } else {
            "f32::NEG_INFINITY".to_string()
        }
    };
    let src = Path::new("data").join("name_model.bin");
    println!("cargo:rerun-if-changed={}", src.display());
    let mut dense = vec![0u8; 4 << BITS];
    // No model: nothing decided, nothing vetoed.
    let mut thresholds = [f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY];
    let mut count = 0usize;
    // The second stage's weights (`names::model::DOC_WEIGHTS` of them: the generated
    // constant's type makes the two agree).
    const DOC_WEIGHTS: usize = 64;
    let mut doc_weights = [0f32; DOC_WEIGHTS];
    if let Ok(b) = std::fs::read(&src) {
        let u32_at = |p: usize| u32::from_le_bytes(b[p..p + 4].try_into().unwrap());
        // `GNM4` is `GNM3` followed by the `DOC_WEIGHTS` weights of the second stage.
        let magic = b.get(..4);
        let doc = if magic == Some(&b"GNM4"[..]) {
            DOC_WEIGHTS
        } else {
            0
        };
        if b.len() >= 24 && (magic == Some(&b"GNM3"[..]) || doc > 0) && u32_at(4) == BITS {
            let n = u32_at(20) as usize;
            if b.len() == 24 + 8 * n + 4 * doc {
                for (k, w) in doc_weights.iter_mut().enumerate().take(doc) {
                    *w = f32::from_bits(u32_at(24 + 8 * n + 4 * k));
                }
                thresholds = [
                    f32::from_bits(u32_at(8)),
                    f32::from_bits(u32_at(12)),
                    f32::from_bits(u32_at(16)),
                ];
                for k in 0..n {
                    let idx = u32_at(24 + 8 * k) as usize & ((1 << BITS) - 1);
                    dense[4 * idx..4 * idx + 4].copy_from_slice(&b[28 + 8 * k..32 + 8 * k]);
                }
                count = n;
            }
        }
    }
    std::fs::write(out.join("name_model_dense.bin"), dense).expect("OUT_DIR is writable");
    std::fs::write(
        out.join("name_model_meta.rs"),
        format!(
            "/// log2 of the number of weights.\npub(crate) const MODEL_BITS: u32 = {BITS};\n\
             /// Decision thresholds of the score of a one-word chain and of a longer one (infinite: no model), and the score below which a weak rule's name is dropped.\npub(crate) const MODEL_THRESHOLDS: [f32; 3] = [{}, {}, {}];\n\
             /// Non-zero weights.\n#[allow(dead_code)]\npub(crate) const MODEL_WEIGHTS: usize = {count};\n\
             /// The weights of the second stage (what the other mentions' scores say).\npub(crate) const MODEL_DOC_WEIGHTS: [f32; {DOC_WEIGHTS}] = {doc_weights:?};\n",
            lit(thresholds[0]),
            lit(thresholds[1]),
            lit(thresholds[2])
        ),
    )
    .expect("OUT_DIR is writable");
}

// Must match `src/lexicon.rs`.
const G_FAMOUS: u16 = 1;
const G_ORG: u16 = 1 << 1;
const G_ORG_PART: u16 = 1 << 2;

/// The world-knowledge table (`gazetteer_*.bin`, laid out like the others, words and phrases
/// together): surnames of well-known people (`data/famous_surnames.txt`), names of
/// organisations, teams and brands (`data/org_names.txt`), and the words of an
/// organisation's name of several words ("anderlecht" of "rsc anderlecht"). Only the name
/// model reads it, for the chains it scores: a separate table keeps the word table as it was.
fn gazetteer(out: &Path) {
    let mut keys: BTreeMap<String, u16> = BTreeMap::new();
    for w in lines(&read("famous_surnames.txt")) {
        *keys.entry(w).or_insert(0) |= G_FAMOUS;
    }
    for name in lines(&read("org_names.txt")) {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() > 1 {
            for w in &words {
                if w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !w.contains('.') {
                    *keys.entry((*w).to_string()).or_insert(0) |= G_ORG_PART;
                }
            }
        }
        *keys.entry(name).or_insert(0) |= G_ORG;
    }
    let entries: Vec<(&String, &u16)> = keys.iter().filter(|(k, _)| k.len() <= 255).collect();
    let (bits, slots, key_bytes) = layout(&entries);
    std::fs::write(out.join("gazetteer_slots.bin"), slots).expect("OUT_DIR is writable");
    std::fs::write(out.join("gazetteer_keys.bin"), key_bytes).expect("OUT_DIR is writable");
    std::fs::write(
        out.join("gazetteer_meta.rs"),
        format!("/// log2 of the number of slots of the world-knowledge table.\nconst GAZETTEER_BITS: u32 = {bits};\n"),
    )
    .expect("OUT_DIR is writable");
}

/// Lays out one table: (log2 of its slot count, slot bytes, key bytes).
fn layout(words: &[(&String, &u16)]) -> (u32, Vec<u8>, Vec<u8>) {
    // At most ~60 % full: half the size of a table at 30 %, so more of it stays in cache.
    let slot_bits = (words.len() * 5 / 3)
        .next_power_of_two()
        .trailing_zeros()
        .max(4);
    let mask = (1usize << slot_bits) - 1;
    let mut slots = vec![[0u8; 16]; 1 << slot_bits];
    let mut keys: Vec<u8> = Vec::new();
    for &(w, bits) in words {
        let h = fxhash::fx(w.as_bytes());
        let mut slot = [0u8; 16];
        if w.len() <= INLINE {
            slot[..w.len()].copy_from_slice(w.as_bytes());
        } else {
            let off = u32::try_from(keys.len()).expect("lexicon keys fit in 4 GiB");
            keys.extend_from_slice(w.as_bytes());
            slot[..4].copy_from_slice(&off.to_le_bytes());
        }
        slot[12] = w.len() as u8;
        slot[13] = (h >> 56) as u8;
        slot[14..].copy_from_slice(&bits.to_le_bytes());
        let mut i = (h as usize) & mask;
        while slots[i][12] != 0 {
            i = (i + 1) & mask;
        }
        slots[i] = slot;
    }
    (slot_bits, slots.concat(), keys)
}
