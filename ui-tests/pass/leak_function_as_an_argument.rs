#![deny(warnings)]

// A leak function passed as an argument (`.map(mem::forget)`) is checked
// as a call: the callee's bound gives its argument's type. A value that
// owns no temp handle passes, and the program behaves as without the
// attribute.

use std::cell::Cell;
use std::mem::ManuallyDrop;

use ephemeral_fs::ephemeral_fs;

struct Counted<'a>(&'a Cell<u32>);

impl Drop for Counted<'_> {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

#[ephemeral_fs]
fn forget_each(drops: &Cell<u32>) -> bool {
    Some(Counted(drops)).map(core::mem::forget).is_some()
}

#[ephemeral_fs]
fn into_raw(data: Option<Box<u32>>) -> *mut u32 {
    data.map_or(std::ptr::null_mut(), Box::into_raw)
}

#[ephemeral_fs]
fn wrap(values: Vec<String>) -> usize {
    let kept: Vec<ManuallyDrop<String>> = values.into_iter().map(ManuallyDrop::new).collect();
    kept.iter().map(|s| s.len()).sum()
}

fn main() {
    let drops = Cell::new(0);
    assert!(forget_each(&drops));
    assert_eq!(drops.get(), 0);
    let raw = into_raw(Some(Box::new(7)));
    // SAFETY: `raw` was made by `Box::into_raw` just above.
    assert_eq!(*unsafe { Box::from_raw(raw) }, 7);
    assert!(into_raw(None).is_null());
    assert_eq!(wrap(vec!["ab".to_owned(), "c".to_owned()]), 3);
}
