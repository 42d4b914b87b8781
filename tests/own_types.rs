//! Methods of the user's own types named like tempfile's run untouched, and
//! generated code passes strict lints (this file is linted by CI's Clippy).
#![deny(
    warnings,
    unused_qualifications,
    unused_results,
    clippy::allow_attributes,
    clippy::pedantic
)]

use std::cell::Cell;
use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::{Builder, NamedTempFile};

struct Session {
    renewals: Cell<u32>,
}

impl Session {
    fn keep(&self) -> u32 {
        self.renewals.set(self.renewals.get() + 1);
        self.renewals.get()
    }

    fn persist(self, table: &str) -> String {
        format!("{table}:{}", self.renewals.get())
    }
}

struct Entry {
    path: String,
}

impl Entry {
    fn path(&self) -> &str {
        &self.path
    }
}

#[ephemeral_fs]
fn renew_and_store(session: Session) -> (u32, u32, String) {
    let first = session.keep();
    let second = session.keep();
    (first, second, session.persist("sessions"))
}

#[test]
fn own_keep_and_persist_run_as_written() {
    let session = Session {
        renewals: Cell::new(0),
    };
    assert_eq!(renew_and_store(session), (1, 2, "sessions:2".to_owned()));
}

#[ephemeral_fs]
fn builder_with_cleanup(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let tmp = Builder::new()
        .prefix("upload-")
        .disable_cleanup(false)
        .tempfile()?;
    fs::write(tmp.path(), body)?;
    let entry = Entry {
        path: String::from("not a file"),
    };
    let label = entry.path().len();
    let mut read = fs::read(&tmp)?;
    read.push(u8::try_from(label).unwrap_or(u8::MAX));
    Ok(read)
}

#[test]
fn builders_that_keep_cleanup_run_as_written() {
    assert_eq!(builder_with_cleanup(b"ab").unwrap(), b"ab\x0a");
}

#[ephemeral_fs]
fn escape_allowed_with_reason(body: &[u8]) -> std::io::Result<bool> {
    let tmp = NamedTempFile::new()?;
    fs::write(&tmp, body)?;
    #[ephemeral_fs::allow(temp_escape, reason = "the test removes it right after")]
    let kept = tmp.into_temp_path().keep().map_err(|e| e.error)?;
    let existed = kept.exists();
    #[ephemeral_fs::allow(persistent_write, reason = "removes the file kept above")]
    fs::remove_file(&kept)?;
    Ok(existed)
}

#[test]
fn an_allowed_escape_behaves_as_tempfile_does() {
    assert!(escape_allowed_with_reason(b"x").unwrap());
}
