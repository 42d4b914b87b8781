#![deny(warnings)]

// Items in a block that name no path local leave it followed; an item that
// does shadows it only in its own block. Each write lands in the temp
// directory, which is removed.

use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<(PathBuf, usize)> {
    let dir = TempDir::new()?;
    let p = dir.path().join("a.txt");
    {
        const SUFFIX: &[u8] = b"";
        fn size(body: &[u8]) -> usize {
            body.len()
        }
        std::fs::write(&p, body)?;
        std::fs::write(dir.path().join("b.txt"), [&body[..size(body) - 1], SUFFIX].concat())?;
    }
    {
        #[allow(dead_code, non_upper_case_globals)]
        const p: u8 = 0;
    }
    std::fs::write(&p, body)?;
    let written = std::fs::read(&p)?.len() + std::fs::read(dir.path().join("b.txt"))?.len();
    Ok((dir.path().to_path_buf(), written))
}

fn main() {
    let (root, written) = save(b"abc").unwrap();
    assert_eq!(written, 5);
    assert!(!root.exists(), "{} left behind", root.display());
}
