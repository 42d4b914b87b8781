// A `make` or `make_in` whose names may not be fresh (fewer than 6 random
// characters, a prefix that is no plain literal, a builder local whose
// settings may be out of sight) hands back a `NamedTempFile` of whatever
// path the closure left: an existing file, which dropping the handle
// deletes. Refused by the type the call returns, whatever the closure
// does with its path, and when it is no closure at all.
use ephemeral_fs::ephemeral_fs;
use std::io;
use std::path::Path;
use tempfile::Builder;

fn noop(_: &Path) -> io::Result<()> {
    Ok(())
}

#[ephemeral_fs]
pub fn adopts_an_existing_file(dir: &Path, body: &[u8]) -> io::Result<()> {
    let staged = Builder::new()
        .rand_bytes(0)
        .prefix("records.db")
        .make_in(dir, |_| Ok(()))?;
    std::fs::write(&staged, body)?;
    Ok(())
}

#[ephemeral_fs]
pub fn function_value(dir: &Path) -> io::Result<()> {
    let _staged = Builder::new().rand_bytes(0).prefix("records.db").make_in(dir, noop)?;
    Ok(())
}

#[ephemeral_fs]
pub fn read_only_closure(dir: &Path, name: &str) -> io::Result<()> {
    let _staged = Builder::new().prefix(name).make_in(dir, |path| path.metadata())?;
    Ok(())
}

#[ephemeral_fs]
pub fn builder_local(builder: &Builder) -> io::Result<()> {
    let _staged = builder.make(|_path| Ok(()))?;
    Ok(())
}

fn main() {}
