// A builder whose flags are set in sight, then wrapped in a call named
// like a constructor (`ManuallyDrop::new`, `Pin::new`, `Box::new`): it
// passes through a call, so it counts as writing, and its path is checked.
use std::fs::{DirBuilder, OpenOptions};
use std::mem::ManuallyDrop;
use std::pin::Pin;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn manually_drop_open() -> std::io::Result<std::fs::File> {
    let mut w = OpenOptions::new();
    w.write(true).create(true);
    let o = ManuallyDrop::new(w);
    o.open("/var/uploads/a.txt")
}

#[ephemeral_fs]
fn pin_open() -> std::io::Result<std::fs::File> {
    let mut w = OpenOptions::new();
    w.append(true).create(true);
    Pin::new(&w).open("/var/uploads/b.txt")
}

#[ephemeral_fs]
fn manually_drop_dir_builder() -> std::io::Result<()> {
    let mut b = DirBuilder::new();
    b.recursive(true);
    ManuallyDrop::new(b).create("/var/uploads/made")
}

#[ephemeral_fs]
fn boxed_fs_err_builder() -> std::io::Result<fs_err::File> {
    let mut w = fs_err::OpenOptions::new();
    w.write(true).create(true);
    let b = Box::new(w);
    b.open("/var/uploads/c.txt")
}

fn main() {}
