#!/usr/bin/env bash
# Redaction peer benchmark: `grondslag redact` against PyMuPDF's redaction on the same PDFs,
# in the same run, with both outputs checked by pdftotext. See bench/redact.md for the results.
#
#   bench/redact_peers.sh            every PDF in tests/pdf-shapes + a 50-page letter series, 5 runs each
#   bench/redact_peers.sh --quick    1 run each, no 50-page PDF
#   bench/redact_peers.sh --pages N  the letter series with N pages instead of 50
#
# Needs poppler-utils (pdftotext, pdffonts, pdfinfo) and, for the letter series, LibreOffice
# (see tests/pdf-shapes/make.sh). PyMuPDF comes from PyPI into the git-ignored venv
# bench/.venv-redact, pinned in bench/requirements-redact.txt. Outputs go to bench/out/redact.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv=bench/.venv-redact
out=bench/out/redact
reps=5
pages=50
args="$*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) reps=1; pages=0 ;;
    --pages) pages="$2"; shift ;;
    --reps) reps="$2"; shift ;;
    *) echo "redact_peers.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"

for tool in pdftotext pdffonts pdfinfo; do
  command -v "$tool" >/dev/null || { echo "redact_peers.sh: $tool is missing (apt-get install poppler-utils)" >&2; exit 1; }
done

# 1. PyMuPDF, pinned, in a venv made once and reused.
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import pymupdf' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r bench/requirements-redact.txt
fi

# 2. grondslag. A failing build (the workspace is shared) leaves the last good binary in place.
if ! cargo build --release --quiet -p grondslag; then
  echo "redact_peers.sh: building grondslag failed; using ${CARGO_TARGET_DIR:-target}/release/grondslag as it is" >&2
fi

# 3. The PDFs: the committed shapes, and a long letter series made now (not committed).
pdfs=(tests/pdf-shapes/*.pdf)
values=(--values tests/pdf-shapes/values.json)
if [[ "$pages" -gt 0 ]]; then
  big="$out/brieven-$pages.pdf"
  if [[ ! -f "$big" ]]; then
    tests/pdf-shapes/make.sh --large "$pages" "$big"
  fi
  pdfs+=("$big")
  # make.sh writes the series' values next to it, keyed by the PDF's name.
  "$venv/bin/python" -c 'import json,sys; m=json.load(open(sys.argv[1])); json.dump({sys.argv[2]: m}, open(sys.argv[3], "w"))' \
    "${big%.pdf}.values.json" "$(basename "$big")" "$out/large-values.json"
  values+=(--values "$out/large-values.json")
fi

# 4. Run, check, report.
"$venv/bin/python" bench/redact_peers.py --reps "$reps" --out "$out" "${values[@]}" \
  --grondslag "${CARGO_TARGET_DIR:-target}/release/grondslag" \
  --command "bench/redact_peers.sh $args" "${pdfs[@]}"
