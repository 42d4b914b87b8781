#![deny(warnings)]

use std::marker::PhantomData;

use ephemeral_fs::ephemeral_fs;

trait Keep {
    fn keep(&self) -> u32;
}

impl Keep for u32 {
    fn keep(&self) -> u32 {
        *self + 1
    }
}

struct Document<T> {
    name: String,
    format: PhantomData<T>,
}

impl<T> Document<T> {
    fn from_path(name: &str) -> Self {
        Document {
            name: name.to_owned(),
            format: PhantomData,
        }
    }
}

mod cache {
    pub fn keep(file: tempfile::NamedTempFile) -> bool {
        file.path().exists()
    }
}

/// Path-called `keep`/`from_path` of the user's own traits, generic types
/// and modules compile as written.
#[ephemeral_fs]
fn open_document(name: &str) -> std::io::Result<(u32, String, bool)> {
    let renewed = Keep::keep(&5);
    let document: Document<u8> = Document::from_path(name);
    let cached = cache::keep(tempfile::NamedTempFile::new()?);
    Ok((renewed, document.name, cached))
}

fn main() {
    assert_eq!(open_document("a").unwrap(), (6, "a".to_owned(), true));
}
