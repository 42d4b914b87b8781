#![deny(warnings)]

// A limit, pinned: an async runtime's fs call checks its path when the
// future is made, and writes when it is awaited. A temp handle dropped in
// between has removed its file, and the write makes it again where nothing
// removes it. If the attribute comes to refuse this shape, this case fails
// and moves to the compile-fail cases.
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
async fn deferred(body: &[u8]) -> std::io::Result<PathBuf> {
    let upload = NamedTempFile::new()?;
    let staged = upload.path().to_path_buf();
    let write = tokio::fs::write(&staged, body.to_vec());
    drop(upload);
    write.await?;
    Ok(staged)
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let path = runtime.block_on(deferred(b"body")).unwrap();
    let left = path.exists();
    let _ = std::fs::remove_file(&path);
    assert!(left, "the limit changed: move this case");
}
