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

/// What a symbolic link may point to: a path inside a temp directory. Any
/// other original (a `NamedTempFile`, a `TempDir` itself) may be removed
/// before the link, and a write through the link then creates it again,
/// where nothing removes it; a path inside a removed directory cannot be.
#[diagnostic::on_unimplemented(
    message = "persistent_write: a symbolic link to `{Self}` can outlive its original",
    label = "the original may be removed before the link",
    note = "when the original is removed first (its temp handle dropped), a write through the link creates it again, where nothing removes it",
    note = "link to a path inside a temp directory (`dir.child(name)?`), which cannot be created again once the directory is gone; or copy the file, or make a hard link",
    note = "to do this on purpose, put `#[ephemeral_fs::allow(persistent_write, reason = \"...\")]` on the statement"
)]
pub trait SymlinkOriginal: AsRef<Path> + Sealed {}

#[diagnostic::do_not_recommend]
impl SymlinkOriginal for crate::ScratchPath<'_> {}
#[diagnostic::do_not_recommend]
impl<T: SymlinkOriginal + ?Sized> SymlinkOriginal for &T {}
#[diagnostic::do_not_recommend]
impl<T: SymlinkOriginal + ?Sized> SymlinkOriginal for &mut T {}

/// A directory a `DirBuilder` makes with a `mode` not known to leave its
/// owner all rights: no path, since a directory its owner cannot list or
/// enter is not emptied by its temp directory's cleanup. Nothing
/// implements it.
#[diagnostic::on_unimplemented(
    message = "persistent_write: this `DirBuilder` may make a directory its owner cannot list or enter, and no path, `{Self}` included, is fit for it",
    label = "a directory whose mode is not known to leave its owner all rights",
    note = "a temp directory's cleanup cannot empty a directory its owner cannot list or enter, and leaves it and all it holds",
    note = "give the builder a literal mode with the owner's rights in the chain (`DirBuilder::new().mode(0o700)`), or make the directory with `fs::create_dir`",
    note = "to do this on purpose, put `#[ephemeral_fs::allow(persistent_write, reason = \"...\")]` on the statement"
)]
pub trait DirectoryMode: AsRef<Path> + Sealed {}

/// A builder made through an associated type
/// (`<Local as Backend>::Options::new()`): its flags are read from the
/// chain that starts at the builder's own name, and this one starts
/// elsewhere. Nothing implements it.
#[diagnostic::on_unimplemented(
    message = "persistent_write: `{Self}` made through an associated type: its flags are not followed",
    label = "made through an associated type",
    note = "the attribute reads a builder's flags from a chain that starts at its type's name, and decides by the type where the name is an associated type's",
    note = "name the type (`std::fs::OpenOptions::new()`, `std::fs::File::options()`, `std::fs::DirBuilder::new()`), or make it in a helper outside the handler",
    note = "to do this on purpose, put `#[ephemeral_fs::allow(persistent_write, reason = \"...\")]` on the statement"
)]
pub trait BuilderByType: Sealed {}

/// A function of std's file, builder or socket types taken as a value
/// through an associated type (`.map(<Local as Backend>::Handle::create)`):
/// where it is called later, its argument is out of sight. Nothing
/// implements it.
#[diagnostic::on_unimplemented(
    message = "persistent_write: a function of std's filesystem types, taken as a value through an associated type, is not checked where it is called",
    label = "taken as a value through an associated type",
    note = "the attribute checks such a function's path where it is called, and reads which type it belongs to from the type the associated type resolves to",
    note = "call it in a closure, where its argument is in sight: `.map(|path| <Local as Backend>::Handle::create(path))`",
    note = "to do this on purpose, put `#[ephemeral_fs::allow(persistent_write, reason = \"...\")]` on the statement"
)]
pub trait ValueByType: Sealed {}

