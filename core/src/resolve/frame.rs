//! One frame of names: a module's or a block's items and imports, merged
//! over `#[cfg]` alternatives, and the conventional names that stand for
//! std's filesystem when nothing in sight binds them.

use super::*;

impl Frame {
    /// Binds `name` by an import or an alias, unless an item or import of
    /// the frame already binds it more strictly (see `strictness`).
    /// Another `#[cfg]` alternative of this module: each name keeps the
    /// stricter of its two meanings.
    pub(super) fn merge(&mut self, other: Frame) {
        for (name, binding) in other.names {
            self.bind_stricter(name, binding);
        }
        for (name, binding) in other.glob_names {
            self.glob_names.entry(name).or_insert(binding);
        }
        for glob in other.globs {
            if !self.globs.contains(&glob) {
                self.globs.push(glob);
            }
        }
        self.leads_to_fs |= other.leads_to_fs;
        for (name, visibility) in other.visibility {
            self.note_visibility(name, visibility);
        }
        for glob in other.public_globs {
            if !self.public_globs.contains(&glob) {
                self.public_globs.push(glob);
            }
        }
    }

    /// How strict and how many the frame's bindings are: it changes only
    /// when a binding does.
    pub(super) fn signature(&self) -> (usize, usize) {
        let strictness = self
            .names
            .values()
            .map(|binding| usize::from(binding.strictness()))
            .sum();
        (strictness, self.globs.len())
    }

    /// Records how far a name the frame binds is visible to globs of it.
    /// Two bindings of one name keep the wider visibility.
    pub(super) fn note_visibility(&mut self, name: String, visibility: items::Visibility) {
        let known = self.visibility.entry(name).or_default();
        *known = (*known).max(visibility);
    }

    /// How far `name` is visible to globs of this module.
    pub(super) fn visibility_of(&self, name: &str) -> items::Visibility {
        self.visibility.get(name).copied().unwrap_or_default()
    }

    pub(super) fn bind_stricter(&mut self, name: String, binding: Binding) {
        match self.names.get(&name) {
            Some(known) if known.strictness() > binding.strictness() => {}
            _ => {
                self.names.insert(name, binding);
            }
        }
    }

    /// What `name` means in this frame alone: its own names, then its
    /// globs. A glob brings the operations of an fs module, the modules
    /// below it on the way to one (`use std::os::unix::*;` then
    /// `net::UnixListener::bind`, `use std::*;` then `fs::write`), and the
    /// leak functions and the way to them (`use std::mem::*;` then
    /// `forget`).
    pub(super) fn lookup_own(&self, name: &str) -> Option<Binding> {
        if let Some(binding) = self.names.get(name) {
            return Some(binding.clone());
        }
        self.lookup_glob(name)
    }

    /// `lookup_own` in one namespace: a binding in the other one leaves the
    /// name to the frame's globs.
    pub(super) fn lookup_own_in(&self, name: &str, namespace: Namespace) -> Option<Binding> {
        match self.names.get(name) {
            Some(binding) if binding.is_in(namespace) => Some(binding.clone()),
            Some(_) => self
                .glob_names
                .get(name)
                .filter(|binding| binding.is_in(namespace))
                .cloned()
                .or_else(|| self.lookup_glob(name)),
            None => self.lookup_glob(name),
        }
    }

    /// What an import of `name` from this frame brings: an import takes
    /// the name in both namespaces, so the stricter of its two meanings
    /// (`use m::write as save;` where `m` has a `struct write {}` and a glob
    /// of `std::fs`).
    pub(super) fn lookup_own_either(&self, name: &str) -> Option<Binding> {
        match (
            self.lookup_own_in(name, Namespace::Value),
            self.lookup_own_in(name, Namespace::Type),
        ) {
            (Some(value), Some(ty)) if ty.strictness() > value.strictness() => Some(ty),
            // A macro's name is in neither.
            (value, ty) => value.or(ty).or_else(|| self.names.get(name).cloned()),
        }
    }

    fn lookup_glob(&self, name: &str) -> Option<Binding> {
        for glob in &self.globs {
            let importable = ops::is_glob_importable_from(glob, name)
                || leads_to_fs_module(glob, name)
                || ops::leads_to_leak_function(glob, name);
            if importable {
                let mut path = glob.clone();
                path.push(name.to_owned());
                return Some(Binding::Path(path));
            }
        }
        None
    }
}

/// What a name nothing in sight binds conventionally means (`fs`, `File`).
pub(super) fn conventional_binding(name: &str) -> Option<Binding> {
    let path = ops::conventional(name)?;
    Some(Binding::Path(
        path.iter().map(|s| (*s).to_owned()).collect(),
    ))
}

/// Whether `parent::name` is an fs module or on the way to one.
pub(super) fn leads_to_fs_module(parent: &[String], name: &str) -> bool {
    ops::Module::all_paths().any(|module| {
        module.len() > parent.len()
            && module[parent.len()] == name
            && parent
                .iter()
                .map(String::as_str)
                .eq(module[..parent.len()].iter().copied())
    })
}
