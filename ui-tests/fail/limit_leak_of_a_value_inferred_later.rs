// A leak function is checked by its argument's type, which must be known
// where it is called: one that a later statement decides is refused, and
// the error says so. Name the type where the value is made.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
pub fn intern(name: &str) -> &'static [String] {
    let names = Box::leak(Box::new(Vec::new()));
    names.push(name.to_string());
    names
}

#[ephemeral_fs]
pub fn intern_typed(name: &str) -> &'static [String] {
    let names: &mut Vec<String> = Box::leak(Box::new(Vec::new()));
    names.push(name.to_string());
    names
}

fn main() {}