/// A new root of the whole process (`chroot`): no path, since every temp
/// handle's cleanup then looks for its path under the new root. Nothing
/// implements it.
#[diagnostic::on_unimplemented(
    message = "persistent_write: `chroot` moves the root of the whole process, and no path, `{Self}` included, is fit for it in a request handler",
    label = "the process's new root",
    note = "after it, every temp file's and temp directory's cleanup looks for its path under the new root, and leaves the file where it was",
    note = "confine the process before it serves requests, at start-up or in its container, not in a handler",
    note = "to do this on purpose, put `#[ephemeral_fs::allow(persistent_write, reason = \"...\")]` on the statement"
)]
pub trait ProcessRoot: AsRef<Path> + Sealed {}

/// A path whose permissions or owner may change: a temp file's. A directory
/// made read-only, or given to another owner, cannot be emptied by its
/// cleanup.
#[diagnostic::on_unimplemented(
    message = "persistent_write: `{Self}` is not a temp file, whose permissions or owner may change",
    label = "not a `NamedTempFile` or `TempPath`",
    note = "a directory made read-only, or given to another owner, cannot be emptied when its temp directory is removed",
    note = "change the permissions of a temp file itself: a `tempfile::NamedTempFile` or `TempPath`",
    note = "to do this on purpose, put `#[ephemeral_fs::allow(persistent_write, reason = \"...\")]` on the statement"
)]
pub trait TempFile: AsRef<Path> + Sealed {}

#[diagnostic::do_not_recommend]
impl<F> TempFile for NamedTempFile<F> {}
#[diagnostic::do_not_recommend]
impl TempFile for tempfile::TempPath {}
#[diagnostic::do_not_recommend]
impl<T: TempFile + ?Sized> TempFile for &T {}
#[diagnostic::do_not_recommend]
impl<T: TempFile + ?Sized> TempFile for &mut T {}

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

/// Never implemented: `.open(path)` or `.create(path)` on a std
/// `OpenOptions` or `DirBuilder` whose flags the attribute cannot read
/// requires it.
#[diagnostic::on_unimplemented(
    message = "persistent_write: the flags of this `{Self}` are not in sight, so its `open` or `create` may write anywhere",
    label = "a builder whose flags are not in sight",
    note = "a builder's flags are read from one chain (`OpenOptions::new().read(true).open(path)`) or from a local bound to its constructor (`let mut opts = OpenOptions::new();`); this one is bound by a pattern, passed in, held in a field, made by a function value, or an item of the block",
    note = "write the chain in one piece, `OpenOptions::new().write(true).open(path)`, so that its path is checked as a temp file's",
    note = "to open it on purpose, put `#[ephemeral_fs::allow(persistent_write, reason = \"...\")]` on the statement"
)]
pub trait FlagsInSight: Sealed {}

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

// `tmp2.path()` or `dir.path().join("name")` of a temp handle, checked by
// the owner's type as everywhere else.
#[diagnostic::do_not_recommend]
impl<D: AsRef<Path>> TempDestination for crate::private::InTempDir<D> {}

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

/// Never implemented: a `NamedTempFile` from a `make` whose builder's
/// names are not known to be fresh requires it.
#[diagnostic::on_unimplemented(
    message = "temp_escape: this `{Self}` is made with names that may not be fresh, so it may name a file that already exists",
    label = "its builder's names may not be fresh",
    note = "`make` and `make_in` adopt whatever path the closure leaves: with fewer than 6 random characters, a prefix or suffix that is not a plain literal, or settings made out of sight, it may be an existing file, which dropping the handle deletes",
    note = "call it on a chain from `tempfile::Builder::new()` with the default random characters (or `rand_bytes(6)` or more) and literal prefix and suffix, or use `NamedTempFile::new()`",
    note = "to do this on purpose, put `#[ephemeral_fs::allow(temp_escape, reason = \"...\")]` on the statement"
)]
pub trait FreshNames: Sealed {}

