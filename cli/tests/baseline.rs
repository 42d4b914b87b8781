//! Baselines: `--write-baseline` records today's findings, `--baseline`
//! reports and fails on the others only, and lists the entries that no
//! longer match.

mod support;

use serde_json::Value;
use support::{Run, crate_with, run};

const TODAY: &str = r#"use std::fs;

pub fn save(body: &[u8]) {
    fs::write("/var/uploads/latest", body).unwrap();
}

pub fn clear() {
    fs::remove_file("/var/uploads/latest").unwrap();
}

#[ephemeral_fs::ephemeral_fs(warn(persistent_write))]
pub fn migrate() {
    fs::create_dir_all("/var/cache").unwrap();
}
"#;

fn json(out: &Run) -> Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}{}", out.stdout, out.stderr))
}

fn functions(report: &Value) -> Vec<&str> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["function"].as_str().unwrap())
        .collect()
}

#[test]
fn a_baseline_is_sorted_json_with_a_version() {
    let dir = crate_with(&[("src/lib.rs", TODAY)], "");
    let out = run(
        dir.path(),
        &["--scope", "all", "--write-baseline", "baseline.json"],
    );
    // The findings are printed, and accepted.
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("2 errors, 1 warning"), "{}", out.stdout);
    assert_eq!(
        out.stderr,
        "wrote 3 findings to the baseline `baseline.json`\n"
    );
    let text = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    let baseline: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(baseline["version"], 1);
    let entries = baseline["findings"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    let fingerprints: Vec<&str> = entries
        .iter()
        .map(|e| e["fingerprint"].as_str().unwrap())
        .collect();
    let mut sorted = fingerprints.clone();
    sorted.sort();
    assert_eq!(fingerprints, sorted);
    assert_eq!(
        entries[0].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["file", "fingerprint", "function", "lint", "operation"]
    );
    // The same fingerprints as the JSON and SARIF formats give.
    let report = json(&run(dir.path(), &["--scope", "all", "--format", "json"]));
    let mut reported: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap())
        .collect();
    reported.sort();
    assert_eq!(reported, fingerprints);
    // A second run writes the same file.
    run(
        dir.path(),
        &["--scope", "all", "--write-baseline", "baseline.json"],
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("baseline.json")).unwrap(),
        text
    );
}

