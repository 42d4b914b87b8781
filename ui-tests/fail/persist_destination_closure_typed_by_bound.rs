// A limit: a `persist` destination that holds a closure is left in the
// call, inside a generic identity whose result type is the destination's.
// What `persist` expects still types the closure when it is a type
// (`Box<dyn Fn(&str) -> usize>`, `Option<fn(&str) -> usize>`; see the pass
// case `persist_destination_with_closure`), but not when the closure's
// parameter types come from a bound of `persist`'s own generic parameter:
// rustc asks for them (E0282). Write them out: `Some(|s: &str| s.len())`.

use ephemeral_fs::ephemeral_fs;

struct Jobs;

impl Jobs {
    fn persist<F: Fn(&str) -> usize>(&self, key: Option<F>) -> usize {
        key.map_or(0, |key| key("abc"))
    }
}

#[ephemeral_fs]
fn run(jobs: &Jobs) -> usize {
    jobs.persist(Some(|s| s.len()))
}

#[ephemeral_fs]
fn run_annotated(jobs: &Jobs) -> usize {
    jobs.persist(Some(|s: &str| s.len()))
}

fn main() {}
