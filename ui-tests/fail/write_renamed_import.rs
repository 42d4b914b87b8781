use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_note(id: u32, text: &str) -> std::io::Result<()> {
    use std::fs::write as save;

    save(format!("notes/{id}.txt"), text)
}

fn main() {}
