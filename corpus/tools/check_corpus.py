#!/usr/bin/env python3
"""Check the annotated development corpus (corpus/dev/*.txt).

Verifies that the inline gold markup is well formed, that kinds are valid, that
every marked BSN passes the 11-proef and every marked IBAN passes mod-97, that
person spans carry a stable id, and that no markup is left after stripping.
Prints counts per kind and the number of distinct person ids. Exit status 1 on
any error.

Optional: --emit DIR writes, per document, the plain text (DIR/NAME.txt) and the
gold spans as JSON lines with byte offsets into that plain text
(DIR/NAME.gold.jsonl), which is what a detector evaluation needs.

Also warns (does not fail) about unmarked strings that look like personal data
of a checkable kind: a 9-digit number passing the 11-proef, an IBAN passing
mod-97, an e-mail address. Decoys in the corpus are meant to fail those checks.

Python 3 standard library only.
"""
import collections
import json
import os
import re
import sys

KINDS = {
    "person", "email", "phone", "bsn", "iban", "address", "postcode", "birthdate",
    "place", "licence_plate", "ip_address", "religion", "ethnicity", "political",
    "health", "sexual_orientation", "trade_union", "criminal",
}
SPECIAL = {"religion", "ethnicity", "political", "health", "sexual_orientation",
           "trade_union", "criminal"}

# {{kind|text}} or {{person|text|p017}}; text may span lines but holds no | { }
SPAN = re.compile(r"\{\{([a-z_]+)\|([^|{}]+)(?:\|([^|{}]*))?\}\}")
# pNNN in the dev corpus, tNNN in the held-out test corpus.
PID = re.compile(r"^[pt]\d{3}$")
# Functional mailboxes of organisations are not personal data and stay unmarked.
FUNCTIONAL = re.compile(
    r"^(?:info|woo|inzage[\w-]*|postbus|secretariaat|noreply|no-reply|privacy|fg|"
    r"klachten|servicedesk|communicatie|bestuur|contact|webmaster|redactie|griffie)@", re.I)


def bsn_ok(s):
    d = [int(c) for c in s]
    return len(d) == 9 and (sum((9 - i) * d[i] for i in range(8)) - d[8]) % 11 == 0


def iban_ok(s):
    s = re.sub(r"[\s.-]", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def parse(text):
    """Return (plain_text, spans, errors); span offsets are bytes into plain."""
    out = []
    spans = []
    errors = []
    pos = 0
    nbytes = 0
    for m in SPAN.finditer(text):
        before = text[pos:m.start()]
        out.append(before)
        nbytes += len(before.encode("utf-8"))
        kind, value, pid = m.group(1), m.group(2), m.group(3)
        line = text.count("\n", 0, m.start()) + 1
        if kind not in KINDS:
            errors.append(f"line {line}: unknown kind {kind!r}")
        if kind == "person":
            if pid is None or not PID.match(pid):
                errors.append(f"line {line}: person span without valid id (pNNN or tNNN)")
        elif pid is not None:
            errors.append(f"line {line}: third field only allowed on person spans")
        if value != value.strip():
            errors.append(f"line {line}: {kind} span has leading/trailing space")
        if kind == "bsn" and not bsn_ok(re.sub(r"[\s.]", "", value)):
            errors.append(f"line {line}: bsn fails the 11-proef")
        if kind == "iban" and not iban_ok(value):
            errors.append(f"line {line}: iban fails mod-97")
        start = nbytes
        out.append(value)
        nbytes += len(value.encode("utf-8"))
        spans.append({"start": start, "end": nbytes, "kind": kind, "text": value,
                      **({"person_id": pid} if kind == "person" else {})})
        pos = m.end()
    out.append(text[pos:])
    plain = "".join(out)
    for tok in ("{{", "}}"):
        if tok in plain:
            line = plain.count("\n", 0, plain.index(tok)) + 1
            errors.append(f"line {line}: stray {tok!r} left after stripping markup")
    return plain, spans, errors


def warnings_for(plain, spans):
    covered = []
    for s in spans:
        covered.append((s["start"], s["end"]))
    b = plain.encode("utf-8")

    def is_covered(cs, ce):
        return any(s <= cs and ce <= e for s, e in covered)

    def byte_off(ch):
        return len(plain[:ch].encode("utf-8"))

    warns = []
    for m in re.finditer(r"(?<![\d.])\d{9}(?![\d])", plain):
        if bsn_ok(m.group()) and not is_covered(byte_off(m.start()), byte_off(m.end())):
            warns.append(f"unmarked 9-digit number passes the 11-proef at byte {byte_off(m.start())}")
    for m in re.finditer(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", plain):
        if iban_ok(m.group()) and not is_covered(byte_off(m.start()), byte_off(m.end())):
            warns.append(f"unmarked IBAN-like string passes mod-97 at byte {byte_off(m.start())}")
    for m in re.finditer(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", plain):
        if FUNCTIONAL.match(m.group()):
            continue
        if not is_covered(byte_off(m.start()), byte_off(m.end())):
            warns.append(f"unmarked e-mail address at byte {byte_off(m.start())}")
    del b
    return warns


def main(argv):
    emit = None
    args = list(argv[1:])
    if "--emit" in args:
        i = args.index("--emit")
        emit = args[i + 1]
        del args[i:i + 2]
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dev")
    files = sorted(f for f in os.listdir(root) if f.endswith(".txt"))
    counts = collections.Counter()
    pids = collections.Counter()
    pid_docs = collections.defaultdict(set)
    words = 0
    nerr = 0
    nwarn = 0
    if emit:
        os.makedirs(emit, exist_ok=True)
    for name in files:
        path = os.path.join(root, name)
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as e:
            print(f"ERROR {name}: cannot read: {e}")
            nerr += 1
            continue
        plain, spans, errors = parse(text)
        # A bare '|' or '{' outside a span is a markup mistake.
        for tok in ("|", "{", "}"):
            if tok in plain:
                errors.append(f"stray {tok!r} in plain text")
        for e in errors:
            print(f"ERROR {name}: {e}")
        nerr += len(errors)
        for w in warnings_for(plain, spans):
            print(f"WARN  {name}: {w}")
            nwarn += 1
        n = len(plain.split())
        words += n
        if not 150 <= n <= 900:
            print(f"WARN  {name}: {n} words (aim 150-900)")
            nwarn += 1
        for s in spans:
            counts[s["kind"]] += 1
            if s["kind"] == "person":
                pids[s["person_id"]] += 1
                pid_docs[s["person_id"]].add(name)
        if emit:
            stem = name[:-4]
            with open(os.path.join(emit, name), "w", encoding="utf-8") as fh:
                fh.write(plain)
            with open(os.path.join(emit, stem + ".gold.jsonl"), "w", encoding="utf-8") as fh:
                for s in spans:
                    fh.write(json.dumps({"file": name, **s}, ensure_ascii=False) + "\n")
    print(f"documents: {len(files)}  words: {words}")
    for k in sorted(KINDS, key=lambda k: (-counts[k], k)):
        print(f"  {k:20s} {counts[k]}")
    print(f"  {'special categories':20s} {sum(counts[k] for k in SPECIAL)}")
    print(f"  {'all spans':20s} {sum(counts.values())}")
    multi = sum(1 for p in pid_docs if len(pid_docs[p]) > 1)
    print(f"distinct person ids: {len(pids)} ({multi} occur in more than one document)")
    print(f"errors: {nerr}  warnings: {nwarn}")
    return 1 if nerr else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
