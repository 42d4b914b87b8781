//! The framework stacks of `frameworks.rs` with a persistent write: the
//! write is still refused, at its argument, whichever attribute comes first.
//! And `put_file` refuses anything but a temp file.

use std::path::Path;
use std::process::Command;

/// Pinned to the compiler that blessed the snapshots, as `ui-tests` are:
/// skipped, as ignored with this reason, on any other.
#[rustversion::attr(
    not(stable(1.95)),
    ignore = "the compile-fail snapshots are pinned to rustc 1.95; run them with that compiler"
)]
#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("fail/*.rs");
}

/// `#[tokio::test]` functions exist only in test builds, which trybuild does
/// not make: `fail-tokio-test/` is checked with `cargo check --tests`, and
/// each error must be ours, on the argument.
#[test]
fn tokio_test_write_is_refused_at_its_argument() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let project = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fail-tokio-test");
    std::fs::create_dir_all(project.join("tests")).unwrap();
    let manifest = std::fs::read_to_string(here.join("fail-tokio-test/Cargo.toml.in"))
        .unwrap()
        .replace("@RUNTIME@", &here.join("../runtime").display().to_string());
    std::fs::write(project.join("Cargo.toml"), manifest).unwrap();
    // The workspace's lock file, so the check uses the versions CI tested.
    std::fs::copy(here.join("../Cargo.lock"), project.join("Cargo.lock")).unwrap();
    for case in ["ours_first.rs", "test_first.rs"] {
        std::fs::copy(
            here.join("fail-tokio-test/tests").join(case),
            project.join("tests").join(case),
        )
        .unwrap();
    }
    let output = Command::new(env!("CARGO"))
        .args(["check", "--tests", "--quiet", "--message-format=json"])
        .current_dir(&project)
        .env("CARGO_TARGET_DIR", project.join("target"))
        .output()
        .expect("run cargo check");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "the persistent writes compiled");

    let mut errors = Vec::new();
    for line in stdout.lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let message = &message["message"];
        if message["level"] != "error" || message["code"].is_null() {
            continue;
        }
        let span = message["spans"]
            .as_array()
            .and_then(|spans| spans.iter().find(|s| s["is_primary"] == true))
            .expect("a primary span");
        errors.push(format!(
            "{} {}:{}:{}-{} {}",
            message["code"]["code"].as_str().unwrap_or_default(),
            span["file_name"].as_str().unwrap_or_default(),
            span["line_start"],
            span["column_start"],
            span["column_end"],
            message["message"].as_str().unwrap_or_default(),
        ));
    }
    errors.sort();
    // Line 7, columns 23-29: `report` in `tokio::fs::write(&report, ..)`.
    assert_eq!(
        errors,
        [
            "E0277 tests/ours_first.rs:7:23-29 persistent_write: `&PathBuf` is not a temp-file handle",
            "E0277 tests/test_first.rs:7:23-29 persistent_write: `&PathBuf` is not a temp-file handle",
        ],
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
