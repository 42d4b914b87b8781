// A call's callee is looked up among values, a longer path's first segment
// among types and modules, as rustc does: an item only in the other
// namespace hides nothing. A helper module named `copy` leaves `copy(..)`
// to the glob of `std::fs`; a local `fn store` leaves `store::write` to
// `use std::fs as store;`; a `struct write { .. }` or an `enum discard {}`
// leaves the call to the import.
#[allow(non_camel_case_types, dead_code)]
#[ephemeral_fs::ephemeral_fs]
mod handlers {
    use std::fs::*;
    use std::fs as store;
    use std::fs::remove_file as discard;

    mod copy {
        pub fn label(n: u64) -> String {
            format!("{n} bytes copied")
        }
    }

    pub fn export(src: &tempfile::NamedTempFile) -> std::io::Result<String> {
        let n = copy(src, "/var/exports/a.bin")?;
        Ok(copy::label(n))
    }

    pub fn save(body: &[u8]) -> std::io::Result<usize> {
        fn store(n: usize) -> usize {
            n.div_ceil(512) * 512
        }
        store::write("/var/uploads/b", body)?;
        Ok(store(body.len()))
    }

    pub fn items_in_a_block(body: &[u8]) -> std::io::Result<()> {
        struct write {
            len: usize,
        }
        enum discard {}
        write("/var/uploads/c", body)?;
        discard("/var/uploads/d")
    }
}

fn main() {}
