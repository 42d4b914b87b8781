use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod handlers {
    use fs_err as fs;

    pub fn save(body: &[u8]) -> std::io::Result<()> {
        fs::File::create("/var/uploads/latest")?;
        fs::write("/var/uploads/latest", body)
    }
}

fn main() {}
