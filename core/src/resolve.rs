//! Which path a name means, from the `use` items and local items in sight.
//!
//! A proc macro sees only the annotated tokens, so this is syntax, not name
//! resolution: imports inside the annotated item are followed exactly, and a
//! few names that nothing in sight imports (`fs`, `File`, `OpenOptions`,
//! `DirBuilder`) are taken to mean `std::fs`'s, as they do in practice.

use std::collections::HashMap;

use syn::{Item, Stmt, UseTree};

use crate::ops;
use crate::syntax::ident_name;

#[derive(Clone, Debug)]
enum Binding {
    /// The name stands for this absolute path.
    Path(Vec<String>),
    /// An inline module in sight: the names its own items and imports bind
    /// (`mod m { pub use std::fs::write as save; }`, then `m::save`).
    Module(std::rc::Rc<Frame>),
    /// The name is a local item or an import of something we don't track.
    Opaque,
    /// A function, const or static: a name in the value namespace, which
    /// hides a call of that name but not the first segment of a longer
    /// path (`fn fs()` leaves `fs::write` to the `fs` module in sight).
    Value,
    /// A `macro_rules!`: invoked with `!`, it hides no path.
    Macro,
    /// An alias that stands for its own type parameter at this index
    /// (`type Id<T> = T;`): `Id<std::fs::File>` is `std::fs::File`.
    Param(usize),
    /// An alias of an associated type no impl in sight binds (`type
    /// HandleOf<B> = <B as Backend>::Handle;`): what it stands for is the
    /// compiler's to know.
    Projection,
}

impl Binding {
    // Input:  #[cfg(not(test))] use std::fs::File;  #[cfg(test)] use crate::mock::File;
    // Output: `File` is `std::fs::File`
    /// Which of two bindings of one name in one frame is kept. Only a
    /// `#[cfg]` lets the same name be imported twice, and the macro cannot
    /// tell which alternative is compiled: the one that leads to more
    /// checks is kept, so that every alternative is checked at least as
    /// strictly as written (a mock is then checked as the real thing).
    fn strictness(&self) -> u8 {
        match self {
            Binding::Path(path) => {
                let writes = ops::lookup(path).is_some_and(|(operation, _)| {
                    operation
                        .targets
                        .iter()
                        .any(|target| target.lint == crate::lints::Lint::PersistentWrite)
                });
                let touches_fs = path.first().is_some_and(|first| first == "tempfile")
                    || ops::Module::all_paths().any(|module| {
                        let shared = module.len().min(path.len());
                        path[..shared]
                            .iter()
                            .map(String::as_str)
                            .eq(module[..shared].iter().copied())
                    });
                if writes {
                    LEADS_TO_FS + 1
                } else if touches_fs {
                    LEADS_TO_FS
                } else {
                    2
                }
            }
            Binding::Module(module) if module.leads_to_fs => LEADS_TO_FS,
            Binding::Module(_) | Binding::Param(_) | Binding::Projection => 2,
            Binding::Opaque | Binding::Value => 1,
            Binding::Macro => 0,
        }
    }

    /// How many lookups a local item of this kind hides: a type-namespace
    /// item hides paths and calls, a value hides calls, a macro nothing.
    fn hides(&self) -> u8 {
        match self {
            Binding::Path(_)
            | Binding::Opaque
            | Binding::Module(_)
            | Binding::Param(_)
            | Binding::Projection => 2,
            Binding::Value => 1,
            Binding::Macro => 0,
        }
    }
}

/// The strictness of a path into, or on the way to, a module we check.
const LEADS_TO_FS: u8 = 3;

#[derive(Default, Debug, Clone)]
struct Frame {
    names: HashMap<String, Binding>,
    /// Absolute paths of `use path::*` imports.
    globs: Vec<Vec<String>>,
    /// A module starts a new namespace: lookups stop here.
    module: bool,
    /// In an impl of a type in sight, that type's name: `Self::Handle` is
    /// then what a trait impl in sight binds as `Local::Handle`.
    self_name: Option<String>,
    /// A module's own name, when it is known.
    name: Option<String>,
    /// Whether a name the module binds leads to the filesystem, so that a
    /// `#[cfg]`'d import of the module is kept (`use self::unix as imp;`).
    leads_to_fs: bool,
}

/// Where a `use` tree has got to while it is read.
#[derive(Clone, Debug)]
enum Prefix {
    /// At its start: the first segment is a crate or a name in sight.
    Root,
    /// Below this absolute path.
    At(Vec<String>),
    /// After `self::` (0) or `super::`s: in the module that many levels out.
    Supers(usize),
    /// Below an inline module in sight (`use disk::save;`).
    InModule(std::rc::Rc<Frame>),
    /// After `crate::`, before the annotated module's name.
    CrateRoot,
    /// Below something we don't track.
    Untracked,
}

impl Prefix {
    /// Where `binding` leads a `use` path that goes on below it.
    fn below(binding: Option<Binding>) -> Prefix {
        match binding {
            Some(Binding::Path(path)) => Prefix::At(path),
            Some(Binding::Module(module)) => Prefix::InModule(module),
            _ => Prefix::Untracked,
        }
    }
}

/// The stack of namespaces around the code being rewritten.
#[derive(Default, Debug)]
pub struct Namespaces {
    frames: Vec<Frame>,
    /// The `use` being read is `#[cfg]`'d: what it binds may not be there.
    conditional: bool,
}

impl Namespaces {
    /// Enters a module: the names of the enclosing code are not in sight.
    pub fn push_module(&mut self, items: &[Item]) {
        self.push_named_module(None, items);
    }

