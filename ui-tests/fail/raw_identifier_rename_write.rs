use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn r#fn(body: &[u8]) -> std::io::Result<()> {
    use std::fs::write as r#save;
    r#save("/var/uploads/fn.bin", body)
}

fn main() {}
