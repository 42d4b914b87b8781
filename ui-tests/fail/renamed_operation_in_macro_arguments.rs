// A renamed operation, or an inline module's re-export, is followed in a
// macro's arguments as anywhere else.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod handlers {
    use std::fs::write as save;

    mod disk {
        pub use std::fs::write as store;
    }

    pub fn upload(name: &str) -> std::io::Result<()> {
        let results = vec![save(format!("/srv/uploads/{name}"), b"x")];
        assert!(disk::store("/srv/uploads/a", b"x").is_ok());
        results.into_iter().collect()
    }
}

fn main() {}
