// Names the resolver follows in sight: a glob of a parent of an fs module,
// a parenthesised type alias, an inline module's re-export, and `self::` or
// `super::` through the annotated module's own imports.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn parent_glob(p: &str) -> std::io::Result<()> {
    use std::os::unix::*;
    let _sock = net::UnixListener::bind(p)?;
    Ok(())
}

#[ephemeral_fs]
fn std_glob(p: &str) -> std::io::Result<()> {
    use std::*;
    let _sock = os::unix::net::UnixListener::bind(p)?;
    fs::write(p, b"persisted")
}

#[ephemeral_fs]
fn parenthesised_alias(p: &str) -> std::io::Result<()> {
    #[allow(unused_parens)]
    type F = (std::fs::File);
    F::create(p)?;
    Ok(())
}

#[ephemeral_fs]
fn inline_module_reexport(p: &str) -> std::io::Result<()> {
    mod m {
        pub use std::fs::write as save;
    }
    m::save(p, b"persisted")
}

#[ephemeral_fs]
mod handlers {
    use std::fs;

    pub fn through_self(p: &str) -> std::io::Result<()> {
        self::fs::write(p, b"persisted")
    }

    pub mod inner {
        pub fn through_super(p: &str) -> std::io::Result<()> {
            super::fs::write(p, b"persisted")
        }
    }
}

fn main() {}
