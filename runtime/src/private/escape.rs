//! `temp_escape`: tempfile calls that cancel a temp file's cleanup, decided
//! by the type of the receiver (and, for `persist`, of the destination).
//
// Input:  tmp.keep()
// Output: ::ephemeral_fs::__private::after(
//             Probe(&tmp).__ephemeral_fs_deny_temp_escape_in_place(), tmp.keep())
//
// Input:  NamedTempFile::new()?.keep()      (receiver is not a place)
// Output: Probe(NamedTempFile::new()?).__ephemeral_fs_deny_temp_escape().keep()
//
// Input:  tmp.persist(dest)
// Output: match Probe(&tmp).__ephemeral_fs_persist_receiver() {
//             __ephemeral_fs_receiver => tmp.persist(destination(dest, |__ephemeral_fs_dest|
//                 __ephemeral_fs_receiver.__ephemeral_fs_deny_temp_persist_in_place(__ephemeral_fs_dest))) }
//
// For tempfile's types the inherent method applies and its unsatisfiable
// bound is the error; a user's own `persist()` or `keep()` takes the
// pass-through trait method and compiles as before.
//
// `warn` takes two steps, so that the deprecated method rustc names is
// `ephemeral_fs::lint::TempEscape::lets_a_temp_file_outlive_the_request`:
// the probe yields `Escaping` for tempfile's types and `Passing` otherwise,
// and only `Escaping` reaches the deprecated trait method.

use std::io;
use std::marker::PhantomData;

use tempfile::{Builder, NamedTempFile, TempDir, TempPath};

use super::Probe;
use crate::bounds::{MayAdoptAnyPath, MayOutliveTheRequest, TempDestination};

use crate::lint::TempEscape;
use crate::sealed::Sealed;

/// The tempfile types whose escape methods are checked, seen through any
/// number of mutable references and `Box`es (`iter_mut()` over a
/// `Vec<&mut NamedTempFile>` hands out `&mut &mut NamedTempFile`).
///
/// Not through a shared reference: every escape takes its handle by value
/// (`keep`, `persist`, `into_path`) or by `&mut` (`disable_cleanup`,
/// `Builder::keep`), neither of which a `&` gives. A `.keep()` on a
/// `&NamedTempFile` that compiles is a method of the user's.
///
/// A probe's inherent method, bounded by it, is passed over for the
/// fallback when the type is known not to be a handle. The message below
/// shows only when the type was still to be inferred where the probe was
/// chosen: a trait's function used as a value (`.map(Keeper::keep)`), or
/// a call whose argument a later use types (`let v = Default::default();
/// Lease::keep(v)`).
#[diagnostic::on_unimplemented(
    message = "temp_escape: cannot tell whether `{Self}` is a temp handle here, where its type is not known yet",
    label = "its argument's type is not known yet here",
    note = "a function or method named like one of tempfile's escapes is checked by its argument's type, which must be known where it is named",
    note = "name the type where the value is made (`let value: {Self} = ..;`); for a function used as a value, name its type (`<{Self} as Trait>::method`) or call it in a closure (`|x| x.method()`)",
    note = "to leave it unchecked, put `#[ephemeral_fs::allow(temp_escape, reason = \"...\")]` on the statement"
)]
pub trait TempHandle: Sealed {
    type Owned;
}

macro_rules! temp_handles {
    ($([$($generics:tt)*] $ty:ty),* $(,)?) => {$(
        impl<$($generics)*> TempHandle for $ty { type Owned = $ty; }
    )*};
}

impl<T: TempHandle + ?Sized> TempHandle for &mut T {
    type Owned = T::Owned;
}
impl<T: TempHandle + ?Sized> TempHandle for Box<T> {
    type Owned = T::Owned;
}

temp_handles! {
    [F] NamedTempFile<F>,
    [] TempPath,
    [] TempDir,
    ['a, 'b] Builder<'a, 'b>,
}

// Input:  files[next].keep()
// Output: after(Probe(type_of(|| &raw const files[next])).__ephemeral_fs_deny_temp_escape_in_place(),
//             files[next].keep())
//
// A receiver that is not a lone name is probed by its type alone: the
// closure is never called, so the call evaluates the place once. The
// pointer is raw, so that no reference is made: a field of a
// `#[repr(packed)]` struct and a `static mut` may not be borrowed.

/// The type of what a closure would return a pointer to.
pub struct TypeOf<T: ?Sized>(PhantomData<fn() -> *const T>);

/// `TypeOf` the place `place` points to, without evaluating it.
#[inline(always)]
pub fn type_of<T: ?Sized, F: FnOnce() -> *const T>(_place: F) -> TypeOf<T> {
    TypeOf(PhantomData)
}

/// `TypeOf` what `reference` refers to: the probe reads the place's own
/// type, which may be a shared reference to a handle, through which no
/// escape can be called.
#[inline(always)]
pub fn type_behind<T: ?Sized>(_reference: &T) -> TypeOf<T> {
    TypeOf(PhantomData)
}

