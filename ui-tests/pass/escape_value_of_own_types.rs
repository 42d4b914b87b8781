#![deny(warnings)]

// Functions of the user's types named like tempfile's escapes, used as
// values: whatever their number of arguments, they compile and run as
// without the attribute. A temp directory whose handle is not kept by any
// of them is removed.

use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

#[derive(Debug, PartialEq)]
struct Doc(u32);

impl Doc {
    fn keep(self) -> u32 {
        self.0
    }

    fn persist(self, note: &str) -> String {
        format!("{} {note}", self.0)
    }

    fn into_path(self, a: u32, b: u32) -> u32 {
        self.0 + a + b
    }

    fn from_path(path: &str) -> Doc {
        Doc(path.len() as u32)
    }

    fn disable_cleanup() -> u32 {
        7
    }

    fn doubled(docs: Vec<Doc>) -> Vec<u32> {
        docs.into_iter().map(Self::keep).map(|n| n * 2).collect()
    }
}

trait Keeper {
    fn keep(self) -> u32;
}

impl Keeper for Doc {
    fn keep(self) -> u32 {
        self.0 + 100
    }
}

#[ephemeral_fs]
fn handle() -> std::io::Result<(Vec<u32>, PathBuf)> {
    let dir = TempDir::new()?;
    let root = dir.path().to_path_buf();
    let mut out: Vec<u32> = vec![Doc(1)].into_iter().map(Doc::keep).collect();
    let persist = Doc::persist;
    assert_eq!(persist(Doc(2), "noted"), "2 noted");
    let into_path = Doc::into_path;
    out.push(into_path(Doc(3), 1, 1));
    out.extend(["abcd"].into_iter().map(Doc::from_path).map(|d| d.0));
    out.push(Some(()).map(|()| Doc::disable_cleanup).unwrap()());
    out.extend(Doc::doubled(vec![Doc(6)]));
    out.extend(vec![Doc(8)].into_iter().map(<Doc as Keeper>::keep));
    std::fs::write(dir.path().join("a.txt"), b"scratch")?;
    Ok((out, root))
}

fn main() {
    let (out, root) = handle().unwrap();
    assert_eq!(out, [1, 5, 4, 7, 12, 108]);
    assert!(!root.exists(), "{} left behind", root.display());
}
