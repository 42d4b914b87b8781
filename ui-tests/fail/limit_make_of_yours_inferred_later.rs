// A limit, pinned: a `make` or `make_in` given a closure or a path (a
// function, or a local) is checked by the type it returns where its
// builder's names may not be fresh, and a receiver that is not a chain
// from `Builder::new()` may be any. A `make` of your own whose return type
// is only inferred from a later statement then needs that type written at
// the call. Given anything else (a literal), it is yours, and left as
// written.
use ephemeral_fs::ephemeral_fs;

pub struct Pool;

impl Pool {
    pub fn make<T: Default>(&self, _size: usize) -> T {
        T::default()
    }
}

#[ephemeral_fs]
pub fn inferred_later(pool: &Pool, size: usize) -> Vec<u8> {
    let made = pool.make(size);
    let bytes: Vec<u8> = made;
    bytes
}

#[ephemeral_fs]
pub fn written_at_the_call(pool: &Pool, size: usize) -> Vec<u8> {
    pool.make::<Vec<u8>>(size)
}

#[ephemeral_fs]
pub fn given_a_literal(pool: &Pool) -> Vec<u8> {
    let made = pool.make(4);
    let bytes: Vec<u8> = made;
    bytes
}

fn main() {}
