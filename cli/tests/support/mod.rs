//! Running the binary, making small crates, and comparing with snapshots.

#![allow(dead_code, reason = "each test file uses a part of it")]

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ is in the repository")
        .to_path_buf()
}

/// `cargo-ephemeral-fs ARGS` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_cargo-ephemeral-fs"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs");
    Run {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 output"),
    }
}

/// `cargo-ephemeral-fs ARGS` in a crate made by `crate_with`.
pub fn run(dir: &Path, args: &[&str]) -> Run {
    run_in(dir, args)
}

/// A directory with these files.
pub fn files(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// A crate named `fixture`, with `manifest_extra` appended to its manifest.
pub fn crate_with(sources: &[(&str, &str)], manifest_extra: &str) -> TempDir {
    let manifest = format!(
        "[package]\nname = \"fixture\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n{manifest_extra}"
    );
    let mut all = vec![("Cargo.toml", manifest.as_str())];
    all.extend_from_slice(sources);
    files(&all)
}

/// Compares with `tests/snapshots/NAME`; `SNAPSHOTS=overwrite` writes it.
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}: run the tests with SNAPSHOTS=overwrite and review it",
            path.display()
        )
    });
    if expected == actual {
        return;
    }
    let mut diff = String::new();
    let (expected_lines, actual_lines): (Vec<&str>, Vec<&str>) =
        (expected.lines().collect(), actual.lines().collect());
    let first = expected_lines
        .iter()
        .zip(&actual_lines)
        .position(|(e, a)| e != a)
        .unwrap_or(expected_lines.len().min(actual_lines.len()));
    let context = first.saturating_sub(3)..first + 4;
    for line in expected_lines.iter().take(context.end).skip(context.start) {
        diff.push_str(&format!("-{line}\n"));
    }
    for line in actual_lines.iter().take(context.end).skip(context.start) {
        diff.push_str(&format!("+{line}\n"));
    }
    panic!(
        "{} differs from line {} (run with SNAPSHOTS=overwrite to accept):\n{diff}",
        path.display(),
        first + 1
    );
}

/// Validates against the SARIF 2.1.0 schema kept in `tests/sarif`.
pub fn assert_valid_sarif(text: &str) {
    let mut schema: serde_json::Value =
        serde_json::from_str(include_str!("../sarif/sarif-schema-2.1.0.json"))
            .expect("the schema is JSON");
    // The published schema's pattern for `language` (of a run and of a tool
    // component) has a stray `]`, which the meta-schema's `regex` format
    // rejects, so the schema would not compile. Nothing of ours sets
    // `language`; the file stays as published and only this copy loses
    // that pattern.
    assert_eq!(without_pattern(&mut schema, LANGUAGE_PATTERN), 2);
    let instance: serde_json::Value = serde_json::from_str(text).expect("the SARIF is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
    // The schema allows a lot; these are what dashboards need.
    let run = &instance["runs"][0];
    assert!(
        run["tool"]["driver"]["rules"]
            .as_array()
            .is_some_and(|r| r.len() == ephemeral_fs_core::lints::Lint::COUNT)
    );
    for result in run["results"].as_array().expect("results") {
        assert!(
            result["fingerprints"]["ephemeralFs/v1"].is_string(),
            "{result}"
        );
        // Code scanning reads this one.
        assert_eq!(
            result["partialFingerprints"]["ephemeralFs/v1"],
            result["fingerprints"]["ephemeralFs/v1"],
            "{result}"
        );
        assert!(result["locations"][0]["physicalLocation"]["region"]["startLine"].is_u64());
    }
}

const LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

/// Removes every `"pattern": pattern`; returns how many there were.
fn without_pattern(schema: &mut serde_json::Value, pattern: &str) -> usize {
    match schema {
        serde_json::Value::Object(map) => {
            let here = usize::from(map.get("pattern").is_some_and(|p| p == pattern));
            if here == 1 {
                map.remove("pattern");
            }
            here + map
                .values_mut()
                .map(|v| without_pattern(v, pattern))
                .sum::<usize>()
        }
        serde_json::Value::Array(items) => {
            items.iter_mut().map(|v| without_pattern(v, pattern)).sum()
        }
        _ => 0,
    }
}
