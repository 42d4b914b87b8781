// A glob of a module brings only what that module makes visible to the
// importer: a private `fn write`, `use .. write`, `mod fs`, `struct File`,
// `fn forget`, or a `pub(in ..)` one, hides nothing, and the name stays
// std's, as for rustc. A `pub(in ..)` re-export of an operation, whose
// reach the attribute does not work out, is taken to be brought, through
// one glob or two.
#[allow(dead_code, unused_imports)]
#[ephemeral_fs::ephemeral_fs]
mod handlers {
    use std::fs;
    use std::fs::*;
    use std::mem::forget;

    pub mod store {
        pub fn write(_p: &str, _b: &[u8]) -> std::io::Result<()> {
            Ok(())
        }
    }

    mod helpers {
        fn write(_p: &str, _b: &[u8]) -> std::io::Result<()> {
            Ok(())
        }
        use super::store::write as save;
        mod fs {
            pub fn write(_p: &str, _b: &[u8]) -> std::io::Result<()> {
                Ok(())
            }
        }
        struct File;
        fn forget<T>(_t: T) {}
        pub fn log(_m: &str) {}
    }

    mod restricted {
        pub(in crate::handlers::restricted) fn write(_p: &str, _b: &[u8]) -> std::io::Result<()> {
            Ok(())
        }
        pub fn log(_m: &str) {}
    }

    mod imports {
        use super::store::write;
        pub fn log(_m: &str) {}
    }

    mod narrow {
        pub(in crate::handlers) use std::fs::write as save;
        pub mod deeper {
            pub(in super::super) use std::fs::write as store;
        }
        pub(in crate::handlers) use self::deeper::*;
    }

    use self::helpers::*;
    use self::narrow::*;

    pub fn a_private_function(body: &[u8]) -> std::io::Result<()> {
        log("a");
        write("/var/uploads/a", body)
    }

    pub fn a_private_import(body: &[u8]) -> std::io::Result<()> {
        use self::imports::*;
        write("/var/uploads/b", body)
    }

    pub fn a_private_module(body: &[u8]) -> std::io::Result<()> {
        fs::write("/var/uploads/c", body)
    }

    pub fn a_private_type() -> std::io::Result<std::fs::File> {
        File::create("/var/uploads/d")
    }

    pub fn a_private_leak_function() -> std::io::Result<()> {
        forget(tempfile::NamedTempFile::new()?);
        Ok(())
    }

    pub fn narrowly(body: &[u8]) -> std::io::Result<()> {
        save("/var/uploads/f", body)?;
        store("/var/uploads/g", body)
    }

    pub fn restricted_to_its_module(body: &[u8]) -> std::io::Result<()> {
        use self::restricted::*;
        write("/var/uploads/e", body)
    }
}

pub fn re_exported_narrowly(body: &[u8]) -> std::io::Result<()> {
    handlers::narrowly(body)
}

fn main() {}
