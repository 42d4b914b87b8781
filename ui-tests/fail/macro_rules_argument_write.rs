use ephemeral_fs::ephemeral_fs;

macro_rules! handler {
    ($name:ident, |$body:ident| $save:expr) => {
        #[ephemeral_fs]
        fn $name($body: &[u8]) -> std::io::Result<()> {
            $save
        }
    };
}

handler!(save_avatar, |body| std::fs::write(
    "/var/avatars/me.png",
    body
));

fn main() {}
