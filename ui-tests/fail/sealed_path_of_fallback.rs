// Every trait the expansion relies on is sealed: no impl can switch a
// check off without `#[ephemeral_fs::allow(.., reason = "..")]`.
use std::path::Path;

struct MyStore;

impl AsRef<Path> for MyStore {
    fn as_ref(&self) -> &Path {
        Path::new("/var/store")
    }
}

impl ephemeral_fs::__private::PathOfFallback for MyStore {
    fn __ephemeral_fs_deny_persistent_write_path<P>(self, path: P) -> P {
        path
    }
    fn __ephemeral_fs_deny_persistent_read_path<P>(self, path: P) -> P {
        path
    }
    fn __ephemeral_fs_deny_persistent_write_joined<P>(self, path: P) -> P {
        path
    }
    fn __ephemeral_fs_deny_persistent_read_joined<P>(self, path: P) -> P {
        path
    }
}

fn main() {}
