//! Inline images (`BI … ID … EI` inside a content stream).
//!
//! lopdf's content parser reads only unfiltered inline images, drops the others, and cannot write
//! any of them back. So before a content stream is parsed, each inline image is lifted out of the
//! raw bytes into a table and replaced by a placeholder operation (`N GrondslagInlineImage`); the
//! layout sees the placeholder as an image drawn in the unit square under the current matrix,
//! like an image XObject. When the content is written back, each placeholder becomes the original
//! bytes again — or, for an image under a redaction box, a new inline image whose pixels under the
//! box are black (decoded from uncompressed, `/AHx`, `/A85`, `/RL`, `/Fl`, `/LZW`, `/DCT` and
//! `/CCF` Group 4 data and written as `/AHx /Fl`, so that no byte of the old encoding survives and
//! no binary byte can be mistaken for `EI`). An image that cannot be decoded is replaced by a
//! black image of its size, and the caller warns.

use std::borrow::Cow;
use std::io::Write;

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};

use super::{image, malformed, number, Rect};
use crate::RedactError;

/// The operator of the placeholder that stands for an inline image in parsed content.
pub(super) const PLACEHOLDER: &str = "GrondslagInlineImage";

/// One inline image lifted out of a content stream.
pub(super) struct InlineImage {
    /// The original `BI … EI` bytes, written back when the image is not touched.
    raw: Vec<u8>,
    /// The image dictionary as written (abbreviated keys), if it could be parsed.
    dict: Option<Dictionary>,
    /// The bytes between `ID` and `EI`.
    data: Vec<u8>,
    /// The bytes written instead of `raw`, once the image is painted or blacked out.
    replaced: Option<Vec<u8>>,
}

impl InlineImage {
    fn bytes(&self) -> &[u8] {
        self.replaced.as_deref().unwrap_or(&self.raw)
    }
}

/// The inline images of one page (its own content and the forms inlined into it).
pub(super) type Table = Vec<InlineImage>;

/// Parses content, with its inline images lifted into `table` first.
pub(super) fn decode(bytes: &[u8], table: &mut Table) -> lopdf::Result<Content> {
    Content::decode(&lift(bytes, table))
}

/// The placeholder's index into the table, if `op` is one.
pub(super) fn placeholder(op: &Operation) -> Option<usize> {
    if op.operator != PLACEHOLDER {
        return None;
    }
    op.operands
        .first()
        .and_then(|o| o.as_i64().ok())
        .and_then(|i| usize::try_from(i).ok())
}

/// Writes operations, placeholders as their inline images.
pub(super) fn encode(ops: &[Operation], table: &Table) -> Result<Vec<u8>, RedactError> {
    let mut out = Vec::new();
    let mut from = 0;
    let flush = |out: &mut Vec<u8>, part: &[Operation]| -> Result<(), RedactError> {
        if !part.is_empty() {
            out.extend(Content { operations: part }.encode().map_err(malformed)?);
            out.push(b'\n');
        }
        Ok(())
    };
    for (i, op) in ops.iter().enumerate() {
        let Some(n) = placeholder(op) else {
            continue;
        };
        flush(&mut out, &ops[from..i])?;
        if let Some(image) = table.get(n) {
            out.extend_from_slice(image.bytes());
            out.push(b'\n');
        }
        from = i + 1;
    }
    flush(&mut out, &ops[from..])?;
    Ok(out)
}

fn is_white(b: u8) -> bool {
    matches!(b, 0 | 9 | 10 | 12 | 13 | 32)
}

fn is_delimiter(b: u8) -> bool {
    b"()<>[]{}/%".contains(&b)
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delimiter(b)
}

