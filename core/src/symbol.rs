//! Every name the expansion emits that the runtime defines, spelled once:
//! paths into `::ephemeral_fs::__private`, the probe methods, and the
//! `__ephemeral_fs_` names. The runtime's side is `runtime/src/private/`;
//! a test below reads it and checks that each name is there.

use crate::lints::{Level, Lint};
use crate::ops::Builder;

/// The runtime crate, as every generated path starts: `::ephemeral_fs`.
pub const RUNTIME: &str = "ephemeral_fs";
/// Its module for generated code.
pub const PRIVATE: &str = "__private";
/// Its guarded mirror of `std::fs`, for functions used as values.
pub const MIRRORS: &str = "fs";

/// `Probe(value)`: a type probe, whose methods resolve by the value's type.
pub const PROBE: &str = "Probe";
/// `after(check, value)`: runs a check, then yields the value.
pub const AFTER: &str = "after";
/// `held_through(owners, call)`: keeps the borrows of the handles a call's
/// paths come from until the call has run.
pub const HELD_THROUGH: &str = "held_through";
/// `borrowed(&owner)`: a borrow's lifetime, for `held_through`.
pub const BORROWED: &str = "borrowed";
/// `with_witness(user_path, mirror)`: a function used as a value.
pub const WITH_WITNESS: &str = "with_witness";
/// `type_of(|| &raw const place)`: a place's type, from a closure never called.
pub const TYPE_OF: &str = "type_of";
/// `type_behind(&place)`: a place's type, from a reference to it, not the
/// reference's.
pub const TYPE_BEHIND: &str = "type_behind";
/// `try_output(&value)`: the type of `value?`, in that closure.
pub const TRY_OUTPUT: &str = "try_output";
/// `await_output(&value)`: the type of `value.await`, in that closure.
pub const AWAIT_OUTPUT: &str = "await_output";
/// `value_of(&index)`: an index of that closure's place, borrowed, not moved.
pub const VALUE_OF: &str = "value_of";
/// `destination(dest, |d| check)`: a `persist` destination left in place.
pub const PERSIST_DESTINATION: &str = "destination";
/// The probe method that reads the type of a `persist` receiver into a
/// marker, ahead of a destination left in place.
pub const PERSIST_RECEIVER: &str = "__ephemeral_fs_persist_receiver";
/// The binding the marker of a `persist` receiver is matched into.
pub const RECEIVER: &str = "__ephemeral_fs_receiver";
/// The `ref` binding a probe of a name in upper case takes its address by.
pub const PLACE: &str = "__ephemeral_fs_place";
/// `projected(root, |root| check)`: a value, after a check of a projection
/// of it from a closure never called.
pub const PROJECTED: &str = "projected";
/// `checked_in_const(value, |value| check)`: the same, `const`.
pub const CHECKED_IN_CONST: &str = "checked_in_const";
/// `receiver.__ephemeral_fs_probe()`: `Probe(receiver)`, written as a
/// method of the receiver (`ProbeReceiver`).
pub const PROBE_RECEIVER: &str = "__ephemeral_fs_probe";
/// `receiver.__ephemeral_fs_checked(check)`: `checked_in_const`, as a
/// method of the receiver.
pub const CHECKED_RECEIVER: &str = "__ephemeral_fs_checked";
/// The guard for the original of a new link.
pub const LINK_ORIGINAL_GUARD: &str = "persistent_write_link_original";
/// The guard for the original of a new symbolic link.
pub const SYMLINK_ORIGINAL_GUARD: &str = "persistent_write_symlink_original";
/// The guard for a path whose permissions or owner change.
pub const TEMP_FILE_GUARD: &str = "persistent_write_temp_file";
/// The guard for a new root of the process (`chroot`), which no path passes.
pub const PROCESS_ROOT_GUARD: &str = "persistent_write_process_root";
/// The guard for a directory a `DirBuilder` makes with a mode not known to
/// leave its owner all rights, which no path passes.
pub const DIRECTORY_MODE_GUARD: &str = "persistent_write_directory_mode";
/// The probe method a `warn`-level `make` check reports through.
pub const MADE_WARNING: &str = "closure_path_is_not_from_tempfile";
/// The deprecated method a `warn`-level escape reports through.
pub const ESCAPE_WARNING: &str = "lets_a_temp_file_outlive_the_request";
/// The same, for a `from_path`-like constructor.
pub const ADOPT_WARNING: &str = "adopts_a_path_that_is_not_a_temp_file";

