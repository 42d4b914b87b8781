// Macros among items are code too: a `thread_local!` at the top of an
// annotated module runs its initializer when a handler first touches it,
// and a macro among an impl's items may make its methods.
use ephemeral_fs::ephemeral_fs;

macro_rules! handler {
    ($name:ident, $body:expr) => {
        pub fn $name(&self) -> std::io::Result<()> {
            $body
        }
    };
}

#[ephemeral_fs]
mod handlers {
    use std::cell::RefCell;
    use std::fs::File;

    thread_local! {
        static AUDIT: RefCell<File> = RefCell::new(File::create("/srv/audit.log").unwrap());
    }

    pub fn touch() {
        AUDIT.with(|_| ());
    }
}

pub struct Uploads;

#[ephemeral_fs]
impl Uploads {
    handler!(save, std::fs::write("/srv/uploads/a", b"x"));
}

fn main() {}
