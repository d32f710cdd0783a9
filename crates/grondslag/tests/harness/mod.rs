//! A small harness in ripgrep's manner: a temp dir, files in it, the real binary, its output.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Dir {
    pub tmp: tempfile::TempDir,
    /// Users registered in the home so far (see [`Dir::run`]); `None` when tests register
    /// users themselves ([`Dir::without_users`]).
    registered: Option<std::sync::Mutex<Vec<String>>>,
}

impl Default for Dir {
    fn default() -> Dir {
        Dir::new()
    }
}

impl Dir {
    /// A temp dir whose acting users are registered in the home on their first command, so
    /// that tests about other things read as before (decisions need a registered user).
    pub fn new() -> Dir {
        Dir::in_temp(tempfile::tempdir().expect("temp dir"))
    }

    /// [`Dir::new`] in a temp dir made by the caller.
    pub fn in_temp(tmp: tempfile::TempDir) -> Dir {
        Dir {
            tmp,
            registered: Some(Default::default()),
        }
    }

    /// A temp dir where nobody is registered unless the test runs `user add` itself.
    pub fn without_users() -> Dir {
        Dir {
            tmp: tempfile::tempdir().expect("temp dir"),
            registered: None,
        }
    }

    fn register(&self, user: &str) {
        let Some(reg) = &self.registered else { return };
        let mut reg = reg.lock().unwrap_or_else(|e| e.into_inner());
        if reg.iter().any(|u| u == user) {
            return;
        }
        // The first user registers themselves; later ones are registered by the first.
        let by = reg.first().cloned().unwrap_or_else(|| user.to_string());
        let out = self.command(&by, &["user", "add", user, "--role", "privacy_officer"]);
        assert!(
            out.status.success(),
            "registering {user}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        reg.push(user.to_string());
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    pub fn home(&self) -> PathBuf {
        self.path("home")
    }

    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// Runs grondslag as `user` (registered first, see [`Dir::new`]) in the home
    /// (`GRONDSLAG_HOME`).
    pub fn run(&self, user: &str, args: &[&str]) -> Output {
        let store_command = !matches!(
            args.first().copied(),
            Some("user" | "detect" | "extract" | "redact" | "--help" | "--version")
        );
        if store_command && !user.is_empty() {
            self.register(user);
        }
        self.command(user, args)
    }

    fn command(&self, user: &str, args: &[&str]) -> Output {
        self.cmd(user, args).output().expect("run grondslag")
    }

    /// The command [`Dir::run`] runs (without registering `user`), to add to or spawn.
    pub fn cmd(&self, user: &str, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_grondslag"));
        c.args(args)
            .env("GRONDSLAG_USER", user)
            .env("GRONDSLAG_HOME", self.home())
            .env_remove("GRONDSLAG_LANG")
            .current_dir(self.tmp.path());
        c
    }

    /// Runs and asserts success, returning stdout.
    pub fn ok(&self, user: &str, args: &[&str]) -> String {
        let out = self.run(user, args);
        assert!(
            out.status.success(),
            "grondslag {args:?} failed: {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// `grondslag assess --disposition D --reason R ID...` as `user`, asserting success.
    pub fn assess(&self, user: &str, disposition: &str, reason: &str, ids: &[&str]) -> String {
        let mut args = vec!["assess", "--disposition", disposition, "--reason", reason];
        args.extend_from_slice(ids);
        self.ok(user, &args)
    }

    /// `grondslag window --opens O --closes C --tag T` as user "a", asserting success.
    pub fn open_window(&self, opens: &str, closes: &str, tag: &str) {
        self.ok(
            "a",
            &["window", "--opens", opens, "--closes", closes, "--tag", tag],
        );
    }

    /// Records the example municipality ("Gemeente Voorbeeld") as the sender of letters,
    /// signed by `signatory`, as user "a".
    pub fn set_example_org(&self, signatory: &str) {
        self.ok(
            "a",
            &[
                "org",
                "set",
                "--name",
                "Gemeente Voorbeeld",
                "--address",
                "Postbus 1, 1000 AA Voorbeeld",
                "--signatory",
                signatory,
                "--contact",
                "privacy@gemeente.example",
            ],
        );
    }

    pub fn json(&self, user: &str, args: &[&str]) -> serde_json::Value {
        let out = self.ok(user, args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {out}"))
    }
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir`, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// Every file under `home` (database, WAL, journal, vault, keys, logs) that holds one of
/// `secrets` in plain text: as UTF-8 in any case, or as UTF-16LE.
pub fn plain_text_leaks(home: &Path, secrets: &[&str]) -> Vec<String> {
    let files = files_under(home);
    let mut leaks = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_else(|e| panic!("read {}: {e}", f.display()));
        // str::contains is fast even in a debug build; invalid UTF-8 only becomes U+FFFD.
        let lower = String::from_utf8_lossy(&bytes).to_lowercase();
        // UTF-16LE text at even and at odd offsets, non-Latin-1 units as U+FFFD.
        let utf16 = |b: &[u8]| -> String {
            b.chunks_exact(2)
                .map(|c| {
                    if c[1] == 0 {
                        char::from(c[0])
                    } else {
                        '\u{fffd}'
                    }
                })
                .collect()
        };
        let (even, odd) = (utf16(&bytes), utf16(bytes.get(1..).unwrap_or_default()));
        for secret in secrets {
            let low = secret.to_lowercase();
            if lower.contains(&low) || even.contains(*secret) || odd.contains(*secret) {
                leaks.push(format!(
                    "{} holds {secret:?}",
                    f.strip_prefix(home).unwrap_or(f).display()
                ));
            }
        }
    }
    leaks
}

/// Fails, naming each file, when a file under `home` holds one of `secrets` in plain text
/// ([`plain_text_leaks`]): personal data is encrypted at rest and nowhere else.
pub fn assert_no_plain_text(home: &Path, secrets: &[&str]) {
    let leaks = plain_text_leaks(home, secrets);
    assert!(
        leaks.is_empty(),
        "plain personal data under the home folder:\n{}",
        leaks.join("\n")
    );
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

pub fn have(cmd: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {cmd}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Starts grondslag as `user` (like [`Dir::run`]) without waiting, for tests that kill it.
pub fn spawn(d: &Dir, user: &str, args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_grondslag"))
        .args(args)
        .env("GRONDSLAG_USER", user)
        .env("GRONDSLAG_HOME", d.home())
        .env_remove("GRONDSLAG_LANG")
        .current_dir(d.tmp.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn grondslag")
}

/// Whether the external program `tool` (`pdftotext`, `pdftoppm`, `tesseract`) is installed, for
/// tests that need it. Missing, the test is skipped with a visible "skipped: TOOL missing" line
/// (written past the test harness's output capture), or fails when `GRONDSLAG_REQUIRE_TOOLS=1`
/// (set by `.ci/run`), so that a machine without the tools cannot pass by skipping silently.
/// `tesseract` counts as installed only with the Dutch model (`nld`).
pub fn require_tool(tool: &str) -> bool {
    let present = if tool == "tesseract" {
        Command::new("tesseract")
            .arg("--list-langs")
            .output()
            .is_ok_and(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .any(|l| l.trim() == "nld")
            })
    } else {
        have(tool)
    };
    if present {
        return true;
    }
    let what = if tool == "tesseract" {
        "tesseract with nld"
    } else {
        tool
    };
    if std::env::var("GRONDSLAG_REQUIRE_TOOLS").is_ok_and(|v| v == "1") {
        panic!("{what} missing, and GRONDSLAG_REQUIRE_TOOLS=1 requires it");
    }
    use std::io::Write;
    // Straight to the process's stderr: `eprintln!` would be captured and never shown.
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {what} missing ({})",
        std::thread::current().name().unwrap_or("?")
    );
    false
}
