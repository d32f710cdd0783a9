//! `requests import --imap` against a real IMAP server: Debian's dovecot, started by this test
//! on loopback with TLS (a throw-away CA and server certificate made with openssl) and a
//! throw-away user in a passwd-file. The mailbox holds a tagged mail, an untagged one, the same
//! tagged mail twice (one Message-ID), a mail in ISO-8859-9 and one sent after the window closed.
//!
//! Needs `dovecot` and `openssl`; without them the test prints "skipped: … missing" and passes,
//! unless GRONDSLAG_REQUIRE_TOOLS=1 (CI), where it fails.

mod harness;
use harness::*;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const USER: &str = "verzoeken";
const PASSWORD: &str = "wegwerp-wachtwoord-7";

/// The dovecot binary: on PATH, or where Debian puts it (/usr/sbin is not on every PATH).
fn dovecot_bin() -> String {
    if !have("dovecot") && Path::new("/usr/sbin/dovecot").exists() {
        "/usr/sbin/dovecot".into()
    } else {
        "dovecot".into()
    }
}

fn require(tool: &str) -> bool {
    if have(tool) || (tool == "dovecot" && Path::new("/usr/sbin/dovecot").exists()) {
        return true;
    }
    if std::env::var("GRONDSLAG_REQUIRE_TOOLS").as_deref() == Ok("1") {
        panic!("{tool} missing and GRONDSLAG_REQUIRE_TOOLS=1");
    }
    eprintln!("skipped: {tool} missing");
    false
}

