// A std builder whose flags are not in sight (held in a field, or made by
// its constructor used as a value) may write anywhere: its `open` or
// `create` is refused by the receiver's type. A name bound by a pattern out
// of a value holding a builder, or typed as a builder (a parameter, a typed
// `let`), std's or tokio's, counts as writing: its path is checked. A
// method of the same name on any other type, and `create(flag)` on an
// `OpenOptions`, pass as written.
use ephemeral_fs::ephemeral_fs;
use std::fs::{DirBuilder, OpenOptions};

#[ephemeral_fs]
fn if_let_pattern(p: &str) -> std::io::Result<()> {
    if let Some(mut o) = Some(OpenOptions::new()) {
        o.write(true).create(true).open(p)?;
    }
    Ok(())
}

#[ephemeral_fs]
fn nested_tuple_pattern(p: &str) -> std::io::Result<()> {
    let ((mut o,),) = ((OpenOptions::new(),),);
    o.write(true).open(p)?;
    Ok(())
}

#[ephemeral_fs]
fn constructor_as_a_value(p: &str) -> std::io::Result<()> {
    let mk = std::fs::OpenOptions::new;
    mk().write(true).create(true).open(p)?;
    Ok(())
}

#[ephemeral_fs]
fn passed_in(opts: &OpenOptions, dirs: &DirBuilder, p: &str) -> std::io::Result<()> {
    opts.open(p)?;
    dirs.create(p)
}

#[ephemeral_fs]
mod held_in_a_field {
    pub struct Holder {
        pub opts: std::fs::OpenOptions,
    }

    impl Holder {
        pub fn save(&self, p: &str) -> std::io::Result<()> {
            self.opts.open(p)?;
            Ok(())
        }
    }
}

#[ephemeral_fs]
async fn tokio_passed_in_or_typed(opts: &tokio::fs::OpenOptions, p: &str) -> std::io::Result<()> {
    opts.open(p).await?;
    let made: tokio::fs::OpenOptions = tokio_options();
    made.open(p).await?;
    if let Some(mut o) = Some(tokio::fs::OpenOptions::new()) {
        o.write(true).open(p).await?;
    }
    Ok(())
}

fn tokio_options() -> tokio::fs::OpenOptions {
    tokio::fs::OpenOptions::new()
}

struct Client;

impl Client {
    fn open(&self, _url: &str) {}
}

#[ephemeral_fs]
fn other_types_pass(opts: &mut OpenOptions, client: &Client, create: bool) {
    client.open("https://example.com");
    opts.create(create);
}

#[ephemeral_fs]
fn allowed(opts: &OpenOptions, p: &str) -> std::io::Result<()> {
    #[ephemeral_fs::allow(persistent_write, reason = "the caller opens the export volume")]
    opts.open(p)?;
    Ok(())
}

fn main() {}
