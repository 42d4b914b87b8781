#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn r#fn(body: &[u8]) -> std::io::Result<usize> {
    use std::fs::write as r#save;
    let r#tmp = NamedTempFile::new()?;
    r#save(&r#tmp, body)?;
    let r#match = std::fs::read(&tmp)?;
    Ok(r#match.len())
}

#[ephemeral_fs]
mod r#impl {
    use std::fs;

    pub struct r#Upload {
        pub r#type: &'static str,
    }

    impl r#Upload {
        pub fn r#move(&self, body: &[u8]) -> std::io::Result<Vec<u8>> {
            let r#dyn = tempfile::NamedTempFile::new()?;
            fs::write(&r#dyn, body)?;
            fs::write(r#dyn.path(), self.r#type)?;
            fs::read(&r#dyn)
        }
    }
}

fn main() {
    assert_eq!(r#fn(b"abc").unwrap(), 3);
    let upload = r#impl::Upload { r#type: "png" };
    assert_eq!(upload.r#move(b"x").unwrap(), b"png");
}
