//! One seal for every trait the expansion relies on, so that no impl in a
//! user's crate can switch a check off: the only way to opt out is
//! `#[ephemeral_fs::allow(<lint>, reason = "...")]`, which says why.

use std::rc::Rc;
use std::sync::Arc;

use tempfile::{Builder, NamedTempFile, TempDir, TempPath};

use crate::private::Probe;
use crate::scratch::ScratchPath;

#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot implement a trait of `ephemeral_fs`: they are sealed",
    label = "sealed trait",
    note = "no impl can switch a check of #[ephemeral_fs] off",
    note = "to opt out on purpose, put `#[ephemeral_fs::allow(<lint>, reason = \"...\")]` on the statement"
)]
pub trait Sealed {}

// Every impl is hidden from rustc's "the following types implement" list:
// the notes say what to do instead.

#[diagnostic::do_not_recommend]
impl<F> Sealed for NamedTempFile<F> {}
#[diagnostic::do_not_recommend]
impl Sealed for TempPath {}
#[diagnostic::do_not_recommend]
impl Sealed for TempDir {}
#[diagnostic::do_not_recommend]
impl Sealed for ScratchPath<'_> {}
#[diagnostic::do_not_recommend]
impl Sealed for Builder<'_, '_> {}
#[diagnostic::do_not_recommend]
impl<T> Sealed for Probe<T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed, E> Sealed for Result<T, E> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for &T {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for &mut T {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for Box<T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for Rc<T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for Arc<T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed, F> Sealed for std::sync::LazyLock<T, F> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed, F> Sealed for std::cell::LazyCell<T, F> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for std::sync::MutexGuard<'_, T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for std::sync::RwLockReadGuard<'_, T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for std::sync::RwLockWriteGuard<'_, T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for std::cell::Ref<'_, T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for std::cell::RefMut<'_, T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + Clone> Sealed for std::borrow::Cow<'_, T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed> Sealed for std::panic::AssertUnwindSafe<T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for std::mem::ManuallyDrop<T> {}
#[diagnostic::do_not_recommend]
impl<P: Sealed> Sealed for std::pin::Pin<P> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed> Sealed for Option<T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed> Sealed for Vec<T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed> Sealed for std::vec::Drain<'_, T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed> Sealed for std::vec::IntoIter<T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed> Sealed for std::collections::VecDeque<T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed> Sealed for std::collections::vec_deque::Drain<'_, T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed> Sealed for std::collections::vec_deque::IntoIter<T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed> Sealed for std::option::IntoIter<T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed, const N: usize> Sealed for [T; N] {}
#[diagnostic::do_not_recommend]
impl<T: Sealed> Sealed for std::collections::LinkedList<T> {}
#[diagnostic::do_not_recommend]
impl<K, V: Sealed, S> Sealed for std::collections::HashMap<K, V, S> {}
#[diagnostic::do_not_recommend]
impl<K, V: Sealed> Sealed for std::collections::BTreeMap<K, V> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for std::cell::RefCell<T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for std::cell::Cell<T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for std::sync::Mutex<T> {}
#[diagnostic::do_not_recommend]
impl<T: Sealed + ?Sized> Sealed for std::sync::RwLock<T> {}
#[diagnostic::do_not_recommend]
impl<T> Sealed for crate::private::Unseen<T> {}
#[diagnostic::do_not_recommend]
impl Sealed for std::fs::OpenOptions {}
#[diagnostic::do_not_recommend]
impl Sealed for std::fs::DirBuilder {}
#[diagnostic::do_not_recommend]
impl<T: Sealed> Sealed for [T] {}
