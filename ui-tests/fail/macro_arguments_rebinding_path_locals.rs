// A macro may bind a name it is handed and use it in its other arguments:
// a path local it names is not followed in its arguments either. std's
// `matches!` binds its pattern's names for its guard.
use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

macro_rules! with_path {
    ($name:ident, $value:expr, $body:expr) => {{
        let $name = $value;
        $body
    }};
}

#[ephemeral_fs]
fn user_macro(body: &[u8]) -> std::io::Result<()> {
    let dir = TempDir::new()?;
    let p = dir.path().join("staged.txt");
    std::fs::write(&p, body)?;
    with_path!(p, "/srv/uploads/persistent.txt", std::fs::write(p, body))?;
    Ok(())
}

#[ephemeral_fs]
fn matches_guard(dest: Option<String>, body: &[u8]) -> std::io::Result<bool> {
    let dir = TempDir::new()?;
    let path = dir.path().join("staged.bin");
    std::fs::write(&path, body)?;
    Ok(matches!(dest, Some(path) if std::fs::write(&path, body).is_ok()))
}

fn main() {}
