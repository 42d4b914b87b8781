#![deny(warnings)]

// tempfile's escapes take their handle by value (`keep`, `persist`,
// `into_path`) or by `&mut` (`disable_cleanup`), so a `keep()` on a shared
// reference to a handle that compiles is a method of yours: it is not
// checked, written as a method, through a reborrow, by its path or as a
// value.
use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

trait Mark {
    fn keep(&self) -> bool;
}

impl Mark for NamedTempFile {
    fn keep(&self) -> bool {
        self.path().exists()
    }
}

#[ephemeral_fs]
fn marked(tmp: &NamedTempFile, all: &[NamedTempFile]) -> bool {
    let a = tmp.keep();
    let b = (&*tmp).keep();
    let c = Mark::keep(tmp);
    let d = all.iter().all(Mark::keep);
    a && b && c && d
}

fn main() {
    let tmp = NamedTempFile::new().unwrap();
    let all = vec![NamedTempFile::new().unwrap()];
    assert!(marked(&tmp, &all));
    let path = tmp.path().to_path_buf();
    drop(tmp);
    assert!(!path.exists(), "the temp file is still removed");
}
