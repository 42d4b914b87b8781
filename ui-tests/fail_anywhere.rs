//! The compile-fail contract on any compiler. The snapshots of `ui.rs` are
//! pinned to one rustc, so on any other nothing would check that a case
//! still fails to build. This test builds every `fail/` case with the
//! compiler at hand and checks what does not depend on rustc's wording or
//! layout: the build fails, and every error the snapshot has, by its code
//! (`E0277`) and the lint its message starts with (`persistent_write: ..`),
//! is still reported.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// An error as this test compares it: its code, if it has one, and the lint
/// its message names first.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Error {
    code: Option<String>,
    lint: Option<String>,
}

impl Error {
    fn new(code: Option<&str>, message: &str) -> Error {
        // Only rustc's `E0000` codes: a denied lint has its name as code.
        let code = code.filter(|code| {
            code.len() == 5
                && code.starts_with('E')
                && code[1..].bytes().all(|b| b.is_ascii_digit())
        });
        let lint = message
            .split_once(": ")
            .map(|(head, _)| head)
            .filter(|head| {
                !head.is_empty() && head.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            });
        Error {
            code: code.map(str::to_owned),
            lint: lint.map(str::to_owned),
        }
    }
}

#[test]
fn every_fail_case_fails_with_its_errors() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases: Vec<String> = std::fs::read_dir(here.join("fail"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert!(cases.len() > 100, "{} cases", cases.len());

    let project = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fail-anywhere");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(project.join("Cargo.toml"), manifest(here, &cases)).unwrap();
    // The workspace's lock file, so the build uses the versions CI tested.
    std::fs::copy(here.join("../Cargo.lock"), project.join("Cargo.lock")).unwrap();
    let output = Command::new(env!("CARGO"))
        .args([
            "check",
            "--bins",
            "--keep-going",
            "--quiet",
            "--message-format=json",
        ])
        .current_dir(&project)
        .env("CARGO_TARGET_DIR", project.join("target"))
        .output()
        .expect("run cargo check");
    assert!(!output.status.success(), "every case compiled");

    let mut reported: BTreeMap<String, BTreeSet<Error>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let (Some(case), "error") = (
            message["target"]["name"].as_str(),
            message["message"]["level"].as_str().unwrap_or_default(),
        ) else {
            continue;
        };
        let text = message["message"]["message"].as_str().unwrap_or_default();
        if text.starts_with("aborting due to") {
            continue;
        }
        let code = message["message"]["code"]["code"].as_str();
        reported
            .entry(case.to_owned())
            .or_default()
            .insert(Error::new(code, text));
    }

    let mut problems = Vec::new();
    for case in &cases {
        let snapshot = std::fs::read_to_string(here.join("fail").join(format!("{case}.stderr")))
            .unwrap_or_else(|_| panic!("`fail/{case}.rs` has no `.stderr`"));
        let expected = snapshot_errors(&snapshot);
        assert!(!expected.is_empty(), "`fail/{case}.stderr` shows no error");
        let Some(found) = reported.get(case) else {
            problems.push(format!("{case}: compiled"));
            continue;
        };
        for error in expected.difference(found) {
            problems.push(format!("{case}: no {error:?}; reported {found:?}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{}\n{}",
        problems.join("\n"),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The errors a trybuild snapshot shows: its `error[E0277]: ..` and
/// `error: ..` lines.
fn snapshot_errors(snapshot: &str) -> BTreeSet<Error> {
    snapshot
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("error")?;
            if let Some(message) = rest.strip_prefix(": ") {
                return Some(Error::new(None, message));
            }
            let (code, message) = rest.strip_prefix('[')?.split_once("]: ")?;
            Some(Error::new(Some(code), message))
        })
        .collect()
}

/// A package with each case as a binary, with the edition trybuild gives
/// them (the workspace's) and the dependencies they use: the
/// dev-dependencies of this package. A case that uses another fails here
/// with an unresolved import, and its crate belongs in this list too.
fn manifest(here: &Path, cases: &[String]) -> String {
    let mut manifest = format!(
        "[package]\nname = \"ephemeral-fs-fail-anywhere\"\nversion = \"0.0.0\"\n\
         edition = \"2024\"\npublish = false\n\n[workspace]\n\n[dependencies]\n\
         ephemeral-fs = {{ path = {:?} }}\n\
         fs-err = {{ version = \"3\", features = [\"tokio\"] }}\n\
         async-fs = \"2\"\n\
         tokio = {{ version = \"1\", features = [\"fs\", \"rt\", \"macros\"] }}\n\
         serde_json = \"1\"\n\
         tempfile = \"3.20\"\n",
        here.join("../runtime").display().to_string()
    );
    for case in cases {
        let path = here.join("fail").join(format!("{case}.rs"));
        manifest.push_str(&format!(
            "\n[[bin]]\nname = {case:?}\npath = {:?}\n",
            path.display().to_string()
        ));
    }
    manifest
}
