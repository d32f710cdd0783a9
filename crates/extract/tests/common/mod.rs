//! Helpers shared by the integration tests of grondslag-extract.
#![allow(dead_code)]

use std::process::Command;

/// Whether the external program `tool` (`pdftoppm`, or `tesseract` with the Dutch model) is
/// installed, for tests that need it. Missing, the test is skipped with a visible
/// "skipped: TOOL missing" line (written past the test harness's output capture), or fails when
/// `GRONDSLAG_REQUIRE_TOOLS=1` (set by `.ci/run`): a machine without the tools cannot pass by
/// skipping silently.
pub fn require_tool(tool: &str) -> bool {
    let (present, what) = if tool == "tesseract" {
        (grondslag_extract::ocr_available(), "tesseract with nld")
    } else {
        let present = Command::new("sh")
            .arg("-c")
            .arg(format!("command -v {tool}"))
            .output()
            .is_ok_and(|o| o.status.success());
        (present, tool)
    };
    if present {
        return true;
    }
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
