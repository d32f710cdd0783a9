#!/usr/bin/env python3
"""Peer comparison: grondslag against deduce and presidio-analyzer.

Run through bench/peers.sh, which builds the binaries and the venv first. This script:

1. reads the annotated corpus (default corpus/dev/*.txt), strips the inline gold markup
   ({{kind|text}} or {{kind|text|id}} -> text) and keeps the gold spans as byte offsets into the
   plain text, exactly as CONTRACTS.md defines them;
2. runs each system on the plain text and writes its findings as contract JSON lines to
   bench/out/<system>.jsonl, with "file" = the corpus file path;
3. scores each system with exact byte spans per kind (and also runs `cargo xtask eval` on the
   same files when that command exists, saving its output next to the predictions);
4. measures throughput: grondslag on the whole generated text (100 MB, or 1 MB with --quick),
   the peers on a slice (1 MB, or 100 KB with --quick) because they are two to three orders of
   magnitude slower, each in a fresh process, on documents of about 10 KB and (deduce) also
   as one text; start-up time is measured separately and not counted in MB/s;
5. prints one Markdown table and writes it to bench/out/peers.md.

Only synthetic text is processed, and nothing here prints a found value.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = BENCH / "out"
BLANK_NL = BENCH / ".venv" / "nl_blank"

GOLD_RE = re.compile(r"\{\{([a-z_]+)\|([^|{}]*)(?:\|([^{}]*))?\}\}")

KIND_ORDER = [
    "person", "email", "phone", "bsn", "iban", "address", "postcode", "birthdate", "place",
    "licence_plate", "ip_address", "religion", "ethnicity", "political", "health",
    "sexual_orientation", "trade_union", "criminal",
]

# What each peer can claim at all; a kind outside this set scores as "not supported".
CLAIMS = {
    "grondslag": set(KIND_ORDER),
    "deduce": {"person", "email", "phone", "bsn", "address", "postcode", "place", "birthdate"},
    "presidio": {"email", "iban", "phone", "ip_address", "birthdate"},
}

TITLE_RE = re.compile(
    r"^(?:(?:mevrouw|mevr\.?|mw\.?|de heer|heer|dhr\.?|hr\.?|meneer|dokter|dr\.?|prof\.?|mr\.?|"
    r"ir\.?|drs\.?|ing\.?|imam|minister|burgemeester|wethouder|patiënt|patient)\s+)+",
    re.IGNORECASE,
)
BIRTH_CONTEXT_RE = re.compile(r"(geboren|geb\.|geboortedatum)[^\n]{0,15}$", re.IGNORECASE)
IPV4_RE = re.compile(r"^(?:\d{1,3}\.){3}\d{1,3}$")
POSTCODE_PLACE_RE = re.compile(r"^(\d{4}\s?[A-Z]{2})(?:[,\s]+(\S.*))?$")
STREET_NUMBER_RE = re.compile(r"\d+\s?[a-zA-Z]?(?:-\d+)?$")


# --------------------------------------------------------------------------------------------
# Gold
# --------------------------------------------------------------------------------------------

def parse_gold(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Strips the markup; returns the plain text and gold (start, end, kind) byte spans."""
    plain_parts: list[str] = []
    spans = []
    pos_bytes = 0
    last = 0
    for m in GOLD_RE.finditer(marked):
        before = marked[last:m.start()]
        plain_parts.append(before)
        pos_bytes += len(before.encode("utf-8"))
        text = m.group(2)
        n = len(text.encode("utf-8"))
        spans.append((pos_bytes, pos_bytes + n, m.group(1)))
        plain_parts.append(text)
        pos_bytes += n
        last = m.end()
    plain_parts.append(marked[last:])
    return "".join(plain_parts), spans


def load_corpus(corpus: Path) -> list[tuple[str, str, list]]:
    docs = []
    for path in sorted(corpus.glob("*.txt")):
        plain, spans = parse_gold(path.read_text(encoding="utf-8"))
        docs.append((str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path),
                     plain, spans))
    return docs


