use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save(user_directory: &str, file_name: &str, body: &[u8]) -> std::io::Result<()> {
    assert!(
        std::fs::write(format!("/var/uploads/{user_directory}/{file_name}"), body).is_ok(),
        "could not save {file_name} for {user_directory}"
    );
    Ok(())
}

fn main() {}
