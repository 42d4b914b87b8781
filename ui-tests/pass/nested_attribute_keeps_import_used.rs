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

fn main() {
    assert_eq!(handlers::stage(b"abc").unwrap(), b"abc");
    handlers::Worker.run().unwrap();
}
