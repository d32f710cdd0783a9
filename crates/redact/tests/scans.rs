//! Scanned pages: an image of the page with an invisible OCR text layer. Redaction must take the
//! value out of the text layer and paint only its area of the image black, not the whole page.

mod common;

use std::io::Write;
use std::process::Command;

use grondslag_redact::{redact_pdf_with_warnings, Grounds};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).expect("fixture")
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Mean grey (0 black..255 white) of the first page rendered at 20 dpi, if poppler is installed.
fn mean_grey(pdf: &[u8]) -> Option<f64> {
    if !common::require_tool("pdftoppm") {
        return None;
    }
    let dir = tempfile::tempdir().ok()?;
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).ok()?;
    let root = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", "20", "-gray", "-singlefile"])
        .arg(&path)
        .arg(&root)
        .status()
        .expect("run pdftoppm");
    assert!(status.success(), "pdftoppm failed");
    let pgm = std::fs::read(dir.path().join("page.pgm")).ok()?;
    // P5 header: magic, width, height, maxval, then one byte per pixel.
    let mut fields = 0;
    let mut at = 0;
    while fields < 4 && at < pgm.len() {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields += 1;
    }
    let pixels = &pgm[at + 1..];
    Some(pixels.iter().map(|&p| f64::from(p)).sum::<f64>() / pixels.len() as f64)
}

