// A macro of the user's named like log's or tracing's (`info!`, `debug!`)
// is not trusted to bind nothing by its name: it may expand to an item
// (`const p`) or to a `let` of the name it is handed. A bare logging name is
// log's or tracing's only when an import in sight says so; write
// `tracing::info!` or `log::info!`, or import it in the item.
#![allow(non_upper_case_globals)]
use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

macro_rules! info {
    () => {
        const p: &str = "/var/lib/app/item.txt";
    };
}

macro_rules! debug {
    ($name:ident) => {
        let $name = "/var/lib/app/let.txt";
    };
}

#[ephemeral_fs]
fn by_item() -> std::io::Result<()> {
    let dir = TempDir::new()?;
    let p = dir.path().join("a.txt");
    {
        info!();
        std::fs::write(p, b"persistent")?;
    }
    Ok(())
}

#[ephemeral_fs]
fn by_let() -> std::io::Result<()> {
    let dir = TempDir::new()?;
    let p = dir.path().join("a.txt");
    debug!(p);
    std::fs::write(p, b"persistent")?;
    Ok(())
}

#[ephemeral_fs]
fn std_formatting_passes() -> std::io::Result<()> {
    let dir = TempDir::new()?;
    let p = dir.path().join("a.txt");
    {
        println!("{}", p.display());
        std::fs::write(&p, b"temporary")?;
    }
    Ok(())
}

fn main() {}
