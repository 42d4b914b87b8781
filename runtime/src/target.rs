//! The guard trait: which values count as temp-file handles.

use std::path::Path;

use tempfile::{NamedTempFile, TempPath};

use crate::lint;
use crate::scratch::ScratchPath;

mod sealed {
    pub trait Sealed {}
}

/// A path that is known to be cleaned up when the request ends.
///
/// Implemented only for `tempfile::NamedTempFile`, `tempfile::TempPath`,
/// [`ScratchPath`] (a child of a `tempfile::TempDir`, see
/// [`TempDirExt::child`](crate::TempDirExt::child)), and references to them.
/// It is sealed: a plain `&str`, `&Path` or `PathBuf` can never satisfy it,
/// because nothing about such a path says it will be removed.
///
/// `L` names the lint that asked for the bound (see [`lint`]). It only changes
/// the compiler message, never which types qualify.
#[diagnostic::on_unimplemented(
    message = "{L}: `{Self}` is not a temp-file handle",
    label = "not a temp-file handle",
    note = "a request handler's local files vanish on restart and are not shared between instances",
    note = "use a `tempfile::NamedTempFile`, a `dir.child(..)` of a `tempfile::TempDir` (`ephemeral_fs::TempDirExt`), or keep the data in a backing service such as object storage or a database"
)]
pub trait TempTarget<L = lint::persistent_write>: AsRef<Path> + sealed::Sealed {}

macro_rules! temp_targets {
    ($([$($generics:tt)*] $ty:ty),* $(,)?) => {$(
        impl<$($generics)*> sealed::Sealed for $ty {}
        impl<$($generics)*> sealed::Sealed for &$ty {}
        impl<$($generics)*> sealed::Sealed for &mut $ty {}
        // The notes above already name the accepted types; rustc's list of
        // impls would point into this macro, so it is hidden.
        #[diagnostic::do_not_recommend]
        impl<$($generics)* L> TempTarget<L> for $ty {}
        #[diagnostic::do_not_recommend]
        impl<$($generics)* L> TempTarget<L> for &$ty {}
        #[diagnostic::do_not_recommend]
        impl<$($generics)* L> TempTarget<L> for &mut $ty {}
    )*};
}

temp_targets! {
    [F,] NamedTempFile<F>,
    [] TempPath,
    ['dir,] ScratchPath<'dir>,
}