/// What `value?` yields. In the closure `type_of` is given, which is never
/// called and returns a pointer, a `?` cannot be written: `try_output`
/// stands for it, with the same type.
pub trait TryOutput {
    type Output;
}

impl<T, E> TryOutput for Result<T, E> {
    type Output = T;
}

impl<T> TryOutput for Option<T> {
    type Output = T;
}

/// `value?` in a closure never called (see `TryOutput`).
pub fn try_output<R: TryOutput>(_value: &R) -> R::Output {
    unreachable!("only in a closure that is never called")
}

/// An index in a closure never called (`reg[value_of(&key)]` for
/// `reg[key]`): the same type, without moving `key` into the closure.
pub fn value_of<T>(_value: &T) -> T {
    unreachable!("only in a closure that is never called")
}

/// `value.await` in a closure never called, which is not `async`.
pub fn await_output<F: std::future::IntoFuture>(_value: &F) -> F::Output {
    unreachable!("only in a closure that is never called")
}

#[diagnostic::do_not_recommend]
impl<T: ?Sized> Sealed for TypeOf<T> {}

impl<T: TempHandle + ?Sized> TempHandle for TypeOf<T> {
    type Owned = T::Owned;
}

/// What a place probe yields: nothing that borrows the receiver, so the
/// receiver can be moved by the call that follows.
pub struct Checked;

/// A `warn`-level escape of a tempfile type: its method is deprecated.
pub struct Escaping<T>(pub(super) T);

/// A `warn`-level probe of any other type: its method is not.
pub struct Passing<T>(pub(super) T);

/// A `warn`-level `persist` of a tempfile type, still to be decided by the
/// destination's type.
pub struct Persisting<D>(pub(super) D);

#[diagnostic::do_not_recommend]
impl<T> Sealed for Escaping<T> {}
#[diagnostic::do_not_recommend]
impl<T> Sealed for Passing<T> {}
#[diagnostic::do_not_recommend]
impl<D> Sealed for Persisting<D> {}

pub trait TempEscapeFallback<T>: Sealed {
    fn __ephemeral_fs_deny_temp_forget(self) -> T;
    fn __ephemeral_fs_warn_temp_forget(self) -> Passing<T>;
    fn __ephemeral_fs_deny_temp_escape(self) -> T;
    fn __ephemeral_fs_deny_temp_escape_in_place(self) -> Checked;
    fn __ephemeral_fs_warn_temp_escape(self) -> Passing<T>;
    fn __ephemeral_fs_warn_temp_escape_in_place(self) -> Passing<Checked>;
    fn __ephemeral_fs_persist_receiver(self) -> super::AnyReceiver;
}

impl<T> TempEscapeFallback<T> for Probe<T> {
    #[inline(always)]
    fn __ephemeral_fs_deny_temp_forget(self) -> T {
        self.0
    }

    #[inline(always)]
    fn __ephemeral_fs_warn_temp_forget(self) -> Passing<T> {
        Passing(self.0)
    }

    #[inline(always)]
    fn __ephemeral_fs_deny_temp_escape(self) -> T {
        self.0
    }

    #[inline(always)]
    fn __ephemeral_fs_deny_temp_escape_in_place(self) -> Checked {
        Checked
    }

    #[inline(always)]
    fn __ephemeral_fs_warn_temp_escape(self) -> Passing<T> {
        Passing(self.0)
    }

    #[inline(always)]
    fn __ephemeral_fs_warn_temp_escape_in_place(self) -> Passing<Checked> {
        Passing(Checked)
    }

    #[inline(always)]
    fn __ephemeral_fs_persist_receiver(self) -> super::AnyReceiver {
        super::AnyReceiver
    }
}

impl<T> Passing<T> {
    #[inline(always)]
    pub fn lets_a_temp_file_outlive_the_request(self) -> T {
        self.0
    }

    #[inline(always)]
    pub fn adopts_a_path_that_is_not_a_temp_file(self) -> T {
        self.0
    }
}

impl<D: TempDestination + ?Sized> Persisting<&D> {
    #[inline(always)]
    pub fn lets_a_temp_file_outlive_the_request(self) -> Checked {
        Checked
    }
}

#[allow(deprecated)]
impl<T> TempEscape for Escaping<T> {
    type Output = T;

    #[inline(always)]
    fn lets_a_temp_file_outlive_the_request(self) -> T {
        self.0
    }

    #[inline(always)]
    fn adopts_a_path_that_is_not_a_temp_file(self) -> T {
        self.0
    }
}

#[allow(deprecated)]
impl<D> TempEscape for Persisting<D> {
    type Output = Checked;

    #[inline(always)]
    fn lets_a_temp_file_outlive_the_request(self) -> Checked {
        Checked
    }