# --------------------------------------------------------------------------------------------
# Findings helpers
# --------------------------------------------------------------------------------------------

class ByteMap:
    """Character offsets (what Python libraries return) to UTF-8 byte offsets."""

    def __init__(self, text: str):
        self.text = text
        self.prefix = [0] * (len(text) + 1)
        acc = 0
        for i, ch in enumerate(text):
            self.prefix[i] = acc
            acc += len(ch.encode("utf-8"))
        self.prefix[len(text)] = acc

    def finding(self, file: str, start: int, end: int, kind: str, score: float, rule: str):
        return {"file": file, "start": self.prefix[start], "end": self.prefix[end], "kind": kind,
                "text": self.text[start:end], "score": round(float(score), 3), "rule": rule}


def dedupe(findings: list[dict]) -> list[dict]:
    """Contract order: ascending start; no two findings of one kind overlap (longest wins)."""
    findings.sort(key=lambda f: (f["start"], -(f["end"] - f["start"])))
    kept, last_end = [], {}
    for f in findings:
        if f["start"] < last_end.get(f["kind"], -1):
            continue
        kept.append(f)
        last_end[f["kind"]] = f["end"]
    return kept


def birth_context(text: str, start: int) -> bool:
    return BIRTH_CONTEXT_RE.search(text[max(0, start - 30):start]) is not None


# --------------------------------------------------------------------------------------------
# deduce
# --------------------------------------------------------------------------------------------

def load_deduce():
    import deduce  # noqa: PLC0415 (imported late: it is slow and only in the venv)
    return deduce.Deduce()


def deduce_findings(engine, file: str, text: str) -> list[dict]:
    bm = ByteMap(text)
    out = []
    for a in engine.deidentify(text).annotations:
        tag, s, e = a.tag.lower(), a.start_char, a.end_char
        rule = f"deduce.{tag}"
        if tag in ("persoon", "patient", "person"):
            m = TITLE_RE.match(text[s:e])
            if m and m.end() < e - s:
                s += m.end()  # titles may be left out; gold leaves them out
            out.append(bm.finding(file, s, e, "person", 0.8, rule))
        elif tag in ("locatie", "woonplaats", "straat", "adres"):
            span = text[s:e]
            pm = POSTCODE_PLACE_RE.match(span)
            if pm:
                out.append(bm.finding(file, s + pm.start(1), s + pm.end(1), "postcode", 0.8, rule))
                if pm.group(2):
                    out.append(bm.finding(file, s + pm.start(2), e, "place", 0.8, rule))
            elif STREET_NUMBER_RE.search(span):
                out.append(bm.finding(file, s, e, "address", 0.8, rule))
            else:
                out.append(bm.finding(file, s, e, "place", 0.8, rule))
        elif tag in ("emailadres", "email"):
            out.append(bm.finding(file, s, e, "email", 0.8, rule))
        elif tag in ("telefoonnummer", "telefoon"):
            out.append(bm.finding(file, s, e, "phone", 0.8, rule))
        elif tag == "bsn":
            out.append(bm.finding(file, s, e, "bsn", 0.8, rule))
        elif tag in ("url", "ip") and IPV4_RE.match(text[s:e]):
            out.append(bm.finding(file, s, e, "ip_address", 0.8, rule))
        elif tag == "datum" and birth_context(text, s):
            out.append(bm.finding(file, s, e, "birthdate", 0.8, rule))
        # leeftijd, instelling, ziekenhuis, id, other url: not personal-data kinds we score.
    return dedupe(out)


# --------------------------------------------------------------------------------------------
# presidio
# --------------------------------------------------------------------------------------------

