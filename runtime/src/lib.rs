//! Compile-time enforcement of a twelve-factor rule: a request handler must
//! not persist data to the local filesystem, which vanishes on restart and is
//! not shared between instances.
//!
//! Put [`#[ephemeral_fs]`](macro@ephemeral_fs) on a handler function, an
//! `impl` block or an inline module. Writes to temp-file handles
//! (`tempfile::NamedTempFile`, `tempfile::TempPath`, [`ScratchPath`]) compile
//! and run exactly as before; a write to any other path fails the build.
//!
//! ```
//! use std::io::Write;
//! use ephemeral_fs::ephemeral_fs;
//!
//! #[ephemeral_fs]
//! fn stage_upload(body: &[u8]) -> std::io::Result<u64> {
//!     let tmp = tempfile::NamedTempFile::new()?;
//!     std::fs::write(&tmp, body)?;
//!     Ok(std::fs::metadata(&tmp)?.len())
//! }
//! # assert_eq!(stage_upload(b"abc").unwrap(), 3);
//! ```
//!
//! ```compile_fail,E0277
//! use ephemeral_fs::ephemeral_fs;
//!
//! #[ephemeral_fs]
//! fn save_upload(name: &str, body: &[u8]) -> std::io::Result<()> {
//!     std::fs::write(format!("/var/uploads/{name}"), body)
//! }
//! ```
//!
//! What must outlast the request goes to a backing service. With the
//! `object-store` feature, `store::put_file` streams a staged temp file into
//! any `object_store::ObjectStore` (S3, GCS, Azure, a local directory,
//! memory), and accepts nothing but a temp file.
//!
//! The [`guide`] is the reference: what counts as a temp file, the lints,
//! their levels, exceptions and limits, the audit command, and how it works.
//! Each lint's documentation is in [`lint`].

// The attribute's expansion names `::ephemeral_fs`; this lets the crate's own
// code carry it (see `store`).
extern crate self as ephemeral_fs;

pub mod bounds;
pub mod fs;
pub mod guide;
pub mod lint;
mod private;
mod scratch;
mod sealed;
#[cfg(feature = "object-store")]
pub mod store;
mod target;

/// Checks a handler function, an `impl` block or an inline module.
///
/// Arguments set lint levels: `#[ephemeral_fs(deny(persistent_read))]`,
/// `#[ephemeral_fs(warn(persistent_write), allow(temp_escape))]`. Inside the
/// annotated code, `#[ephemeral_fs::allow(<lint>, reason = "...")]` on a
/// statement or item turns a lint off for it.
pub use ephemeral_fs_macros::ephemeral_fs;

pub use scratch::{ScratchPath, TempDirExt};
pub use target::TempTarget;

#[doc(hidden)]
pub mod __private {
    pub use crate::private::*;
}
