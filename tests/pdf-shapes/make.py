#!/usr/bin/env python3
"""Writes the source documents of the PDF shapes corpus and values.json.

Called by make.sh, which converts the sources to PDF with independent tools (LibreOffice,
qpdf, matplotlib, pdftoppm + tesseract) and checks the result. Everyone in here is synthetic:
the names, addresses, e-mail addresses, phone numbers, IBANs and BSNs are made up (the IBANs
and BSNs pass their checksums so that a detector that checks them still sees them).

Usage: make.py SRC_DIR            write the sources into SRC_DIR and values.json next to this file
       make.py --inline OUT.ps    write the PostScript letter with inline images (for ps2pdf)
       make.py --large N OUT.fodt write an N-page letter series (for the benchmark, not committed)
"""

import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent


def iban(bank: str, account: str) -> str:
    """A Dutch IBAN with a valid check number, grouped by four as people write it."""
    bban = bank + account
    digits = "".join(str(int(c, 36)) for c in bban + "NL00")
    check = 98 - int(digits) % 97
    raw = f"NL{check:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def bsn(first8: str) -> str:
    """A BSN passing the eleven test (the last digit chosen to fit)."""
    s = sum(int(d) * w for d, w in zip(first8, range(9, 1, -1)))
    for last in range(10):
        if (s - last) % 11 == 0:
            return first8 + str(last)
    raise ValueError("no check digit; pick other digits")


# Synthetic people. Each has the values that must be gone after redaction.
P = [
    dict(name="Annemieke van den Berg", email="a.vandenberg@voorbeeldmail.nl", phone="06-41827365",
         street="Lindenlaan 14", postcode="3512 KT", town="Utrecht", iban=iban("RABO", "0301928374"), bsn=bsn("12345678")),
    dict(name="Mehmet Öztürk", email="m.ozturk@postbus-test.nl", phone="020-5551234",
         street="Vechtstraat 88", postcode="1078 RK", town="Amsterdam", iban=iban("INGB", "0006543210"), bsn=bsn("23456789")),
    dict(name="Şükrü Yıldırım", email="s.yildirim@voorbeeldmail.nl", phone="06-28374615",
         street="Tulpweg 3", postcode="7511 AB", town="Enschede", iban=iban("ABNA", "0417164300"), bsn=bsn("34567891")),
    dict(name="Geertruida Hoogendoorn", email="g.hoogendoorn@testdomein.nl", phone="010-4429981",
         street="Havenkade 201", postcode="3024 EZ", town="Rotterdam", iban=iban("TRIO", "0198765432"), bsn=bsn("45678912")),
    dict(name="Jan-Willem de Koning", email="jw.dekoning@voorbeeldmail.nl", phone="06-19283746",
         street="Molenstraat 7", postcode="6811 CJ", town="Arnhem", iban=iban("SNSB", "0912345678"), bsn=bsn("56789123")),
    dict(name="Priya Ramdin", email="p.ramdin@testdomein.nl", phone="070-3318842",
         street="Laan van Meerdervoort 520", postcode="2563 BG", town="Den Haag", iban=iban("RABO", "0123456789"), bsn=bsn("67891234")),
    dict(name="Hendrikus Bosscher", email="h.bosscher@postbus-test.nl", phone="050-3127744",
         street="Oosterstraat 45", postcode="9711 NS", town="Groningen", iban=iban("INGB", "0004455667"), bsn=bsn("78912345")),
    dict(name="Fenna Wiersma", email="f.wiersma@voorbeeldmail.nl", phone="06-55102938",
         street="Nieuwestad 19", postcode="8911 CK", town="Leeuwarden", iban=iban("ABNA", "0555666778"), bsn=bsn("89123456")),
]

# Neutral words and phrases that must survive redaction (they stand right next to the values).
NEUTRAL = ["gemeenteraad", "begrotingswijziging", "Omgevingswet",
           "bezwaarschrift", "Burgemeester en wethouders", "woont aan",
           "rekeningnummer", "telefonisch bereikbaar", "Hoogachtend", "Gemeente Voorbeeldstad"]


