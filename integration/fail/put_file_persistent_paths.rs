use std::path::{Path, PathBuf};

use ephemeral_fs::store::put_file;
use object_store::memory::InMemory;
use object_store::path::Path as Key;

async fn upload(store: &InMemory, key: &Key) -> object_store::Result<()> {
    put_file(store, key, "/var/uploads/report.csv").await?;
    put_file(store, key, PathBuf::from("/var/uploads/report.csv")).await?;
    put_file(store, key, Path::new("/var/uploads/report.csv")).await?;
    Ok(())
}

fn main() {
    let _ = upload;
}
