use std::path::Path;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save(
    upload_root: &Path,
    user_directory: &str,
    file_name: &str,
    body: &[u8],
) -> std::io::Result<()> {
    std::fs::write(
        upload_root
            .join(user_directory)
            .join(file_name)
            .with_extension("bin"),
        body,
    )
}

fn main() {}
