//! What `#[ephemeral_fs]` generates code against. Not a public API.
//!
//! Every item here is zero-sized or an `#[inline(always)]` identity, so an
//! accepted call compiles to exactly the user's own call. Every trait is
//! sealed (`crate::sealed`): no impl outside this crate can switch a check
//! off.

mod builder;
mod by_type;
mod escape;
mod owned;
mod path_of;
mod persist;

use std::io;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

pub use crate::lint::{PersistentRead, PersistentWrite, TempEscape, UnseenBuilderFlags};
pub use builder::{Unseen, UnseenBuilderFallback, UnseenDirBuilder, UnseenOpenOptions};
pub use by_type::{OnOtherType, OnType};
pub use escape::{
    Checked, Escaping, FnArgs, FnValue, FnValueFallback, Passing, Persisting, TempAdoptFallback,
    TempAdoption, TempEscapeFallback, TempHandle, TryOutput, TypeOf, await_output, fn_result_1,
    fn_result_any, fn_value_1, fn_value_2, fn_value_any, try_output, type_behind, type_of,
    value_of,
};
pub use owned::TempOwned;
pub use path_of::{InTempDir, PathOfFallback, TempDirOwner, TempPathOwner, TempPathRef};
pub use persist::{AnyReceiver, TempReceiver, destination};

use crate::bounds::{
    FlagsInSight, FreshNames, MayAdoptAnyPath, MayOutliveTheRequest, TempfileBuilder,
};

use crate::TempTarget;
use crate::bounds::{
    DirectoryMode, LinkOriginal, MadeByTempfile, MadePath, ProcessRoot, SymlinkOriginal,
    TempDirJoin, TempFile, TempPathOf, TempReadTarget,
};
use crate::lint::{persistent_read, persistent_write};

// Input:  fs::write(path, data)
// Output: fs::write(::ephemeral_fs::__private::persistent_write(path), data)
//
// The callee of the guard carries the span of the user's callee, so rustc's
// "required by a bound introduced by this call" points at `fs::write`.

/// Passes a `persistent_write` target through, if it is a temp-file handle.
#[inline(always)]
pub fn persistent_write<T: TempTarget<persistent_write>>(target: T) -> T {
    target
}

/// Passes a `persistent_read` target through, if it is a temp-file handle.
#[inline(always)]
pub fn persistent_read<T: TempReadTarget>(target: T) -> T {
    target
}

// The same identity, for arguments whose shape the rewrite recognised but
// could not accept (`dir.path().join(name)`, a `mut` local bound to
// `tmp.path()`): only the message differs, and says what would pass.

#[inline(always)]
pub fn persistent_write_path_of<T: TempPathOf<persistent_write>>(target: T) -> T {
    target
}

#[inline(always)]
pub fn persistent_read_path_of<T: TempPathOf<persistent_read>>(target: T) -> T {
    target
}

#[inline(always)]
pub fn persistent_write_made_path<T: MadePath<persistent_write>>(target: T) -> T {
    target
}

#[inline(always)]
pub fn persistent_read_made_path<T: MadePath<persistent_read>>(target: T) -> T {
    target
}

#[inline(always)]
pub fn persistent_write_joined<T: TempDirJoin<persistent_write>>(target: T) -> T {
    target
}

#[inline(always)]
pub fn persistent_read_joined<T: TempDirJoin<persistent_read>>(target: T) -> T {
    target
}

/// The original of a link: writes through the link land there.
#[inline(always)]
pub fn persistent_write_link_original<T: LinkOriginal>(target: T) -> T {
    target
}

/// A path whose permissions or owner change.
#[inline(always)]
pub fn persistent_write_temp_file<T: TempFile>(target: T) -> T {
    target
}

/// A directory made with a mode that may keep its owner out, which no path
/// may be.
#[inline(always)]
pub fn persistent_write_directory_mode<T: DirectoryMode>(target: T) -> T {
    target
}

/// A new root of the whole process, which no path may be.
#[inline(always)]
pub fn persistent_write_process_root<T: ProcessRoot>(target: T) -> T {
    target
}

/// The original of a symbolic link, which may be removed before it.
#[inline(always)]
pub fn persistent_write_symlink_original<T: SymlinkOriginal>(target: T) -> T {
    target
}

// Input:  Builder::new().make(|path| File::create(path))
// Output: ::ephemeral_fs::__private::persistent_write_made(
//             Builder::new().make(|path| File::create(path)))
//
// The closure's `path` is left as written; what makes it a temp file's is
// that the call is tempfile's, which its result type shows.

#[inline(always)]
pub fn persistent_write_made<T: MadeByTempfile<persistent_write>>(made: T) -> T {
    made
}

