// The compiler evaluates the `#[cfg]`s inside an item only after the
// attribute has seen it, so the attribute cannot tell which alternative is
// compiled, and checks each: an fs import beside a `#[cfg]`'d stand-in
// for it is the fs one, a `#[cfg]`'d item hides nothing, and a `#[cfg]`'d
// `let` makes its names followed as neither value; the same under
// `#[cfg_attr(.., cfg(..))]`, and for the arms of `cfg_select!`.
use ephemeral_fs::ephemeral_fs;

pub mod testing {
    pub struct File;
    impl File {
        pub fn create(_p: &str) -> std::io::Result<File> {
            Ok(File)
        }
    }
}

#[ephemeral_fs]
mod handlers {
    #[cfg(test)]
    use crate::testing::File;
    #[cfg(not(test))]
    use std::fs::File;

    pub fn import(p: &str) -> std::io::Result<()> {
        File::create(p)?;
        Ok(())
    }
}

#[ephemeral_fs]
mod glob {
    use std::fs::*;

    #[cfg(test)]
    fn write(_p: &str, _body: &[u8]) -> std::io::Result<()> {
        Ok(())
    }

    pub fn item(p: &str) -> std::io::Result<()> {
        write(p, b"x")
    }
}

#[ephemeral_fs]
fn conditional_let(name: &str) -> std::io::Result<()> {
    let scratch = tempfile::TempDir::new()?;
    let target = format!("/srv/uploads/{name}");
    #[cfg(test)]
    let target = scratch.path().join("out.bin");
    std::fs::write(target, b"x")?;
    drop(scratch);
    Ok(())
}

#[ephemeral_fs]
fn conditional_builder(p: &str) -> std::io::Result<()> {
    let o = std::fs::OpenOptions::new().write(true).create(true).clone();
    #[cfg(test)]
    let o = std::fs::OpenOptions::new().read(true).clone();
    o.open(p)?;
    Ok(())
}

#[ephemeral_fs]
mod cfg_attr_import {
    #[cfg_attr(test, cfg(any()))]
    use std::fs::write as save;
    #[cfg(test)]
    use crate::testing::File as save;

    pub fn upload() -> std::io::Result<()> {
        save("/srv/uploads/a", b"x")
    }
}

#[ephemeral_fs]
fn cfg_attr_let(name: &str) -> std::io::Result<()> {
    let scratch = tempfile::TempDir::new()?;
    let target = format!("/srv/uploads/{name}");
    #[cfg_attr(not(test), cfg(any()))]
    let target = scratch.path().join("out.bin");
    std::fs::write(target, b"x")?;
    Ok(())
}

#[ephemeral_fs]
fn chosen_arm() -> std::io::Result<()> {
    cfg_select! {
        unix => { use std::fs::write as save; }
        _ => { use std::fs::write as save; }
    }
    save("/srv/uploads/b", b"x")
}

fn main() {}
