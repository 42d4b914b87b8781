//! Each lint's documentation has one source, its `docs` in the table of
//! `ephemeral-fs-lints` (`lints/src/table.rs`); the
//! README's lint reference repeats it word for word.

use ephemeral_fs_core::lints::Lint;

#[test]
fn readme_lint_reference_is_the_lint_files() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md");
    let reference = readme
        .split_once("\n## Lint reference\n")
        .map(|(_, rest)| rest)
        .expect("README.md has a `## Lint reference` section");
    let reference = reference.split("\n## ").next().unwrap_or_default();
    for lint in Lint::ALL {
        let entry = format!("### `{}`\n\n{}", lint.name(), lint.explanation());
        assert!(
            reference.contains(&entry),
            "README.md's lint reference differs from the `docs` of `{}` in lints/src/table.rs: copy them under `### `{}``",
            lint.name(),
            lint.name()
        );
    }
    assert_eq!(reference.matches("\n### ").count(), Lint::ALL.len());
}
