//! Outlook `.msg` ([MS-OXMSG]: a compound file of MAPI property streams) → the same shape as
//! an `.eml`: a Dutch header block, the body, attachments as children.
//!
//! Read with the `cfb` crate; the property streams we need are few and fixed:
//! `__substg1.0_<id><type>` with id `0037` subject, `0C1A` sender name, `5D01`/`0C1F` sender
//! address, `0E04`/`0E03` display To/CC, `1000` body, `1013` HTML body; recipients in
//! `__recip_version1.0_#…` (`3001` name, `39FE`/`3003` address, `0C15` type in the fixed
//! properties), attachments in `__attach_version1.0_#…` (`3707`/`3704`/`3001` names, `3701`
//! data, or an embedded message storage `3701000D`, which becomes a `.msg` child of its own).

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use cfb::CompoundFile;

use crate::{Child, DocType, ExtractError, Extracted, CFB_MAGIC};

type Cfb<'a> = CompoundFile<Cursor<&'a [u8]>>;

pub(crate) fn extract(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    if !bytes.starts_with(CFB_MAGIC) {
        return Err(ExtractError::corrupt("MSG", "not a compound file"));
    }
    let mut cfb = CompoundFile::open(Cursor::new(bytes))
        .map_err(|_| ExtractError::corrupt("MSG", "damaged compound file"))?;
    if cfb.is_stream("/EncryptedPackage") {
        return Err(ExtractError::Encrypted {
            format: "Office document",
        });
    }
    if cfb.is_stream("/WordDocument") {
        return Err(ExtractError::Unsupported {
            what: "legacy Word 97-2003 document",
        });
    }
    if cfb.is_stream("/Workbook") || cfb.is_stream("/Book") {
        return Err(ExtractError::Unsupported {
            what: "legacy Excel 97-2003 workbook",
        });
    }
    let root = PathBuf::from("/");
    let has_props = cfb
        .read_root_storage()
        .any(|e| e.name().starts_with("__substg1.0_") || e.name() == "__properties_version1.0");
    if !has_props {
        return Err(ExtractError::Unsupported {
            what: "compound file that is not an Outlook message",
        });
    }
    let mut out = Extracted::new(DocType::Msg, String::new());
    out.text = header_block(&mut cfb, &root);
    let body = body(&mut cfb, &root, &mut out.warnings);
    out.text.push_str(&body);
    if !out.text.ends_with('\n') {
        out.text.push('\n');
    }
    out.children = attachments(&mut cfb, &root, &mut out.warnings);
    Ok(out)
}

fn read_stream(cfb: &mut Cfb<'_>, path: &Path) -> Option<Vec<u8>> {
    if !cfb.is_stream(path) {
        return None;
    }
    let mut s = cfb.open_stream(path).ok()?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).ok()?;
    Some(buf)
}