    /// `push_module` for the module `name`. The outermost module's name is
    /// how a `crate::` path finds its way back into the annotated module.
    pub fn push_named_module(&mut self, name: Option<String>, items: &[Item]) {
        let alternatives: Vec<Item> = items
            .iter()
            .filter_map(|item| match item {
                Item::Macro(item) => Some(&item.mac),
                _ => None,
            })
            .flat_map(cfg_alternatives)
            .collect();
        self.push(items.iter().chain(&alternatives), Some(name));
    }

    /// Enters a block: its `use` items and local items join the names in sight.
    pub fn push_block(&mut self, stmts: &[Stmt]) {
        let alternatives: Vec<Item> = stmts
            .iter()
            .filter_map(|stmt| match stmt {
                Stmt::Macro(stmt) => Some(&stmt.mac),
                Stmt::Item(Item::Macro(item)) => Some(&item.mac),
                _ => None,
            })
            .flat_map(cfg_alternatives)
            .collect();
        let items = stmts.iter().filter_map(|stmt| match stmt {
            Stmt::Item(item) => Some(item),
            _ => None,
        });
        self.push(items.chain(&alternatives), None);
    }

    // Input:  impl Make for std::fs::File { .. Self::create(p) .. }
    /// Enters an impl: `Self` stands for its type, when that is a path we
    /// can follow (`std::fs::File`), and hides any other meaning otherwise.
    // Input:  impl Store for Disk { type Handle = std::fs::File; .. }
    // Output: `Self` is `Disk`, `Self::Handle` is `std::fs::File`
    /// The names an impl binds: `Self`, and `Self::Assoc` for each
    /// associated type it defines. An inherent impl is always for a type
    /// of this crate, so its `Self` is never std's (`impl File` is the
    /// user's `File`); only a trait impl may be for a std type.
    pub fn push_self(&mut self, item_impl: &syn::ItemImpl) {
        let binding = match strip_type_parens(&item_impl.self_ty) {
            syn::Type::Path(ty) if ty.qself.is_none() && item_impl.trait_.is_some() => self
                .resolve(&ty.path)
                .map_or(Binding::Opaque, Binding::Path),
            _ => Binding::Opaque,
        };
        let mut frame = Frame::default();
        for impl_item in &item_impl.items {
            if let syn::ImplItem::Type(assoc) = impl_item {
                let binding = match strip_type_parens(&assoc.ty) {
                    syn::Type::Path(ty) if ty.qself.is_none() => self
                        .resolve(&ty.path)
                        .map_or(Binding::Opaque, Binding::Path),
                    _ => Binding::Opaque,
                };
                let name = format!("Self::{}", ident_name(&assoc.ident));
                frame.names.insert(name, binding);
            }
        }
        frame.names.insert("Self".to_owned(), binding);
        if let syn::Type::Path(ty) = strip_type_parens(&item_impl.self_ty) {
            frame.self_name = ty.path.get_ident().map(ident_name);
        }
        self.frames.push(frame);
    }

    pub fn pop(&mut self) {
        self.frames.pop();
    }

