//! What `#[ephemeral_fs]` generates code against. Not a public API.
//!
//! Every item here is zero-sized or an `#[inline(always)]` identity, so an
//! accepted call compiles to exactly the user's own call.

use tempfile::{Builder, NamedTempFile, TempDir, TempPath};

use crate::TempTarget;
use crate::lint;

// Input:  fs::write(path, data)
// Output: fs::write(::ephemeral_fs::__private::persistent_write(path), data)
//
// The callee of the guard carries the span of the user's callee, so rustc's
// "required by a bound introduced by this call" points at `fs::write`.

/// Passes a `persistent_write` target through, if it is a temp-file handle.
#[inline(always)]
pub fn persistent_write<T: TempTarget<lint::persistent_write>>(target: T) -> T {
    target
}

/// Passes a `persistent_read` target through, if it is a temp-file handle.
#[inline(always)]
pub fn persistent_read<T: TempTarget<lint::persistent_read>>(target: T) -> T {
    target
}

/// Evaluates a probe for its type check only, then yields `value`.
#[inline(always)]
pub fn after<P, T>(_probe: P, value: T) -> T {
    value
}

/// Wraps a value whose type decides which probe method applies.
///
/// An inherent method (bounded on the type) wins over a trait method of the
/// same name when its bound holds; otherwise the trait method in scope is
/// used. This picks a behaviour by type on stable Rust.
pub struct Probe<T>(pub T);

// ---- `warn` level for path lints -------------------------------------------
//
// Input:  fs::write(path, data)            (under warn(persistent_write))
// Output: fs::write(Probe(path).__ephemeral_fs_warn_persistent_write(), data)
//
// A temp handle resolves to the inherent method; anything else falls back to
// the deprecated trait method, whose deprecation is the warning.

impl<T: TempTarget<lint::persistent_write>> Probe<T> {
    #[inline(always)]
    pub fn __ephemeral_fs_warn_persistent_write(self) -> T {
        self.0
    }
}

impl<T: TempTarget<lint::persistent_read>> Probe<T> {
    #[inline(always)]
    pub fn __ephemeral_fs_warn_persistent_read(self) -> T {
        self.0
    }
}

pub trait WarnPersistentWrite<T> {
    #[deprecated(
        note = "ephemeral_fs::persistent_write: this path is not a temp-file handle; a request handler's local files vanish on restart and are not shared between instances. Use a `tempfile::NamedTempFile`, a `dir.child(..)` of a `tempfile::TempDir`, or a backing service"
    )]
    fn __ephemeral_fs_warn_persistent_write(self) -> T;
}

impl<T> WarnPersistentWrite<T> for Probe<T> {
    #[inline(always)]
    fn __ephemeral_fs_warn_persistent_write(self) -> T {
        self.0
    }
}

pub trait WarnPersistentRead<T> {
    #[deprecated(
        note = "ephemeral_fs::persistent_read: this path is not a temp-file handle; a stateless handler must not depend on local files. Read from a backing service, or from a temp file this request created"
    )]
    fn __ephemeral_fs_warn_persistent_read(self) -> T;
}

impl<T> WarnPersistentRead<T> for Probe<T> {
    #[inline(always)]
    fn __ephemeral_fs_warn_persistent_read(self) -> T {
        self.0
    }
}

// ---- `tmp.path()` as a target ---------------------------------------------
//
// Input:  fs::write(tmp.path(), data)
// Output: fs::write(::ephemeral_fs::__private::Probe(&tmp)
//                       .__ephemeral_fs_deny_persistent_write_path(tmp.path()), data)
//
// `&Path` says nothing about where it came from, but the receiver's type
// does: the path of a `NamedTempFile` or `TempDir` passes as is; any other
// receiver falls back to the trait method, which demands a temp handle.

/// Types whose `.path()` lies inside a temp file or directory.
pub trait TempPathOwner {}

macro_rules! temp_path_owners {
    ($([$($generics:tt)*] $ty:ty),* $(,)?) => {$(
        impl<$($generics)*> TempPathOwner for $ty {}
        impl<$($generics)*> TempPathOwner for &$ty {}
        impl<$($generics)*> TempPathOwner for &mut $ty {}
    )*};
}

temp_path_owners! {
    [F] NamedTempFile<F>,
    [] TempDir,
}

impl<T: TempPathOwner> Probe<&T> {
    #[inline(always)]
    pub fn __ephemeral_fs_deny_persistent_write_path<P>(self, path: P) -> P {
        path
    }

