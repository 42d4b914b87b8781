// Only a builder's known flag methods are read; any other method on a
// builder chain or local (`clone_from`, a method of your own extension
// trait) may set write flags, and counts as writing: its `open` has its
// path checked.
use ephemeral_fs::ephemeral_fs;
use std::fs::OpenOptions;

pub trait Writable {
    fn writable(&mut self) -> &mut Self;
}

impl Writable for OpenOptions {
    fn writable(&mut self) -> &mut Self {
        self.write(true).create(true)
    }
}

#[ephemeral_fs]
fn clone_from(p: &str, append: bool) -> std::io::Result<()> {
    let mut w = OpenOptions::new();
    w.append(append).create(true);
    let mut o = OpenOptions::new();
    o.read(true);
    o.clone_from(&w);
    o.open(p)?;
    Ok(())
}

#[ephemeral_fs]
fn extension_trait(p: &str) -> std::io::Result<()> {
    OpenOptions::new().writable().open(p)?;
    let mut o = OpenOptions::new();
    o.writable();
    o.open(p)?;
    Ok(())
}

fn main() {}
