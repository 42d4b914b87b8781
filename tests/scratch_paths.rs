//! `TempDirExt::child` and `ScratchPath::child` refuse anything that could
//! leave the temp directory, and create nothing.

use std::io::ErrorKind;

use ephemeral_fs::TempDirExt;
use tempfile::TempDir;

fn entries(dir: &TempDir) -> usize {
    std::fs::read_dir(dir.path()).unwrap().count()
}

#[test]
fn refuses_escapes_with_invalid_input() {
    let dir = TempDir::new().unwrap();
    for bad in ["/etc/passwd", "../outside", "a/../../outside", "./a", ""] {
        let error = dir.child(bad).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidInput, "{bad:?}");
        assert!(
            error
                .to_string()
                .contains("relative path of normal components"),
            "{error}"
        );
    }
    let nested = dir.child("a").unwrap();
    for bad in ["..", "/abs", "b/../.."] {
        assert_eq!(
            nested.child(bad).unwrap_err().kind(),
            ErrorKind::InvalidInput,
            "{bad:?}"
        );
    }
    assert_eq!(entries(&dir), 0, "a refused child created something");
}

#[test]
fn accepts_normal_relative_paths_inside_the_dir() {
    let dir = TempDir::new().unwrap();
    let child = dir.child("uploads/2026/a.bin").unwrap();
    assert!(child.as_path().starts_with(dir.path()));
    assert_eq!(child.as_path(), dir.path().join("uploads/2026/a.bin"));
    // An inner `.` is no component at all: `a/./b` is `a/b`.
    assert_eq!(
        dir.child("a/./b").unwrap().as_path(),
        dir.path().join("a/b")
    );
    let nested = dir.child("uploads").unwrap().child("b.bin").unwrap();
    assert_eq!(nested.file_name().unwrap(), "b.bin");
    assert_eq!(entries(&dir), 0, "child() only names a path");
}
