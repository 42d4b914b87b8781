#![deny(warnings)]

// Builders written in a block, behind `?` or in both branches of an `if`
// are read like any chain, and open temp paths as before; terminal methods
// of other types named `open` or `create`, by value, by `&mut` or on a
// temporary, and `OpenOptions::create(flag)`, run as written.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

struct Archive {
    opened: Vec<String>,
}

impl Archive {
    fn open(&mut self, name: &str) -> usize {
        self.opened.push(name.to_owned());
        self.opened.len()
    }
}

struct Ticket(u32);

impl Ticket {
    fn create(self, by: u32) -> u32 {
        self.0 + by
    }
}

#[ephemeral_fs]
fn stage(body: &[u8], first: bool, append: bool) -> std::io::Result<(PathBuf, usize, u32)> {
    let dir = TempDir::new()?;
    let mut f = { OpenOptions::new() }.write(true).create(true).open(dir.child("a")?)?;
    f.write_all(body)?;
    let mut o = if first { OpenOptions::new() } else { File::options() };
    o.append(true).open(dir.child("a")?)?.write_all(body)?;
    Ok::<_, std::io::Error>(OpenOptions::new())?
        .read(true)
        .open(dir.child("a")?)?;
    let mut flags = OpenOptions::new();
    flags.create(append);
    let mut archive = Archive { opened: Vec::new() };
    archive.open("x");
    let opened = archive.open("y");
    let ticket = Ticket(40);
    let total = ticket.create(2) + Ticket(0).create(0);
    assert_eq!(fs::read(dir.path().join("a"))?, [body, body].concat());
    Ok((dir.path().to_path_buf(), opened, total))
}

// A builder passed in counts as writing: a temp path passes.
#[ephemeral_fs]
fn with_builder_passed_in(opts: &OpenOptions) -> std::io::Result<(PathBuf, Vec<u8>)> {
    let dir = TempDir::new()?;
    opts.open(dir.child("a")?)?.write_all(b"passed in")?;
    Ok((dir.path().to_path_buf(), fs::read(dir.path().join("a"))?))
}

fn main() {
    let mut opts = OpenOptions::new();
    opts.write(true).create(true);
    let (dir, written) = with_builder_passed_in(&opts).unwrap();
    assert_eq!(written, b"passed in");
    assert!(!dir.exists(), "the temp directory is removed");
    let (dir, opened, total) = stage(b"abc", true, false).unwrap();
    assert_eq!((opened, total), (2, 42));
    assert!(!dir.exists(), "the temp directory is removed");
    let (dir, _, _) = stage(b"abc", false, true).unwrap();
    assert!(!dir.exists(), "the temp directory is removed");
}
