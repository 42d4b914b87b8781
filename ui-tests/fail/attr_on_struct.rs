use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
struct UploadHandler {
    root: std::path::PathBuf,
}

fn main() {
    let _ = UploadHandler {
        root: "/srv".into(),
    }
    .root;
}
