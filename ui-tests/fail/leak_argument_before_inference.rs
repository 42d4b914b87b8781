// A leak function passed as an argument is checked by the type the callee
// gives its argument. Where a later statement decides that type (the
// element type of a `Vec::new()`), it is not known yet where the check is
// chosen: refused, and the error says so. Naming the type compiles.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn inferred_later() -> usize {
    let mut pending = Vec::new();
    pending.drain(..).for_each(std::mem::forget);
    pending.push(String::from("a"));
    pending.len()
}

#[ephemeral_fs]
fn named() -> usize {
    let mut pending: Vec<String> = Vec::new();
    pending.drain(..).for_each(std::mem::forget);
    pending.push(String::from("a"));
    pending.len()
}

fn main() {}
