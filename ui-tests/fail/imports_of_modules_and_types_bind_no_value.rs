// An import of a crate, a module or a type under an operation's name binds
// a type only, as for rustc: a call of that name in its block is still the
// function further out (`use std::fs::write;`, or a glob's).
#[allow(unused_imports)]
#[ephemeral_fs::ephemeral_fs]
mod h {
    use std::fs::*;

    pub fn a_module(body: &[u8]) -> std::io::Result<()> {
        use std::fs as write;
        write("/var/uploads/a", body)
    }

    pub fn a_type(body: &[u8]) -> std::io::Result<()> {
        use std::fs::DirBuilder as write;
        write("/var/uploads/b", body)
    }

    pub fn tempfiles_type(body: &[u8]) -> std::io::Result<()> {
        use tempfile::TempDir as write;
        write("/var/uploads/c", body)
    }

    pub fn an_outer_import(body: &[u8]) -> std::io::Result<()> {
        use std::fs::write;
        {
            use std::os as write;
            write("/var/uploads/d", body)
        }
    }
}

fn main() {}
