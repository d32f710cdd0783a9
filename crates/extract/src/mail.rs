//! E-mail: `.eml` (RFC 5322/MIME, via `mail-parser`) and `.mbox` (split on `From ` lines).
//!
//! A mail's text is a header block in Dutch (`Van:`, `Aan:`, `CC:`, `Onderwerp:`, `Datum:`)
//! followed by the body; attachments and attached mails become [`Child`]ren. A mail with a
//! wrong or unknown charset is still read: the body falls back to windows-1252 with a warning.

use std::borrow::Cow;

use mail_parser::{Address, Message, MessageParser, MessagePart, MimeHeaders, PartType};

use crate::{Child, DocType, ExtractError, Extracted};

pub(crate) fn extract_eml(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Extracted::new(DocType::Mail, String::new()));
    }
    let msg = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| ExtractError::corrupt("mail", "no message headers found"))?;
    let mut out = Extracted::new(DocType::Mail, String::new());
    out.text = header_block(&msg);
    let body = body_text(&msg, &mut out.warnings);
    out.text.push_str(&body);
    if !out.text.ends_with('\n') {
        out.text.push('\n');
    }
    out.children = attachments(&msg);
    Ok(out)
}

/// The Dutch header block: only the headers the mail has, values decoded (RFC 2047), names and
/// addresses as written.
pub(crate) fn header_block(msg: &Message<'_>) -> String {
    let mut block = String::new();
    let mut line = |label: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            block.push_str(label);
            block.push_str(": ");
            block.push_str(&one_line(&v));
            block.push('\n');
        }
    };
    line("Van", msg.from().map(format_address));
    line("Aan", msg.to().map(format_address));
    line("CC", msg.cc().map(format_address));
    line("Onderwerp", msg.subject().map(str::to_owned));
    line("Datum", msg.header_raw("Date").map(|d| d.trim().to_owned()));
    block.push('\n');
    block
}

fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn format_address(addr: &Address<'_>) -> String {
    let one = |a: &mail_parser::Addr<'_>| match (a.name(), a.address()) {
        (Some(n), Some(e)) if n != e => format!("{n} <{e}>"),
        (_, Some(e)) => e.to_owned(),
        (Some(n), None) => n.to_owned(),
        (None, None) => String::new(),
    };
    match addr {
        Address::List(list) => list
            .iter()
            .map(one)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        Address::Group(groups) => groups
            .iter()
            .map(|g| {
                let members = g
                    .addresses
                    .iter()
                    .map(one)
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                match &g.name {
                    Some(name) => format!("{name}: {members};"),
                    None => members,
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The body: every text/plain body part (HTML ones converted when that is all there is).
fn body_text(msg: &Message<'_>, warnings: &mut Vec<String>) -> String {
    let mut body = String::new();
    for (n, part) in msg.text_bodies().enumerate() {
        let text = match &part.body {
            PartType::Text(t) => repair_charset(msg, part, t, n + 1, warnings),
            PartType::Html(h) => Cow::Owned(crate::html::to_text(&repair_charset(
                msg,
                part,
                h,
                n + 1,
                warnings,
            ))),
            _ => continue,
        };
        if !body.is_empty() && !body.ends_with('\n') {
            body.push('\n');
        }
        body.push_str(&text);
    }
    body
}

/// `mail-parser` decodes unknown or wrong charsets as lossy UTF-8; such a part is decoded again
/// from its raw bytes as windows-1252, the usual culprit in Dutch mail.
fn repair_charset<'a>(
    msg: &Message<'_>,
    part: &MessagePart<'_>,
    decoded: &'a str,
    part_no: usize,
    warnings: &mut Vec<String>,
) -> Cow<'a, str> {
    let charset = part
        .content_type()
        .and_then(|ct| ct.attribute("charset"))
        .map(str::to_ascii_lowercase);
    let known = charset
        .as_deref()
        .is_none_or(|c| encoding_rs::Encoding::for_label(c.as_bytes()).is_some());
    if !decoded.contains('\u{FFFD}') {
        if !known {
            warnings.push(format!("mail body part {part_no}: unknown charset"));
        }
        return Cow::Borrowed(decoded);
    }
    let raw = msg
        .raw_message()
        .get(part.offset_body as usize..part.offset_end as usize)
        .unwrap_or_default();
    let transfer_decoded = match part.encoding {
        mail_parser::Encoding::Base64 => mail_parser::decoders::base64::base64_decode(raw),
        mail_parser::Encoding::QuotedPrintable => {
            mail_parser::decoders::quoted_printable::quoted_printable_decode(raw)
        }
        mail_parser::Encoding::None => Some(raw.to_vec()),
    };
    let Some(bytes) = transfer_decoded else {
        warnings.push(format!(
            "mail body part {part_no}: transfer encoding broken, undecodable bytes replaced"
        ));
        return Cow::Borrowed(decoded);
    };
    if std::str::from_utf8(&bytes).is_ok() {
        // The replacement characters were in the mail itself.
        return Cow::Borrowed(decoded);
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    warnings.push(format!(
        "mail body part {part_no}: charset {} did not fit, decoded as windows-1252",
        if known { "label" } else { "unknown" }
    ));
    Cow::Owned(text.into_owned())
}

/// Attachments and attached mails, named by their file name or `bijlage-N` (`bijlage-N.eml`
/// for an attached mail, so it is recognised as one).
fn attachments(msg: &Message<'_>) -> Vec<Child> {
    let mut children = Vec::new();
    for (n, part) in msg.attachments().enumerate() {
        let is_message = matches!(part.body, PartType::Message(_));
        let name = part
            .attachment_name()
            .map(one_line)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| {
                if is_message {
                    format!("bijlage-{}.eml", n + 1)
                } else {
                    format!("bijlage-{}", n + 1)
                }
            });
        children.push(Child {
            name,
            bytes: part.contents().to_vec(),
        });
    }
    children
}

/// Header lines that, together, make a file a mail rather than a text that mentions one.
const MAIL_HEADERS: &[&str] = &[
    "from",
    "to",
    "subject",
    "date",
    "message-id",
    "received",
    "return-path",
    "mime-version",
    "delivered-to",
    "content-type",
    "x-mailer",
];

/// Whether the start of a file is an RFC 5322 header block: its first lines are `Name: value`
/// headers, at least two of them well-known mail headers.
pub(crate) fn looks_like_mail(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let mut known = 0;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue; // folded continuation
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return i > 0 && known >= 2;
        }
        if MAIL_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            known += 1;
        }
        if i > 60 {
            break;
        }
    }
    known >= 2
}

