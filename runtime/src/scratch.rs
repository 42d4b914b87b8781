//! Paths inside a `tempfile::TempDir` that cannot outlive it.

use std::ffi::OsStr;
use std::fmt;
use std::io;
use std::marker::PhantomData;
use std::ops::Deref;
use std::path::{Component, Path, PathBuf};

use tempfile::TempDir;

use crate::sealed::Sealed;

/// Adds [`child`](TempDirExt::child) to `tempfile::TempDir`.
pub trait TempDirExt: Sealed {
    /// A path inside this temp directory, accepted by every guarded operation.
    ///
    /// `relative` must consist of normal components only: an absolute path,
    /// `..`, `.` or an empty path is refused with
    /// [`io::ErrorKind::InvalidInput`], and nothing is created either way.
    /// The returned [`ScratchPath`] borrows the directory, so it cannot be
    /// used after the directory is dropped and removed.
    fn child<P: AsRef<Path>>(&self, relative: P) -> io::Result<ScratchPath<'_>>;
}

impl TempDirExt for TempDir {
    fn child<P: AsRef<Path>>(&self, relative: P) -> io::Result<ScratchPath<'_>> {
        ScratchPath::join(self.path(), relative.as_ref())
    }
}

/// A path inside a `tempfile::TempDir`, borrowed from it.
///
/// Created by [`TempDirExt::child`]; nest further with [`ScratchPath::child`].
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ScratchPath<'dir> {
    path: PathBuf,
    dir: PhantomData<&'dir TempDir>,
}

impl<'dir> ScratchPath<'dir> {
    fn join(base: &Path, relative: &Path) -> io::Result<Self> {
        check_relative(relative)?;
        // Joined component by component, so `a/./b` is stored as `a/b`.
        let mut path = base.to_path_buf();
        path.extend(relative.components());
        Ok(ScratchPath {
            path,
            dir: PhantomData,
        })
    }

    /// A path below this one, with the same rules as [`TempDirExt::child`].
    pub fn child<P: AsRef<Path>>(&self, relative: P) -> io::Result<ScratchPath<'dir>> {
        ScratchPath::join(&self.path, relative.as_ref())
    }

    /// The full path.
    pub fn as_path(&self) -> &Path {
        &self.path
    }

    /// The last component of the path.
    pub fn file_name(&self) -> Option<&OsStr> {
        self.path.file_name()
    }
}

fn check_relative(relative: &Path) -> io::Result<()> {
    let mut components = relative.components().peekable();
    if components.peek().is_none() {
        return Err(invalid(relative, "is empty"));
    }
    for component in components {
        match component {
            Component::Normal(_) => {}
            Component::ParentDir => return Err(invalid(relative, "contains `..`")),
            Component::CurDir => return Err(invalid(relative, "contains `.`")),
            Component::RootDir | Component::Prefix(_) => {
                return Err(invalid(relative, "is absolute"));
            }
        }
    }
    Ok(())
}

fn invalid(relative: &Path, why: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "scratch path {} {why}: a temp directory child must be a relative path of normal components",
            relative.display()
        ),
    )
}

impl AsRef<Path> for ScratchPath<'_> {
    fn as_ref(&self) -> &Path {
        &self.path
    }
}

/// A `ScratchPath` is a `&Path` wherever one is expected, as a `PathBuf`
/// is: `convert(tmp.path(), &thumb)` with `fn convert(src: &Path, dst: &Path)`.
/// The `&Path` it gives is a plain one: pass the `ScratchPath` itself to a
/// checked operation (`fs::write(&thumb, ..)`, not `fs::write(&*thumb, ..)`).
impl Deref for ScratchPath<'_> {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.path
    }
}

// As `PathBuf` does, so that crates taking `impl Into<PathBuf>` (fs-err)
// accept `dir.child(..)?` and `&dir.child(..)?` like `std::fs` does.
impl AsRef<OsStr> for ScratchPath<'_> {
    fn as_ref(&self) -> &OsStr {
        self.path.as_os_str()
    }
}

impl From<ScratchPath<'_>> for PathBuf {
    fn from(scratch: ScratchPath<'_>) -> PathBuf {
        scratch.path
    }
}

impl fmt::Debug for ScratchPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.path, f)
    }
}
