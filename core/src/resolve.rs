//! Which path a name means, from the `use` items and local items in sight.
//!
//! A proc macro sees only the annotated tokens, so this is syntax, not name
//! resolution: imports inside the annotated item are followed exactly, and a
//! few names that nothing in sight imports (`fs`, `File`, `OpenOptions`,
//! `DirBuilder`, and std's Unix sockets) are taken to mean std's, as they
//! do in practice (`ops::CONVENTIONAL`).

use std::collections::{HashMap, HashSet};

use syn::{Item, Stmt, UseTree};

use crate::ops;
use crate::syntax::ident_name;

mod binding;
mod frame;
mod items;
mod lookup;
mod uses;

pub(crate) use binding::Namespace;
use binding::{Binding, LEADS_TO_FS};
use frame::conventional_binding;
use items::{
    cfg_alternatives, imports_through_parent, inline_modules_within, item_name,
    nested_impl_assoc_types, visibility,
};

#[derive(Default, Debug, Clone)]
struct Frame {
    names: HashMap<String, Binding>,
    /// What a glob of a module in sight brings under a name the frame's
    /// own items or imports already have: an item hides it in its own
    /// namespace only (`struct File {}` hides a glob's `File` for
    /// `File::create`, not a glob's `write` for `write(..)`).
    glob_names: HashMap<String, Binding>,
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
    /// How far the names the module binds are visible to a glob of it
    /// (`Private` where a name is not here): rustc's glob skips what it
    /// cannot see. Two bindings of a name keep the wider.
    visibility: HashMap<String, items::Visibility>,
    /// The globs of `globs` that are re-exported (`pub use std::fs::*;`).
    public_globs: Vec<Vec<String>>,
    /// Names of inline modules that are all `#[cfg]`'d (`#[cfg(test)] mod
    /// fs`): compiled out, the name means what it would without them.
    cfg_modules: HashSet<String>,
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
    /// Below an inline module in sight (`use disk::save;`); `true` where
    /// it is a member of a module around the code (`disk`, `super::disk`),
    /// not of another inline module (`disk::local`).
    InModule(std::rc::Rc<Frame>, bool),
    /// After `crate::`, before the annotated module's name.
    CrateRoot,
    /// Below something we don't track.
    Untracked,
}