/// The traits a body with probes brings into scope (`as _`), so that a
/// probe on a type without the inherent method falls back to them.
pub const PROBE_TRAITS: &[&str] = &[
    "FnValueFallback",
    "PathOfFallback",
    "PersistentRead",
    "PersistentWrite",
    "ProbeReceiver",
    "TempAdoptFallback",
    "TempEscape",
    "TempEscapeFallback",
    "UnseenBuilderFallback",
    "UnseenBuilderFlags",
];

/// The binding a checked `persist` destination is evaluated into: a local
/// of the generated code, not a runtime name. (No user names a local with
/// our prefix.)
pub const DESTINATION: &str = "__ephemeral_fs_dest";

/// The closure parameter a receiver's root value is checked through: a
/// local too.
pub const PROJECTED_ROOT: &str = "__ephemeral_fs_root";

/// The parameter of the closure that stands in for a leak function passed
/// as an argument: a local too.
pub const LEAKED: &str = "__ephemeral_fs_leaked";

/// The binding a checked argument's owner is borrowed into: a local too.
pub const OWNER: &str = "__ephemeral_fs_owner";

/// The binding a path local's `let` holds its owner's borrow in.
pub fn held_owner(slot: usize) -> String {
    format!("{OWNER}_{slot}")
}

/// What a path guard checks, and so which guard function it calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guard {
    /// The argument's own type: `persistent_write(path)`.
    Plain,
    /// A `.path()` derivation the analysis refused.
    PathOf,
    /// A join the analysis refused.
    Joined,
    /// The result of a `make` call whose closure's path was used.
    Made,
    /// A `make` closure's path used where the flow does not accept it.
    MadePath,
}

/// The `deny` guard function of a path lint: `persistent_write_joined`.
pub fn guard(lint: Lint, guard: Guard) -> String {
    let lint = lint.name();
    match guard {
        Guard::Plain => lint.to_owned(),
        Guard::PathOf => format!("{lint}_path_of"),
        Guard::Joined => format!("{lint}_joined"),
        Guard::Made => format!("{lint}_made"),
        Guard::MadePath => format!("{lint}_made_path"),
    }
}

/// What a `warn`-level path check looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warn {
    /// The argument's own type.
    Plain,
    /// The type of the owner of `owner.path()`.
    PathOf,
    /// The same, for a path joined onto a temp directory's.
    Joined,
}

/// The deprecated method a `warn`-level path check reports through; the
/// `persistent_read` ones start with `read_`, so both traits can be in scope.
pub fn warn_method(lint: Lint, shape: Warn) -> &'static str {
    let read = lint == Lint::PersistentRead;
    match (read, shape) {
        (false, Warn::Plain) => "path_is_not_a_temp_file",
        (false, Warn::PathOf) => "path_owner_is_not_a_temp_file",
        (false, Warn::Joined) => "joined_path_may_leave_the_temp_dir",
        (true, Warn::Plain) => "read_path_is_not_a_temp_file",
        (true, Warn::PathOf) => "read_path_owner_is_not_a_temp_file",
        (true, Warn::Joined) => "read_joined_path_may_leave_the_temp_dir",
    }
}

/// The `deny` probe method on the owner of a path: passes the path when the
/// owner is a temp file (a temp directory when `joined`).
pub fn path_of_probe(lint: Lint, joined: bool) -> String {
    match joined {
        false => format!("__ephemeral_fs_deny_{}_path", lint.name()),
        true => format!("__ephemeral_fs_deny_{}_joined", lint.name()),
    }
}

/// The probe method for `temp_escape` at `level`. The in-place variants
/// return a marker that does not borrow, so the receiver can then be moved.
pub fn escape_probe(level: Level, in_place: bool) -> &'static str {
    match (level, in_place) {
        (Level::Warn, false) => "__ephemeral_fs_warn_temp_escape",
        (Level::Warn, true) => "__ephemeral_fs_warn_temp_escape_in_place",
        (_, false) => "__ephemeral_fs_deny_temp_escape",
        (_, true) => "__ephemeral_fs_deny_temp_escape_in_place",
    }
}

/// The `deny` guard that calls tempfile's own `make` or `make_in`:
/// `persistent_write_make`.
pub fn make_guard(lint: Lint, method: &str) -> String {
    format!("{}_{method}", lint.name())
}

