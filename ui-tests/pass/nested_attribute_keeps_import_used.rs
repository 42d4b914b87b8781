#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;

// The nested attribute is applied by the module's and removed; the import
// of its name must not turn unused.
#[ephemeral_fs]
mod handlers {
    use ephemeral_fs::ephemeral_fs;

    #[ephemeral_fs(deny(persistent_read))]
    pub fn stage(body: &[u8]) -> std::io::Result<Vec<u8>> {
        let tmp = tempfile::NamedTempFile::new()?;
        std::fs::write(&tmp, body)?;
        std::fs::read(&tmp)
    }

    pub struct Worker;

    impl Worker {
        #[ephemeral_fs]
        pub fn run(&self) -> std::io::Result<()> {
            let tmp = tempfile::NamedTempFile::new()?;
            std::fs::write(&tmp, b"x")
        }
    }
}

// In a body that ends in its value, the `use` that keeps the import used
// goes first, not after the value.
#[ephemeral_fs]
fn staged_len(body: &[u8]) -> std::io::Result<usize> {
    #[ephemeral_fs(warn(persistent_write))]
    fn helper() {}
    helper();
    let tmp = tempfile::NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    Ok(std::fs::read(tmp.path())?.len())
}

fn main() {
    assert_eq!(staged_len(b"abcd").unwrap(), 4);
    assert_eq!(handlers::stage(b"abc").unwrap(), b"abc");
    handlers::Worker.run().unwrap();
}