// Input:  Builder::new().prefix("x").make(|path| File::create(path))   (deny)
// Output: ::ephemeral_fs::__private::persistent_write_make(
//             Builder::new().prefix("x"), |path| File::create(path))
//
// At `deny` the call is tempfile's own, made through a sealed trait, so
// that no `make` of the user's (a trait implemented for `Builder`) can hand
// the closure another path.

#[inline(always)]
pub fn persistent_write_make<B, F, R>(builder: B, make: F) -> io::Result<NamedTempFile<R>>
where
    B: TempfileBuilder<persistent_write>,
    F: FnMut(&Path) -> io::Result<R>,
{
    builder.__ephemeral_fs_make(make)
}

#[inline(always)]
pub fn persistent_read_make<B, F, R>(builder: B, make: F) -> io::Result<NamedTempFile<R>>
where
    B: TempfileBuilder<persistent_read>,
    F: FnMut(&Path) -> io::Result<R>,
{
    builder.__ephemeral_fs_make(make)
}

#[inline(always)]
pub fn persistent_write_make_in<B, P, F, R>(
    builder: B,
    dir: P,
    make: F,
) -> io::Result<NamedTempFile<R>>
where
    B: TempfileBuilder<persistent_write>,
    P: AsRef<Path>,
    F: FnMut(&Path) -> io::Result<R>,
{
    builder.__ephemeral_fs_make_in(dir, make)
}

#[inline(always)]
pub fn persistent_read_make_in<B, P, F, R>(
    builder: B,
    dir: P,
    make: F,
) -> io::Result<NamedTempFile<R>>
where
    B: TempfileBuilder<persistent_read>,
    P: AsRef<Path>,
    F: FnMut(&Path) -> io::Result<R>,
{
    builder.__ephemeral_fs_make_in(dir, make)
}

#[inline(always)]
pub fn persistent_read_made<T: MadeByTempfile<persistent_read>>(made: T) -> T {
    made
}

// Input:  (tmp,).0.keep()
// Output: projected((tmp,), |__ephemeral_fs_root|
//             Probe(&(*__ephemeral_fs_root).0).__ephemeral_fs_deny_temp_escape_in_place())
//             .0.keep()
//
// A receiver that starts from a value is checked through a closure given
// that value and never called: the value is evaluated once, where the user
// wrote it, and moves on as before.

/// Yields `root`, whose projection `check` reads the type of.
#[inline(always)]
pub fn projected<T, C>(root: T, _check: impl FnOnce(&T) -> C) -> T {
    root
}

// Input:  std::mem::forget(t)          (in a `const fn`)
// Output: std::mem::forget(checked_in_const(t, |__ephemeral_fs_root|
//             Probe(type_of(|| __ephemeral_fs_root)).__ephemeral_fs_deny_temp_forget()))
//
// Probes are not `const`; a closure may be made, not called, in a `const
// fn`, and its body is checked as run-time code.

/// Yields `value`, whose type `check` reads.
#[inline(always)]
pub const fn checked_in_const<T, C, F: FnOnce(&T) -> C>(value: T, check: F) -> T {
    std::mem::forget(check);
    value
}

// Input:  { session }.keep()          (a receiver that is a value)
// Output: { session }.__ephemeral_fs_probe().__ephemeral_fs_deny_temp_escape().keep()
//
// A receiver stays where it was written, before a `.`: given to a function
// of ours as an argument, its parentheses or braces would be
// `unused_parens` or `unused_braces` in the user's crate, and without its
// parentheses an attribute on it would pass where rustc refuses it.

/// What a probe does with a method call's receiver, as methods of it.
pub trait ProbeReceiver: Sized {
    /// `Probe(self)`.
    #[inline(always)]
    fn __ephemeral_fs_probe(self) -> Probe<Self> {
        Probe(self)
    }

    /// `checked_in_const(self, check)`.
    #[inline(always)]
    fn __ephemeral_fs_checked<C, F: FnOnce(&Self) -> C>(self, check: F) -> Self {
        std::mem::forget(check);
        self
    }
}

impl<T> ProbeReceiver for T {}

/// Evaluates a probe for its type check only, then yields `value`.
#[inline(always)]
pub fn after<P, T>(_probe: P, value: T) -> T {
    value
}

/// Yields `result`, the value of a call whose path arguments come from the
/// handles `owners` borrows (`borrowed(&tmp)`): the borrows last until the
/// call has run, so that no argument after a path can drop its handle
/// first.
#[inline(always)]
pub fn held_through<O, R>(_owners: O, result: R) -> R {
    result
}

/// The lifetime of a borrow, without the reference: `Send` and `Sync`
/// whatever it borrows, so that holding it across an `.await` in a later
/// argument leaves the future as `Send` as it was.
#[derive(Clone, Copy)]
pub struct Borrowed<'a>(std::marker::PhantomData<&'a ()>);

