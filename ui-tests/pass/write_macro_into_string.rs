#![deny(warnings)]

use std::fmt::Write;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn render_receipt(items: &[(&str, u32)]) -> std::io::Result<String> {
    let mut out = String::new();
    for (name, cents) in items {
        write!(out, "{name}: {cents}").map_err(std::io::Error::other)?;
        writeln!(&mut out).map_err(std::io::Error::other)?;
    }
    Ok(out)
}

fn main() {
    assert_eq!(render_receipt(&[("tea", 250)]).unwrap(), "tea: 250\n");
}
