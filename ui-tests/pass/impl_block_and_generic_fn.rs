#![deny(warnings)]

use std::fs;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

struct Uploads {
    dir: TempDir,
}

#[ephemeral_fs]
impl Uploads {
    fn new() -> std::io::Result<Self> {
        Ok(Uploads {
            dir: TempDir::new()?,
        })
    }

    fn store(&self, name: &str, body: &[u8]) -> std::io::Result<()> {
        fs::create_dir_all(self.dir.child("incoming")?)?;
        fs::write(self.dir.child("incoming")?.child(name)?, body)
    }

    fn discard(self, name: &str) -> std::io::Result<()> {
        fs::remove_file(self.dir.child("incoming")?.child(name)?)
    }
}

#[ephemeral_fs]
fn stage<B: AsRef<[u8]>>(uploads: &Uploads, name: &str, body: B) -> std::io::Result<usize> {
    uploads.store(name, body.as_ref())?;
    Ok(body.as_ref().len())
}

fn main() {
    let uploads = Uploads::new().unwrap();
    assert_eq!(stage(&uploads, "a.csv", "x,y").unwrap(), 3);
    uploads.discard("a.csv").unwrap();
}
