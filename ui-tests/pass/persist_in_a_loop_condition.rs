#![deny(warnings)]

// A `persist` in a loop's condition runs on every pass, as written: the
// check of its receiver's type is made once, before the loop, and holds
// for each pass. tempfile's `persist_noclobber` into a temp directory
// retries under the next free name; a type of the application's own
// retries its own `persist`, with the receiver's index evaluated once per
// pass.
use std::cell::Cell;
use std::io::Write;
use std::ops::Index;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
fn stage(work: &TempDir, body: &[u8]) -> std::io::Result<usize> {
    let mut tmp = NamedTempFile::new()?;
    tmp.write_all(body)?;
    let mut i = 0;
    while let Err(e) = tmp.persist_noclobber(work.child(format!("{i}.bin"))?) {
        tmp = e.file;
        i += 1;
    }
    Ok(i)
}

pub struct Upload {
    tries: Cell<u8>,
}

impl Upload {
    pub fn persist(&self, key: &str) -> Result<u8, String> {
        let n = self.tries.get() + 1;
        self.tries.set(n);
        if n < 3 { Err(format!("retry {key}")) } else { Ok(n) }
    }
}

pub struct Uploads {
    upload: Upload,
    indexed: Cell<u32>,
}

impl Index<usize> for Uploads {
    type Output = Upload;
    fn index(&self, _: usize) -> &Upload {
        self.indexed.set(self.indexed.get() + 1);
        &self.upload
    }
}

#[ephemeral_fs]
fn store(uploads: &Uploads) -> u8 {
    let mut attempts = 0;
    while uploads[0].persist("uploads/a.bin").is_err() {
        attempts += 1;
    }
    attempts
}

fn main() {
    let work = TempDir::new().unwrap();
    std::fs::write(work.path().join("0.bin"), b"taken").unwrap();
    std::fs::write(work.path().join("1.bin"), b"taken").unwrap();
    assert_eq!(stage(&work, b"body").unwrap(), 2);
    assert_eq!(std::fs::read(work.path().join("2.bin")).unwrap(), b"body");
    let dir = work.path().to_path_buf();
    drop(work);
    assert!(!dir.exists(), "the temp directory is removed with what was persisted into it");

    let uploads = Uploads {
        upload: Upload { tries: Cell::new(0) },
        indexed: Cell::new(0),
    };
    assert_eq!(store(&uploads), 2);
    assert_eq!(uploads.indexed.get(), 3, "the index is evaluated once per pass");
}
