//! Painting redaction boxes into the pixels of an image XObject (a scanned page is one image:
//! blacking out all of it would lose the page). The image is decoded, the covered pixels are set
//! to black, and it is written back as raw FlateDecode samples, so that nothing of the old
//! encoding (and of the removed pixels) survives. Its soft mask and explicit mask are painted the
//! same way (opaque, painted there); alternate images are dropped.

use std::io::Write;

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};

use super::{malformed, number, Rect};
use crate::RedactError;

/// What became of an image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Painted {
    /// Only the regions were painted.
    Regions,
    /// The image could not be decoded and was replaced by a black image; the reason names the
    /// encoding that stopped it.
    WholeImage(&'static str),
}

/// Decoded samples, rows top to bottom, each row padded to a whole byte.
struct Raster {
    width: usize,
    comps: usize,
    bpc: usize,
    data: Vec<u8>,
}

impl Raster {
    fn row_bytes(&self) -> usize {
        (self.width * self.comps * self.bpc).div_ceil(8)
    }

    fn set_sample(&mut self, x: usize, y: usize, comp: usize, value: u16) {
        let row = y * self.row_bytes();
        let index = x * self.comps + comp;
        match self.bpc {
            16 => {
                let at = row + index * 2;
                if let Some(s) = self.data.get_mut(at..at + 2) {
                    s.copy_from_slice(&value.to_be_bytes());
                }
            }
            8 => {
                if let Some(b) = self.data.get_mut(row + index) {
                    *b = value as u8;
                }
            }
            bpc => {
                let bit = index * bpc;
                let shift = 8 - bpc - bit % 8;
                let mask = (((1u16 << bpc) - 1) as u8) << shift;
                if let Some(b) = self.data.get_mut(row + bit / 8) {
                    *b = (*b & !mask) | (((value as u8) << shift) & mask);
                }
            }
        }
    }
}

