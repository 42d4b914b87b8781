use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile as staged;

// A rename of tempfile's type names the same `keep`.
#[ephemeral_fs]
fn save(tmp: staged) -> std::io::Result<()> {
    staged::keep(tmp)?;
    Ok(())
}

fn main() {}
