//! `tmp.path()`, `dir.path().join("x")` and locals bound to them, decided
//! by the type of the owner.
//
// Input:  fs::write(tmp.path(), data)
// Output: fs::write(::ephemeral_fs::__private::Probe(&tmp)
//                       .__ephemeral_fs_deny_persistent_write_path(tmp.path()), data)
//
// Input:  let p = dir.path().join("x.txt"); File::create(p)
// Output: let p = dir.path().join("x.txt");
//         File::create(::ephemeral_fs::__private::Probe(&dir)
//                          .__ephemeral_fs_deny_persistent_write_joined(p))
//
// `&Path` says nothing about where it came from, but the owner's type does:
// the path of a `NamedTempFile` or `TempDir` passes as is; any other owner
// falls back to the trait method, which demands a temp handle. Borrowing the
// owner at the use also makes "dropped or moved before the use" a borrow
// error.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use tempfile::{NamedTempFile, TempDir};

use super::Probe;
use crate::bounds::{TempDirJoin, TempPathOf};
use crate::lint::{persistent_read, persistent_write};
use crate::sealed::Sealed;

/// Types whose `.path()` lies inside a temp file or directory.
pub trait TempPathOwner: Sealed {
    /// tempfile's own `path()`, which no method of the user's can stand in
    /// for (`NamedTempFile::path`, `TempDir::path`, through any pointer).
    fn __ephemeral_fs_temp_path(&self) -> &Path;
}

/// Types whose `.path()` is a temp directory, so that a checked name joined
/// onto it stays inside.
pub trait TempDirOwner: Sealed {}

impl<F> TempPathOwner for NamedTempFile<F> {
    #[inline(always)]
    fn __ephemeral_fs_temp_path(&self) -> &Path {
        NamedTempFile::path(self)
    }
}
impl TempPathOwner for TempDir {
    #[inline(always)]
    fn __ephemeral_fs_temp_path(&self) -> &Path {
        TempDir::path(self)
    }
}
impl TempDirOwner for TempDir {}

// Owners behind pointers: `worker.path()` on an `Arc<NamedTempFile>` is the
// temp file's path all the same.
macro_rules! through_pointers {
    ($($pointer:ty),*) => {$(
        impl<T: TempPathOwner + ?Sized> TempPathOwner for $pointer {
            #[inline(always)]
            fn __ephemeral_fs_temp_path(&self) -> &Path {
                T::__ephemeral_fs_temp_path(self)
            }
        }
        impl<T: TempDirOwner + ?Sized> TempDirOwner for $pointer {}
    )*};
}

through_pointers!(&T, &mut T, Box<T>, Rc<T>, Arc<T>);

/// A reference to a temp handle whose path lives as long as the handle
/// does, through any number of shared references: `&dir` of a parameter
/// `dir: &'a TempDir` gives a path for `'a`, as `dir.path()` does, not for
/// the borrow of the parameter.
pub trait TempPathRef<'a>: Sealed {
    fn __ephemeral_fs_temp_path_ref(self) -> &'a Path;
}

macro_rules! temp_path_refs {
    ($([$($generics:tt)*] $ty:ty),* $(,)?) => {$(
        impl<'a, $($generics)*> TempPathRef<'a> for &'a $ty {
            #[inline(always)]
            fn __ephemeral_fs_temp_path_ref(self) -> &'a Path {
                self.__ephemeral_fs_temp_path()
            }
        }
    )*};
}

temp_path_refs! {
    [F] NamedTempFile<F>,
    [] TempDir,
    [T: TempPathOwner + ?Sized] Box<T>,
    [T: TempPathOwner + ?Sized] Rc<T>,
    [T: TempPathOwner + ?Sized] Arc<T>,
    ['m, T: TempPathOwner + ?Sized] &'m mut T,
}

impl<'a, 'c, T: ?Sized> TempPathRef<'a> for &&'c T
where
    &'c T: TempPathRef<'a>,
{
    #[inline(always)]
    fn __ephemeral_fs_temp_path_ref(self) -> &'a Path {
        (*self).__ephemeral_fs_temp_path_ref()
    }
}

/// Any other owner: the path must be a temp handle itself, which a `&Path`
/// or `PathBuf` never is. (The `warn` fallbacks are in `crate::lint`.)
pub trait PathOfFallback: Sealed {
    /// Any other owner: the user's own code, as written.
    #[inline(always)]
    fn __ephemeral_fs_path<F: FnOnce() -> R, R>(self, user: F) -> R
    where
        Self: Sized,
    {
        user()
    }

    #[inline(always)]
    fn __ephemeral_fs_path_buf<F: FnOnce() -> R, R>(self, user: F) -> R
    where
        Self: Sized,
    {
        user()
    }

    #[inline(always)]
    fn __ephemeral_fs_joined<F: FnOnce() -> R, R>(self, _names: &[&str], user: F) -> R
    where
        Self: Sized,
    {
        user()
    }

    /// A `persist` destination of any other owner: decided by its own type.
    #[inline(always)]
    fn __ephemeral_fs_temp_destination<D: ?Sized>(self, destination: &D) -> &D
    where
        Self: Sized,
    {
        destination
    }

    #[inline(always)]
    fn __ephemeral_fs_joined_destination<D: ?Sized>(self, destination: &D) -> &D
    where
        Self: Sized,
    {
        destination
    }

    fn __ephemeral_fs_deny_persistent_write_path<P: TempPathOf<persistent_write>>(
        self,
        path: P,
    ) -> P;
    fn __ephemeral_fs_deny_persistent_read_path<P: TempPathOf<persistent_read>>(self, path: P)
    -> P;
    fn __ephemeral_fs_deny_persistent_write_joined<P: TempDirJoin<persistent_write>>(
        self,
        path: P,
    ) -> P;
    fn __ephemeral_fs_deny_persistent_read_joined<P: TempDirJoin<persistent_read>>(
        self,
        path: P,
    ) -> P;
}

impl<T> PathOfFallback for Probe<T> {
    #[inline(always)]
    fn __ephemeral_fs_deny_persistent_write_path<P: TempPathOf<persistent_write>>(
        self,
        path: P,
    ) -> P {
        path
    }

    #[inline(always)]
    fn __ephemeral_fs_deny_persistent_read_path<P: TempPathOf<persistent_read>>(
        self,
        path: P,
    ) -> P {
        path
    }

    #[inline(always)]
    fn __ephemeral_fs_deny_persistent_write_joined<P: TempDirJoin<persistent_write>>(
        self,
        path: P,
    ) -> P {
        path
    }

    #[inline(always)]
    fn __ephemeral_fs_deny_persistent_read_joined<P: TempDirJoin<persistent_read>>(
        self,
        path: P,
    ) -> P {
        path
    }
}

/// A `persist` destination derived from a temp handle's path, as
/// `tmp.path()` or `dir.path().join("name")` is everywhere else.
pub struct InTempDir<D>(pub(super) D);

#[diagnostic::do_not_recommend]
impl<D> Sealed for InTempDir<D> {}

impl<D: AsRef<Path>> AsRef<Path> for InTempDir<D> {
    #[inline(always)]
    fn as_ref(&self) -> &Path {
        self.0.as_ref()
    }
}

/// tempfile's path of `owner` with `names` joined, as `Path::join` makes it.
#[inline(always)]
pub(super) fn joined<T: TempPathOwner + ?Sized>(owner: &T, names: &[&str]) -> PathBuf {
    let mut path = owner.__ephemeral_fs_temp_path().to_path_buf();
    for name in names {
        path.push(name);
    }
    path
}
