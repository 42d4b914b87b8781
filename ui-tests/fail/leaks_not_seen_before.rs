// Cleanup skipped by a function the probes did not see: `MaybeUninit::new`
// never drops its content, a boxed slice owns its items, and a leak
// function taken as a value has no argument in sight; passed as an
// argument, it is checked as a call, by the type the callee gives it.
use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
fn maybe_uninit() -> std::io::Result<()> {
    let dir = TempDir::new()?;
    let _ = std::mem::MaybeUninit::new(dir);
    Ok(())
}

#[ephemeral_fs]
fn boxed_slice() -> std::io::Result<()> {
    let dir = TempDir::new()?;
    Box::leak(vec![dir].into_boxed_slice());
    Ok(())
}

#[ephemeral_fs]
fn forget_as_a_value() -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    let skip = std::mem::forget::<NamedTempFile>;
    skip(tmp);
    Ok(())
}

#[ephemeral_fs]
fn forget_as_an_argument() -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    let _ = Some(tmp).map(std::mem::forget);
    Ok(())
}

#[ephemeral_fs]
fn allowed() -> std::io::Result<()> {
    let dir = TempDir::new()?;
    #[ephemeral_fs::allow(temp_escape, reason = "the directory is handed to a worker that removes it")]
    let _ = std::mem::MaybeUninit::new(dir);
    Ok(())
}

fn main() {}
