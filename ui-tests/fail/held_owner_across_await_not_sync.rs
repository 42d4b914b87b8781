// A limit: a path local's owner is held by a shared borrow until the path's
// last checked use. Across an `.await`, the future then holds a
// `&NamedTempFile<F>`, which is `Send` only when `F` is `Sync`: a
// `NamedTempFile<Cell<u8>>` makes the future `!Send`, where without the
// attribute it is `Send`. Take the path after the `.await`.

use std::cell::Cell;
use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

fn require_send<F: std::future::Future + Send>(future: F) -> F {
    future
}

async fn tick() {}

#[ephemeral_fs]
async fn handler() -> std::io::Result<usize> {
    let (_file, path) = NamedTempFile::new()?.into_parts();
    let tmp = NamedTempFile::from_parts(Cell::new(0u8), path);
    let p = tmp.path().to_path_buf();
    tick().await;
    fs::write(&p, b"abc")?;
    tmp.as_file().set(1);
    Ok(fs::read(&p)?.len())
}

fn main() {
    let _ = require_send(handler());
}