def letter_paragraphs(p: dict, q: dict, topic: str) -> list:
    """A short letter from the municipality about person p, mentioning person q."""
    return [
        "Gemeente Voorbeeldstad – Afdeling Vergunningen",
        f"Betreft: uw {topic}",
        f"Geachte mevrouw, geachte heer,",
        f"Op 3 maart heeft {p['name']} een {topic} ingediend. Burgemeester en wethouders hebben "
        f"de aanvraag getoetst aan de Omgevingswet en aan de begrotingswijziging die de "
        f"gemeenteraad in januari vaststelde.",
        f"De aanvrager woont aan de {p['street']}, {p['postcode']} {p['town']} en is telefonisch "
        f"bereikbaar op {p['phone']} of per e-mail via {p['email']}.",
        f"De leges worden afgeschreven van rekeningnummer {p['iban']}. Het burgerservicenummer "
        f"{p['bsn']} is alleen gebruikt voor de controle in de basisregistratie.",
        f"Tegen dit besluit kan een bezwaarschrift worden ingediend. De behandelend ambtenaar "
        f"is {q['name']}, bereikbaar via {q['email']}.",
        "Hoogachtend,",
        "Burgemeester en wethouders van Voorbeeldstad",
    ]


def values_of(*people, fields=("name", "email", "phone", "street", "postcode", "town", "iban", "bsn")):
    out = []
    for p in people:
        out += [p[f] for f in fields]
    return out


# ---------------------------------------------------------------------------------------------
# Flat ODT (FODT): LibreOffice's own XML format, written by hand so that the layout (columns,
# tables, page orientation, font) is exactly what we ask for.

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="{font}" svg:font-family="'{font}'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.2cm"/>
  <style:text-properties style:font-name="{font}" fo:font-size="{size}pt" fo:language="nl" fo:country="NL"/>
 </style:default-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="{w}" fo:page-height="{h}" style:print-orientation="{orient}"
   fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
 </style:page-layout>
 <style:style style:name="Sect2" style:family="section">
  <style:section-properties>
   <style:columns fo:column-count="2" fo:column-gap="0.8cm"/>
  </style:section-properties>
 </style:style>
 <style:style style:name="Tbl" style:family="table">
  <style:table-properties style:width="17cm" table:align="margins"/>
 </style:style>
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/>
 </style:style>
 <style:style style:name="Head" style:family="paragraph">
  <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Break" style:family="paragraph">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1"/>
