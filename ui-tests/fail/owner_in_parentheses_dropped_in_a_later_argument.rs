// A handle written in parentheses, `(tmp).path()`, or given to a macro as an
// `$h:expr` fragment (an invisible group) is the same variable as `tmp`:
// it stays borrowed until the call has run, so dropping or replacing it
// in a later argument is a borrow error, as it is for `tmp.path()`.
use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn parenthesized(body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    std::fs::write((tmp).path().to_path_buf(), {
        drop(tmp);
        body
    })
}

#[ephemeral_fs]
fn replaced(body: &[u8]) -> std::io::Result<()> {
    let mut tmp = NamedTempFile::new()?;
    std::fs::write(((tmp)).path().to_owned(), {
        tmp = NamedTempFile::new()?;
        body
    })?;
    drop(tmp);
    Ok(())
}

macro_rules! stage {
    ($name:ident, $tmp:ident, $handle:expr) => {
        #[ephemeral_fs]
        fn $name(body: &[u8]) -> std::io::Result<()> {
            let $tmp = NamedTempFile::new()?;
            std::fs::write($handle.path().to_path_buf(), {
                drop($tmp);
                body
            })
        }
    };
}

stage!(through_a_fragment, tmp, tmp);

fn main() {}
