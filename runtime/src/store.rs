//! Keeping what must last: a staged temp file, streamed into object storage.
//!
//! The attribute forbids half of the twelve-factor rule: a handler must not
//! persist to the local disk. This module is the other half. Stage the data
//! in a temp file, then hand the file to [`put_file`], which streams it into
//! an [`object_store::ObjectStore`]: S3, GCS, Azure, a local directory or
//! memory, whichever the deployment's configuration picked. The temp file
//! goes away when the request ends; the object lasts.
//!
//! Needs the `object-store` feature:
//!
//! ```toml
//! [dependencies]
//! ephemeral-fs = { version = "0.1", features = ["object-store"] }
//! object_store = { version = "0.14", features = ["aws"] } # or gcp, azure, fs
//! ```

use std::error::Error as StdError;
use std::fmt;
use std::io;
use std::pin::Pin;

use object_store::path::Path as ObjectPath;
use object_store::{
    ObjectStore, PutMultipartOptions, PutOptions, PutPayload, PutResult, WriteMultipart,
};
use tempfile::{NamedTempFile, TempPath};
use tokio::io::AsyncReadExt;

use crate::ScratchPath;
use crate::TempTarget;
use crate::lint;

/// Files up to this size are stored with one `put`; larger ones with a
/// multipart upload in parts of this size (5 MiB, the smallest part S3
/// accepts), or larger for files over 48.8 GiB, so that no upload needs more
/// than 10,000 parts (S3's limit).
pub const PART_SIZE: usize = 5 * 1024 * 1024;

/// S3's limit on the parts of one multipart upload.
const MAX_PARTS: u64 = 10_000;

/// Parts uploading at once: one, and the next part is read only when it
/// is done, so about `PART_SIZE` bytes of the file are in memory at a time.
/// Reading a part from the page cache takes milliseconds, far less than
/// sending it: against an S3 server on loopback a second part in flight made
/// no difference beyond noise, and cost 6 to 8 MiB of peak RSS
/// (BENCHMARKS.md).
const PARTS_IN_FLIGHT: usize = 1;

/// Bytes read from the staged file at a time.
const READ_CHUNK: usize = 256 * 1024;

/// A temp file that [`put_file`] may upload: `tempfile::NamedTempFile`,
/// `tempfile::TempPath`, [`ScratchPath`], or a reference to one.
///
/// Sealed through [`TempTarget`]: a `&str`, `&Path` or `PathBuf` names a file
/// that nothing will remove, and uploading it would only copy local state
/// that the next instance does not have. Passing one fails to compile.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a staged temp file",
    label = "not a temp-file handle",
    note = "`put_file` uploads a `tempfile::NamedTempFile`, a `tempfile::TempPath` or an `ephemeral_fs::ScratchPath`, or a reference to one",
    note = "stage the data in a temp file first: a request handler's local files vanish on restart and are not shared between instances"
)]
pub trait StagedFile: TempTarget<lint::persistent_read> + Send + Sync {}

#[diagnostic::do_not_recommend]
impl<F: Send + Sync> StagedFile for NamedTempFile<F> {}
#[diagnostic::do_not_recommend]
impl StagedFile for TempPath {}
#[diagnostic::do_not_recommend]
impl StagedFile for ScratchPath<'_> {}
#[diagnostic::do_not_recommend]
impl<T: StagedFile + ?Sized> StagedFile for &T {}
#[diagnostic::do_not_recommend]
impl<T: StagedFile + ?Sized> StagedFile for &mut T {}

