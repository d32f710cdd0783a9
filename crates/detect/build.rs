//! Copies the lexicons in `data/` into OUT_DIR so that `include_str!` works even
//! while a lexicon file does not exist yet (an absent file becomes empty and the
//! built-in seeds in `lexicon.rs` carry the detector).
use std::path::Path;

const FILES: &[&str] = &[
    "first_names.txt",
    "surnames.txt",
    "surnames_full.txt",
    "tussenvoegsels.txt",
    "dutch_words.txt",
    "name_word_overlap.txt",
    "titles.txt",
    "places.txt",
    "org_words.txt",
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=data");
    for name in FILES {
        let src = Path::new("data").join(name);
        println!("cargo:rerun-if-changed={}", src.display());
        let text = std::fs::read_to_string(&src).unwrap_or_default();
        std::fs::write(Path::new(&out).join(name), text).expect("OUT_DIR is writable");
    }
}
