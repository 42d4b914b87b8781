// In an annotated module, `super::handlers::..` and an import of the module
// by another name (`use self as me;`, `use super::handlers as again;`) name
// the module itself: what they lead to is checked as the same path written
// from inside is.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod handlers {
    use self as me;
    use super::handlers as again;
    use std::fs;
    use std::mem::forget;
    pub use std::fs::write as put;

    mod util {
        pub use std::fs::remove_file as remove;
    }

    pub fn through_super(body: &[u8]) -> std::io::Result<()> {
        super::handlers::fs::write("/var/uploads/a", body)
    }

    pub fn through_self_alias(body: &[u8]) -> std::io::Result<()> {
        me::put("/var/uploads/b", body)
    }

    pub fn through_super_alias() -> std::io::Result<()> {
        again::util::remove("/var/uploads/c")
    }

    pub fn forgotten() -> std::io::Result<()> {
        let tmp = tempfile::NamedTempFile::new()?;
        super::handlers::forget(tmp);
        Ok(())
    }
}

fn main() {}
