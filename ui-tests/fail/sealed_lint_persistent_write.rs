// Every trait the expansion relies on is sealed: no impl can switch a
// check off without `#[ephemeral_fs::allow(.., reason = "..")]`.
use std::path::Path;

struct MyStore;

impl AsRef<Path> for MyStore {
    fn as_ref(&self) -> &Path {
        Path::new("/var/store")
    }
}

impl ephemeral_fs::lint::PersistentWrite<MyStore> for MyStore {
    fn path_is_not_a_temp_file(self) -> MyStore {
        self
    }
    fn path_owner_is_not_a_temp_file<P>(self, path: P) -> P {
        path
    }
    fn joined_path_may_leave_the_temp_dir<P>(self, path: P) -> P {
        path
    }
    fn closure_path_is_not_from_tempfile(self) -> MyStore {
        self
    }
}

fn main() {}
