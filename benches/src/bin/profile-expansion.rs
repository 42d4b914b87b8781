//! Expands one fixture many times, for a profiler.
//!
//! Usage: profile-expansion <fixture-name> [iterations]

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let name = args.get(1).map_or("medium/fs", String::as_str);
    let iterations: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(200);
    let fixture = ephemeral_fs_benches::all()
        .into_iter()
        .find(|f| f.name == name)
        .expect("a fixture name: small/plain, small/fs, medium/plain, medium/fs, large/plain, large/fs");
    let tokens = fixture.tokens();
    let mut bytes = 0;
    for _ in 0..iterations {
        let output = ephemeral_fs_core::expand(proc_macro2::TokenStream::new(), tokens.clone());
        bytes += output.into_iter().count();
    }
    println!("{bytes}");
}
