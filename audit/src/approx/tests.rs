use super::*;

fn value_in(body: &str, expr: &str) -> Option<Value> {
    let function: syn::ItemFn = syn::parse_str(&format!("fn f() {{ {body} }}")).unwrap();
    let locals = Locals::of_fn(&function.sig, &function.block);
    locals.value(&syn::parse_str(expr).unwrap())
}

#[test]
fn constructors_give_handles() {
    let body = "let f = NamedTempFile::new_in(\"/tmp\")?; let d = TempDir::new().unwrap(); \
                let b = tempfile::Builder::new().suffix(\".png\").tempdir()?; \
                let t = f.into_temp_path(); let s = d.child(\"x\")?;";
    assert_eq!(value_in(body, "f"), Some(Value::Handle(Handle::File)));
    assert_eq!(value_in(body, "&d"), Some(Value::Handle(Handle::Dir)));
    assert_eq!(value_in(body, "b"), Some(Value::Handle(Handle::Dir)));
    assert_eq!(value_in(body, "t"), Some(Value::Handle(Handle::Path)));
    assert_eq!(value_in(body, "s"), Some(Value::Handle(Handle::Scratch)));
    // Paths derived from handles are the rewrite's data flow, not values.
    assert_eq!(value_in(body, "d.path()"), None);
}

#[test]
fn mut_does_not_matter_and_rebinding_the_same_kind_is_fine() {
    let body = "let mut f = NamedTempFile::new()?; f = NamedTempFile::new()?; \
                let g = NamedTempFile::new()?; let g = NamedTempFile::new()?;";
    assert_eq!(value_in(body, "f"), Some(Value::Handle(Handle::File)));
    assert_eq!(value_in(body, "g"), Some(Value::Handle(Handle::File)));
}

#[test]
fn other_bindings_are_unknown() {
    let body = "for f in files { } let (a, b) = pair; let c = |x| x; \
                if let Some(d) = maybe { }";
    for name in ["f", "a", "b", "x", "d", "undeclared"] {
        assert_eq!(value_in(body, name), None, "{name}");
    }
}

#[test]
fn types_behind_pointers() {
    let ty = |text: &str| type_value(&syn::parse_str(text).unwrap());
    assert_eq!(ty("&mut NamedTempFile"), Some(Value::Handle(Handle::File)));
    assert_eq!(
        ty("std::sync::Arc<TempDir>"),
        Some(Value::Shared(Handle::Dir))
    );
    assert_eq!(
        ty("Box<tempfile::TempPath>"),
        Some(Value::Shared(Handle::Path))
    );
    assert_eq!(ty("ScratchPath<'_>"), Some(Value::Handle(Handle::Scratch)));
    assert_eq!(ty("Vec<NamedTempFile>"), None);
}

#[test]
fn handles_pass_through_blocks_branches_and_the_blocking_pool() {
    // miniserve's upload: a `NamedTempFile` made on the blocking pool, its
    // results matched apart, then kept.
    let body = "let task = tokio::task::spawn_blocking(move || { \
                    if let Some(d) = dir { NamedTempFile::new_in(d) } else { NamedTempFile::new() } }); \
                let made = match task.await { Ok(made) => Ok(made), Err(e) => Err(wrap(e)) }?; \
                let file = match made { Err(e) if denied(&e) => Err(e), Err(e) => Err(e), Ok(file) => Ok(file) }?; \
                let (std_file, kept) = file.keep().map_err(internal)?; \
                let dir = { TempDir::new()? }; \
                let mixed = if c { NamedTempFile::new()? } else { TempDir::new()? }; \
                let either = if c { NamedTempFile::new()? } else { return Err(e) }; \
                let half = if c { NamedTempFile::new()? } else { other() };";
    assert_eq!(value_in(body, "made"), Some(Value::Handle(Handle::File)));
    assert_eq!(value_in(body, "file"), Some(Value::Handle(Handle::File)));
    assert_eq!(value_in(body, "kept"), Some(Value::Handle(Handle::Kept)));
    assert_eq!(value_in(body, "std_file"), None);
    assert_eq!(value_in(body, "dir"), Some(Value::Handle(Handle::Dir)));
    assert_eq!(value_in(body, "either"), Some(Value::Handle(Handle::File)));
    // Arms that give different kinds, or something unknown, give nothing.
    assert_eq!(value_in(body, "mixed"), None);
    assert_eq!(value_in(body, "half"), None);
}

#[test]
fn a_kept_path_is_the_escape_s_and_is_not_kept_again() {
    let body = "let dir = TempDir::new()?; let kept = dir.keep();";
    assert_eq!(value_in(body, "kept"), Some(Value::Handle(Handle::Kept)));
    assert!(Value::Handle(Handle::Kept).is_temp_target());
    // An unknown value's `keep()` is not a handle's.
    assert_eq!(value_in("let kept = other.keep();", "kept"), None);
}
