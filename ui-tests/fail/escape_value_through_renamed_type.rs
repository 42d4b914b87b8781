use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile as Staged;
use tempfile::TempDir as Scratch;
use tempfile::TempPath as Claimed;

// tempfile's types renamed out of sight, their escapes used as values: the
// functions' own signatures decide, as the calls written out are decided by
// their receivers' types.
#[ephemeral_fs]
fn save(dir: Scratch, files: Vec<Staged>, file: Staged, paths: Vec<&str>) -> std::io::Result<()> {
    let _kept = Some(dir).map(Scratch::keep);
    let _all: Vec<_> = files.into_iter().map(Staged::keep).collect();
    let persist = Staged::persist::<&str>;
    persist(file, "/srv/uploads/a.bin")?;
    let _claimed: std::io::Result<Vec<Claimed>> =
        paths.into_iter().map(Claimed::try_from_path).collect();
    Ok(())
}

fn main() {}
