use ephemeral_fs::ephemeral_fs;

// A `const fn` may hold an ordinary `fn`, which runs at run time.
#[ephemeral_fs]
mod handlers {
    const fn saver() -> fn(&[u8]) -> std::io::Result<()> {
        fn save(body: &[u8]) -> std::io::Result<()> {
            std::fs::write("/var/uploads/latest", body)
        }
        save
    }

    pub fn upload(body: &[u8]) -> std::io::Result<()> {
        saver()(body)
    }
}

fn main() {}
