use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod missing;

fn main() {}
