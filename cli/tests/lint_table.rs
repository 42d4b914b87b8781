//! Every lint of the table reaches the command line: `--explain`, the help
//! and the SARIF rules, in the table's order.

use ephemeral_fs_core::lints::Lint;

mod support;

use support::{repo_root, run_in};

#[test]
fn every_lint_is_explained() {
    for lint in Lint::ALL {
        let out = run_in(&repo_root(), &["--explain", lint.name()]);
        assert_eq!(out.code, 0, "{lint}: {}", out.stderr);
        assert_eq!(out.stdout, lint.explanation(), "{lint}");
    }
}

#[test]
fn the_help_names_every_lint() {
    let short = run_in(&repo_root(), &["-h"]);
    let long = run_in(&repo_root(), &["--help"]);
    assert_eq!((short.code, long.code), (0, 0));
    let names: Vec<&str> = Lint::ALL.iter().map(|lint| lint.name()).collect();
    let list = format!("[lints: {}]", names.join(", "));
    assert!(short.stdout.contains(&list), "{}", short.stdout);
    for lint in Lint::ALL {
        let line = long
            .stdout
            .lines()
            .find(|line| line.trim_start().starts_with(&format!("{} ", lint.name())))
            .unwrap_or_else(|| panic!("--help has no line for {lint}:\n{}", long.stdout));
        assert!(line.contains(lint.default_level().name()), "{line}");
        assert!(line.contains(lint.summary()), "{line}");
    }
}

#[test]
fn sarif_has_one_rule_per_lint() {
    let dir = support::crate_with(&[("src/lib.rs", "pub fn f() {}\n")], "");
    let out = run_in(dir.path(), &["--format", "sarif"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let sarif: serde_json::Value = serde_json::from_str(&out.stdout).expect("SARIF is JSON");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    let ids: Vec<&str> = rules
        .iter()
        .map(|rule| rule["id"].as_str().unwrap())
        .collect();
    let names: Vec<&str> = Lint::ALL.iter().map(|lint| lint.name()).collect();
    assert_eq!(ids, names);
    for (rule, lint) in rules.iter().zip(Lint::ALL) {
        assert_eq!(rule["help"]["markdown"], lint.explanation(), "{lint}");
        assert_eq!(rule["shortDescription"]["text"], lint.summary(), "{lint}");
    }
}
