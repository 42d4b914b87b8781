#![deny(warnings)]
#![allow(unused_macros)]

// A `macro_rules!` named like std's, defined after a call of that name in
// the same block, is not the call's: rustc expands std's there, and the
// attribute reads the call as std's, so `stringify!` gives the code as
// written and `println!` binds nothing the path local after it needs.
#[ephemeral_fs::ephemeral_fs]
mod handlers {
    use std::fs;

    pub fn stage(body: &[u8]) -> std::io::Result<String> {
        let dir = tempfile::TempDir::new()?;
        let p = dir.path().join("upload.bin");
        println!("staging into {}", p.display());
        fs::write(&p, body)?;
        macro_rules! println {
            ($($t:tt)*) => {
                ()
            };
        }
        fs::read_to_string(&p)
    }

    pub fn shown(body: &[u8]) -> &'static str {
        let _ = body;
        let s = stringify!(std::fs::write("/var/uploads/a", body));
        macro_rules! stringify {
            ($($t:tt)*) => {
                "mine"
            };
        }
        s
    }
}

fn main() {
    assert_eq!(handlers::stage(b"body").unwrap(), "body");
    assert_eq!(
        handlers::shown(b"x"),
        "std::fs::write(\"/var/uploads/a\", body)"
    );
}
