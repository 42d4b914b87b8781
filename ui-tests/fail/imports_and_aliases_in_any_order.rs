// Imports and aliases are followed whatever their order, as rustc resolves
// them: an alias of an alias declared after it, an import that builds on
// one written after it.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod storage {
    pub type Upload = Backend;
    pub type Backend = std::fs::File;

    pub fn save(name: &str) -> std::io::Result<()> {
        Upload::create(format!("/srv/uploads/{name}"))?;
        Ok(())
    }
}

#[ephemeral_fs]
fn imports(name: &str) -> std::io::Result<()> {
    use fs::File;
    use std::fs;
    File::create(format!("/srv/uploads/{name}"))?;
    Ok(())
}

fn main() {}