def load_presidio():
    import logging  # noqa: PLC0415
    # presidio logs every regex match time at DEBUG; keep the report readable.
    logging.getLogger("presidio-analyzer").setLevel(logging.WARNING)
    import spacy  # noqa: PLC0415
    # tldextract (used by the e-mail and URL recognizers) would try to download the public
    # suffix list; there is no network here, so use the snapshot it ships.
    import tldextract  # noqa: PLC0415
    import tldextract.tldextract as tldmod  # noqa: PLC0415
    tldmod.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry  # noqa: PLC0415
    from presidio_analyzer.nlp_engine import SpacyNlpEngine  # noqa: PLC0415
    from presidio_analyzer.predefined_recognizers import (  # noqa: PLC0415
        DateRecognizer, EmailRecognizer, IbanRecognizer, IpRecognizer, PhoneRecognizer,
        UrlRecognizer)

    if not BLANK_NL.exists():
        spacy.blank("nl").to_disk(BLANK_NL)
    # SpacyNlpEngine hands model_name to spacy.load, which accepts a path: the blank Dutch
    # pipeline (tokenizer only, no NER) loads without any download.
    nlp = SpacyNlpEngine(models=[{"lang_code": "nl", "model_name": str(BLANK_NL)}])
    registry = RecognizerRegistry(supported_languages=["nl"])
    for r in (EmailRecognizer(supported_language="nl"),
              IbanRecognizer(supported_language="nl"),
              PhoneRecognizer(supported_regions=["NL"], supported_language="nl"),
              IpRecognizer(supported_language="nl"),
              UrlRecognizer(supported_language="nl"),
              DateRecognizer(supported_language="nl")):
        registry.add_recognizer(r)
    return AnalyzerEngine(nlp_engine=nlp, registry=registry, supported_languages=["nl"])


PRESIDIO_KINDS = {"EMAIL_ADDRESS": "email", "IBAN_CODE": "iban", "PHONE_NUMBER": "phone",
                  "IP_ADDRESS": "ip_address"}


def presidio_findings(engine, file: str, text: str) -> list[dict]:
    bm = ByteMap(text)
    out = []
    for r in engine.analyze(text=text, language="nl"):
        kind = PRESIDIO_KINDS.get(r.entity_type)
        if kind is None and r.entity_type == "DATE_TIME" and birth_context(text, r.start):
            kind = "birthdate"
        if kind:
            out.append(bm.finding(file, r.start, r.end, kind, r.score,
                                  f"presidio.{r.entity_type.lower()}"))
    return dedupe(out)


# --------------------------------------------------------------------------------------------
# grondslag
# --------------------------------------------------------------------------------------------

def grondslag_findings(binary: Path, docs, plain_dir: Path) -> list[dict] | None:
    """Runs the release binary on plain copies of the corpus; None when it cannot run."""
    if not binary.exists():
        return None
    plain_dir.mkdir(parents=True, exist_ok=True)
    back = {}
    files = []
    for i, (file, plain, _) in enumerate(docs):
        p = plain_dir / f"{i:05}.txt"
        p.write_text(plain, encoding="utf-8")
        back[str(p)] = file
        files.append(str(p))
    proc = subprocess.run([str(binary), "detect", "--format", "jsonl", *files],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 2):
        print(f"grondslag detect exited {proc.returncode}: {proc.stderr.strip()[:300]}",
              file=sys.stderr)
        return None
    out = []
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        f = json.loads(line)
        f["file"] = back.get(f["file"], f["file"])
        out.append(f)
    return out


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------

def score(docs, findings: list[dict]) -> dict:
    """Exact-span scoring per kind: a finding counts only with the same file, kind, start, end."""
    gold = set()
    for file, _, spans in docs:
        for s, e, k in spans:
            gold.add((file, s, e, k))
    pred = {(f["file"], f["start"], f["end"], f["kind"]) for f in findings}
    per = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    for g in gold:
        per[g[3]]["tp" if g in pred else "fn"] += 1
    for p in pred:
        if p not in gold:
            per[p[3]]["fp"] += 1
    result = {}
    for kind, c in per.items():
        result[kind] = prf(c["tp"], c["fp"], c["fn"])
    tot = {x: sum(c[x] for c in per.values()) for x in ("tp", "fp", "fn")}
    result["_all"] = prf(tot["tp"], tot["fp"], tot["fn"])
    return result


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def micro_over(result: dict, kinds) -> dict:
    tp = sum(result.get(k, {}).get("tp", 0) for k in kinds)
    fp = sum(result.get(k, {}).get("fp", 0) for k in kinds)
    fn = sum(result.get(k, {}).get("fn", 0) for k in kinds)
    return prf(tp, fp, fn)