</office:master-styles>
<office:body><office:text>
"""
FODT_TAIL = "</office:text></office:body></office:document>\n"


def fodt(body: str, font="DejaVu Serif", size=11, landscape=False) -> str:
    w, h, orient = ("29.7cm", "21cm", "landscape") if landscape else ("21cm", "29.7cm", "portrait")
    return FODT_HEAD.format(font=font, size=size, w=w, h=h, orient=orient) + body + FODT_TAIL


def para(text: str, style: str = "") -> str:
    attr = f' text:style-name="{style}"' if style else ""
    return f"<text:p{attr}>{escape(text)}</text:p>\n"


def table(rows: list) -> str:
    ncol = len(rows[0])
    out = '<table:table table:name="T1" table:style-name="Tbl">\n'
    out += f'<table:table-column table:number-columns-repeated="{ncol}"/>\n'
    for row in rows:
        out += "<table:table-row>"
        for cell in row:
            out += f'<table:table-cell table:style-name="Cell" office:value-type="string">{para(cell)}</table:table-cell>'
        out += "</table:table-row>\n"
    return out + "</table:table>\n"


# ---------------------------------------------------------------------------------------------


def write_sources(src: Path) -> dict:
    src.mkdir(parents=True, exist_ok=True)
    values = {}

    # 1. A plain letter as DOCX (python-docx), converted by LibreOffice: the Word route.
    import docx  # python-docx, from the venv
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(11)
    for t in letter_paragraphs(P[0], P[1], "subsidieaanvraag"):
        d.add_paragraph(t)
    d.save(src / "brief-docx.docx")
    values["brief-docx.pdf"] = dict(
        source="DOCX (python-docx) -> LibreOffice Writer -> PDF",
        redact=values_of(P[0]) + [P[1]["name"], P[1]["email"]],
        keep=NEUTRAL + ["subsidieaanvraag"])

    # 2. The same kind of letter as ODT (flat XML) in a CFF (PostScript-outline) font.
    body = "".join(para(t) for t in letter_paragraphs(P[2], P[3], "vergunning"))
    (src / "brief-odt.fodt").write_text(fodt(body, font="Nimbus Sans"), encoding="utf-8")
    values["brief-odt.pdf"] = dict(
        source="FODT -> LibreOffice Writer -> PDF (Nimbus Sans, an OpenType/CFF font)",
        redact=values_of(P[2]) + [P[3]["name"], P[3]["email"]],
        keep=NEUTRAL + ["vergunning"])

    # 3. Two columns: the text flows down the left column and on in the right one, so line
    #    breaks fall inside sentences and a value may be split over two lines.
    text = []
    for i, p in enumerate(P[:4]):
        q = P[(i + 1) % 4]
        text += letter_paragraphs(p, q, "subsidieaanvraag")[3:7]
    body = para("Raadsinformatiebrief: afgehandelde aanvragen", "Head")
    body += '<text:section text:style-name="Sect2" text:name="Kolommen">\n'
    body += "".join(para(t) for t in text)
    body += "</text:section>\n"
    (src / "twee-kolommen.fodt").write_text(fodt(body, size=10), encoding="utf-8")
    values["twee-kolommen.pdf"] = dict(
        source="FODT with a two-column section -> LibreOffice Writer -> PDF",
        redact=values_of(*P[:4]),
        keep=NEUTRAL[:6] + ["Raadsinformatiebrief", "subsidieaanvraag"])

    # 4. A table with the personal data in the cells (a typical 'overzicht bezwaarschriften').
    rows = [["Naam", "Adres", "Telefoon", "E-mail", "Rekeningnummer"]]
    for p in P[4:8]:
        rows.append([p["name"], f"{p['street']}, {p['postcode']} {p['town']}", p["phone"], p["email"], p["iban"]])
    body = para("Overzicht ingediende bezwaarschriften", "Head")
    body += para("De commissie bezwaarschriften behandelde de volgende zaken over de begrotingswijziging.")
    body += table(rows)
    body += para("De gemeenteraad wordt hierover in de volgende vergadering geïnformeerd.")
    (src / "tabel.fodt").write_text(fodt(body, size=9, landscape=True), encoding="utf-8")
    values["tabel.pdf"] = dict(
        source="FODT with a table, landscape page -> LibreOffice Writer -> PDF",
        redact=values_of(*P[4:8], fields=("name", "email", "phone", "street", "postcode", "town", "iban")),
        keep=["Overzicht ingediende bezwaarschriften", "commissie bezwaarschriften",
              "begrotingswijziging", "gemeenteraad", "Rekeningnummer", "Telefoon"])

    # 5. Rotated: page 1 portrait, page 2 the same kind of letter, turned by /Rotate 90 (qpdf).
    body = "".join(para(t) for t in letter_paragraphs(P[4], P[5], "vergunning"))
    body += "".join(para(t, "Break" if i == 0 else "") for i, t in
                    enumerate(letter_paragraphs(P[6], P[7], "subsidieaanvraag")))
    (src / "gedraaid.fodt").write_text(fodt(body), encoding="utf-8")
    values["gedraaid.pdf"] = dict(
        source="FODT -> LibreOffice Writer -> PDF; qpdf --rotate=+90:2 turns page 2",
        redact=values_of(P[4], P[6]) + [P[5]["name"], P[5]["email"], P[7]["name"], P[7]["email"]],
        keep=NEUTRAL + ["vergunning", "subsidieaanvraag"])

    # 6. CID font: names outside WinAnsi (Turkish dotless i, s-cedilla) in a TrueType font.
    #    LibreOffice 7.4 writes simple TrueType fonts; make.sh rewrites its PDF with cairo
    #    (pdftocairo -pdf), which embeds every font as a Type0 font with Identity-H encoding.
    body = "".join(para(t) for t in letter_paragraphs(P[2], P[1], "subsidieaanvraag"))
    body += para("Aanvullende gegevens: de aanvrager Şükrü Yıldırım verwijst naar de "
                 "zienswijze van Mehmet Öztürk over de Omgevingswet.")
    (src / "cid.fodt").write_text(fodt(body, font="DejaVu Sans"), encoding="utf-8")
    values["cid.pdf"] = dict(
        source="FODT, DejaVu Sans with non-WinAnsi letters -> LibreOffice Writer -> PDF -> pdftocairo -pdf (CID TrueType, Identity-H)",
        redact=values_of(P[2]) + [P[1]["name"], P[1]["email"]],
        keep=NEUTRAL + ["subsidieaanvraag", "Aanvullende gegevens", "zienswijze"])

    # 7. Type3: matplotlib's PDF backend embeds its fonts as Type3 by default (pdf.fonttype 3);
    #    written by make_type3() below, run by make.sh inside the venv.
    values["type3.pdf"] = dict(
        source="matplotlib PDF backend, pdf.fonttype 3 (DejaVu Sans as Type3 glyph procedures)",
        redact=values_of(P[6], fields=("name", "email", "phone", "street", "postcode", "town", "iban")) + [P[7]["name"]],
        keep=["Gemeente Voorbeeldstad", "subsidieaanvraag", "Omgevingswet", "woont aan",
              "rekeningnummer", "telefonisch bereikbaar", "Hoogachtend", "Gemeente Voorbeeldstad"])

    # 8. A scanned page: a plain letter rendered to an image, OCR'd with tesseract (nld) into
    #    a PDF with an invisible text layer. ASCII-only values in a large font so that the OCR
    #    reads them exactly (make.sh checks that it did).
    body = "".join(para(t) for t in letter_paragraphs(P[7], P[6], "vergunning")[:7])
    (src / "scan-bron.fodt").write_text(fodt(body, font="DejaVu Sans", size=13), encoding="utf-8")
    values["scan.pdf"] = dict(
        source="FODT -> LibreOffice -> pdftoppm 300 dpi PNG -> tesseract -l nld pdf (image + OCR text layer)",
        redact=values_of(P[7], fields=("name", "email", "phone", "street", "postcode", "town", "iban", "bsn"))
        + [P[6]["name"], P[6]["email"]],
        keep=["Voorbeeldstad", "Omgevingswet", "gemeenteraad", "woont aan", "rekeningnummer",
              "bezwaarschrift"],
        # The values are in the page image too: bench/redact_peers.py OCRs the redacted page.
        ocr_check=True)
    # 9. A second scan, OCR'd by ocrmypdf (tesseract underneath, its own PDF assembly): a
    #    grey 300 dpi image given to ocrmypdf as an image file.
    body = "".join(para(t) for t in letter_paragraphs(P[0], P[3], "subsidieaanvraag")[:6])
    (src / "scan2-bron.fodt").write_text(fodt(body, font="DejaVu Serif", size=13), encoding="utf-8")
    values["scan-ocrmypdf.pdf"] = dict(
        source="FODT -> LibreOffice -> pdftoppm 300 dpi grey PNG -> ocrmypdf -l nld (image + OCR text layer)",
        redact=values_of(P[0], fields=("name", "email", "phone", "street", "postcode", "town", "iban", "bsn")),
        keep=["Voorbeeldstad", "Omgevingswet", "gemeenteraad", "woont", "rekeningnummer"],
        ocr_check=True)

    # 10. Text turned inside the page (not the page itself): margin notes at 90 and 270
    #     degrees, by matplotlib with TrueType (pdf.fonttype 42, written as CID) fonts.
    values["tekst-gedraaid.pdf"] = dict(
        source="matplotlib PDF backend, pdf.fonttype 42; lines at 0, 90 and 270 degrees",
        redact=[P[4]["name"], P[4]["email"], P[4]["phone"], P[5]["name"], P[5]["iban"]],
        keep=["Gemeente Voorbeeldstad", "Kenmerk", "behandeld", "Omgevingswet", "Hoogachtend"])

    # 11. Inline images: a PostScript letter whose signature field is a black-and-white image
    #     with the name in its pixels under the printed name, and a small grey logo; Ghostscript
    #     (ps2pdf) writes both as inline images (BI ... ID ... EI), the first CCITT G4 encoded.
    p = P[5]
    values["inline-beeld.pdf"] = dict(
        source="PostScript (make.py --inline) -> ps2pdf (Ghostscript): inline CCITT G4 and Flate images, Helvetica",
        redact=[p["name"], p["street"], p["postcode"], p["town"], p["phone"], p["email"]],
        keep=["Gemeente Voorbeeldstad", "bezwaarschrift", "Omgevingswet", "woont aan",
              "Hoogachtend", "Handtekening aanvrager"],
        # The name is in the signature image too: the OCR check reads the rendered page.
        ocr_check=True)
    return values


def make_inline_ps(out: Path) -> None:
    """A letter in PostScript with two images small enough for Ghostscript to write inline."""
    from PIL import Image, ImageDraw, ImageFont

    p = P[5]
    # 19 px at 2 px/pt: about as wide as the printed 11 pt Helvetica name.
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 19)
    # The signature field: 2 pixels per point over 240 x 20 pt, the name written in it on the
    # printed name's baseline (5 pt above the field's foot), and a neutral word after it.
    w, h = 480, 40
    sig = Image.new("1", (w, h), 1)
    draw = ImageDraw.Draw(sig)
    draw.text((0, 30), p["name"], font=font, fill=0, anchor="ls")
    draw.text((300, 30), "getekend", font=font, fill=0, anchor="ls")
    sig_hex = sig.tobytes().hex()
    logo = bytes((x * 16 + y * 8) % 256 for y in range(16) for x in range(16)).hex()

    def hexlines(h: str) -> str:
        return "\n".join(h[i:i + 78] for i in range(0, len(h), 78))

    lines = [
        "Gemeente Voorbeeldstad",
        "Betreft: uw bezwaarschrift over de Omgevingswet",
        "",
        f"Het bezwaarschrift van {p['name']} is ontvangen. De indiener woont aan de",
        f"{p['street']}, {p['postcode']} {p['town']}, en is bereikbaar op {p['phone']}",
        f"of via {p['email']}.",
        "",
        "Hoogachtend,",
        "",
        "Handtekening aanvrager:",
    ]
    text = "\n".join(f"72 {760 - 16 * i} moveto ({t}) show" for i, t in enumerate(lines) if t)
    ps = f"""%!PS-Adobe-3.0
