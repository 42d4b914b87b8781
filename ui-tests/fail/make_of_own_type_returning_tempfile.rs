use ephemeral_fs::ephemeral_fs;
use std::path::Path;
use tempfile::NamedTempFile;

struct Cache;

impl Cache {
    fn open() -> Cache {
        Cache
    }

    fn make<R>(
        &self,
        f: impl FnOnce(&Path) -> std::io::Result<R>,
    ) -> std::io::Result<NamedTempFile<R>> {
        let made = f(Path::new("/var/cache/app/entry"))?;
        let (_, path) = NamedTempFile::new()?.into_parts();
        Ok(NamedTempFile::from_parts(made, path))
    }
}

// Returning what `Builder::make` returns does not make it tempfile's.
#[ephemeral_fs]
fn fill() -> std::io::Result<()> {
    Cache::open().make(|path| std::fs::File::create(path))?;
    Ok(())
}

fn main() {}
