// A leak function given a value that owns a temp handle through a
// `Result` (every tempfile constructor's), a `Pin`, a map, a list, a cell
// or a lock, or through their drains and iterators and the adapters over
// them, skips the handle's cleanup: each is refused.
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, LinkedList};
use std::sync::Mutex;

use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs::ephemeral_fs]
pub fn forgotten_results() {
    std::mem::forget(NamedTempFile::new());
    std::mem::forget(TempDir::new());
}

#[ephemeral_fs::ephemeral_fs]
pub fn forgotten_containers(tmp: NamedTempFile, dir: TempDir) -> std::io::Result<()> {
    std::mem::forget(Box::pin(tmp));
    let mut by_name = HashMap::new();
    by_name.insert("a", dir);
    std::mem::forget(by_name);
    let mut list = LinkedList::new();
    list.push_back(NamedTempFile::new()?);
    std::mem::forget(list);
    let mut sorted = BTreeMap::new();
    sorted.insert(1, TempDir::new()?);
    std::mem::forget(sorted);
    std::mem::forget(RefCell::new(NamedTempFile::new()?));
    std::mem::forget(Mutex::new(TempDir::new()?));
    Ok(())
}

#[ephemeral_fs::ephemeral_fs]
pub fn forgotten_iterators(
    mut by_name: HashMap<&'static str, TempDir>,
    mut files: Vec<NamedTempFile>,
    tmp: NamedTempFile,
    dir: TempDir,
) {
    std::mem::forget(by_name.drain());
    std::mem::forget([tmp].into_iter());
    std::mem::forget(std::iter::once(dir));
    std::mem::forget(files.drain(..).map(|tmp| tmp).peekable());
    std::mem::forget(files.splice(.., None));
    std::mem::forget(files.drain(..).enumerate().fuse());
}

#[ephemeral_fs::ephemeral_fs]
pub fn forgotten_shared_slices(files: Vec<NamedTempFile>, dirs: Vec<TempDir>) {
    let files: std::rc::Rc<[NamedTempFile]> = files.into();
    std::mem::forget(files);
    let dirs: std::sync::Arc<[TempDir]> = dirs.into();
    let _ = std::sync::Arc::into_raw(dirs);
}

fn main() {}
