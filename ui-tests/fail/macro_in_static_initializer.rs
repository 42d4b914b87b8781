// In a `static` initializer a macro's arguments may still run at run time
// (`LazyLock::new(|| $e)`): the attribute cannot tell, and refuses the
// call where its arguments would be refused as run-time code.
use ephemeral_fs::ephemeral_fs;

macro_rules! lazy {
    ($init:expr) => {
        ::std::sync::LazyLock::new(|| $init)
    };
}

#[ephemeral_fs]
mod handlers {
    use std::fs::File;
    use std::sync::{LazyLock, Mutex};

    static AUDIT: LazyLock<Mutex<File>> =
        lazy!(Mutex::new(File::create("/srv/audit.log").unwrap()));

    static NAMES: LazyLock<Vec<&str>> = lazy!(vec!["a", "b"]);

    pub fn upload() -> usize {
        let _audit = AUDIT.lock();
        NAMES.len()
    }
}

fn main() {}
