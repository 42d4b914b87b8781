#![deny(warnings)]

// A limit, pinned: a temp handle is a temp file by its type, whoever holds
// it. A `TempDir` made at start-up and kept in the application's state
// lives as long as the process, so a handler's write into it is accepted
// and outlives the request: the next request on this instance reads it
// back, another instance or this one after a restart does not have it. If
// the attribute comes to refuse this shape, this case fails and moves to
// the compile-fail cases.
use std::sync::Arc;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

pub struct AppState {
    staging: TempDir,
}

#[ephemeral_fs]
mod handlers {
    use super::*;

    pub fn upload(state: &Arc<AppState>, name: &str, body: &[u8]) -> std::io::Result<()> {
        std::fs::write(state.staging.child(name)?, body)
    }

    pub fn download(state: &Arc<AppState>, name: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(state.staging.child(name)?)
    }
}

fn main() {
    let state = Arc::new(AppState {
        staging: TempDir::new().unwrap(),
    });
    handlers::upload(&state, "a.bin", b"kept").unwrap();
    // A later request on this instance finds what an earlier one wrote.
    assert_eq!(handlers::download(&state, "a.bin").unwrap(), b"kept");
    let staging = state.staging.path().to_path_buf();
    drop(state);
    assert!(!staging.exists(), "gone with the process's state");
}
