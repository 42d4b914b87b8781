//! Guarded mirrors of `std::fs`: the same signatures, results and errors,
//! but every path that is created, written or removed must be a
//! [`TempTarget`].
//!
//! `#[ephemeral_fs]` checks calls in place and only uses these functions
//! where a `std::fs` function is taken as a value (`.map(fs::remove_file)`).
//! They are public so that helpers outside annotated code can demand temp
//! handles in their own signatures.

use std::fs::{File, Metadata, Permissions, ReadDir};
use std::io;
use std::path::{Path, PathBuf};

use crate::TempTarget;
use crate::bounds::{LinkOriginal, SymlinkOriginal, TempFile, TempReadTarget};

/// [`std::fs::write`], for temp-file handles only.
#[inline]
pub fn write<P: TempTarget, C: AsRef<[u8]>>(path: P, contents: C) -> io::Result<()> {
    std::fs::write(path, contents)
}

/// [`std::fs::File::create`], for temp-file handles only.
#[inline]
pub fn create_file<P: TempTarget>(path: P) -> io::Result<File> {
    File::create(path)
}

/// [`std::fs::File::create_new`], for temp-file handles only.
#[inline]
pub fn create_new_file<P: TempTarget>(path: P) -> io::Result<File> {
    File::create_new(path)
}

/// [`std::fs::create_dir`], for temp-file handles only.
#[inline]
pub fn create_dir<P: TempTarget>(path: P) -> io::Result<()> {
    std::fs::create_dir(path)
}

/// [`std::fs::create_dir_all`], for temp-file handles only.
#[inline]
pub fn create_dir_all<P: TempTarget>(path: P) -> io::Result<()> {
    std::fs::create_dir_all(path)
}

/// [`std::fs::copy`]: any source, a temp-file handle as destination.
#[inline]
pub fn copy<P: AsRef<Path>, Q: TempTarget>(from: P, to: Q) -> io::Result<u64> {
    std::fs::copy(from, to)
}

/// [`std::fs::copy`] under `deny(persistent_read)`: temp-file handles as
/// source and destination.
#[inline]
pub fn copy_from_temp_to_temp<P: TempReadTarget, Q: TempTarget>(from: P, to: Q) -> io::Result<u64> {
    std::fs::copy(from, to)
}

/// [`std::fs::copy`] under `deny(persistent_read)` and
/// `allow(persistent_write)`: a temp-file handle as source, any destination.
#[inline]
pub fn copy_from_temp<P: TempReadTarget, Q: AsRef<Path>>(from: P, to: Q) -> io::Result<u64> {
    std::fs::copy(from, to)
}

/// [`std::fs::rename`], between temp-file handles only.
#[inline]
pub fn rename<P: TempTarget, Q: TempTarget>(from: P, to: Q) -> io::Result<()> {
    std::fs::rename(from, to)
}

/// [`std::fs::hard_link`]: the link and its original must be temp-file
/// handles, since writing through the link writes to the original.
#[inline]
pub fn hard_link<P: LinkOriginal, Q: TempTarget>(original: P, link: Q) -> io::Result<()> {
    std::fs::hard_link(original, link)
}

/// [`std::fs::soft_link`]: the link and its original must be temp-file
/// handles, since writing through the link writes to the original.
/// Like `std::fs::soft_link` it is superseded by `symlink`; it is kept so
/// that code using it can be checked.
#[inline]
pub fn soft_link<P: SymlinkOriginal, Q: TempTarget>(original: P, link: Q) -> io::Result<()> {
    #[allow(deprecated)]
    std::fs::soft_link(original, link)
}

/// [`std::os::unix::fs::symlink`]: the link and its original must be
/// temp-file handles, since writing through the link writes to the original.
#[cfg(unix)]
#[inline]
pub fn symlink<P: SymlinkOriginal, Q: TempTarget>(original: P, link: Q) -> io::Result<()> {
    std::os::unix::fs::symlink(original, link)
}

/// [`std::os::unix::net::UnixListener::bind`], at temp paths only: the
/// socket file it creates is not removed when the listener is dropped.
#[cfg(unix)]
#[inline]
pub fn bind_unix_listener<P: TempTarget>(path: P) -> io::Result<std::os::unix::net::UnixListener> {
    std::os::unix::net::UnixListener::bind(path)
}

/// [`std::os::unix::net::UnixDatagram::bind`], at temp paths only: the
/// socket file it creates is not removed when the socket is dropped.
#[cfg(unix)]
#[inline]
pub fn bind_unix_datagram<P: TempTarget>(path: P) -> io::Result<std::os::unix::net::UnixDatagram> {
    std::os::unix::net::UnixDatagram::bind(path)
}

/// [`std::fs::remove_file`], for temp-file handles only.
#[inline]
pub fn remove_file<P: TempTarget>(path: P) -> io::Result<()> {
    std::fs::remove_file(path)
}

/// [`std::fs::remove_dir`], for temp-file handles only.
#[inline]
pub fn remove_dir<P: TempTarget>(path: P) -> io::Result<()> {
    std::fs::remove_dir(path)
}

/// [`std::fs::remove_dir_all`], for temp-file handles only.
#[inline]
pub fn remove_dir_all<P: TempTarget>(path: P) -> io::Result<()> {
    std::fs::remove_dir_all(path)
}

/// [`std::fs::set_permissions`], for temp files only: a directory made
/// read-only cannot be emptied by its cleanup.
#[inline]
pub fn set_permissions<P: TempFile>(path: P, perm: Permissions) -> io::Result<()> {
    std::fs::set_permissions(path, perm)
}

/// [`std::fs::read`], for temp-file handles only.
#[inline]
pub fn read<P: TempReadTarget>(path: P) -> io::Result<Vec<u8>> {
    std::fs::read(path)
}

/// [`std::fs::read_to_string`], for temp-file handles only.
#[inline]
pub fn read_to_string<P: TempReadTarget>(path: P) -> io::Result<String> {
    std::fs::read_to_string(path)
}

/// [`std::fs::File::open`], for temp-file handles only.
#[inline]
pub fn open_file<P: TempReadTarget>(path: P) -> io::Result<File> {
    File::open(path)
}

/// [`std::fs::read_dir`], for temp-file handles only.
#[inline]
pub fn read_dir<P: TempReadTarget>(path: P) -> io::Result<ReadDir> {
    std::fs::read_dir(path)
}

/// [`std::fs::read_link`], for temp-file handles only.
#[inline]
pub fn read_link<P: TempReadTarget>(path: P) -> io::Result<PathBuf> {
    std::fs::read_link(path)
}

/// [`std::fs::metadata`], for temp-file handles only.
#[inline]
pub fn metadata<P: TempReadTarget>(path: P) -> io::Result<Metadata> {
    std::fs::metadata(path)
}

/// [`std::fs::symlink_metadata`], for temp-file handles only.
#[inline]
pub fn symlink_metadata<P: TempReadTarget>(path: P) -> io::Result<Metadata> {
    std::fs::symlink_metadata(path)
}

/// [`std::fs::canonicalize`], for temp-file handles only.
#[inline]
pub fn canonicalize<P: TempReadTarget>(path: P) -> io::Result<PathBuf> {
    std::fs::canonicalize(path)
}

/// [`std::fs::exists`], for temp-file handles only.
#[inline]
pub fn exists<P: TempReadTarget>(path: P) -> io::Result<bool> {
    std::fs::exists(path)
}
