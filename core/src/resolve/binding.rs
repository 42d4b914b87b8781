//! What a name is bound to in a frame, and which of rustc's namespaces
//! it is in.

use super::*;

#[derive(Clone, Debug)]
pub(super) enum Binding {
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
    /// An item only in the type namespace (a braced `struct`, an `enum`, a
    /// `trait`, a `type`, a `mod` in another file): it hides the first
    /// segment of a longer path, not a call (`mod copy;` leaves `copy(..)`
    /// to the `use std::fs::*;` around it).
    TypeOnly,
    /// A module out of sight that holds the annotated one: the crate root
    /// or a parent (`use crate as root;`, `use super as up;` at its top).
    /// A path through it is followed from the annotated module's own name
    /// on, as a `crate::` path is.
    Above,
    /// The annotated module itself (`use self as me;` at its top, `use
    /// super::handlers as again;`), read as it stands when a path is
    /// resolved, not as a copy made while its imports were read.
    Root,
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
    pub(super) fn strictness(&self) -> u8 {
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
            // They lead back into the annotated module, where a `#[cfg]`'d
            // alias of it must not be dropped.
            Binding::Above | Binding::Root => LEADS_TO_FS,
            Binding::Module(_) | Binding::Param(_) | Binding::Projection => 2,
            Binding::Opaque | Binding::Value | Binding::TypeOnly => 1,
            Binding::Macro => 0,
        }
    }

    /// How many lookups a local item of this kind hides: a type-namespace
    /// item hides paths and calls, a value hides calls, a macro nothing.
    pub(super) fn hides(&self) -> u8 {
        match self {
            Binding::Path(_)
            | Binding::Opaque
            | Binding::Module(_)
            | Binding::Param(_)
            | Binding::Projection
            | Binding::Above
            | Binding::Root
            | Binding::TypeOnly => 2,
            Binding::Value => 1,
            Binding::Macro => 0,
        }
    }
}

/// The strictness of a path into, or on the way to, a module we check.
pub(super) const LEADS_TO_FS: u8 = 3;

/// Which of rustc's namespaces a name is looked up in: a call's callee or a
/// lone value among values, a longer path's first segment among types and
/// modules. An item is in one of them (or both: a tuple struct); an import
/// or a glob may bring a name into either, and is taken to be in both.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Namespace {
    Value,
    Type,
}

impl Binding {
    pub(super) fn is_in(&self, namespace: Namespace) -> bool {
        match (self, namespace) {
            // A macro is in a namespace of its own, which a path never is.
            (Binding::Macro, _) => false,
            (Binding::Value, Namespace::Type) => false,
            // An import of one of the operations that are functions
            // (`use std::fs::metadata as save;`) binds a value only: a
            // module of the same name (`mod save { .. }`) is still the
            // longer path's. Of other functions the attribute cannot tell.
            (Binding::Path(path), Namespace::Type) => {
                ops::lookup(path).is_none_or(|(operation, _)| operation.path.contains("::"))
            }
            // A crate, module or type the tables know of (`use std::fs as
            // write;`) is a type only.
            (Binding::Path(path), Namespace::Value) => !ops::names_type_or_module(path),
            (
                Binding::TypeOnly
                | Binding::Module(_)
                | Binding::Root
                | Binding::Above
                | Binding::Param(_)
                | Binding::Projection,
                Namespace::Value,
            ) => false,
            _ => true,
        }
    }
}
