// An item's types and an enum's discriminants are const contexts, but an
// `impl` nested there runs at run time: it is checked as other nested items
// are, in an enum discriminant, a function's signature and an impl's
// associated type.
use ephemeral_fs::ephemeral_fs;

pub trait Saver {
    fn save(p: &str) -> std::io::Result<()>;
}
pub struct InDiscriminant;
pub struct InSignature;
pub struct InAssocType;
pub trait Padded {
    type Pad;
}
pub struct Handlers;

#[ephemeral_fs]
fn by_discriminant(p: &str) -> std::io::Result<()> {
    #[allow(dead_code)]
    enum Pad {
        A = {
            impl Saver for InDiscriminant {
                fn save(p: &str) -> std::io::Result<()> {
                    std::fs::write(p, b"discriminant")
                }
            }
            1
        },
    }
    InDiscriminant::save(p)
}

#[ephemeral_fs]
fn by_signature(
    p: &str,
    _pad: [u8; {
        impl Saver for InSignature {
            fn save(p: &str) -> std::io::Result<()> {
                std::fs::write(p, b"signature")
            }
        }
        1
    }],
) -> std::io::Result<()> {
    InSignature::save(p)
}

#[ephemeral_fs]
impl Padded for Handlers {
    type Pad = [u8; {
        impl Saver for InAssocType {
            fn save(p: &str) -> std::io::Result<()> {
                std::fs::write(p, b"assoc type")
            }
        }
        1
    }];
}

fn main() {}