/// An mbox starts with a `From ` line followed by a header block.
pub(crate) fn looks_like_mbox(head: &[u8]) -> bool {
    let Some(nl) = head.iter().position(|&b| b == b'\n') else {
        return false;
    };
    head.starts_with(b"From ") && looks_like_mail(&head[nl + 1..])
}

/// An mbox: each message a child named `1`, `2`, …; the mbox's own text is empty.
pub(crate) fn extract_mbox(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let mut out = Extracted::new(DocType::Mbox, String::new());
    let mut messages = split_mbox(bytes);
    if !bytes.starts_with(b"From ") && !bytes.iter().all(u8::is_ascii_whitespace) {
        out.warnings
            .push("mbox does not start with a From line; read as one message".into());
    }
    for (i, m) in messages.drain(..).enumerate() {
        out.children.push(Child {
            name: (i + 1).to_string(),
            bytes: m,
        });
    }
    Ok(out)
}

/// Splits an mbox on `From ` lines at the start of the file or after an empty line and followed
/// by a header line (so a body line that happens to start with "From " in a sloppily written
/// mbox does not split a mail),
/// and undoes mboxrd quoting (`>From ` → `From `).
fn split_mbox(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut messages = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let mut prev_empty = true;
    let mut lines = bytes.split_inclusive(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        let bare = line.strip_suffix(b"\n").unwrap_or(line);
        let bare = bare.strip_suffix(b"\r").unwrap_or(bare);
        let next_is_header = lines.peek().is_some_and(|next| is_header_line(next));
        if bare.starts_with(b"From ") && prev_empty && (next_is_header || current.is_none()) {
            if let Some(m) = current.take() {
                messages.push(finish_message(m));
            }
            current = Some(Vec::new());
            prev_empty = false;
            continue;
        }
        prev_empty = bare.is_empty();
        let msg = current.get_or_insert_with(Vec::new);
        let quoted = bare.iter().take_while(|&&b| b == b'>').count();
        if quoted > 0 && bare[quoted..].starts_with(b"From ") {
            msg.extend_from_slice(&line[1..]);
        } else {
            msg.extend_from_slice(line);
        }
    }
    if let Some(m) = current {
        messages.push(finish_message(m));
    }
    messages.retain(|m| !m.iter().all(u8::is_ascii_whitespace));
    messages
}

fn is_header_line(line: &[u8]) -> bool {
    let Some(colon) = line.iter().position(|&b| b == b':') else {
        return false;
    };
    colon > 0
        && line[..colon]
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Drops the empty line that separates a message from the next `From ` line.
fn finish_message(mut m: Vec<u8>) -> Vec<u8> {
    if m.ends_with(b"\r\n\r\n") {
        m.truncate(m.len() - 2);
    } else if m.ends_with(b"\n\n") {
        m.truncate(m.len() - 1);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mbox_split_and_unquote() {
        let mbox = b"From a@x Mon Jan  1 00:00:00 2024\nSubject: een\n\nFrom here\n>From there\n\nFrom b@x Mon Jan  1 00:00:00 2024\nSubject: twee\n\nb\n";
        let m = split_mbox(mbox);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0], b"Subject: een\n\nFrom here\nFrom there\n");
        assert_eq!(m[1], b"Subject: twee\n\nb\n");
    }

    #[test]
    fn mail_sniffing() {
        assert!(looks_like_mail(
            b"From: a@example.org\nTo: b@example.org\n\nhoi"
        ));
        assert!(looks_like_mail(
            b"Received: by x\n\tfolded\nDate: Mon, 1 Jan 2024\nSubject: x\n\n"
        ));
        assert!(!looks_like_mail(b"Van: iemand\nAan: iemand anders\n\nhoi"));
        assert!(!looks_like_mail(
            b"Dit is gewoon tekst.\nMet: een dubbele punt\n"
        ));
        assert!(looks_like_mbox(
            b"From x@y Mon Jan  1 00:00:00 2024\nFrom: a@example.org\nSubject: s\n\n"
        ));
    }
}
