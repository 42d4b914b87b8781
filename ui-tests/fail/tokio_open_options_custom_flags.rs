use ephemeral_fs::ephemeral_fs;

// tokio's `OpenOptions` is checked like std's.
#[ephemeral_fs]
async fn open(flags: i32) -> std::io::Result<tokio::fs::File> {
    tokio::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open("/var/data/cache")
        .await
}

fn main() {}
