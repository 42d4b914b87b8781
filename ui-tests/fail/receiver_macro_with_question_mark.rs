// A receiver that is a macro call is read by its type from a closure that
// is never called: a `?` in what the macro expands to belongs to that
// closure and does not compile. Bind the macro's value to a local first.
use ephemeral_fs::ephemeral_fs;

struct Lease(u32);

impl Lease {
    fn keep(&self) -> u32 {
        self.0
    }
}

fn lease(id: u32) -> Result<Lease, String> {
    Ok(Lease(id))
}

macro_rules! lease_of {
    ($id:expr) => {
        lease($id)?
    };
}

#[ephemeral_fs]
fn handler() -> Result<u32, String> {
    Ok(lease_of!(7).keep())
}

fn main() {
    println!("{:?}", handler());
}
