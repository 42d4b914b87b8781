use std::fs;

use ephemeral_fs::ephemeral_fs;

trait Handler {
    fn handle(&self, body: &[u8]) -> std::io::Result<()>;
}

struct SaveToDisk {
    path: String,
}

#[ephemeral_fs]
impl Handler for SaveToDisk {
    fn handle(&self, body: &[u8]) -> std::io::Result<()> {
        fs::write(&self.path, body)
    }
}

fn main() {}
