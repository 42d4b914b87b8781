// Every trait the expansion relies on is sealed: no impl can switch a
// check off without `#[ephemeral_fs::allow(.., reason = "..")]`.
use std::path::Path;

struct MyStore;

impl AsRef<Path> for MyStore {
    fn as_ref(&self) -> &Path {
        Path::new("/var/store")
    }
}

impl ephemeral_fs::TempDirExt for MyStore {
    fn child<P: AsRef<Path>>(&self, _: P) -> std::io::Result<ephemeral_fs::ScratchPath<'_>> {
        unimplemented!()
    }
}

fn main() {}
