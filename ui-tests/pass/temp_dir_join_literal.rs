#![deny(warnings)]

use std::fs::{self, File};
use std::io::Write;

use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

// tempfile's own first `TempDir` example, inline joins and chained joins.
#[ephemeral_fs(deny(persistent_read))]
fn stage(body: &[u8]) -> std::io::Result<(Vec<u8>, String, bool)> {
    let dir = TempDir::new()?;
    let file_path = dir.path().join("my-temporary-note.txt");
    let mut f = File::create(file_path)?;
    f.write_all(body)?;
    drop(f);
    fs::write(dir.path().join("payload.bin"), body)?;
    fs::create_dir_all(dir.path().join("a"))?;
    fs::write(dir.path().join("a").join("b.txt"), "nested")?;
    fs::write(dir.path().join("a/c.txt"), "slashed")?;
    let note = fs::read(dir.path().join("my-temporary-note.txt"))?;
    let nested = fs::read_to_string(dir.path().join("a").join("b.txt"))?;
    let slashed = fs::read_to_string(dir.path().join("a/c.txt"))? == "slashed";
    assert_eq!(fs::read(dir.path().join("payload.bin"))?, body);
    Ok((note, nested, slashed))
}

fn main() {
    assert_eq!(
        stage(b"abc").unwrap(),
        (b"abc".to_vec(), "nested".to_owned(), true)
    );
}
