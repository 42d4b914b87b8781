//! Operations the attribute accepts behave as the plain std calls do.

use std::fs;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
fn write_then_read(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let tmp = NamedTempFile::new()?;
    fs::write(&tmp, body)?;
    fs::read(&tmp)
}

#[test]
fn write_round_trips() {
    assert_eq!(write_then_read(b"upload").unwrap(), b"upload");
}

#[ephemeral_fs]
fn write_through_path_of(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let tmp = NamedTempFile::new()?;
    fs::write(tmp.path(), body)?;
    let dir = TempDir::new()?;
    fs::create_dir_all(dir.path())?;
    fs::read(tmp.path())
}

#[test]
fn paths_of_temp_handles_are_accepted() {
    assert_eq!(write_through_path_of(b"via path()").unwrap(), b"via path()");
}

#[ephemeral_fs]
fn create_append_and_read(parts: &[&str]) -> std::io::Result<String> {
    let tmp = NamedTempFile::new()?;
    File::create(&tmp)?.write_all(parts[0].as_bytes())?;
    for part in &parts[1..] {
        OpenOptions::new()
            .append(true)
            .open(&tmp)?
            .write_all(part.as_bytes())?;
    }
    let mut text = String::new();
    File::open(&tmp)?.read_to_string(&mut text)?;
    Ok(text)
}

#[test]
fn file_create_and_append_round_trip() {
    assert_eq!(create_append_and_read(&["a", "b", "c"]).unwrap(), "abc");
}

#[ephemeral_fs]
fn scratch_tree(body: &[u8]) -> std::io::Result<(Vec<u8>, Vec<u8>, usize)> {
    let dir = TempDir::new()?;
    let chunks = dir.child("chunks")?;
    fs::create_dir_all(&chunks)?;
    let first = chunks.child("0.part")?;
    fs::write(&first, body)?;
    let copy = chunks.child("1.part")?;
    fs::copy(&first, &copy)?;
    let moved = dir.child("joined.bin")?;
    fs::rename(&copy, &moved)?;
    let link = dir.child("link.bin")?;
    fs::hard_link(&moved, &link)?;
    let listed = fs::read_dir(&chunks)?.count();
    let result = (fs::read(&first)?, fs::read(&link)?, listed);
    fs::remove_file(&link)?;
    fs::remove_dir_all(&chunks)?;
    Ok(result)
}

#[test]
fn scratch_directory_operations_round_trip() {
    let (first, linked, listed) = scratch_tree(b"part").unwrap();
    assert_eq!(first, b"part");
    assert_eq!(linked, b"part");
    assert_eq!(listed, 1);
}

#[cfg(unix)]
#[ephemeral_fs]
fn symlink_and_permissions() -> std::io::Result<(std::path::PathBuf, bool)> {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new()?;
    let target = dir.child("target")?;
    fs::write(&target, b"x")?;
    let link = dir.child("link")?;
    std::os::unix::fs::symlink(&target, &link)?;
    // Permissions change on temp files only: a directory made read-only
    // could not be emptied by its cleanup.
    let file = tempfile::NamedTempFile::new_in(dir.path())?;
    fs::set_permissions(&file, fs::Permissions::from_mode(0o400))?;
    let read_only = fs::metadata(&file)?.permissions().readonly();
    Ok((fs::read_link(&link)?, read_only))
}

#[cfg(unix)]
#[test]
fn symlink_and_permissions_round_trip() {
    let (points_to, read_only) = symlink_and_permissions().unwrap();
    assert!(points_to.ends_with("target"));
    assert!(read_only);
}

#[ephemeral_fs]
fn remove_through_a_value(count: usize) -> std::io::Result<usize> {
    let files: Vec<NamedTempFile> = (0..count)
        .map(|_| NamedTempFile::new())
        .collect::<Result<_, _>>()?;
    let paths: Vec<std::path::PathBuf> = files.iter().map(|f| f.path().to_owned()).collect();
    files.iter().try_for_each(fs::remove_file)?;
    Ok(paths.iter().filter(|p| p.exists()).count())
}

#[test]
fn functions_used_as_values_still_work() {
    assert_eq!(remove_through_a_value(3).unwrap(), 0);
}

#[test]
fn public_mirrors_match_std() {
    let tmp = NamedTempFile::new().unwrap();
    ephemeral_fs::fs::write(&tmp, b"mirror").unwrap();
    assert_eq!(ephemeral_fs::fs::read(&tmp).unwrap(), b"mirror");
    assert_eq!(ephemeral_fs::fs::read_to_string(&tmp).unwrap(), "mirror");
    assert_eq!(ephemeral_fs::fs::metadata(&tmp).unwrap().len(), 6);
    assert!(ephemeral_fs::fs::exists(&tmp).unwrap());
    ephemeral_fs::fs::remove_file(&tmp).unwrap();
    assert!(!tmp.path().exists());
}

#[ephemeral_fs]
async fn async_handler(body: Vec<u8>) -> std::io::Result<usize> {
    let tmp = NamedTempFile::new()?;
    let write = async { fs::write(&tmp, &body) };
    write.await?;
    let read = || fs::read(&tmp);
    Ok(read()?.len())
}

#[test]
fn async_bodies_and_closures_run_unchanged() {
    // A minimal executor: the future never waits.
    let future = std::pin::pin!(async_handler(vec![1, 2, 3]));
    let waker = std::task::Waker::noop();
    let mut context = std::task::Context::from_waker(waker);
    match future.poll(&mut context) {
        std::task::Poll::Ready(result) => assert_eq!(result.unwrap(), 3),
        std::task::Poll::Pending => panic!("the handler never awaits anything pending"),
    }
}

use std::future::Future;