%%BoundingBox: 0 0 595 842
%%Title: inline images (pdfbench corpus)
%%EndComments
/Helvetica findfont 11 scalefont setfont
{text}
gsave 72 {592 - 5} translate 240 20 scale
{w} {h} 1 [{w} 0 0 -{h} 0 {h}] {{currentfile {w // 8} string readhexstring pop}} image
{hexlines(sig_hex)}
grestore
72 592 moveto ({p['name']}) show
gsave 480 750 translate 40 40 scale
16 16 8 [16 0 0 -16 0 16] {{<{logo}>}} image
grestore
showpage
"""
    out.write_text(ps, encoding="ascii")


def make_turned_text(out: Path) -> None:
    import matplotlib

    matplotlib.use("pdf")
    matplotlib.rcParams["pdf.fonttype"] = 42
    matplotlib.rcParams["font.family"] = "DejaVu Sans"
    import matplotlib.pyplot as plt

    p, q = P[4], P[5]
    fig = plt.figure(figsize=(8.27, 11.69))  # A4
    lines = [
        "Gemeente Voorbeeldstad",
        "Betreft: toetsing aan de Omgevingswet",
        f"Het verzoek van {p['name']} is behandeld.",
        f"Vragen: {p['phone']} of {p['email']}.",
        "Hoogachtend,",
    ]
    for i, line in enumerate(lines):
        fig.text(0.15, 0.92 - i * 0.03, line, fontsize=11)
    # A margin note running up the left edge, as registration stamps do.
    fig.text(0.05, 0.2, f"Kenmerk 2026-0412, behandeld door {q['name']}", rotation=90, fontsize=9)
    # A note running down the right edge. (A slanted stamp was tried too: pdftotext cannot
    # read diagonal text as a line, so a check by pdftotext would prove nothing there.)
    fig.text(0.93, 0.7, f"Betaald via {q['iban']}", rotation=270, fontsize=11)
    fig.savefig(out, metadata={"Creator": "matplotlib (pdfbench corpus)", "CreationDate": None})


def make_type3(out: Path) -> None:
    import matplotlib

    matplotlib.use("pdf")
    matplotlib.rcParams["pdf.fonttype"] = 3
    matplotlib.rcParams["font.family"] = "DejaVu Sans"
    import matplotlib.pyplot as plt

    p, q = P[6], P[7]
    lines = [
        "Gemeente Voorbeeldstad",
        "Betreft: uw subsidieaanvraag",
        "",
        f"De subsidieaanvraag van {p['name']} is getoetst aan de Omgevingswet.",
        f"De aanvrager woont aan de {p['street']}, {p['postcode']} {p['town']}",
        f"en is telefonisch bereikbaar op {p['phone']} of via {p['email']}.",
        f"Het bedrag wordt overgemaakt op rekeningnummer {p['iban']}.",
        f"Contactpersoon: {q['name']}.",
        "",
        "Hoogachtend,",
        "Burgemeester en wethouders van Voorbeeldstad",
    ]
    fig = plt.figure(figsize=(8.27, 11.69))  # A4
    for i, line in enumerate(lines):
        fig.text(0.08, 0.92 - i * 0.03, line, fontsize=11)
    fig.savefig(out, metadata={"Creator": "matplotlib (pdfbench corpus)", "CreationDate": None})


def write_large(pages: int, out: Path) -> dict:
    """An N-page series of letters (one per page), each about other synthetic people."""
    body = ""
    redact = []
    for i in range(pages):
        # Vary the people so the values differ per page: new house numbers, phones, names.
        base = P[i % len(P)]
        p = dict(base)
        p["street"] = base["street"].rsplit(" ", 1)[0] + f" {i + 1}"
        p["phone"] = base["phone"][:-4] + f"{(1000 + i * 37) % 10000:04d}"
        p["email"] = base["email"].replace("@", f"{i}@")
        q = P[(i + 3) % len(P)]
        for j, t in enumerate(letter_paragraphs(p, q, "subsidieaanvraag")):
            body += para(t, "Break" if (j == 0 and i > 0) else "")
        redact += [p["street"], p["phone"], p["email"]]
    out.write_text(fodt(body), encoding="utf-8")
    redact += values_of(*P, fields=("name", "postcode", "town", "iban", "bsn"))
    return dict(source=f"FODT, {pages} one-page letters -> LibreOffice", redact=sorted(set(redact)), keep=NEUTRAL)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--large":
        meta = write_large(int(sys.argv[2]), Path(sys.argv[3]))
        Path(sys.argv[3]).with_suffix(".values.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1))
    elif len(sys.argv) == 3 and sys.argv[1] == "--type3":
        make_type3(Path(sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] == "--turned":
        make_turned_text(Path(sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] == "--inline":
        make_inline_ps(Path(sys.argv[2]))
    elif len(sys.argv) == 2:
        vals = write_sources(Path(sys.argv[1]))
        (HERE / "values.json").write_text(json.dumps(vals, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        sys.exit(__doc__)
