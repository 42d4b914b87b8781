#![deny(warnings)]

// A limit, pinned: the attribute reads a macro's arguments, not what it
// expands to. A `macro_rules!` of the item that expands to a `use` or a
// `mod` brings names the attribute does not follow: here `save` and
// `store::write` are std's `write`, and the calls are left unchecked. The
// audit reports such macros. If the attribute comes to read them, this
// case fails and moves to the compile-fail cases.

#[ephemeral_fs::ephemeral_fs]
mod handlers {
    macro_rules! import { // audit: imports_from_macro
        ($name:ident) => {
            use std::fs::write as $name;
        };
    }

    macro_rules! module { // audit: imports_from_macro
        ($name:ident) => {
            mod $name {
                pub use std::fs::*;
            }
        };
    }

    import!(save);
    module!(store);

    pub fn through_imports(
        first: &std::path::Path,
        second: &std::path::Path,
    ) -> std::io::Result<()> {
        save(first, b"a")?;
        store::write(second, b"b")
    }
}

fn main() {
    let out = tempfile::TempDir::new().unwrap();
    let first = out.path().join("first");
    let second = out.path().join("second");
    handlers::through_imports(&first, &second).unwrap();
    assert!(first.exists(), "the limit changed: move this case");
    assert!(second.exists(), "the limit changed: move this case");
}
