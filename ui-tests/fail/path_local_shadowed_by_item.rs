#![allow(non_upper_case_globals)]

use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

static UPLOADS: &str = "/srv/uploads/a.txt";

mod paths {
    pub static p: &str = "/srv/uploads/d.txt";
}

// An item in an inner block shadows a path local of the same name in the
// whole block, before and after it: there `p` is the item, not the temp
// directory's path. A glob import may name any value: no path local is
// followed in its block.
#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    let dir = TempDir::new()?;
    let p = dir.path().join("a.txt");
    std::fs::write(&p, body)?;
    {
        use crate::UPLOADS as p;
        std::fs::write(p, body)?;
    }
    {
        static p: &str = "/srv/uploads/b.txt";
        std::fs::write(&p, body)?;
    }
    {
        std::fs::write(p, body)?;
        const p: &str = "/srv/uploads/c.txt";
    }
    {
        use crate::paths::*;
        std::fs::write(p, body)?;
    }
    Ok(())
}

fn main() {}
