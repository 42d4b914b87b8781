// Leak functions are known by what they resolve to, not by their written
// name: renamed by an import or an alias in sight, reached through
// `self::`, `super::` or an inline module, or spelled through `alloc`,
// whose `Box`, `Vec` and `Arc` are std's; and `Vec::leak` as a method.
extern crate alloc;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
fn renamed() -> std::io::Result<()> {
    use std::mem::ManuallyDrop as Held;
    use std::mem::forget as discard;
    type Hold<T> = std::mem::ManuallyDrop<T>;
    discard(NamedTempFile::new()?);
    let _held = Held::new(TempDir::new()?);
    let _hold = Hold::new(TempDir::new()?);
    Ok(())
}

#[ephemeral_fs]
fn through_alloc() -> std::io::Result<()> {
    let _ = alloc::boxed::Box::leak(Box::new(NamedTempFile::new()?));
    let _ = alloc::sync::Arc::into_raw(std::sync::Arc::new(TempDir::new()?));
    let _ = alloc::vec::Vec::leak(vec![NamedTempFile::new()?]);
    Ok(())
}

#[ephemeral_fs]
mod handlers {
    use std::mem::forget as drop_later;

    mod util {
        pub use std::mem::forget as discard;
    }

    pub fn through_modules() -> std::io::Result<()> {
        self::drop_later(tempfile::NamedTempFile::new()?);
        util::discard(tempfile::NamedTempFile::new()?);
        Ok(())
    }

    pub mod inner {
        pub fn through_super() -> std::io::Result<()> {
            super::drop_later(tempfile::NamedTempFile::new()?);
            Ok(())
        }
    }
}

#[ephemeral_fs]
fn method_form() -> std::io::Result<()> {
    let uploads = vec![NamedTempFile::new()?];
    let _ = uploads.leak();
    let _ = vec![TempDir::new()?].leak();
    let names = vec!["a".to_owned()];
    let _ = names.leak();
    Ok(())
}

fn main() {}
