use std::fs;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
trait Handler {
    fn name(&self) -> &str;

    fn save(&self, body: &[u8]) -> std::io::Result<()> {
        fs::write(self.name(), body)
    }
}

fn main() {}