/// Paints `regions` (in the image's unit square: x right, y up, as drawn by the `Do`) into the
/// image `id`. Falls back to a black image when the encoding cannot be decoded.
pub(super) fn paint(
    doc: &mut Document,
    id: ObjectId,
    regions: &[Rect],
) -> Result<Painted, RedactError> {
    let stream = doc
        .get_object(id)
        .and_then(Object::as_stream)
        .map_err(malformed)?
        .clone();
    let is_mask = stream
        .dict
        .get(b"ImageMask")
        .and_then(Object::as_bool)
        .unwrap_or(false);
    // A stencil mask paints where its sample is 0: the value's pixels become "not painted".
    let target = if is_mask { Target::Ones } else { Target::Black };
    match paint_stream(doc, &stream, regions, target) {
        Ok(new) => {
            let mut new = new;
            new.dict.remove(b"Alternates");
            new.dict.remove(b"OPI");
            // The masks are images of their own, with the same geometry in unit space.
            for (key, target) in [(&b"SMask"[..], Target::Ones), (b"Mask", Target::Zeros)] {
                let Ok(mask_id) = new.dict.get(key).and_then(Object::as_reference) else {
                    continue;
                };
                let Ok(mask) = doc.get_object(mask_id).and_then(Object::as_stream).cloned() else {
                    continue;
                };
                match paint_stream(doc, &mask, regions, target) {
                    Ok(painted) => {
                        doc.objects.insert(mask_id, Object::Stream(painted));
                    }
                    // A mask we cannot decode is dropped: the image then shows fully.
                    Err(_) => {
                        new.dict.remove(key);
                    }
                }
            }
            doc.objects.insert(id, Object::Stream(new));
            Ok(Painted::Regions)
        }
        Err(reason) => {
            black_out(doc, id)?;
            Ok(Painted::WholeImage(reason))
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Target {
    /// The colour black in the image's colour space.
    Black,
    /// Decoded value 1 in every component (opaque soft mask, unpainted stencil mask).
    Ones,
    /// Decoded value 0 (painted through an explicit mask).
    Zeros,
}

/// The stream with the regions painted, as raw FlateDecode samples; `Err` names what stopped it.
pub(super) fn paint_stream(
    doc: &Document,
    stream: &Stream,
    regions: &[Rect],
    target: Target,
) -> Result<Stream, &'static str> {
    let dict = &stream.dict;
    let is_mask = dict
        .get(b"ImageMask")
        .and_then(Object::as_bool)
        .unwrap_or(false);
    let width = dict.get(b"Width").ok().and_then(number).unwrap_or(0.0) as usize;
    let height = dict.get(b"Height").ok().and_then(number).unwrap_or(0.0) as usize;
    if width == 0 || height == 0 || width > 50_000 || height > 50_000 {
        return Err("image size");
    }
    let bpc = if is_mask {
        1
    } else {
        dict.get(b"BitsPerComponent")
            .ok()
            .and_then(number)
            .unwrap_or(8.0) as usize
    };
    if ![1, 2, 4, 8, 16].contains(&bpc) {
        return Err("bits per component");
    }
    // Colour values (before the Decode array) that make black.
    // An indexed image's samples are palette indices: black is the darkest entry, and the
    // default Decode range is [0, 2^bpc - 1] instead of [0, 1].
    let (black, indexed) = if is_mask {
        (vec![0.0], false)
    } else {
        colour_black(doc, dict.get(b"ColorSpace").ok()).ok_or("colour space")?
    };
    let comps = black.len();
    let wanted: Vec<f32> = match target {
        Target::Black => black,
        Target::Ones => vec![1.0; comps],
        Target::Zeros => vec![0.0; comps],
    };
    let data = decode_samples(stream, width, height, bpc, comps)?;
    let mut raster = Raster {
        width,
        comps,
        bpc,
        data,
    };
    if raster.data.len() < raster.row_bytes() * height {
        return Err("short image data");
    }
    let max = ((1u32 << bpc) - 1) as f32;
    let decode: Vec<f32> = dict
        .get(b"Decode")
        .ok()
        .and_then(|o| o.as_array().ok())
        .map(|a| a.iter().filter_map(number).collect())
        .unwrap_or_default();
    let samples: Vec<u16> = wanted
        .iter()
        .enumerate()
        .map(|(c, &t)| {
            let (lo, hi) = match (decode.get(2 * c), decode.get(2 * c + 1)) {
                (Some(lo), Some(hi)) => (*lo, *hi),
                _ if indexed => (0.0, max),
                _ => (0.0, 1.0),
            };
            let s = if (hi - lo).abs() < f32::EPSILON {
                0.0
            } else {
                (t - lo) / (hi - lo) * max
            };
            s.round().clamp(0.0, max) as u16
        })
        .collect();
    for r in regions {
        let x0 = (r.x0 * width as f32).floor().clamp(0.0, width as f32) as usize;
        let x1 = (r.x1 * width as f32).ceil().clamp(0.0, width as f32) as usize;
        let y0 = ((1.0 - r.y1) * height as f32)
            .floor()
            .clamp(0.0, height as f32) as usize;
        let y1 = ((1.0 - r.y0) * height as f32)
            .ceil()
            .clamp(0.0, height as f32) as usize;
        for y in y0..y1 {
            for x in x0..x1 {
                for (c, s) in samples.iter().enumerate() {
                    raster.set_sample(x, y, c, *s);
                }
            }
        }
    }
    let mut new_dict = dict.clone();
    for key in [
        &b"Filter"[..],
        b"DecodeParms",
        b"Length",
        b"Alternates",
        b"OPI",
    ] {
        new_dict.remove(key);
    }
    new_dict.set("Filter", "FlateDecode");
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(&raster.data[..raster.row_bytes() * height])
        .map_err(|_| "compression")?;
    let bytes = encoder.finish().map_err(|_| "compression")?;
    Ok(Stream::new(new_dict, bytes))
}

/// The colour values of black in a colour space (one per component), if it is one we can paint,
/// and whether the space is indexed (the value is then the palette index of the darkest colour).
fn colour_black(doc: &Document, space: Option<&Object>) -> Option<(Vec<f32>, bool)> {
    let space = match space {
        Some(o) => doc.dereference(o).map(|(_, o)| o).unwrap_or(o),
        None => return None,
    };
    if let Object::Array(a) = space {
        if a.first().and_then(|o| o.as_name().ok()) == Some(b"Indexed") {
            return darkest_index(doc, a).map(|i| (vec![i as f32], true));
        }
    }
    direct_black(doc, space).map(|v| (v, false))
}

/// The palette index of the darkest colour of an `[/Indexed base hival lookup]` space.
fn darkest_index(doc: &Document, space: &[Object]) -> Option<usize> {
    let base = space.get(1)?;
    let n = direct_black(doc, doc.dereference(base).map(|(_, o)| o).unwrap_or(base))?.len();
    let hival = space.get(2).and_then(|o| o.as_i64().ok())?.clamp(0, 255) as usize;
    let lookup = space
        .get(3)
        .map(|o| doc.dereference(o).map(|(_, o)| o).unwrap_or(o))?;
    let table: Vec<u8> = match lookup {
        Object::String(bytes, _) => bytes.clone(),
        Object::Stream(s) => s.decompressed_content().ok()?,
        _ => return None,
    };
    (0..=hival)
        .filter_map(|i| table.get(i * n..(i + 1) * n).map(|c| (i, c)))
        .min_by_key(|(_, c)| {
            let c: Vec<u32> = c.iter().map(|v| u32::from(*v)).collect();
            // Lightness, roughly: grey and RGB add up; CMYK subtracts ink.
            match c.len() {
                4 => (6 * 255u32).saturating_sub(c[0] + c[1] + c[2] + 3 * c[3]),
                1 => 3 * c[0],
                _ => c.iter().sum(),
            }
        })
        .map(|(i, _)| i)
}

/// Black in a non-indexed colour space.
fn direct_black(doc: &Document, space: &Object) -> Option<Vec<f32>> {
    let by_count = |n: i64| match n {
        1 => Some(vec![0.0]),
        3 => Some(vec![0.0; 3]),
        4 => Some(vec![0.0, 0.0, 0.0, 1.0]),
        _ => None,
    };
    match space {
        Object::Name(n) => match n.as_slice() {
            b"DeviceGray" | b"CalGray" | b"G" => by_count(1),
            b"DeviceRGB" | b"CalRGB" | b"RGB" => by_count(3),
            b"DeviceCMYK" | b"CMYK" => by_count(4),
            _ => None,
        },
        Object::Array(a) => {
            let family = a.first().and_then(|o| o.as_name().ok())?;
            match family {
                b"CalGray" => by_count(1),
                b"CalRGB" => by_count(3),
                b"ICCBased" => {
                    let profile = a
                        .get(1)
                        .and_then(|o| doc.dereference(o).ok())
                        .and_then(|(_, o)| o.as_stream().ok())?;
                    let n = profile.dict.get(b"N").ok().and_then(|o| o.as_i64().ok())?;
                    by_count(n)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The raw samples of the image, or what stopped decoding them.
fn decode_samples(
    stream: &Stream,
    width: usize,
    height: usize,
    bpc: usize,
    comps: usize,
) -> Result<Vec<u8>, &'static str> {
    let filters: Vec<Vec<u8>> = stream
        .filters()
        .map(|f| f.into_iter().map(<[u8]>::to_vec).collect())
        .unwrap_or_default();
    let params = stream
        .dict
        .get(b"DecodeParms")
        .ok()
        .and_then(|p| match p {
            Object::Array(a) => a.first(),
            other => Some(other),
        })
        .and_then(|p| p.as_dict().ok());
    let last = filters.last().map(Vec::as_slice);
    match last {
        None => Ok(stream.content.clone()),
        Some(b"CCITTFaxDecode") | Some(b"CCF") if filters.len() == 1 => {
            decode_ccitt(&stream.content, params, width, height)
        }
        Some(b"FlateDecode") | Some(b"LZWDecode") | Some(b"ASCII85Decode") => {
            let predictor = params
                .and_then(|p| p.get(b"Predictor").ok())
                .and_then(|o| o.as_i64().ok())
                .unwrap_or(1);
            // lopdf undoes PNG predictors for whole-byte pixels only; TIFF predictor 2 not at all.
            if predictor == 2 || (predictor >= 10 && bpc < 8) {
                return Err("predictor");
            }
            if let Some(samples) = inflate_fast(stream, params, width, height, bpc, comps) {
                return Ok(samples);
            }
            stream
                .decompressed_content()
                .map_err(|_| "FlateDecode data")
        }
        Some(b"DCTDecode") | Some(b"DCT") if filters.len() == 1 => {
            decode_jpeg(&stream.content, params, width, height, bpc, comps)
        }
        Some(b"DCTDecode") | Some(b"DCT") => Err("DCTDecode"),
        Some(b"JPXDecode") => Err("JPXDecode"),
        Some(b"JBIG2Decode") => Err("JBIG2Decode"),
        Some(b"CCITTFaxDecode") | Some(b"CCF") => Err("CCITTFaxDecode"),
        Some(_) => Err("image filter"),
    }
}

/// The common case of [`decode_samples`] done without lopdf: one FlateDecode filter, no
/// predictor or a PNG predictor whose parameters match the image. The data is inflated straight
/// into a buffer of the size the image needs (lopdf grows its buffer from empty and undoes PNG
/// predictors with copies per row; on a 300 dpi colour scan that was half the page's time).
/// `None` when the stream is of another kind or does not inflate cleanly: the caller then
/// decodes it the lenient lopdf way, as before.
fn inflate_fast(
    stream: &Stream,
    params: Option<&Dictionary>,
    width: usize,
    height: usize,
    bpc: usize,
    comps: usize,
) -> Option<Vec<u8>> {
    let filters = stream.filters().ok()?;
    if filters.len() != 1 || filters[0] != b"FlateDecode" {
        return None;
    }
    let int = |key: &[u8], default: i64| -> Option<i64> {
        match params.and_then(|p| p.get(key).ok()) {
            None => Some(default),
            Some(o) => o.as_i64().ok(),
        }
    };
    let predictor = int(b"Predictor", 1)?;
    let row_bytes = (width * comps * bpc).div_ceil(8);
    let png = match predictor {
        1 => false,
        10..=15 => {
            // The predictor's own geometry must be the image's, and whole bytes per pixel.
            if int(b"Colors", 1)? != comps as i64
                || int(b"BitsPerComponent", 8)? != bpc as i64
                || int(b"Columns", 1)? != width as i64
                || bpc < 8
            {
                return None;
            }
            true
        }
        _ => return None,
    };
    let stride = row_bytes + usize::from(png);
    let expected = stride.checked_mul(height)?;
    // One byte more than needed tells a stream with trailing data from one of the right size.
    let mut raw = Vec::with_capacity(expected + 1);
    let mut inflater = flate2::Decompress::new(true);
    loop {
        let before = raw.len();
        let status = inflater
            .decompress_vec(
                &stream.content[inflater.total_in() as usize..],
                &mut raw,
                flate2::FlushDecompress::Finish,
            )
            .ok()?;
        match status {
            flate2::Status::StreamEnd => break,
            _ if raw.len() == raw.capacity() || raw.len() == before => return None,
            _ => {}
        }
    }
    if raw.len() != expected {
        return None;
    }
    if !png {
        return Some(raw);
    }
    // Undone in place: row y moves down to y * row_bytes, in front of every row still to do.
    let bpp = (comps * bpc / 8).max(1);
    for y in 0..height {
        let kind = raw[y * stride];
        raw.copy_within(y * stride + 1..(y + 1) * stride, y * row_bytes);
        let (done, rest) = raw.split_at_mut(y * row_bytes);
        let prev: &[u8] = if y == 0 {
            &[]
        } else {
            &done[(y - 1) * row_bytes..]
        };
        unfilter(kind, prev, &mut rest[..row_bytes], bpp)?;
    }
    raw.truncate(row_bytes * height);
    Some(raw)
}

/// Undoes one PNG filter in place: `cur` holds the filtered row and receives the row; `prev` is
/// the row above (empty for the first row: zeros).
fn unfilter(kind: u8, prev: &[u8], cur: &mut [u8], bpp: usize) -> Option<()> {
    let up = |i: usize| prev.get(i).copied().unwrap_or(0);
    match kind {
        0 => {}
        1 => {
            for i in bpp..cur.len() {
                cur[i] = cur[i].wrapping_add(cur[i - bpp]);
            }
        }
        2 => {
            for (c, &u) in cur.iter_mut().zip(prev) {
                *c = c.wrapping_add(u);
            }
        }
        3 => {
            for i in 0..cur.len() {
                let left = if i >= bpp { cur[i - bpp] } else { 0 };
                let avg = ((u16::from(left) + u16::from(up(i))) / 2) as u8;
                cur[i] = cur[i].wrapping_add(avg);
            }
        }
        4 => {
            for i in 0..cur.len() {
                let a = if i >= bpp { cur[i - bpp] } else { 0 };
                let b = up(i);
                let c = if i >= bpp { up(i - bpp) } else { 0 };
                let p = i16::from(a) + i16::from(b) - i16::from(c);
                let (pa, pb, pc) = (
                    (p - i16::from(a)).abs(),
                    (p - i16::from(b)).abs(),
                    (p - i16::from(c)).abs(),
                );
                let pred = if pa <= pb && pa <= pc {
                    a
                } else if pb <= pc {
                    b
                } else {
                    c
                };
                cur[i] = cur[i].wrapping_add(pred);
            }
        }
        _ => return None,
    }
    Some(())
}

/// CCITT Group 4 (K < 0) into 1-bit samples as the filter would give them: black is 0 unless
/// BlackIs1. Group 3 and byte-aligned data are not decoded.
fn decode_ccitt(
    data: &[u8],
    params: Option<&Dictionary>,
    width: usize,
    height: usize,
) -> Result<Vec<u8>, &'static str> {
    let int = |key: &[u8], default: i64| {
        params
            .and_then(|p| p.get(key).ok())
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(default)
    };
    let flag = |key: &[u8]| {
        params
            .and_then(|p| p.get(key).ok())
            .and_then(|o| o.as_bool().ok())
            .unwrap_or(false)
    };
    if int(b"K", 0) >= 0 || flag(b"EncodedByteAlign") {
        return Err("CCITTFaxDecode");
    }
    let columns = int(b"Columns", 1728);
    if columns != width as i64 {
        return Err("CCITTFaxDecode");
    }
    let black_is_1 = flag(b"BlackIs1");
    let row_bytes = width.div_ceil(8);
    let mut out = vec![0u8; row_bytes * height];
    let mut rows = 0usize;
    fax::decoder::decode_g4(
        data.iter().copied(),
        width as u32,
        Some(height as u32),
        |transitions| {
            if rows >= height {
                return;
            }
            let row = &mut out[rows * row_bytes..(rows + 1) * row_bytes];
            rows += 1;
            fill_row(row, transitions, width, black_is_1);
        },
    )
    .ok_or("CCITTFaxDecode data")?;
    if rows < height {
        return Err("CCITTFaxDecode data");
    }
    Ok(out)
}

/// Writes one decoded G4 line into a zeroed 1-bit row: the bit is set where the pixel's colour
/// is the one stored as 1. Run by run, exactly as `fax::decoder::pels` emits pixels (runs start
/// white and alternate; a position before the previous one gives an empty run; the rest of the
/// row takes the colour after the last run) — pixel by pixel that took most of a scan's time.
fn fill_row(row: &mut [u8], transitions: &[u32], width: usize, black_is_1: bool) {
    let mut x = 0usize;
    let mut last = 0u32;
    let mut black = false;
    for &p in transitions {
        if x >= width {
            return;
        }
        let n = p.saturating_sub(last) as usize;
        last = p;
        let end = (x + n).min(width);
        if black == black_is_1 {
            set_bits(row, x, end);
        }
        x = end;
        black = !black;
    }
    if x < width && black == black_is_1 {
        set_bits(row, x, width);
    }
}

/// Sets bits `from..to` of a row, most significant bit first.
fn set_bits(row: &mut [u8], from: usize, to: usize) {
    if from >= to {
        return;
    }
    let (first, last) = (from / 8, (to - 1) / 8);
    let head = 0xffu8 >> (from % 8);
    let tail = 0xffu8 << (7 - (to - 1) % 8);
    if first == last {
        row[first] |= head & tail;
        return;
    }
    row[first] |= head;
    row[first + 1..last].fill(0xff);
    row[last] |= tail;
}

/// Baseline or progressive JPEG, grey or RGB. CMYK JPEGs are not decoded: their inversion
/// conventions differ between writers, and a wrong guess would paint white.
fn decode_jpeg(
    data: &[u8],
    params: Option<&Dictionary>,
    width: usize,
    height: usize,
    bpc: usize,
    comps: usize,
) -> Result<Vec<u8>, &'static str> {
    let transform = params
        .and_then(|p| p.get(b"ColorTransform").ok())
        .and_then(|o| o.as_i64().ok());
    if bpc != 8 || !(comps == 1 || (comps == 3 && transform != Some(0))) {
        return Err("DCTDecode");
    }
    let mut decoder = jpeg_decoder::Decoder::new(data);
    let pixels = decoder.decode().map_err(|_| "DCTDecode data")?;
    let info = decoder.info().ok_or("DCTDecode data")?;
    let expected = match comps {
        1 => jpeg_decoder::PixelFormat::L8,
        _ => jpeg_decoder::PixelFormat::RGB24,
    };
    if info.pixel_format != expected
        || usize::from(info.width) != width
        || usize::from(info.height) != height
    {
        return Err("DCTDecode");
    }
    Ok(pixels)
}

/// Replaces an image by a black one of the same size.
pub(super) fn black_out(doc: &mut Document, id: ObjectId) -> Result<(), RedactError> {
    let (w, h) = {
        let stream = doc
            .get_object(id)
            .and_then(Object::as_stream)
            .map_err(malformed)?;
        let w = stream
            .dict
            .get(b"Width")
            .ok()
            .and_then(number)
            .unwrap_or(1.0)
            .max(1.0) as usize;
        let h = stream
            .dict
            .get(b"Height")
            .ok()
            .and_then(number)
            .unwrap_or(1.0)
            .max(1.0) as usize;
        (w.min(10_000), h.min(10_000))
    };
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(&vec![0u8; w * h]).map_err(malformed)?;
    let data = encoder.finish().map_err(malformed)?;
    let stream = Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => w as i64,
            "Height" => h as i64,
            "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 8,
            "Filter" => "FlateDecode",
        },
        data,
    );
    doc.objects.insert(id, Object::Stream(stream));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bit_samples_pack_from_the_high_bit() {
        let mut r = Raster {
            width: 10,
            comps: 1,
            bpc: 1,
            data: vec![0xff; 4],
        };
        r.set_sample(0, 0, 0, 0);
        r.set_sample(9, 1, 0, 0);
        assert_eq!(r.data, vec![0x7f, 0xff, 0xff, 0xbf]);
    }

    /// A small deterministic generator (no dependency for three tests).
    fn noise(seed: &mut u64) -> u32 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        (*seed >> 32) as u32
    }

    #[test]
    fn run_filling_matches_pixel_by_pixel() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for width in [1usize, 7, 8, 9, 63, 64, 65, 2481] {
            for _ in 0..60 {
                let count = noise(&mut seed) as usize % 12;
                // Mostly rising positions, sometimes one that goes back or past the width.
                let mut transitions: Vec<u32> = (0..count)
                    .map(|_| noise(&mut seed) % (width as u32 + 3))
                    .collect();
                if !noise(&mut seed).is_multiple_of(3) {
                    transitions.sort_unstable();
                }
                for black_is_1 in [false, true] {
                    let mut want = vec![0u8; width.div_ceil(8)];
                    for (x, colour) in fax::decoder::pels(&transitions, width as u32).enumerate() {
                        if (colour == fax::Color::Black) == black_is_1 {
                            want[x / 8] |= 0x80 >> (x % 8);
                        }
                    }
                    let mut got = vec![0u8; width.div_ceil(8)];
                    fill_row(&mut got, &transitions, width, black_is_1);
                    assert_eq!(got, want, "width {width}, {transitions:?}, {black_is_1}");
                }
            }
        }
    }

    /// PNG-filters `raw` rows (the encoder side, from the spec) with filter `kinds[y % len]`.
    fn png_filter(raw: &[u8], row: usize, bpp: usize, kinds: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for (y, cur) in raw.chunks(row).enumerate() {
            let kind = kinds[y % kinds.len()];
            out.push(kind);
            let prev = |i: usize| if y == 0 { 0 } else { raw[(y - 1) * row + i] };
            for i in 0..row {
                let a = if i >= bpp { cur[i - bpp] } else { 0 };
                let b = prev(i);
                let c = if i >= bpp { prev(i - bpp) } else { 0 };
                let pred = match kind {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                    _ => {
                        let p = i16::from(a) + i16::from(b) - i16::from(c);
                        let (pa, pb, pc) = (
                            (p - i16::from(a)).abs(),
                            (p - i16::from(b)).abs(),
                            (p - i16::from(c)).abs(),
                        );
                        if pa <= pb && pa <= pc {
                            a
                        } else if pb <= pc {
                            b
                        } else {
                            c
                        }
                    }
                };
                out.push(cur[i].wrapping_sub(pred));
            }
        }
        out
    }

    fn flate_stream(data: &[u8], colors: i64, columns: i64) -> Stream {
        use std::io::Write;
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(data).unwrap();
        let dict = dictionary! {
            "Filter" => "FlateDecode",
            "DecodeParms" => dictionary! {
                "Predictor" => 15, "Colors" => colors, "BitsPerComponent" => 8, "Columns" => columns,
            },
        };
        Stream::new(dict, enc.finish().unwrap())
    }

    #[test]
    fn png_predictors_decode() {
        let mut seed = 0x1234_5678_9abc_def1;
        let (width, height, comps) = (13usize, 11usize, 3usize);
        let row = width * comps;
        let raw: Vec<u8> = (0..row * height).map(|_| noise(&mut seed) as u8).collect();
        // Every filter type, also on the first row.
        let stream = flate_stream(&png_filter(&raw, row, comps, &[0, 1, 2, 3, 4]), 3, 13);
        let params = stream.dict.get(b"DecodeParms").unwrap().as_dict().ok();
        assert_eq!(
            inflate_fast(&stream, params, width, height, 8, comps).unwrap(),
            raw
        );
        // lopdf agrees where it is right (it adds half the row above but all of the left
        // neighbour for the Average filter, so that one is left out here).
        let stream = flate_stream(&png_filter(&raw, row, comps, &[0, 1, 2, 4]), 3, 13);
        assert_eq!(stream.decompressed_content().unwrap(), raw);
        let params = stream.dict.get(b"DecodeParms").unwrap().as_dict().ok();
        assert_eq!(
            inflate_fast(&stream, params, width, height, 8, comps).unwrap(),
            raw
        );
        // Parameters that disagree with the image, or data of another size, are left to lopdf.
        assert!(inflate_fast(&stream, params, width + 1, height, 8, comps).is_none());
        assert!(inflate_fast(&stream, params, width, height + 1, 8, comps).is_none());
        assert!(inflate_fast(&stream, params, width, height - 1, 8, comps).is_none());
    }
}
