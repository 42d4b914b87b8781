// An alias in sight that stands for its own type parameter (`type Id<T> =
// T;`) is followed to the type it is given, written either way.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn qualified(p: &str) -> std::io::Result<()> {
    type Id<T> = T;
    <Id<std::fs::File>>::create(p)?;
    Ok(())
}

#[ephemeral_fs]
mod handlers {
    type Pick<'a, T> = T;

    pub fn turbofish(p: &str) -> std::io::Result<()> {
        Pick::<'static, std::fs::File>::create(p)?;
        Ok(())
    }
}

fn main() {}
