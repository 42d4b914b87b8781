#![deny(warnings)]

use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

struct Job {
    work: TempDir,
    parts: u32,
}

// The rule is about the owner itself: another field of `self` may change
// between a path local's `let` and its use.
#[ephemeral_fs]
impl Job {
    fn step(&mut self, body: &[u8]) -> std::io::Result<u32> {
        let p = self.work.path().join("part");
        self.parts += 1;
        fs::write(&p, body)?;
        Ok(self.parts)
    }
}

fn main() {
    let mut job = Job {
        work: TempDir::new().unwrap(),
        parts: 0,
    };
    assert_eq!(job.step(b"one").unwrap(), 1);
    assert_eq!(fs::read(job.work.path().join("part")).unwrap(), b"one");
    let work = job.work.path().to_path_buf();
    drop(job);
    assert!(!work.exists());
}
