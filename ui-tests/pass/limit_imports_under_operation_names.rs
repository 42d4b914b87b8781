#![deny(warnings)]

// A limit, pinned: an import the attribute's tables do not know is taken in
// both of rustc's namespaces. A module or type of yours imported as `write`
// (or `copy`) hides an outer `write` (or a glob's `copy`) from the
// attribute, and `std::mem::take` imported as `fs` hides `std::fs` for
// `fs::write`. rustc calls std's in both, and the attribute leaves the
// calls unchecked. If the attribute comes to read
// these imports as rustc does, this case fails and moves to the
// compile-fail cases.

mod models {
    pub struct Upload {}
}

#[ephemeral_fs::ephemeral_fs]
mod handlers {
    use std::fs::write;
    #[allow(unused_imports)]
    use crate::models::Upload as copy; // audit: import_under_operation_name

    pub fn a_type_of_yours(target: &std::path::Path, body: &[u8]) -> std::io::Result<()> {
        #[allow(unused_imports)]
        use crate::models::Upload as write; // audit: import_under_operation_name
        write(target, body)
    }

    pub fn a_function_as_a_module(target: &std::path::Path, body: &[u8]) -> std::io::Result<()> {
        #[allow(unused_imports)]
        use std::fs;
        {
            #[allow(unused_imports)]
            use std::mem::take as fs; // audit: import_under_operation_name
            fs::write(target, body)
        }
    }
}

fn main() {
    let out = tempfile::TempDir::new().unwrap();
    let first = out.path().join("first.bin");
    let second = out.path().join("second.bin");
    handlers::a_type_of_yours(&first, b"body").unwrap();
    handlers::a_function_as_a_module(&second, b"body").unwrap();
    assert!(first.exists(), "the limit changed: move this case");
    assert!(second.exists(), "the limit changed: move this case");
}