/// The content with every inline image replaced by a placeholder (borrowed when there is none).
fn lift<'a>(bytes: &'a [u8], table: &mut Table) -> Cow<'a, [u8]> {
    if !bytes.windows(2).any(|w| w == b"BI") {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => i = skip_comment(bytes, i),
            b'(' => i = skip_literal(bytes, i),
            b'<' if bytes.get(i + 1) != Some(&b'<') => i = skip_hex(bytes, i),
            b'/' => i = skip_regular(bytes, i + 1),
            b'B' if bytes.get(i + 1) == Some(&b'I')
                && (i == 0 || !is_regular(bytes[i - 1]))
                && bytes.get(i + 2).is_none_or(|b| !is_regular(*b)) =>
            {
                match parse_image(bytes, i) {
                    Some((image, end)) => {
                        out.extend_from_slice(&bytes[copied..i]);
                        out.extend_from_slice(
                            format!("\n{} {PLACEHOLDER}\n", table.len()).as_bytes(),
                        );
                        table.push(image);
                        copied = end;
                        i = end;
                    }
                    None => i += 2,
                }
            }
            b if is_regular(b) => i = skip_regular(bytes, i),
            _ => i += 1,
        }
    }
    out.extend_from_slice(&bytes[copied..]);
    Cow::Owned(out)
}

fn skip_comment(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
        i += 1;
    }
    i
}

fn skip_literal(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

fn skip_hex(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|&b| b == b'>')
        .map_or(bytes.len(), |p| i + p + 1)
}

fn skip_regular(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && is_regular(bytes[i]) {
        i += 1;
    }
    i
}

/// Parses the inline image starting at `BI`; returns it and the index after its `EI`.
fn parse_image(bytes: &[u8], bi: usize) -> Option<(InlineImage, usize)> {
    // The dictionary runs to the `ID` token.
    let mut i = bi + 2;
    let id_at = loop {
        let b = *bytes.get(i)?;
        match b {
            b'%' => i = skip_comment(bytes, i),
            b'(' => i = skip_literal(bytes, i),
            b'<' if bytes.get(i + 1) != Some(&b'<') => i = skip_hex(bytes, i),
            b'/' => i = skip_regular(bytes, i + 1),
            b if is_regular(b) => {
                let end = skip_regular(bytes, i);
                match &bytes[i..end] {
                    b"ID" => break i,
                    // A content operator before ID: this is no inline image.
                    b"EI" | b"BI" => return None,
                    _ => i = end,
                }
            }
            _ => i += 1,
        }
    };
    let dict_bytes = &bytes[bi + 2..id_at];
    let mut start = id_at + 2;
    // One whitespace byte separates ID from the data (two for a CR LF, by some writers).
    if bytes.get(start).is_some_and(|b| is_white(*b)) {
        start += 1;
    }
    let dict = parse_dict(dict_bytes);
    let (data_end, ei) = find_end(bytes, start, dict.as_ref())?;
    let end = ei + 2;
    Some((
        InlineImage {
            raw: bytes[bi..end].to_vec(),
            dict,
            data: bytes[start..data_end].to_vec(),
            replaced: None,
        },
        end,
    ))
}

fn parse_dict(dict_bytes: &[u8]) -> Option<Dictionary> {
    let mut wrapped = Vec::with_capacity(dict_bytes.len() + 8);
    wrapped.extend_from_slice(b"<<");
    wrapped.extend_from_slice(dict_bytes);
    wrapped.extend_from_slice(b">> X");
    let content = Content::decode(&wrapped).ok()?;
    match content.operations.first()?.operands.first()? {
        Object::Dictionary(d) => Some(d.clone()),
        _ => None,
    }
}

fn get<'d>(dict: &'d Dictionary, short: &[u8], long: &[u8]) -> Option<&'d Object> {
    dict.get(short).or_else(|_| dict.get(long)).ok()
}

fn filter_names(dict: &Dictionary) -> Vec<Vec<u8>> {
    match get(dict, b"F", b"Filter") {
        Some(Object::Name(n)) => vec![n.clone()],
        Some(Object::Array(a)) => a
            .iter()
            .filter_map(|o| o.as_name().ok().map(<[u8]>::to_vec))
            .collect(),
        _ => Vec::new(),
    }
}

