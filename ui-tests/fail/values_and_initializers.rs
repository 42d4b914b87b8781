// Operations taken as values: by a qualified-self path, in a `const` or
// `static` initializer (called at run time), and operations no mirror can
// stand in for. And `thread_local!`, whose initializer runs at run time.
use ephemeral_fs::ephemeral_fs;
use std::fs::OpenOptions;
use std::io;

#[ephemeral_fs]
fn qualified_self(p: &str) -> io::Result<()> {
    let create = <std::fs::File>::create;
    create(p)?;
    Ok(())
}

#[ephemeral_fs]
fn const_initializer(p: &str) -> io::Result<()> {
    const SAVE: fn(String, Vec<u8>) -> io::Result<()> = std::fs::write;
    SAVE(p.to_owned(), b"persisted".to_vec())
}

#[ephemeral_fs]
fn static_initializer(p: &str) -> io::Result<()> {
    static SAVE: fn(String, Vec<u8>) -> io::Result<()> = std::fs::write;
    SAVE(p.to_owned(), b"persisted".to_vec())
}

#[ephemeral_fs]
fn open_as_a_value(p: &str) -> io::Result<()> {
    let open = OpenOptions::open;
    open(OpenOptions::new().write(true).create(true), p)?;
    Ok(())
}

#[ephemeral_fs]
async fn async_runtime_function_as_a_value(p: &str) -> io::Result<()> {
    let save = tokio::fs::write;
    save(p, b"persisted".as_slice()).await
}

#[ephemeral_fs]
fn thread_local_initializer() -> bool {
    thread_local! {
        static SAVED: bool = std::fs::write("/var/lib/app/flag", b"persisted").is_ok();
    }
    SAVED.with(|saved| *saved)
}

#[ephemeral_fs]
fn allowed(p: &str) -> io::Result<()> {
    #[ephemeral_fs::allow(persistent_write, reason = "the export directory is a mounted volume")]
    let open = OpenOptions::open;
    open(OpenOptions::new().write(true).create(true), p)?;
    Ok(())
}

fn main() {}
