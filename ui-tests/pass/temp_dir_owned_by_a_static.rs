#![deny(warnings)]

use std::fs;
use std::sync::LazyLock;

use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

// Documented limit: a temp directory owned by a static is never dropped, so
// what a handler writes in it stays. The attribute sees only `&TempDir`;
// `cargo ephemeral-fs` reports the static.
static SCRATCH: LazyLock<TempDir> = LazyLock::new(|| TempDir::new().unwrap());

#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    let dir: &TempDir = &SCRATCH;
    fs::write(dir.path().join("upload.bin"), body)
}

fn main() {
    save(b"kept").unwrap();
    // Today's behaviour, pinned: the file is still there after the handler.
    assert_eq!(fs::read(SCRATCH.path().join("upload.bin")).unwrap(), b"kept");
    fs::remove_dir_all(SCRATCH.path()).unwrap();
}