    #[inline(always)]
    pub fn __ephemeral_fs_warn_persistent_write_path<P>(self, path: P) -> P {
        path
    }

    #[inline(always)]
    pub fn __ephemeral_fs_deny_persistent_read_path<P>(self, path: P) -> P {
        path
    }

    #[inline(always)]
    pub fn __ephemeral_fs_warn_persistent_read_path<P>(self, path: P) -> P {
        path
    }
}

pub trait PathOfFallback {
    fn __ephemeral_fs_deny_persistent_write_path<P: TempTarget<lint::persistent_write>>(
        self,
        path: P,
    ) -> P;

    #[deprecated(
        note = "ephemeral_fs::persistent_write: this path is not a temp-file handle; a request handler's local files vanish on restart and are not shared between instances. Use a `tempfile::NamedTempFile`, a `dir.child(..)` of a `tempfile::TempDir`, or a backing service"
    )]
    fn __ephemeral_fs_warn_persistent_write_path<P>(self, path: P) -> P;

    fn __ephemeral_fs_deny_persistent_read_path<P: TempTarget<lint::persistent_read>>(
        self,
        path: P,
    ) -> P;

    #[deprecated(
        note = "ephemeral_fs::persistent_read: this path is not a temp-file handle; a stateless handler must not depend on local files. Read from a backing service, or from a temp file this request created"
    )]
    fn __ephemeral_fs_warn_persistent_read_path<P>(self, path: P) -> P;
}

impl<T> PathOfFallback for Probe<T> {
    #[inline(always)]
    fn __ephemeral_fs_deny_persistent_write_path<P: TempTarget<lint::persistent_write>>(
        self,
        path: P,
    ) -> P {
        path
    }

    #[inline(always)]
    fn __ephemeral_fs_warn_persistent_write_path<P>(self, path: P) -> P {
        path
    }

    #[inline(always)]
    fn __ephemeral_fs_deny_persistent_read_path<P: TempTarget<lint::persistent_read>>(
        self,
        path: P,
    ) -> P {
        path
    }

    #[inline(always)]
    fn __ephemeral_fs_warn_persistent_read_path<P>(self, path: P) -> P {
        path
    }
}

// ---- `temp_escape` ---------------------------------------------------------
//
// Input:  tmp.persist(dest)
// Output: ::ephemeral_fs::__private::after(
//             Probe(&tmp).__ephemeral_fs_deny_temp_escape_in_place(), tmp.persist(dest))
//
// Input:  NamedTempFile::new()?.keep()      (receiver is not a place)
// Output: Probe(NamedTempFile::new()?).__ephemeral_fs_deny_temp_escape().keep()
//
// For tempfile's types the inherent method applies and its unsatisfiable
// bound is the error; a user's own `persist()` or `keep()` takes the
// pass-through trait method and compiles as before.

/// The tempfile types whose escape methods are checked, seen through up to
/// two references.
pub trait TempHandle {
    type Owned;
}

macro_rules! temp_handles {
    ($([$($generics:tt)*] $ty:ty),* $(,)?) => {$(
        impl<$($generics)*> TempHandle for $ty { type Owned = $ty; }
        impl<$($generics)*> TempHandle for &$ty { type Owned = $ty; }
        impl<$($generics)*> TempHandle for &mut $ty { type Owned = $ty; }
        impl<$($generics)*> TempHandle for &&$ty { type Owned = $ty; }
        impl<$($generics)*> TempHandle for &&mut $ty { type Owned = $ty; }
    )*};
}

temp_handles! {
    [F] NamedTempFile<F>,
    [] TempPath,
    [] TempDir,
    ['a, 'b] Builder<'a, 'b>,
}

/// Never implemented: requiring it is how a `temp_escape` is denied.
#[diagnostic::on_unimplemented(
    message = "temp_escape: this call lets a temp file of `{Self}` outlive the request",
    label = "cancels the temp file's cleanup",
    note = "a file kept on local disk vanishes on restart and is not shared between instances",
    note = "upload the data to a backing service such as object storage or a database before the request ends, and let the temp file be removed"
)]
pub trait MayOutliveTheRequest {}

/// What a place probe yields: nothing that borrows the receiver, so the
/// receiver can be moved by the call that follows.
pub struct Checked;

impl<T: TempHandle> Probe<T> {
    #[inline(always)]
    pub fn __ephemeral_fs_deny_temp_escape(self) -> T
    where
        T::Owned: MayOutliveTheRequest,
    {
        self.0
    }

