//! Throughput of `resolve` on synthetic mentions (fixed generator and seed), so figures
//! compare across commits: `cargo run --release -p grondslag-subjects --example bench
//! [-- MENTIONS]` (default 1,000,000).

use std::time::Instant;

use grondslag_subjects::{resolve, Mention};

const GIVEN: &[&str] = &[
    "Mohammed",
    "Mohamed",
    "Fatima",
    "Youssef",
    "Yusuf",
    "Ahmed",
    "Khadija",
    "Said",
    "Nadia",
    "Rachid",
    "Hatice",
    "Erdoğan",
    "Bekir",
    "Ayşe",
    "Jan",
    "Piet",
    "Anna",
    "Sanne",
    "Thijs",
    "Kees",
    "Sophie",
    "Marloes",
    "Hodan",
    "Abdelkader",
    "Ilyas",
    "Loubna",
    "Karim",
    "Sara",
];
const SYLLABLES: &[&str] = &[
    "ben", "ha", "dou", "el", "ka", "ya", "de", "mir", "sa", "hin", "ver", "meu", "len", "bak",
    "ker", "tah", "iri", "bou", "zi", "an", "ou", "ah", "bi", "ja", "ns", "en", "war", "same",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

fn main() {
    let total: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    // 50,000 surnames, 200,000 people.
    let surnames: Vec<String> = (0..50_000)
        .map(|_| {
            let mut s = String::new();
            for _ in 0..3 {
                s.push_str(rng.pick(SYLLABLES));
            }
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    let people: Vec<(String, String)> = (0..200_000)
        .map(|_| {
            let g = rng.pick(GIVEN).to_string();
            let s = surnames[(rng.next() % surnames.len() as u64) as usize].clone();
            (g, s)
        })
        .collect();
    let mut mentions = Vec::with_capacity(total);
    let mut doc = 0u64;
    while mentions.len() < total {
        doc += 1;
        let mut pos = 0usize;
        for _ in 0..5 {
            let (g, s) = &people[(rng.next() % people.len() as u64) as usize];
            let variants = [
                format!("{g} {s}"),
                format!("{}. {s}", g.chars().next().unwrap_or('X')),
                format!("meneer {s}"),
            ];
            for v in variants.iter().take(1 + (rng.next() % 3) as usize) {
                pos += 200;
                mentions.push(Mention {
                    id: mentions.len() as u64,
                    doc,
                    kind: "person".into(),
                    value: v.clone(),
                    start: pos,
                    before: String::new(),
                });
                if rng.next().is_multiple_of(4) {
                    mentions.push(Mention {
                        id: mentions.len() as u64,
                        doc,
                        kind: "email".into(),
                        value: format!("{}.{}@example.nl", g.to_lowercase(), s.to_lowercase()),
                        start: pos + v.len() + 3,
                        before: String::new(),
                    });
                }
            }
        }
    }
    mentions.truncate(total);
    let t = Instant::now();
    let subjects = resolve(&mentions, &[]);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "resolve: {} mentions in {} documents -> {} subjects in {:.2} s ({:.0} mentions/s)",
        mentions.len(),
        doc,
        subjects.len(),
        secs,
        mentions.len() as f64 / secs
    );
}
