use ephemeral_fs::ephemeral_fs;

// `extern crate std as stdlib;` inside the item names std.
#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    extern crate std as stdlib;
    stdlib::fs::write("/var/uploads/latest", body)
}

fn main() {}
