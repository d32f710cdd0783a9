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
    let mut out = Vec::with_capacity(row_bytes * height);
    let mut rows = 0usize;
    fax::decoder::decode_g4(
        data.iter().copied(),
        width as u32,
        Some(height as u32),
        |transitions| {
            if rows >= height {
                return;
            }
            rows += 1;
            let mut row = vec![0u8; row_bytes];
            for (x, colour) in fax::decoder::pels(transitions, width as u32).enumerate() {
                let black = colour == fax::Color::Black;
                if black == black_is_1 {
                    row[x / 8] |= 0x80 >> (x % 8);
                }
            }
            out.extend_from_slice(&row);
        },
    )
    .ok_or("CCITTFaxDecode data")?;
    if rows < height {
        return Err("CCITTFaxDecode data");
    }
    Ok(out)
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
}
