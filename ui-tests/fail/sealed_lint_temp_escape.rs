// Every trait the expansion relies on is sealed: no impl can switch a
// check off without `#[ephemeral_fs::allow(.., reason = "..")]`.
use std::path::Path;

struct MyStore;

impl AsRef<Path> for MyStore {
    fn as_ref(&self) -> &Path {
        Path::new("/var/store")
    }
}

impl ephemeral_fs::lint::TempEscape for MyStore {
    type Output = MyStore;
    fn lets_a_temp_file_outlive_the_request(self) -> MyStore {
        self
    }
    fn adopts_a_path_that_is_not_a_temp_file(self) -> MyStore {
        self
    }
}

fn main() {}
