use ephemeral_fs::ephemeral_fs;

// A `stringify` macro defined in sight is not std's: its tokens are checked
// like any macro's, since they may be run.
#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    macro_rules! stringify {
        ($e:expr) => {
            $e
        };
    }
    stringify!(std::fs::write("/var/uploads/a.bin", body))
}

fn main() {
    let _ = save(b"x");
}
