// An item nested in an array type's length or in a const generic argument
// runs at run time like any other nested item, and is checked.
use ephemeral_fs::ephemeral_fs;

pub trait Saver {
    fn save(p: &str) -> std::io::Result<()>;
}

pub struct InType;
pub struct InConstArg;

fn pad<const N: usize>() {}

#[ephemeral_fs]
fn handler(p: &str) -> std::io::Result<()> {
    let _pad: [u8; {
        impl Saver for InType {
            fn save(p: &str) -> std::io::Result<()> {
                std::fs::write(p, b"persisted")
            }
        }
        1
    }] = [0];
    pad::<{
        impl Saver for InConstArg {
            fn save(p: &str) -> std::io::Result<()> {
                std::fs::write(p, b"persisted")
            }
        }
        1
    }>();
    InType::save(p)?;
    InConstArg::save(p)
}

fn main() {}
