//! `use` trees and type aliases bound into a frame: renames, globs,
//! `self`/`super`/`crate` roots, and the stricter meaning where `#[cfg]`
//! alternatives disagree.

use super::*;

impl Namespaces {
    pub(super) fn bind_imports_and_aliases(
        &mut self,
        uses: &[&syn::ItemUse],
        aliases: &[&syn::ItemType],
    ) {
        for item_use in uses {
            let prefix = if item_use.leading_colon.is_some() {
                Prefix::At(Vec::new())
            } else {
                Prefix::Root
            };
            self.conditional = crate::syntax::is_conditional(&item_use.attrs);
            self.use_visibility = items::visibility_of(&item_use.vis);
            self.add_use_tree(&item_use.tree, prefix);
            self.conditional = false;
            self.use_visibility = items::Visibility::Private;
        }
        // `type Blob = std::fs::File;` stands for the path it names.
        for alias in aliases {
            // `type F = (std::fs::File);` is the same alias.
            let syn::Type::Path(target) = strip_type_parens(&alias.ty) else {
                continue;
            };
            // A generic alias stands for its target like a plain one
            // (`type Upload<'a> = std::fs::File;`), unless the target is
            // one of its own parameters, which names nothing in sight.
            let param = target.path.get_ident().and_then(|ident| {
                alias
                    .generics
                    .type_params()
                    .position(|param| param.ident == *ident)
            });
            if let (Some(index), Some(frame)) = (param, self.frames.last_mut()) {
                frame.bind_stricter(ident_name(&alias.ident), Binding::Param(index));
                continue;
            }
            // `type Upload = <Disk as Backend>::Handle;`
            let is_projection = target.qself.is_some();
            let Some(target) = qualified_path(target.qself.as_ref(), &target.path, 1) else {
                continue;
            };
            // `type Boxed<T> = Box<T>;` names a leak function's type too
            // (`Boxed::leak`).
            let resolved = self.resolve_by(&target, Namespace::Type, &|name| {
                ops::conventional(name).or_else(|| ops::leak_conventional(name))
            });
            // `type HandleOf<B> = <B as Backend>::Handle;`, and an alias of
            // such an alias (`type LogFile = HandleOf<Local>;`).
            let is_projection =
                is_projection || (resolved.is_none() && self.names_projection(&target));
            if resolved.is_none() && is_projection {
                if let Some(frame) = self.frames.last_mut() {
                    frame.bind_stricter(ident_name(&alias.ident), Binding::Projection);
                }
                continue;
            }
            if let Some(path) = resolved {
                let binding = Binding::Path(path);
                let conditional = crate::syntax::is_conditional(&alias.attrs);
                if conditional && binding.strictness() < LEADS_TO_FS {
                    continue;
                }
                if let Some(frame) = self.frames.last_mut() {
                    frame.bind_stricter(ident_name(&alias.ident), binding);
                }
            }
        }
    }

    pub(super) fn add_use_tree(&mut self, tree: &UseTree, prefix: Prefix) {
        match tree {
            UseTree::Path(path) => {
                let name = ident_name(&path.ident);
                let next = match prefix {
                    // `use self::..`, `use super::super::..`
                    Prefix::Root if name == "self" => Prefix::Supers(0),
                    Prefix::Root if name == "super" => Prefix::Supers(1),
                    Prefix::Root | Prefix::CrateRoot if name == "crate" => Prefix::CrateRoot,
                    Prefix::CrateRoot => self.below_above(&name),
                    Prefix::Supers(supers) if name == "super" => Prefix::Supers(supers + 1),
                    // `use super::handlers::fs;` at the top of `mod handlers`;
                    // `use super::fs::File;` is std's, as in a path.
                    Prefix::Supers(supers) if supers >= self.modules_in_sight() => {
                        match self.below_above(&name) {
                            Prefix::Supers(up) => Prefix::Supers(up),
                            above => conventional_binding(&name)
                                .map_or(above, |binding| Prefix::below(Some(binding), false)),
                        }
                    }
                    Prefix::Root => self.resolve_use_root(&name),
                    Prefix::Supers(supers) => Prefix::below(
                        self.lookup_in_module(&name, supers)
                            .or_else(|| conventional_binding(&name)),
                        true,
                    ),
                    Prefix::InModule(module, _) => {
                        Prefix::below(module.lookup_own_either(&name), false)
                    }
                    Prefix::At(mut prefix) => {
                        prefix.push(name);
                        Prefix::At(prefix)
                    }
                    Prefix::Untracked => Prefix::Untracked,
                };
                self.add_use_tree(&path.tree, next);
            }
            UseTree::Name(name) => {
                let name = ident_name(&name.ident);
                self.bind(&name, &name, prefix)
            }
            UseTree::Rename(rename) => self.bind(
                &ident_name(&rename.rename),
                &ident_name(&rename.ident),
                prefix,
            ),
            UseTree::Glob(_) => match prefix {
                Prefix::At(prefix) => {
                    // A glob re-exported however narrowly brings its names:
                    // the stricter reading.
                    let public = self.use_visibility != items::Visibility::Private;
                    if let Some(frame) = self.frames.last_mut() {
                        if public && !frame.public_globs.contains(&prefix) {
                            frame.public_globs.push(prefix.clone());
                        }
                        if !frame.globs.contains(&prefix) {
                            frame.globs.push(prefix);
                        }
                    }
                }
                // `use self::disk::*;`: what the module binds publicly, as
                // if each name were imported; `use super::*;`: all a module
                // around this one binds, which is visible here.
                Prefix::InModule(module, member) => {
                    let reach = if member { Reach::Member } else { Reach::Other };
                    self.import_glob_of(&module, reach)
                }
                Prefix::Supers(supers) => {
                    if let Some(module) = self.module_out(supers).cloned() {
                        self.import_glob_of(&module, Reach::Around);
                    }
                }
                Prefix::Root | Prefix::CrateRoot | Prefix::Untracked => {}
            },
            UseTree::Group(group) => {
                for tree in &group.items {
                    self.add_use_tree(tree, prefix.clone());
                }
            }
        }
    }

