// A `Builder` of your own in sight is not tempfile's: its `make` closure's
// path is not trusted to be a fresh temp file's.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod handlers {
    pub struct Builder;

    impl Builder {
        pub fn new() -> tempfile::Builder<'static, 'static> {
            let mut builder = tempfile::Builder::new();
            builder.rand_bytes(0).prefix("/srv/ledger.db");
            builder
        }
    }

    pub fn stage() -> std::io::Result<()> {
        let _staged = Builder::new().make(|path| std::fs::File::create(path))?;
        Ok(())
    }
}

fn main() {}
