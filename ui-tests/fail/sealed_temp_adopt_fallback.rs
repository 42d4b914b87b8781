// Every trait the expansion relies on is sealed: no impl can switch a
// check off without `#[ephemeral_fs::allow(.., reason = "..")]`.
use std::path::Path;

struct MyStore;

impl AsRef<Path> for MyStore {
    fn as_ref(&self) -> &Path {
        Path::new("/var/store")
    }
}

use ephemeral_fs::__private::Passing;

impl ephemeral_fs::__private::TempAdoptFallback<MyStore> for MyStore {
    fn __ephemeral_fs_deny_temp_adopt(self) -> MyStore {
        self
    }
    fn __ephemeral_fs_warn_temp_adopt(self) -> Passing<MyStore> {
        unimplemented!()
    }
    fn __ephemeral_fs_deny_make_names(self) -> MyStore {
        self
    }
    fn __ephemeral_fs_warn_make_names(self) -> Passing<MyStore> {
        unimplemented!()
    }
}

fn main() {}
