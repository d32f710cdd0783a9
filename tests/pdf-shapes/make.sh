#!/usr/bin/env bash
# Regenerates the PDF shapes corpus: real-world PDF shapes made by independent tools, to check
# that redaction truly removes values from each of them (see bench/redact.md).
#
#   tests/pdf-shapes/make.sh          rebuild every PDF, values.json and fonts.txt here
#   tests/pdf-shapes/make.sh --large N OUT.pdf
#                                     also: an N-page letter series (benchmark only, not committed);
#                                     its values go to OUT.values.json
#
# Needs: LibreOffice (soffice), poppler-utils (pdftoppm, pdftotext, pdffonts), qpdf,
# tesseract-ocr with tesseract-ocr-nld, ocrmypdf, ghostscript (ps2pdf), python3. The Python packages (python-docx, matplotlib)
# go into the benchmark venv bench/.venv-redact from bench/requirements-redact.txt.
# On Debian: apt-get install -y libreoffice-writer-nogui poppler-utils qpdf tesseract-ocr tesseract-ocr-nld ocrmypdf ghostscript
#
# LibreOffice, matplotlib and tesseract stamp dates and ids into their PDFs, so a rebuild is not
# byte-identical; the values and the shapes are.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/bench/.venv-redact"

for tool in soffice pdftoppm pdftotext pdffonts qpdf tesseract ocrmypdf ps2pdf python3; do
  command -v "$tool" >/dev/null || { echo "make.sh: $tool is missing (see the comment at the top)" >&2; exit 1; }
done
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import docx, matplotlib, fitz' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$root/bench/requirements-redact.txt"
fi
py="$venv/bin/python"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A private LibreOffice profile: a running or half-made default profile cannot block us.
lo=(soffice -env:UserInstallation="file://$work/lo-profile" --headless)

if [[ "${1:-}" == "--large" ]]; then
  pages="$2"
  out="$(realpath -m "$3")"
  "$py" "$here/make.py" --large "$pages" "$work/large.fodt"
  "${lo[@]}" --convert-to pdf --outdir "$work" "$work/large.fodt" >/dev/null
  mv "$work/large.pdf" "$out"
  mv "$work/large.values.json" "${out%.pdf}.values.json"
  echo "$out: $(pdfinfo "$out" | awk '/^Pages:/ {print $2}') pages"
  exit 0
fi

src="$work/src"
"$py" "$here/make.py" "$src"

# 1-6, 8: LibreOffice converts the DOCX and FODT sources.
"${lo[@]}" --convert-to pdf --outdir "$work" "$src"/*.docx "$src"/*.fodt >/dev/null
for name in brief-docx brief-odt twee-kolommen tabel; do
  cp "$work/$name.pdf" "$here/$name.pdf"
done
# 6: cairo rewrites LibreOffice's simple TrueType fonts as CID fonts (Type0, Identity-H).
pdftocairo -pdf "$work/cid.pdf" "$here/cid.pdf"
# 5: page 2 turned by 90 degrees (/Rotate), as a scanner or a viewer's "save rotated" leaves it.
qpdf "$work/gedraaid.pdf" --rotate=+90:2 "$here/gedraaid.pdf"
# 7: Type3 fonts from matplotlib.
"$py" "$here/make.py" --type3 "$here/type3.pdf"
# 8: the scan: a 300 dpi black-and-white image of the page, OCR'd into an image+text PDF.
pdftoppm -r 300 -mono -singlefile "$work/scan-bron.pdf" "$work/scan"
# (A PBM carries no resolution: without --dpi tesseract would assume 70 dpi and make a giant page.)
tesseract "$work/scan.pbm" "$work/scan-ocr" -l nld --psm 3 --dpi 300 pdf >/dev/null 2>&1
cp "$work/scan-ocr.pdf" "$here/scan.pdf"
# 9: the second scan, through ocrmypdf (plain PDF output, no PDF/A conversion).
pdftoppm -r 300 -gray -png -singlefile "$work/scan2-bron.pdf" "$work/scan2"
ocrmypdf --quiet -l nld --image-dpi 300 --output-type pdf --optimize 1 "$work/scan2.png" "$here/scan-ocrmypdf.pdf"
# 10: text turned inside the page.
"$py" "$here/make.py" --turned "$here/tekst-gedraaid.pdf"
# 11: inline images, by Ghostscript from PostScript (it writes small images inline).
"$py" "$here/make.py" --inline "$work/inline-beeld.ps"
ps2pdf -dCompatibilityLevel=1.5 "$work/inline-beeld.ps" "$here/inline-beeld.pdf"

# Which font types each PDF holds (the point of the corpus), recorded next to the PDFs.
{
  echo "# pdffonts of each PDF in this folder (written by make.sh)"
  for f in "$here"/*.pdf; do
    echo
    echo "## $(basename "$f") ($(pdfinfo "$f" | awk '/^Pages:/ {print $2}') pages)"
    pdffonts "$f"
  done
} >"$here/fonts.txt"

# Self-check: every value to redact and every neutral word is in each original's text layer,
# as pdftotext reads it (whitespace and hyphens dropped). Otherwise the corpus would test nothing.
"$py" - "$here" <<'EOF'
import json, re, subprocess, sys
from pathlib import Path
here = Path(sys.argv[1])
# Whitespace and hyphens are dropped on both sides: a value broken over two lines
# ("06-" / "28374615") is still found, whether or not pdftotext joins the halves.
fold = lambda s: re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", s)
bad = 0
for pdf, meta in json.loads((here / "values.json").read_text()).items():
    # pdftotext's layout order and its content-stream order (-raw): either will do here.
    text = "\n".join(fold(subprocess.run(["pdftotext", *mode, "-enc", "UTF-8", str(here / pdf), "-"],
                                         capture_output=True, text=True, check=True).stdout)
                      for mode in ([], ["-raw"]))
    for v in meta["redact"] + meta["keep"]:
        if fold(v) not in text:
            print(f"make.sh: {pdf}: not in the text layer: {v!r}", file=sys.stderr)
            bad += 1
sys.exit(1 if bad else 0)
EOF
du -ch "$here"/*.pdf | tail -n1
