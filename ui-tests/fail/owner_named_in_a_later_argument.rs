// A path taken from a temp handle, then an argument after it that drops
// the handle: it runs before the call, and the call would make the file
// again where nothing removes it. The handle, or the variable it is in,
// stays borrowed until the call has run, so moving it there is a borrow
// error, through a reference too.
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

pub struct Staging {
    upload: NamedTempFile,
}

impl Staging {
    fn into_body(self) -> Vec<u8> {
        transcode(self.upload).unwrap_or_default()
    }
}

#[ephemeral_fs]
fn in_a_field(staging: Staging) -> std::io::Result<()> {
    std::fs::write(staging.upload.path().to_owned(), staging.into_body())
}

#[ephemeral_fs]
fn through_a_dereference(upload: NamedTempFile) -> std::io::Result<()> {
    let r = &upload;
    std::fs::write((*r).path().to_path_buf(), {
        drop(upload);
        b"body"
    })
}

#[ephemeral_fs]
fn in_a_field_through_a_reference(staging: Staging) -> std::io::Result<()> {
    let s = &staging;
    std::fs::write(s.upload.path().to_path_buf(), staging.into_body())
}

fn main() {}
