#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod api {
    mod fs {
        pub fn write(key: &str, body: &[u8]) -> std::io::Result<usize> {
            Ok(key.len() + body.len())
        }
    }

    pub fn put(key: &str, body: &[u8]) -> std::io::Result<usize> {
        fs::write(key, body)
    }
}

fn main() {
    assert_eq!(api::put("k", b"vv").unwrap(), 3);
}
