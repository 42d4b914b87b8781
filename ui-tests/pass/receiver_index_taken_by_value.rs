#![deny(warnings)]

// The closure that reads a receiver's type copies the place, with each
// index borrowed rather than moved: an index taken by value
// (`Index<SessionKey>`) stays the call's to move, and is evaluated once.
use std::cell::Cell;
use std::ops::{Index, IndexMut};

use ephemeral_fs::ephemeral_fs;

pub struct SessionKey(pub String);

pub struct Session {
    pub kept: u32,
}

impl Session {
    pub fn keep(&mut self) -> u32 {
        self.kept += 1;
        self.kept
    }
}

pub struct Registry(pub Vec<(String, Session)>);

impl Index<SessionKey> for Registry {
    type Output = Session;
    fn index(&self, key: SessionKey) -> &Session {
        &self.0.iter().find(|(k, _)| *k == key.0).unwrap().1
    }
}

impl IndexMut<SessionKey> for Registry {
    fn index_mut(&mut self, key: SessionKey) -> &mut Session {
        &mut self.0.iter_mut().find(|(k, _)| *k == key.0).unwrap().1
    }
}

thread_local! {
    static KEYS_MADE: Cell<u32> = const { Cell::new(0) };
}

fn key_of(name: &str) -> SessionKey {
    KEYS_MADE.with(|made| made.set(made.get() + 1));
    SessionKey(name.to_owned())
}

#[ephemeral_fs]
pub fn touch(reg: &mut Registry, key: SessionKey) -> u32 {
    reg[key].keep()
}

#[ephemeral_fs]
pub fn touch_through_a_local(reg: &mut Registry, key: SessionKey) -> u32 {
    let session = &mut reg[key];
    session.keep()
}

#[ephemeral_fs]
pub fn touch_by_name(reg: &mut Registry, name: &str) -> u32 {
    reg[key_of(name)].keep()
}

fn main() {
    let mut reg = Registry(vec![("a".to_owned(), Session { kept: 0 })]);
    assert_eq!(touch(&mut reg, SessionKey("a".to_owned())), 1);
    assert_eq!(touch_through_a_local(&mut reg, SessionKey("a".to_owned())), 2);
    assert_eq!(touch_by_name(&mut reg, "a"), 3);
    assert_eq!(KEYS_MADE.with(Cell::get), 1, "the index is evaluated once");
}
