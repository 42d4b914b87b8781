//! The bounds that `#[ephemeral_fs]`'s compiler messages name.
//!
//! Each one reads as the rule it enforces in an error's `help:` line, with
//! notes that say what to do for that shape of code. They are sealed: no
//! type outside this crate can implement them, so no impl can switch a check
//! off. Only [`TempTarget`] is meant for your own bounds.

use std::io;
use std::path::Path;

use tempfile::NamedTempFile;

use crate::TempTarget;
use crate::lint::{persistent_read, persistent_write};
use crate::sealed::Sealed;

/// A path a handler may read: a temp-file handle, as for
/// [`TempTarget`]. Named in `persistent_read` errors.
#[diagnostic::on_unimplemented(
    message = "persistent_read: `{Self}` is not a temp-file handle",
    label = "not a temp-file handle",
    note = "a local file may be missing after a restart or on another instance, so a handler that reads one depends on state it cannot count on",
    note = "read from a backing service such as object storage or a database, or from a temp file this request created",
    note = "to read it on purpose, put `#[ephemeral_fs::allow(persistent_read, reason = \"...\")]` on the statement"
)]
pub trait TempReadTarget: AsRef<Path> + Sealed {}

#[diagnostic::do_not_recommend]
impl<T: TempTarget<persistent_read> + ?Sized> TempReadTarget for T {}

/// A path taken from `x.path()`, or a local bound to it, that is a temp
/// file's only when `x` is a `NamedTempFile` or `TempDir`.
#[diagnostic::on_unimplemented(
    message = "{L}: `{Self}` is not known to be a temp file's path",
    label = "not known to be a temp file's path",
    note = "`x.path()` counts when `x` is a variable or field holding a `tempfile::NamedTempFile` or `tempfile::TempDir`, also behind `&`, `Box`, `Rc` or `Arc`; a local bound to it counts when its `let` is not `mut`, its name is not bound again before the use, and `x` is not assigned to",
    note = "pass the handle itself (`&tmp`), or use `dir.child(name)?` (`ephemeral_fs::TempDirExt`)",
    note = "to do this on purpose, put `#[ephemeral_fs::allow({L}, reason = \"...\")]` on the statement"
)]
pub trait TempPathOf<L>: AsRef<Path> + Sealed {}

#[diagnostic::do_not_recommend]
impl<L, T: TempTarget<L> + ?Sized> TempPathOf<L> for T {}

/// A path joined onto a temp directory's, which stays inside it only for
/// names checked at compile time.
#[diagnostic::on_unimplemented(
    message = "{L}: `{Self}` is not known to stay inside a temp directory",
    label = "not known to stay inside a temp directory",
    note = "`dir.path().join(\"name\")` counts when `dir` is a `tempfile::TempDir` and every joined name is a string literal of normal components: no `..`, no `.`, no absolute path",
    note = "for a name known only at run time, use `dir.child(name)?` (`ephemeral_fs::TempDirExt`), which checks it",
    note = "to do this on purpose, put `#[ephemeral_fs::allow({L}, reason = \"...\")]` on the statement"
)]
pub trait TempDirJoin<L>: AsRef<Path> + Sealed {}

#[diagnostic::do_not_recommend]
impl<L, T: TempTarget<L> + ?Sized> TempDirJoin<L> for T {}

/// What a link inside a temp directory may point to: writing through the
/// link writes to it.
#[diagnostic::on_unimplemented(
    message = "persistent_write: a link to `{Self}` writes through to a path that is not a temp file",
    label = "the link's original is not a temp-file handle",
    note = "a write through the link changes the original, which outlives the request",
    note = "link only to temp files: a `tempfile::NamedTempFile`, a `TempPath` or a `dir.child(..)`",
    note = "to do this on purpose, put `#[ephemeral_fs::allow(persistent_write, reason = \"...\")]` on the statement"
)]
pub trait LinkOriginal: AsRef<Path> + Sealed {}

#[diagnostic::do_not_recommend]
impl<T: TempTarget<persistent_write> + ?Sized> LinkOriginal for T {}

/// Never implemented: the tempfile calls that cancel a temp file's cleanup
/// (`keep`, `into_path`, `disable_cleanup(true)`, `persist` out of a temp
/// directory) require it.
#[diagnostic::on_unimplemented(
    message = "temp_escape: this call lets a temp file of `{Self}` outlive the request",
    label = "cancels the temp file's cleanup",
    note = "a file kept on local disk vanishes on restart and is not shared between instances",
    note = "upload the data to a backing service before the request ends, and let the temp file be removed: `ephemeral_fs::store::put_file(store, key, tmp)` (feature `object-store`) streams it into object storage",
    note = "to keep it on purpose, put `#[ephemeral_fs::allow(temp_escape, reason = \"...\")]` on the statement"
)]
pub trait MayOutliveTheRequest: Sealed {}

/// Where `persist` may move a temp file: into a temp directory, which still
/// removes it.
#[diagnostic::on_unimplemented(
    message = "temp_escape: persisting a temp file to `{Self}` lets it outlive the request",
    label = "not inside a temp directory",
    note = "`persist` into a temp directory (`dir.child(name)?`) keeps the cleanup; any other path keeps a local file that vanishes on restart and is not shared between instances",
    note = "upload the data to a backing service instead: `ephemeral_fs::store::put_file(store, key, tmp)` (feature `object-store`) streams it into object storage",
    note = "to keep it on purpose, put `#[ephemeral_fs::allow(temp_escape, reason = \"...\")]` on the statement"
)]
pub trait TempDestination: AsRef<Path> + Sealed {}

#[diagnostic::do_not_recommend]
impl<T: TempTarget<persistent_write> + ?Sized> TempDestination for T {}

/// Never implemented: `TempPath::from_path(p)` requires it, because it wraps
/// a path that is not a temp file.
#[diagnostic::on_unimplemented(
    message = "temp_escape: this call makes a `{Self}` of a path that is not a temp file",
    label = "adopts an arbitrary path",
    note = "dropping the handle deletes that path, and keeping it keeps a local file that vanishes on restart",
    note = "create temp files with `tempfile::NamedTempFile::new()` or `TempDir::new()`, and keep lasting data in a backing service",
    note = "to do this on purpose, put `#[ephemeral_fs::allow(temp_escape, reason = \"...\")]` on the statement"
)]
pub trait MayAdoptAnyPath: Sealed {}

/// What `tempfile::Builder::make` and `make_in` return: the path their
/// closure is handed is then a temp file's, removed when the
/// `NamedTempFile` drops.
#[diagnostic::on_unimplemented(
    message = "{L}: `{Self}` is not what `tempfile::Builder::make` returns, so its closure's path is not known to be a temp file",
    label = "not `tempfile::Builder::make`",
    note = "the path handed to a `make(|path| ..)` or `make_in(dir, |path| ..)` closure counts as a temp file only for `tempfile::Builder`",
    note = "to do this on purpose, put `#[ephemeral_fs::allow({L}, reason = \"...\")]` on the statement"
)]
pub trait MadeByTempfile<L>: Sealed {}

#[diagnostic::do_not_recommend]
impl<L, R> MadeByTempfile<L> for io::Result<NamedTempFile<R>> {}
