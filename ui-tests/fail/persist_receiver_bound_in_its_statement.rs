// A `persist` receiver bound inside its own statement (a let chain's
// pattern) is the temp file, not an outer value of the same name: it is
// checked as such.
use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

struct Upload {
    name: String,
}

impl Upload {
    fn persist(&self) -> bool {
        !self.name.is_empty()
    }
}

#[ephemeral_fs]
fn handler(upload: Upload, staged: Option<NamedTempFile>) -> std::io::Result<()> {
    if upload.persist() {
        println!("record {} saved", upload.name);
    }
    if let Some(upload) = staged
        && upload.persist("/srv/uploads/kept.bin").is_ok()
    {
        println!("kept the temp file");
    }
    Ok(())
}

fn main() {}
