//! A path's meaning: its first segment looked up through the frames in
//! sight, the rest appended, with `self`, `super`, `crate` and the
//! associated types of trait impls in sight followed.

use super::*;

impl Namespaces {
    pub(super) fn resolve_by(
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
        let mut above = first == "crate";
        if above {
            first = segments.next()?;
        }
        while !above && (first == "self" || first == "super") {
            let up = usize::from(first == "super");
            supers = Some(supers.map_or(up, |n: usize| n + up));
            first = segments.next()?;
        }
        // `super::handlers::..` at the top of `mod handlers`, `root::..`
        // after `use crate as root;`, or `handlers::..` through a glob of
        // the parent's names.
        above = above
            || supers.is_some_and(|up| up >= self.modules_in_sight())
            || (supers.is_none() && segments.peek().is_some() && self.is_above(&first));
        if above {
            let (anchor, up) = self.crate_anchor()?;
            while first != anchor {
                first = segments.next()?;
            }
            supers = Some(up);
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
                | Binding::Projection
                | Binding::Above,
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
        let root = self.frames.first().filter(|frame| frame.module)?;
        let name = root.name.as_deref()?;
        let supers = self.frames.iter().filter(|frame| frame.module).count() - 1;
        Some((name, supers))
    }

    /// How many modules are in sight: `super::`s past them leave it.
    pub(super) fn modules_in_sight(&self) -> usize {
        self.frames.iter().filter(|frame| frame.module).count()
    }

    // Input:  root       (after `use crate as root;`)     handlers   (in `mod handlers`, bound to nothing)
    // Output: true
    /// Whether a path's first segment is a module out of sight that holds
    /// the annotated one: a name bound to one, or the annotated module's own
    /// name where nothing in sight binds it (a glob of the parent's names,
    /// `use super::*;`, brings it; rustc allows one item of a name in a
    /// module, so the parent's `handlers` is this one).
    fn is_above(&self, first: &str) -> bool {
        match self.lookup(first) {
            Some(Binding::Above) => true,
            Some(_) => false,
            None => self
                .crate_anchor()
                .is_some_and(|(anchor, _)| anchor == first),
        }
    }

    pub(super) fn lookup(&self, name: &str) -> Option<Binding> {
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
    pub(super) fn lookup_in_module(&self, name: &str, supers: usize) -> Option<Binding> {
        self.frames
            .iter()
            .rev()
            .filter(|frame| frame.module)
            .nth(supers)?
            .lookup_own(name)
    }
}
