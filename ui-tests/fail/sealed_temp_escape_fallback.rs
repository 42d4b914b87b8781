// Every trait the expansion relies on is sealed: no impl can switch a
// check off without `#[ephemeral_fs::allow(.., reason = "..")]`.
use std::path::Path;

struct MyStore;

impl AsRef<Path> for MyStore {
    fn as_ref(&self) -> &Path {
        Path::new("/var/store")
    }
}

use ephemeral_fs::__private::{Checked, Passing};

impl ephemeral_fs::__private::TempEscapeFallback<MyStore> for MyStore {
    fn __ephemeral_fs_deny_temp_escape(self) -> MyStore {
        self
    }
    fn __ephemeral_fs_deny_temp_escape_in_place(self) -> Checked {
        unimplemented!()
    }
    fn __ephemeral_fs_warn_temp_escape(self) -> Passing<MyStore> {
        unimplemented!()
    }
    fn __ephemeral_fs_warn_temp_escape_in_place(self) -> Passing<Checked> {
        unimplemented!()
    }
}

fn main() {}
