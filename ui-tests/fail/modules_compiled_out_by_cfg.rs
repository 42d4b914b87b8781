// A `#[cfg]`'d inline module may be compiled out, and its name then means
// what it would without it: a test double `mod fs` beside `std::fs` is
// checked as `std::fs`, in a module (through a glob of its parent) and in a
// body, also under `cfg_attr(.., cfg(..))`. A `#[macro_use]` added by
// `cfg_attr` brings the module's macros into scope as the plain one does.
use ephemeral_fs::ephemeral_fs;
use std::fs;

#[ephemeral_fs]
mod handlers {
    use super::*;

    #[cfg(test)]
    mod fs {
        pub fn write(_: String, _: &[u8]) -> std::io::Result<()> {
            Ok(())
        }
    }

    pub fn save_upload(name: &str, body: &[u8]) -> std::io::Result<()> {
        fs::write(format!("/srv/uploads/{name}"), body)
    }
}

#[ephemeral_fs]
fn in_a_body(body: &[u8]) -> std::io::Result<()> {
    #[cfg(any())]
    mod fs {
        pub fn write(_: &str, _: &[u8]) -> std::io::Result<()> {
            Ok(())
        }
    }
    fs::write("/srv/uploads/a", body)
}

#[ephemeral_fs]
fn under_cfg_attr(body: &[u8]) -> std::io::Result<()> {
    #[cfg_attr(all(), cfg(any()))]
    mod fs {
        pub fn write(_: &str, _: &[u8]) -> std::io::Result<()> {
            Ok(())
        }
    }
    fs::write("/srv/uploads/b", body)
}

#[ephemeral_fs]
mod macro_use_by_cfg_attr {
    use tempfile::TempDir;

    #[cfg_attr(all(), macro_use)]
    mod debug {
        macro_rules! println {
            ($p:ident) => {
                let $p = std::path::PathBuf::from("/srv/uploads/c");
            };
        }
    }

    pub fn handle(body: &[u8]) -> std::io::Result<()> {
        let dir = TempDir::new()?;
        let p = dir.path().join("x.txt");
        println!(p);
        std::fs::write(p, body)
    }
}

fn main() {}
