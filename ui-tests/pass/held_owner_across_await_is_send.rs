#![deny(warnings)]

// A path local's owner is held by a shared borrow across `.await`: with
// tempfile's `NamedTempFile` (of a `File`) and `TempDir`, which are `Sync`,
// the handler's future stays `Send`, as without the attribute.

use std::fs;
use std::future::Future;
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

fn require_send<F: Future + Send>(future: F) -> F {
    future
}

async fn tick() {}

struct Upload {
    work: TempDir,
}

impl Upload {
    #[ephemeral_fs]
    async fn stage(&self, body: &[u8]) -> std::io::Result<PathBuf> {
        let part = self.work.path().join("part");
        tick().await;
        fs::write(&part, body)?;
        Ok(part)
    }
}

#[ephemeral_fs]
async fn handler(dir: &TempDir) -> std::io::Result<(usize, PathBuf)> {
    let tmp = NamedTempFile::new()?;
    let p = tmp.path().to_path_buf();
    let q = dir.path().join("q");
    tick().await;
    fs::write(&p, b"abc")?;
    fs::write(&q, b"de")?;
    Ok((fs::read(&p)?.len() + fs::read(&q)?.len(), p))
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let dir = TempDir::new().unwrap();
    let root = dir.path().to_owned();
    let (len, file) = runtime.block_on(require_send(handler(&dir))).unwrap();
    assert_eq!(len, 5);
    assert!(!file.exists());
    let upload = Upload { work: dir };
    let part = runtime
        .block_on(require_send(upload.stage(b"xyz")))
        .unwrap();
    assert_eq!(fs::read(&part).unwrap(), b"xyz");
    drop(upload);
    assert!(!root.exists());
}
