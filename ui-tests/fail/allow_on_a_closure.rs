use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_all(names: &[&str], body: &[u8]) -> std::io::Result<()> {
    names.iter().try_for_each(
        #[ephemeral_fs::allow(persistent_write, reason = "legacy export")]
        |name| std::fs::write(format!("/srv/export/{name}"), body),
    )
}

fn main() {}
