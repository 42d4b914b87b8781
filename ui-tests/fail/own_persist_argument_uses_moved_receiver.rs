// A user's own `persist(self, ..)` whose argument reads the receiver it
// moved: rustc refuses it without the attribute, and so with it (the
// receiver is moved before the argument is evaluated).
use ephemeral_fs::ephemeral_fs;

struct Doc(u32);

impl Doc {
    fn label(&self) -> String {
        format!("doc-{}", self.0)
    }

    fn persist(self, key: String) -> String {
        format!("{} as {key}", self.0)
    }
}

#[ephemeral_fs]
fn handler() -> String {
    let doc = Doc(1);
    doc.persist(doc.label())
}

fn main() {
    println!("{}", handler());
}
