#![deny(warnings)]

use std::fs::{File, OpenOptions};
use std::io::Write;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn stage_upload(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let tmp = NamedTempFile::new()?;
    File::create(&tmp)?.write_all(body)?;
    let mut file = OpenOptions::new().append(true).open(&tmp)?;
    file.write_all(b"!")?;
    let mut opts = File::options();
    opts.write(true);
    opts.open(&tmp)?.write_all(b"R")?;
    std::fs::read(&tmp)
}

#[ephemeral_fs]
fn overwrite(body: &str) -> std::io::Result<String> {
    let mut tmp = NamedTempFile::new()?;
    std::fs::write(&mut tmp, body)?;
    std::fs::read_to_string(tmp)
}

fn main() {
    assert_eq!(stage_upload(b"report").unwrap(), b"Report!");
    assert_eq!(overwrite("notes").unwrap(), "notes");
}
