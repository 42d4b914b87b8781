#![deny(warnings)]

use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

struct Exporter;

#[ephemeral_fs]
impl Exporter {
    fn stage(&self, body: &[u8]) -> std::io::Result<NamedTempFile> {
        let tmp = NamedTempFile::new()?;
        std::fs::write(&tmp, body)?;
        Ok(tmp)
    }

    #[ephemeral_fs(allow(temp_escape))]
    fn export(&self, body: &[u8]) -> std::io::Result<PathBuf> {
        let (_file, path) = self.stage(body)?.keep()?;
        Ok(path)
    }
}

fn main() {
    let path = Exporter.export(b"csv").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"csv");
    std::fs::remove_file(path).unwrap();
}
