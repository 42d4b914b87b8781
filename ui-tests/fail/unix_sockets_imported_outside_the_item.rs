// std's Unix sockets, imported outside the annotated item, are taken for
// std's as `File` is: binding one creates a file at its path.
use std::os::unix::net::{UnixDatagram, UnixListener};

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn listen(name: &str) -> std::io::Result<UnixListener> {
    UnixListener::bind(format!("/run/app/{name}.sock"))
}

#[ephemeral_fs]
mod handlers {
    use super::*;

    pub fn notify(name: &str) -> std::io::Result<UnixDatagram> {
        UnixDatagram::bind(format!("/run/app/{name}.dgram"))
    }
}

fn main() {}
