//! Each lint's documentation has one source, its `docs` in the table of
//! `ephemeral-fs-lints` (`lints/src/table.rs`): the rustdoc of
//! `ephemeral_fs::lint` shows it (`lint_table.rs` checks that), and the
//! guide's lint chapter links to it.

use ephemeral_fs_core::lints::Lint;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|error| panic!("{path}: {error}"))
}

#[test]
fn the_guide_links_every_lint() {
    let chapter = read("runtime/src/guide/lints.md");
    for lint in Lint::ALL {
        let name = lint.name();
        let link = format!("[`{name}`](crate::lint::{name})");
        assert!(
            chapter.contains(&link),
            "runtime/src/guide/lints.md lacks the link {link}"
        );
    }
}