    /// `module` is `Some` for a module, with its name when known.
    fn push<'a>(&mut self, items: impl Iterator<Item = &'a Item>, module: Option<Option<String>>) {
        let mut frame = Frame {
            module: module.is_some(),
            name: module.flatten(),
            ..Frame::default()
        };
        let mut uses = Vec::new();
        let mut aliases = Vec::new();
        let mut assocs = Vec::new();
        let mut modules = Vec::new();
        for item in items {
            // An impl applies wherever its type is named, also from an
            // inline module: `mod backends { impl Backend for Local {..} }`.
            assocs.extend(nested_impl_assoc_types(item));
            match item {
                Item::Use(item_use) => uses.push(item_use),
                // `extern crate std as stdlib;` names a crate we know.
                Item::ExternCrate(krate) if ops::is_known_crate(&ident_name(&krate.ident)) => {
                    let name = krate
                        .rename
                        .as_ref()
                        .map_or(&krate.ident, |(_, rename)| rename);
                    frame.bind_stricter(
                        ident_name(name),
                        Binding::Path(vec![ident_name(&krate.ident)]),
                    );
                }
                // Its names are read once the frame's own are (`super::`).
                // A `#[cfg]`'d module is read too, merged with the other
                // alternatives of its name (`#[cfg(unix)] mod platform`).
                Item::Mod(module) if module.content.is_some() => {
                    frame.names.insert(
                        ident_name(&module.ident),
                        Binding::Module(Default::default()),
                    );
                    if let Some((_, items)) = &module.content {
                        modules.push((ident_name(&module.ident), items));
                    }
                }
                // A `#[cfg]`'d item may be left out, and the name then means
                // what it would without it (an import, a glob, a
                // conventional name): it hides nothing.
                other if crate::syntax::is_conditional(crate::syntax::item_attrs(other)) => {
                    if let Item::Type(alias) = other {
                        aliases.push(alias);
                    }
                }
                other => {
                    if let Some(name) = item_name(other) {
                        let binding = match other {
                            Item::Fn(_) | Item::Const(_) | Item::Static(_) => Binding::Value,
                            Item::Macro(_) => Binding::Macro,
                            _ => Binding::Opaque,
                        };
                        // One name may be an item in each namespace (`mod fs`
                        // and `fn fs`): the one that hides the most wins.
                        let known = frame.names.entry(name).or_insert(Binding::Macro);
                        if binding.hides() >= known.hides() {
                            *known = binding;
                        }
                    }
                    if let Item::Type(alias) = other {
                        aliases.push(alias);
                    }
                }
            }
        }
        self.frames.push(frame);
        // Imports and aliases may build on each other in any order (`use
        // fs::File; use std::fs;`, `type Upload = Backend; type Backend =
        // std::fs::File;`), as rustc resolves them: each is read against the
        // frame as it stands, again until nothing changes. A binding is only
        // ever replaced by a stricter one, so this ends.
        self.resolve_to_fixpoint(&uses, &aliases, &assocs);
        if modules.is_empty() {
            return;
        }
        // An inline module's names, read once with this frame around it
        // (`pub use super::put as store;` in it is this frame's `put`),
        // then what this frame imports from it (`use disk::save;`).
        // A module that imports through `super::` or `crate::`, at any
        // depth (`super::super::disk` in `api::v1`), may name a sibling
        // read after it: then all are read again.
        let through_parent = modules
            .iter()
            .any(|(_, items)| imports_through_parent(items));
        // A chain of such re-exports (`a` from `b`, `b` from `c`) takes a
        // pass per link: read again until no module binds anything new.
        let mut signature = None;
        for _ in 0..=if through_parent { modules.len() } else { 0 } {
            let mut read: Vec<(&String, Frame)> = Vec::new();
            for (name, items) in &modules {
                let mut inner = Namespaces {
                    frames: self.frames.clone(),
                    conditional: false,
                };
                inner.push_named_module(Some(name.clone()), items);
                let Some(mut module) = inner.frames.pop() else {
                    continue;
                };
                module.leads_to_fs = module
                    .names
                    .values()
                    .any(|binding| binding.strictness() >= LEADS_TO_FS);
                match read.iter_mut().find(|(known, _)| *known == name) {
                    Some((_, alternative)) => alternative.merge(module),
                    None => read.push((name, module)),
                }
            }
            let now: Vec<(usize, usize)> = read.iter().map(|(_, m)| m.signature()).collect();
            if let Some(frame) = self.frames.last_mut() {
                for (name, module) in read {
                    frame
                        .names
                        .insert(name.clone(), Binding::Module(std::rc::Rc::new(module)));
                }
            }
            self.resolve_to_fixpoint(&uses, &aliases, &assocs);
            if signature.replace(now.clone()) == Some(now) {
                break;
            }
        }
    }

    /// Reads the frame's imports, aliases and associated types again until
    /// nothing changes.
    fn resolve_to_fixpoint(
        &mut self,
        uses: &[&syn::ItemUse],
        aliases: &[&syn::ItemType],
        assocs: &[(String, &syn::Path)],
    ) {
        let mut known = self.frame_signature();
        for _ in 0..=uses.len() + aliases.len() + assocs.len() {
            self.bind_imports_and_aliases(uses, aliases);
            // `impl Backend for Local { type Handle = std::fs::File; }` in
            // sight: `Local::Handle` (`<Local as Backend>::Handle`) is it.
            for (name, target) in assocs {
                if let Some(path) = self.resolve(target) {
                    if let Some(frame) = self.frames.last_mut() {
                        frame.bind_stricter(name.clone(), Binding::Path(path));
                    }
                }
            }
            let now = self.frame_signature();
            if now == known {
                break;
            }
            known = now;
        }
    }

    /// How much the innermost frame binds, which only grows. (Its inline
    /// modules are read once, outside the fixpoint: a module's frame may
    /// hold its parent's modules again, through `use super::*`.)
    fn frame_signature(&self) -> (usize, usize) {
        self.frames.last().map_or((0, 0), Frame::signature)
    }

    fn bind_imports_and_aliases(&mut self, uses: &[&syn::ItemUse], aliases: &[&syn::ItemType]) {
        for item_use in uses {
            let prefix = if item_use.leading_colon.is_some() {
                Prefix::At(Vec::new())
            } else {
                Prefix::Root
            };
            self.conditional = crate::syntax::is_conditional(&item_use.attrs);
            self.add_use_tree(&item_use.tree, prefix);
            self.conditional = false;
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
            let resolved = self.resolve_with(&target, |name| {
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

    fn add_use_tree(&mut self, tree: &UseTree, prefix: Prefix) {
        match tree {
            UseTree::Path(path) => {
                let name = ident_name(&path.ident);
                let next = match prefix {
                    // `use self::..`, `use super::super::..`
                    Prefix::Root if name == "self" => Prefix::Supers(0),
                    Prefix::Root if name == "super" => Prefix::Supers(1),
                    Prefix::Root | Prefix::CrateRoot if name == "crate" => Prefix::CrateRoot,
                    Prefix::CrateRoot => match self.crate_anchor() {
                        Some((anchor, supers)) if name == anchor => Prefix::Supers(supers),
                        Some(_) => Prefix::CrateRoot,
                        None => Prefix::Untracked,
                    },
                    Prefix::Supers(supers) if name == "super" => Prefix::Supers(supers + 1),
                    Prefix::Root => self.resolve_use_root(&name),
                    Prefix::Supers(supers) => Prefix::below(
                        self.lookup_in_module(&name, supers)
                            .or_else(|| conventional_binding(&name)),
                    ),
                    Prefix::InModule(module) => Prefix::below(module.lookup_own(&name)),
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
                    if let Some(frame) = self.frames.last_mut() {
                        if !frame.globs.contains(&prefix) {
                            frame.globs.push(prefix);
                        }
                    }
                }
                // `use self::disk::*;`, `use super::*;`: what the module
                // binds, as if each name were imported.
                Prefix::InModule(module) => self.import_glob_of(&module),
                Prefix::Supers(supers) => {
                    let module = self
                        .frames
                        .iter()
                        .rev()
                        .filter(|frame| frame.module)
                        .nth(supers)
                        .cloned();
                    if let Some(module) = module {
                        self.import_glob_of(&module);
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
    /// and its globs.
    fn import_glob_of(&mut self, module: &Frame) {
        let conditional = self.conditional;
        if let Some(frame) = self.frames.last_mut() {
            for (name, binding) in &module.names {
                let leads_to_fs = binding.strictness() >= LEADS_TO_FS;
                if (leads_to_fs || !conditional) && !frame.names.contains_key(name) {
                    frame.names.insert(name.clone(), binding.clone());
                }
            }
            for glob in &module.globs {
                if !frame.globs.contains(glob) {
                    frame.globs.push(glob.clone());
                }
            }
        }
    }

    /// `use a::…` starts at a crate or at a name in sight; anything else is
    /// a place we don't track, and every name it brings in hides ours.
    fn resolve_use_root(&self, first: &str) -> Prefix {
        match self.lookup(first) {
            Some(Binding::Path(path)) => Prefix::At(path),
            Some(Binding::Module(module)) => Prefix::InModule(module),
            Some(Binding::Opaque | Binding::Param(_) | Binding::Projection) => Prefix::Untracked,
            // A use path starts in the type namespace. log's and tracing's
            // imports are followed so that their macros are known as theirs.
            None | Some(Binding::Value | Binding::Macro)
                if ops::is_known_crate(first) || matches!(first, "log" | "tracing") =>
            {
                Prefix::At(vec![first.to_owned()])
            }
            // `use fs::File;`: a conventional name, as in a path.
            None => conventional_binding(first)
                .map_or(Prefix::Untracked, |binding| Prefix::below(Some(binding))),
            Some(Binding::Value | Binding::Macro) => Prefix::Untracked,
        }
    }

    fn bind(&mut self, alias: &str, name: &str, prefix: Prefix) {
        if alias == "_" {
            return;
        }
        let binding = match prefix {
            // `use std::fs::{self}` imports the module itself.
            Prefix::At(prefix) if name == "self" => Binding::Path(prefix),
            // `use self::storage::{self as disk}`: the inline module;
            // `use super::{self as parent}`: the module that many levels out.
            Prefix::InModule(module) if name == "self" => Binding::Module(module),
            Prefix::Supers(supers) if name == "self" => self
                .frames
                .iter()
                .rev()
                .filter(|frame| frame.module)
                .nth(supers)
                .map_or(Binding::Opaque, |frame| {
                    Binding::Module(std::rc::Rc::new(frame.clone()))
                }),
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
            Prefix::InModule(module) => module.lookup_own(name).unwrap_or(Binding::Opaque),
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
                | Binding::Projection => return,
            }
        } else {
            alias.to_owned()
        };
        // A `#[cfg]`'d import that leads nowhere near the filesystem would
        // hide, when it is compiled out, the name's other meaning.
        if self.conditional && binding.strictness() < LEADS_TO_FS {
            return;
        }
        if let Some(frame) = self.frames.last_mut() {
            frame.bind_stricter(alias, binding);
        }
    }

    // Input:  crate::web::handlers::util::put   (the annotated module: `mod handlers`)
    // Output: ("handlers", the `super::`s from here to it)
    /// Where a `crate::` path comes back into the annotated module: its
    /// name, and how many modules out from the innermost one in sight it
    /// is. The macro does not know where in the crate that module is, so
    /// a path's segments before its name are skipped: a module of the same
    /// name elsewhere is read as this one.
    fn crate_anchor(&self) -> Option<(&str, usize)> {
        let root = self.frames.first().filter(|frame| frame.module)?;
        let name = root.name.as_deref()?;
        let supers = self.frames.iter().filter(|frame| frame.module).count() - 1;
        Some((name, supers))
    }

    fn lookup(&self, name: &str) -> Option<Binding> {
        for frame in self.frames.iter().rev() {
            if let Some(binding) = frame.lookup_own(name) {
                return Some(binding);
            }
            if frame.module {
                break;
            }
        }
        None
    }

    // Input:  self::fs::write        (at the top of the annotated module: `use std::fs;`)
    // Output: the binding of `fs` in that module
    /// A name looked up in the module `supers` levels out from the
    /// innermost module in sight: `self::` is 0, `super::` 1. A module out
    /// of sight binds nothing we know.
    fn lookup_in_module(&self, name: &str, supers: usize) -> Option<Binding> {
        self.frames
            .iter()
            .rev()
            .filter(|frame| frame.module)
            .nth(supers)?
            .lookup_own(name)
    }

    /// Whether anything in sight (an import, an item, a macro) has `name`.
    pub fn names(&self, name: &str) -> bool {
        self.lookup(name).is_some()
    }

    /// Whether `name` is an inline module in sight, whose re-exports may
    /// rename an operation (`m::save`).
    pub fn is_module(&self, name: &str) -> bool {
        matches!(self.lookup(name), Some(Binding::Module(_)))
    }

    // Input:  HandleOf    types::Handle    Id        (`type Id<T> = T;`)
    /// Whether a type path names, in sight, an alias whose type only the
    /// compiler knows: of an associated type no impl in sight binds (`type
    /// HandleOf<B> = <B as Backend>::Handle;`), or of its own parameter.
    pub fn names_projection(&self, path: &syn::Path) -> bool {
        let mut segments = path.segments.iter().map(|s| ident_name(&s.ident));
        let Some(first) = segments.next() else {
            return false;
        };
        let mut binding = self.lookup(&first);
        for segment in segments {
            binding = match binding {
                Some(Binding::Module(module)) => module.lookup_own(&segment),
                _ => return false,
            };
        }
        matches!(binding, Some(Binding::Projection | Binding::Param(_)))
    }

    /// Whether an import in sight binds `name` to a path (a renamed
    /// function: `use std::fs::write as save`).
    pub fn imports(&self, name: &str) -> bool {
        matches!(self.lookup(name), Some(Binding::Path(_)))
    }

    /// The absolute path `path` stands for, when it can be known.
    pub fn resolve(&self, path: &syn::Path) -> Option<Vec<String>> {
        self.resolve_with(path, ops::conventional)
    }

    /// `resolve`, with the paths that names nothing in sight imports are
    /// taken to mean.
    pub fn resolve_with(
        &self,
        path: &syn::Path,
        conventional: impl Fn(&str) -> Option<&'static [&'static str]>,
    ) -> Option<Vec<String>> {
        self.resolve_by(path, &conventional)
    }

    fn resolve_by(
        &self,
        path: &syn::Path,
        conventional: &dyn Fn(&str) -> Option<&'static [&'static str]>,
    ) -> Option<Vec<String>> {
        let mut segments = path
            .segments
            .iter()
            .map(|s| ident_name(&s.ident))
            .peekable();
        let mut first = segments.next()?;
        if path.leading_colon.is_some() {
            return Some(std::iter::once(first).chain(segments).collect());
        }
        // `self::fs::write`, `super::super::fs::write`.
        let mut supers = None;
        // `crate::handlers::util::put`, from inside `mod handlers`.
        if first == "crate" {
            let (anchor, up) = self.crate_anchor()?;
            segments.by_ref().find(|segment| segment == anchor)?;
            supers = Some(up);
            first = segments.next()?;
        }
        while first == "self" || first == "super" {
            let up = usize::from(first == "super");
            supers = Some(supers.map_or(up, |n: usize| n + up));
            first = segments.next()?;
        }
        let mut binding = match supers {
            Some(supers) => Some(self.lookup_in_module(&first, supers)?),
            None => self.lookup(&first),
        };
        // `Self::Handle::create`: an associated type the impl in sight
        // defines, or a trait impl in sight for the type of this impl
        // defines (`Local::Handle` in `impl Local`); `Local::Handle::create`.
        if supers.is_none() {
            let assoc = segments.peek().and_then(|next| {
                let own = self.lookup(&format!("{first}::{next}"));
                let of_self_type = || {
                    let name = self
                        .frames
                        .iter()
                        .rev()
                        .find_map(|f| f.self_name.as_ref())?;
                    self.lookup(&format!("{name}::{next}"))
                };
                own.or_else(|| {
                    if first == "Self" {
                        of_self_type()
                    } else {
                        None
                    }
                })
            });
            if assoc.is_some() {
                segments.next();
                binding = assoc;
            }
        }
        // `m::save` through inline modules in sight.
        while let Some(Binding::Module(module)) = &binding {
            let next = segments.next()?;
            binding = Some(module.lookup_own(&next)?);
        }
        let binding = match binding {
            // A function, const or static named by the whole path.
            Some(Binding::Value) if segments.peek().is_none() => return None,
            // A longer path goes on in the type namespace, where functions,
            // consts, statics and macros are not.
            Some(Binding::Value | Binding::Macro) => None,
            binding => binding,
        };
        let mut resolved = match binding {
            Some(Binding::Path(path)) => path,
            // `Id::<std::fs::File>::create`, `<Id<std::fs::File>>::create`.
            Some(Binding::Param(index)) => {
                let at = path.segments.len() - segments.len() - 1;
                let syn::PathArguments::AngleBracketed(arguments) = &path.segments[at].arguments
                else {
                    return None;
                };
                let argument = arguments
                    .args
                    .iter()
                    .filter_map(|argument| match argument {
                        syn::GenericArgument::Type(ty) => Some(ty),
                        _ => None,
                    })
                    .nth(index)?;
                let syn::Type::Path(argument) = strip_type_parens(argument) else {
                    return None;
                };
                if argument.qself.is_some() {
                    return None;
                }
                self.resolve_by(&argument.path, conventional)?
            }
            Some(
                Binding::Opaque
                | Binding::Module(_)
                | Binding::Value
                | Binding::Macro
                | Binding::Projection,
            ) => {
                return None;
            }
            None if ops::is_known_crate(&first) => vec![first],
            None => conventional(&first)?
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        };
        resolved.extend(segments);
        Some(resolved)
    }
}

// Input:  <Local as Backend>::Handle::create    <<Disk as Backend>::Handle>::create
// Output: Local::Handle::create                 Disk::Handle::create
// Input:  <$t>::create (an invisible group)     Output: std::fs::File::create
/// The path a possibly qualified path names, `<T as Trait>::Assoc` read as
/// `T::Assoc` (an associated type a trait impl in sight binds under that
/// name). `min_rest` segments must follow the trait: a function needs its
/// associated type and itself; `<T as Trait>::f` alone is the trait's.
pub(crate) fn qualified_path(
    qself: Option<&syn::QSelf>,
    path: &syn::Path,
    min_rest: usize,
) -> Option<syn::Path> {
    let Some(qself) = qself else {
        return Some(path.clone());
    };
    let mut ty = &*qself.ty;
    // `<&'static Disk as Backend>`: the impl `for &'static Disk` is keyed
    // by `Disk` too.
    while let syn::Type::Reference(inner) = strip_type_parens(ty) {
        ty = &inner.elem;
    }
    let syn::Type::Path(ty) = strip_type_parens(ty) else {
        return None;
    };
    let base = qualified_path(ty.qself.as_ref(), &ty.path, 1)?;
    let mut joined = base.clone();
    if qself.position != 0 {
        let rest = path.segments.iter().skip(qself.position);
        if rest.len() < min_rest {
            return None;
        }
        // `<backends::Local as Backend>::Handle`: trait impls in sight are
        // keyed by the type's own name.
        let own_name = base.segments.last()?.clone();
        joined = syn::Path::from(own_name);
        joined.segments.extend(rest.cloned());
    } else {
        joined.segments.extend(path.segments.iter().cloned());
    }
    Some(joined)
}

/// `(T)` is `T`: a parenthesised or invisible-grouped type.
pub(crate) fn strip_type_parens(mut ty: &syn::Type) -> &syn::Type {
    loop {
        match ty {
            syn::Type::Paren(inner) => ty = &inner.elem,
            syn::Type::Group(inner) => ty = &inner.elem,
            _ => return ty,
        }
    }
}

impl Frame {
    /// Binds `name` by an import or an alias, unless an item or import of
    /// the frame already binds it more strictly (see `strictness`).
    /// Another `#[cfg]` alternative of this module: each name keeps the
    /// stricter of its two meanings.
    fn merge(&mut self, other: Frame) {
        for (name, binding) in other.names {
            self.bind_stricter(name, binding);
        }
        for glob in other.globs {
            if !self.globs.contains(&glob) {
                self.globs.push(glob);
            }
        }
        self.leads_to_fs |= other.leads_to_fs;
    }

    /// How strict and how many the frame's bindings are: it changes only
    /// when a binding does.
    fn signature(&self) -> (usize, usize) {
        let strictness = self
            .names
            .values()
            .map(|binding| usize::from(binding.strictness()))
            .sum();
        (strictness, self.globs.len())
    }

    fn bind_stricter(&mut self, name: String, binding: Binding) {
        match self.names.get(&name) {
            Some(known) if known.strictness() > binding.strictness() => {}
            _ => {
                self.names.insert(name, binding);
            }
        }
    }

    /// What `name` means in this frame alone: its own names, then its
    /// globs. A glob brings the operations of an fs module, and the
    /// modules below it on the way to one (`use std::os::unix::*;` then
    /// `net::UnixListener::bind`, `use std::*;` then `fs::write`).
    fn lookup_own(&self, name: &str) -> Option<Binding> {
        if let Some(binding) = self.names.get(name) {
            return Some(binding.clone());
        }
        for glob in &self.globs {
            let importable = (ops::is_glob_importable(name) && is_fs_module(glob))
                || leads_to_fs_module(glob, name);
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
fn conventional_binding(name: &str) -> Option<Binding> {
    let path = ops::conventional(name)?;
    Some(Binding::Path(
        path.iter().map(|s| (*s).to_owned()).collect(),
    ))
}

/// Whether `parent::name` is an fs module or on the way to one.
fn leads_to_fs_module(parent: &[String], name: &str) -> bool {
    ops::Module::all_paths().any(|module| {
        module.len() > parent.len()
            && module[parent.len()] == name
            && parent
                .iter()
                .map(String::as_str)
                .eq(module[..parent.len()].iter().copied())
    })
}

fn is_fs_module(path: &[String]) -> bool {
    ops::Module::all_paths()
        .any(|module| path.iter().map(String::as_str).eq(module.iter().copied()))
}

// Input:  cfg_select! { unix => { use std::fs::write as save; } _ => { .. } }
// Output: `#[cfg(..)] use std::fs::write as save;` and the other arms' items
/// The items of every arm of `cfg_select!` or `cfg_if!`: the compiler puts
/// the chosen arm's in the enclosing module or block. Each is marked as
/// `#[cfg]`'d, since which arm is chosen is not known here.
fn cfg_alternatives(mac: &syn::Macro) -> Vec<Item> {
    let chooses = mac
        .path
        .segments
        .last()
        .is_some_and(|last| last.ident == "cfg_select" || last.ident == "cfg_if");
    if !chooses {
        return Vec::new();
    }
    let marker: syn::Attribute = syn::parse_quote!(#[cfg(ephemeral_fs_alternative)]);
    mac.tokens
        .clone()
        .into_iter()
        .filter_map(|token| match token {
            proc_macro2::TokenTree::Group(group)
                if group.delimiter() == proc_macro2::Delimiter::Brace =>
            {
                syn::parse2::<syn::File>(group.stream()).ok()
            }
            _ => None,
        })
        .flat_map(|file| file.items)
        .map(|mut item| {
            if let Some(attrs) = crate::syntax::item_attrs_mut(&mut item) {
                attrs.push(marker.clone());
            }
            item
        })
        .collect()
}

/// `impl_assoc_types` of an item and of the items of the inline modules in it.
fn nested_impl_assoc_types(item: &Item) -> Vec<(String, &syn::Path)> {
    match item {
        Item::Impl(item_impl) => impl_assoc_types(item_impl),
        Item::Mod(module) => module
            .content
            .iter()
            .flat_map(|(_, items)| items)
            .flat_map(nested_impl_assoc_types)
            .collect(),
        _ => Vec::new(),
    }
}

/// The associated types a trait impl of a named type defines, each under
/// `Type::Assoc`, with the path it names.
fn impl_assoc_types(item_impl: &syn::ItemImpl) -> Vec<(String, &syn::Path)> {
    // `impl Backend for &'static Disk`, `impl<T> Backend for Wrap<T>`: keyed
    // by the type's name.
    let mut self_ty = &*item_impl.self_ty;
    while let syn::Type::Reference(inner) = strip_type_parens(self_ty) {
        self_ty = &inner.elem;
    }
    let syn::Type::Path(self_ty) = strip_type_parens(self_ty) else {
        return Vec::new();
    };
    if self_ty.qself.is_some() {
        return Vec::new();
    }
    let Some(self_name) = self_ty.path.segments.last().map(|segment| &segment.ident) else {
        return Vec::new();
    };
    if item_impl.trait_.is_none() {
        return Vec::new();
    }
    item_impl
        .items
        .iter()
        .filter_map(|item| match item {
            syn::ImplItem::Type(assoc) => match strip_type_parens(&assoc.ty) {
                syn::Type::Path(ty) if ty.qself.is_none() => Some((
                    format!("{}::{}", ident_name(self_name), ident_name(&assoc.ident)),
                    &ty.path,
                )),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

fn item_name(item: &Item) -> Option<String> {
    let ident = match item {
        Item::Const(item) => &item.ident,
        Item::Enum(item) => &item.ident,
        Item::ExternCrate(item) => item
            .rename
            .as_ref()
            .map_or(&item.ident, |(_, rename)| rename),
        Item::Fn(item) => &item.sig.ident,
        Item::Mod(item) => &item.ident,
        Item::Static(item) => &item.ident,
        Item::Struct(item) => &item.ident,
        Item::Trait(item) => &item.ident,
        Item::TraitAlias(item) => &item.ident,
        Item::Type(item) => &item.ident,
        Item::Union(item) => &item.ident,
        Item::Macro(item) => item.ident.as_ref()?,
        _ => return None,
    };
    Some(ident_name(ident))
}

/// Whether a module's items, or those of a module inside it, import
/// through `super::` or `crate::`.
fn imports_through_parent(items: &[Item]) -> bool {
    items.iter().any(|item| match item {
        Item::Use(item_use) => {
            matches!(&item_use.tree, UseTree::Path(path) if path.ident == "super" || path.ident == "crate")
        }
        Item::Mod(module) => module
            .content
            .as_ref()
            .is_some_and(|(_, items)| imports_through_parent(items)),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    fn resolve(items: Vec<Item>, path: syn::Path) -> Option<String> {
        let mut scope = Namespaces::default();
        scope.push_module(&items);
        scope.resolve(&path).map(|p| p.join("::"))
    }

    #[test]
    fn logging_imports_are_followed() {
        // So that a bare `info!` is known as tracing's or log's.
        let items: Vec<Item> = vec![
            parse_quote!(
                use tracing::info;
            ),
            parse_quote!(
                use log::{debug as trace_it};
            ),
            parse_quote!(
                use my_logging::warn;
            ),
        ];
        assert_eq!(
            resolve(items.clone(), parse_quote!(info)).unwrap(),
            "tracing::info"
        );
        assert_eq!(
            resolve(items.clone(), parse_quote!(trace_it)).unwrap(),
            "log::debug"
        );
        assert_eq!(resolve(items, parse_quote!(warn)), None);
    }

    #[test]
    fn functions_and_macros_hide_calls_not_paths() {
        // rustc resolves the first segment of a longer path in the type
        // namespace: `fn rocket()` (Rocket's `#[launch]`) does not hide the
        // crate, and `fn fs()` does not hide the module.
        let items: Vec<Item> = vec![
            parse_quote!(
                use rocket::tokio::fs;
            ),
            parse_quote!(
                fn rocket() {}
            ),
            parse_quote!(
                fn write() {}
            ),
            parse_quote!(
                macro_rules! File {
                    () => {};
                }
            ),
        ];
        assert_eq!(
            resolve(items.clone(), parse_quote!(fs::write)).unwrap(),
            "rocket::tokio::fs::write"
        );
        assert_eq!(resolve(items.clone(), parse_quote!(write)), None);
        assert_eq!(
            resolve(items.clone(), parse_quote!(File::create)).unwrap(),
            "std::fs::File::create"
        );
        let both: Vec<Item> = vec![
            parse_quote!(
                mod fs {}
            ),
            parse_quote!(
                fn fs() {}
            ),
        ];
        assert_eq!(resolve(both, parse_quote!(fs::write)), None);
        let hidden: Vec<Item> = vec![parse_quote!(
            fn fs() {}
        )];
        assert_eq!(
            resolve(hidden.clone(), parse_quote!(fs::write)).unwrap(),
            "std::fs::write"
        );
        assert_eq!(resolve(hidden, parse_quote!(fs)), None);
    }

    #[test]
    fn follows_imports_and_renames() {
        let items: Vec<Item> = vec![
            parse_quote!(
                use std::fs;
            ),
            parse_quote!(
                use std::fs::{File as F, write as save};
            ),
            parse_quote!(
                use tokio::fs as afs;
            ),
        ];
        assert_eq!(
            resolve(items.clone(), parse_quote!(fs::write)).unwrap(),
            "std::fs::write"
        );
        assert_eq!(
            resolve(items.clone(), parse_quote!(F::create)).unwrap(),
            "std::fs::File::create"
        );
        assert_eq!(
            resolve(items.clone(), parse_quote!(save)).unwrap(),
            "std::fs::write"
        );
        assert_eq!(
            resolve(items, parse_quote!(afs::write)).unwrap(),
            "tokio::fs::write"
        );
    }

    #[test]
    fn imports_build_on_each_other() {
        let items: Vec<Item> = vec![
            parse_quote!(
                use std::fs;
            ),
            parse_quote!(
                use fs::{self as f, File};
            ),
        ];
        assert_eq!(
            resolve(items.clone(), parse_quote!(File::create)).unwrap(),
            "std::fs::File::create"
        );
        assert_eq!(
            resolve(items, parse_quote!(f::remove_file)).unwrap(),
            "std::fs::remove_file"
        );
    }

    #[test]
    fn globs_bring_operation_names() {
        let items: Vec<Item> = vec![parse_quote!(
            use std::fs::*;
        )];
        assert_eq!(
            resolve(items.clone(), parse_quote!(remove_dir_all)).unwrap(),
            "std::fs::remove_dir_all"
        );
        assert_eq!(resolve(items, parse_quote!(launch)), None);
    }

    #[test]
    fn local_items_and_foreign_imports_shadow_conventions() {
        let items: Vec<Item> = vec![
            parse_quote!(
                mod fs {}
            ),
            parse_quote!(
                use crate::storage::File;
            ),
        ];
        assert_eq!(resolve(items.clone(), parse_quote!(fs::write)), None);
        assert_eq!(resolve(items, parse_quote!(File::create)), None);
        assert_eq!(
            resolve(vec![], parse_quote!(fs::write)).unwrap(),
            "std::fs::write"
        );
        assert_eq!(resolve(vec![], parse_quote!(storage::write)), None);
        assert_eq!(resolve(vec![], parse_quote!(self::fs::write)), None);
    }

    #[test]
    fn parent_globs_self_super_and_inline_modules_are_followed() {
        let items: Vec<Item> = vec![parse_quote!(
            use std::os::unix::*;
        )];
        assert_eq!(
            resolve(items, parse_quote!(net::UnixListener::bind)).unwrap(),
            "std::os::unix::net::UnixListener::bind"
        );
        let items: Vec<Item> = vec![parse_quote!(
            use std::*;
        )];
        assert_eq!(
            resolve(
                items.clone(),
                parse_quote!(os::unix::net::UnixListener::bind)
            )
            .unwrap(),
            "std::os::unix::net::UnixListener::bind"
        );
        assert_eq!(resolve(items, parse_quote!(io::copy)), None);
        let mut scope = Namespaces::default();
        scope.push_module(&[parse_quote!(
            use std::fs;
        )]);
        scope.push_module(&[parse_quote!(
            fn g() {}
        )]);
        let resolved =
            |scope: &Namespaces, path: syn::Path| scope.resolve(&path).map(|p| p.join("::"));
        assert_eq!(
            resolved(&scope, parse_quote!(super::fs::write)).unwrap(),
            "std::fs::write"
        );
        assert_eq!(resolved(&scope, parse_quote!(self::fs::write)), None);
        scope.pop();
        assert_eq!(
            resolved(&scope, parse_quote!(self::fs::write)).unwrap(),
            "std::fs::write"
        );
        assert_eq!(resolved(&scope, parse_quote!(super::fs::write)), None);
        let items: Vec<Item> = vec![parse_quote!(
            mod m {
                pub use std::fs::write as save;
                pub fn other() {}
            }
        )];
        assert_eq!(
            resolve(items.clone(), parse_quote!(m::save)).unwrap(),
            "std::fs::write"
        );
        assert_eq!(resolve(items, parse_quote!(m::other)), None);
    }

    #[test]
    fn renamed_crates_and_type_aliases_are_followed() {
        let items: Vec<Item> = vec![
            parse_quote!(
                extern crate std as stdlib;
            ),
            parse_quote!(
                type Blob = std::fs::File;
            ),
            parse_quote!(
                type Own = crate::Blob;
            ),
            parse_quote!(
                type Paren = (std::fs::File);
            ),
        ];
        assert_eq!(
            resolve(items.clone(), parse_quote!(Paren::create)).unwrap(),
            "std::fs::File::create"
        );
        assert_eq!(
            resolve(items.clone(), parse_quote!(stdlib::fs::write)).unwrap(),
            "std::fs::write"
        );
        assert_eq!(
            resolve(items.clone(), parse_quote!(Blob::create)).unwrap(),
            "std::fs::File::create"
        );
        assert_eq!(resolve(items, parse_quote!(Own::create)), None);
    }

    #[test]
    fn imports_and_aliases_resolve_in_any_order() {
        let items: Vec<Item> = vec![
            parse_quote!(
                use fs::File;
            ),
            parse_quote!(
                type Upload = Backend;
            ),
            parse_quote!(
                type Backend = File;
            ),
            parse_quote!(
                use std::fs;
            ),
        ];
        assert_eq!(
            resolve(items, parse_quote!(Upload::create)).unwrap(),
            "std::fs::File::create"
        );
    }

    #[test]
    fn use_trees_through_self_super_and_inline_modules() {
        let mut scope = Namespaces::default();
        let outer: Vec<Item> = vec![
            parse_quote!(
                use std::fs;
            ),
            parse_quote!(
                mod disk {
                    pub use std::fs::write as save;
                }
            ),
            parse_quote!(
                use self::fs as local;
            ),
            parse_quote!(
                use disk::save;
            ),
        ];
        scope.push_module(&outer);
        let path = |p: syn::Path, scope: &Namespaces| scope.resolve(&p).map(|p| p.join("::"));
        assert_eq!(
            path(parse_quote!(local::write), &scope).unwrap(),
            "std::fs::write"
        );
        assert_eq!(path(parse_quote!(save), &scope).unwrap(), "std::fs::write");
        let inner: Vec<Item> = vec![
            parse_quote!(
                use super::fs as parent;
            ),
            parse_quote!(
                use super::disk::*;
            ),
            parse_quote!(
                use crate::File;
            ),
        ];
        scope.push_module(&inner);
        assert_eq!(
            path(parse_quote!(parent::write), &scope).unwrap(),
            "std::fs::write"
        );
        assert_eq!(path(parse_quote!(save), &scope).unwrap(), "std::fs::write");
        // `crate::` is out of sight: its `File` is not std's.
        assert_eq!(path(parse_quote!(File::create), &scope), None);
    }

    #[test]
    fn conditional_imports_keep_the_stricter_meaning() {
        let items: Vec<Item> = vec![
            parse_quote!(
                #[cfg(test)]
                use crate::mock::File;
            ),
            parse_quote!(
                #[cfg(not(test))]
                use std::fs::File;
            ),
            parse_quote!(
                #[cfg(test)]
                fn write() {}
            ),
            parse_quote!(
                use std::fs::*;
            ),
            parse_quote!(
                #[cfg(test)]
                use crate::mock::remove_file;
            ),
        ];
        assert_eq!(
            resolve(items.clone(), parse_quote!(File::create)).unwrap(),
            "std::fs::File::create"
        );
        assert_eq!(
            resolve(items.clone(), parse_quote!(write)).unwrap(),
            "std::fs::write"
        );
        assert_eq!(
            resolve(items, parse_quote!(remove_file)).unwrap(),
            "std::fs::remove_file"
        );
    }

    #[test]
    fn associated_types_of_trait_impls_in_sight() {
        let items: Vec<Item> = vec![
            parse_quote!(
                impl Backend for Local {
                    type Handle = std::fs::File;
                }
            ),
            parse_quote!(
                struct Local;
            ),
        ];
        assert_eq!(
            resolve(items, parse_quote!(Local::Handle::create)).unwrap(),
            "std::fs::File::create"
        );
    }
}
