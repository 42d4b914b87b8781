use ephemeral_fs::ephemeral_fs;
use std::io::Write;
use tempfile::NamedTempFile;

// The owner of a path local stays borrowed from the `let` to the last use,
// so that nothing replaces it meanwhile: a `&mut self` method on it, even
// `write_all`, is a borrow error. Write through `&staged` (or
// `staged.as_file()`), or take the copy after writing.
#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<()> {
    let mut staged = NamedTempFile::new()?;
    let copy = staged.path().to_path_buf();
    staged.write_all(body)?;
    std::fs::write(&copy, body)
}

fn main() {}
