// A `macro_rules!` named like std's is the call's wherever rustc's textual
// scope brings it: after a `#[macro_use]` module that defines it, and in
// the inline modules declared after it. Its arguments are then checked as
// code, since it may run them.
#[ephemeral_fs::ephemeral_fs]
mod handlers {
    #[macro_use]
    mod macros {
        macro_rules! stringify {
            ($($t:tt)*) => {{ $($t)* }};
        }
    }

    pub fn through_macro_use(body: &[u8]) -> std::io::Result<()> {
        stringify!(std::fs::write("/var/uploads/a", body))
    }

    macro_rules! concat {
        ($($t:tt)*) => {{ $($t)* }};
    }

    pub mod uploads {
        pub fn into_a_later_module(body: &[u8]) -> std::io::Result<()> {
            concat!(std::fs::write("/var/uploads/b", body))
        }
    }
}

fn main() {}
