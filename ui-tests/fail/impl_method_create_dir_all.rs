use std::fs;
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;

struct Gallery {
    root: PathBuf,
}

#[ephemeral_fs]
impl Gallery {
    fn add_album(&self, album: &str) -> std::io::Result<()> {
        fs::create_dir_all(self.root.join(album))
    }
}

fn main() {}
