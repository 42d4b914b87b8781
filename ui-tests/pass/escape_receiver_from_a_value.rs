#![deny(warnings)]

// Receivers that start from a value (`(doc,).0`, `*Box::new(doc)`,
// `make().field`) or hold a call (`docs[next()]`): a type of the user's
// with its own `keep` and `persist` compiles and runs as without the
// attribute, each receiver evaluated once. Temp files reached the same way
// are used and removed.

use std::cell::Cell;
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

/// A type of the user's with its own escape-like methods.
struct Doc(u32);

impl Doc {
    fn keep(self) -> u32 {
        self.0
    }

    fn persist(&self, note: &str) -> String {
        format!("{} {note}", self.0)
    }
}

struct Pair {
    doc: Doc,
}

fn make(calls: &Cell<u32>, n: u32) -> Pair {
    calls.set(calls.get() + 1);
    Pair { doc: Doc(n) }
}

fn next(calls: &Cell<u32>) -> usize {
    calls.set(calls.get() + 1);
    0
}

#[ephemeral_fs]
fn handle(calls: &Cell<u32>) -> std::io::Result<(Vec<String>, PathBuf, PathBuf)> {
    let mut out = Vec::new();
    out.push((Doc(1),).0.keep().to_string());
    out.push((*Box::new(Doc(2))).keep().to_string());
    out.push(make(calls, 3).doc.keep().to_string());
    out.push(make(calls, 4).doc.persist("noted"));
    let docs = [Doc(5)];
    out.push(docs[next(calls)].persist("indexed"));
    // Temp handles reached the same way, used without an escape.
    let tmp = NamedTempFile::new()?;
    let dir = TempDir::new()?;
    let (file, root) = ((tmp,).0.path().to_path_buf(), (*Box::new(&dir)).path().to_path_buf());
    assert!(!file.exists(), "the tuple's temp file is dropped with it");
    std::fs::write(dir.path().join("a.txt"), b"scratch")?;
    Ok((out, file, root))
}

fn main() {
    let calls = Cell::new(0);
    let (out, file, root) = handle(&calls).unwrap();
    assert_eq!(out, ["1", "2", "3", "4 noted", "5 indexed"]);
    assert_eq!(calls.get(), 3, "each receiver is evaluated once");
    assert!(!file.exists(), "{} left behind", file.display());
    assert!(!root.exists(), "{} left behind", root.display());
}
