// A type alias in sight is followed whether or not it has generics
// (`type Upload<'a> = std::fs::File;`), and a renamed import is followed
// through `self::` and `super::` as through its bare name.
use ephemeral_fs::ephemeral_fs;
use std::io::Write;

#[ephemeral_fs]
fn generic_alias(p: &str, body: &[u8]) -> std::io::Result<()> {
    #[allow(dead_code)]
    type Upload<'a> = std::fs::File;
    let mut f = Upload::create(p)?;
    f.write_all(body)
}

#[ephemeral_fs]
mod handlers {
    use std::fs::write as save;

    pub fn by_self(p: &str) -> std::io::Result<()> {
        self::save(p, b"persistent")
    }

    pub mod inner {
        pub fn by_super(p: &str) -> std::io::Result<()> {
            super::save(p, b"persistent")
        }
    }
}

fn main() {}
