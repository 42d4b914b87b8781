#![deny(warnings)]

// `stringify!` and `concat!` make text of their tokens and never run them:
// the text is the same with and without the attribute, for a checked call
// and for a user's own `keep`.

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

struct Session(u32);

impl Session {
    fn keep(&self) -> u32 {
        self.0
    }
}

#[ephemeral_fs]
fn annotated(session: &Session) -> std::io::Result<Vec<String>> {
    let tmp = NamedTempFile::new()?;
    std::fs::write(&tmp, b"x")?;
    Ok(vec![
        stringify!(std::fs::write(&tmp, b"x")).to_owned(),
        format!("{} = {}", stringify!(session.keep()), session.keep()),
        std::stringify!(tmp.keep()).to_owned(),
        concat!("a", stringify!(std::fs::write("/var/x", b"x"))).to_owned(),
    ])
}

fn plain(session: &Session) -> std::io::Result<Vec<String>> {
    let tmp = NamedTempFile::new()?;
    std::fs::write(&tmp, b"x")?;
    Ok(vec![
        stringify!(std::fs::write(&tmp, b"x")).to_owned(),
        format!("{} = {}", stringify!(session.keep()), session.keep()),
        std::stringify!(tmp.keep()).to_owned(),
        concat!("a", stringify!(std::fs::write("/var/x", b"x"))).to_owned(),
    ])
}

// A `stringify` of one's own, defined in sight, is not std's: its tokens are
// checked like any macro's.
#[ephemeral_fs]
fn own_stringify() -> std::io::Result<u32> {
    macro_rules! stringify {
        ($e:expr) => {
            $e
        };
    }
    let tmp = NamedTempFile::new()?;
    stringify!(std::fs::write(&tmp, b"own"))?;
    Ok(std::fs::read(&tmp)?.len() as u32)
}

fn main() {
    let session = Session(3);
    let annotated = annotated(&session).unwrap();
    assert_eq!(annotated, plain(&session).unwrap());
    assert_eq!(annotated[1], "session.keep() = 3");
    assert_eq!(own_stringify().unwrap(), 3);
}
