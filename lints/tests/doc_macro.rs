//! `lint_doc!` is for other crates' `#[doc = ..]`: it expands to the
//! documentation itself, a literal, wherever it is called from.

use ephemeral_fs_lints::{Lint, lint_doc};

/// Documented by the macro, as the runtime's lint markers are.
#[doc = lint_doc!(temp_escape)]
#[allow(dead_code)]
enum Documented {}

#[test]
fn lint_doc_expands_to_the_explanation() {
    assert_eq!(
        lint_doc!(persistent_write),
        Lint::PersistentWrite.explanation()
    );
    assert_eq!(lint_doc!(temp_escape), Lint::TempEscape.explanation());
    assert_eq!(
        lint_doc!(persistent_read),
        Lint::PersistentRead.explanation()
    );
}
