//! The README documents every row of the operations table and every lint.

use ephemeral_fs_core::lints::Lint;
use ephemeral_fs_core::ops::{ESCAPE_CONSTRUCTORS, ESCAPE_METHODS, OPERATIONS, WRITE_FLAGS};

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md")
}

#[test]
fn readme_names_every_operation() {
    let readme = readme();
    for operation in OPERATIONS {
        let name = operation.path.rsplit("::").next().unwrap_or(operation.path);
        assert!(
            readme.contains(&format!("{}`", operation.path))
                || readme.contains(&format!("`{name}`")),
            "README.md does not mention `{}`",
            operation.path
        );
    }
    for name in ESCAPE_METHODS
        .iter()
        .chain(ESCAPE_CONSTRUCTORS)
        .chain(WRITE_FLAGS)
    {
        assert!(readme.contains(name), "README.md does not mention `{name}`");
    }
}

#[test]
fn readme_lists_every_lint_with_its_default() {
    let readme = readme();
    for lint in Lint::ALL {
        let row = format!("| `{}` | {} |", lint.name(), lint.default_level().name());
        assert!(readme.contains(&row), "README.md lacks the row {row}");
    }
}
