#![deny(warnings)]

// A limit, pinned: tokio's `fs` functions run on its blocking pool, and a
// future dropped after its first poll (a timeout, a client that went away,
// `select!`, an early error in `try_join!`) does not cancel the blocking
// task. Here the handler's future is dropped while its write waits for the
// pool: the temp file is removed with its handle, then the write creates
// it again, and nothing removes it. If the attribute comes to refuse this
// shape, this case fails and moves to the compile-fail cases.
use std::future::Future;
use std::path::PathBuf;
use std::sync::Mutex;
use std::task::Poll;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
async fn stage(seen: &Mutex<Option<PathBuf>>, body: &[u8]) -> std::io::Result<()> {
    let staged = tempfile::NamedTempFile::new()?;
    *seen.lock().unwrap() = Some(staged.path().to_path_buf());
    tokio::fs::write(&staged, body).await?;
    Ok(())
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .max_blocking_threads(1)
        .build()
        .unwrap();
    let seen = Mutex::new(None);
    runtime.block_on(async {
        // The one blocking thread is busy until `release`.
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let busy = tokio::task::spawn_blocking(move || wait.recv().ok());
        let mut handler = Box::pin(stage(&seen, b"upload"));
        std::future::poll_fn(|cx| {
            assert!(handler.as_mut().poll(cx).is_pending(), "the write waits for the pool");
            Poll::Ready(())
        })
        .await;
        drop(handler);
        let staged = seen.lock().unwrap().clone().unwrap();
        assert!(!staged.exists(), "the handle removed its file");
        release.send(()).unwrap();
        busy.await.unwrap();
        // Runs after the queued write, on the same thread.
        tokio::task::spawn_blocking(|| ()).await.unwrap();
        let left = staged.exists();
        let _ = std::fs::remove_file(&staged);
        assert!(left, "the limit changed: move this case");
    });
}
