//! Generated files: thousands of findings on one line of hundreds of
//! kilobytes are shown and fingerprinted from the part of the line around
//! each, as rustc shows them.

mod support;

use serde_json::Value;
use support::{crate_with, run};

/// One function whose body is `calls` writes on one line, after `padding`.
fn generated(padding: &str, calls: usize) -> String {
    let body: String = (0..calls)
        .map(|i| format!("std::fs::write(\"/var/uploads/ü{i:04}\", b\"..\").ok(); "))
        .collect();
    format!("pub fn generated() {{ {padding}{body}}}\n")
}

#[test]
fn a_finding_far_into_a_long_line_shows_its_column_and_the_text_around_it() {
    let dir = crate_with(&[("src/lib.rs", &generated("", 2000))], "");
    let out = run(dir.path(), &["--scope", "all"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    // Each call is 50 characters, and its path 15 into it: the 1000th
    // path is at column 22 + 999 * 50 + 15.
    let at = out
        .stdout
        .find(" --> src/lib.rs:1:49987\n")
        .unwrap_or_else(|| panic!("no header for the 1000th write"));
    let snippet: Vec<&str> = out.stdout[at..].lines().take(5).collect();
    assert!(snippet[2].starts_with("1 | ..."), "{snippet:#?}");
    assert!(snippet[2].ends_with("..."), "{snippet:#?}");
    assert!(snippet[2].chars().count() < 160, "{snippet:#?}");
    // The marker is under the path the write names.
    let column = snippet[3].find('^').unwrap();
    let under: String = snippet[2].chars().skip(column).take(20).collect();
    assert_eq!(under, "\"/var/uploads/ü0999\"", "{snippet:#?}");
}

#[test]
fn fingerprints_on_a_long_line_ignore_edits_far_from_the_finding() {
    let fingerprints = |source: String| -> Vec<String> {
        let dir = crate_with(&[("src/lib.rs", &source)], "");
        let sarif: Value =
            serde_json::from_str(&run(dir.path(), &["--format", "sarif", "--scope", "all"]).stdout)
                .unwrap();
        sarif["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["partialFingerprints"]["ephemeralFs/v1"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    let before = fingerprints(generated("", 100));
    // Every column moves, and the text near the first writes changes.
    let after = fingerprints(generated("let _ = 1; ", 100));
    assert_eq!(before.len(), 100);
    let mut distinct = before.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 100);
    // Only the writes whose kept context reaches back to the edit change:
    // the four whose path starts within 200 characters after it.
    let changed: Vec<bool> = before.iter().zip(&after).map(|(b, a)| b != a).collect();
    assert_eq!(changed.iter().filter(|c| **c).count(), 4, "{changed:?}");
    assert!(changed[..4].iter().all(|c| *c), "{changed:?}");
}
