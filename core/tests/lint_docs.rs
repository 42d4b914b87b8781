//! Each lint's documentation has one source, its markdown file: the
//! rustdoc of `ephemeral_fs::lint` includes it, and the guide's lint
//! chapter links to it.

use ephemeral_fs_core::lints::Lint;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|error| panic!("{path}: {error}"))
}

#[test]
fn every_lint_file_is_the_rustdoc_of_its_marker() {
    let source = read("runtime/src/lint.rs");
    for lint in Lint::ALL {
        let name = lint.name();
        let item = format!("/{name}.md\")]\npub enum {name} {{}}");
        assert!(
            source.contains(&item),
            "runtime/src/lint.rs does not document `pub enum {name}` with the include_str! of {name}.md"
        );
    }
    assert_eq!(source.matches("include_str!").count(), Lint::ALL.len());
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
