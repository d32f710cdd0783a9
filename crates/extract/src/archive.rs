//! ZIP archives: every file member becomes a [`Child`]; zip-bomb limits are enforced on the
//! declared and on the actually decompressed sizes.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::{Child, DocType, ExtractError, Extracted, Limits};

const MIB: u64 = 1024 * 1024;

/// Members smaller than this may compress arbitrarily well (a page of spaces) without being a
/// bomb; the ratio limit only applies above it.
const RATIO_FLOOR: u64 = MIB;

pub(crate) type Zip<'a> = ZipArchive<Cursor<&'a [u8]>>;

pub(crate) fn open<'a>(bytes: &'a [u8], format: &'static str) -> Result<Zip<'a>, ExtractError> {
    ZipArchive::new(Cursor::new(bytes)).map_err(|e| zip_error(format, e))
}

/// Maps a zip crate error to ours; its messages are fixed strings about the structure, never
/// member content, but member names are left out to be safe.
pub(crate) fn zip_error(format: &'static str, e: zip::result::ZipError) -> ExtractError {
    use zip::result::ZipError as Z;
    let reason: String = match e {
        Z::Io(io) => format!("read error ({})", io.kind()),
        Z::InvalidArchive(why) => format!("invalid archive: {why}"),
        Z::UnsupportedArchive(why) => format!("unsupported archive: {why}"),
        Z::FileNotFound => "member not found".into(),
        Z::InvalidPassword => "encrypted".into(),
        Z::CompressionMethodNotSupported(m) => format!("compression method {m} not supported"),
        _ => "unreadable archive".into(),
    };
    ExtractError::corrupt(format, reason)
}

/// Running count of expanded bytes for one archive.
pub(crate) struct Budget {
    pub(crate) expanded: u64,
}

/// Metadata of a member, read without decompressing it.
pub(crate) struct MemberInfo {
    pub(crate) name: String,
    pub(crate) is_dir: bool,
    pub(crate) encrypted: bool,
}

pub(crate) fn member_info(
    zip: &mut Zip<'_>,
    index: usize,
    format: &'static str,
) -> Result<MemberInfo, ExtractError> {
    let f = zip.by_index_raw(index).map_err(|e| zip_error(format, e))?;
    let name = f
        .name()
        .map(|n| n.into_owned())
        .unwrap_or_else(|_| format!("member-{}", index + 1));
    Ok(MemberInfo {
        is_dir: f.is_dir(),
        encrypted: f.encrypted(),
        name,
    })
}

/// Reads member `index` fully, refusing bombs: a declared size over the member or total limit,
/// a ratio over `max_ratio`, or more actual bytes than declared limits allow.
pub(crate) fn read_member(
    zip: &mut Zip<'_>,
    index: usize,
    limits: &Limits,
    budget: &mut Budget,
    format: &'static str,
) -> Result<Vec<u8>, ExtractError> {
    let remaining_total = limits.max_total_expanded.saturating_sub(budget.expanded);
    let mut f = zip.by_index(index).map_err(|e| zip_error(format, e))?;
    let declared = f.size();
    let compressed = f.compressed_size().max(1);
    let member = index + 1;
    if declared > limits.max_member_bytes {
        return Err(bomb_member(member, limits.max_member_bytes));
    }
    if declared > remaining_total {
        return Err(bomb_total(limits.max_total_expanded));
    }
    check_ratio(member, declared, compressed, limits)?;
    // Declared sizes can lie: read at most one byte past what we accept.
    let cap = limits.max_member_bytes.min(remaining_total);
    let mut buf = Vec::with_capacity(declared.min(cap).min(64 * MIB) as usize);
    (&mut f)
        .take(cap.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| {
            ExtractError::corrupt(
                format,
                format!("member {member} cannot be decompressed ({})", e.kind()),
            )
        })?;
    let actual = buf.len() as u64;
    if actual > cap {
        return Err(if actual > limits.max_member_bytes {
            bomb_member(member, limits.max_member_bytes)
        } else {
            bomb_total(limits.max_total_expanded)
        });
    }
    check_ratio(member, actual, compressed, limits)?;
    budget.expanded += actual;
    Ok(buf)
}

/// Refuses a member of more than `RATIO_FLOOR` bytes (declared or actual) that expands more
/// than `max_ratio`-fold.
fn check_ratio(
    member: usize,
    expanded: u64,
    compressed: u64,
    limits: &Limits,
) -> Result<(), ExtractError> {
    if expanded > RATIO_FLOOR && expanded / compressed > limits.max_ratio {
        return Err(ExtractError::ZipBomb {
            reason: format!(
                "member {member} expands {}-fold, more than the limit of {}",
                expanded / compressed,
                limits.max_ratio
            ),
        });
    }
    Ok(())
}

fn bomb_member(member: usize, limit: u64) -> ExtractError {
    ExtractError::ZipBomb {
        reason: format!("member {member} expands beyond {}", human(limit)),
    }
}

fn bomb_total(limit: u64) -> ExtractError {
    ExtractError::ZipBomb {
        reason: format!("members expand beyond {} in total", human(limit)),
    }
}

pub(crate) fn human(bytes: u64) -> String {
    if bytes >= 1024 * MIB && bytes.is_multiple_of(1024 * MIB) {
        format!("{} GiB", bytes / (1024 * MIB))
    } else if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

pub(crate) fn extract_zip(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let mut zip = open(bytes, "ZIP")?;
    let mut out = Extracted::new(DocType::Zip, String::new());
    let mut budget = Budget { expanded: 0 };
    for index in 0..zip.len() {
        let info = member_info(&mut zip, index, "ZIP")?;
        if info.is_dir {
            continue;
        }
        if info.encrypted {
            // Member names can name people; the index is enough to find it again.
            out.warnings
                .push(format!("encrypted member skipped: member {}", index + 1));
            continue;
        }
        let data = read_member(&mut zip, index, limits, &mut budget, "ZIP")?;
        out.children.push(Child {
            name: info.name,
            bytes: data,
        });
    }
    Ok(out)
}

/// Decompresses every member into nothing, to check the zip-bomb limits before handing the
/// archive to a reader (calamine) that does not enforce them itself.
pub(crate) fn check_members(
    zip: &mut Zip<'_>,
    limits: &Limits,
    format: &'static str,
) -> Result<(), ExtractError> {
    let mut budget = Budget { expanded: 0 };
    for index in 0..zip.len() {
        let info = member_info(zip, index, format)?;
        if info.is_dir || info.encrypted {
            continue;
        }
        let remaining_total = limits.max_total_expanded.saturating_sub(budget.expanded);
        let cap = limits.max_member_bytes.min(remaining_total);
        let mut f = zip.by_index(index).map_err(|e| zip_error(format, e))?;
        let declared = f.size();
        let compressed = f.compressed_size().max(1);
        let member = index + 1;
        if declared > limits.max_member_bytes {
            return Err(bomb_member(member, limits.max_member_bytes));
        }
        if declared > remaining_total {
            return Err(bomb_total(limits.max_total_expanded));
        }
        let actual = std::io::copy(
            &mut (&mut f).take(cap.saturating_add(1)),
            &mut std::io::sink(),
        )
        .map_err(|e| {
            ExtractError::corrupt(
                format,
                format!("member {member} cannot be decompressed ({})", e.kind()),
            )
        })?;
        if actual > cap {
            return Err(bomb_member(member, cap));
        }
        check_ratio(member, actual, compressed, limits)?;
        budget.expanded += actual;
    }
    Ok(())
}
