// A builder local's name bound again by a `for`, a closure's parameter, a
// `match` arm or an `if let`/`while let` pattern is another value there: its
// flags are not the local's, so its `open` is probed as a builder out of
// sight. After that scope the name is the local again, read-only here.
use ephemeral_fs::ephemeral_fs;
use std::fs::OpenOptions;

#[ephemeral_fs]
fn for_pattern(p: &str, writers: &[OpenOptions]) -> std::io::Result<()> {
    let mut o = OpenOptions::new();
    o.read(true);
    for o in writers {
        o.open(p)?;
    }
    let _ = o.open("/etc/hostname");
    Ok(())
}

#[ephemeral_fs]
fn closure_parameter(p: &str, writers: &[OpenOptions]) -> std::io::Result<()> {
    let o = OpenOptions::new();
    let _ = o.open("/etc/hostname");
    writers.iter().try_for_each(|o| o.open(p).map(drop))
}

#[ephemeral_fs]
fn match_arm(p: &str, w: Option<&OpenOptions>) -> std::io::Result<()> {
    let o = OpenOptions::new();
    let _ = o.open("/etc/hostname");
    match w {
        Some(o) => {
            o.open(p)?;
        }
        None => {}
    }
    Ok(())
}

#[ephemeral_fs]
fn if_let_and_while_let(p: &str, w: Option<&OpenOptions>) -> std::io::Result<()> {
    let o = OpenOptions::new();
    let _ = o.open("/etc/hostname");
    if let Some(o) = w {
        o.open(p)?;
    }
    let mut ws = w.into_iter();
    while let Some(o) = ws.next() {
        o.open(p)?;
    }
    Ok(())
}

fn main() {}
