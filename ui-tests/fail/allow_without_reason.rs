use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn write_pid(pid: u32) -> std::io::Result<()> {
    #[ephemeral_fs::allow(persistent_write)]
    std::fs::write("/run/app.pid", pid.to_string())?;
    Ok(())
}

fn main() {}
