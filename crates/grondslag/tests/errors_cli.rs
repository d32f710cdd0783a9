//! Issue 15, item 6 from the outside: mistakes get a sentence a person can act on, never a
//! silent wrong result, a panic or the content of a file.

mod harness;
use harness::*;

use std::io::Read;
use std::process::Stdio;

const LETTER: &str =
    "Geachte heer Jorrit Wiersma,\n\nU woont aan de Kerkstraat 12, 8011 AB Zwolle \
en bent bereikbaar op 06-12345678.\n\nMet vriendelijke groet,\n\nEsmee Hulshof\n";

/// `redact --kinds persoon` (a typo for `person`) wrote an unredacted copy with exit 0.
#[test]
fn redact_refuses_an_unknown_kind_and_writes_nothing() {
    let d = Dir::new();
    let input = d.write("brief.txt", LETTER);
    let out_path = d.path("gelakt.txt");
    let out = d.run(
        "",
        &[
            "redact",
            "--kinds",
            "persoon",
            input.to_str().unwrap(),
            "--out",
            out_path.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("'persoon'") && err.contains("person"), "{err}");
    assert!(!out_path.exists(), "an output file was written");

    let out = d.run(
        "",
        &[
            "redact",
            "--kinds",
            "person,phone",
            input.to_str().unwrap(),
            "--out",
            out_path.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let redacted = std::fs::read_to_string(&out_path).unwrap();
    assert!(!redacted.contains("Wiersma") && !redacted.contains("06-12345678"));
}

/// `report | head` panicked on the closed pipe. Any command whose reader goes away ends
/// quietly, as every Unix tool does.
#[test]
fn a_closed_pipe_ends_the_command_without_a_panic() {
    let d = Dir::new();
    // Enough findings that the JSON lines overflow the pipe's buffer many times over.
    let big = LETTER.repeat(4000);
    let input = d.write("groot.txt", &big);
    let mut child = d
        .cmd(
            "",
            &["detect", "--format", "jsonl", input.to_str().unwrap()],
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn grondslag");
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reader is gone now (dropped above), as `head -c 16` would be.
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!err.contains("panic"), "{err}");
    assert_ne!(status.code(), Some(101), "{err}");
    use std::os::unix::process::ExitStatusExt;
    assert!(
        status.signal() == Some(libc_sigpipe()) || status.success(),
        "ended with {status:?}: {err}"
    );
}

fn libc_sigpipe() -> i32 {
    13
}

/// `restore /etc/passwd` printed the file's content in its error.
#[test]
fn restore_of_a_file_that_is_no_backup_quotes_nothing_of_it() {
    let d = Dir::new();
    d.ok("a", &["init"]);
    let secret = "geheim:Jorrit Wiersma:Kerkstraat 12\n".repeat(20);
    let fake = d.write("backup.tar", &secret);
    let out = d.run("a", &["restore", fake.to_str().unwrap(), "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        !err.contains("Wiersma") && !err.contains("Kerkstraat"),
        "{err}"
    );
    assert!(
        err.contains("backup.tar"),
        "the error names the file: {err}"
    );
}
