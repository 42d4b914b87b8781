use ephemeral_fs::ephemeral_fs;

struct Doc(u32);

trait Keeper {
    fn keep(self) -> u32;
}

impl Keeper for Doc {
    fn keep(self) -> u32 {
        self.0
    }
}

// A trait's function named like tempfile's `keep`, used as a value before
// its `Self` type is inferred: the type that decides is not known where the
// check is chosen, so it is refused. `<Doc as Keeper>::keep` compiles.
#[ephemeral_fs]
fn count(docs: Vec<Doc>) -> Vec<u32> {
    docs.into_iter().map(Keeper::keep).collect()
}

fn main() {}
