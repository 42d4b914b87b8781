// The bypass: claiming a store's `.path()` is a temp file's.
use std::path::{Path, PathBuf};

use ephemeral_fs::ephemeral_fs;

struct MyStore {
    root: PathBuf,
}

impl MyStore {
    fn path(&self) -> &Path {
        &self.root
    }
}

impl ephemeral_fs::__private::TempPathOwner for MyStore {}

#[ephemeral_fs]
fn save(store: &MyStore, body: &[u8]) -> std::io::Result<()> {
    std::fs::write(store.path(), body)
}

fn main() {}
