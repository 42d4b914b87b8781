#![deny(warnings, unused_qualifications)]

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs(deny(persistent_read))]
fn stage(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut tmp = tempfile::NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    tmp.disable_cleanup(false);
    let read = std::fs::read;
    read(&tmp)
}

fn main() {
    assert_eq!(stage(b"abc").unwrap(), b"abc");
}
