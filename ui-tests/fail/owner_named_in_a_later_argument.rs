// A path taken from a temp handle, then an argument after it that names
// the handle: it runs before the call and may drop the handle, and the
// call would make the file again where nothing removes it.
use std::io::Read;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

fn transcode(mut staged: NamedTempFile) -> std::io::Result<Vec<u8>> {
    let mut body = Vec::new();
    staged.read_to_end(&mut body)?;
    Ok(body.to_ascii_uppercase())
}

#[ephemeral_fs]
fn inline(upload: NamedTempFile) -> std::io::Result<()> {
    std::fs::write(upload.path().to_owned(), transcode(upload)?)
}

#[ephemeral_fs]
fn through_a_local(upload: NamedTempFile) -> std::io::Result<()> {
    let staged = upload.path().to_path_buf();
    std::fs::write(&staged, transcode(upload)?)
}

fn main() {}