impl Prefix {
    /// Where `binding` leads a `use` path that goes on below it; `member`
    /// where it is bound in a module around the code.
    fn below(binding: Option<Binding>, member: bool) -> Prefix {
        match binding {
            Some(Binding::Path(path)) => Prefix::At(path),
            Some(Binding::Module(module)) => Prefix::InModule(module, member),
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
    /// The visibility of the `use` being read.
    use_visibility: items::Visibility,
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
                .resolve_type(&ty.path)
                .map_or(Binding::Opaque, Binding::Path),
            _ => Binding::Opaque,
        };
        let mut frame = Frame::default();
        for impl_item in &item_impl.items {
            if let syn::ImplItem::Type(assoc) = impl_item {
                let binding = match strip_type_parens(&assoc.ty) {
                    syn::Type::Path(ty) if ty.qself.is_none() => self
                        .resolve_type(&ty.path)
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

    // Input:  fn upload<File: Blob>(..)    impl<OpenOptions> ..
    /// Enters an item's generics: a type parameter hides a type of its name
    /// in paths (`File::create` is the parameter's), not a call.
    pub fn push_type_params(&mut self, generics: &syn::Generics) {
        let mut frame = Frame::default();
        for param in generics.type_params() {
            frame
                .names
                .insert(ident_name(&param.ident), Binding::TypeOnly);
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
        let (mut cfg_modules, mut unconditional_modules) = (HashSet::new(), HashSet::new());
        for item in items {
            // An impl applies wherever its type is named, also from an
            // inline module: `mod backends { impl Backend for Local {..} }`.
            assocs.extend(nested_impl_assoc_types(item));
            if let Some(name) = item_name(item) {
                frame.note_visibility(name, visibility(item));
            }
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
                // `extern crate self as me;`: the crate root.
                Item::ExternCrate(krate) if krate.ident == "self" => {
                    if let Some((_, rename)) = &krate.rename {
                        frame.bind_stricter(ident_name(rename), Binding::Above);
                    }
                }
                // Its names are read once the frame's own are (`super::`).
                // A `#[cfg]`'d module is read too, merged with the other
                // alternatives of its name (`#[cfg(unix)] mod platform`).
                Item::Mod(module) if module.content.is_some() => {
                    let name = ident_name(&module.ident);
                    if crate::syntax::is_conditional(&module.attrs) {
                        cfg_modules.insert(name);
                    } else {
                        unconditional_modules.insert(name);
                    }
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
                            // A tuple or unit struct is a value too: its
                            // constructor.
                            Item::Struct(item) if matches!(item.fields, syn::Fields::Named(_)) => {
                                Binding::TypeOnly
                            }
                            Item::Enum(_)
                            | Item::Trait(_)
                            | Item::TraitAlias(_)
                            | Item::Type(_)
                            | Item::Union(_)
                            | Item::Mod(_) => Binding::TypeOnly,
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
        frame.cfg_modules = &cfg_modules - &unconditional_modules;
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
        // A chain of such re-exports (`a` from `b`, `b` from `c`, also
        // between modules nested in them) takes a pass per link: read again
        // until no module binds anything new, at most once per module.
        let passes = if through_parent {
            modules
                .iter()
                .map(|(_, items)| 1 + inline_modules_within(items))
                .sum()
        } else {
            0
        };
        let mut signature = None;
        for _ in 0..=passes {
            let mut read: Vec<(&String, Frame)> = Vec::new();
            for (name, items) in &modules {
                let mut inner = Namespaces {
                    frames: self.frames.clone(),
                    conditional: false,
                    use_visibility: items::Visibility::Private,
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
                if let Some(path) = self.resolve_type(target) {
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

    /// Whether anything in sight (an import, an item, a macro) has `name`.
    pub fn names(&self, name: &str) -> bool {
        self.lookup(name).is_some()
    }

    /// `names`, leaving out `macro_rules!`, whose scope is textual: the
    /// rewriter knows which are defined before a call.
    pub fn names_besides_macro_rules(&self, name: &str) -> bool {
        !matches!(self.lookup(name), None | Some(Binding::Macro))
    }

    /// Whether `name` is an inline module in sight, whose re-exports may
    /// rename an operation (`m::save`).
    pub fn is_module(&self, name: &str) -> bool {
        matches!(
            self.lookup_in(name, Namespace::Type),
            Some(Binding::Module(_) | Binding::Root | Binding::Above)
        )
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
    /// function: `use std::fs::write as save`), as a value.
    pub fn imports(&self, name: &str) -> bool {
        matches!(
            self.lookup_in(name, Namespace::Value),
            Some(Binding::Path(_))
        )
    }

    /// `imports` of a type (`use std::fs::OpenOptions as Opts`).
    pub fn imports_type(&self, name: &str) -> bool {
        matches!(
            self.lookup_in(name, Namespace::Type),
            Some(Binding::Path(_))
        )
    }

    /// The absolute path an expression's path (`write`, `File::create`)
    /// stands for, when it can be known.
    pub fn resolve(&self, path: &syn::Path) -> Option<Vec<String>> {
        self.resolve_with(path, ops::conventional)
    }

    /// The absolute path a type's path (`File`, `fs::OpenOptions`) stands
    /// for: its last segment is looked up among types, where an import of
    /// a function is not (`use std::fs::write as File;`).
    pub fn resolve_type(&self, path: &syn::Path) -> Option<Vec<String>> {
        self.resolve_by(path, Namespace::Type, &ops::conventional)
    }

    /// `resolve`, with the paths that names nothing in sight imports are
    /// taken to mean.
    pub fn resolve_with(
        &self,
        path: &syn::Path,
        conventional: impl Fn(&str) -> Option<&'static [&'static str]>,
    ) -> Option<Vec<String>> {
        self.resolve_by(path, Namespace::Value, &conventional)
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

#[cfg(test)]
mod tests;
