use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
unsafe fn save_raw(ptr: *const u8, len: usize) -> std::io::Result<()> {
    let body = unsafe { std::slice::from_raw_parts(ptr, len) };
    unsafe { std::fs::write("/var/raw.bin", body) }
}

fn main() {}