    #[inline(always)]
    fn adopts_a_path_that_is_not_a_temp_file(self) -> Checked {
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
pub trait TempAdoption: Sealed {
    type Owned;
}

impl TempAdoption for TempPath {
    type Owned = TempPath;
}

impl TempAdoption for io::Result<TempPath> {
    type Owned = TempPath;
}

pub trait TempAdoptFallback<T>: Sealed {
    fn __ephemeral_fs_deny_temp_adopt(self) -> T;
    fn __ephemeral_fs_warn_temp_adopt(self) -> Passing<T>;
    fn __ephemeral_fs_deny_make_names(self) -> T;
    fn __ephemeral_fs_warn_make_names(self) -> Passing<T>;
}

impl<T> TempAdoptFallback<T> for Probe<T> {
    #[inline(always)]
    fn __ephemeral_fs_deny_temp_adopt(self) -> T {
        self.0
    }

    #[inline(always)]
    fn __ephemeral_fs_warn_temp_adopt(self) -> Passing<T> {
        Passing(self.0)
    }

    #[inline(always)]
    fn __ephemeral_fs_deny_make_names(self) -> T {
        self.0
    }

    #[inline(always)]
    fn __ephemeral_fs_warn_make_names(self) -> Passing<T> {
        Passing(self.0)
    }
}

// Input:  dirs.into_iter().map(TempDir::keep)
// Output: dirs.into_iter().map(fn_value_1(TempDir::keep).__ephemeral_fs_deny_temp_escape_value())
//
// A function used as a value has no receiver yet: its argument type, read
// from its signature, decides as the receiver's would.

/// A function value, with the type of the argument (or result) that decides.
pub struct FnValue<F, A>(F, PhantomData<fn(A)>);

#[diagnostic::do_not_recommend]
impl<F, A> Sealed for FnValue<F, A> {}

#[inline(always)]
pub fn fn_value_1<F: FnOnce(A) -> R, A, R>(function: F) -> FnValue<F, A> {
    FnValue(function, PhantomData)
}

#[inline(always)]
pub fn fn_value_2<F: FnOnce(A, B) -> R, A, B, R>(function: F) -> FnValue<F, A> {
    FnValue(function, PhantomData)
}

#[inline(always)]
pub fn fn_result_1<F: FnOnce(A) -> R, A, R>(function: F) -> FnValue<F, R> {
    FnValue(function, PhantomData)
}

impl<F, A: TempHandle> FnValue<F, A> {
    #[inline(always)]
    pub fn __ephemeral_fs_deny_temp_escape_value(self) -> F
    where
        A::Owned: MayOutliveTheRequest,
    {
        self.0
    }
}

impl<F, R: TempAdoption> FnValue<F, R> {
    #[inline(always)]
    pub fn __ephemeral_fs_deny_temp_adopt_value(self) -> F
    where
        R::Owned: MayAdoptAnyPath,
    {
        self.0
    }
}

/// A function of any other type passes as it is.
pub trait FnValueFallback<F>: Sealed {
    fn __ephemeral_fs_deny_temp_escape_value(self) -> F;
    fn __ephemeral_fs_deny_temp_adopt_value(self) -> F;
}

impl<F, A> FnValueFallback<F> for FnValue<F, A> {
    #[inline(always)]
    fn __ephemeral_fs_deny_temp_escape_value(self) -> F {
        self.0
    }

    #[inline(always)]
    fn __ephemeral_fs_deny_temp_adopt_value(self) -> F {
        self.0
    }
}

// Input:  dirs.into_iter().map(Scratch::keep)    (`use tempfile::TempDir as Scratch;` out of sight)
// Output: dirs.into_iter().map(fn_value_any(Scratch::keep).__ephemeral_fs_deny_temp_escape_value())
//
// A type whose name does not say it is tempfile's may be one renamed out of
// sight: its function's own signature, whatever its number of arguments,
// gives the type that decides.

/// The arguments a function takes, as a tuple, and what it returns.
pub trait FnArgs<Args> {
    type Result;
}

macro_rules! fn_args {
    ($($arg:ident)*) => {
        impl<F: FnOnce($($arg),*) -> R, R, $($arg),*> FnArgs<($($arg,)*)> for F {
            type Result = R;
        }
    };
}

fn_args!();
fn_args!(A);
fn_args!(A B);
fn_args!(A B C);
fn_args!(A B C D);
fn_args!(A B C D E);
fn_args!(A B C D E G);
fn_args!(A B C D E G H);
fn_args!(A B C D E G H I);

#[inline(always)]
pub fn fn_value_any<F: FnArgs<Args>, Args>(function: F) -> FnValue<F, Args> {
    FnValue(function, PhantomData)
}

#[inline(always)]
pub fn fn_result_any<F: FnArgs<Args>, Args>(function: F) -> FnValue<F, F::Result> {
    FnValue(function, PhantomData)
}

// Its arguments as a tuple: the first decides.
impl<F, A: TempHandle> FnValue<F, (A,)> {
    #[inline(always)]
    pub fn __ephemeral_fs_deny_temp_escape_value(self) -> F
    where
        A::Owned: MayOutliveTheRequest,
    {
        self.0
    }
}

impl<F, A: TempHandle, B> FnValue<F, (A, B)> {
    #[inline(always)]
    pub fn __ephemeral_fs_deny_temp_escape_value(self) -> F
    where
        A::Owned: MayOutliveTheRequest,
    {
        self.0
    }
}
