#![deny(warnings)]

// Documented limit, pinned: `mem::forget` and the like are probed for the
// temp handles a value owns directly or through std's containers, cells,
// locks and pointers (`forget_of_handles_in_results_and_maps`). A handle
// owned any other way is not seen: in a tuple, in a `Result`'s `Err`,
// captured by a closure, behind `dyn Any`, behind an `impl Trait`, or as a generic helper's
// parameter, even in the annotated module. Each file below stays.

use std::any::Any;
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod handlers {
    use super::*;
    use tempfile::NamedTempFile;

    fn discard<T>(value: T) {
        std::mem::forget(value)
    }

    fn erase(tmp: NamedTempFile) -> impl Sized {
        tmp
    }

    fn staged() -> std::io::Result<(NamedTempFile, PathBuf)> {
        let tmp = NamedTempFile::new()?;
        let path = tmp.path().to_path_buf();
        Ok((tmp, path))
    }

    pub fn forget_all() -> std::io::Result<Vec<PathBuf>> {
        let mut paths = Vec::new();
        let (tmp, path) = staged()?;
        std::mem::forget((tmp, 0u8));
        paths.push(path);
        let (tmp, path) = staged()?;
        let holder = move || {
            let _ = &tmp;
        };
        std::mem::forget(holder);
        paths.push(path);
        let (tmp, path) = staged()?;
        std::mem::forget(Err::<(), _>(tmp));
        paths.push(path);
        let (tmp, path) = staged()?;
        let erased: Box<dyn Any> = Box::new(tmp);
        Box::leak(erased);
        paths.push(path);
        let (tmp, path) = staged()?;
        std::mem::forget(erase(tmp));
        paths.push(path);
        let (tmp, path) = staged()?;
        discard(tmp);
        paths.push(path);
        Ok(paths)
    }
}

fn main() {
    let paths = handlers::forget_all().unwrap();
    assert_eq!(paths.len(), 6);
    for path in paths {
        // Today's behaviour: the file stays.
        assert!(path.exists(), "{} was removed", path.display());
        std::fs::remove_file(&path).unwrap();
    }
}
