#![deny(warnings)]

// At `warn`, the checks of receivers that start from a value and of
// `mem::forget` in a `const fn` compile and change nothing: a type of the
// user's passes silently, and a temp file's escape is a warning (allowed
// here) that runs as written.

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

struct Doc(u32);

impl Doc {
    fn keep(self) -> u32 {
        self.0
    }
}

#[ephemeral_fs(warn(temp_escape))]
mod handlers {
    use super::*;

    pub const fn discard(s: String) {
        std::mem::forget(s)
    }

    pub fn own() -> u32 {
        (Doc(4),).0.keep()
    }

    #[allow(deprecated)]
    pub fn kept() -> std::io::Result<std::path::PathBuf> {
        let tmp = NamedTempFile::new()?;
        let (_, path) = (tmp,).0.keep()?;
        Ok(path)
    }
}

const DISCARDED: () = handlers::discard(String::new());

fn main() {
    let () = DISCARDED;
    assert_eq!(handlers::own(), 4);
    let path = handlers::kept().unwrap();
    assert!(path.exists(), "kept at warn, as written");
    std::fs::remove_file(&path).unwrap();
}
