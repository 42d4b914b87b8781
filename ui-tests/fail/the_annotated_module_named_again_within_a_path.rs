// An alias of the annotated module is the module as it stands, also
// named after itself (`me::me::disk`); a name for a module above it is
// followed wherever it appears in a path; a `#[cfg]`'d alias of it is
// kept; a chain of re-exports between nested modules is followed to its
// end.
#[ephemeral_fs::ephemeral_fs]
mod handlers {
    #[allow(unused_imports)]
    use super::*;
    use self as me;
    use std::fs as disk;
    #[cfg(unix)]
    use super as up;

    mod util {
        pub(super) use crate as root;
    }

    pub mod x {
        pub mod p3 {
            pub use std::fs::write as save;
        }
        pub mod p2 {
            pub use super::super::y::q2::*;
        }
    }

    pub mod y {
        pub mod q2 {
            pub use super::super::x::p3::*;
        }
        pub mod q1 {
            pub use super::super::x::p2::*;
        }
    }

    pub fn aliases(body: &[u8]) -> std::io::Result<()> {
        me::me::disk::write("/var/uploads/a", body)?;
        handlers::handlers::disk::write("/var/uploads/b", body)?;
        up::handlers::up::handlers::disk::write("/var/uploads/c", body)?;
        util::root::handlers::disk::write("/var/uploads/d", body)
    }

    pub fn chain(body: &[u8]) -> std::io::Result<()> {
        y::q1::save("/var/uploads/e", body)
    }
}

fn main() {}
