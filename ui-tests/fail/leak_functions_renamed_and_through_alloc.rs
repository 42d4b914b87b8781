// Leak functions are known by what they resolve to, not by their written
// name: renamed by an import or an alias in sight, or spelled through
// `alloc`, whose `Box`, `Vec` and `Arc` are std's.
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

fn main() {}
