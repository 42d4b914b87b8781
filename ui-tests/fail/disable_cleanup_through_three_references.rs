use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

// `iter_mut()` over `Vec<&mut NamedTempFile>` hands out `&mut &mut NamedTempFile`.
#[ephemeral_fs]
fn stage_all(mut a: NamedTempFile, mut b: NamedTempFile) {
    let mut staged: Vec<&mut NamedTempFile> = vec![&mut a, &mut b];
    for t in staged.iter_mut() {
        t.disable_cleanup(true);
    }
}

fn main() {}
