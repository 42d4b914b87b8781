#![deny(warnings)]

// A `persist` destination that holds a closure stays where it was written:
// a closure whose parameter types come from the type `persist` expects
// still gets them, and the destination is evaluated once.

use std::cell::Cell;
use std::fs;
use std::path::PathBuf;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

/// A table of the user's whose `persist` takes a key function.
struct Table;

impl Table {
    fn persist<'a>(&self, key: Box<dyn Fn(&str) -> usize + 'a>) -> usize {
        key("abc")
    }
}

/// The same by value, with a function pointer.
struct Rows;

impl Rows {
    fn persist(self, key: Option<fn(&str) -> usize>) -> usize {
        key.map_or(0, |key| key("abcd"))
    }
}

#[ephemeral_fs]
fn arrange(dir: &TempDir, names: &[&str], evaluated: &Cell<u32>) -> std::io::Result<usize> {
    let table = Table;
    let plain = table.persist(Box::new(|s| s.len()));
    let moved = table.persist(Box::new(move |s| {
        evaluated.set(evaluated.get() + 1);
        s.len() + names.len()
    }));
    let by_value = Rows.persist(Some(|s| s.len()));
    let rows = Rows;
    let pointer = rows.persist(Some(|s| s.len() * 2));

    let tmp = NamedTempFile::new()?;
    fs::write(&tmp, "joined")?;
    tmp.persist(dir.child({
        evaluated.set(evaluated.get() + 1);
        names.iter().map(|n| n.to_uppercase()).collect::<String>() + ".bin"
    })?)?;
    let second = NamedTempFile::new()?;
    fs::write(&second, "second")?;
    NamedTempFile::persist(
        second,
        dir.child({
            evaluated.set(evaluated.get() + 1);
            names.iter().map(|n| n.len()).sum::<usize>().to_string()
        })?,
    )?;
    Ok(plain + moved + by_value + pointer)
}

fn main() {
    let dir = TempDir::new().unwrap();
    let root: PathBuf = dir.path().to_owned();
    let evaluated = Cell::new(0);
    let total = arrange(&dir, &["a", "bc"], &evaluated).unwrap();
    assert_eq!(total, 3 + 5 + 4 + 8);
    assert_eq!(evaluated.get(), 3);
    assert_eq!(fs::read_to_string(root.join("ABC.bin")).unwrap(), "joined");
    assert_eq!(fs::read_to_string(root.join("3")).unwrap(), "second");
    drop(dir);
    assert!(!root.exists());
}