/// Streams a staged temp file into `store` under `key`.
///
/// `file` is a `tempfile::NamedTempFile`, a `tempfile::TempPath` or a
/// [`ScratchPath`], owned or borrowed (see [`StagedFile`]): a path to any
/// other local file does not compile. An owned temp file is removed when the
/// upload ends, successful or not.
///
/// A file of up to [`PART_SIZE`] bytes is read and stored with one `put`.
/// A larger one goes through a multipart upload, one part at a time, read in
/// 256 KiB chunks: about one part of the file is in memory at once, so
/// staged data never has to fit in memory. If a part fails, the upload is
/// aborted. If the returned future is dropped part-way, parts already sent
/// stay in the store as an incomplete multipart upload, as with
/// [`object_store::WriteMultipart`]; S3 removes them with a lifecycle rule.
///
/// The file must not be written to while it uploads.
///
/// # Errors
///
/// object_store's own [`object_store::Error`], with `key` in its message:
///
/// - variants that carry a path (`NotFound`, `AlreadyExists`,
///   `Precondition`, `NotModified`, `PermissionDenied`, `Unauthenticated`)
///   come back as the store returned them;
/// - `Generic` and `NotSupported` keep their variant and store name, their
///   source wrapped in a [`KeyError`] that adds the key;
/// - any other variant, and an I/O error opening or reading the staged
///   file, comes back as `Error::Generic { store: "put_file", .. }` whose
///   source is a [`KeyError`] holding the original error.
///
/// So callers can still match on object_store's variants (a `NotFound` is
/// still a `NotFound`), log one message that names the object, and reach
/// the original error through [`std::error::Error::source`].
///
/// # Example
///
/// ```
/// use std::io::Write;
///
/// use ephemeral_fs::ephemeral_fs;
/// use ephemeral_fs::store::put_file;
/// use object_store::memory::InMemory;
/// use object_store::path::Path;
/// use object_store::{ObjectStore, ObjectStoreExt};
///
/// #[ephemeral_fs]
/// async fn save_report(store: &dyn ObjectStore, body: &[u8]) -> object_store::Result<()> {
///     let mut staged = tempfile::NamedTempFile::new().expect("temp file");
///     staged.write_all(body).expect("staged");
///     // What must last goes to the store; the temp file is removed here.
///     put_file(store, &Path::from("reports/today.csv"), staged).await?;
///     Ok(())
/// }
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> object_store::Result<()> {
/// let store = InMemory::new();
/// save_report(&store, b"day,visits\nmonday,12\n").await?;
/// let stored = store.get(&Path::from("reports/today.csv")).await?.bytes().await?;
/// assert_eq!(&stored[..], b"day,visits\nmonday,12\n");
/// # Ok(())
/// # }
/// ```
///
/// Anything but a temp file is refused at compile time:
///
/// ```compile_fail,E0277
/// # async fn f(store: &dyn object_store::ObjectStore) {
/// let key = object_store::path::Path::from("uploads/a");
/// ephemeral_fs::store::put_file(store, &key, "/var/uploads/a").await;
/// # }
/// ```
pub fn put_file<'a, S, F>(store: &'a S, key: &'a ObjectPath, file: F) -> PutFile<'a>
where
    S: ObjectStore + ?Sized,
    F: StagedFile + 'a,
{
    // A boxed future of a type that does not name `F`: a wrong `file` is
    // then one compiler error, at the argument, instead of three.
    Box::pin(upload(store, key, file))
}

/// The future [`put_file`] returns.
pub type PutFile<'a> = Pin<Box<dyn Future<Output = object_store::Result<PutResult>> + Send + 'a>>;

// The body is checked by the attribute it serves, reads included: it may
// only open temp files.
#[crate::ephemeral_fs(deny(persistent_read))]
async fn upload<S, F>(store: &S, key: &ObjectPath, file: F) -> object_store::Result<PutResult>
where
    S: ObjectStore + ?Sized,
    F: StagedFile,
{
    let mut source = tokio::fs::File::open(&file)
        .await
        .map_err(|e| io_error(key, "opening the staged file for", e))?;
    let len = source
        .metadata()
        .await
        .map_err(|e| io_error(key, "reading the staged file for", e))?
        .len();

    if len <= PART_SIZE as u64 {
        let mut bytes = Vec::with_capacity(len as usize);
        source
            .read_to_end(&mut bytes)
            .await
            .map_err(|e| io_error(key, "reading the staged file for", e))?;
        return store
            .put_opts(key, PutPayload::from(bytes), PutOptions::default())
            .await
            .map_err(|e| with_key(key, e));
    }

    let upload = store
        .put_multipart_opts(key, PutMultipartOptions::default())
        .await
        .map_err(|e| with_key(key, e))?;
    let mut writer = WriteMultipart::new_with_chunk_size(upload, part_size(len));
    let mut chunk = vec![0; READ_CHUNK];
    loop {
        let read = match source.read(&mut chunk).await {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) => {
                // The read error is the one to report; a failed abort only
                // leaves an incomplete upload behind.
                let _ = writer.abort().await;
                return Err(io_error(key, "reading the staged file for", e));
            }
        };
        // Below `PARTS_IN_FLIGHT` parts in flight before reading on.
        if let Err(e) = writer.wait_for_capacity(PARTS_IN_FLIGHT).await {
            let _ = writer.abort().await;
            return Err(with_key(key, e));
        }
        writer.write(&chunk[..read]);
    }
    writer.finish().await.map_err(|e| with_key(key, e))
}