fn redact_values(original: &[u8], values: &[&str]) -> (Vec<u8>, Vec<String>) {
    let list: Vec<(&str, &str)> = values.iter().map(|v| ("person", *v)).collect();
    let (text, spans) = common::values_as_spans(&list);
    redact_pdf_with_warnings(original, &text, &spans, &Grounds::woo_default())
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn scanned_fixtures_lose_only_the_values() {
    let cases: [(&str, &[&str], &[&str]); 2] = [
        (
            // tesseract's PDF renderer: text on the page, CCITT G4 image.
            "scan-tesseract.pdf",
            &[
                "Fenna Wiersma",
                "f.wiersma@voorbeeldmail.nl",
                "06-55102938",
                "Nieuwestad 19",
                "891234561",
                "h.bosscher@postbus-test.nl",
                "NL77 ABNA 0555 6667 78",
            ],
            &["Voorbeeldstad", "Omgevingswet", "gemeenteraad", "woont aan"],
        ),
        (
            // ocrmypdf: text layer in a form XObject drawn before the image (Flate, PNG predictor).
            "scan-ocrmypdf.pdf",
            &[
                "Annemieke van den Berg",
                "a.vandenberg@voorbeeldmail.nl",
                "06-41827365",
                "Lindenlaan 14",
                "123456782",
                "NL75 RABO 0301 9283 74",
            ],
            &["Voorbeeldstad", "Omgevingswet", "gemeenteraad", "woont"],
        ),
    ];
    for (name, values, kept) in cases {
        let original = fixture(name);
        let (out, warnings) = redact_values(&original, values);
        assert!(
            warnings.iter().all(|w| !w.contains("black image")),
            "{name}: {warnings:?}"
        );
        let doc = Document::load_mem(&out).expect("output loads");
        assert!(
            doc.objects.values().all(|o| o
                .as_stream()
                .map(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form"))
                .unwrap_or(true)),
            "{name}: a form XObject with the old text layer survived"
        );
        let Some(after) = common::pdftotext(&out) else {
            return;
        };
        let after = squash(&after);
        for v in values {
            assert!(!after.contains(&squash(v)), "{name}: a value survived");
        }
        for k in kept {
            assert!(after.contains(&squash(k)), "{name}: lost {k}");
        }
        let (Some(before), Some(now)) = (mean_grey(&original), mean_grey(&out)) else {
            return;
        };
        // The boxes darken the page a little; a blacked-out page would be near 0.
        assert!(
            now > before - 10.0,
            "{name}: page went dark ({before:.0} -> {now:.0})"
        );
        assert!(now < before - 0.5, "{name}: no box painted");
    }
}

/// Image encodings for the synthetic scan.
#[derive(Clone, Copy, Debug)]
enum Sample {
    Grey8,
    /// One bit per pixel with Decode [1 0]: a 1 bit is black.
    Bit1Inverted,
    Rgb8,
    /// A palette of white (index 0) and black (index 1).
    Indexed,
    /// Grey with a half-transparent soft mask of half the resolution.
    Grey8SoftMask,
    /// A baseline RGB JPEG (written by poppler's pdftoppm).
    JpegRgb,
    /// Not decodable here: the image is blacked out whole, with a warning.
    Jpeg,
}

/// A 200×100 pt page: a white 200×100 px image (1 px per pt) drawn after an invisible text layer
/// in a form XObject, one word per TJ, as ocrmypdf writes it.
fn synthetic_scan(sample: Sample) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
    });
    let (w, h) = (200usize, 100usize);
    let (mut dict, data) = match sample {
        Sample::Grey8 => (
            dictionary! { "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
            vec![255u8; w * h],
        ),
        Sample::Indexed => (
            dictionary! {
                "ColorSpace" => vec![
                    "Indexed".into(),
                    "DeviceRGB".into(),
                    1.into(),
                    Object::String(vec![255, 255, 255, 0, 0, 0], lopdf::StringFormat::Hexadecimal),
                ],
                "BitsPerComponent" => 8,
            },
            vec![0u8; w * h],
        ),
        Sample::Grey8SoftMask => {
            let mask = doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject",
                    "Subtype" => "Image",
                    "Width" => 100,
                    "Height" => 50,
                    "ColorSpace" => "DeviceGray",
                    "BitsPerComponent" => 8,
                },
                vec![128u8; 100 * 50],
            ));
            (
                dictionary! {
                    "ColorSpace" => "DeviceGray",
                    "BitsPerComponent" => 8,
                    "SMask" => mask,
                },
                vec![255u8; w * h],
            )
        }
        Sample::Bit1Inverted => (
            dictionary! {
                "ColorSpace" => "DeviceGray",
                "BitsPerComponent" => 1,
                "Decode" => vec![1.into(), 0.into()],
            },
            vec![0u8; w.div_ceil(8) * h],
        ),
        Sample::Rgb8 => (
            dictionary! { "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8 },
            vec![255u8; w * h * 3],
        ),
        Sample::JpegRgb => (
            dictionary! {
                "ColorSpace" => "DeviceRGB",
                "BitsPerComponent" => 8,
                "Filter" => "DCTDecode",
            },
            fixture("white-200x100.jpg"),
        ),
        Sample::Jpeg => (
            dictionary! {
                "ColorSpace" => "DeviceGray",
                "BitsPerComponent" => 8,
                "Filter" => "DCTDecode",
            },
            vec![0xff, 0xd8, 0xff, 0xd9],
        ),
    };
    dict.set("Type", "XObject");
    dict.set("Subtype", "Image");
    dict.set("Width", w as i64);
    dict.set("Height", h as i64);
    let data = if matches!(sample, Sample::Jpeg | Sample::JpegRgb) {
        data
    } else {
        dict.set("Filter", "FlateDecode");
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(&data).unwrap();
        e.finish().unwrap()
    };
    let image_id = doc.add_object(Stream::new(dict, data));
    let word = |x: f32, s: &str| {
        vec![
            Operation::new(
                "Tm",
                vec![
                    1.into(),
                    0.into(),
                    0.into(),
                    1.into(),
                    Object::Real(x),
                    50.into(),
                ],
            ),
            Operation::new("TJ", vec![Object::Array(vec![Object::string_literal(s)])]),
        ]
    };
    let mut text = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tr", vec![3.into()]),
        Operation::new("Tf", vec!["F0".into(), 10.into()]),
    ];
    text.extend(word(10.0, "Gesproken "));
    text.extend(word(70.0, "met "));
    text.extend(word(95.0, "Bram "));
    text.extend(word(125.0, "Vlinder."));
    text.push(Operation::new("ET", vec![]));
    let form_id = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 200.into(), 100.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F0" => font_id } },
        },
        Content { operations: text }.encode().unwrap(),
    ));
    let page_content = b"q /Fm0 Do Q q 200 0 0 100 0 0 cm /Im0 Do Q".to_vec();
    let content_id = doc.add_object(Stream::new(dictionary! {}, page_content));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 200.into(), 100.into()],
        "Contents" => content_id,
        "Resources" => dictionary! {
            "XObject" => dictionary! { "Fm0" => form_id, "Im0" => image_id },
        },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// The output's image as (is the pixel black) per pixel, row 0 at the top.
