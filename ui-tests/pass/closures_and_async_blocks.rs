#![deny(warnings)]

use std::fs;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn stage_all(parts: &[&str]) -> std::io::Result<impl Future<Output = std::io::Result<usize>>> {
    let tmp = NamedTempFile::new()?;
    let append = |text: &str| fs::write(&tmp, text);
    parts.iter().try_for_each(|part| append(part))?;
    Ok(async move {
        fs::write(&tmp, "done")?;
        Ok(fs::read(&tmp)?.len())
    })
}

fn main() {
    let fut = pin!(stage_all(&["a", "b"]).unwrap());
    let mut cx = Context::from_waker(Waker::noop());
    assert!(matches!(fut.poll(&mut cx), Poll::Ready(Ok(4))));
}
