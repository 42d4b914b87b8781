//! What a leak function may be given: values that own a temp handle,
//! directly or through std's containers, cells, locks and pointers.

use tempfile::{NamedTempFile, TempDir, TempPath};

use super::escape::TypeOf;
use crate::sealed::Sealed;

// Input:  std::mem::forget(tmp)
// Output: std::mem::forget(Probe(tmp).__ephemeral_fs_deny_temp_forget())
//
// `mem::forget`, `ManuallyDrop::new` and `Box::leak` skip the destructor
// that removes a temp file: a value that owns a temp handle, directly or
// through the std containers below, is an escape.

/// Values that own a temp handle, whose destructor removes a temp file.
///
/// As with `TempHandle`, the message below shows only when the value's type
/// was still to be inferred where the probe was chosen: a leak function
/// passed as an argument whose argument type a later statement decides.
#[diagnostic::on_unimplemented(
    message = "temp_escape: cannot tell whether `{Self}` owns a temp file where its destructor is skipped",
    label = "its argument's type is not known yet here",
    note = "`mem::forget` and the like are checked by their argument's type, which must be known where they are called or passed",
    note = "name the type where the value is made (`let v: Vec<{Self}> = Vec::new();`), or call it on a value of a known type",
    note = "to leave it unchecked, put `#[ephemeral_fs::allow(temp_escape, reason = \"...\")]` on the statement"
)]
pub trait TempOwned: Sealed {
    type Owned;
}

impl<F> TempOwned for NamedTempFile<F> {
    type Owned = NamedTempFile<F>;
}
impl TempOwned for TempPath {
    type Owned = TempPath;
}
impl TempOwned for TempDir {
    type Owned = TempDir;
}

macro_rules! owned_through {
    ($($container:ty),*) => {$(
        impl<T: TempOwned> TempOwned for $container { type Owned = T::Owned; }
    )*};
}

owned_through!(
    Option<T>,
    Vec<T>,
    std::rc::Rc<T>,
    std::sync::Arc<T>,
    std::collections::LinkedList<T>
);

// `mem::forget(NamedTempFile::new())`: every constructor of tempfile's
// returns a `Result`, which owns the handle when it is `Ok`.
impl<T: TempOwned, E> TempOwned for Result<T, E> {
    type Owned = T::Owned;
}

// `mem::forget(Box::pin(tmp))`.
impl<P: TempOwned> TempOwned for std::pin::Pin<P> {
    type Owned = P::Owned;
}

// A map owns its values; a cell or a lock, what it holds.
impl<K, V: TempOwned, S> TempOwned for std::collections::HashMap<K, V, S> {
    type Owned = V::Owned;
}
impl<K, V: TempOwned> TempOwned for std::collections::BTreeMap<K, V> {
    type Owned = V::Owned;
}
impl<T: TempOwned + ?Sized> TempOwned for std::cell::RefCell<T> {
    type Owned = T::Owned;
}
impl<T: TempOwned + ?Sized> TempOwned for std::cell::Cell<T> {
    type Owned = T::Owned;
}
impl<T: TempOwned + ?Sized> TempOwned for std::sync::Mutex<T> {
    type Owned = T::Owned;
}
impl<T: TempOwned + ?Sized> TempOwned for std::sync::RwLock<T> {
    type Owned = T::Owned;
}

// `mem::forget(files.drain(..))`: the items a drain or an iterator has not
// yielded are dropped with it, so forgetting it leaks them.
owned_through!(
    std::vec::Drain<'_, T>,
    std::vec::IntoIter<T>,
    std::collections::VecDeque<T>,
    std::collections::vec_deque::Drain<'_, T>,
    std::collections::vec_deque::IntoIter<T>,
    std::option::IntoIter<T>
);

// `Box::leak(vec![dir].into_boxed_slice())`: a boxed slice owns its items.
impl<T: TempOwned + ?Sized> TempOwned for Box<T> {
    type Owned = T::Owned;
}
impl<T: TempOwned> TempOwned for [T] {
    type Owned = T::Owned;
}

impl<T: TempOwned, const N: usize> TempOwned for [T; N] {
    type Owned = T::Owned;
}

/// The type of a value a `const fn` forgets, read without the value.
impl<T: TempOwned + ?Sized> TempOwned for TypeOf<T> {
    type Owned = T::Owned;
}