/// Where the data ends and where its `EI` starts.
fn find_end(bytes: &[u8], start: usize, dict: Option<&Dictionary>) -> Option<(usize, usize)> {
    let ei_at = |at: usize| {
        let mut p = at;
        while bytes.get(p).is_some_and(|b| is_white(*b)) {
            p += 1;
        }
        (bytes.get(p..p + 2) == Some(b"EI") && bytes.get(p + 2).is_none_or(|b| !is_regular(*b)))
            .then_some(p)
    };
    if let Some(dict) = dict {
        // PDF 2.0 gives the length.
        if let Some(len) = get(dict, b"L", b"Length")
            .and_then(number)
            .map(|l| l as usize)
        {
            if let Some(ei) = start.checked_add(len).and_then(ei_at) {
                return Some((start + len, ei));
            }
        }
        let filters = filter_names(dict);
        match filters.first().map(Vec::as_slice) {
            // ASCII data ends with its own end marker.
            Some(b"AHx") | Some(b"ASCIIHexDecode") => {
                let gt = start + bytes.get(start..)?.iter().position(|&b| b == b'>')?;
                if let Some(ei) = ei_at(gt + 1) {
                    return Some((gt + 1, ei));
                }
            }
            Some(b"A85") | Some(b"ASCII85Decode") => {
                let tail = bytes.get(start..)?;
                let end = start + tail.windows(2).position(|w| w == b"~>")? + 2;
                if let Some(ei) = ei_at(end) {
                    return Some((end, ei));
                }
            }
            None => {
                if let Some(len) = raw_length(dict) {
                    if let Some(ei) = start.checked_add(len).and_then(ei_at) {
                        return Some((start + len, ei));
                    }
                }
            }
            // A zlib stream knows where it ends.
            Some(b"Fl") | Some(b"FlateDecode") => {
                if let Some(end) = zlib_end(bytes.get(start..)?).map(|n| start + n) {
                    if let Some(ei) = ei_at(end) {
                        return Some((end, ei));
                    }
                }
            }
            // So does a JPEG (its EOI marker, FF D9).
            Some(b"DCT") | Some(b"DCTDecode") => {
                let mut p = start;
                while let Some(at) = bytes.get(p..)?.windows(2).position(|w| w == [0xff, 0xd9]) {
                    let end = p + at + 2;
                    if let Some(ei) = ei_at(end) {
                        return Some((end, ei));
                    }
                    p = end;
                }
            }
            Some(_) => {}
        }
    }
    // Other binary data: the first `EI` standing alone and followed by what looks like content
    // (no control bytes, which random binary data has within a few dozen bytes).
    let mut p = start;
    while p + 1 < bytes.len() {
        if &bytes[p..p + 2] == b"EI"
            && p > start
            && is_white(bytes[p - 1])
            && bytes.get(p + 2).is_none_or(|b| !is_regular(*b))
            && bytes[p + 2..(p + 34).min(bytes.len())]
                .iter()
                .all(|&b| b >= 0x20 && b != 0x7f || is_white(b))
        {
            return Some((p - 1, p));
        }
        p += 1;
    }
    None
}

/// How many bytes the zlib stream at the start of `data` takes, if it ends.
fn zlib_end(data: &[u8]) -> Option<usize> {
    let mut inflate = flate2::Decompress::new(true);
    let mut scratch = vec![0u8; 64 * 1024];
    loop {
        let at = usize::try_from(inflate.total_in()).ok()?;
        let before = (inflate.total_in(), inflate.total_out());
        let status = inflate
            .decompress(data.get(at..)?, &mut scratch, flate2::FlushDecompress::None)
            .ok()?;
        match status {
            flate2::Status::StreamEnd => return usize::try_from(inflate.total_in()).ok(),
            _ if (inflate.total_in(), inflate.total_out()) == before => return None,
            _ => {}
        }
    }
}

/// Components of a device colour space written in an inline image (`/G`, `/RGB`, `/CMYK`, an
/// `/I` palette), or `None` for a resource name.
fn inline_components(dict: &Dictionary) -> Option<usize> {
    if get(dict, b"IM", b"ImageMask").and_then(|o| o.as_bool().ok()) == Some(true) {
        return Some(1);
    }
    match get(dict, b"CS", b"ColorSpace")? {
        Object::Name(n) => match n.as_slice() {
            b"G" | b"DeviceGray" | b"CalGray" => Some(1),
            b"RGB" | b"DeviceRGB" | b"CalRGB" => Some(3),
            b"CMYK" | b"DeviceCMYK" => Some(4),
            _ => None,
        },
        Object::Array(a) => match a.first().and_then(|o| o.as_name().ok()) {
            Some(b"I") | Some(b"Indexed") => Some(1),
            _ => None,
        },
        _ => None,
    }
}

