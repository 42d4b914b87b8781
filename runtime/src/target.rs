//! The guard trait: which values count as temp-file handles.

use std::path::Path;

use tempfile::{NamedTempFile, TempPath};

use crate::lint;
use crate::scratch::ScratchPath;
use crate::sealed::Sealed;

/// A path that is known to be cleaned up when the request ends.
///
/// Implemented only for `tempfile::NamedTempFile`, `tempfile::TempPath`,
/// [`ScratchPath`] (a child of a `tempfile::TempDir`, see
/// [`TempDirExt::child`](crate::TempDirExt::child)), and references to them.
/// It is sealed: a plain `&str`, `&Path` or `PathBuf` can never satisfy it,
/// because nothing about such a path says it will be removed.
///
/// `L` names the lint that asked for the bound (see [`lint`]). It only changes
/// the compiler message, never which types qualify.
#[diagnostic::on_unimplemented(
    message = "{L}: `{Self}` is not a temp-file handle",
    label = "not a temp-file handle",
    note = "a request handler's local files vanish on restart and are not shared between instances",
    note = "use a `tempfile::NamedTempFile`, a `dir.child(..)` of a `tempfile::TempDir` (`ephemeral_fs::TempDirExt`), or keep the data in a backing service such as object storage or a database",
    note = "a path taken from a temp handle (`let p = tmp.path();`) is followed only where its handle is in sight: in a closure, or after a macro call in its block, take it from the handle there (`tmp.path()`)",
    note = "to keep the data, stage it in a temp file and store it with `ephemeral_fs::store::put_file(store, key, tmp)` (feature `object-store`), which streams it into S3, GCS, Azure or any `object_store::ObjectStore`",
    note = "to write there on purpose, put `#[ephemeral_fs::allow({L}, reason = \"...\")]` on the statement"
)]
pub trait TempTarget<L = lint::persistent_write>: AsRef<Path> + Sealed {}

// The notes above already name the accepted types, and rustc's list of impls
// would point into this file, so every impl is hidden from it. On the
// reference impls it also keeps rustc from blaming `str` for `&str`.
#[diagnostic::do_not_recommend]
impl<F, L> TempTarget<L> for NamedTempFile<F> {}
#[diagnostic::do_not_recommend]
impl<L> TempTarget<L> for TempPath {}
#[diagnostic::do_not_recommend]
impl<L> TempTarget<L> for ScratchPath<'_> {}
#[diagnostic::do_not_recommend]
impl<L, T: TempTarget<L> + ?Sized> TempTarget<L> for &T {}
#[diagnostic::do_not_recommend]
impl<L, T: TempTarget<L> + ?Sized> TempTarget<L> for &mut T {}
