// A block's items are in scope in the whole block: a `static o` there
// shadows a builder local `o`, so the local's read-only flags say nothing of
// the `o.open(p)` in that block.
#![allow(non_upper_case_globals)]
use ephemeral_fs::ephemeral_fs;
use std::fs::OpenOptions;
use std::io::Write;
use std::sync::LazyLock;

#[ephemeral_fs]
fn handler(p: &str) -> std::io::Result<()> {
    let mut o = OpenOptions::new();
    o.read(true);
    {
        static o: LazyLock<OpenOptions> = LazyLock::new(|| {
            let mut w = OpenOptions::new();
            w.write(true).create(true);
            w
        });
        o.open(p)?.write_all(b"persistent")?;
    }
    o.open(p)?;
    Ok(())
}

fn main() {}
