use ephemeral_fs::ephemeral_fs;

// A type alias inside the item stands for the type it names.
#[ephemeral_fs]
fn save() -> std::io::Result<()> {
    type Blob = std::fs::File;
    Blob::create("/var/uploads/latest")?;
    Ok(())
}

fn main() {}
