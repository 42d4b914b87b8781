use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
extern "C" fn save_pid(pid: u32) -> bool {
    std::fs::write("/run/app.pid", pid.to_string()).is_ok()
}

fn main() {}
