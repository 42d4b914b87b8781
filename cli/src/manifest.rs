//! `--fix`'s edit of a manifest: the `ephemeral-fs` dependency, added as
//! `cargo add` adds it, with toml_edit, so that the manifest's formatting
//! and comments stay as they were.

use std::path::Path;

/// The runtime crate's name in manifests, and its version: the workspace's.
const DEPENDENCY: &str = "ephemeral-fs";
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Whether the workspace around `root` declares `ephemeral-fs` in
/// `[workspace.dependencies]`: the nearest manifest with a `[workspace]`
/// table, as cargo finds it.
pub fn workspace_has_it(root: &Path) -> bool {
    for dir in root.ancestors() {
        let Ok(text) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
            continue;
        };
        let Ok(manifest) = text.parse::<toml_edit::DocumentMut>() else {
            continue;
        };
        if let Some(workspace) = manifest.get("workspace") {
            return workspace
                .get("dependencies")
                .and_then(|item| item.as_table_like())
                .is_some_and(|table| {
                    table
                        .iter()
                        .any(|(key, _)| key.replace('_', "-") == DEPENDENCY)
                });
        }
    }
    false
}

/// The manifest's text with `ephemeral-fs` in `[dependencies]`, as `cargo
/// add ephemeral-fs` writes it: `ephemeral-fs.workspace = true` when the
/// workspace declares it, else the version; kept sorted when the table is
/// sorted, and everything else as it was. Refuses a dependency renamed with
/// `package`: the audit recognises the attribute only as `ephemeral_fs`.
pub fn with_dependency(text: &str, inherited: bool) -> Result<String, String> {
    let mut manifest: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e| format!("its Cargo.toml does not parse: {e}"))?;
    if let Some(dependencies) = manifest
        .get("dependencies")
        .and_then(|item| item.as_table_like())
    {
        for (key, value) in dependencies.iter() {
            let package = value
                .as_table_like()
                .and_then(|table| table.get("package"))
                .and_then(|package| package.as_str());
            let is_runtime = |name: &str| name.replace('_', "-") == DEPENDENCY;
            match package {
                Some(package) if is_runtime(package) && !is_runtime(key) => {
                    return Err(format!(
                        "it depends on `{DEPENDENCY}` as `{key}`, and the audit recognises the attribute only as `ephemeral_fs`"
                    ));
                }
                _ if is_runtime(key) => return Ok(text.to_owned()),
                _ => {}
            }
        }
    }
    let dependencies = manifest
        .entry("dependencies")
        .or_insert_with(toml_edit::table)
        .as_table_like_mut()
        .ok_or("its `dependencies` is not a table")?;
    let keys: Vec<String> = dependencies.iter().map(|(key, _)| key.to_owned()).collect();
    let sorted = keys.windows(2).all(|pair| pair[0] <= pair[1]);
    let value = if inherited {
        let mut table = toml_edit::InlineTable::new();
        table.insert("workspace", true.into());
        table.set_dotted(true);
        toml_edit::value(table)
    } else {
        toml_edit::value(VERSION)
    };
    dependencies.insert(DEPENDENCY, value);
    if sorted {
        dependencies.sort_values();
    }
    Ok(manifest.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dependency_is_added_as_cargo_add_does() {
        let sorted = "[package]\nname = \"x\" # the name\n\n[dependencies]\n# storage\nanyhow = \"1\"\nzstd = { version = \"0.13\" }\n";
        assert_eq!(
            with_dependency(sorted, false).unwrap(),
            format!(
                "[package]\nname = \"x\" # the name\n\n[dependencies]\n# storage\nanyhow = \"1\"\nephemeral-fs = \"{VERSION}\"\nzstd = {{ version = \"0.13\" }}\n"
            )
        );
        let unsorted = "[dependencies]\nzstd = \"0.13\"\nanyhow = \"1\"\n";
        assert_eq!(
            with_dependency(unsorted, false).unwrap(),
            format!(
                "[dependencies]\nzstd = \"0.13\"\nanyhow = \"1\"\nephemeral-fs = \"{VERSION}\"\n"
            )
        );
        let none = "[package]\nname = \"x\"\n";
        assert_eq!(
            with_dependency(none, false).unwrap(),
            format!("[package]\nname = \"x\"\n\n[dependencies]\nephemeral-fs = \"{VERSION}\"\n")
        );
        for present in [
            "[dependencies]\nephemeral-fs = { path = \"../runtime\" }\n",
            "[dependencies]\nephemeral_fs = \"0.1\"\n",
            "[dependencies.ephemeral-fs]\nworkspace = true\n",
        ] {
            assert_eq!(with_dependency(present, false).unwrap(), present);
        }
        let member = "[package]\nname = \"x\"\n\n[dependencies]\nanyhow = \"1\"\n";
        assert_eq!(
            with_dependency(member, true).unwrap(),
            "[package]\nname = \"x\"\n\n[dependencies]\nanyhow = \"1\"\nephemeral-fs.workspace = true\n"
        );
        let renamed = "[dependencies]\nefs = { package = \"ephemeral-fs\", version = \"0.1\" }\n";
        assert!(
            with_dependency(renamed, false)
                .unwrap_err()
                .contains("as `efs`")
        );
    }
}
