//! `requests import --imap imaps://host[:port]/FOLDER`: the request mailbox as it really is, on
//! an IMAP server (Exchange, Gmail, any provider), over TLS only.
//!
//! Every mail in the folder is read without marking it seen (`BODY.PEEK[]`) and offered to the
//! same intake as a Maildir file ([`crate::requests_cmd::import_mail`]): tagged mails become
//! requests, once, by Message-ID; the others are left where they are, untouched. With
//! `--move-to`, mails that are requests (new or imported before) are moved to that folder
//! (created if missing; MOVE where the server has it, else COPY + \Deleted + EXPUNGE of just
//! those UIDs).
//!
//! Credentials come from the environment, never from the command line (which other users of
//! the machine can read): `GRONDSLAG_IMAP_USER` with `GRONDSLAG_IMAP_PASSWORD`, or with
//! `GRONDSLAG_IMAP_TOKEN` (an OAuth 2 bearer token, SASL XOAUTH2, as Exchange Online and Gmail
//! require). The server's certificate is checked against the system's trust store, plus the
//! CAs in `--ca-file` / `GRONDSLAG_IMAP_CA`.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use grondslag_detect::Detector;
use grondslag_i18n::tr;

use crate::cli::StoreArgs;
use crate::inventory::open;
use crate::requests_cmd::{import_mail, window_tag, ImportCounts, MailOutcome};

/// Mails fetched per round trip.
const FETCH_BATCH: usize = 50;

/// An `imaps://` address taken apart.
#[derive(Debug, PartialEq, Eq)]
pub struct ImapUrl {
    pub host: String,
    pub port: u16,
    pub folder: String,
}

/// Parses `imaps://host[:port][/folder]` (folder percent-decoded, default `INBOX`). Plain
/// `imap://` is refused: request mails hold personal data and credentials travel with them.
pub fn parse_url(url: &str) -> Option<ImapUrl> {
    let rest = url.strip_prefix("imaps://")?;
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    // A user in the URL (user@host) is not used: credentials come from the environment.
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (h, after) = v6.split_once(']')?;
        let port = match after.strip_prefix(':') {
            Some(p) => p.parse().ok()?,
            None => 993,
        };
        (h.to_string(), port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), p.parse().ok()?),
            None => (authority.to_string(), 993),
        }
    };
    if host.is_empty() {
        return None;
    }
    let folder = percent_decode(path.trim_end_matches('/'))?;
    Some(ImapUrl {
        host,
        port,
        folder: if folder.is_empty() {
            "INBOX".into()
        } else {
            folder
        },
    })
}

