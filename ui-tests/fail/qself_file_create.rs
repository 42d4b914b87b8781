use ephemeral_fs::ephemeral_fs;

// `<std::fs::File>::create` is `std::fs::File::create`.
#[ephemeral_fs]
fn save() -> std::io::Result<std::fs::File> {
    <std::fs::File>::create("/var/uploads/latest")
}

fn main() {}
