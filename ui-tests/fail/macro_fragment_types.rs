// A `$t:ty` fragment reaches the attribute as a type in an invisible group
// (`<$t>::create`): it is the type it holds, for operations and escapes.
use ephemeral_fs::ephemeral_fs;

macro_rules! saver {
    ($name:ident, $file:ty) => {
        #[ephemeral_fs]
        fn $name(p: &str) -> std::io::Result<()> {
            <$file>::create(p)?;
            Ok(())
        }
    };
}

saver!(save_upload, std::fs::File);

macro_rules! scratch_handler {
    ($name:ident, $dir:ty) => {
        #[ephemeral_fs]
        fn $name() -> std::io::Result<std::path::PathBuf> {
            let dir = <$dir>::new()?;
            Ok(<$dir>::keep(dir))
        }
    };
}

scratch_handler!(make_scratch, tempfile::TempDir);

fn main() {}
