// A path that leaves the annotated module further up, or through a name
// for a module above it (`use super as up;`, `use crate as root;`,
// `extern crate self as krate;`), and comes back by the module's own name
// is followed from that name on, as a `crate::` path is. So is the
// module's own name brought by a glob of its parent's names.
mod web {
    #[ephemeral_fs::ephemeral_fs]
    pub mod handlers {
        #[allow(unused_imports)]
        use super::*;
        use super as up;
        use crate as root;
        extern crate self as krate;
        use std::fs;
        use std::mem;

        pub fn further_up(body: &[u8]) -> std::io::Result<()> {
            super::super::web::handlers::fs::write("/var/uploads/a", body)
        }

        pub fn through_names_above(body: &[u8]) -> std::io::Result<()> {
            up::handlers::fs::write("/var/uploads/b", body)?;
            root::web::handlers::fs::write("/var/uploads/c", body)?;
            krate::web::handlers::fs::remove_file("/var/uploads/d")
        }

        pub fn by_its_own_name(body: &[u8]) -> std::io::Result<()> {
            handlers::fs::write("/var/uploads/e", body)
        }

        pub fn forgotten() -> std::io::Result<()> {
            let tmp = tempfile::NamedTempFile::new()?;
            up::handlers::mem::forget(tmp);
            Ok(())
        }
    }
}

fn main() {}
