// Limits, pinned (false rejections): a check reads its handle through the
// variable that names it (`&tmp`), where rustc would reborrow through it
// (`*tmp`). A closure that reads a `&'a` handle parameter then borrows the
// parameter itself and cannot be returned (E0373): write `move ||`, which
// compiles. A reference variable assigned in a later argument of the call
// whose path it gives (`cur = next`) is still borrowed there (E0506):
// assign it before or after the call. If the attribute comes to accept
// these, this case fails and moves to the compile-pass cases.
use std::fs;
use std::io;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
fn writer<'a>(tmp: &'a NamedTempFile) -> impl Fn(&[u8]) -> io::Result<()> + 'a {
    |body| fs::write(tmp.path(), body)
}

#[ephemeral_fs]
fn moved_writer<'a>(tmp: &'a NamedTempFile) -> impl Fn(&[u8]) -> io::Result<()> + 'a {
    move |body| fs::write(tmp.path(), body)
}

#[ephemeral_fs]
fn creator<'a>(dir: &'a TempDir) -> impl Fn() -> io::Result<fs::File> + 'a {
    || fs::File::create(dir.path().join("out.txt"))
}

#[ephemeral_fs]
fn assigned(a: &NamedTempFile, b: &NamedTempFile) -> io::Result<()> {
    let mut cur = a;
    fs::write(cur.path(), {
        cur = b;
        "first"
    })?;
    fs::write(cur.path(), "second")
}

fn main() {}