/// The byte length of unfiltered data, when the colour space is known inline.
fn raw_length(dict: &Dictionary) -> Option<usize> {
    let n = |short: &[u8], long: &[u8]| get(dict, short, long).and_then(number).map(|v| v as usize);
    let image_mask = get(dict, b"IM", b"ImageMask").and_then(|o| o.as_bool().ok()) == Some(true);
    let bpc = if image_mask {
        1
    } else {
        n(b"BPC", b"BitsPerComponent")?
    };
    let row = (n(b"W", b"Width")? * inline_components(dict)? * bpc).div_ceil(8);
    row.checked_mul(n(b"H", b"Height")?)
}

/// Paints `regions` (the image's unit square) black in the inline image; when it cannot be
/// decoded, blacks it out whole and returns the reason.
pub(super) fn paint(
    doc: &Document,
    page_id: ObjectId,
    image: &mut InlineImage,
    regions: &[Rect],
) -> Result<Option<&'static str>, RedactError> {
    match painted(doc, page_id, image, regions) {
        Ok(bytes) => {
            image.replaced = Some(bytes);
            Ok(None)
        }
        Err(reason) => {
            image.replaced = Some(black(image.dict.as_ref())?);
            Ok(Some(reason))
        }
    }
}

fn painted(
    doc: &Document,
    page_id: ObjectId,
    image: &InlineImage,
    regions: &[Rect],
) -> Result<Vec<u8>, &'static str> {
    let dict = image.dict.as_ref().ok_or("inline image dictionary")?;
    let mut full = Dictionary::new();
    for (key, value) in dict.iter() {
        let long: &[u8] = match key.as_slice() {
            b"W" => b"Width",
            b"H" => b"Height",
            b"BPC" => b"BitsPerComponent",
            b"CS" => b"ColorSpace",
            b"IM" => b"ImageMask",
            b"D" => b"Decode",
            b"DP" => b"DecodeParms",
            b"F" => b"Filter",
            b"I" => b"Interpolate",
            b"L" => b"Length",
            other => other,
        };
        let value = match long {
            b"ColorSpace" => colour_space(doc, page_id, value),
            _ => value.clone(),
        };
        full.set(long.to_vec(), value);
    }
    // The ASCII and run-length filters first in the chain are undone here (the image decoder
    // knows only what comes after them); DecodeParms follows the filters it belongs to.
    let mut filters: Vec<Vec<u8>> = filter_names(dict)
        .into_iter()
        .map(|f| long_filter(&f).to_vec())
        .collect();
    let mut params: Vec<Object> = match full.get(b"DecodeParms") {
        Ok(Object::Array(a)) => a.clone(),
        Ok(other) => vec![other.clone()],
        Err(_) => Vec::new(),
    };
    let mut data = image.data.clone();
    while let Some(first) = filters.first() {
        data = match first.as_slice() {
            b"ASCIIHexDecode" => ascii_hex(&data).ok_or("ASCIIHexDecode data")?,
            b"ASCII85Decode" => {
                let s = Stream::new(dictionary! { "Filter" => "ASCII85Decode" }, data.clone());
                s.decompressed_content().map_err(|_| "ASCII85Decode data")?
            }
            b"RunLengthDecode" => run_length(&data).ok_or("RunLengthDecode data")?,
            _ => break,
        };
        filters.remove(0);
        if params.len() > filters.len() {
            params.remove(0);
        }
    }
    full.remove(b"Filter");
    full.remove(b"DecodeParms");
    full.remove(b"Length");
    match filters.len() {
        0 => {}
        1 => {
            full.set("Filter", Object::Name(filters.remove(0)));
        }
        _ => {
            full.set(
                "Filter",
                Object::Array(filters.into_iter().map(Object::Name).collect()),
            );
        }
    }
    if let Some(p) = params.into_iter().find(|p| p.as_dict().is_ok()) {
        full.set("DecodeParms", p);
    }
    let is_mask = full
        .get(b"ImageMask")
        .and_then(Object::as_bool)
        .unwrap_or(false);
    let target = if is_mask {
        image::Target::Ones
    } else {
        image::Target::Black
    };
    let stream = Stream::new(full, data);
    let new = image::paint_stream(doc, &stream, regions, target)?;
    let mut out_dict = dict.clone();
    for key in [&b"F"[..], b"Filter", b"DP", b"DecodeParms", b"L", b"Length"] {
        out_dict.remove(key);
    }
    // paint_stream wrote raw samples, FlateDecode.
    write_image(out_dict, &new.content).map_err(|_| "writing")
}

