// A builder of any crate made in sight inside a block of statements, a
// labelled block, a branch, or from another builder by a function of its
// type (`tokio::fs::OpenOptions::from(..)`), has flags the chain does not
// show: its `open(path)` is checked as a write.
use std::path::Path;

#[ephemeral_fs::ephemeral_fs]
pub fn let_from_a_block(p: &Path) -> std::io::Result<()> {
    let o = {
        let mut i = fs_err::OpenOptions::new();
        i.write(true).create(true);
        i
    };
    o.open(p)?;
    Ok(())
}

#[ephemeral_fs::ephemeral_fs]
pub async fn a_block_as_the_receiver(p: &Path) -> std::io::Result<()> {
    {
        let mut i = tokio::fs::OpenOptions::new();
        i.write(true).create(true);
        i
    }
    .open(p)
    .await?;
    Ok(())
}

#[ephemeral_fs::ephemeral_fs]
pub async fn from_a_branch(p: &Path, append: bool) -> std::io::Result<()> {
    let o = if append {
        let mut i = async_fs::OpenOptions::new();
        i.append(true);
        i
    } else {
        async_fs::OpenOptions::new()
    };
    o.open(p).await?;
    Ok(())
}

#[ephemeral_fs::ephemeral_fs]
pub fn from_a_labelled_block(p: &Path) -> std::io::Result<()> {
    let o = 'made: {
        let mut i = fs_err::OpenOptions::new();
        i.write(true);
        break 'made i;
    };
    o.open(p)?;
    Ok(())
}

#[ephemeral_fs::ephemeral_fs]
pub async fn converted_from_std(p: &Path) -> std::io::Result<()> {
    tokio::fs::OpenOptions::from({
        let mut s = std::fs::OpenOptions::new();
        s.write(true).create(true);
        s
    })
    .open(p)
    .await?;
    Ok(())
}

#[ephemeral_fs::ephemeral_fs]
pub fn converted_from_a_helper(p: &Path) -> std::io::Result<()> {
    fs_err::OpenOptions::from_options(options()).open(p)?;
    Ok(())
}

fn options() -> std::fs::OpenOptions {
    let mut s = std::fs::OpenOptions::new();
    s.write(true);
    s
}

fn main() {}
