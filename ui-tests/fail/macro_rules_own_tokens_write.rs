use ephemeral_fs::ephemeral_fs;

macro_rules! upload_handler {
    ($name:ident, $dir:literal) => {
        #[ephemeral_fs]
        fn $name(file: &str, body: &[u8]) -> std::io::Result<()> {
            std::fs::write(format!("{}/{file}", $dir), body)
        }
    };
}

upload_handler!(save_avatar, "/var/avatars");

fn main() {}
