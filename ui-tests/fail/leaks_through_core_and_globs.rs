// The leak functions are followed through `core` as through `std`
// (imported, renamed, or by `extern crate core as ..`), and through globs
// of `std::mem` and of modules that re-export it.
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs::ephemeral_fs]
pub fn through_core(tmp: NamedTempFile, dir: TempDir, other: TempDir) {
    use core::mem;
    use core::mem::ManuallyDrop as Hold;
    use core::mem::forget as discard;
    discard(tmp);
    let _ = Hold::new(dir);
    mem::forget(other);
}

#[ephemeral_fs::ephemeral_fs]
pub fn through_extern_crate(tmp: NamedTempFile) {
    extern crate core as c;
    c::mem::forget(tmp);
}

#[ephemeral_fs::ephemeral_fs]
mod handlers {
    use std::mem::*;

    mod util {
        pub use std::mem::*;
    }

    pub fn through_globs(tmp: tempfile::NamedTempFile, dir: tempfile::TempDir) {
        forget(tmp);
        util::forget(dir);
    }
}

fn main() {}