/// A `tempfile::Builder`, whose `make` and `make_in` hand their closure a
/// fresh temp file's path. The call is made through this trait, so that no
/// method of the user's named `make` can stand in for tempfile's.
#[diagnostic::on_unimplemented(
    message = "{L}: `{Self}` is not a `tempfile::Builder`, so the path its `make` closure is handed is not known to be a temp file",
    label = "not a `tempfile::Builder`",
    note = "the path handed to a `make(|path| ..)` or `make_in(dir, |path| ..)` closure counts as a temp file only for `tempfile::Builder`",
    note = "to do this on purpose, put `#[ephemeral_fs::allow({L}, reason = \"...\")]` on the statement"
)]
pub trait TempfileBuilder<L>: Sealed {
    #[doc(hidden)]
    fn __ephemeral_fs_make_in<P, F, R>(&self, dir: P, make: F) -> io::Result<NamedTempFile<R>>
    where
        P: AsRef<Path>,
        F: FnMut(&Path) -> io::Result<R>;

    #[doc(hidden)]
    fn __ephemeral_fs_make<F, R>(&self, make: F) -> io::Result<NamedTempFile<R>>
    where
        F: FnMut(&Path) -> io::Result<R>;
}

#[diagnostic::do_not_recommend]
impl<L> TempfileBuilder<L> for tempfile::Builder<'_, '_> {
    #[inline(always)]
    fn __ephemeral_fs_make_in<P, F, R>(&self, dir: P, make: F) -> io::Result<NamedTempFile<R>>
    where
        P: AsRef<Path>,
        F: FnMut(&Path) -> io::Result<R>,
    {
        tempfile::Builder::make_in(self, dir, make)
    }

    #[inline(always)]
    fn __ephemeral_fs_make<F, R>(&self, make: F) -> io::Result<NamedTempFile<R>>
    where
        F: FnMut(&Path) -> io::Result<R>,
    {
        tempfile::Builder::make(self, make)
    }
}

macro_rules! builder_through {
    ($($pointer:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl<L, T: TempfileBuilder<L> + ?Sized> TempfileBuilder<L> for $pointer {
            #[inline(always)]
            fn __ephemeral_fs_make_in<P, F, R>(&self, dir: P, make: F) -> io::Result<NamedTempFile<R>>
            where
                P: AsRef<Path>,
                F: FnMut(&Path) -> io::Result<R>,
            {
                T::__ephemeral_fs_make_in(self, dir, make)
            }

            #[inline(always)]
            fn __ephemeral_fs_make<F, R>(&self, make: F) -> io::Result<NamedTempFile<R>>
            where
                F: FnMut(&Path) -> io::Result<R>,
            {
                T::__ephemeral_fs_make(self, make)
            }
        }
    )*};
}

builder_through!(&T, &mut T);

/// The path a `make` closure is handed, when the closure does more than
/// create the file in one call, or the builder's names are not random.
#[diagnostic::on_unimplemented(
    message = "{L}: `{Self}` is the path of a `make` closure that may leave it behind",
    label = "not removed if the closure fails after creating it",
    note = "tempfile removes the path it hands a `make` closure only when the closure succeeds, and only as a file; with fewer than 6 random characters (`rand_bytes(n)`), a prefix or suffix that is not a literal of plain characters (no `/`, no `..`), or settings not shown in one chain of tempfile's own setters from `Builder::new()` (a builder local, one a call returns, a method of another trait), the path may already exist",
    note = "let the closure only create the file, `|path| File::create_new(path)` or an `OpenOptions::new()` chain of literal flags, and write to it after `make` returns; call `make` on a `Builder::new()` chain that keeps tempfile's random characters in the name",
    note = "to do this on purpose, put `#[ephemeral_fs::allow({L}, reason = \"...\")]` on the statement"
)]
pub trait MadePath<L>: AsRef<Path> + Sealed {}

#[diagnostic::do_not_recommend]
impl<L, T: TempTarget<L> + ?Sized> MadePath<L> for T {}

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