def write_jsonl(path: Path, findings: list[dict]):
    with path.open("w", encoding="utf-8") as fh:
        for f in findings:
            fh.write(json.dumps(f, ensure_ascii=False) + "\n")


def xtask_eval(pred_path: Path, corpus: Path) -> dict | None:
    """The project's own scorer, `cargo xtask eval --json`, on the same predictions, converted
    to the shape of `score`; None while that command is not available."""
    try:
        proc = subprocess.run(
            ["cargo", "xtask", "eval", "--json", "--corpus", str(corpus),
             "--predictions", str(pred_path)],
            capture_output=True, text=True, cwd=ROOT, timeout=600)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    try:
        v = json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None
    result = {}
    for kind, c in v.get("kinds", {}).items():
        tp = int(c["tp"])
        result[kind] = prf(tp, int(c["predicted"]) - tp, int(c["support"]) - tp)
    tot = {x: sum(c[x] for c in result.values()) for x in ("tp", "fp", "fn")}
    result["_all"] = prf(tot["tp"], tot["fp"], tot["fn"])
    return result


# --------------------------------------------------------------------------------------------
# Throughput
# --------------------------------------------------------------------------------------------

def chunks(text: str, size: int = 10_000):
    """Cuts text at paragraph breaks into pieces of about `size` characters: documents of the
    size the peers are built for (spaCy refuses more than 10^6 characters at once)."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n\n", start + size // 2, end)
            end = cut + 2 if cut != -1 else end
        yield text[start:end]
        start = end


def read_slice(path: Path, nbytes: int) -> str:
    with path.open("rb") as fh:
        data = fh.read(nbytes)
    cut = data.rfind(b"\n")
    return data[: cut + 1 if cut > 0 else len(data)].decode("utf-8", errors="ignore")


PEERS = {"deduce": (lambda: load_deduce(), lambda: deduce_findings),
         "presidio": (lambda: load_presidio(), lambda: presidio_findings)}


def time_peer(name: str, text: str, whole: bool) -> dict:
    """Times one peer in this process: load (start-up), then detection over `text`, cut into
    documents of about 10,000 characters, or given as one text when `whole`."""
    load, run = PEERS[name]
    os.sync()
    t0 = time.perf_counter()
    engine = load()
    run = run()
    startup = time.perf_counter() - t0
    t1 = time.perf_counter()
    c1 = time.process_time()
    n = 0
    for piece in ([text] if whole else chunks(text)):
        n += len(run(engine, "slice", piece))
    elapsed = time.perf_counter() - t1
    cpu = time.process_time() - c1
    mb = len(text.encode("utf-8")) / 1e6
    return {"system": name, "whole": whole, "startup_s": startup, "mb": mb, "seconds": elapsed,
            "mb_per_s": mb / elapsed if elapsed else 0.0,
            "mb_per_cpu_s": mb / cpu if cpu else 0.0, "findings": n}


def time_peer_fresh(name: str, text_path: Path, nbytes: int, whole: bool) -> dict | None:
    """[`time_peer`] in a new Python process that loads nothing but that peer. In this
    process the corpus run has loaded both peers (deduce twice over) and holds their output;
    Python's garbage collector then walks all of it again and again, which made deduce run at
    a third of its speed (0.08 instead of 0.22 MB/s on 10 KB documents)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--time-peer", name,
           "--text", str(text_path), "--slice-bytes", str(nbytes)]
    if whole:
        cmd.append("--whole")
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        print(f"timing {name} failed:\n{proc.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def children_cpu() -> float:
    """User + system CPU seconds of the finished child processes so far."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def time_grondslag(binary: Path, path: Path, runs: int = 3) -> dict | None:
    """The median of `runs` runs (one takes about two seconds, short enough for a passing
    disturbance to show), each after the page cache has been written back: the generator has
    just written the text, and the previous run 200 MB of output."""
    if not binary.exists():
        return None
    empty = OUT / "empty.txt"
    empty.write_text("", encoding="utf-8")
    results = []
    for _ in range(runs):
        os.sync()
        t0 = time.perf_counter()
        c0 = children_cpu()
        subprocess.run([str(binary), "detect", "--format", "jsonl", str(empty)],
                       capture_output=True, check=False)
        startup = time.perf_counter() - t0
        startup_cpu = children_cpu() - c0
        # A new file, and the clock stops when the process ends: ext4 writes a file that was
        # truncated and written again to disk when it is closed (auto_da_alloc), 0.3 s that
        # would otherwise count as grondslag's.
        sink_path = OUT / "grondslag-throughput.jsonl"
        sink_path.unlink(missing_ok=True)
        with sink_path.open("wb") as sink:
            t1 = time.perf_counter()
            c1 = children_cpu()
            proc = subprocess.run([str(binary), "detect", "--format", "jsonl", str(path)],
                                  stdout=sink, stderr=subprocess.PIPE, check=False)
            elapsed = time.perf_counter() - t1
            cpu = children_cpu() - c1
        if proc.returncode != 0:
            print(f"grondslag detect on {path} exited {proc.returncode}", file=sys.stderr)
            return None
        with (OUT / "grondslag-throughput.jsonl").open("rb") as fh:
            n = sum(1 for _ in fh)
        mb = path.stat().st_size / 1e6
        # Start-up is part of one run; subtract it so the figure is comparable with the peers'.
        work = max(elapsed - startup, 1e-9)
        work_cpu = max(cpu - startup_cpu, 1e-9)
        results.append({"system": "grondslag", "startup_s": startup, "mb": mb,
                        "seconds": elapsed, "mb_per_s": mb / work,
                        "mb_per_cpu_s": mb / work_cpu, "findings": n})
    results.sort(key=lambda r: r["mb_per_s"])
    return results[len(results) // 2]


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------

def fmt(x: float | None, digits=2) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def build_table(corpus_label, n_docs, n_gold, scores, speed, systems) -> str:
    lines = []
    lines.append(f"## Peer comparison on {corpus_label} ({n_docs} documents, {n_gold} gold spans)")
    lines.append("")
    lines.append("Exact byte spans per kind (F1). `n/s` = the system does not claim this kind.")
    lines.append("")
    head = "| kind | gold | " + " | ".join(systems) + " |"
    lines.append(head)
    lines.append("|" + "---|" * (len(systems) + 2))
    gold_counts = scores["_gold_counts"]
    kinds = [k for k in KIND_ORDER if gold_counts.get(k) or any(
        scores[s] and scores[s].get(k, {}).get("fp") for s in systems)]
    for k in kinds:
        row = [k, str(gold_counts.get(k, 0))]
        for s in systems:
            if scores[s] is None:
                row.append("–")
            elif k not in CLAIMS[s]:
                row.append("n/s")
            else:
                row.append(fmt(scores[s].get(k, prf(0, 0, gold_counts.get(k, 0)))["f1"]))
        lines.append("| " + " | ".join(row) + " |")

    def summary_row(label, fn):
        row = [label, ""]
        for s in systems:
            row.append("–" if scores[s] is None else fn(s))
        lines.append("| " + " | ".join(row) + " |")

    summary_row("**micro F1, all kinds**", lambda s: fmt(scores[s]["_all"]["f1"]))
    for peer in systems[1:]:
        summary_row(f"micro F1, kinds {peer} claims",
                    lambda s, peer=peer: fmt(micro_over(scores[s], CLAIMS[peer] & set(kinds))["f1"]))
    summary_row("person precision",
                lambda s: fmt(scores[s].get("person", prf(0, 0, 0))["p"]) if "person" in CLAIMS[s] else "n/s")
    summary_row("person recall",
                lambda s: fmt(scores[s].get("person", prf(0, 0, 0))["r"]) if "person" in CLAIMS[s] else "n/s")
    lines.append("")
    lines.append("## Throughput (detection only, start-up excluded)")
    lines.append("")
    lines.append("CPU-s: user + system time of the process, fair on a shared machine. grondslag "
                 "detects a large text on every core (same findings as on one); the peers use one. "
                 "Both ratios are given below: per CPU-second (the work) and wall clock (what a "
                 "user waits).")
    lines.append("")
    lines.append("| system | text measured | MB/s (wall) | MB per CPU-s | start-up (s) | findings |")
    lines.append("|---|---|---|---|---|---|")
    for label, sp in speed.items():
        if sp is None:
            lines.append(f"| {label} | – | – | – | – | – |")
            continue
        if label == "grondslag":
            what = f"{sp['mb']:.2f} MB, streamed"
        elif sp["whole"]:
            what = f"{sp['mb']:.2f} MB slice as one text"
        else:
            what = f"{sp['mb']:.2f} MB slice in 10 KB documents"
        lines.append(f"| {label} | {what} | {sp['mb_per_s']:.3f} | "
                     f"{sp['mb_per_cpu_s']:.3f} | {sp['startup_s']:.2f} | {sp['findings']} |")
    lines.append("")
    lines.append("## grondslag against each peer")
    lines.append("")
    lines.append("| peer | ΔF1 all kinds | ΔF1 on the peer's kinds |")
    lines.append("|---|---|---|")
    g = scores.get("grondslag")
    for peer in systems[1:]:
        if g is None or scores[peer] is None:
            lines.append(f"| {peer} | – | – |")
            continue
        d_all = g["_all"]["f1"] - scores[peer]["_all"]["f1"]
        ks = CLAIMS[peer] & set(kinds)
        d_claim = micro_over(g, ks)["f1"] - micro_over(scores[peer], ks)["f1"]
        lines.append(f"| {peer} | {d_all:+.2f} | {d_claim:+.2f} |")
    lines.append("")
    lines.append("| grondslag's throughput against | × per CPU-second | × wall clock |")
    lines.append("|---|---|---|")
    ours = speed.get("grondslag")
    for label, sp in speed.items():
        if label == "grondslag" or not ours or not sp:
            continue
        cpu = f"{ours['mb_per_cpu_s'] / sp['mb_per_cpu_s']:,.0f}×" if sp["mb_per_cpu_s"] else "–"
        wall = f"{ours['mb_per_s'] / sp['mb_per_s']:,.0f}×" if sp["mb_per_s"] else "–"
        lines.append(f"| {label} | {cpu} | {wall} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="1 MB for grondslag and 100 KB for the peers instead of 100 MB / 1 MB")
    ap.add_argument("--corpus", default=str(ROOT / "corpus" / "dev"))
    ap.add_argument("--text", help="generated text for throughput (default: bench/out/text-M.txt)")
    ap.add_argument("--grondslag", default=str(ROOT / "target" / "release" / "grondslag"))
    ap.add_argument("--systems", default="grondslag,deduce,presidio")
    ap.add_argument("--no-throughput", action="store_true",
                    help="accuracy only (for example on another --corpus)")
    ap.add_argument("--out-name", default="peers.md", help="file name of the table in bench/out")
    ap.add_argument("--own-scorer", action="store_true",
                    help="score with peers.py's exact-span scorer instead of `cargo xtask eval`")
    # Internal: time one peer in a fresh process (see time_peer_fresh).
    ap.add_argument("--time-peer", help=argparse.SUPPRESS)
    ap.add_argument("--slice-bytes", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--whole", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.time_peer:
        text = read_slice(Path(args.text), args.slice_bytes)
        print(json.dumps(time_peer(args.time_peer, text, args.whole)))
        return 0

    OUT.mkdir(parents=True, exist_ok=True)
    systems = [s for s in args.systems.split(",") if s]
    corpus = Path(args.corpus)
    docs = load_corpus(corpus)
    if not docs:
        print(f"no annotated *.txt in {corpus}", file=sys.stderr)
        return 1
    n_gold = sum(len(s) for _, _, s in docs)
    binary = Path(args.grondslag)

    # Predictions on another corpus than the default get their own files.
    suffix = "" if corpus.resolve() == (ROOT / "corpus" / "dev").resolve() else f"-{corpus.name}"
    engines = {}
    findings: dict[str, list | None] = {}
    for s in systems:
        t0 = time.perf_counter()
        if s == "grondslag":
            findings[s] = grondslag_findings(binary, docs, OUT / f"plain{suffix}")
        elif s == "deduce":
            engines[s] = load_deduce()
            findings[s] = [f for file, plain, _ in docs
                           for f in deduce_findings(engines[s], file, plain)]
        elif s == "presidio":
            engines[s] = load_presidio()
            findings[s] = [f for file, plain, _ in docs
                           for f in presidio_findings(engines[s], file, plain)]
        else:
            print(f"unknown system {s}", file=sys.stderr)
            return 1
        if findings[s] is not None:
            write_jsonl(OUT / f"{s}{suffix}.jsonl", findings[s])
        print(f"{s}: {'n/a' if findings[s] is None else len(findings[s])} findings on the corpus "
              f"({time.perf_counter() - t0:.1f} s)", file=sys.stderr)

    scores = {}
    scorer = "own exact-span scorer (bench/peers.py)"
    for s in systems:
        if findings[s] is None:
            scores[s] = None
            continue
        own = score(docs, findings[s])
        project = None if args.own_scorer else xtask_eval(OUT / f"{s}{suffix}.jsonl", corpus)
        if project is not None:
            scorer = "cargo xtask eval --json"
            if abs(project["_all"]["f1"] - own["_all"]["f1"]) > 0.005:
                print(f"{s}: xtask eval micro F1 {project['_all']['f1']:.3f} differs from "
                      f"peers.py's {own['_all']['f1']:.3f}; reporting xtask eval's",
                      file=sys.stderr)
        scores[s] = project or own
    gold_counts = defaultdict(int)
    for _, _, spans in docs:
        for _, _, k in spans:
            gold_counts[k] += 1
    scores["_gold_counts"] = gold_counts

    mb = 1 if args.quick else 100
    text_path = Path(args.text) if args.text else OUT / f"text-{mb}.txt"
    speed = {}
    if args.no_throughput:
        pass
    elif text_path.exists():
        if "grondslag" in systems:
            speed["grondslag"] = time_grondslag(binary, text_path)
        nbytes = 100_000 if args.quick else 1_000_000
        for s in systems:
            if s == "grondslag":
                continue
            # Every peer on documents of its own size; deduce also as one text, as the issue
            # measured it (deduce's time grows faster than the length of a text).
            for whole in ([False, True] if s == "deduce" else [False]):
                r = time_peer_fresh(s, text_path, nbytes, whole)
                if r:
                    speed[s + (" (one text)" if whole else "")] = r
                    print(f"{s}{' as one text' if whole else ''}: {r['mb']:.2f} MB in "
                          f"{r['seconds']:.1f} s", file=sys.stderr)
    else:
        print(f"no throughput text at {text_path}; skipping throughput", file=sys.stderr)

    label = str(corpus.relative_to(ROOT)) if corpus.is_relative_to(ROOT) else str(corpus)
    table = build_table(label, len(docs), n_gold, scores, speed, systems)
    table += f"\nScored with: {scorer}.\n"
    table += (
        "\nCaveats: presidio runs with a blank Dutch spaCy pipeline (no NER: it finds no names, "
        "places or addresses); deduce's tags are mapped to contract kinds (see bench/README.md); "
        "peers' titles before names are stripped; peer throughput is measured on a slice of "
        f"the same generated text{' (--quick)' if args.quick else ''}.\n")
    (OUT / args.out_name).write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
