#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;

struct Draft {
    text: String,
    saved: bool,
}

impl Draft {
    fn persist(&mut self, note: &str) -> usize {
        self.text.push_str(note);
        self.saved = true;
        self.text.len()
    }

    fn keep(self) -> String {
        self.text
    }
}

struct Session;

impl Session {
    fn persist_noclobber(&self) -> bool {
        true
    }
}

#[ephemeral_fs]
fn save_draft(body: &str) -> std::io::Result<String> {
    let mut draft = Draft {
        text: body.to_owned(),
        saved: false,
    };
    let len = draft.persist("!");
    assert!(draft.saved && len == body.len() + 1);
    assert!(Session.persist_noclobber());
    Ok(draft.keep())
}

fn main() {
    assert_eq!(save_draft("hi").unwrap(), "hi!");
}
