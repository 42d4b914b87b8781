// A path taken from a temp handle, then an argument after it that drops
// the handle: it runs before the call, and the call would make the file
// again where nothing removes it. The handle, written as a name or held by
// a path local, stays borrowed until the call has run, so moving it there
// is a borrow error, through a reference too.
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

#[ephemeral_fs]
fn through_a_reference(upload: NamedTempFile) -> std::io::Result<()> {
    let staged = &upload;
    std::fs::write(staged.path().to_owned(), {
        drop(upload);
        b"body"
    })
}

// A later argument that is itself a checked path may still drop the
// handle on its way there.
#[ephemeral_fs]
fn checked_later_argument(dir: tempfile::TempDir, links: &tempfile::TempDir) -> std::io::Result<()> {
    use ephemeral_fs::TempDirExt;
    std::os::unix::fs::symlink(dir.path().join("a"), {
        drop(dir);
        links.child("l")?
    })
}

fn main() {}
