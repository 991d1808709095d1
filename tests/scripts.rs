//! The test command's own counting (scripts/count.sh, sourced by scripts/test.sh): run on
//! deliberately failing and passing suites in a temporary directory, under the `set -euo
//! pipefail` that setup leaves behind, it still ends with "N passed, N failed" and exits
//! non-zero when anything failed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

/// Run `body` after sourcing scripts/count.sh in a fresh temporary directory; (stdout, exit).
fn run(body: &str) -> (String, i32) {
    let count = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/count.sh");
    let dir = std::env::temp_dir().join(format!(
        "hatcalc-count-{}-{}",
        std::process::id(),
        body.len()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let script = format!(
        "set -euo pipefail\ncd '{}'\nlogdir=logs\n. '{}'\n{body}\nsummary\n",
        dir.display(),
        count.display()
    );
    let out = Command::new("bash").arg("-c").arg(script).output().unwrap();
    std::fs::remove_dir_all(&dir).ok();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn last_line(s: &str) -> &str {
    s.lines().last().unwrap_or("")
}

#[test]
fn failing_suites_are_counted_and_the_summary_line_still_comes_last() {
    let (out, code) = run(r##"
check "passes" true
check "fails" false
cargo_suite "cargo with failures" c1 bash -c 'echo "test result: FAILED. 3 passed; 2 failed; 0 ignored"; exit 101'
cargo_suite "cargo that breaks before any result" c2 bash -c 'echo "error: could not compile"; exit 101'
cargo_suite "cargo that passes" c3 bash -c 'echo "test result: ok. 5 passed; 0 failed; 0 ignored"'
tap_suite "tap with a failure" t1 bash -c 'printf "# pass 7\n# fail 1\n"; exit 1'
tap_suite "tap that crashes" t2 bash -c 'echo boom; exit 1'
"##);
    // Passed: 1 + 3 + 5 + 7; failed: 1 + 2 + 1 (no result) + 1 + 1 (crash).
    assert_eq!(last_line(&out), "16 passed, 6 failed", "{out}");
    assert_ne!(code, 0);
    assert!(out.contains("FAILED: fails") && out.contains("FAILED: tap that crashes (exit 1)"));
}

#[test]
fn all_passing_suites_exit_zero() {
    let (out, code) = run(r##"
check "passes" true
cargo_suite "cargo" c bash -c 'echo "test result: ok. 2 passed; 0 failed; 0 ignored"'
tap_suite "tap" t bash -c 'printf "# pass 3\n# fail 0\n"'
"##);
    assert_eq!(last_line(&out), "6 passed, 0 failed", "{out}");
    assert_eq!(code, 0);
}

#[test]
fn the_test_command_uses_these_functions_and_ends_with_the_summary() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let test_sh = std::fs::read_to_string(root.join("scripts/test.sh")).unwrap();
    assert!(test_sh.contains(". scripts/count.sh"));
    assert_eq!(test_sh.trim_end().lines().last(), Some("summary"));
}
