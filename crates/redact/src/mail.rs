//! E-mail (RFC 5322): the message is rebuilt rather than patched. Only From, To, Cc, Reply-To,
//! Subject and Date survive (redacted); trace and client headers (Received, Return-Path,
//! X-Originating-IP, Message-ID, References, ...) are dropped because they hold addresses and
//! hosts; text and HTML bodies are redacted; attachments are replaced by a note, since each
//! attachment is a document of its own that the caller redacts separately when it must be kept.

use mail_builder::headers::address::Address;
use mail_builder::headers::raw::Raw;
use mail_builder::MessageBuilder;
use mail_parser::{MessageParser, PartType};

use crate::matcher::Matcher;
use crate::RedactError;

/// What a removed address becomes: a syntactically valid address that reaches no one.
const REMOVED_ADDRESS: &str = "verwijderd@afgeschermd.invalid";

fn malformed(reason: &str) -> RedactError {
    RedactError::Malformed {
        format: "e-mail",
        reason: reason.to_string(),
    }
}

pub(crate) fn redact(original: &[u8], matcher: &Matcher) -> Result<Vec<u8>, RedactError> {
    let message = MessageParser::default()
        .parse(original)
        .ok_or_else(|| malformed("not a parseable RFC 5322 message"))?;
    let mut located = vec![false; matcher.value_count()];

    let mut builder = MessageBuilder::new().message_id("redacted@afgeschermd.invalid");
    let mut redact_addresses =
        |list: Option<&mail_parser::Address<'_>>| -> Option<Address<'static>> {
            let list = list?;
            let mut out = Vec::new();
            for addr in list.iter() {
                let name = addr
                    .name()
                    .map(|n| matcher.redact_str(n, &mut located))
                    .unwrap_or_default();
                let address = addr.address().unwrap_or_default();
                let address = if matcher.redact_str(address, &mut located) != address {
                    REMOVED_ADDRESS.to_string()
                } else {
                    address.to_string()
                };
                out.push(Address::new_address(
                    (!name.is_empty()).then_some(name),
                    address,
                ));
            }
            (!out.is_empty()).then(|| Address::new_list(out))
        };
    let from = redact_addresses(message.from());
    let to = redact_addresses(message.to());
    let cc = redact_addresses(message.cc());
    let reply_to = redact_addresses(message.reply_to());
    if let Some(a) = from {
        builder = builder.from(a);
    }
    if let Some(a) = to {
        builder = builder.to(a);
    }
    if let Some(a) = cc {
        builder = builder.cc(a);
    }
    if let Some(a) = reply_to {
        builder = builder.reply_to(a);
    }
    if let Some(subject) = message.subject() {
        builder = builder.subject(matcher.redact_str(subject, &mut located));
    }
    if let Some(date) = message.header_raw("Date") {
        // Kept as written: the day a request was received is the day in the sender's own offset.
        builder = builder.header("Date", Raw::new(date.trim().to_string()));
    }

    let attachments = message.attachment_count();
    let mut notes = String::new();
    for i in 0..attachments {
        notes.push_str(&format!("\n[bijlage {} verwijderd (5.1.2e)]\n", i + 1));
    }
    let mut text = String::new();
    for i in 0..message.text_body_count() {
        if let Some(body) = message.body_text(i) {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&matcher.redact_str(&body, &mut located));
        }
    }
    text.push_str(&notes);
    builder = builder.text_body(text);
    let has_html = (0..message.html_body_count()).any(|i| {
        message
            .html_body
            .get(i)
            .and_then(|id| message.parts.get(*id as usize))
            .is_some_and(|p| matches!(p.body, PartType::Html(_)))
    });
    if has_html {
        let mut html = String::new();
        for i in 0..message.html_body_count() {
            if let Some(body) = message.body_html(i) {
                html.push_str(&crate::html::redact_str(&body, matcher, &mut located));
            }
        }
        if !notes.is_empty() {
            html.push_str(&format!("<p>{}</p>", notes.trim().replace('\n', "<br>")));
        }
        builder = builder.html_body(html);
    }
    builder
        .write_to_vec()
        .map_err(|_| malformed("could not write the rebuilt message"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Grounds, Span};

    #[test]
    fn headers_bodies_and_attachments() {
        let eml = "From: Bram Vlinder <b.vlinder@example.org>\r\n\
                   To: Loket <loket@gemeente.example>\r\n\
                   Subject: Inzageverzoek Bram Vlinder\r\n\
                   Date: Sat, 30 Mar 2024 23:30:00 +0100\r\n\
                   Received: from host.example.org (192.0.2.7)\r\n\
                   MIME-Version: 1.0\r\n\
                   Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
                   --b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
                   Ik ben Bram Vlinder uit Ede.\r\n\
                   --b1\r\nContent-Type: application/pdf; name=\"paspoort-vlinder.pdf\"\r\n\
                   Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n";
        let extracted = "Bram Vlinder b.vlinder@example.org Ede";
        let spans = [
            Span::new(0, 12, "person"),
            Span::new(13, 34, "email"),
            Span::new(35, 38, "place"),
        ];
        let m = Matcher::new(extracted, &spans, &Grounds::woo_default());
        let out = String::from_utf8(redact(eml.as_bytes(), &m).unwrap()).unwrap();
        for gone in ["Vlinder", "vlinder", "192.0.2.7", "paspoort", "JVBERi0"] {
            assert!(!out.contains(gone), "{gone} in\n{out}");
        }
        assert!(
            out.contains("Date: Sat, 30 Mar 2024 23:30:00 +0100"),
            "{out}"
        );
        let parsed = MessageParser::default().parse(out.as_bytes()).unwrap();
        let body = parsed.body_text(0).unwrap();
        assert!(body.contains("Ik ben [5.1.2e] uit [5.1.2e]."), "{body}");
        assert!(body.contains("bijlage 1 verwijderd"), "{body}");
        assert_eq!(parsed.subject(), Some("Inzageverzoek [5.1.2e]"));
        assert_eq!(
            parsed
                .to()
                .and_then(|a| a.first())
                .and_then(|a| a.address()),
            Some("loket@gemeente.example")
        );
    }

    #[test]
    fn html_alternative_is_redacted_too() {
        let eml = "From: a@example.org\r\nSubject: x\r\nDate: Mon, 1 Apr 2024 10:00:00 +0200\r\n\
                   MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n\
                   --b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGroet, Ayşe Doğan\r\n\
                   --b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Groet, <b>Ayşe</b> Doğan</p>\r\n--b--\r\n";
        let extracted = "Ayşe Doğan";
        let m = Matcher::new(
            extracted,
            &[Span::new(0, extracted.len(), "person")],
            &Grounds::woo_default(),
        );
        let out = redact(eml.as_bytes(), &m).unwrap();
        let parsed = MessageParser::default().parse(&out).unwrap();
        let html = parsed.body_html(0).unwrap();
        assert!(
            html.contains("<b>[5.1.2e]</b>") && !html.contains("Doğan"),
            "{html}"
        );
        let text = parsed.body_text(0).unwrap();
        assert!(text.contains("Groet, [5.1.2e]"), "{text}");
    }
}
