//! The hook `.pre-commit-hooks.yaml` declares runs this binary on the
//! repository, as pre-commit runs it. (`scripts/pre-commit-hook.sh` runs
//! it through pre-commit itself, in CI.)

mod support;

use support::{crate_with, repo_root, run};

/// `key: value` of the hook's entry, as pre-commit reads them.
fn hook_field<'a>(manifest: &'a str, key: &str) -> &'a str {
    manifest
        .lines()
        .find_map(|line| {
            line.trim_start_matches(['-', ' '])
                .strip_prefix(key)?
                .strip_prefix(": ")
        })
        .unwrap_or_else(|| panic!("the hook has no `{key}`"))
}

#[test]
fn the_hook_runs_the_audit_on_the_whole_repository() {
    let manifest = std::fs::read_to_string(repo_root().join(".pre-commit-hooks.yaml")).unwrap();
    assert_eq!(hook_field(&manifest, "id"), "ephemeral-fs");
    assert_eq!(hook_field(&manifest, "entry"), env!("CARGO_PKG_NAME"));
    assert_eq!(hook_field(&manifest, "language"), "system");
    // A file name would be taken for the crate to audit.
    assert_eq!(hook_field(&manifest, "pass_filenames"), "false");

    // pre-commit runs the entry, then the config's `args`, in the
    // repository's root.
    let write = "#[ephemeral_fs::ephemeral_fs]\npub fn upload(body: &[u8]) {\n    std::fs::write(\"/var/uploads/latest\", body).unwrap();\n}\n";
    let dir = crate_with(&[("src/lib.rs", write)], "");
    let out = run(dir.path(), &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout.contains("error[persistent_write]"),
        "{}",
        out.stdout
    );
    run(dir.path(), &["--write-baseline", "baseline.json"]);
    assert_eq!(run(dir.path(), &["--baseline", "baseline.json"]).code, 0);
}
