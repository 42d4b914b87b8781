use ephemeral_fs::ephemeral_fs;

// A rename of tempfile's type, imported in sight, names the same `keep`.
#[ephemeral_fs]
fn save(tmp: tempfile::NamedTempFile) -> std::io::Result<()> {
    use tempfile::NamedTempFile as staged;
    staged::keep(tmp)?;
    Ok(())
}

fn main() {}
