use ephemeral_fs::ephemeral_fs;
use std::path::Path;
use tempfile::NamedTempFile;

/// The application's own cache builder, named like tempfile's.
struct Builder;

impl Builder {
    fn new() -> Builder {
        Builder
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

// Returning what `Builder::make` returns does not make it tempfile's, even
// when the chain reads `Builder::new()`.
#[ephemeral_fs]
fn fill() -> std::io::Result<()> {
    Builder::new().make(|path| std::fs::File::create(path))?;
    Ok(())
}

fn main() {}