fn run(cmd: &mut Command) {
    let out = cmd.output().expect("run tool");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A CA and a server certificate for 127.0.0.1 signed by it (a self-signed leaf is not a valid
/// end-entity certificate for rustls).
fn certificates(dir: &Path) -> PathBuf {
    let p = |f: &str| dir.join(f);
    run(Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        ])
        .args(["-subj", "/CN=grondslag test CA", "-keyout"])
        .arg(p("ca.key"))
        .arg("-out")
        .arg(p("ca.pem")));
    run(Command::new("openssl")
        .args([
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
        ])
        .arg(p("server.key"))
        .arg("-out")
        .arg(p("server.csr")));
    std::fs::write(
        p("ext.cnf"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    run(Command::new("openssl")
        .args(["x509", "-req", "-days", "2", "-in"])
        .arg(p("server.csr"))
        .arg("-CA")
        .arg(p("ca.pem"))
        .arg("-CAkey")
        .arg(p("ca.key"))
        .arg("-CAcreateserial")
        .arg("-extfile")
        .arg(p("ext.cnf"))
        .arg("-out")
        .arg(p("server.pem")));
    p("ca.pem")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A dovecot master for the test; stopped (with its children) when dropped.
struct Dovecot {
    child: Child,
    log: PathBuf,
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        // SIGTERM lets the master stop its login and auth processes too.
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_dovecot(dir: &Path, port: u16) -> Dovecot {
    let p = |f: &str| dir.join(f);
    for sub in ["run", "state", "mail"] {
        std::fs::create_dir_all(p(sub)).unwrap();
    }
    std::fs::write(p("passwd"), format!("{USER}:{{PLAIN}}{PASSWORD}::::::\n")).unwrap();
    let owner = {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(dir).unwrap().uid()
    };
    let me = std::env::var("USER").unwrap_or_else(|_| "root".into());
    // Dovecot never serves mail as root: as root, the mail belongs to dovecot's own user;
    // otherwise everything runs as the caller.
    let id_of = |flag: &str, user: &str| -> u32 {
        let out = Command::new("id").arg(flag).arg(user).output().unwrap();
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
    };
    let (uid, gid, users) = if owner == 0 {
        let (uid, gid) = (id_of("-u", "dovecot"), id_of("-g", "dovecot"));
        run(Command::new("chown")
            .arg("-R")
            .arg(format!("{uid}:{gid}"))
            .arg(p("mail")));
        // The login and auth processes run as dovecot's users and must reach these files.
        let _ = Command::new("chmod").args(["-R", "a+rX"]).arg(dir).status();
        (
            uid,
            gid,
            "default_login_user = dovenull\ndefault_internal_user = dovecot\nfirst_valid_uid = 1\nfirst_valid_gid = 1\n".to_string(),
        )
    } else {
        let (uid, gid) = (id_of("-u", &me), id_of("-g", &me));
        (
            uid,
            gid,
            format!("default_login_user = {me}\ndefault_internal_user = {me}\n"),
        )
    };
    let conf = format!(
        "base_dir = {run}\nstate_dir = {state}\nlog_path = {log}\n{users}\
         protocols = imap\nlisten = 127.0.0.1\nssl = required\n\
         ssl_cert = <{cert}\nssl_key = <{key}\n\
         disable_plaintext_auth = yes\nauth_mechanisms = plain login\n\
         passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u {passwd}\n}}\n\
         userdb {{\n  driver = static\n  args = uid={uid} gid={gid} home={mail}/%u\n}}\n\
         mail_location = maildir:~/Maildir\n\
         namespace inbox {{\n  inbox = yes\n  separator = /\n}}\n\
         service imap-login {{\n  chroot =\n  inet_listener imap {{\n    port = 0\n  }}\n  inet_listener imaps {{\n    port = {port}\n    ssl = yes\n  }}\n}}\n\
         service anvil {{\n  chroot =\n}}\n",
        run = p("run").display(),
        state = p("state").display(),
        log = p("dovecot.log").display(),
        cert = p("server.pem").display(),
        key = p("server.key").display(),
        passwd = p("passwd").display(),
        mail = p("mail").display(),
    );
    std::fs::write(p("dovecot.conf"), conf).unwrap();
    let child = Command::new(dovecot_bin())
        .arg("-F")
        .arg("-c")
        .arg(p("dovecot.conf"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start dovecot");
    let server = Dovecot {
        child,
        log: p("dovecot.log"),
    };
    // Ready when the port accepts connections (a readiness wait, not a timing assertion).
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "dovecot did not listen: {}",
            std::fs::read_to_string(&server.log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    server
}

/// Puts a mail in the user's INBOX (Maildir `new/`), as a delivery agent would.
fn deliver(dir: &Path, name: &str, mail: &[u8]) {
    let new = dir.join("mail").join(USER).join("Maildir/new");
    std::fs::create_dir_all(&new).unwrap();
    std::fs::create_dir_all(dir.join("mail").join(USER).join("Maildir/cur")).unwrap();
    std::fs::create_dir_all(dir.join("mail").join(USER).join("Maildir/tmp")).unwrap();
    std::fs::write(new.join(name), mail).unwrap();
}

/// Files of a Maildir folder (`""` is the INBOX), both `new/` and `cur/`.
fn folder(dir: &Path, name: &str) -> Vec<String> {
    let base = dir.join("mail").join(USER).join("Maildir");
    let base = if name.is_empty() {
        base
    } else {
        base.join(format!(".{name}"))
    };
    let mut out = Vec::new();
    for sub in ["new", "cur"] {
        if let Ok(rd) = std::fs::read_dir(base.join(sub)) {
            for e in rd.flatten() {
                out.push(std::fs::read_to_string(e.path()).unwrap_or_else(|_| {
                    String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned()
                }));
            }
        }
    }
    out
}

fn imap_import(d: &Dir, url: &str, ca: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["requests", "import", "--imap", url, "--ca-file"];
    let ca = ca.to_str().unwrap();
    args.push(ca);
    args.extend_from_slice(extra);
    Command::new(env!("CARGO_BIN_EXE_grondslag"))
        .args(&args)
        .env("GRONDSLAG_USER", "a")
        .env("GRONDSLAG_HOME", d.home())
        .env("GRONDSLAG_IMAP_USER", USER)
        .env("GRONDSLAG_IMAP_PASSWORD", PASSWORD)
        .env_remove("GRONDSLAG_IMAP_TOKEN")
        .env_remove("GRONDSLAG_LANG")
        .current_dir(d.tmp.path())
        .output()
        .expect("run grondslag")
}

#[test]
fn requests_from_a_real_imap_mailbox() {
    if !require("dovecot") || !require("openssl") {
        return;
    }
    let d = Dir::new();
    let server_dir = d.path("dovecot");
    std::fs::create_dir_all(&server_dir).unwrap();
    // Dovecot's own users must reach the server folder inside the test's temp folder.
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(d.tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let ca = certificates(&server_dir);

    let tagged = b"From: Jorien ter Horst <j.terhorst@voorbeeld.nl>\r\nTo: inzage@gemeente.example\r\n\
Subject: Inzageverzoek REFLECTIE\r\nDate: Mon, 11 Mar 2024 10:00:00 +0100\r\n\
Message-ID: <verzoek-1@voorbeeld.nl>\r\n\r\nIk wil graag inzage in mijn gegevens. Jorien ter Horst\r\n";
    deliver(&server_dir, "1.M1P1.test", tagged);
    // The same mail again (a second delivery): one Message-ID, one request.
    deliver(&server_dir, "2.M2P2.test", tagged);
    deliver(
        &server_dir,
        "3.M3P3.test",
        b"From: nieuwsbrief@voorbeeld.nl\r\nSubject: Nieuwsbrief maart\r\nDate: Tue, 12 Mar 2024 09:00:00 +0100\r\n\
Message-ID: <nb-3@voorbeeld.nl>\r\n\r\nGeen verzoek.\r\n",
    );
    // Turkish name and text in ISO-8859-9 (0xFE = s-cedilla, 0xFD = dotless i, 0xF0 = g-breve).
    let mut turkish = b"From: =?ISO-8859-9?Q?Ay=FEe_Y=FDld=FDz?= <ayse.yildiz@voorbeeld.nl>\r\n\
Subject: =?ISO-8859-9?Q?Ba=FEvuru_reflectie?=\r\nDate: Wed, 20 Mar 2024 14:30:00 +0300\r\n\
Message-ID: <tr-4@voorbeeld.nl>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-8859-9\r\n\
Content-Transfer-Encoding: 8bit\r\n\r\n"
        .to_vec();
    turkish.extend_from_slice(
        b"Merhaba, verilerimi g\xf6rmek istiyorum. Ay\xfee Y\xfdld\xfdz, Do\xf0an sokak\r\n",
    );
    deliver(&server_dir, "4.M4P4.test", &turkish);
    deliver(
        &server_dir,
        "5.M5P5.test",
        b"From: Karim Bouzidi <k.bouzidi@voorbeeld.nl>\r\nSubject: reflectie: graag inzage\r\n\
Date: Tue, 30 Apr 2024 09:00:00 +0200\r\nMessage-ID: <laat-5@voorbeeld.nl>\r\n\r\nGraag inzage. Karim Bouzidi\r\n",
    );

    let port = free_port();
    let server = start_dovecot(&server_dir, port);
    let log = || std::fs::read_to_string(&server.log).unwrap_or_default();
    let url = format!("imaps://127.0.0.1:{port}/INBOX");

    d.open_window("2024-01-01", "2024-03-31", "reflectie");
    // Without credentials: refused before connecting, with what to set.
    let out = Command::new(env!("CARGO_BIN_EXE_grondslag"))
        .args(["requests", "import", "--imap", &url])
        .env("GRONDSLAG_HOME", d.home())
        .env_remove("GRONDSLAG_IMAP_USER")
        .env_remove("GRONDSLAG_IMAP_PASSWORD")
        .env_remove("GRONDSLAG_LANG")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("GRONDSLAG_IMAP_USER"),
        "{}",
        stderr(&out)
    );
    // Without the test CA the server's certificate is not trusted.
    let out = Command::new(env!("CARGO_BIN_EXE_grondslag"))
        .args(["requests", "import", "--imap", &url])
        .env("GRONDSLAG_HOME", d.home())
        .env("GRONDSLAG_IMAP_USER", USER)
        .env("GRONDSLAG_IMAP_PASSWORD", PASSWORD)
        .env_remove("GRONDSLAG_IMAP_CA")
        .env_remove("GRONDSLAG_LANG")
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "an untrusted certificate was accepted"
    );
    assert!(
        stderr(&out).contains("geen veilige verbinding"),
        "{}",
        stderr(&out)
    );

    let out = imap_import(&d, &url, &ca, &[]);
    assert!(
        out.status.success(),
        "{}\ndovecot log:\n{}",
        stderr(&out),
        log()
    );
    let summary = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        summary.contains("3 verzoeken opgenomen, 1 al eerder opgenomen, 1 andere mails overgeslagen, 0 onleesbaar"),
        "{summary}"
    );
    // Importing again adds nothing; the mails stay where they are without --move-to.
    let out = imap_import(&d, &url, &ca, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("0 verzoeken opgenomen, 4 al eerder opgenomen"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(folder(&server_dir, "").len(), 5);

    let rq = d.json("a", &["requests", "--json"]);
    let rq = rq.as_array().unwrap();
    assert_eq!(rq.len(), 3, "{rq:?}");
    let by_date = |date: &str| {
        rq.iter()
            .find(|r| r["received"] == date)
            .unwrap_or_else(|| panic!("no request received {date}: {rq:?}"))
    };
    assert_eq!(by_date("2024-03-11")["late"], false);
    assert_eq!(by_date("2024-03-20")["late"], false);
    let late = by_date("2024-04-30");
    assert_eq!(
        late["late"], true,
        "after the window: imported, marked late"
    );
    assert_eq!(late["due"], "2024-05-30");
    // The ISO-8859-9 name reads right.
    let turkish = by_date("2024-03-20")["id"].to_string();
    let shown = d.json("a", &["request", "show", &turkish, "--json"]);
    assert_eq!(shown["requester"]["names"][0], "Ayşe Yıldız", "{shown}");
    assert_eq!(shown["requester"]["emails"][0], "ayse.yildiz@voorbeeld.nl");
    assert_eq!(shown["history"][0]["status"], "received");
    assert_eq!(shown["due"], "2024-04-20");

    // --move-to: requests (new or known) go to the folder, the newsletter stays.
    let out = imap_import(&d, &url, &ca, &["--move-to", "Verwerkt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("4 verzoekmails verplaatst naar Verwerkt")
    );
    let inbox = folder(&server_dir, "");
    assert_eq!(inbox.len(), 1, "{inbox:?}");
    assert!(inbox[0].contains("Nieuwsbrief"));
    assert_eq!(folder(&server_dir, "Verwerkt").len(), 4);
    assert_eq!(
        d.json("a", &["requests", "--json"])
            .as_array()
            .unwrap()
            .len(),
        3
    );

    // A wrong password is a clear refusal, not a crash.
    let out = Command::new(env!("CARGO_BIN_EXE_grondslag"))
        .args([
            "requests",
            "import",
            "--imap",
            &url,
            "--ca-file",
            ca.to_str().unwrap(),
        ])
        .env("GRONDSLAG_HOME", d.home())
        .env("GRONDSLAG_IMAP_USER", USER)
        .env("GRONDSLAG_IMAP_PASSWORD", "fout")
        .env_remove("GRONDSLAG_LANG")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("inloggen bij 127.0.0.1 is mislukt"),
        "{}",
        stderr(&out)
    );
    d.ok("a", &["audit", "verify"]);
}