#[test]
fn with_a_baseline_only_new_findings_are_reported_and_fail() {
    let dir = crate_with(&[("src/lib.rs", TODAY)], "");
    let write = run(
        dir.path(),
        &["--scope", "all", "--write-baseline", "baseline.json"],
    );
    assert_eq!(write.code, 0, "{}", write.stderr);
    let audit = |args: &[&str]| {
        run(
            dir.path(),
            &[&["--scope", "all", "--baseline", "baseline.json"], args].concat(),
        )
    };

    let clean = audit(&[]);
    assert_eq!(clean.code, 0, "{}{}", clean.stdout, clean.stderr);
    assert!(
        clean.stdout.contains("0 errors, 0 warnings"),
        "{}",
        clean.stdout
    );
    assert!(
        clean
            .stdout
            .ends_with("3 findings in the baseline `baseline.json` not shown\n"),
        "{}",
        clean.stdout
    );

    // Every line moves down and in, and one new write arrives.
    let edited = format!(
        "// Uploads.\n\n{}\npub fn export(body: &[u8]) {{\n    fs::write(\"/var/exports/latest\", body).unwrap();\n}}\n",
        TODAY.replace("\n    fs::", "\n        fs::")
    );
    std::fs::write(dir.path().join("src/lib.rs"), edited).unwrap();
    let out = audit(&["--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let report = json(&out);
    assert_eq!(functions(&report), ["export"]);
    assert_eq!(report["summary"]["deny"], 1);
    assert_eq!(report["baseline"]["known"], 3);
    assert_eq!(report["baseline"]["stale"], Value::Array(vec![]));

    let human = audit(&[]);
    assert_eq!(human.code, 1);
    assert_eq!(
        human.stdout.matches("error[persistent_write]").count(),
        1,
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains("in `export`"), "{}", human.stdout);

    let sarif = audit(&["--format", "sarif"]);
    support::assert_valid_sarif(&sarif.stdout);
    let sarif: Value = serde_json::from_str(&sarif.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(
        results[0]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "export"
    );
}

#[test]
fn entries_that_no_longer_match_are_listed_for_pruning() {
    let dir = crate_with(&[("src/lib.rs", TODAY)], "");
    run(
        dir.path(),
        &["--scope", "all", "--write-baseline", "baseline.json"],
    );
    // `clear` is fixed.
    let fixed = TODAY.replace(
        "    fs::remove_file(\"/var/uploads/latest\").unwrap();\n",
        "",
    );
    std::fs::write(dir.path().join("src/lib.rs"), fixed).unwrap();
    let audit = |args: &[&str]| {
        run(
            dir.path(),
            &[&["--scope", "all", "--baseline", "baseline.json"], args].concat(),
        )
    };

    let human = audit(&[]);
    assert_eq!(human.code, 0, "{}", human.stdout);
    assert!(
        human.stdout.contains(
            "2 findings in the baseline `baseline.json` not shown\n1 baseline entry no longer matches; rerun with --write-baseline to prune:\n  src/lib.rs: `std::fs::remove_file` in `clear` (persistent_write), fingerprint "
        ),
        "{}",
        human.stdout
    );
    let report = json(&audit(&["--format", "json"]));
    let stale = report["baseline"]["stale"].as_array().unwrap();
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0]["function"], "clear");
    let sarif = audit(&["--format", "sarif"]);
    support::assert_valid_sarif(&sarif.stdout);
    assert!(
        sarif
            .stdout
            .contains("this baseline entry no longer matches: `std::fs::remove_file` in `clear`")
    );

    // Pruned, nothing is stale.
    run(
        dir.path(),
        &["--scope", "all", "--write-baseline", "baseline.json"],
    );
    let report = json(&audit(&["--format", "json"]));
    assert_eq!(report["baseline"]["stale"], Value::Array(vec![]));
    assert_eq!(report["baseline"]["known"], 2);
}

#[test]
fn a_new_warning_fails_only_with_fail_on_warn() {
    let dir = crate_with(&[("src/lib.rs", "use std::fs;\n")], "");
    run(
        dir.path(),
        &["--scope", "all", "--write-baseline", "baseline.json"],
    );
    std::fs::write(dir.path().join("src/lib.rs"), TODAY).unwrap();
    let audit = |args: &[&str]| {
        run(
            dir.path(),
            &[
                &["--baseline", "baseline.json", "--scope", "annotated"],
                args,
            ]
            .concat(),
        )
    };
    // `migrate`'s write is a warning.
    assert_eq!(audit(&[]).code, 0);
    assert_eq!(audit(&["--fail-on", "warn"]).code, 1);
}

#[test]
fn a_missing_or_foreign_baseline_is_an_error() {
    let dir = crate_with(&[("src/lib.rs", TODAY)], "");
    let out = run(dir.path(), &["--baseline", "none.json"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: cannot read the baseline `none.json`"),
        "{}",
        out.stderr
    );
    for (text, message) in [
        ("[1, 2]", "`b.json` is not a baseline"),
        (
            "{\"version\": 2, \"findings\": []}",
            "the baseline `b.json` is version 2, this audit reads version 1",
        ),
        (
            "{\"version\": 1}",
            "`b.json` is not a baseline (missing field `findings`",
        ),
    ] {
        std::fs::write(dir.path().join("b.json"), text).unwrap();
        let out = run(dir.path(), &["--baseline", "b.json"]);
        assert_eq!(out.code, 2, "{text}");
        assert!(out.stderr.contains(message), "{text}: {}", out.stderr);
    }
    let both = run(
        dir.path(),
        &["--baseline", "b.json", "--write-baseline", "b.json"],
    );
    assert_eq!(both.code, 2);
}
