#![deny(warnings)]

use std::fs;
use std::io::Write;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
trait Handler {
    fn body(&self) -> &[u8];

    fn stage(&self) -> std::io::Result<NamedTempFile> {
        let tmp = NamedTempFile::new()?;
        fs::write(&tmp, self.body())?;
        Ok(tmp)
    }
}

struct Echo(Vec<u8>);

#[ephemeral_fs]
impl Handler for Echo {
    fn body(&self) -> &[u8] {
        &self.0
    }

    fn stage(&self) -> std::io::Result<NamedTempFile> {
        let mut tmp = NamedTempFile::new()?;
        tmp.write_all(&self.0)?;
        fs::File::create(&tmp)?.write_all(b"echo")?;
        Ok(tmp)
    }
}

struct Plain;

impl Handler for Plain {
    fn body(&self) -> &[u8] {
        b"plain"
    }
}

fn main() {
    assert_eq!(fs::read(Echo(vec![1]).stage().unwrap()).unwrap(), b"echo");
    assert_eq!(fs::read(Plain.stage().unwrap()).unwrap(), b"plain");
}