/// The lifetime of `value`'s borrow.
#[inline(always)]
pub fn borrowed<T: ?Sized>(_value: &T) -> Borrowed<'_> {
    Borrowed(std::marker::PhantomData)
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
// Output: fs::write(Probe(path).path_is_not_a_temp_file(), data)
//
// A temp handle resolves to the inherent method; anything else falls back to
// the deprecated trait method in `crate::lint`, whose deprecation is the
// warning.

impl<T: TempTarget<persistent_write>> Probe<T> {
    #[inline(always)]
    pub fn path_is_not_a_temp_file(self) -> T {
        self.0
    }
}

impl<T: TempTarget<persistent_read>> Probe<T> {
    #[inline(always)]
    pub fn read_path_is_not_a_temp_file(self) -> T {
        self.0
    }
}

impl<R> Probe<io::Result<NamedTempFile<R>>> {
    #[inline(always)]
    pub fn closure_path_is_not_from_tempfile(self) -> io::Result<NamedTempFile<R>> {
        self.0
    }
}

impl<T> PersistentWrite<T> for Probe<T> {
    #[inline(always)]
    fn path_is_not_a_temp_file(self) -> T {
        self.0
    }

    #[inline(always)]
    fn path_owner_is_not_a_temp_file<P>(self, path: P) -> P {
        path
    }

    #[inline(always)]
    fn joined_path_may_leave_the_temp_dir<P>(self, path: P) -> P {
        path
    }

    #[inline(always)]
    fn closure_path_is_not_from_tempfile(self) -> T {
        self.0
    }
}

impl<T> PersistentRead<T> for Probe<T> {
    #[inline(always)]
    fn read_path_is_not_a_temp_file(self) -> T {
        self.0
    }

    #[inline(always)]
    fn read_path_owner_is_not_a_temp_file<P>(self, path: P) -> P {
        path
    }

    #[inline(always)]
    fn read_joined_path_may_leave_the_temp_dir<P>(self, path: P) -> P {
        path
    }
}

// ---- `tmp.path()` and joins onto it, decided by the owner's type ----------
//
// The inherent methods of `Probe` stay in this module, beside `Probe`
// itself, so that rustc's notes name them `Probe::<T>::method`. What they
// decide is explained in `path_of.rs` and `escape.rs`.

impl<'a, R: TempPathRef<'a>> Probe<R> {
    /// `owner.path()` by tempfile's own method; the user's closure is
    /// never called.
    #[inline(always)]
    pub fn __ephemeral_fs_path<F>(self, _user: F) -> &'a Path {
        self.0.__ephemeral_fs_temp_path_ref()
    }
}

impl<T: TempPathOwner + ?Sized> Probe<&T> {
    #[inline(always)]
    pub fn __ephemeral_fs_path_buf<F>(self, _user: F) -> PathBuf {
        self.0.__ephemeral_fs_temp_path().to_path_buf()
    }

    #[inline(always)]
    pub fn __ephemeral_fs_temp_destination<D: ?Sized>(self, destination: &D) -> InTempDir<&D> {
        InTempDir(destination)
    }

    #[inline(always)]
    pub fn __ephemeral_fs_deny_persistent_write_path<P>(self, path: P) -> P {
        path
    }

    #[inline(always)]
    pub fn __ephemeral_fs_deny_persistent_read_path<P>(self, path: P) -> P {
        path
    }

    #[inline(always)]
    pub fn path_owner_is_not_a_temp_file<P>(self, path: P) -> P {
        path
    }

    #[inline(always)]
    pub fn read_path_owner_is_not_a_temp_file<P>(self, path: P) -> P {
        path
    }
}

impl<T: TempDirOwner + TempPathOwner + ?Sized> Probe<&T> {
    /// `dir.path().join(..)..` by `TempDir::path` and `Path::join`; the
    /// user's closure is never called.
    #[inline(always)]
    pub fn __ephemeral_fs_joined<F>(self, names: &[&str], _user: F) -> PathBuf {
        path_of::joined(self.0, names)
    }

    #[inline(always)]
    pub fn __ephemeral_fs_joined_destination<D: ?Sized>(self, destination: &D) -> InTempDir<&D> {
        InTempDir(destination)
    }
}

impl<T: TempDirOwner + ?Sized> Probe<&T> {
    #[inline(always)]
    pub fn __ephemeral_fs_deny_persistent_write_joined<P>(self, path: P) -> P {
        path
    }

    #[inline(always)]
    pub fn __ephemeral_fs_deny_persistent_read_joined<P>(self, path: P) -> P {
        path
    }

    #[inline(always)]
    pub fn joined_path_may_leave_the_temp_dir<P>(self, path: P) -> P {
        path
    }

    #[inline(always)]
    pub fn read_joined_path_may_leave_the_temp_dir<P>(self, path: P) -> P {
        path
    }
}