/// The probe method that computes a path from a temp handle by
/// tempfile's own methods: `owner.path()`, a copy of it, or literal joins.
pub fn path_probe(owned: bool, joined: bool) -> &'static str {
    match (joined, owned) {
        (false, false) => "__ephemeral_fs_path",
        (false, true) => "__ephemeral_fs_path_buf",
        (true, _) => "__ephemeral_fs_joined",
    }
}

/// The probe method on the owner of a `persist` destination derived from
/// its `path()`.
pub fn destination_probe(joined: bool) -> &'static str {
    match joined {
        true => "__ephemeral_fs_joined_destination",
        false => "__ephemeral_fs_temp_destination",
    }
}

/// The probe method on a value whose destructor is skipped (`mem::forget`).
pub fn forget_probe(level: Level) -> &'static str {
    match level {
        Level::Warn => "__ephemeral_fs_warn_temp_forget",
        _ => "__ephemeral_fs_deny_temp_forget",
    }
}

/// For a tempfile escape used as a value, the wrapper that takes the
/// function and the probe method on it: by its result's type for a
/// constructor, else by its first argument's (`arity` 1 or 2; 0 when the
/// type's name does not give it).
pub fn escape_value(constructor: bool, arity: usize) -> (&'static str, &'static str) {
    match (constructor, arity) {
        // Any arity: the function's signature says which argument decides.
        (true, 0) => ("fn_result_any", "__ephemeral_fs_deny_temp_adopt_value"),
        (false, 0) => ("fn_value_any", "__ephemeral_fs_deny_temp_escape_value"),
        (true, _) => ("fn_result_1", "__ephemeral_fs_deny_temp_adopt_value"),
        (false, 1) => ("fn_value_1", "__ephemeral_fs_deny_temp_escape_value"),
        (false, _) => ("fn_value_2", "__ephemeral_fs_deny_temp_escape_value"),
    }
}

/// `OnType::<T>::new()`: a type's probe, without a value.
pub const ON_TYPE: &str = "OnType";

/// The probe method of `OnType` for the function `name` called through an
/// associated type.
pub fn by_type_method(name: &str) -> String {
    format!("__ephemeral_fs_by_type_{name}")
}

/// The probe method for a `persist` whose destination is checked too.
pub fn persist_probe(level: Level) -> &'static str {
    match level {
        Level::Warn => "__ephemeral_fs_warn_temp_persist_in_place",
        _ => "__ephemeral_fs_deny_temp_persist_in_place",
    }
}

/// The deprecated method a `warn`-level probe of a builder whose flags are
/// not in sight reports through.
pub const UNSEEN_BUILDER_WARNING: &str = "builder_flags_are_not_in_sight";

/// The probe method on the receiver of a builder's `open` or `create` whose
/// flags are not in sight.
pub fn unseen_builder_probe(builder: Builder, level: Level, in_place: bool) -> String {
    let kind = match builder {
        Builder::OpenOptions => "open_options",
        Builder::DirBuilder => "dir_builder",
    };
    let level = match level {
        Level::Warn => "warn",
        _ => "deny",
    };
    let place = if in_place { "_in_place" } else { "" };
    format!("__ephemeral_fs_{level}_unseen_{kind}{place}")
}

/// The probe method for a `from_path`-like constructor's result.
pub fn adopt_probe(level: Level) -> &'static str {
    match level {
        Level::Warn => "__ephemeral_fs_warn_temp_adopt",
        _ => "__ephemeral_fs_deny_temp_adopt",
    }
}

