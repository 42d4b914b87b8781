#![deny(warnings)]

// A Unix socket bound inside a temp directory is removed with it.

use std::os::unix::net::{UnixDatagram, UnixListener};

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

#[ephemeral_fs]
fn serve(dir: &TempDir) -> std::io::Result<usize> {
    let listener = UnixListener::bind(dir.child("app.sock")?)?;
    let socket = UnixDatagram::bind(dir.path().join("dgram.sock"))?;
    let bind = UnixListener::bind;
    let _other = bind(dir.child("other.sock")?)?;
    drop((listener, socket));
    Ok(std::fs::read_dir(dir.path())?.count())
}

fn main() {
    let dir = TempDir::new().unwrap();
    assert_eq!(serve(&dir).unwrap(), 3);
    let path = dir.path().to_owned();
    drop(dir);
    assert!(!path.exists(), "the sockets go with their temp dir");
}
