#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

struct Uploads {
    staged: Vec<NamedTempFile>,
}

impl Uploads {
    #[ephemeral_fs]
    fn stage(&mut self, body: &[u8]) -> std::io::Result<usize> {
        let tmp = NamedTempFile::new()?;
        std::fs::write(&tmp, body)?;
        self.staged.push(tmp);
        Ok(self.staged.len())
    }

    #[ephemeral_fs(deny(persistent_read))]
    fn total(&self) -> std::io::Result<u64> {
        self.staged.iter().map(|tmp| Ok(std::fs::metadata(tmp)?.len())).sum()
    }
}

fn main() {
    let mut uploads = Uploads { staged: Vec::new() };
    assert_eq!(uploads.stage(b"abc").unwrap(), 1);
    assert_eq!(uploads.total().unwrap(), 3);
}
