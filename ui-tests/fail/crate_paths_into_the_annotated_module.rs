// A `crate::` path that comes back into the annotated module is followed
// from the module's name on, in an expression and in a `use` tree: the
// macro does not know where in the crate the module is, so the segments
// before its name are skipped.
mod web {
    use ephemeral_fs::ephemeral_fs;

    #[ephemeral_fs]
    pub mod handlers {
        pub mod util {
            pub use std::fs::write as put;
        }

        pub mod api {
            use crate::web::handlers::util::put as store;

            pub fn save(body: &[u8]) -> std::io::Result<()> {
                crate::web::handlers::util::put("/srv/uploads/a", body)?;
                store("/srv/uploads/b", body)
            }
        }

        pub fn from_the_top(body: &[u8]) -> std::io::Result<()> {
            crate::web::handlers::util::put("/srv/uploads/c", body)
        }
    }
}

fn main() {}
