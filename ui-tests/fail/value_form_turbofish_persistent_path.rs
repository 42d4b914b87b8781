use ephemeral_fs::ephemeral_fs;

// The type arguments written on a function used as a value reach the
// guarded mirror: a path type that is no temp-file handle is refused.
#[ephemeral_fs]
fn save(body: Vec<u8>) -> std::io::Result<()> {
    let write = std::fs::write::<&str, Vec<u8>>;
    write("/var/uploads/a.bin", body)
}

fn main() {
    let _ = save(Vec::new());
}
