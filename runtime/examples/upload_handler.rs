//! An upload handler that stages the body in temp files and keeps the result
//! in a backing service. `#[ephemeral_fs]` checks that nothing it writes
//! locally outlives the request.
//!
//! Run it with `cargo run -p ephemeral-fs --example upload_handler`.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::sync::Mutex;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

/// Stands in for object storage: what must last goes here, not to disk. A
/// real service streams the temp file into an `object_store::ObjectStore`
/// with `ephemeral_fs::store::put_file` (feature `object-store`), as
/// `examples/upload-service` does.
#[derive(Default)]
struct ObjectStore {
    objects: Mutex<HashMap<String, Vec<u8>>>,
}

impl ObjectStore {
    fn put(&self, key: &str, bytes: Vec<u8>) {
        self.objects.lock().unwrap().insert(key.to_owned(), bytes);
    }
}

struct UploadHandler {
    store: ObjectStore,
}

#[ephemeral_fs]
impl UploadHandler {
    /// Stages the upload, "processes" it in a scratch directory, stores the
    /// result and lets every local file go when it returns.
    fn upload(&self, name: &str, body: &[u8]) -> io::Result<String> {
        let mut staged = NamedTempFile::new()?;
        staged.write_all(body)?;
        staged.flush()?;

        let work = TempDir::new()?;
        let normalised = work.child("normalised.txt")?;
        let text = fs::read_to_string(staged.path())?;
        fs::write(&normalised, text.trim().to_uppercase())?;

        let key = format!("uploads/{name}");
        self.store.put(&key, fs::read(&normalised)?);
        Ok(key)
    }
}

fn main() -> io::Result<()> {
    // Every temp file of this process goes below a directory of its own, so
    // that what is left there after the request can be looked at.
    let temp_root = TempDir::new()?;
    if tempfile::env::override_temp_dir(temp_root.path()).is_err() {
        return Err(io::Error::other("the temp directory was already chosen"));
    }

    let handler = UploadHandler {
        store: ObjectStore::default(),
    };
    let key = handler.upload("hello.txt", b"  hello, twelve-factor  \n")?;
    let objects = handler.store.objects.lock().unwrap();
    println!(
        "stored {key}: {:?}",
        String::from_utf8_lossy(&objects[&key])
    );

    let left: Vec<_> = fs::read_dir(temp_root.path())?.collect::<Result<_, _>>()?;
    if !left.is_empty() {
        let names: Vec<_> = left.iter().map(|entry| entry.file_name()).collect();
        return Err(io::Error::other(format!(
            "local files outlived the request: {names:?}"
        )));
    }
    println!(
        "no local file outlived the request: {} is empty",
        temp_root.path().display()
    );
    Ok(())
}
