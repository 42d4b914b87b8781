use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod api {
    pub mod admin {
        use std::fs;

        pub fn wipe(tenant: &str) -> std::io::Result<()> {
            fs::remove_dir_all(format!("/srv/tenants/{tenant}"))
        }
    }
}

fn main() {}
