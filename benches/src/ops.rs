//! The same filesystem operations with and without the attribute, kept out
//! of line so that their machine code can be compared.

use std::fs::{self, File};
use std::io;

use ephemeral_fs::{ScratchPath, ephemeral_fs};
use tempfile::NamedTempFile;

#[inline(never)]
pub fn plain_write(tmp: &NamedTempFile, data: &[u8]) -> io::Result<()> {
    fs::write(tmp, data)
}

#[ephemeral_fs]
#[inline(never)]
pub fn guarded_write(tmp: &NamedTempFile, data: &[u8]) -> io::Result<()> {
    fs::write(tmp, data)
}

#[inline(never)]
pub fn plain_create(tmp: &NamedTempFile) -> io::Result<File> {
    File::create(tmp)
}

#[ephemeral_fs]
#[inline(never)]
pub fn guarded_create(tmp: &NamedTempFile) -> io::Result<File> {
    File::create(tmp)
}

#[inline(never)]
pub fn plain_create_dir_all(dir: &ScratchPath<'_>) -> io::Result<()> {
    fs::create_dir_all(dir)
}

#[ephemeral_fs]
#[inline(never)]
pub fn guarded_create_dir_all(dir: &ScratchPath<'_>) -> io::Result<()> {
    fs::create_dir_all(dir)
}