    /// A glob import of a module in sight: its names, where the frame has
    /// none of its own (an item or import of the frame shadows a glob's),
    /// and its globs; of those, only the ones visible where the glob is, as
    /// rustc's glob skips the others.
    pub(super) fn import_glob_of(&mut self, module: &Frame, reach: Reach) {
        let conditional = self.conditional;
        let use_visibility = self.use_visibility;
        if let Some(frame) = self.frames.last_mut() {
            for (name, binding) in &module.names {
                let leads_to_fs = binding.strictness() >= LEADS_TO_FS;
                let visibility = module.visibility_of(name);
                let visible = match (reach, visibility) {
                    (Reach::Around, _) | (_, items::Visibility::Public) => true,
                    (Reach::Member, items::Visibility::ParentOnly) => true,
                    (_, items::Visibility::Restricted) => leads_to_fs,
                    _ => false,
                };
                if !visible {
                    continue;
                }
                frame.note_visibility(name.clone(), visibility.through(use_visibility));
                // An item of the frame hides the glob's name, but only in
                // its own namespace: a `struct write {}` leaves the glob's
                // function to calls.
                if frame.names.contains_key(name) {
                    if leads_to_fs || !conditional {
                        frame
                            .glob_names
                            .entry(name.clone())
                            .or_insert_with(|| binding.clone());
                    }
                    continue;
                }
                if leads_to_fs || !conditional {
                    frame.names.insert(name.clone(), binding.clone());
                }
            }
            for glob in &module.globs {
                if reach != Reach::Around && !module.public_globs.contains(glob) {
                    continue;
                }
                let public = use_visibility != items::Visibility::Private;
                if public && !frame.public_globs.contains(glob) {
                    frame.public_globs.push(glob.clone());
                }
                if !frame.globs.contains(glob) {
                    frame.globs.push(glob.clone());
                }
            }
        }
    }

    // Input:  handlers      (after `use crate::web::` or `super::`, in `mod handlers`)
    // Output: Prefix::Supers(0)
    /// A `use` path's next segment in a module out of sight that holds the
    /// annotated one: followed from the annotated module's own name on.
    fn below_above(&self, name: &str) -> Prefix {
        match self.crate_anchor() {
            Some((anchor, supers)) if name == anchor => Prefix::Supers(supers),
            Some(_) => Prefix::CrateRoot,
            None => Prefix::Untracked,
        }
    }

    /// `use a::…` starts at a crate or at a name in sight; anything else is
    /// a place we don't track, and every name it brings in hides ours.
    pub(super) fn resolve_use_root(&self, first: &str) -> Prefix {
        match self.lookup_in(first, Namespace::Type) {
            Some(Binding::Path(path)) => Prefix::At(path),
            Some(Binding::Module(module)) => Prefix::InModule(module, true),
            // `use root::handlers::fs;` after `use crate as root;`, `use
            // me::fs;` after `use self as me;`.
            Some(Binding::Above) => Prefix::CrateRoot,
            Some(Binding::Root) => self
                .crate_anchor()
                .map_or(Prefix::Untracked, |(_, up)| Prefix::Supers(up)),
            // `use handlers::fs;`, the annotated module's name through a
            // glob of its parent's.
            None if self.is_root_name(first) => self.below_above(first),
            Some(Binding::Opaque | Binding::Param(_) | Binding::Projection | Binding::TypeOnly) => {
                Prefix::Untracked
            }
            // A use path starts in the type namespace. log's and tracing's
            // imports are followed so that their macros are known as theirs,
            // and ours so that our attribute is, under any name.
            None | Some(Binding::Value | Binding::Macro)
                if ops::is_known_crate(first)
                    || matches!(first, "log" | "tracing" | "ephemeral_fs") =>
            {
                Prefix::At(vec![first.to_owned()])
            }
            // `use fs::File;`: a conventional name, as in a path.
            None => conventional_binding(first).map_or(Prefix::Untracked, |binding| {
                Prefix::below(Some(binding), false)
            }),
            Some(Binding::Value | Binding::Macro) => Prefix::Untracked,
        }
    }

