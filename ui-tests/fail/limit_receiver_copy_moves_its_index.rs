// The closure that reads a receiver's type holds a copy of the place, and
// captures the variables in it as any closure does: an index taken by
// value is moved into it, and the call is then a use of a moved value.
// Bind the index first, or take the element by `&mut` into a local.
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

#[ephemeral_fs]
pub fn touch(reg: &mut Registry, key: SessionKey) -> u32 {
    reg[key].keep()
}

#[ephemeral_fs]
pub fn touch_through_a_local(reg: &mut Registry, key: SessionKey) -> u32 {
    let session = &mut reg[key];
    session.keep()
}

fn main() {}
