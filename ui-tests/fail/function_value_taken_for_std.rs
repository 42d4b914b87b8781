// A function used as a value that the attribute takes for std's (your own
// `fs::write`, whose module a glob outside the item brings in, is taken for
// `std::fs::write` by its conventional name) is not replaced by std's
// guarded mirror: the types differ, and the build fails, rather than
// another function running in its place.
use ephemeral_fs::ephemeral_fs;

mod storage {
    pub mod fs {
        pub fn write<P: AsRef<std::path::Path>, C: AsRef<[u8]>>(
            _path: P,
            _contents: C,
        ) -> std::io::Result<()> {
            Ok(())
        }
    }
}

use storage::*;

#[ephemeral_fs]
fn handler(tmp: &tempfile::NamedTempFile, body: &[u8]) -> std::io::Result<()> {
    let upload = fs::write;
    upload(tmp, body)
}

fn main() {}
