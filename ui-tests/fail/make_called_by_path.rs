// tempfile's `make` and `make_in` called by path are refused: their
// builder's names and their closure are read only in the method form.
use ephemeral_fs::ephemeral_fs;
use tempfile::Builder;

#[ephemeral_fs]
pub fn adopts(dir: &std::path::Path) -> std::io::Result<()> {
    let builder = Builder::new().rand_bytes(0).prefix("records.db").clone();
    let _staged = Builder::make_in(&builder, dir, |_| Ok(()))?;
    let _other = tempfile::Builder::make(&Builder::new(), |path| std::fs::File::create(path))?;
    Ok(())
}

fn main() {}
