#![deny(warnings)]

// A receiver whose index returns early: the copy that reads its type has
// `unreachable!()` for the `return`, which leaves `code` unused there only.
use ephemeral_fs::ephemeral_fs;

pub struct Session {
    pub kept: u32,
}

impl Session {
    pub fn keep(&mut self) -> u32 {
        self.kept += 1;
        self.kept
    }
}

#[ephemeral_fs]
pub fn touch(sessions: &mut [Session], idx: Result<usize, u16>) -> Result<u32, u16> {
    Ok(sessions[match idx {
        Ok(i) => i,
        Err(code) => return Err(code),
    }]
    .keep())
}

fn main() {
    let mut sessions = [Session { kept: 0 }];
    assert_eq!(touch(&mut sessions, Ok(0)), Ok(1));
    assert_eq!(touch(&mut sessions, Err(7)), Err(7));
}
