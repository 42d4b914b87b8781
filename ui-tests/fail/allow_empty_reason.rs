use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn write_pid() -> std::io::Result<()> {
    #[ephemeral_fs::allow(persistent_write, reason = "")]
    std::fs::write("/run/app.pid", std::process::id().to_string())?;
    Ok(())
}

fn main() {}
