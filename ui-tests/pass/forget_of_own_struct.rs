#![deny(warnings)]

use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

struct Upload {
    staged: NamedTempFile,
}

// Documented limit, pinned: `mem::forget` is probed for the temp handles a
// value owns directly or through std's containers (`Box`, `Option`, `Vec`,
// arrays, `Rc`, `Arc`), not through a struct of yours. `cargo
// ephemeral-fs` reports every `mem::forget` of a value it cannot see into.
#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<std::path::PathBuf> {
    let upload = Upload {
        staged: NamedTempFile::new()?,
    };
    fs::write(&upload.staged, body)?;
    let path = upload.staged.path().to_path_buf();
    std::mem::forget(upload);
    Ok(path)
}

fn main() {
    let path = stage(b"kept").unwrap();
    // Today's behaviour: the file stays.
    assert_eq!(fs::read(&path).unwrap(), b"kept");
    fs::remove_file(&path).unwrap();
}
