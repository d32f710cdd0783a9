#!/usr/bin/env python3
"""Regenerates the detector lexicons in crates/detect/data/ from their sources.

Sources (see /NOTICE at the workspace root for versions and licences):
  * Faker (MIT), read from an installed copy: person and address providers.
  * OpenTaal Dutch word list as shipped in Debian's hunspell-nl (BSD-2 / CC BY 3.0):
    /usr/share/hunspell/nl.dic + nl.aff.
  * curated/*.txt next to this script: hand-written lists, original work of the
    grondslag project (EUPL-1.2).

Usage (see README.md):
    apt-get install -y hunspell-nl
    python3 -m venv /tmp/lexvenv && /tmp/lexvenv/bin/pip install faker
    /tmp/lexvenv/bin/python crates/detect/data/build/build_lexicons.py

Output files are UTF-8, one entry per line, sorted by code point, deduplicated,
without comments. The script is deterministic for a given set of sources.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CURATED = HERE / "curated"
OUT = HERE.parent
DIC = Path("/usr/share/hunspell/nl.dic")
AFF = Path("/usr/share/hunspell/nl.aff")

# Dutch words are capped so the compiled binary stays small.
MAX_DUTCH_WORDS = 400_000

# ---------------------------------------------------------------------------
# helpers


def nfc(s: str) -> str:
    # OpenTaal writes the Dutch digraph as the ligature U+0133; text in the wild
    # uses "ij", so we normalise it away everywhere.
    s = unicodedata.normalize("NFC", s)
    return s.replace("\u0133", "ij").replace("\u0132", "IJ").strip()


_FOLD_EXTRA = {
    "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae",
    "Æ": "Ae", "ß": "ss", "đ": "d", "Đ": "D", "ə": "e", "Ə": "E", "œ": "oe",
    "Œ": "Oe", "ð": "d", "þ": "th", "’": "'", "ʼ": "'", "‘": "'", "`": "'",
}


def fold(s: str) -> str:
    """ASCII-folds Latin diacritics (ş→s, ğ→g, ı→i, é→e) as clerks often do."""
    s = "".join(_FOLD_EXTRA.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def is_latin_name(s: str) -> bool:
    """True for a name written in Latin script (letters, space, hyphen, apostrophe)."""
    if not s or not s[0].isalpha():
        return s.startswith("'")
    for c in s:
        if c in " -'.’":
            continue
        if not c.isalpha():
            return False
        if "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def name_case(s: str) -> str:
    """Turns "CHIA-HAO" into "Chia-Hao"; leaves mixed-case names alone."""
    if s.isupper() and len(s) > 1:
        return "-".join(p.capitalize() for p in s.split("-"))
    return s


def read_curated(name: str) -> list[str]:
    """Reads a curated list: one entry a line, '#' starts a comment line."""
    path = CURATED / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        out.append(nfc(line))
    return out


def read_curated_glob(pattern: str) -> list[str]:
    out = []
    for path in sorted(CURATED.glob(pattern)):
        out.extend(read_curated(path.name))
    return out


def write(name: str, entries) -> int:
    items = sorted({nfc(e) for e in entries if e and nfc(e)})
    (OUT / name).write_text("".join(e + "\n" for e in items), encoding="utf-8")
    return len(items)


# ---------------------------------------------------------------------------
# tussenvoegsels: needed first, to split surnames into core and full form


def load_tussenvoegsels() -> list[str]:
    return [t.lower() for t in read_curated("tussenvoegsels.txt")]


# Arabic and Berber prefixes are also written with a hyphen ("El-Khatib").
HYPHEN_PARTICLES = {"el", "al", "ben", "bin", "ibn", "abu", "abou", "ait", "aït", "ou", "ould"}


def split_particles(full: str, particles: list[str]) -> tuple[str, str]:
    """Splits "van der Veen" into ("van der", "Veen"); ("", name) if no particle.

    The longest particle sequence that leaves a non-empty core wins. Moroccan
    prefixes written with a hyphen ("El-Khatib") are split on the hyphen too.
    """
    low = full.lower()
    best = ""
    for p in particles:
        seps = (" ", "-") if p in HYPHEN_PARTICLES else (" ",)
        for sep in seps:
            if low.startswith(p + sep) and len(p) > len(best) and len(full) > len(p) + 1:
                best = p
    if not best:
        return "", full
    return full[: len(best)], full[len(best) + 1 :].strip()


# ---------------------------------------------------------------------------
# Faker


# Faker person locales whose names are common among residents of the Netherlands
# and Flanders (origin groups named in the mission) plus common international
# names. Locales in non-Latin script are read for their romanised lists only.
PERSON_LOCALES = [
    "nl_NL", "nl_BE", "fr_BE", "fr_DZ", "tr_TR", "id_ID", "pl_PL", "en_US", "en_GB",
    "en_IE", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_PT", "pt_BR", "en_IN", "en_PK",
    "en_KE", "sw", "en_NG", "zh_CN", "zh_TW", "vi_VN", "ro_RO", "hu_HU", "cs_CZ",
    "hr_HR",
]


def faker_locales(kind: str) -> list[str]:
    pkg = importlib.import_module(f"faker.providers.{kind}")
    have = {m.name for m in pkgutil.iter_modules(pkg.__path__) if m.ispkg}
    return [loc for loc in PERSON_LOCALES if loc in have]


def faker_attr_values(provider, prefix: str) -> list[str]:
    out = []
    for attr in dir(provider):
        if not attr.startswith(prefix):
            continue
        val = getattr(provider, attr)
        if callable(val) or isinstance(val, str):
            continue
        try:
            out.extend(str(v) for v in val)
        except TypeError:
            continue
    return out


def faker_names() -> tuple[set[str], set[str]]:
    firsts: set[str] = set()
    lasts: set[str] = set()
    for loc in faker_locales("person"):
        prov = importlib.import_module(f"faker.providers.person.{loc}").Provider
        f = faker_attr_values(prov, "first_name") + faker_attr_values(prov, "first_romanized_name")
        lst = faker_attr_values(prov, "last_name") + faker_attr_values(prov, "last_romanized_name")
        for n in f:
            n = name_case(nfc(n))
            if is_latin_name(n):
                firsts.add(n)
        for n in lst:
            n = name_case(nfc(n))
            if is_latin_name(n) and n != "Doe":
                lasts.add(n)
    return firsts, lasts


def faker_places() -> tuple[set[str], set[str]]:
    nl = importlib.import_module("faker.providers.address.nl_NL").Provider
    be = importlib.import_module("faker.providers.address.nl_BE").Provider
    nl_places = {nfc(c) for c in list(nl.cities) + list(nl.provinces)}
    be_places = {nfc(c) for c in list(be.cities) + list(be.provinces)}
    return nl_places, be_places


def faker_countries() -> set[str]:
    nl = importlib.import_module("faker.providers.address.nl_NL").Provider
    return {nfc(c) for c in nl.countries}


def faker_version() -> str:
    import faker

    return getattr(faker, "VERSION", "?")


# ---------------------------------------------------------------------------
# OpenTaal / hunspell-nl


# Suffix flags of nl.aff that only make compound-joining forms (the "s" of
# "verlossingsdaad"); such forms are not standalone words.
JOINING_FLAGS = {"Cd", "Ch"}


def parse_aff(path: Path) -> dict[str, list[tuple[str, str, re.Pattern]]]:
    """Reads the SFX rules of a hunspell .aff file with FLAG long."""
    rules: dict[str, list[tuple[str, str, re.Pattern]]] = {}
    header = re.compile(r"^SFX (\S\S) [YN] \d+")
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if header.match(line):
            continue
        parts = line.split()
        if len(parts) < 5 or parts[0] != "SFX":
            continue
        flag, strip, add, cond = parts[1], parts[2], parts[3], parts[4]
        strip = "" if strip == "0" else strip
        add, _, cont = add.partition("/")
        cont_flags = {cont[i : i + 2] for i in range(0, len(cont) - 1, 2)}
        if "Cx" in cont_flags or flag in JOINING_FLAGS or add.endswith("-"):
            # compound-only forms ("verlossings", "eikeltjes-") are not words
            continue
        add = "" if add == "0" else add
        try:
            pat = re.compile("(?:" + cond + ")$") if cond != "." else re.compile("")
        except re.error:
            continue
        rules.setdefault(flag, []).append((strip, add, pat))
    return rules


def dutch_words() -> set[str]:
    """Lower-case ordinary Dutch words: lower-case dictionary stems plus their
    suffix forms (plurals, verb forms, diminutives). Capitalised entries are
    proper nouns and are left out; prefixes and compounds are not expanded
    because hunspell's unmunch turns them into noise."""
    rules = parse_aff(AFF)
    words: set[str] = set()
    lines = DIC.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        line = line.split("\t")[0].strip()
        if not line:
            continue
        stem, _, flags = line.partition("/")
        pairs = [flags[i : i + 2] for i in range(0, len(flags) - 1, 2)]
        if "Fw" in pairs or "Cx" in pairs:
            # forbidden words and compound-only parts are not words on their own
            continue
        stem = nfc(stem)
        if not stem or not stem[0].islower():
            continue
        if not all(c.isalpha() or c in "-'" for c in stem):
            continue
        forms = {stem}
        for fl in pairs:
            for strip, add, pat in rules.get(fl, ()):
                if strip and not stem.endswith(strip):
                    continue
                if pat.pattern and not pat.search(stem):
                    continue
                forms.add(stem[: len(stem) - len(strip)] + add)
        for f in forms:
            f = nfc(f).lower()
            if len(f) >= 2 and not f.startswith("-") and not f.endswith("-"):
                words.add(f)
    if len(words) > MAX_DUTCH_WORDS:
        # keep the shortest words: long compounds are rarely mistaken for names
        words = set(sorted(words, key=lambda w: (len(w), w))[:MAX_DUTCH_WORDS])
    return words


