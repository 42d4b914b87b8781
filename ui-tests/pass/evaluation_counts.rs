#![deny(warnings)]

// Every shape the data flow accepts evaluates the user's expressions as
// often as the code without the attribute: once. The owners here count
// their evaluations through `Index` and `Deref`, and the index moves on
// between a `let` and its use.

use std::cell::{Cell, RefCell};
use std::fs;
use std::ops::{Deref, Index};
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

/// Temp files that count how often they are indexed.
struct Counted<T> {
    items: Vec<T>,
    hits: Cell<u32>,
}

impl<T> Index<usize> for Counted<T> {
    type Output = T;

    fn index(&self, at: usize) -> &T {
        self.hits.set(self.hits.get() + 1);
        &self.items[at]
    }
}

/// A temp directory behind a pointer that counts its dereferences.
struct Guard<'a> {
    dir: &'a TempDir,
    hits: &'a Cell<u32>,
}

impl Deref for Guard<'_> {
    type Target = TempDir;

    fn deref(&self) -> &TempDir {
        self.hits.set(self.hits.get() + 1);
        self.dir
    }
}

struct State {
    work: TempDir,
}

/// A type of the user's with its own `keep`.
struct Session(u32);

impl Session {
    fn keep(&self) -> u32 {
        self.0
    }
}

/// A document of the user's with its own `persist`, and a log of the order
/// in which its receiver and its destination are evaluated.
struct Doc(u32);

impl Doc {
    fn persist(&self, key: &str) -> String {
        format!("{} as {key}", self.0)
    }
}

struct Logged<'a> {
    docs: Vec<Doc>,
    log: &'a RefCell<Vec<&'static str>>,
}

impl Index<usize> for Logged<'_> {
    type Output = Doc;

    fn index(&self, at: usize) -> &Doc {
        self.log.borrow_mut().push("receiver");
        &self.docs[at]
    }
}

impl Deref for Logged<'_> {
    type Target = Doc;

    fn deref(&self) -> &Doc {
        self.log.borrow_mut().push("receiver");
        &self.docs[0]
    }
}

fn counted<T>(items: Vec<T>) -> Counted<T> {
    Counted {
        items,
        hits: Cell::new(0),
    }
}

#[ephemeral_fs]
fn shapes(seen: &mut Vec<PathBuf>) -> std::io::Result<Vec<(&'static str, u32)>> {
    let mut counts = Vec::new();
    let files = counted(vec![NamedTempFile::new()?, NamedTempFile::new()?]);
    let dirs = counted(vec![TempDir::new()?, TempDir::new()?]);
    seen.extend(files.items.iter().map(|f| f.path().to_path_buf()));
    seen.extend(dirs.items.iter().map(|d| d.path().to_path_buf()));

    // Direct arguments.
    fs::write(files[0].path(), b"a")?;
    counts.push(("direct path", files.hits.replace(0)));
    fs::write(files[0].path().to_path_buf(), b"a")?;
    counts.push(("direct copy", files.hits.replace(0)));
    fs::write(dirs[0].path().join("a.txt"), b"a")?;
    counts.push(("direct join", dirs.hits.replace(0)));
    fs::write(&dirs[0].path().join("b").join("c.txt").to_path_buf(), b"a")
        .unwrap_err();
    counts.push(("direct joins", dirs.hits.replace(0)));

    // Locals, with the index moving on before the use.
    let mut next = 0;
    let borrowed = files[next].path();
    next += 1;
    fs::write(borrowed, b"b")?;
    counts.push(("local path", files.hits.replace(0)));
    let copied = files[next].path().to_path_buf();
    next += 1;
    fs::write(&copied, b"c")?;
    counts.push(("local copy", files.hits.replace(0)));
    assert_eq!(next, 2);
    let mut at = 0;
    let joined = dirs[at].path().join("d.txt");
    at += 1;
    fs::write(&joined, b"d")?;
    counts.push(("local join", dirs.hits.replace(0)));
    let base = dirs[at].path();
    at += 1;
    let again = base.join("e.txt");
    let same = again;
    fs::write(&same, b"e")?;
    fs::write(base.join("f.txt"), b"f")?;
    counts.push(("locals from a local", dirs.hits.replace(0)));
    assert_eq!(at, 2);

    // Through a pointer of the user's.
    let hits = Cell::new(0);
    let dir = TempDir::new()?;
    seen.push(dir.path().to_path_buf());
    let guard = Guard {
        dir: &dir,
        hits: &hits,
    };
    fs::write((*guard).path().join("g.txt"), b"g")?;
    counts.push(("direct deref", hits.replace(0)));
    let under = (*guard).path().join("h.txt");
    fs::write(under, b"h")?;
    counts.push(("local deref", hits.replace(0)));

    // A field.
    let state = State {
        work: TempDir::new()?,
    };
    seen.push(state.work.path().to_path_buf());
    fs::write(state.work.path().join("i.txt"), b"i")?;

    // `persist` into a temp directory, its owner indexed.
    let staged = NamedTempFile::new()?;
    let kept = staged.persist(dirs[1].path().join("kept.txt"))?;
    drop(kept);
    counts.push(("persist destination", dirs.hits.replace(0)));
    assert!(dirs.items[1].path().join("kept.txt").exists());

    // An escape method of the user's own type, on an indexed receiver.
    let sessions = counted(vec![Session(7)]);
    assert_eq!(sessions[0].keep(), 7);
    counts.push(("own keep", sessions.hits.replace(0)));

    // `persist` of the user's own type: the receiver's place (an index, a
    // user `Deref`) is evaluated before the destination, as without the
    // attribute.
    let log = RefCell::new(Vec::new());
    let docs = Logged {
        docs: vec![Doc(1), Doc(2)],
        log: &log,
    };
    let mut at = 0;
    let key = docs[at].persist({
        log.borrow_mut().push("destination");
        at += 1;
        "k"
    });
    assert_eq!((key.as_str(), at), ("1 as k", 1));
    assert_eq!(log.replace(Vec::new()), ["receiver", "destination"]);
    let key = (*docs).persist({
        log.borrow_mut().push("destination");
        "d"
    });
    assert_eq!(key, "1 as d");
    assert_eq!(log.replace(Vec::new()), ["receiver", "destination"]);
    let key = docs.persist({
        log.borrow_mut().push("destination");
        "a"
    });
    assert_eq!(key, "1 as a");
    assert_eq!(log.replace(Vec::new()), ["receiver", "destination"]);

    assert_eq!(fs::read(dirs.items[0].path().join("d.txt"))?, b"d");
    assert_eq!(fs::read(dirs.items[1].path().join("f.txt"))?, b"f");
    assert_eq!(fs::read(files.items[1].path())?, b"c");
    Ok(counts)
}

fn main() {
    let mut seen = Vec::new();
    let counts = shapes(&mut seen).unwrap();
    for (shape, count) in &counts {
        assert_eq!(*count, 1, "{shape} evaluated its owner {count} times");
    }
    assert_eq!(counts.len(), 12);
    for path in seen {
        assert!(!path.exists(), "{} was left behind", path.display());
    }
}
