use ephemeral_fs::ephemeral_fs;
use std::sync::LazyLock;

// A closure in a static runs at run time, in the handler that touches it.
#[ephemeral_fs]
fn config() -> &'static str {
    static CACHE: LazyLock<String> = LazyLock::new(|| {
        std::fs::write("/var/cache/app/config", "x").unwrap();
        String::from("x")
    });
    &CACHE
}

fn main() {}