def hunspell_version() -> str:
    for line in AFF.read_text(encoding="utf-8", errors="replace").splitlines()[:12]:
        if "version" in line.lower():
            return line.lstrip("# ").strip()
    return "?"


# ---------------------------------------------------------------------------


def main() -> int:
    if not DIC.exists():
        print(f"missing {DIC}: apt-get install -y hunspell-nl", file=sys.stderr)
        return 1
    try:
        importlib.import_module("faker")
    except ImportError:
        print("faker not importable: run with the venv python (see README.md)", file=sys.stderr)
        return 1

    particles = load_tussenvoegsels()
    particles_sorted = sorted(particles, key=len, reverse=True)

    # --- first names
    f_faker, l_faker = faker_names()
    firsts = set(f_faker) | set(read_curated_glob("first_names_*.txt"))
    firsts |= {fold(n) for n in firsts}
    firsts = {n for n in firsts if len(n) >= 2 and n[0].isupper()}

    # --- surnames: core forms in surnames.txt, full forms in surnames_full.txt
    raw_last = set(l_faker) | set(read_curated_glob("surnames_*.txt"))
    full_forms = set(read_curated("surnames_full.txt"))
    cores: set[str] = set()
    for n in raw_last | full_forms:
        part, core = split_particles(n, particles_sorted)
        if part:
            full_forms.add(n)
        if core:
            cores.add(core)
    cores |= {fold(n) for n in cores}
    full_forms |= {fold(n) for n in full_forms}
    cores = {n for n in cores if len(n) >= 2 and (n[0].isupper() or n[0] == "'")}

    # --- places
    nl_places, be_places = faker_places()
    places = nl_places | be_places | set(read_curated_glob("places_*.txt"))
    places |= {fold(p) for p in places}

    # --- Dutch words
    words = dutch_words()

    # --- overlap: names that are also ordinary words or place names
    # curated candidates count only when they are names in our lists; the
    # "always" list holds religious and institutional words that look like names
    names = firsts | cores
    overlap = {n for n in read_curated("name_word_overlap_extra.txt") if n in names}
    overlap |= set(read_curated("name_word_overlap_always.txt"))
    for n in firsts | cores:
        low = n.lower()
        if low in words or n in places:
            overlap.add(n)
    # country names (Faker nl_NL) double as surnames ("Holland", "Frankrijk" rarely,
    # but "Jordan", "Israel", "Kenya" as given names)
    countries = faker_countries()
    overlap |= {n for n in firsts | cores if n in countries}

    # --- titles: "entry<TAB>class"
    titles = []
    for line in read_curated("titles.tsv"):
        entry, _, cls = line.partition("\t")
        entry, cls = entry.strip().lower(), cls.strip()
        if cls not in ("salutation", "academic", "role"):
            raise SystemExit(f"titles.tsv: bad class {cls!r} for an entry")
        titles.append(f"{entry}\t{cls}")

    counts = {
        "first_names.txt": write("first_names.txt", firsts),
        "surnames.txt": write("surnames.txt", cores),
        "surnames_full.txt": write("surnames_full.txt", full_forms),
        "tussenvoegsels.txt": write("tussenvoegsels.txt", particles),
        "dutch_words.txt": write("dutch_words.txt", words),
        "name_word_overlap.txt": write("name_word_overlap.txt", overlap),
        "titles.txt": write("titles.txt", titles),
        "places.txt": write("places.txt", places),
        "org_words.txt": write("org_words.txt", (w.lower() for w in read_curated("org_words.txt"))),
    }
    total = 0
    for name, n in counts.items():
        size = (OUT / name).stat().st_size
        total += size
        print(f"{name:24} {n:8} entries {size:10} bytes")
    print(f"{'total':24} {'':8}         {total:10} bytes")
    print(f"sources: faker {faker_version()}; hunspell-nl: {hunspell_version()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
