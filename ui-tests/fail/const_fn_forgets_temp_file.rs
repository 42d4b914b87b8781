use ephemeral_fs::ephemeral_fs;

// A `const fn` runs at run time too: its `mem::forget` and
// `ManuallyDrop::new`, which are `const`, are checked as elsewhere.
#[ephemeral_fs]
mod handlers {
    use std::mem::ManuallyDrop;
    use tempfile::{NamedTempFile, TempDir};

    const fn discard(t: NamedTempFile) {
        std::mem::forget(t)
    }

    pub const fn hold(dir: TempDir) -> ManuallyDrop<TempDir> {
        ManuallyDrop::new(dir)
    }

    pub fn handler() -> std::io::Result<()> {
        discard(NamedTempFile::new()?);
        Ok(())
    }
}

fn main() {}
