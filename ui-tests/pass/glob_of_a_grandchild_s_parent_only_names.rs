#![deny(warnings)]

// A `pub(super)` name is visible in its module's parent only: a glob of
// that module from further out does not bring it, as for rustc. Here the
// `write` a glob of `a::c` would bring is `std::fs::write`, which rustc
// leaves to `c`'s parent `a`; the call is the log function another glob
// brings, and compiles.
use std::sync::atomic::{AtomicUsize, Ordering};

static LOGGED: AtomicUsize = AtomicUsize::new(0);

pub fn log_line(path: &str, body: &[u8]) -> std::io::Result<()> {
    assert_eq!(path, "/var/uploads/a");
    LOGGED.fetch_add(body.len(), Ordering::SeqCst);
    Ok(())
}

#[ephemeral_fs::ephemeral_fs]
mod handlers {
    mod a {
        pub mod c {
            #[allow(unused_imports)]
            pub(super) use std::fs::write;
            pub fn unrelated() {}
        }
    }

    mod b {
        pub use crate::log_line as write;
    }

    use a::c::*;
    use b::*;

    pub fn go() -> std::io::Result<()> {
        unrelated();
        write("/var/uploads/a", b"body")
    }
}

fn main() {
    handlers::go().unwrap();
    assert_eq!(LOGGED.load(Ordering::SeqCst), 4);
    assert!(!std::path::Path::new("/var/uploads/a").exists());
}
