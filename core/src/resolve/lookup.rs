//! A path's meaning: its first segment looked up through the frames in
//! sight, the rest appended, with `self`, `super`, `crate` and the
//! associated types of trait impls in sight followed.

use super::*;

impl Namespaces {
    /// `last` is the namespace of the path's last segment: a value's in
    /// an expression (`write(..)`, `File::create`), a type's in a type
    /// (`type Backend = File;`).
    // Input:  #[cfg(test)] mod fs { pub fn write(..) }  ..  fs::write(p, b)
    // Output: std::fs::write
    pub(super) fn resolve_by(
        &self,
        path: &syn::Path,
        last: Namespace,
        conventional: &dyn Fn(&str) -> Option<&'static [&'static str]>,
    ) -> Option<Vec<String>> {
        let resolved = self.resolve_in_sight(path, last, conventional);
        // A `#[cfg]`'d module may be compiled out, and its name then means
        // what it would without it: the stricter of the two readings holds,
        // as for `#[cfg]`'d imports (a test double is checked as the real
        // thing).
        let first = path.segments.first().map(|s| ident_name(&s.ident));
        let Some(first) = first.filter(|first| {
            path.leading_colon.is_none()
                && self.frames.iter().any(|f| f.cfg_modules.contains(first))
        }) else {
            return resolved;
        };
        let mut without = Namespaces {
            frames: self.frames.clone(),
            ..Namespaces::default()
        };
        for frame in &mut without.frames {
            if frame.cfg_modules.remove(&first) {
                frame.names.remove(&first);
            }
        }
        let other = without.resolve_by(path, last, conventional);
        let strictness = |path: &Option<Vec<String>>| {
            path.clone()
                .map_or(0, |path| Binding::Path(path).strictness())
        };
        if strictness(&other) > strictness(&resolved) {
            other
        } else {
            resolved
        }
    }

    fn resolve_in_sight(
        &self,
        path: &syn::Path,
        last: Namespace,
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
        let mut above = first == "crate";
        if above {
            first = segments.next()?;
        }
        while !above && (first == "self" || first == "super") {
            let up = usize::from(first == "super");
            supers = Some(supers.map_or(up, |n: usize| n + up));
            first = segments.next()?;
        }
        // `super::handlers::..` at the top of `mod handlers`: out of sight,
        // as after `crate::`.
        above = above || supers.is_some_and(|up| up >= self.modules_in_sight());
        let mut binding = if above {
            supers = Some(0);
            Some(self.back_into_root(first.clone(), &mut segments, last)?)
        } else {
            let namespace = namespace_of(&mut segments, last);
            match supers {
                Some(supers) => Some(self.module_out(supers)?.lookup_own_in(&first, namespace)?),
                None => self.lookup_in(&first, namespace).or_else(|| {
                    // `handlers::..` in `mod handlers`, which nothing in sight
                    // binds: a glob of the parent's names brings it.
                    segments.peek()?;
                    self.is_root_name(&first).then_some(Binding::Root)
                }),
            }
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
        // `m::save` through inline modules in sight, the annotated one
        // (`me::save` after `use self as me;`), and modules out of sight
        // that hold it (`up::handlers::save` after `use super as up;`).
        loop {
            binding = match &binding {
                Some(Binding::Module(module)) => {
                    let next = segments.next()?;
                    Some(module.lookup_own_in(&next, namespace_of(&mut segments, last))?)
                }
                Some(Binding::Root) => {
                    let next = segments.next()?;
                    let own = self
                        .root_frame()?
                        .lookup_own_in(&next, namespace_of(&mut segments, last));
                    Some(own.or_else(|| self.is_root_name(&next).then_some(Binding::Root))?)
                }
                Some(Binding::Above) => {
                    let next = segments.next()?;
                    Some(self.back_into_root(next, &mut segments, last)?)
                }
                _ => break,
            };
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
                self.resolve_by(&argument.path, Namespace::Type, conventional)?
            }
            Some(
                Binding::Opaque
                | Binding::Module(_)
                | Binding::Value
                | Binding::Macro
                | Binding::Projection
                | Binding::Above
                | Binding::Root
                | Binding::TypeOnly,
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

    // Input:  crate::web::handlers::util::put   (the annotated module: `mod handlers`)
    // Output: ("handlers", the `super::`s from here to it)
    /// Where a `crate::` path comes back into the annotated module: its
    /// name, and how many modules out from the innermost one in sight it
    /// is. The macro does not know where in the crate that module is, so
    /// a path's segments before its name are skipped: a module of the same
    /// name elsewhere is read as this one.
    pub(super) fn crate_anchor(&self) -> Option<(&str, usize)> {
        let name = self.root_frame()?.name.as_deref()?;
        Some((name, self.modules_in_sight() - 1))
    }

    /// The module `supers` levels out from the innermost one in sight:
    /// `self::` is 0, `super::` 1; `None` past the annotated item.
    pub(super) fn module_out(&self, supers: usize) -> Option<&Frame> {
        self.frames
            .iter()
            .rev()
            .filter(|frame| frame.module)
            .nth(supers)
    }

    /// How many modules are in sight: `super::`s past them leave it.
    pub(super) fn modules_in_sight(&self) -> usize {
        self.frames.iter().filter(|frame| frame.module).count()
    }

    /// Whether `name` is the annotated module's own. Where nothing in sight
    /// binds it, a glob of the parent's names brings it; rustc allows one
    /// item of a name in a module, so the parent's `handlers` is this one.
    pub(super) fn is_root_name(&self, name: &str) -> bool {
        self.crate_anchor()
            .is_some_and(|(anchor, _)| anchor == name)
    }

    /// The annotated module's frame, when the annotated item is a module.
    pub(super) fn root_frame(&self) -> Option<&Frame> {
        self.frames.first().filter(|frame| frame.module)
    }

    // Input:  web, [handlers, fs, write]       (after `crate::`, in `mod handlers`)
    // Output: the binding of `fs` in the annotated module
    /// A path into a module out of sight that holds the annotated one,
    /// from its segment `name` on: followed from the annotated module's own
    /// name, whatever comes before it, to the binding of the segment after
    /// it. A path that does not come back is out of sight.
    fn back_into_root(
        &self,
        mut name: String,
        segments: &mut std::iter::Peekable<impl Iterator<Item = String>>,
        last: Namespace,
    ) -> Option<Binding> {
        let (anchor, _) = self.crate_anchor()?;
        while name != anchor {
            name = segments.next()?;
        }
        let next = segments.next()?;
        let own = self
            .root_frame()?
            .lookup_own_in(&next, namespace_of(segments, last));
        own.or_else(|| self.is_root_name(&next).then_some(Binding::Root))
    }

    pub(super) fn lookup(&self, name: &str) -> Option<Binding> {
        for frame in self.frames.iter().rev() {
            if let Some(binding) = frame.lookup_own_either(name) {
                return Some(binding);
            }
            if frame.module {
                break;
            }
        }
        None
    }

    // Input:  copy       (a call, under `use std::fs::*;` and `mod copy { .. }`)
    // Output: std::fs::copy
    /// `lookup` in one namespace: a binding of the name in the other one
    /// (an item only there) hides nothing, here or further out.
    pub(super) fn lookup_in(&self, name: &str, namespace: Namespace) -> Option<Binding> {
        for frame in self.frames.iter().rev() {
            if let Some(binding) = frame.lookup_own_in(name, namespace) {
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
    pub(super) fn lookup_in_module(&self, name: &str, supers: usize) -> Option<Binding> {
        self.module_out(supers)?.lookup_own_either(name)
    }
}

/// The namespace a path's segment is read in: a type's or module's where
/// more segments follow it, the path's own (`last`) where it is the last.
fn namespace_of(
    segments: &mut std::iter::Peekable<impl Iterator<Item = String>>,
    last: Namespace,
) -> Namespace {
    match segments.peek() {
        Some(_) => Namespace::Type,
        None => last,
    }
}
