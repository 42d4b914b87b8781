use std::fs;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_thumbnails(sizes: &[u32], body: &[u8]) -> std::io::Result<()> {
    sizes
        .iter()
        .try_for_each(|size| fs::write(format!("thumbs/{size}.png"), body))
}

fn main() {}
