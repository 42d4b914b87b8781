#![deny(warnings)]

// A limit, pinned: a path taken from a temp handle written as a longer
// place (`staging.upload.path()`, `(*r).path()`) is checked where it is
// evaluated, and the place is not borrowed again until the call has run
// (a `Deref` of yours on the way would run twice, and a closure would
// capture more than the place). An argument after it that drops the
// handle lets the call make the file again where nothing removes it.
// Evaluate such an argument in a `let` before the call. If the attribute
// comes to refuse this shape, this case fails and moves to the
// compile-fail cases.
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

pub struct Staging {
    upload: NamedTempFile,
}

fn finish(staging: Staging) -> Vec<u8> {
    drop(staging);
    b"body".to_vec()
}

#[ephemeral_fs]
fn in_a_field(staging: Staging) -> std::io::Result<()> {
    let s = &staging;
    std::fs::write(s.upload.path().to_path_buf(), finish(staging))
}

#[ephemeral_fs]
fn through_a_dereference(upload: NamedTempFile) -> std::io::Result<()> {
    let r = &upload;
    std::fs::write((*r).path().to_path_buf(), {
        drop(upload);
        b"body"
    })
}

fn main() {
    let staging = Staging {
        upload: NamedTempFile::new().unwrap(),
    };
    let first: PathBuf = staging.upload.path().to_path_buf();
    in_a_field(staging).unwrap();
    let upload = NamedTempFile::new().unwrap();
    let second: PathBuf = upload.path().to_path_buf();
    through_a_dereference(upload).unwrap();
    let left = [first.exists(), second.exists()];
    for path in [&first, &second] {
        let _ = std::fs::remove_file(path);
    }
    assert_eq!(left, [true; 2], "the limit changed: move this case");
}
