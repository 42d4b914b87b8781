#![deny(warnings)]

// A builder local's state belongs to its binding: a `let` that binds the
// name to another value ends it (the user's `TableBuilder::create` is not
// a `DirBuilder`'s), and a read-only local bound in an outer block is read
// again after an inner `let` that shadows it. `let w = w.write(true);`
// is the old `w`'s builder, with its flags: it opens a temp path.

use std::fs::OpenOptions;
use std::io::Read;

use ephemeral_fs::ephemeral_fs;

/// A database table builder of the application (not a filesystem builder).
struct TableBuilder {
    created: std::cell::RefCell<Vec<String>>,
}

impl TableBuilder {
    fn new() -> Self {
        TableBuilder {
            created: Default::default(),
        }
    }

    fn create(&self, name: &str) -> std::io::Result<()> {
        self.created.borrow_mut().push(name.to_owned());
        Ok(())
    }

    // A method, not a field: a name used other than as a receiver anywhere
    // in the body counts as a builder whose settings are out of sight.
    fn created(&self) -> Vec<String> {
        self.created.take()
    }
}

#[ephemeral_fs]
fn handler(
    table: &str,
    names: &[&str],
    source: &str,
) -> std::io::Result<(Vec<String>, String, bool)> {
    let dir = tempfile::TempDir::new()?;
    let builder = std::fs::DirBuilder::new();
    builder.create(dir.path().join("work"))?;
    let mut w = OpenOptions::new();
    let w = w.write(true).create(true);
    w.open(dir.path().join("made"))?;
    let made = dir.path().join("made").exists() && dir.path().join("work").is_dir();

    let builder = TableBuilder::new();
    builder.create(table)?;

    for name in names {
        builder.create(name)?;
    }
    let mut o = OpenOptions::new();
    o.read(true);
    {
        let mut o = OpenOptions::new();
        o.read(true);
    }
    let mut text = String::new();
    o.open(source)?.read_to_string(&mut text)?;
    let created = builder.created();
    Ok((created, text, made))
}

fn main() {
    let dir = tempfile::TempDir::new().unwrap();
    let source = dir.path().join("source");
    std::fs::write(&source, "kept").unwrap();
    let (created, text, made) = handler("uploads", &["a", "b"], source.to_str().unwrap()).unwrap();
    assert_eq!(created, ["uploads", "a", "b"]);
    assert_eq!(text, "kept");
    assert!(made, "the temp file and directory were made");
    let kept = dir.path().to_path_buf();
    drop(dir);
    assert!(!kept.exists(), "nothing is left behind");
}