fn black_pixels(pdf: &[u8]) -> Vec<Vec<bool>> {
    let doc = Document::load_mem(pdf).unwrap();
    let image = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .find(|s| {
            s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image")
                && s.dict.get(b"Width").and_then(Object::as_i64).ok() == Some(200)
        })
        .expect("an image");
    assert!(image.dict.get(b"DecodeParms").is_err());
    let data = image.decompressed_content().unwrap();
    let bpc = image
        .dict
        .get(b"BitsPerComponent")
        .unwrap()
        .as_i64()
        .unwrap();
    let indexed = image.dict.get(b"ColorSpace").unwrap().as_array().is_ok();
    let comps = match image.dict.get(b"ColorSpace").unwrap().as_name() {
        Ok(b"DeviceRGB") => 3,
        _ => 1,
    };
    let inverted = image.dict.get(b"Decode").is_ok();
    (0..100)
        .map(|y| {
            (0..200)
                .map(|x| match bpc {
                    1 => {
                        let bit = data[y * 25 + x / 8] >> (7 - x % 8) & 1;
                        (bit == 1) == inverted
                    }
                    _ if indexed => data[y * 200 + x] == 1,
                    _ => (0..comps).all(|c| data[(y * 200 + x) * comps + c] == 0),
                })
                .collect()
        })
        .collect()
}

#[test]
fn only_the_value_is_painted_into_the_image() {
    for sample in [
        Sample::Grey8,
        Sample::Bit1Inverted,
        Sample::Rgb8,
        Sample::JpegRgb,
        Sample::Indexed,
        Sample::Grey8SoftMask,
    ] {
        let (out, warnings) = redact_values(&synthetic_scan(sample), &["Bram Vlinder"]);
        assert!(warnings.is_empty(), "{sample:?}: {warnings:?}");
        let black = black_pixels(&out);
        // Baseline at y = 50 pt, i.e. image row 50; the value runs from x = 95 to about 160.
        assert!(black[47][100], "{sample:?}: value's pixels kept");
        assert!(black[47][150], "{sample:?}: value's pixels kept");
        assert!(!black[47][30], "{sample:?}: neighbour word painted");
        assert!(!black[10][100], "{sample:?}: far pixels painted");
        let count: usize = black.iter().flatten().filter(|b| **b).count();
        if matches!(sample, Sample::Grey8SoftMask) {
            // The soft mask is made opaque under the box, so the black shows.
            let doc = Document::load_mem(&out).unwrap();
            let mask = doc
                .objects
                .values()
                .filter_map(|o| o.as_stream().ok())
                .find(|s| s.dict.get(b"Width").and_then(Object::as_i64).ok() == Some(100))
                .expect("the soft mask")
                .decompressed_content()
                .unwrap();
            assert_eq!(mask[23 * 100 + 50], 255, "soft mask not painted");
            assert_eq!(mask[23 * 100 + 15], 128, "soft mask painted too far");
        }
        assert!(count < 200 * 100 / 10, "{sample:?}: {count} black pixels");
        if let Some(text) = common::pdftotext(&out) {
            assert!(
                !text.contains("Bram") && !text.contains("Vlinder"),
                "{text}"
            );
            assert!(text.contains("Gesproken") && text.contains("met"), "{text}");
        }
    }
}

#[test]
fn undecodable_image_is_blacked_out_whole_with_a_warning() {
    let (out, warnings) = redact_values(&synthetic_scan(Sample::Jpeg), &["Bram Vlinder"]);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("DCTDecode"), "{warnings:?}");
    let black = black_pixels(&out);
    assert!(black.iter().flatten().all(|b| *b));
}

#[test]
fn value_missing_from_the_ocr_layer_still_fails() {
    let list = [("person", "Zeynep Kaplan")];
    let (text, spans) = common::values_as_spans(&list);
    let err = redact_pdf_with_warnings(
        &fixture("scan-ocrmypdf.pdf"),
        &text,
        &spans,
        &Grounds::woo_default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("value 0"), "{err}");
}
