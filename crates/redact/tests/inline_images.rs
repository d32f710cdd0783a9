//! Inline images (`BI … ID … EI`) under a redaction box: painted black under the box only,
//! the rest of the image and other inline images unchanged; undecodable ones blacked out whole.

mod common;

use std::io::{Read, Write};

use grondslag_redact::{redact_pdf_with_warnings, Grounds};
use lopdf::{dictionary, Document, Object, Stream};

const W: usize = 60;
const H: usize = 8;

/// Grey "text-like" pixels: a light background with dark strokes, never 0.
fn pixels() -> Vec<u8> {
    (0..W * H)
        .map(|i| {
            let (x, y) = (i % W, i / W);
            if (x % 3 == 0 && (2..6).contains(&y)) || y == 4 {
                60
            } else {
                200
            }
        })
        .collect()
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn hex(data: &[u8]) -> String {
    data.iter().map(|b| format!("{b:02x}")).collect::<String>() + ">"
}

/// A page: an inline image behind the line with the name (300 × 40 pt at 90,690: one pixel is
/// 5 pt), the name, and a second inline image elsewhere on the page.
fn pdf_with(image: &[u8], other: &[u8]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let mut content = b"q 300 0 0 40 90 690 cm\n".to_vec();
    content.extend_from_slice(image);
    content.extend_from_slice(b"\nQ\nq 60 0 0 8 90 500 cm\n");
    content.extend_from_slice(other);
    content.extend_from_slice(
        b"\nQ\nBT /F1 12 Tf 100 700 Td (Bram Vlinder woont in de gemeente) Tj ET\n",
    );
    let contents = doc.add_object(Stream::new(dictionary! {}, content));
    let pages_id = doc.new_object_id();
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => contents,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn redact_name(pdf: &[u8]) -> (Vec<u8>, Vec<String>) {
    let text = "Bram Vlinder";
    let spans = [grondslag_redact::Span::new(0, text.len(), "person")];
    redact_pdf_with_warnings(pdf, text, &spans, &Grounds::woo_default()).expect("redacted")
}

fn page_content(pdf: &[u8]) -> Vec<u8> {
    let doc = Document::load_mem(pdf).unwrap();
    let (_, page) = doc.get_pages().into_iter().next().unwrap();
    doc.get_page_content(page).unwrap()
}

/// The samples of the first inline image the redactor wrote (`/F [/AHx /Fl]`).
fn first_written_image(content: &[u8]) -> (String, Vec<u8>) {
    let bi = find(content, b"BI ").expect("an inline image");
    let id = bi + find(&content[bi..], b" ID ").unwrap();
    let dict = String::from_utf8_lossy(&content[bi..id]).into_owned();
    let start = id + 4;
    let end = start + content[start..].iter().position(|&b| b == b'>').unwrap();
    let digits: Vec<u8> = content[start..end]
        .iter()
        .copied()
        .filter(u8::is_ascii_hexdigit)
        .collect();
    let bytes: Vec<u8> = digits
        .chunks(2)
        .map(|c| u8::from_str_radix(std::str::from_utf8(c).unwrap(), 16).unwrap())
        .collect();
    let mut samples = Vec::new();
    flate2::read::ZlibDecoder::new(&bytes[..])
        .read_to_end(&mut samples)
        .unwrap();
    (dict, samples)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Checks the painted image: black exactly in a rectangle around the name's pixels, the rest as
/// it was.
fn check_painted(samples: &[u8]) {
    let original = pixels();
    assert_eq!(samples.len(), original.len());
    let changed: Vec<(usize, usize)> = (0..W * H)
        .filter(|&i| samples[i] != original[i])
        .map(|i| (i % W, i / W))
        .collect();
    assert!(!changed.is_empty(), "nothing painted");
    for &(x, y) in &changed {
        assert_eq!(
            samples[y * W + x],
            0,
            "painted pixel ({x},{y}) is not black"
        );
    }
    // The name runs from x 100 to about 170 pt and y 697 to 711 pt: pixel columns 2–15, rows
    // 3–6 (rows counted from the top, 5 pt each). All of it is black, nothing far from it is.
    for x in 2..16 {
        for y in 4..7 {
            assert_eq!(samples[y * W + x], 0, "pixel ({x},{y}) under the name kept");
        }
    }
    for &(x, y) in &changed {
        assert!(
            (1..=17).contains(&x) && (3..=7).contains(&y),
            "({x},{y}) painted"
        );
    }
}

#[test]
fn flate_inline_image_is_painted_under_the_box_only() {
    let data = zlib(&pixels());
    let mut image = format!("BI /W {W} /H {H} /CS /G /BPC 8 /F /Fl ID ").into_bytes();
    image.extend_from_slice(&data);
    image.extend_from_slice(b"\nEI");
    let other = b"BI /W 2 /H 1 /CS /G /BPC 8 ID \x10\x20\nEI".to_vec();
    let (out, warnings) = redact_name(&pdf_with(&image, &other));
    assert!(warnings.is_empty(), "{warnings:?}");
    let content = page_content(&out);
    assert!(find(&content, &data).is_none(), "old image data survived");
    let (_, samples) = first_written_image(&content);
    check_painted(&samples);
    // The other image is written back byte for byte.
    assert!(find(&content, &other).is_some());
    if let Some(text) = common::pdftotext(&out) {
        assert!(!text.contains("Vlinder") && text.contains("woont in de gemeente"));
    }
    // An independent reader draws it so: at 72 dpi one pixel is one point. Left of the black
    // box (x < 100), within the painted margin, the image is black; far right it is as it was.
    if let Some((width, grey)) = render(&out) {
        let at = |x: usize, y_up: usize| grey[(842 - y_up) * width + x];
        assert!(at(97, 712) < 10, "{}", at(97, 712));
        assert!((190..=210).contains(&at(307, 712)), "{}", at(307, 712));
    }
}

/// The page rendered by poppler at 72 dpi in grey: (width, samples); `None` without poppler.
fn render(pdf: &[u8]) -> Option<(usize, Vec<u8>)> {
    if !common::require_tool("pdftoppm") {
        return None;
    }
    let dir = tempfile::tempdir().ok()?;
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).ok()?;
    let out = std::process::Command::new("pdftoppm")
        .args(["-gray", "-r", "72", "-singlefile"])
        .arg(&path)
        .arg(dir.path().join("x"))
        .output()
        .expect("run pdftoppm");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pgm = std::fs::read(dir.path().join("x.pgm")).ok()?;
    // P5\n<w> <h>\n255\n<samples>
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        let end = at + pgm[at..].iter().position(|b| b.is_ascii_whitespace())?;
        fields.push(String::from_utf8_lossy(&pgm[at..end]).into_owned());
        at = end + 1;
    }
    let width: usize = fields[1].parse().ok()?;
    Some((width, pgm[at..].to_vec()))
}

#[test]
fn abbreviated_filters_and_raw_images_are_painted() {
    let raw = pixels();
    let mut unfiltered = format!("BI /W {W} /H {H} /CS /DeviceGray /BPC 8 ID ").into_bytes();
    unfiltered.extend_from_slice(&raw);
    unfiltered.extend_from_slice(b"\nEI");
    let ahx = format!(
        "BI /W {W} /H {H} /CS /G /BPC 8 /F [/AHx /Fl] ID {}\nEI",
        hex(&zlib(&raw))
    )
    .into_bytes();
    let a_to_hex = format!(
        "BI /Width {W} /Height {H} /ColorSpace /G /BitsPerComponent 8 /Filter /ASCIIHexDecode ID {}\nEI",
        hex(&raw)
    )
    .into_bytes();
    for image in [unfiltered, ahx, a_to_hex] {
        let (out, warnings) = redact_name(&pdf_with(&image, b""));
        assert!(warnings.is_empty(), "{warnings:?}");
        let (_, samples) = first_written_image(&page_content(&out));
        check_painted(&samples);
    }
}

#[test]
fn undecodable_inline_image_is_blacked_out_with_a_warning() {
    // Not a JPEG: the DCT decoder fails, so the whole image goes.
    let image = format!("BI /W {W} /H {H} /CS /G /BPC 8 /F [/AHx /DCT] ID 00ff00ff>\nEI");
    let (out, warnings) = redact_name(&pdf_with(image.as_bytes(), b""));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("inline image") && !warnings[0].contains("Vlinder"));
    let content = page_content(&out);
    assert!(find(&content, b"00ff00ff").is_none());
    let (dict, samples) = first_written_image(&content);
    assert!(dict.contains("/CS/G") || dict.contains("/CS /G"), "{dict}");
    assert_eq!(samples, vec![0u8; W * H]);
}

