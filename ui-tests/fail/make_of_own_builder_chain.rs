use ephemeral_fs::ephemeral_fs;
use std::path::Path;

struct Cache;

impl Cache {
    fn open() -> Cache {
        Cache
    }

    fn make<R>(&self, f: impl FnOnce(&Path) -> std::io::Result<R>) -> std::io::Result<R> {
        f(Path::new("/var/cache/app/entry"))
    }
}

// The receiver of `make` decides: only a `tempfile::Builder` hands its
// closure a temp file's path.
#[ephemeral_fs]
fn fill() -> std::io::Result<()> {
    Cache::open().make(|path| std::fs::File::create(path)).map(drop)
}

fn main() {}
