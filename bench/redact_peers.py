#!/usr/bin/env python3
"""Redaction peer benchmark: `grondslag redact` against PyMuPDF on the same PDFs, same run.

For every PDF:
  1. `grondslag detect --format jsonl` gives the values grondslag finds (the `text` fields);
  2. (a) `grondslag redact PDF --out OUT` is timed as a whole process: extraction, detection,
     redaction, re-extraction and its own verification;
     (b) PyMuPDF redacts the SAME values: per page one text page, `search_for(value)` +
     `add_redact_annot`,
     `apply_redactions()`, then `save(garbage=4, deflate=True)`; timed in-process (open to
     save), so without detection, verification or interpreter start-up;
  3. both outputs are checked independently with `pdftotext` (poppler) and with MuPDF's own
     text extraction: every value listed in values.json and every detected value must be gone,
     every neutral word listed in values.json must still be there.
Each timing is the median of --reps runs. Run through bench/redact_peers.sh.
"""

import argparse
import json
import os
import re
import resource
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent


def squash(s: str) -> str:
    """Drops whitespace and hyphens, so a value broken over lines ("06-" / "28374615") is still
    found whether or not the extractor joins the halves. Case is kept."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", s)


def pdftotext(path: Path) -> str:
    """pdftotext's reading order and its content-stream order (-raw), one after the other: a
    value left in the text is caught in whichever order keeps its words together."""
    return "\n".join(subprocess.run(["pdftotext", *mode, "-enc", "UTF-8", str(path), "-"],
                                     capture_output=True, text=True, check=True).stdout
                      for mode in ([], ["-raw"]))


def mupdf_text(path: Path) -> str:
    with pymupdf.open(path) as doc:
        return "\n".join(page.get_text() for page in doc)


def words(text: str) -> dict:
    counts = {}
    for w in re.findall(r"\w+", text):
        counts[w] = counts.get(w, 0) + 1
    return counts


def check(orig: Path, path: Path, gone: list, kept: list) -> dict:
    """Which values are still present and which neutral words were lost, per extractor.

    A value leaks when its letters (whitespace and hyphens dropped) are still in the text. A
    neutral word is lost when it occurs fewer times in the output than in the original, as the
    same extractor reads them: a reading order that changes around a redaction does not count,
    a word removed with its neighbour does."""
    out = {}
    for name, extract in (("pdftotext", pdftotext), ("mupdf", mupdf_text)):
        text = extract(path)
        t = squash(text)
        before, after = words(extract(orig)), words(text)
        keep_words = {w for phrase in kept for w in re.findall(r"\w+", phrase)}
        out[name] = dict(
            leaked=sorted({v for v in gone if squash(v) and squash(v) in t}),
            lost=sorted(w for w in keep_words if after.get(w, 0) < before.get(w, 0)))
    return out


def ink(path: Path) -> list:
    """The share of dark pixels on each page, rendered at 30 dpi."""
    shares = []
    dark = bytes(range(128))
    with pymupdf.open(path) as doc:
        for page in doc:
            px = page.get_pixmap(dpi=30, colorspace=pymupdf.csGRAY).samples
            shares.append((len(px) - len(px.translate(None, dark))) / max(len(px), 1))
    return shares


def blackened(orig: Path, path: Path) -> list:
    """Pages (1-based) whose dark share grew by more than 25 points: a page blacked out or an
    image destroyed, where redaction boxes over a few values would add a few points at most."""
    return [i + 1 for i, (a, b) in enumerate(zip(ink(orig), ink(path))) if b - a > 0.25]


def ocr(path: Path) -> str:
    """What tesseract reads on the rendered pages: for scans, proof that the pixels are gone."""
    texts = []
    with pymupdf.open(path) as doc:
        for page in doc:
            png = page.get_pixmap(dpi=300, colorspace=pymupdf.csGRAY).tobytes("png")
            texts.append(subprocess.run(["tesseract", "-", "-", "-l", "nld", "--dpi", "300"],
                                        input=png, capture_output=True, check=True).stdout.decode())
    return "\n".join(texts)


def detect(grondslag: Path, pdf: Path) -> list:
    r = subprocess.run([str(grondslag), "detect", "--format", "jsonl", str(pdf)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"detect failed on {pdf.name}: {r.stderr.strip()[:300]}")
    return [json.loads(line) for line in r.stdout.splitlines() if line.strip()]


def search_variants(value: str) -> list:
    """The strings PyMuPDF is asked to find for one detected value. The detected text comes
    from grondslag's extraction and may hold a line break ("06-\\n28374615"); PyMuPDF's search
    joins lines and removes hyphens at line ends itself, so both the text with its whitespace
    folded and the text with a line-end hyphen dropped are searched."""
    folded = re.sub(r"\s+", " ", value).strip()
    dehyph = re.sub(r"-\s*\n\s*", "", value)
    dehyph = re.sub(r"\s+", " ", dehyph).strip()
    return sorted({folded, dehyph})


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def pymupdf_redact(pdf: Path, values: list, out: Path) -> tuple:
    """(wall seconds, CPU seconds) from open to save."""
    needles = sorted({n for v in values for n in search_variants(v)})
    t0, c0 = time.perf_counter(), time.process_time()
    doc = pymupdf.open(pdf)
    for page in doc:
        hit = False
        # One text page per page, reused for every needle: search_for would otherwise extract
        # the page again for each value (about 10x slower on a page with many values).
        tp = page.get_textpage()
        # Only the values whose letters occur on this page are searched (a cheap filter a careful
        # PyMuPDF user would add; it keeps the baseline as fast as we can make it).
        on_page = squash(page.get_text(textpage=tp))
        for needle in needles:
            if squash(needle) not in on_page:
                continue
            for quad in page.search_for(needle, quads=True, textpage=tp):
                page.add_redact_annot(quad, fill=(0, 0, 0))
                hit = True
        if hit:
            page.apply_redactions()
    doc.save(out, garbage=4, deflate=True)
    doc.close()
    return time.perf_counter() - t0, time.process_time() - c0


def grondslag_redact(grondslag: Path, pdf: Path, out: Path) -> tuple:
    """(wall seconds, CPU seconds of the process, exit code, message)."""
    out.unlink(missing_ok=True)
    t0, c0 = time.perf_counter(), children_cpu()
    r = subprocess.run([str(grondslag), "redact", str(pdf), "--out", str(out)],
                       capture_output=True, text=True)
    dt = time.perf_counter() - t0
    return dt, children_cpu() - c0, r.returncode, (r.stderr.strip() or r.stdout.strip())


def grondslag_detect_time(grondslag: Path, pdf: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([str(grondslag), "detect", "--format", "jsonl", str(pdf)],
                   capture_output=True, check=False)
    return time.perf_counter() - t0


def fonts(pdf: Path) -> str:
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout.splitlines()[2:]
    kinds = set()
    for line in lines:
        m = re.match(r"\S+\s+(.+?)\s{2,}", line)
        if m:
            kinds.add(m.group(1).strip())
    return ", ".join(sorted(kinds)) or "none"


def fmt_issues(c: dict, detected: list) -> str:
    """`left d+m, lost w`: d detected values and m listed-but-undetected values still in the
    text, w neutral words lost; the worse of the two extractors."""
    det = set(detected)
    exs = ("pdftotext", "mupdf")
    left_d = max(len([v for v in c[ex]["leaked"] if v in det]) for ex in exs)
    left_m = max(len([v for v in c[ex]["leaked"] if v not in det]) for ex in exs)
    lost = max(len(c[ex]["lost"]) for ex in exs)
    extra = ""
    if c.get("ocr_leaked"):
        extra += f", OCR reads {len(c['ocr_leaked'])}"
    if c.get("blacked"):
        extra += f", BLACKED page {','.join(map(str, c['blacked']))}"
    if left_d == left_m == lost == 0 and not extra:
        return "ok"
    return f"left {left_d}+{left_m}, lost {lost}{extra}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdfs", nargs="*", type=Path, help="default: tests/pdf-shapes/*.pdf")
    ap.add_argument("--grondslag", type=Path, default=ROOT / "target/release/grondslag")
    ap.add_argument("--values", type=Path, action="append", default=[],
                    help="values.json files (default: tests/pdf-shapes/values.json); "
                         "keys are PDF file names")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--out", type=Path, default=ROOT / "bench/out/redact")
    ap.add_argument("--report", type=Path, default=ROOT / "bench/redact.md")
    ap.add_argument("--command", default="", help="the command line, for the report")
    args = ap.parse_args()

    pdfs = args.pdfs or sorted((ROOT / "tests/pdf-shapes").glob("*.pdf"))
    expected = {}
    for vf in args.values or [ROOT / "tests/pdf-shapes/values.json"]:
        expected.update(json.loads(vf.read_text(encoding="utf-8")))
    for d in ("grondslag", "pymupdf"):
        (args.out / d).mkdir(parents=True, exist_ok=True)
    if not args.grondslag.is_file():
        print(f"redact_peers: no grondslag binary at {args.grondslag}", file=sys.stderr)
        return 1

    rows, details = [], []
    tot = dict(pages=0, g=0.0, m=0.0, d=0.0, gpages=0, gc=0.0, mc=0.0)
    for pdf in pdfs:
        with pymupdf.open(pdf) as doc:
            pages = doc.page_count
        exp = expected.get(pdf.name, {})
        findings = detect(args.grondslag, pdf)
        detected = sorted({f["text"] for f in findings})
        gone = sorted(set(exp.get("redact", [])) | set(detected))
        kept = exp.get("keep", [])
        undetected = sorted(v for v in exp.get("redact", [])
                            if not any(squash(v) in squash(d) for d in detected))

        gout, mout = args.out / "grondslag" / pdf.name, args.out / "pymupdf" / pdf.name
        gt, gc, rc, msg = [], [], 0, ""
        for _ in range(args.reps):
            dt, cpu, rc, msg = grondslag_redact(args.grondslag, pdf, gout)
            gt.append(dt)
            gc.append(cpu)
        dtimes = [grondslag_detect_time(args.grondslag, pdf) for _ in range(args.reps)]
        mruns = [pymupdf_redact(pdf, detected, mout) for _ in range(args.reps)]
        mt, mc = [w for w, _ in mruns], [c for _, c in mruns]
        g_med, m_med, d_med = statistics.median(gt), statistics.median(mt), statistics.median(dtimes)
        gc_med, mc_med = statistics.median(gc), statistics.median(mc)

        gcheck = check(pdf, gout, gone, kept) if rc == 0 and gout.is_file() else None
        mcheck = check(pdf, mout, gone, kept)
        ocr_seen = []
        if exp.get("ocr_check"):
            orig_ocr = squash(ocr(pdf))
            # Only values the OCR reads on the original prove anything when absent afterwards.
            ocr_seen = [v for v in gone if squash(v) in orig_ocr]
        for c, o in ((gcheck, gout), (mcheck, mout)):
            if c is None:
                continue
            c["blacked"] = blackened(pdf, o)
            if ocr_seen:
                t = squash(ocr(o))
                c["ocr_leaked"] = sorted(v for v in ocr_seen if squash(v) in t)
        tot["pages"] += pages
        tot["m"] += m_med
        tot["mc"] += mc_med
        tot["d"] += d_med
        if rc == 0:
            tot["g"] += g_med
            tot["gc"] += gc_med
            tot["gpages"] += pages
        rows.append([
            pdf.name, str(pages), fonts(pdf), f"{len(detected)}/{len(exp.get('redact', []))}",
            f"{g_med:.3f}" if rc == 0 else f"FAIL rc={rc}",
            f"{pages / g_med:.1f}" if rc == 0 else "-",
            f"{gc_med:.3f}" if rc == 0 else "-",
            f"{d_med:.3f}",
            f"{m_med:.3f}", f"{pages / m_med:.1f}", f"{mc_med:.3f}",
            fmt_issues(gcheck, detected) if gcheck else "no output",
            fmt_issues(mcheck, detected),
        ])
        det = [f"### {pdf.name}"]
        if exp.get("source"):
            det.append(f"- made by: {exp['source']}")
        if undetected:
            det.append(f"- listed in values.json but not detected by grondslag: {undetected}")
        if rc != 0:
            det.append(f"- `grondslag redact` exit {rc}: `{msg[:400]}`")
        for who, c in (("grondslag", gcheck), ("PyMuPDF", mcheck)):
            if not c:
                continue
            for ex in ("pdftotext", "mupdf"):
                if c[ex]["leaked"]:
                    det.append(f"- {who} output, {ex}: still present: {c[ex]['leaked']}")
                if c[ex]["lost"]:
                    det.append(f"- {who} output, {ex}: neutral words lost: {c[ex]['lost']}")
            if c.get("ocr_leaked"):
                det.append(f"- {who} output, OCR of the rendered page still reads: {c['ocr_leaked']}")
            if c.get("blacked"):
                det.append(f"- {who} output: page(s) {c['blacked']} rendered (mostly) black "
                           "where the original was not")
        if ocr_seen:
            det.insert(2 if exp.get("source") else 1,
                       f"- OCR check: {len(ocr_seen)} of the values are legible in the original's page image")
        details.append(det if len(det) > 2 or rc != 0 or undetected else [])
        print(" | ".join(rows[-1]), flush=True)

    head = ["PDF", "pages", "font types (pdffonts)", "detected/listed values",
            "grondslag redact s", "grondslag pages/s", "grondslag CPU s", "grondslag detect-only s",
            "PyMuPDF s", "PyMuPDF pages/s", "PyMuPDF CPU s",
            "grondslag output check", "PyMuPDF output check"]
    total = ["**all**", str(tot["pages"]), "", "",
             f"{tot['g']:.3f}", f"{tot['gpages'] / tot['g']:.1f}" if tot["g"] else "-",
             f"{tot['gc']:.3f}",
             f"{tot['d']:.3f}", f"{tot['m']:.3f}", f"{tot['pages'] / tot['m']:.1f}",
             f"{tot['mc']:.3f}", "", ""]
    table = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    table += ["| " + " | ".join(r) + " |" for r in rows + [total]]

    ver = subprocess.run([str(args.grondslag), "--version"], capture_output=True, text=True).stdout.strip()
    md = [
        "# Redaction peer benchmark: grondslag against PyMuPDF",
        "",
        "Written by `bench/redact_peers.sh` (do not edit by hand; rerun it).",
        "",
        f"- command: `{args.command.strip() or ' '.join(shlex.quote(a) for a in sys.argv)}`",
        f"- {ver or 'grondslag'}; PyMuPDF {pymupdf.VersionBind} (MuPDF {pymupdf.VersionFitz}); "
        f"median of {args.reps} runs; 2 shared CPU cores, so figures move with other load "
        f"(load average at the end: {os.getloadavg()[0]:.1f})",
        f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        "**What the times include.** `grondslag redact` is timed as a whole process: start-up, "
        "extraction, detection, redaction, re-extraction and its own verification (it writes "
        "nothing when the check fails). PyMuPDF is timed in-process from open to save and only "
        "searches and redacts the values that `grondslag detect` found — no detection, no "
        "verification, no interpreter start-up. `grondslag detect-only` is the time of "
        "`grondslag detect --format jsonl` on the same file, so the redaction share of "
        "grondslag's time is roughly the difference. Wall-clock times (`s`, `pages/s`) move "
        "with the load of the shared machine; the `CPU s` columns (user + system CPU of the "
        "grondslag process, of the PyMuPDF calls in the Python process) move much less and are "
        "the fairer comparison on a loaded machine.",
        "",
        "**Checks.** Each output is read back with `pdftotext` (poppler; its layout order and its "
        "`-raw` content-stream order) and with MuPDF's text "
        "extraction; whitespace and hyphens are ignored when matching, so a value split over two "
        "lines still counts. `left d+m`: d values that grondslag detected (a redaction failure) "
        "and m values listed in `tests/pdf-shapes/values.json` that it did not detect (a "
        "detection miss; PyMuPDF redacts only detected values, so it misses them too) are still "
        "in the text; `lost w`: w of the neutral words listed there occur fewer times in the "
        "output than in the original (same extractor on both). The worse extractor counts. "
        "For the scans (`ocr_check` in values.json) the rendered output is also read by "
        "tesseract: `OCR reads k` means k values are still legible in the page image. "
        "`BLACKED page p`: page p renders more than 25 points darker than the original "
        "(a page blacked out or an image destroyed).",
        "",
        *table,
        "",
        "## Details",
        "",
    ]
    for det in details:
        md += det + ([""] if det else [])
    if not any(details):
        md += ["Every output passed both checks; every listed value was detected.", ""]
    # Hand-written notes below the marker survive a rerun.
    marker = "<!-- notes: kept by redact_peers.py across reruns -->"
    notes = ""
    if args.report.is_file():
        old = args.report.read_text(encoding="utf-8")
        if marker in old:
            notes = old[old.index(marker) + len(marker):]
    md += [marker]
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text("\n".join(md) + (notes or "\n"), encoding="utf-8")
    print("\n".join(table))
    print(f"written: {args.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
