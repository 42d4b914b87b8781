// A macro call in statement position may expand to items (`const p`),
// which shadow a path local in the whole block, before and after the call,
// whatever names the call is given: in that block the path local is not
// followed, and its uses are checked as any path.
use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

macro_rules! settings {
    () => {
        #[allow(non_upper_case_globals)]
        const p: &str = "/var/lib/app/settings.txt";
    };
}

#[ephemeral_fs]
fn handler() -> std::io::Result<()> {
    let dir = TempDir::new()?;
    let p = dir.path().join("a.txt");
    {
        settings!();
        std::fs::write(p, b"persistent")?;
    }
    drop(dir);
    Ok(())
}

fn main() {
    handler().unwrap();
}
