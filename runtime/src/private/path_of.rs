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

use std::rc::Rc;
use std::sync::Arc;

use tempfile::{NamedTempFile, TempDir};

use super::Probe;
use crate::bounds::{TempDirJoin, TempPathOf};
use crate::lint::{persistent_read, persistent_write};
use crate::sealed::Sealed;

/// Types whose `.path()` lies inside a temp file or directory.
pub trait TempPathOwner: Sealed {}

/// Types whose `.path()` is a temp directory, so that a checked name joined
/// onto it stays inside.
pub trait TempDirOwner: Sealed {}

impl<F> TempPathOwner for NamedTempFile<F> {}
impl TempPathOwner for TempDir {}
impl TempDirOwner for TempDir {}

// Owners behind pointers: `worker.path()` on an `Arc<NamedTempFile>` is the
// temp file's path all the same.
macro_rules! through_pointers {
    ($($owner:ident),*) => {$(
        impl<T: $owner + ?Sized> $owner for &T {}
        impl<T: $owner + ?Sized> $owner for &mut T {}
        impl<T: $owner + ?Sized> $owner for Box<T> {}
        impl<T: $owner + ?Sized> $owner for Rc<T> {}
        impl<T: $owner + ?Sized> $owner for Arc<T> {}
    )*};
}

through_pointers!(TempPathOwner, TempDirOwner);

/// Any other owner: the path must be a temp handle itself, which a `&Path`
/// or `PathBuf` never is. (The `warn` fallbacks are in `crate::lint`.)
pub trait PathOfFallback: Sealed {
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