// ---- `temp_escape` ----------------------------------------------------------

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

    #[inline(always)]
    pub fn __ephemeral_fs_warn_temp_escape(self) -> Escaping<T> {
        Escaping(self.0)
    }

    #[inline(always)]
    pub fn __ephemeral_fs_warn_temp_escape_in_place(self) -> Escaping<Checked> {
        Escaping(Checked)
    }
}

impl<T: TempOwned> Probe<T> {
    #[inline(always)]
    pub fn __ephemeral_fs_deny_temp_forget(self) -> T
    where
        T::Owned: MayOutliveTheRequest,
    {
        self.0
    }

    #[inline(always)]
    pub fn __ephemeral_fs_warn_temp_forget(self) -> Escaping<T> {
        Escaping(self.0)
    }
}

impl<T: TempAdoption> Probe<T> {
    #[inline(always)]
    pub fn __ephemeral_fs_deny_temp_adopt(self) -> T
    where
        T::Owned: MayAdoptAnyPath,
    {
        self.0
    }

    #[inline(always)]
    pub fn __ephemeral_fs_warn_temp_adopt(self) -> Escaping<T> {
        Escaping(self.0)
    }
}

// Input:  Builder::new().rand_bytes(0).prefix("records.db").make(|_| Ok(()))
// Output: ::ephemeral_fs::__private::Probe(Builder::new()..make(|_| Ok(())))
//             .__ephemeral_fs_deny_make_names()
//
// A `make` whose names may not be fresh may hand back a `NamedTempFile` of
// an existing file, which the handle's drop deletes: decided by the
// result's type, so that a `make` of the user's passes (through
// `TempAdoptFallback`).
impl<F> Probe<io::Result<NamedTempFile<F>>> {
    #[inline(always)]
    pub fn __ephemeral_fs_deny_make_names(self) -> io::Result<NamedTempFile<F>>
    where
        NamedTempFile<F>: FreshNames,
    {
        self.0
    }

    #[inline(always)]
    pub fn __ephemeral_fs_warn_make_names(self) -> Escaping<io::Result<NamedTempFile<F>>> {
        Escaping(self.0)
    }
}

// ---- a std builder whose flags are not in sight (`builder.rs`) -------------

impl<T: UnseenOpenOptions> Probe<T> {
    #[inline(always)]
    pub fn __ephemeral_fs_deny_unseen_open_options(self) -> T
    where
        T::Builder: FlagsInSight,
    {
        self.0
    }

    #[inline(always)]
    pub fn __ephemeral_fs_deny_unseen_open_options_in_place(self) -> Checked
    where
        T::Builder: FlagsInSight,
    {
        Checked
    }

    #[inline(always)]
    pub fn __ephemeral_fs_warn_unseen_open_options(self) -> Unseen<T> {
        Unseen(self.0)
    }

    #[inline(always)]
    pub fn __ephemeral_fs_warn_unseen_open_options_in_place(self) -> Unseen<Checked> {
        Unseen(Checked)
    }
}

impl<T: UnseenDirBuilder> Probe<T> {
    #[inline(always)]
    pub fn __ephemeral_fs_deny_unseen_dir_builder(self) -> T
    where
        T::Builder: FlagsInSight,
    {
        self.0
    }

    #[inline(always)]
    pub fn __ephemeral_fs_deny_unseen_dir_builder_in_place(self) -> Checked
    where
        T::Builder: FlagsInSight,
    {
        Checked
    }

    #[inline(always)]
    pub fn __ephemeral_fs_warn_unseen_dir_builder(self) -> Unseen<T> {
        Unseen(self.0)
    }

    #[inline(always)]
    pub fn __ephemeral_fs_warn_unseen_dir_builder_in_place(self) -> Unseen<Checked> {
        Unseen(Checked)
    }
}

// ---- a `std::fs` function used as a value ---------------------------------
//
// Input:  files.iter().try_for_each(fs::remove_file)
// Output: files.iter().try_for_each(::ephemeral_fs::__private::with_witness(
//             fs::remove_file::<&'static str>, ::std::fs::remove_file::<&'static str>,
//             ::ephemeral_fs::fs::remove_file))
//
// The user's path stays in the output, so its import stays used; it is
// instantiated at concrete types so that nothing needs inferring.

/// A `const fn`, so that a function pointer in a `const` or `static`
/// initializer can be checked too. `expected` is the std function the
/// user's path was taken for, at the same type arguments: a function item
/// is a type of its own, so where the path is in fact another function
/// (your own `write` that a glob import made look like std's), the types
/// differ and the build fails, rather than std's mirror running in its
/// place.
#[inline(always)]
pub const fn with_witness<W, F>(user: W, expected: W, guarded: F) -> F {
    std::mem::forget(user);
    std::mem::forget(expected);
    guarded
}
