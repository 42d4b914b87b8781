//! `persist` with a destination that holds a closure: the destination stays
//! where the user wrote it, so that a closure in it still gets its
//! parameter types from the type `persist` expects (a user's own
//! `persist(&self, key: Box<dyn Fn(&str) -> usize>)`).
//
// Input:  table.persist(Box::new(|s| s.len()))
// Output: match Probe(&table).__ephemeral_fs_persist_receiver() {
//             __ephemeral_fs_receiver => table.persist(destination(Box::new(|s| s.len()),
//                 |__ephemeral_fs_dest| __ephemeral_fs_receiver
//                     .__ephemeral_fs_deny_temp_persist_in_place(__ephemeral_fs_dest))) }
//
// The receiver's type is read first, into a marker that borrows nothing,
// since `persist` may move the receiver before its argument is evaluated.
// The destination is evaluated once, as the argument of `destination`,
// whose result type is the argument's: what `persist` expects reaches the
// user's expression. The check is a closure that is never called: it only
// puts the destination's type to the marker's bound.

use std::marker::PhantomData;

use super::Probe;
use super::escape::{Checked, Passing, Persisting, TempHandle};
use crate::bounds::TempDestination;

/// The receiver of a `persist` is one of tempfile's types.
///
/// The markers are `Copy`: one made before a loop whose condition calls
/// `persist` (`while let Err(e) = tmp.persist_noclobber(..)`) is used on
/// every pass.
pub struct TempReceiver<T>(PhantomData<fn() -> T>);

impl<T> Clone for TempReceiver<T> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for TempReceiver<T> {}

/// The receiver of a `persist` is of any other type (the fallback,
/// `TempEscapeFallback::__ephemeral_fs_persist_receiver`): its own
/// `persist` takes any destination.
#[derive(Clone, Copy)]
pub struct AnyReceiver;

impl<T: TempHandle> Probe<T> {
    #[inline(always)]
    pub fn __ephemeral_fs_persist_receiver(self) -> TempReceiver<T::Owned> {
        TempReceiver(PhantomData)
    }
}

impl<T> TempReceiver<T> {
    /// `persist` into a temp directory keeps the cleanup; anywhere else it
    /// does not.
    #[inline(always)]
    pub fn __ephemeral_fs_deny_temp_persist_in_place<D: TempDestination + ?Sized>(
        self,
        _destination: &D,
    ) -> Checked {
        Checked
    }

    #[inline(always)]
    pub fn __ephemeral_fs_warn_temp_persist_in_place<D: ?Sized>(
        self,
        destination: &D,
    ) -> Persisting<&D> {
        Persisting(destination)
    }
}

impl AnyReceiver {
    #[inline(always)]
    pub fn __ephemeral_fs_deny_temp_persist_in_place<D: ?Sized>(self, _destination: &D) -> Checked {
        Checked
    }

    #[inline(always)]
    pub fn __ephemeral_fs_warn_temp_persist_in_place<D: ?Sized>(
        self,
        _destination: &D,
    ) -> Passing<Checked> {
        Passing(Checked)
    }
}

/// Yields `destination`. `check` is never called: it is there for its type.
#[inline(always)]
pub fn destination<D, F: FnOnce(&D) -> C, C>(destination: D, _check: F) -> D {
    destination
}
