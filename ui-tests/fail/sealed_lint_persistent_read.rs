// Every trait the expansion relies on is sealed: no impl can switch a
// check off without `#[ephemeral_fs::allow(.., reason = "..")]`.
use std::path::Path;

struct MyStore;

impl AsRef<Path> for MyStore {
    fn as_ref(&self) -> &Path {
        Path::new("/var/store")
    }
}

impl ephemeral_fs::lint::PersistentRead<MyStore> for MyStore {
    fn read_path_is_not_a_temp_file(self) -> MyStore {
        self
    }
    fn read_path_owner_is_not_a_temp_file<P>(self, path: P) -> P {
        path
    }
    fn read_joined_path_may_leave_the_temp_dir<P>(self, path: P) -> P {
        path
    }
}

fn main() {}