    pub(super) fn bind(&mut self, alias: &str, name: &str, prefix: Prefix) {
        if alias == "_" {
            return;
        }
        // `use self as me;`, `use super::handlers as me;` in `mod handlers`:
        // the module itself, as `use super::{self as parent}` is its parent.
        let (name, prefix) = match prefix {
            Prefix::Root if name == "self" => ("self", Prefix::Supers(0)),
            Prefix::Root if name == "super" => ("self", Prefix::Supers(1)),
            Prefix::Root if name == "crate" => ("self", Prefix::CrateRoot),
            Prefix::Supers(supers) if name != "self" && supers >= self.modules_in_sight() => {
                match self.below_above(name) {
                    Prefix::Supers(up) => ("self", Prefix::Supers(up)),
                    _ => (name, Prefix::Supers(supers)),
                }
            }
            prefix => (name, prefix),
        };
        let binding = match prefix {
            // `use std::fs::{self}` imports the module itself.
            Prefix::At(prefix) if name == "self" => Binding::Path(prefix),
            // `use self::storage::{self as disk}`: the inline module;
            // `use super::{self as parent}`: the module that many levels out.
            Prefix::InModule(module, _) if name == "self" => Binding::Module(module),
            // `use self as me;` at the top of the annotated module, or `use
            // super::{self as parent};` in one of its modules: the annotated
            // module as it stands when a path is read.
            Prefix::Supers(supers)
                if name == "self"
                    && supers + 1 == self.modules_in_sight()
                    && self.root_frame().is_some() =>
            {
                Binding::Root
            }
            // `use super as up;` at the top of the annotated module: a
            // module out of sight that holds it.
            Prefix::Supers(supers) if name == "self" => {
                self.module_out(supers).map_or(Binding::Above, |frame| {
                    Binding::Module(std::rc::Rc::new(frame.clone()))
                })
            }
            // `use crate as root;`, `use crate::{self as root};`
            Prefix::CrateRoot if name == "self" => Binding::Above,
            Prefix::At(mut prefix) => {
                prefix.push(name.to_owned());
                Binding::Path(prefix)
            }
            // `use fs as disk;` after `use std::fs;`, `use save as store;`:
            // what the name means where the `use` is; `use std;` names the
            // crate itself.
            // A name nothing in sight binds is what it conventionally is
            // (`use fs as disk;`, `use fs::File;`), as it is in a path.
            Prefix::Root => match self.lookup(name) {
                Some(binding) => binding,
                None if ops::is_known_crate(name) => Binding::Path(vec![name.to_owned()]),
                None => conventional_binding(name).unwrap_or(Binding::Opaque),
            },
            // `use super::fs;`: what the name means in that module; a name
            // it does not bind in sight is something we don't track.
            Prefix::Supers(supers) => self
                .lookup_in_module(name, supers)
                .or_else(|| conventional_binding(name))
                .unwrap_or(Binding::Opaque),
            Prefix::InModule(module, _) => {
                module.lookup_own_either(name).unwrap_or(Binding::Opaque)
            }
            Prefix::CrateRoot | Prefix::Untracked => Binding::Opaque,
        };
        let alias = if name == "self" && alias == "self" {
            match &binding {
                Binding::Path(path) => path.last().cloned().unwrap_or_default(),
                Binding::Opaque
                | Binding::Module(_)
                | Binding::Value
                | Binding::Macro
                | Binding::Param(_)
                | Binding::Projection
                | Binding::Above
                | Binding::Root
                | Binding::TypeOnly => return,
            }
        } else {
            alias.to_owned()
        };
        // A `#[cfg]`'d import that leads nowhere near the filesystem would
        // hide, when it is compiled out, the name's other meaning.
        if self.conditional && binding.strictness() < LEADS_TO_FS {
            return;
        }
        let visibility = self.use_visibility;
        if let Some(frame) = self.frames.last_mut() {
            frame.note_visibility(alias.clone(), visibility);
            frame.bind_stricter(alias, binding);
        }
    }
}

/// Where a glob is, from the module it imports: in it or within it
/// (`use super::*;`), within the module it is a member of (`use
/// self::disk::*;`, `use super::disk::*;`), or elsewhere (`use
/// disk::local::*;`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Reach {
    Around,
    Member,
    Other,
}
