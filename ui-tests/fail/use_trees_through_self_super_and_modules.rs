// `use` trees that start at `self::`, `super::` or an inline module in
// sight are followed: the names they import mean what they mean there,
// globs (`use super::*;`) and `{self as ..}` included, and an inline
// module's own imports through `super::`.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod handlers {
    use std::fs;
    use std::fs::File;

    pub mod uploads {
        use super::File;
        use super::fs;

        pub fn save(name: &str) -> std::io::Result<()> {
            fs::write(format!("/srv/uploads/{name}"), b"x")?;
            File::create("/srv/uploads/upload.log")?;
            Ok(())
        }
    }

    mod disk {
        pub use std::fs::write as save;
    }
    use self::fs as local_disk;
    use disk::save;

    pub fn through_module(name: &str) -> std::io::Result<()> {
        save(format!("/srv/uploads/{name}"), b"x")?;
        local_disk::write("/srv/uploads/b", b"x")
    }

    pub fn through_glob(name: &str) -> std::io::Result<()> {
        use self::disk::*;
        save(format!("/srv/uploads/glob-{name}"), b"x")
    }

    pub mod children {
        use super::*;
        use super::disk::{self as storage};

        pub fn from_the_parent() -> std::io::Result<()> {
            save("/srv/uploads/c", b"x")?;
            storage::save("/srv/uploads/d", b"x")
        }
    }

    pub(crate) use std::fs::write as put;

    pub mod blobs {
        pub(crate) use super::put as store;
    }

    pub fn reexported_through_super() -> std::io::Result<()> {
        blobs::store("/srv/uploads/e", b"x")
    }

    pub mod early {
        pub(crate) use super::late::save as save_bytes;
    }

    pub mod late {
        pub(crate) use std::fs::write as save;
    }

    pub fn through_a_later_sibling() -> std::io::Result<()> {
        early::save_bytes("/srv/uploads/g", b"x")
    }

    pub mod grandchild {
        use super::{self as parent};

        pub fn through_the_parent() -> std::io::Result<()> {
            parent::blobs::store("/srv/uploads/f", b"x")
        }
    }
}

fn main() {}