/// The probe method for the result of a `make` whose names may not be fresh.
pub fn make_names_probe(level: Level) -> &'static str {
    match level {
        Level::Warn => "__ephemeral_fs_warn_make_names",
        _ => "__ephemeral_fs_deny_make_names",
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use syn::visit::{self, Visit};

    use super::*;

    /// Every name the runtime's private module declares: items, methods of
    /// impls and traits, and what it re-exports.
    #[derive(Default)]
    struct Declared(HashSet<String>);

    impl<'ast> Visit<'ast> for Declared {
        fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
            self.0.insert(item.sig.ident.to_string());
        }
        fn visit_item_struct(&mut self, item: &'ast syn::ItemStruct) {
            self.0.insert(item.ident.to_string());
        }
        fn visit_item_trait(&mut self, item: &'ast syn::ItemTrait) {
            self.0.insert(item.ident.to_string());
            visit::visit_item_trait(self, item);
        }
        fn visit_trait_item_fn(&mut self, item: &'ast syn::TraitItemFn) {
            self.0.insert(item.sig.ident.to_string());
        }
        fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
            self.0.insert(item.sig.ident.to_string());
        }
        // Only what it re-exports: a private `use` is not a path into it.
        fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
            if matches!(item.vis, syn::Visibility::Public(_)) {
                visit::visit_item_use(self, item);
            }
        }
        fn visit_use_name(&mut self, name: &'ast syn::UseName) {
            self.0.insert(name.ident.to_string());
        }
        fn visit_use_rename(&mut self, rename: &'ast syn::UseRename) {
            self.0.insert(rename.rename.to_string());
        }
    }

    fn declared() -> HashSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/src/private");
        let mut declared = Declared::default();
        let mut files = 0;
        for entry in std::fs::read_dir(&dir).expect("the runtime's private module") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|ext| ext == "rs") {
                let text = std::fs::read_to_string(&path).expect("reads");
                let file = syn::parse_file(&text).expect("the runtime parses");
                declared.visit_file(&file);
                files += 1;
            }
        }
        assert!(files >= 3, "{files} files in {}", dir.display());
        declared.0
    }

    /// Every runtime name the expansion can emit, whatever the lint and level.
    fn emitted() -> Vec<String> {
        let mut names: Vec<String> = [
            PROBE,
            AFTER,
            WITH_WITNESS,
            TYPE_OF,
            TYPE_BEHIND,
            TRY_OUTPUT,
            AWAIT_OUTPUT,
            VALUE_OF,
            PROJECTED,
            CHECKED_IN_CONST,
            PROBE_RECEIVER,
            CHECKED_RECEIVER,
        ]
        .into_iter()
        .chain([PERSIST_DESTINATION, PERSIST_RECEIVER])
        .chain([LINK_ORIGINAL_GUARD, SYMLINK_ORIGINAL_GUARD, TEMP_FILE_GUARD])
        .chain([PROCESS_ROOT_GUARD, DIRECTORY_MODE_GUARD])
        .chain([
            MADE_WARNING,
            ESCAPE_WARNING,
            ADOPT_WARNING,
            UNSEEN_BUILDER_WARNING,
        ])
        .chain([false, true].map(destination_probe))
        .chain([(false, false), (true, false), (false, true)].map(|(o, j)| path_probe(o, j)))
        .chain(PROBE_TRAITS.iter().copied())
        .map(str::to_owned)
        .collect();
        // The lints whose guards check a path argument.
        for lint in [Lint::PersistentWrite, Lint::PersistentRead] {
            let guards = [
                Guard::Plain,
                Guard::PathOf,
                Guard::Joined,
                Guard::Made,
                Guard::MadePath,
            ];
            names.extend(guards.map(|shape| guard(lint, shape)));
            let warnings = [Warn::Plain, Warn::PathOf, Warn::Joined];
            names.extend(warnings.map(|shape| warn_method(lint, shape).to_owned()));
            names.extend([false, true].map(|joined| path_of_probe(lint, joined)));
            names.extend(
                crate::ops::MAKE_METHODS
                    .iter()
                    .map(|method| make_guard(lint, method)),
            );
        }
        for level in [Level::Warn, Level::Deny] {
            names.extend([false, true].map(|in_place| escape_probe(level, in_place).to_owned()));
            names.push(persist_probe(level).to_owned());
            names.push(adopt_probe(level).to_owned());
            names.push(make_names_probe(level).to_owned());
            names.push(forget_probe(level).to_owned());
            for builder in [Builder::OpenOptions, Builder::DirBuilder] {
                names.extend(
                    [false, true].map(|in_place| unseen_builder_probe(builder, level, in_place)),
                );
            }
        }
        names.push(ON_TYPE.to_owned());
        names.extend(crate::ops::by_type_functions().map(|(name, _)| by_type_method(name)));
        names.push(by_type_method("value"));
        for (constructor, arity) in [(true, 1), (false, 1), (false, 2), (true, 0), (false, 0)] {
            let (wrapper, probe) = escape_value(constructor, arity);
            names.extend([wrapper.to_owned(), probe.to_owned()]);
        }
        names
    }

    #[test]
    fn every_emitted_name_is_declared_in_the_runtime() {
        let declared = declared();
        let missing: Vec<String> = emitted()
            .into_iter()
            .filter(|name| !declared.contains(name))
            .collect();
        assert!(
            missing.is_empty(),
            "not in runtime/src/private: {missing:?}"
        );
    }
}