/// A string property: Unicode (`001F`) preferred, 8-bit (`001E`, windows-1252) otherwise.
fn string_prop(cfb: &mut Cfb<'_>, dir: &Path, id: &str) -> Option<String> {
    if let Some(b) = read_stream(cfb, &dir.join(format!("__substg1.0_{id}001F"))) {
        let (s, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(&b);
        return Some(s.trim_end_matches('\0').to_owned()).filter(|s| !s.is_empty());
    }
    let b = read_stream(cfb, &dir.join(format!("__substg1.0_{id}001E")))?;
    let (s, _, _) = encoding_rs::WINDOWS_1252.decode(&b);
    Some(s.trim_end_matches('\0').to_owned()).filter(|s| !s.is_empty())
}

fn binary_prop(cfb: &mut Cfb<'_>, dir: &Path, id: &str) -> Option<Vec<u8>> {
    read_stream(cfb, &dir.join(format!("__substg1.0_{id}0102")))
}

/// Fixed-length properties (`__properties_version1.0`): tag → 8-byte value. The header is 32
/// bytes for the top-level message, 24 for embedded messages, 8 for recipients and attachments.
fn fixed_props(cfb: &mut Cfb<'_>, dir: &Path, header: usize) -> Vec<(u32, [u8; 8])> {
    let Some(b) = read_stream(cfb, &dir.join("__properties_version1.0")) else {
        return Vec::new();
    };
    b.get(header..)
        .unwrap_or_default()
        .chunks_exact(16)
        .filter_map(|e| {
            let tag = u32::from_le_bytes(e[0..4].try_into().ok()?);
            let value: [u8; 8] = e[8..16].try_into().ok()?;
            Some((tag, value))
        })
        .collect()
}

fn name_addr(name: Option<String>, addr: Option<String>) -> Option<String> {
    match (name, addr) {
        (Some(n), Some(a)) if n != a && a.contains('@') => Some(format!("{n} <{a}>")),
        (Some(n), _) => Some(n),
        (None, Some(a)) => Some(a),
        (None, None) => None,
    }
}

fn header_block(cfb: &mut Cfb<'_>, dir: &Path) -> String {
    let sender = name_addr(
        string_prop(cfb, dir, "0C1A"),
        string_prop(cfb, dir, "5D01").or_else(|| string_prop(cfb, dir, "0C1F")),
    );
    let (to, cc) = recipients(cfb, dir);
    let to = to.or_else(|| string_prop(cfb, dir, "0E04"));
    let cc = cc.or_else(|| string_prop(cfb, dir, "0E03"));
    let subject = string_prop(cfb, dir, "0037");
    let date = message_date(cfb, dir);
    let mut block = String::new();
    for (label, value) in [
        ("Van", sender),
        ("Aan", to),
        ("CC", cc),
        ("Onderwerp", subject),
        ("Datum", date),
    ] {
        if let Some(v) = value {
            block.push_str(label);
            block.push_str(": ");
            block.push_str(&v.replace(['\r', '\n'], " "));
            block.push('\n');
        }
    }
    block.push('\n');
    block
}

/// To and CC lines from the recipient storages (names with addresses, unlike the display
/// strings).
fn recipients(cfb: &mut Cfb<'_>, dir: &Path) -> (Option<String>, Option<String>) {
    let storages = substorages(cfb, dir, "__recip_version1.0_#");
    let mut to = Vec::new();
    let mut cc = Vec::new();
    for s in storages {
        let name = string_prop(cfb, &s, "3001");
        let addr = string_prop(cfb, &s, "39FE").or_else(|| string_prop(cfb, &s, "3003"));
        let kind = fixed_props(cfb, &s, 8)
            .into_iter()
            .find(|(tag, _)| tag >> 16 == 0x0C15)
            .map(|(_, v)| u32::from_le_bytes([v[0], v[1], v[2], v[3]]))
            .unwrap_or(1);
        if let Some(r) = name_addr(name, addr) {
            match kind {
                2 => cc.push(r),
                3 => {} // Bcc: not shown in a received mail either.
                _ => to.push(r),
            }
        }
    }
    let join = |v: Vec<String>| (!v.is_empty()).then(|| v.join(", "));
    (join(to), join(cc))
}

fn substorages(cfb: &Cfb<'_>, dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = match cfb.read_storage(dir) {
        Ok(entries) => entries
            .filter(|e| e.is_storage() && e.name().starts_with(prefix))
            .map(|e| e.path().to_path_buf())
            .collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}

/// The sent (or else delivered) time, from the fixed properties, as `dd-mm-jjjj uu:mm UTC`.
fn message_date(cfb: &mut Cfb<'_>, dir: &Path) -> Option<String> {
    // 32 bytes of header at the top level, 24 in an embedded message — which is what a child
    // copied out by `copy_storage` has at its root. Take the reading whose tags make sense.
    let props = [32, 24]
        .into_iter()
        .map(|h| fixed_props(cfb, dir, h))
        .max_by_key(|p| p.iter().filter(|(tag, _)| plausible_type(*tag)).count())
        .unwrap_or_default();
    let find = |id: u32| {
        props
            .iter()
            .find(|(tag, _)| *tag == (id << 16) | 0x0040)
            .map(|(_, v)| u64::from_le_bytes(*v))
    };
    let filetime = find(0x0039).or_else(|| find(0x0E06))?;
    // FILETIME: 100 ns ticks since 1601-01-01.
    let secs = (filetime / 10_000_000) as i64 - 11_644_473_600;
    let (y, m, d) = crate::office::civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    Some(format!(
        "{d:02}-{m:02}-{y:04} {:02}:{:02} UTC",
        t / 3600,
        t % 3600 / 60
    ))
}

fn plausible_type(tag: u32) -> bool {
    matches!(
        tag & 0xFFFF,
        0x0002
            | 0x0003
            | 0x0005
            | 0x000B
            | 0x000D
            | 0x0014
            | 0x001E
            | 0x001F
            | 0x0040
            | 0x0048
            | 0x0102
    )
}

fn body(cfb: &mut Cfb<'_>, dir: &Path, warnings: &mut Vec<String>) -> String {
    if let Some(text) = string_prop(cfb, dir, "1000") {
        return text.replace("\r\n", "\n");
    }
    if let Some(html) = binary_prop(cfb, dir, "1013") {
        let (s, _) = crate::text::decode_lenient(&html);
        return crate::html::to_text(&s);
    }
    if let Some(compressed) = binary_prop(cfb, dir, "1009") {
        match rtf_body(&compressed) {
            Some(rtf) => return crate::rtf::to_text(rtf.as_bytes()),
            None => {
                warnings.push("message body in compressed RTF is damaged; not extracted".into())
            }
        }
    }
    String::new()
}

/// Largest RTF body decompressed from a message (the header's claim is checked before the
/// decompressor allocates it).
const MAX_RTF_BODY: usize = 64 * 1024 * 1024;

/// The RTF of `PR_RTF_COMPRESSED` (MS-OXRTFCP, "LZFu"), or `None` when it is damaged. The
/// header is checked first: the decompressor trusts the sizes it declares (it would allocate or
/// slice by them).
fn rtf_body(data: &[u8]) -> Option<String> {
    let word = |at: usize| -> Option<usize> {
        let b = data.get(at..at + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let (comp_size, raw_size, kind) = (word(0)?, word(4)?, word(8)?);
    const LZFU: usize = 0x7546_5A4C;
    const MELA: usize = 0x414C_454D;
    let sane = comp_size + 4 == data.len()
        && raw_size <= MAX_RTF_BODY
        && match kind {
            LZFU => true,
            MELA => raw_size + 16 <= data.len(),
            _ => false,
        };
    if !sane {
        return None;
    }
    compressed_rtf::decompress_rtf(data).ok()
}

fn attachments(cfb: &mut Cfb<'_>, dir: &Path, warnings: &mut Vec<String>) -> Vec<Child> {
    let mut children = Vec::new();
    for (n, s) in substorages(cfb, dir, "__attach_version1.0_#")
        .into_iter()
        .enumerate()
    {
        let file_name = string_prop(cfb, &s, "3707")
            .or_else(|| string_prop(cfb, &s, "3704"))
            .or_else(|| string_prop(cfb, &s, "3001"));
        let embedded = s.join("__substg1.0_3701000D");
        if cfb.is_storage(&embedded) {
            match copy_storage(cfb, &embedded) {
                Ok(bytes) => {
                    let name = match file_name {
                        Some(f) if f.to_ascii_lowercase().ends_with(".msg") => f,
                        _ => format!("bijlage-{}.msg", n + 1),
                    };
                    children.push(Child { name, bytes });
                }
                Err(_) => {
                    warnings.push(format!("attachment {}: embedded message unreadable", n + 1))
                }
            }
            continue;
        }
        let Some(bytes) = binary_prop(cfb, &s, "3701") else {
            // Links and OLE objects have no data stream.
            warnings.push(format!("attachment {}: no data, skipped", n + 1));
            continue;
        };
        children.push(Child {
            name: file_name
                .map(|f| f.replace(['\r', '\n', '\0'], ""))
                .filter(|f| !f.is_empty())
                .unwrap_or_else(|| format!("bijlage-{}", n + 1)),
            bytes,
        });
    }
    children
}

/// Copies an embedded message storage into a compound file of its own, so it can be extracted
/// as a `.msg` child like any other.
fn copy_storage(cfb: &mut Cfb<'_>, from: &Path) -> std::io::Result<Vec<u8>> {
    let mut target = CompoundFile::create(Cursor::new(Vec::new()))?;
    let entries: Vec<(PathBuf, bool)> = cfb
        .walk_storage(from)?
        .filter(|e| e.path() != from)
        .map(|e| (e.path().to_path_buf(), e.is_storage()))
        .collect();
    for (path, is_storage) in entries {
        let Ok(rel) = path.strip_prefix(from) else {
            continue;
        };
        let dest = Path::new("/").join(rel);
        if is_storage {
            target.create_storage_all(&dest)?;
        } else {
            let mut data = Vec::new();
            cfb.open_stream(&path)?.read_to_end(&mut data)?;
            if let Some(parent) = dest.parent() {
                if parent != Path::new("/") {
                    target.create_storage_all(parent)?;
                }
            }
            target.create_stream(&dest)?.write_all(&data)?;
        }
    }
    target.flush()?;
    Ok(target.into_inner().into_inner())
}