/// The part size for a file of `len` bytes: [`PART_SIZE`], or larger when
/// that would take more than 10,000 parts.
fn part_size(len: u64) -> usize {
    const MIB: u64 = 1024 * 1024;
    let needed = len.div_ceil(MAX_PARTS).div_ceil(MIB) * MIB;
    usize::try_from(needed).map_or(usize::MAX, |needed| needed.max(PART_SIZE))
}

fn with_key(key: &ObjectPath, error: object_store::Error) -> object_store::Error {
    use object_store::Error;
    match error {
        Error::NotFound { .. }
        | Error::AlreadyExists { .. }
        | Error::Precondition { .. }
        | Error::NotModified { .. }
        | Error::PermissionDenied { .. }
        | Error::Unauthenticated { .. } => error,
        Error::Generic { store, source } => Error::Generic {
            store,
            source: Box::new(KeyError::new(key, "storing", source)),
        },
        Error::NotSupported { source } => Error::NotSupported {
            source: Box::new(KeyError::new(key, "storing", source)),
        },
        other => Error::Generic {
            store: "put_file",
            source: Box::new(KeyError::new(key, "storing", Box::new(other))),
        },
    }
}

fn io_error(key: &ObjectPath, action: &'static str, error: io::Error) -> object_store::Error {
    object_store::Error::Generic {
        store: "put_file",
        source: Box::new(KeyError::new(key, action, Box::new(error))),
    }
}

/// The source of an error from [`put_file`] that names the object's key.
///
/// Its message is ``<action> `<key>`: <original message>``, and
/// [`source`](StdError::source) is the original error: an
/// [`object_store::Error`], an object store's own error, or the
/// [`io::Error`] met reading the staged file.
#[derive(Debug)]
pub struct KeyError {
    key: String,
    action: &'static str,
    source: Box<dyn StdError + Send + Sync + 'static>,
}

impl KeyError {
    fn new(
        key: &ObjectPath,
        action: &'static str,
        source: Box<dyn StdError + Send + Sync + 'static>,
    ) -> Self {
        KeyError {
            key: key.to_string(),
            action,
            source,
        }
    }

    /// The key the object was being stored under.
    pub fn key(&self) -> &str {
        &self.key
    }
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} `{}`: {}", self.action, self.key, self.source)
    }
}

impl StdError for KeyError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&*self.source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_size_keeps_within_ten_thousand_parts() {
        const MIB: u64 = 1024 * 1024;
        assert_eq!(part_size(64 * MIB), PART_SIZE);
        assert_eq!(part_size(10_000 * 5 * MIB), PART_SIZE);
        let big = 10_000 * 5 * MIB + 1;
        assert_eq!(part_size(big), 6 * MIB as usize);
        for len in [big, 100 * 1024 * MIB, 5 * 1024 * 1024 * MIB] {
            let size = part_size(len) as u64;
            assert!(len.div_ceil(size) <= MAX_PARTS, "{len} in parts of {size}");
            assert_eq!(size % MIB, 0);
        }
    }
}
