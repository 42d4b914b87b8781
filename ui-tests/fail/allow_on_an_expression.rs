use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn write_pid(pid: u32) -> std::io::Result<()> {
    std::fs::write(
        #[ephemeral_fs::allow(persistent_write, reason = "pid file")]
        "/run/app.pid",
        pid.to_string(),
    )
}

fn main() {}
