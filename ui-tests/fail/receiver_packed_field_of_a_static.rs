// A limit: a receiver below a name in upper case (a `static` or a `const`)
// is probed through a `ref` binding, since a `const` has no address for a
// raw pointer; a field of a `#[repr(packed)]` struct cannot be bound so
// (E0793). Copy the field out first: `let marker = STATE.marker;`.

use ephemeral_fs::ephemeral_fs;

#[derive(Clone, Copy)]
struct Marker(u32);

impl Marker {
    fn keep(self) -> u32 {
        self.0
    }
}

#[repr(packed)]
struct Packed {
    tag: u8,
    marker: Marker,
}

static STATE: Packed = Packed {
    tag: 1,
    marker: Marker(2),
};

#[ephemeral_fs]
fn read() -> u32 {
    STATE.marker.keep() + u32::from(STATE.tag)
}

#[ephemeral_fs]
fn read_copied() -> u32 {
    let marker = STATE.marker;
    marker.keep() + u32::from(STATE.tag)
}

fn main() {}
