#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;

mod storage {
    use std::sync::Mutex;

    static OBJECTS: Mutex<Vec<(String, Vec<u8>)>> = Mutex::new(Vec::new());

    pub fn write(key: &str, body: &[u8]) -> std::io::Result<()> {
        OBJECTS
            .lock()
            .unwrap()
            .push((key.to_owned(), body.to_vec()));
        Ok(())
    }

    pub fn remove_file(key: &str) -> std::io::Result<()> {
        OBJECTS.lock().unwrap().retain(|(k, _)| k != key);
        Ok(())
    }

    pub fn count() -> usize {
        OBJECTS.lock().unwrap().len()
    }
}

#[ephemeral_fs]
fn save_avatar(user: &str, body: &[u8]) -> std::io::Result<()> {
    storage::write(&format!("avatars/{user}"), body)?;
    storage::write("avatars/tmp", body)?;
    storage::remove_file("avatars/tmp")
}

fn main() {
    save_avatar("ada", b"png").unwrap();
    assert_eq!(storage::count(), 1);
}