fn long_filter(name: &[u8]) -> &[u8] {
    match name {
        b"AHx" => b"ASCIIHexDecode",
        b"A85" => b"ASCII85Decode",
        b"LZW" => b"LZWDecode",
        b"Fl" => b"FlateDecode",
        b"RL" => b"RunLengthDecode",
        b"CCF" => b"CCITTFaxDecode",
        b"DCT" => b"DCTDecode",
        other => other,
    }
}

/// The colour space as the image decoder understands it: abbreviations spelt out, a resource
/// name looked up in the page's resources.
fn colour_space(doc: &Document, page_id: ObjectId, value: &Object) -> Object {
    let device = |n: &[u8]| -> Option<&'static str> {
        match n {
            b"G" => Some("DeviceGray"),
            b"RGB" => Some("DeviceRGB"),
            b"CMYK" => Some("DeviceCMYK"),
            _ => None,
        }
    };
    match value {
        Object::Name(n) => {
            if let Some(d) = device(n) {
                return Object::Name(d.as_bytes().to_vec());
            }
            if matches!(
                n.as_slice(),
                b"DeviceGray" | b"DeviceRGB" | b"DeviceCMYK" | b"CalGray" | b"CalRGB"
            ) {
                return value.clone();
            }
            let found = doc.get_page_resources(page_id).ok().and_then(|(res, ids)| {
                res.into_iter()
                    .chain(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()))
                    .find_map(|r| {
                        r.get_deref(b"ColorSpace", doc)
                            .and_then(Object::as_dict)
                            .ok()
                            .and_then(|cs| cs.get(n).ok())
                            .cloned()
                    })
            });
            found.unwrap_or_else(|| value.clone())
        }
        Object::Array(a) => Object::Array(
            a.iter()
                .enumerate()
                .map(|(i, o)| match o {
                    Object::Name(n) if i == 0 && n == b"I" => Object::Name(b"Indexed".to_vec()),
                    Object::Name(n) if i == 1 => device(n)
                        .map(|d| Object::Name(d.as_bytes().to_vec()))
                        .unwrap_or_else(|| o.clone()),
                    _ => o.clone(),
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

fn ascii_hex(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut high: Option<u8> = None;
    for &b in data {
        if b == b'>' {
            break;
        }
        if is_white(b) {
            continue;
        }
        let v = (b as char).to_digit(16)? as u8;
        match high.take() {
            Some(h) => out.push(h << 4 | v),
            None => high = Some(v),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    Some(out)
}

fn run_length(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let n = data[i];
        i += 1;
        match n {
            128 => break,
            0..=127 => {
                let len = usize::from(n) + 1;
                out.extend_from_slice(data.get(i..i + len)?);
                i += len;
            }
            _ => {
                out.extend(std::iter::repeat_n(*data.get(i)?, 257 - usize::from(n)));
                i += 1;
            }
        }
    }
    Some(out)
}

/// `BI <dict> /F [/AHx /Fl] ID <hex of flate_data>> EI`.
fn write_image(mut dict: Dictionary, flate_data: &[u8]) -> lopdf::Result<Vec<u8>> {
    dict.set(
        "F",
        Object::Array(vec![
            Object::Name(b"AHx".to_vec()),
            Object::Name(b"Fl".to_vec()),
        ]),
    );
    let written = Content {
        operations: vec![Operation::new("X", vec![Object::Dictionary(dict)])],
    }
    .encode()?;
    // `<<…>> X`: the inner entries are the inline image's.
    let open = written.windows(2).position(|w| w == b"<<").unwrap_or(0);
    let close = written
        .windows(2)
        .rposition(|w| w == b">>")
        .unwrap_or(written.len());
    let inner = written.get(open + 2..close).unwrap_or_default();
    let mut out = Vec::with_capacity(inner.len() + flate_data.len() * 2 + 16);
    out.extend_from_slice(b"BI ");
    out.extend_from_slice(inner);
    out.extend_from_slice(b" ID ");
    for (i, b) in flate_data.iter().enumerate() {
        if i > 0 && i % 64 == 0 {
            out.push(b'\n');
        }
        write!(out, "{b:02x}")?;
    }
    out.extend_from_slice(b">\nEI");
    Ok(out)
}

/// A black image of the original's size (capped), in place of one that could not be decoded.
fn black(dict: Option<&Dictionary>) -> Result<Vec<u8>, RedactError> {
    let size = |short: &[u8], long: &[u8]| {
        dict.and_then(|d| get(d, short, long))
            .and_then(number)
            .map_or(1, |v| (v.max(1.0) as usize).min(2_000))
    };
    let (w, h) = (size(b"W", b"Width"), size(b"H", b"Height"));
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(&vec![0u8; w * h]).map_err(malformed)?;
    let data = encoder.finish().map_err(malformed)?;
    let dict = dictionary! {
        "W" => w as i64,
        "H" => h as i64,
        "BPC" => 8,
        "CS" => "G",
    };
    write_image(dict, &data).map_err(malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifts_images_and_writes_them_back() {
        let content =
            b"q 10 0 0 10 5 5 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00EI\xffEI\nQ (BI) Tj /BI Do";
        let mut table = Table::new();
        let parsed = decode(content, &mut table).unwrap();
        assert_eq!(table.len(), 1);
        assert_eq!(table[0].data, b"\x00EI\xff");
        let ops: Vec<&str> = parsed
            .operations
            .iter()
            .map(|o| o.operator.as_str())
            .collect();
        assert_eq!(ops, ["q", "cm", PLACEHOLDER, "Q", "Tj", "Do"]);
        let raw = b"BI /W 2 /H 2 /CS /G /BPC 8 ID \x00EI\xffEI";
        assert_eq!(table[0].raw, raw);
        let out = encode(&parsed.operations, &table).unwrap();
        assert!(out.windows(raw.len()).any(|w| w == raw));
    }

    #[test]
    fn filtered_data_ends_at_its_ei() {
        let content = b"BI /W 4 /H 1 /CS /RGB /BPC 8 /F [/AHx /Fl] ID 789c>\nEI Q\nBI /W 1 /H 1 /F /Fl /CS /G /BPC 8 ID x\x9c EI \x01\n EI Q";
        let mut table = Table::new();
        let parsed = decode(content, &mut table).unwrap();
        assert_eq!(table.len(), 2);
        assert_eq!(table[0].data, b"789c>");
        assert_eq!(table[1].data, b"x\x9c EI \x01\n");
        assert_eq!(parsed.operations.len(), 4);
    }

    #[test]
    fn flate_data_ends_where_its_zlib_stream_ends() {
        // Stored (level 0) deflate keeps " EI Q " literally inside the data.
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::none());
        e.write_all(b"ab EI Q cd").unwrap();
        let data = e.finish().unwrap();
        let mut content = b"BI /W 10 /H 1 /CS /G /BPC 8 /F /Fl ID ".to_vec();
        content.extend_from_slice(&data);
        content.extend_from_slice(b"\nEI (caf\xe9) Tj");
        let mut table = Table::new();
        let parsed = decode(&content, &mut table).unwrap();
        assert_eq!(table[0].data, data);
        assert_eq!(parsed.operations.len(), 2);
    }

    #[test]
    fn ascii_filters() {
        assert_eq!(ascii_hex(b"4 1 42>").unwrap(), b"AB");
        assert_eq!(ascii_hex(b"414>").unwrap(), b"A@");
        assert_eq!(run_length(b"\x01AB\xfeC\x80").unwrap(), b"ABCCC");
    }
}
