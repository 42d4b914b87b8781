#![deny(warnings)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

#[ephemeral_fs]
async fn receive(name: String, body: Vec<u8>) -> std::io::Result<u64> {
    let dir = TempDir::new()?;
    let path = dir.child(&name)?;
    std::fs::write(&path, &body)?;
    Ok(std::fs::metadata(&path)?.len())
}

fn main() {
    let fut = pin!(receive("photo.jpg".into(), vec![0; 8]));
    let mut cx = Context::from_waker(Waker::noop());
    assert!(matches!(fut.poll(&mut cx), Poll::Ready(Ok(8))));
}
