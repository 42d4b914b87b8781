use ephemeral_fs::ephemeral_fs;

macro_rules! retry {
    ($attempt:expr) => {
        $attempt.or_else(|_| $attempt)
    };
}

#[ephemeral_fs]
fn save(name: &str, body: &[u8]) -> std::io::Result<()> {
    retry!(std::fs::write(format!("/var/uploads/{name}"), body))
}

fn main() {}
