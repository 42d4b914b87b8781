use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
enum Storage {
    Local,
    Bucket(String),
}

fn main() {
    for storage in [Storage::Local, Storage::Bucket("media".into())] {
        if let Storage::Bucket(name) = storage {
            assert_eq!(name, "media");
        }
    }
}
