#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod handlers {
    use std::fs;
    use std::fs::write as save;

    use tempfile::NamedTempFile;

    pub fn upload(body: &[u8]) -> std::io::Result<Vec<u8>> {
        let tmp = NamedTempFile::new()?;
        save(&tmp, body)?;
        fs::read(&tmp)
    }

    pub mod admin {
        use std::fs::File;
        use std::io::Write;

        pub fn reset(body: &[u8]) -> std::io::Result<()> {
            let tmp = tempfile::NamedTempFile::new()?;
            File::create(&tmp)?.write_all(body)
        }
    }
}

fn main() {
    assert_eq!(handlers::upload(b"x").unwrap(), b"x");
    handlers::admin::reset(b"y").unwrap();
}
