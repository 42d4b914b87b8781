use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

struct Job {
    work: TempDir,
}

impl Job {
    fn reset(&mut self) -> std::io::Result<()> {
        self.work = TempDir::new()?;
        Ok(())
    }
}

// A `&mut self` method may replace the field that owns the directory.
#[ephemeral_fs]
impl Job {
    fn step(&mut self, body: &[u8]) -> std::io::Result<()> {
        let p = self.work.path().join("part");
        self.reset()?;
        std::fs::write(&p, body)
    }
}

fn main() {}