fn percent_decode(s: &str) -> Option<String> {
    let mut out = Vec::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// SASL XOAUTH2 (RFC 7628's predecessor, as Google and Microsoft document it).
struct XOauth2 {
    user: String,
    token: String,
}

impl imap::Authenticator for XOauth2 {
    type Response = String;
    fn process(&self, _challenge: &[u8]) -> String {
        format!("user={}\x01auth=Bearer {}\x01\x01", self.user, self.token)
    }
}

enum Credentials {
    Password { user: String, password: String },
    Token(XOauth2),
}

fn credentials() -> Option<Credentials> {
    let var = |n: &str| std::env::var(n).ok().filter(|v| !v.is_empty());
    let user = var("GRONDSLAG_IMAP_USER")?;
    if let Some(token) = var("GRONDSLAG_IMAP_TOKEN") {
        return Some(Credentials::Token(XOauth2 { user, token }));
    }
    let password = var("GRONDSLAG_IMAP_PASSWORD")?;
    Some(Credentials::Password { user, password })
}

type Tls = rustls::StreamOwned<rustls::ClientConnection, TcpStream>;

fn tls_config(ca_file: Option<&Path>) -> anyhow::Result<rustls::ClientConfig> {
    let mut roots = rustls::RootCertStore::empty();
    // The system's trust store; certificates it cannot parse are skipped.
    let native = rustls_native_certs::load_native_certs();
    for cert in native.certs {
        let _ = roots.add(cert);
    }
    if let Some(path) = ca_file {
        use rustls::pki_types::pem::PemObject;
        let shown = path.display().to_string();
        let certs: Vec<_> = rustls::pki_types::CertificateDer::pem_file_iter(path)
            .map_err(|_| anyhow::anyhow!(tr!("requests-imap-ca-file", path = shown.as_str())))?
            .collect::<Result<_, _>>()
            .map_err(|_| anyhow::anyhow!(tr!("requests-imap-ca-file", path = shown.as_str())))?;
        if certs.is_empty() {
            anyhow::bail!(tr!("requests-imap-ca-file", path = shown.as_str()));
        }
        for c in certs {
            roots.add(c).map_err(|_| {
                anyhow::anyhow!(tr!("requests-imap-ca-file", path = shown.as_str()))
            })?;
        }
    }
    // ring rather than aws-lc-rs: no C toolchain beyond cc, no cmake. rustls marks it
    // deprecated only for lacking post-quantum key exchange.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(config)
}

fn connect(url: &ImapUrl, ca_file: Option<&Path>) -> anyhow::Result<Tls> {
    let fail = |detail: String| {
        anyhow::anyhow!(tr!(
            "requests-imap-connect",
            host = url.host.as_str(),
            detail = detail
        ))
    };
    let addr = (url.host.as_str(), url.port)
        .to_socket_addrs()
        .map_err(|e| fail(e.to_string()))?
        .next()
        .ok_or_else(|| fail("no address".into()))?;
    let tcp = TcpStream::connect_timeout(&addr, Duration::from_secs(30))
        .map_err(|e| fail(e.to_string()))?;
    tcp.set_read_timeout(Some(Duration::from_secs(120)))?;
    tcp.set_write_timeout(Some(Duration::from_secs(120)))?;
    let name = rustls::pki_types::ServerName::try_from(url.host.clone())
        .map_err(|e| fail(e.to_string()))?;
    let conn = rustls::ClientConnection::new(Arc::new(tls_config(ca_file)?), name)
        .map_err(|e| fail(e.to_string()))?;
    let mut tls = rustls::StreamOwned::new(conn, tcp);
    // Complete the handshake now, so that a certificate problem is reported as such.
    while tls.conn.is_handshaking() {
        tls.conn
            .complete_io(&mut tls.sock)
            .map_err(|e| fail(e.to_string()))?;
    }
    Ok(tls)
}

/// A UID set for a command: `3,5,9`.
fn uid_set(uids: &[u32]) -> String {
    uids.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn imap_err(step: &str, e: imap::Error) -> anyhow::Error {
    anyhow::anyhow!(tr!(
        "requests-imap-error",
        step = step,
        detail = e.to_string()
    ))
}

fn login<S: Read + Write>(
    client: imap::Client<S>,
    creds: &Credentials,
    host: &str,
) -> anyhow::Result<imap::Session<S>> {
    let result = match creds {
        Credentials::Password { user, password } => client.login(user, password),
        Credentials::Token(auth) => client.authenticate("XOAUTH2", auth),
    };
    result.map_err(|(e, _)| {
        anyhow::anyhow!(tr!(
            "requests-imap-login",
            host = host,
            detail = e.to_string()
        ))
    })
}

/// Moves `uids` to `folder`, creating it if needed.
fn move_uids<S: Read + Write>(
    session: &mut imap::Session<S>,
    uids: &[u32],
    folder: &str,
) -> anyhow::Result<()> {
    if uids.is_empty() {
        return Ok(());
    }
    // CREATE fails when the folder exists; whether it now exists shows in the move below.
    let _ = session.create(folder);
    let set = uid_set(uids);
    let caps = session
        .capabilities()
        .map_err(|e| imap_err("CAPABILITY", e))?;
    if caps.has_str("MOVE") {
        session
            .uid_mv(&set, folder)
            .map_err(|e| imap_err("UID MOVE", e))?;
    } else {
        session
            .uid_copy(&set, folder)
            .map_err(|e| imap_err("UID COPY", e))?;
        session
            .uid_store(&set, "+FLAGS.SILENT (\\Deleted)")
            .map_err(|e| imap_err("UID STORE", e))?;
        if caps.has_str("UIDPLUS") {
            session
                .uid_expunge(&set)
                .map_err(|e| imap_err("UID EXPUNGE", e))?;
        } else {
            session.expunge().map_err(|e| imap_err("EXPUNGE", e))?;
        }
    }
    Ok(())
}

/// `requests import --imap URL [--move-to FOLDER] [--ca-file PEM]`.
pub fn import_imap(
    args: &StoreArgs,
    url: &str,
    move_to: Option<&str>,
    ca_file: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let parsed =
        parse_url(url).ok_or_else(|| anyhow::anyhow!(tr!("requests-imap-bad-url", url = url)))?;
    let creds =
        credentials().ok_or_else(|| anyhow::anyhow!(tr!("requests-imap-no-credentials")))?;
    let mut store = open(args)?;
    // Checked before connecting: without a window nothing can be imported.
    let tag = window_tag(&store)?;
    let tls = connect(&parsed, ca_file)?;
    let mut client = imap::Client::new(tls);
    client
        .read_greeting()
        .map_err(|e| imap_err("greeting", e))?;
    let mut session = login(client, &creds, &parsed.host)?;
    session
        .select(&parsed.folder)
        .map_err(|e| imap_err("SELECT", e))?;
    let mut uids: Vec<u32> = session
        .uid_search("ALL")
        .map_err(|e| imap_err("UID SEARCH", e))?
        .into_iter()
        .collect();
    uids.sort_unstable();
    let detector = Detector::new();
    let mut counts = ImportCounts::default();
    let mut requests: Vec<u32> = Vec::new();
    for chunk in uids.chunks(FETCH_BATCH) {
        let fetches = session
            .uid_fetch(uid_set(chunk), "(UID BODY.PEEK[])")
            .map_err(|e| imap_err("UID FETCH", e))?;
        for fetch in fetches.iter() {
            let Some(uid) = fetch.uid else { continue };
            let Some(body) = fetch.body() else {
                eprintln!("grondslag: UID {uid}: {}", tr!("requests-not-a-mail"));
                counts.failed += 1;
                continue;
            };
            let outcome = import_mail(&mut store, body, &tag, &detector)?;
            // Requests, new or known, may move; a destroyed one's mail too (it must go).
            if matches!(
                outcome,
                MailOutcome::Imported | MailOutcome::Duplicate | MailOutcome::Destroyed(_)
            ) {
                requests.push(uid);
            }
            counts.count(outcome, &format!("UID {uid}"));
        }
    }
    if let Some(folder) = move_to {
        move_uids(&mut session, &requests, folder)?;
        println!(
            "{}",
            tr!(
                "requests-imap-moved",
                count = requests.len(),
                folder = folder
            )
        );
    }
    let _ = session.logout();
    counts.print();
    Ok(counts.exit_code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let u = |host: &str, port: u16, folder: &str| ImapUrl {
            host: host.into(),
            port,
            folder: folder.into(),
        };
        for (url, want) in [
            (
                "imaps://mail.example.org/INBOX",
                Some(u("mail.example.org", 993, "INBOX")),
            ),
            (
                "imaps://mail.example.org",
                Some(u("mail.example.org", 993, "INBOX")),
            ),
            (
                "imaps://127.0.0.1:10993/Verzoeken%20AVG",
                Some(u("127.0.0.1", 10993, "Verzoeken AVG")),
            ),
            (
                "imaps://user@[::1]:993/INBOX/Sub",
                Some(u("::1", 993, "INBOX/Sub")),
            ),
            ("imap://mail.example.org/INBOX", None),
            ("imaps://:993/INBOX", None),
            ("imaps://host:port/INBOX", None),
        ] {
            assert_eq!(parse_url(url), want, "{url}");
        }
    }
}
