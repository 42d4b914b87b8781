use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs(deny(persistent_read))]
fn load_config(env: &str) -> std::io::Result<String> {
    std::fs::read_to_string(format!("/etc/app/{env}.toml"))
}

fn main() {}
