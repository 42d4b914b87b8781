use ephemeral_fs::ephemeral_fs;

// A documented limit: a macro's arguments are checked in place, so a
// `macro_rules!` rule that matches the literal tokens of a checked call no
// longer matches them, even for a user's own `keep`. An exception on the
// statement leaves the tokens as written.
struct Session(u32);

impl Session {
    fn keep(&self) -> u32 {
        self.0
    }
}

macro_rules! kept {
    ($s:ident . keep ()) => {
        $s.keep()
    };
}

#[ephemeral_fs]
fn handler() -> u32 {
    let session = Session(7);
    kept!(session.keep())
}

#[ephemeral_fs]
fn with_exception() -> u32 {
    let session = Session(8);
    #[ephemeral_fs::allow(temp_escape, reason = "`Session::keep` keeps no file")]
    let kept = kept!(session.keep());
    kept
}

fn main() {
    let _ = (handler(), with_exception());
}
