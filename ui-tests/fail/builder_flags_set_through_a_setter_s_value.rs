// A setter returns a `&mut` to its builder: kept in a local, passed to a
// function, wrapped, or assigned through, it may set the builder's flags
// under another name. The builder then counts as writing, whichever
// crate's, and so does one a `macro_rules!` of the body names.
use std::fs::{DirBuilder, OpenOptions};
use std::os::unix::fs::DirBuilderExt;

use ephemeral_fs::TempDirExt;

fn writable(r: &mut OpenOptions) {
    r.write(true).create(true);
}

#[ephemeral_fs::ephemeral_fs]
pub fn kept_in_a_local() -> std::io::Result<std::fs::File> {
    let mut o = OpenOptions::new();
    let r = o.read(true);
    r.write(true).create(true);
    o.open("/var/uploads/a")
}

#[ephemeral_fs::ephemeral_fs]
pub async fn kept_in_a_local_of_tokio() -> std::io::Result<tokio::fs::File> {
    let mut o = tokio::fs::OpenOptions::new();
    let r = o.read(true);
    r.append(true);
    o.open("/var/uploads/b").await
}

#[ephemeral_fs::ephemeral_fs]
pub fn passed_on() -> std::io::Result<std::fs::File> {
    let mut o = OpenOptions::new();
    writable(o.read(true));
    let _ = Some(o.read(true)).map(|r| r.write(true));
    o.open("/var/uploads/c")
}

#[ephemeral_fs::ephemeral_fs]
pub fn assigned_through() -> std::io::Result<std::fs::File> {
    let mut rw = OpenOptions::new();
    rw.write(true).create(true);
    let mut o = OpenOptions::new();
    *o.read(true) = rw;
    o.open("/var/uploads/d")
}

#[ephemeral_fs::ephemeral_fs]
pub fn named_by_a_macro() -> std::io::Result<std::fs::File> {
    let mut o = OpenOptions::new();
    o.read(true);
    macro_rules! writable {
        () => {
            o.write(true).create(true);
        };
    }
    writable!();
    o.open("/var/uploads/e")
}

#[ephemeral_fs::ephemeral_fs]
pub fn a_mode_through_a_local(body: &[u8]) -> std::io::Result<()> {
    let dir = tempfile::TempDir::new()?;
    let mut b = DirBuilder::new();
    let r = b.recursive(true);
    r.mode(0o300);
    b.create(dir.child("sub")?)?;
    std::fs::write(dir.child("sub/f")?, body)
}

fn main() {}