    #[inline(always)]
    pub fn __ephemeral_fs_deny_temp_escape_in_place(self) -> Checked
    where
        T::Owned: MayOutliveTheRequest,
    {
        Checked
    }

    #[deprecated(
        note = "ephemeral_fs::temp_escape: this call makes a temp file outlive the request; a file kept on local disk vanishes on restart and is not shared between instances. Upload the data to a backing service instead"
    )]
    #[inline(always)]
    pub fn __ephemeral_fs_warn_temp_escape(self) -> T {
        self.0
    }

    #[deprecated(
        note = "ephemeral_fs::temp_escape: this call makes a temp file outlive the request; a file kept on local disk vanishes on restart and is not shared between instances. Upload the data to a backing service instead"
    )]
    #[inline(always)]
    pub fn __ephemeral_fs_warn_temp_escape_in_place(self) -> Checked {
        Checked
    }
}

pub trait TempEscapeFallback<T> {
    fn __ephemeral_fs_deny_temp_escape(self) -> T;
    fn __ephemeral_fs_deny_temp_escape_in_place(self) -> Checked;
    fn __ephemeral_fs_warn_temp_escape(self) -> T;
    fn __ephemeral_fs_warn_temp_escape_in_place(self) -> Checked;
}

impl<T> TempEscapeFallback<T> for Probe<T> {
    #[inline(always)]
    fn __ephemeral_fs_deny_temp_escape(self) -> T {
        self.0
    }

    #[inline(always)]
    fn __ephemeral_fs_deny_temp_escape_in_place(self) -> Checked {
        Checked
    }

    #[inline(always)]
    fn __ephemeral_fs_warn_temp_escape(self) -> T {
        self.0
    }

    #[inline(always)]
    fn __ephemeral_fs_warn_temp_escape_in_place(self) -> Checked {
        Checked
    }
}

// Input:  TempPath::from_path(path)
// Output: ::ephemeral_fs::__private::Probe(TempPath::from_path(path))
//             .__ephemeral_fs_deny_temp_adopt()
//
// The result's type decides: a `TempPath` made of an arbitrary path is
// denied; a user's own `Document::from_path(..)` passes through.

/// Results of wrapping an arbitrary path in a temp handle.
pub trait TempAdoption {
    type Owned;
}

impl TempAdoption for TempPath {
    type Owned = TempPath;
}

impl TempAdoption for std::io::Result<TempPath> {
    type Owned = TempPath;
}

/// Never implemented: requiring it is how adopting a path is denied.
#[diagnostic::on_unimplemented(
    message = "temp_escape: this call makes a `{Self}` of a path that is not a temp file",
    label = "adopts an arbitrary path",
    note = "dropping the handle deletes that path, and keeping it keeps a local file that vanishes on restart",
    note = "create temp files with `tempfile::NamedTempFile::new()` or `TempDir::new()`, and keep lasting data in a backing service"
)]
pub trait MayAdoptAnyPath {}

impl<T: TempAdoption> Probe<T> {
    #[inline(always)]
    pub fn __ephemeral_fs_deny_temp_adopt(self) -> T
    where
        T::Owned: MayAdoptAnyPath,
    {
        self.0
    }

    #[deprecated(
        note = "ephemeral_fs::temp_escape: this call wraps a path that is not a temp file in a temp handle; dropping it deletes that path, and keeping it keeps a local file. Create temp files with `NamedTempFile::new()`"
    )]
    #[inline(always)]
    pub fn __ephemeral_fs_warn_temp_adopt(self) -> T {
        self.0
    }
}

pub trait TempAdoptFallback<T> {
    fn __ephemeral_fs_deny_temp_adopt(self) -> T;
    fn __ephemeral_fs_warn_temp_adopt(self) -> T;
}

impl<T> TempAdoptFallback<T> for Probe<T> {
    #[inline(always)]
    fn __ephemeral_fs_deny_temp_adopt(self) -> T {
        self.0
    }

    #[inline(always)]
    fn __ephemeral_fs_warn_temp_adopt(self) -> T {
        self.0
    }
}

// ---- a `std::fs` function used as a value ---------------------------------
//
// Input:  files.iter().try_for_each(fs::remove_file)
// Output: files.iter().try_for_each(::ephemeral_fs::__private::with_witness(
//             fs::remove_file::<&'static str>, ::ephemeral_fs::fs::remove_file))
//
// The user's path stays in the output, so its import stays used; it is
// instantiated at concrete types so that nothing needs inferring.

#[inline(always)]
pub fn with_witness<W, F>(_user: W, guarded: F) -> F {
    guarded
}
