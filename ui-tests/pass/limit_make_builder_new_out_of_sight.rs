#![deny(warnings)]

// Limit, pinned: a `make` receiver is trusted when it reads
// `Builder::new()` and nothing in sight makes `Builder` another type. A
// function of yours named `Builder::new`, imported outside the item, that
// returns a `tempfile::Builder` with its settings already steered
// (`rand_bytes(0)` and a fixed prefix) is not seen: the closure's path may
// name a file that exists, which `File::create` truncates and the handle
// then deletes. Here inside a temp directory.

use std::fs::File;

use ephemeral_fs::ephemeral_fs;
use steer::Builder;

mod steer {
    pub struct Builder;

    impl Builder {
        pub fn new() -> tempfile::Builder<'static, 'static> {
            let mut builder = tempfile::Builder::new();
            builder.prefix("victim").rand_bytes(0);
            builder
        }
    }
}

#[ephemeral_fs]
fn stage(dir: &std::path::Path) -> std::io::Result<()> {
    let made = Builder::new().make_in(dir, |path| File::create(path))?; // audit: persistent_write
    drop(made);
    Ok(())
}

fn main() {
    let dir = tempfile::TempDir::new().unwrap();
    let victim = dir.path().join("victim");
    std::fs::write(&victim, b"precious").unwrap();
    stage(dir.path()).unwrap();
    assert!(!victim.exists(), "the existing file was truncated and deleted");
    let kept = dir.path().to_path_buf();
    drop(dir);
    assert!(!kept.exists(), "nothing is left behind");
}
