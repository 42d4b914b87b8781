use ephemeral_fs::ephemeral_fs;
use std::path::Path;

/// The application's own cache builder, named like tempfile's.
struct Builder;

impl Builder {
    fn new() -> Builder {
        Builder
    }

    fn make<R>(&self, f: impl FnOnce(&Path) -> std::io::Result<R>) -> std::io::Result<R> {
        f(Path::new("/var/cache/app/entry"))
    }
}

// The receiver's type decides: only a `tempfile::Builder` hands its
// closure a temp file's path, even when the chain reads `Builder::new()`.
#[ephemeral_fs]
fn fill() -> std::io::Result<()> {
    Builder::new().make(|path| std::fs::File::create(path)).map(drop)
}

fn main() {}
