use std::fs::{File, OpenOptions};
use std::io::Write;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_invoice(id: u64, body: &[u8]) -> std::io::Result<()> {
    let path: String = format!("invoices/{id}.pdf");
    if OpenOptions::new().read(true).open(&path).is_ok() {
        return Ok(());
    }
    File::create(path)?.write_all(body)
}

fn main() {}