#[test]
fn pages_without_a_value_keep_their_inline_images() {
    // The name is not under this image; it is still written back whole (lopdf alone would drop
    // a filtered inline image from the content).
    let data = zlib(&pixels());
    let mut other = format!("BI /W {W} /H {H} /CS /G /BPC 8 /F /Fl ID ").into_bytes();
    other.extend_from_slice(&data);
    other.extend_from_slice(b"\nEI");
    let (out, _) = redact_name(&pdf_with(b"", &other));
    assert!(find(&page_content(&out), &other).is_some());
}

/// `tests/pdf-shapes/inline-beeld.pdf`: Ghostscript wrote the signature field (the name in its
/// pixels, under the printed name) as an inline CCITT G4 image and a logo as an inline Flate
/// image with a PNG predictor.
#[test]
fn ghostscript_inline_images() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/pdf-shapes/inline-beeld.pdf"
    );
    let original = std::fs::read(path).expect("tests/pdf-shapes/inline-beeld.pdf");
    let text = "Priya Ramdin\np.ramdin@testdomein.nl\n070-3318842";
    let spans = [
        grondslag_redact::Span::new(0, 12, "person"),
        grondslag_redact::Span::new(13, 35, "email"),
        grondslag_redact::Span::new(36, 47, "phone"),
    ];
    let (out, warnings) =
        redact_pdf_with_warnings(&original, text, &spans, &Grounds::woo_default()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let content = page_content(&out);
    // The signature image was decoded and rewritten (480 × 40, 1 bit): under the printed name
    // (about 72–140 pt of the 72–312 pt field, 2 pixels per point) it is black now; the
    // neutral word from pixel 300 on is as it was, and the logo was written back unchanged.
    let (dict, samples) = first_written_image(&content);
    assert!(dict.contains("/W 480"), "{dict}");
    let row = 60;
    let bit = |s: &[u8], x: usize, y: usize| s[y * row + x / 8] >> (7 - x % 8) & 1;
    for y in 14..36 {
        for x in 2..130 {
            assert_eq!(bit(&samples, x, y), 0, "({x},{y}) not black");
        }
    }
    let original_content = page_content(&original);
    let original_bits = g4_of_first_inline_image(&original_content, 480, 40);
    for y in 0..40 {
        for x in 300..480 {
            assert_eq!(
                bit(&samples, x, y),
                original_bits[y * row + x / 8] >> (7 - x % 8) & 1
            );
        }
    }
    assert_eq!(
        content.windows(3).filter(|w| w == b"BI\n").count(),
        1,
        "the logo is kept as Ghostscript wrote it"
    );
    if let Some(text) = common::pdftotext(&out) {
        for gone in ["Ramdin", "testdomein", "3318842"] {
            assert!(!text.contains(gone), "{gone}");
        }
        assert!(text.contains("Handtekening aanvrager"));
    }
}

/// Decodes the CCITT G4 data of the first inline image in `content` into 1-bit rows (0 black).
fn g4_of_first_inline_image(content: &[u8], width: usize, height: usize) -> Vec<u8> {
    let id = find(content, b"\nID ").expect("ID");
    let start = id + 4;
    let end = start + find(&content[start..], b"\nEI").expect("EI");
    let row_bytes = width.div_ceil(8);
    let mut out = Vec::new();
    fax::decoder::decode_g4(
        content[start..end].iter().copied(),
        width as u32,
        Some(height as u32),
        |transitions| {
            let mut row = vec![0u8; row_bytes];
            for (x, c) in fax::decoder::pels(transitions, width as u32).enumerate() {
                if c == fax::Color::White {
                    row[x / 8] |= 0x80 >> (x % 8);
                }
            }
            out.extend_from_slice(&row);
        },
    )
    .expect("G4 data");
    out.truncate(row_bytes * height);
    out
}
