// Leaks through an alias in sight of `Box` or `Vec` (`Boxed::leak`,
// `Uploads::leak`), and `.leak()` on a projection of a value that is no
// place (`(files,).0`, `batch()?.files`, `*Box::new(files)`).
use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

pub struct Batch {
    pub files: Vec<NamedTempFile>,
}

pub fn batch() -> std::io::Result<Batch> {
    Ok(Batch { files: vec![NamedTempFile::new()?] })
}

#[ephemeral_fs]
fn aliases() -> std::io::Result<()> {
    type Boxed<T> = Box<T>;
    type Uploads = Vec<NamedTempFile>;
    let _kept: &'static mut NamedTempFile = Boxed::leak(Boxed::new(NamedTempFile::new()?));
    let uploads: Uploads = vec![NamedTempFile::new()?];
    let _kept: &'static mut [NamedTempFile] = Uploads::leak(uploads);
    Ok(())
}

#[ephemeral_fs]
fn fields_of_values() -> std::io::Result<()> {
    let files = vec![NamedTempFile::new()?];
    let _kept = (files,).0.leak();
    let _kept = batch()?.files.leak();
    let _kept = (*Box::new(vec![NamedTempFile::new()?])).leak();
    Ok(())
}

fn main() {}
