// A type-only item leaves a glob's function of the same name to paths
// through its module (`self::write`, `m::write`), to imports of it and to
// globs of that module; a glob brings only what its module has, so
// `use std::os::unix::fs::*;` does not hide `std::fs::write`, and of two
// globs the one that has the name is followed.
#[allow(non_camel_case_types, dead_code)]
#[ephemeral_fs::ephemeral_fs]
mod h {
    use std::fs::*;

    struct write {}

    mod m {
        pub use std::fs::*;
        pub struct write {}
    }

    mod n {
        pub use std::fs::remove_file;
    }

    pub fn through_members(body: &[u8]) -> std::io::Result<()> {
        self::write("/var/uploads/a", body)?;
        m::write("/var/uploads/b", body)
    }

    pub fn through_an_import(body: &[u8]) -> std::io::Result<()> {
        use m::write as save;
        save("/var/uploads/c", body)
    }

    pub fn through_a_glob_of_a_module() -> std::io::Result<()> {
        use n::*;
        #[allow(non_camel_case_types)]
        struct remove_file {}
        remove_file("/var/uploads/d")
    }

    pub fn globs_that_lack_the_name(body: &[u8]) -> std::io::Result<u32> {
        use std::os::unix::fs::*;
        write("/var/uploads/e", body)?;
        Ok(Permissions::from_mode(0o644).mode())
    }
}

fn main() {}
