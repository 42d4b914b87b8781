use ephemeral_fs::ephemeral_fs;

// Binding a Unix socket creates a file at its path, which nothing removes.
#[ephemeral_fs]
fn serve() -> std::io::Result<()> {
    let _listener = std::os::unix::net::UnixListener::bind("/var/run/app.sock")?;
    let _socket = std::os::unix::net::UnixDatagram::bind("/var/run/dgram.sock")?;
    let bind = std::os::unix::net::UnixListener::bind;
    let _other = bind("/var/run/other.sock")?;
    Ok(())
}

fn main() {
    let _ = serve();
}
