#![deny(warnings)]

// A macro of yours may assign a name it is handed: a `persist` receiver it
// names is read where the call is, after the macro has run.
use ephemeral_fs::ephemeral_fs;

pub struct Doc(u8);

impl Doc {
    fn persist(self, n: u8) -> u8 {
        self.0 + n
    }
}

macro_rules! init {
    ($v:ident) => {
        $v = Doc(1)
    };
}

fn add(a: u8, b: u8) -> u8 {
    a + b
}

#[ephemeral_fs]
fn handler(dest: u8) -> u8 {
    let doc: Doc;
    add(
        {
            init!(doc);
            0
        },
        doc.persist(dest),
    )
}

fn main() {
    assert_eq!(handler(2), 3);
}
