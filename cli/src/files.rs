//! Which files the audit reads besides those the walk lists, and how the
//! reports name them.

use std::path::{Path, PathBuf};

/// The files `mod name;` lines of a file may declare: `name.rs` and
/// `name/mod.rs` beside a `mod.rs`, `lib.rs` or `main.rs`, below the file's
/// own directory otherwise. Read from the text, so that it costs no parse;
/// inline modules and `#[path]` are the module tree's to follow.
pub fn declared_files(path: &Path, text: &str) -> Vec<PathBuf> {
    let Some(parent) = path.parent() else {
        return Vec::new();
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let in_bin = parent.file_name().is_some_and(|d| d == "bin");
    let dir = if matches!(stem, "mod" | "lib" | "main") || in_bin {
        parent.to_path_buf()
    } else {
        parent.join(stem)
    };
    let mut files = Vec::new();
    for line in text.lines() {
        let line = line.trim_start();
        let line = line
            .strip_prefix("pub ")
            .or_else(|| line.strip_prefix("pub(crate) "))
            .unwrap_or(line);
        let Some(name) = line
            .strip_prefix("mod ")
            .and_then(|rest| rest.strip_suffix(';'))
        else {
            continue;
        };
        let name = name.trim();
        if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            files.push(dir.join(format!("{name}.rs")));
            files.push(dir.join(name).join("mod.rs"));
        }
    }
    files
}

/// Relative to the current directory when below it, with `/` separators,
/// as rustc and code-scanning dashboards name files.
pub fn display_name(path: &Path, cwd: &Path) -> String {
    let Ok(shown) = path.strip_prefix(cwd) else {
        return path.display().to_string();
    };
    shown
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
