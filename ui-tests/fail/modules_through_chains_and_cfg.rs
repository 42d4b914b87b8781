// Inline modules are read until nothing new comes of them: a chain of
// re-exports through `super::` (`a` from `b`, `b` from `c`), a `#[cfg]`'d
// module (its alternatives merged, each name keeping its stricter
// meaning), and a `#[cfg]`'d import of a module that leads to the
// filesystem (`#[cfg(unix)] use self::unix as imp;`), and a sibling's
// re-export reached through `crate::` or, from a nested module, through
// `super::super::`.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod handlers {
    mod a {
        pub use super::b::save;
    }
    mod b {
        pub use super::c::save;
    }
    mod c {
        pub use std::fs::write as save;
    }

    pub fn chain(name: &str) -> std::io::Result<()> {
        a::save(format!("/srv/uploads/{name}"), b"x")
    }

    #[cfg(unix)]
    mod platform {
        pub use std::fs::write as save;
    }
    #[cfg(not(unix))]
    mod platform {
        pub fn save(_: String, _: &[u8]) -> std::io::Result<()> {
            Ok(())
        }
    }

    pub fn alternatives(name: &str) -> std::io::Result<()> {
        platform::save(format!("/srv/uploads/{name}"), b"x")
    }

    #[allow(dead_code)]
    mod unix {
        pub use std::fs::write as save;
    }
    #[allow(dead_code)]
    mod fallback {
        pub fn save(_: String, _: &[u8]) -> std::io::Result<()> {
            Ok(())
        }
    }
    #[cfg(unix)]
    use self::unix as imp;
    #[cfg(not(unix))]
    use self::fallback as imp;

    pub fn imported(name: &str) -> std::io::Result<()> {
        imp::save(format!("/srv/uploads/{name}"), b"x")
    }

    pub mod store {
        pub use crate::handlers::disk::save as put;
    }
    pub mod api {
        pub mod v1 {
            pub use super::super::disk::save as put;
        }
    }
    pub mod disk {
        pub use std::fs::write as save;
    }

    pub fn through_crate(name: &str) -> std::io::Result<()> {
        store::put(format!("/srv/uploads/{name}"), b"x")
    }

    pub fn nested(name: &str) -> std::io::Result<()> {
        api::v1::put(format!("/srv/uploads/{name}"), b"x")
    }
}

fn main() {}
