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

macro_rules! sealed_through {
    ($($container:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl<T: Sealed> Sealed for $container {}
    )*};
}

macro_rules! owned_through {
    ($($container:ty),*) => {$(
        impl<T: TempOwned> TempOwned for $container { type Owned = T::Owned; }
    )*};
}

owned_through!(Option<T>, Vec<T>, std::collections::LinkedList<T>);

// `Rc<[NamedTempFile]>` owns its items, as a boxed slice does.
impl<T: TempOwned + ?Sized> TempOwned for std::rc::Rc<T> {
    type Owned = T::Owned;
}
impl<T: TempOwned + ?Sized> TempOwned for std::sync::Arc<T> {
    type Owned = T::Owned;
}

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

// The iterators of std's other containers, and of one value.
owned_through!(
    std::collections::linked_list::IntoIter<T>,
    std::iter::Once<T>,
    std::result::IntoIter<T>
);
sealed_through!(
    std::collections::linked_list::IntoIter<T>,
    std::iter::Once<T>,
    std::result::IntoIter<T>
);

impl<T: TempOwned, const N: usize> TempOwned for std::array::IntoIter<T, N> {
    type Owned = T::Owned;
}
#[diagnostic::do_not_recommend]
impl<T: Sealed, const N: usize> Sealed for std::array::IntoIter<T, N> {}

/// A map's drains and iterators own its values.
macro_rules! values_through {
    ($($iterator:ty),*) => {$(
        impl<K, V: TempOwned> TempOwned for $iterator { type Owned = V::Owned; }
        #[diagnostic::do_not_recommend]
        impl<K, V: Sealed> Sealed for $iterator {}
    )*};
}

values_through!(
    std::collections::hash_map::IntoIter<K, V>,
    std::collections::hash_map::IntoValues<K, V>,
    std::collections::hash_map::Drain<'_, K, V>,
    std::collections::btree_map::IntoIter<K, V>,
    std::collections::btree_map::IntoValues<K, V>
);

// `vec.splice(..)` drops the items it removes with it. (`extract_if` is
// newer than the crate's minimum Rust.)
impl<I: Iterator> TempOwned for std::vec::Splice<'_, I>
where
    I::Item: TempOwned,
{
    type Owned = <I::Item as TempOwned>::Owned;
}
#[diagnostic::do_not_recommend]
impl<I: Iterator> Sealed for std::vec::Splice<'_, I> where I::Item: Sealed {}

/// An iterator adapter owns the iterator it adapts (the first of two).
macro_rules! adapter_through {
    ($($adapter:ty => [$($param:ident),*]),* $(,)?) => {$(
        impl<I: TempOwned $(, $param)*> TempOwned for $adapter { type Owned = I::Owned; }
        #[diagnostic::do_not_recommend]
        impl<I: Sealed $(, $param)*> Sealed for $adapter {}
    )*};
}

adapter_through!(
    std::iter::Map<I, F> => [F],
    std::iter::Filter<I, P> => [P],
    std::iter::FilterMap<I, F> => [F],
    std::iter::Rev<I> => [],
    std::iter::Take<I> => [],
    std::iter::Skip<I> => [],
    std::iter::TakeWhile<I, P> => [P],
    std::iter::SkipWhile<I, P> => [P],
    std::iter::MapWhile<I, P> => [P],
    std::iter::Enumerate<I> => [],
    std::iter::Fuse<I> => [],
    std::iter::Inspect<I, F> => [F],
    std::iter::StepBy<I> => [],
    std::iter::Chain<I, B> => [B],
    std::iter::Zip<I, B> => [B],
    std::iter::Scan<I, St, F> => [St, F],
);

// Adapters whose type asks more of the iterator.
impl<I: Iterator + TempOwned> TempOwned for std::iter::Peekable<I> {
    type Owned = I::Owned;
}
#[diagnostic::do_not_recommend]
impl<I: Iterator + Sealed> Sealed for std::iter::Peekable<I> {}
impl<I, U, F> TempOwned for std::iter::FlatMap<I, U, F>
where
    I: TempOwned,
    U: IntoIterator,
{
    type Owned = I::Owned;
}
#[diagnostic::do_not_recommend]
impl<I: Sealed, U: IntoIterator, F> Sealed for std::iter::FlatMap<I, U, F> {}
impl<I> TempOwned for std::iter::Flatten<I>
where
    I: Iterator + TempOwned,
    I::Item: IntoIterator,
{
    type Owned = I::Owned;
}
#[diagnostic::do_not_recommend]
impl<I> Sealed for std::iter::Flatten<I>
where
    I: Iterator + Sealed,
    I::Item: IntoIterator,
{
}
