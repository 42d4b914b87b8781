//! Shapes the attribute lets through, as the guide's limits chapter says,
//! that syntax can still point at. The attribute cannot refuse them without
//! refusing correct code; the audit reports them as warnings, so that what
//! the attribute cannot check is not silent everywhere.
//!
// Input: one audited function (its signature and body, and whether it is a
// trait impl's method on a builder-like type), whether the file names one
// of std's builder types, and the function's temp handles
// (`approx::Locals`).
// Output: each place of a shape, with its `Limit`.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{Block, Expr, FnArg, Pat, Signature};

use ephemeral_fs_core::lints::Lint;
use ephemeral_fs_core::ops;
use ephemeral_fs_core::syntax::ident_name;

use crate::approx::Locals;

mod items;
pub(crate) use items::{
    annotated_in_macro, imports_from_macro, imports_under_operation_names,
    trusted_crate_module_of_yours, trusted_macro_of_yours,
};

/// A documented limit of the attribute that the audit reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// A trait method of the user's, on a builder-like type, that takes
    /// `self` by value and is named like a setter: method resolution picks
    /// it before the builder's own `&mut self` setter (limits: "Methods of
    /// yours that take a builder by value").
    SetterOfYours,
    /// `.open(p)` or `.create(p)` on a field or a parameter, whose flags
    /// were set out of sight and which the attribute's probe may not name
    /// (limits: "Builders").
    BuilderOutOfSight,
    /// tempfile's `Builder::permissions`: the attribute checks a
    /// directory's mode only where the directory is made in sight (limits:
    /// "Directory modes out of sight").
    TempDirMode,
    /// `ManuallyDrop` or `MaybeUninit` where temp handles are, or a temp
    /// handle handed to a function through an associated type: storage
    /// whose destructor never runs (limits: "Leaks without a leak call").
    LeakStorage,
    /// `set_permissions`, `set_times` or `set_modified` on an open file, or
    /// `fchown` of one: a file opened for reading changes a persistent
    /// file's metadata (limits: "Handles passed in").
    HandleChangesMetadata,
    /// An annotated item inside `macro_rules!`: the attribute compares the
    /// macro's names and its caller's as text, and the audit cannot read
    /// the item (limits: "Macro hygiene").
    AnnotatedInMacro,
    /// An import of something the tables do not know, renamed to an
    /// operation's name or to `fs`: the attribute takes it in both of
    /// rustc's namespaces, so a type or module of that name hides the
    /// operation further out (limits: "What an import binds").
    ImportUnderOperationName,
    /// A `macro_rules!` that expands to a `use`, `mod` or `extern crate`:
    /// the attribute sees a macro's arguments, not what it expands to, so
    /// the names it brings are not followed (limits: "Macros").
    ImportsFromMacro,
    /// A `macro_rules!` named like a macro the attribute trusts to bind no
    /// name (`println`, `info`), or a module named like a crate whose
    /// macros it trusts (`mod log`): out of the annotated item, the
    /// attribute takes calls of that name for std's, log's or tracing's
    /// (limits: "Macros").
    TrustedMacroOfYours,
}

/// One row per limit: its lint, the finding's title (`{operation}` is the
/// place's own words), why, and what to write instead.
struct Row {
    limit: Limit,
    /// The name the JSON output gives it.
    name: &'static str,
    lint: Lint,
    message: &'static str,
    note: &'static str,
    suggestion: &'static str,
}

const ROWS: &[Row] = &[
    Row {
        limit: Limit::SetterOfYours,
        name: "setter_of_yours",
        lint: Lint::PersistentWrite,
        message: "`{operation}` takes a builder by value and is named like its setter, so the attribute reads a chain through it as the setter",
        note: "method resolution finds a by-value method before the builder's `&mut self` setter: the flags or settings the attribute reads are not the ones set",
        suggestion: "name the method so that no builder has a method of that name",
    },
    Row {
        limit: Limit::BuilderOutOfSight,
        name: "builder_out_of_sight",
        lint: Lint::PersistentWrite,
        message: "`{operation}` opens with flags set out of the attribute's sight",
        note: "the attribute reads a builder's flags where it sees them set, and probes other receivers only by a type it can name",
        suggestion: "build the options in the handler, or open a temp file's path with them",
    },
    Row {
        limit: Limit::TempDirMode,
        name: "temp_dir_mode",
        lint: Lint::TempEscape,
        message: "`{operation}` sets a temp directory's mode, which the attribute checks only where the directory is made in sight",
        note: "a mode without the owner's write and execute rights keeps the cleanup from emptying the directory",
        suggestion: "leave the mode alone, or set it in the function that makes the directory",
    },
    Row {
        limit: Limit::LeakStorage,
        name: "leak_storage",
        lint: Lint::TempEscape,
        message: "`{operation}` where temp handles are: a handle moved into storage whose destructor never runs is not seen",
        note: "the attribute refuses leak calls it sees (`mem::forget`, `ManuallyDrop::new`, `Box::leak`), not the storage itself",
        suggestion: "keep temp handles in locals and fields that drop them",
    },
    Row {
        limit: Limit::HandleChangesMetadata,
        name: "handle_changes_metadata",
        lint: Lint::PersistentWrite,
        message: "`{operation}` changes the metadata of a file opened out of the attribute's sight, or opened for reading",
        note: "an open file carries no path: the attribute checks where it was opened for writing, not what is done with it",
        suggestion: "change a temp file's metadata through its handle, or call `std::fs::set_permissions` on a path the attribute checks",
    },
    Row {
        limit: Limit::AnnotatedInMacro,
        name: "annotated_in_macro",
        lint: Lint::PersistentWrite,
        message: "`{operation}` makes annotated items whose names the attribute compares as text, and which the audit cannot read",
        note: "in a handler a `macro_rules!` makes, a name of the macro's and a name the caller passes are one name to the attribute",
        suggestion: "write the handler outside the macro, or check that no caller passes a name the macro binds",
    },
    Row {
        limit: Limit::ImportUnderOperationName,
        name: "import_under_operation_name",
        lint: Lint::PersistentWrite,
        message: "`{operation}` imports something else under a filesystem operation's name, which hides that operation from the attribute",
        note: "the attribute takes an import it does not know in both of rustc's namespaces: a type or module imported as `write` hides the function `write` further out from it, not from rustc",
        suggestion: "import it under a name of its own",
    },
    Row {
        limit: Limit::ImportsFromMacro,
        name: "imports_from_macro",
        lint: Lint::PersistentWrite,
        message: "`{operation}` expands to imports or modules whose names the attribute does not follow",
        note: "the attribute reads a macro's arguments, not its expansion: a name the expansion imports (`use std::fs::write as save;`) is not known to be an operation",
        suggestion: "write the `use` or `mod` outside the macro",
    },
    Row {
        limit: Limit::TrustedMacroOfYours,
        name: "trusted_macro_of_yours",
        lint: Lint::PersistentWrite,
        message: "`{operation}` is named like a std, log or tracing macro the attribute trusts to bind no name",
        note: "a path local named in a trusted macro's arguments is still followed after it; out of the annotated item's sight, a macro of yours of that name (or in a module of yours of that crate's name) may bind the name again, to another path",
        suggestion: "give the macro or module a name of its own",
    },
];

impl Limit {
    fn row(self) -> &'static Row {
        ROWS.iter()
            .find(|row| row.limit == self)
            .expect("every limit has a row")
    }

    pub fn name(self) -> &'static str {
        self.row().name
    }

    pub fn lint(self) -> Lint {
        self.row().lint
    }

    pub fn message(self, operation: &str) -> String {
        self.row().message.replace("{operation}", operation)
    }

    pub fn note(self) -> &'static str {
        self.row().note
    }

    pub fn suggestion(self) -> &'static str {
        self.row().suggestion
    }

    pub fn label(self) -> &'static str {
        "the attribute lets this through"
    }
}

/// One place of a limit's shape.
pub(crate) struct Place {
    pub(crate) limit: Limit,
    pub(crate) span: Span,
    pub(crate) operation: String,
}

/// Setter names of std's, tokio's and async-std's `OpenOptions` and
/// `DirBuilder`, and of tempfile's `Builder`, besides the write flags and
/// the escape switches (`keep`, `disable_cleanup`) of `ops`.
const OTHER_SETTERS: &[&str] = &[
    "read",
    "mode",
    "recursive",
    "prefix",
    "suffix",
    "rand_bytes",
    "permissions",
];

fn is_setter_name(name: &str) -> bool {
    [ops::WRITE_FLAGS, ops::ESCAPE_SWITCHES, OTHER_SETTERS]
        .iter()
        .any(|names| names.contains(&name))
}

/// `File`'s methods that change its metadata (std's and tokio's).
const METADATA_SETTERS: &[&str] = &["set_permissions", "set_times", "set_modified"];

/// Types a by-value setter of the user's matters on: the builders by their
/// last name, and a generic parameter (a blanket impl).
const BUILDER_TYPES: &[&str] = &["OpenOptions", "DirBuilder", "Builder"];

/// Whether an impl is a trait's, for a builder type or any type.
pub(crate) fn is_setter_target(item: &syn::ItemImpl) -> bool {
    if item.trait_.is_none() {
        return false;
    }
    let syn::Type::Path(ty) = &*item.self_ty else {
        return false;
    };
    let Some(last) = ty.path.segments.last() else {
        return false;
    };
    let name = ident_name(&last.ident);
    BUILDER_TYPES.contains(&name.as_str())
        || (ty.path.segments.len() == 1
            && item
                .generics
                .type_params()
                .any(|param| param.ident == last.ident))
}

/// What one function shows of the limits.
pub(crate) fn places(
    sig: &Signature,
    block: &Block,
    setter_target: bool,
    file_names_builder: bool,
    locals: &Locals,
) -> Vec<Place> {
    let mut places = Vec::new();
    let by_value_self = sig
        .receiver()
        .is_some_and(|receiver| matches!(receiver.kind, syn::ReceiverKind::Value));
    let name = ident_name(&sig.ident);
    if setter_target && by_value_self && is_setter_name(&name) {
        places.push(Place {
            limit: Limit::SetterOfYours,
            span: sig.ident.span(),
            operation: format!("{name}(self, ..)"),
        });
    }
    let parameters = sig
        .inputs
        .iter()
        .filter_map(|input| match input {
            FnArg::Typed(typed) => match &*typed.pat {
                Pat::Ident(binding) => Some(ident_name(&binding.ident)),
                _ => None,
            },
            FnArg::Receiver(_) => None,
        })
        .collect();
    let mut scan = Scan {
        parameters,
        file_names_builder,
        holds_handles: locals.holds_handles(),
        locals,
        places,
        lines: Vec::new(),
    };
    scan.visit_block(block);
    scan.places
}

struct Scan<'a> {
    parameters: Vec<String>,
    file_names_builder: bool,
    holds_handles: bool,
    locals: &'a Locals,
    places: Vec<Place>,
    /// Lines with a `LeakStorage` place already: one a line is enough.
    lines: Vec<usize>,
}

impl Scan<'_> {
    /// A field, or a parameter by name, through parentheses and `*`.
    fn is_out_of_sight(&self, receiver: &Expr) -> bool {
        match receiver {
            Expr::Field(_) => true,
            Expr::Paren(inner) => self.is_out_of_sight(&inner.expr),
            Expr::Unary(unary) if matches!(unary.op, syn::UnOp::Deref(_)) => {
                self.is_out_of_sight(&unary.expr)
            }
            Expr::Path(path) => path
                .path
                .get_ident()
                .is_some_and(|ident| self.parameters.contains(&ident_name(ident))),
            _ => false,
        }
    }

    fn leak_storage(&mut self, span: Span, operation: String) {
        let line = span.start().line;
        if !self.lines.contains(&line) {
            self.lines.push(line);
            self.places.push(Place {
                limit: Limit::LeakStorage,
                span,
                operation,
            });
        }
    }
}

impl<'ast> Visit<'ast> for Scan<'_> {
    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        visit::visit_expr_method_call(self, call);
        let method = ident_name(&call.method);
        let one_argument = call.args.len() == 1;
        if one_argument
            && self.file_names_builder
            && matches!(method.as_str(), "open" | "create")
            && self.is_out_of_sight(&call.receiver)
        {
            self.places.push(Place {
                limit: Limit::BuilderOutOfSight,
                span: call.method.span(),
                operation: format!(".{method}()"),
            });
        }
        if one_argument && METADATA_SETTERS.contains(&method.as_str()) {
            self.places.push(Place {
                limit: Limit::HandleChangesMetadata,
                span: call.method.span(),
                operation: format!("File::{method}"),
            });
        }
        if one_argument && method == "permissions" {
            self.places.push(Place {
                limit: Limit::TempDirMode,
                span: call.args[0].span(),
                operation: "Builder::permissions".to_owned(),
            });
        }
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        visit::visit_expr_call(self, call);
        let Expr::Path(callee) = &*call.func else {
            return;
        };
        let segments = &callee.path.segments;
        let named = |at: usize, name: &str| {
            segments.len() > at && segments[segments.len() - 1 - at].ident == name
        };
        // `Builder::permissions(&mut builder, mode)`.
        if named(0, "permissions") && named(1, "Builder") && call.args.len() == 2 {
            self.places.push(Place {
                limit: Limit::TempDirMode,
                span: call.args[1].span(),
                operation: "Builder::permissions".to_owned(),
            });
        }
        if named(0, "fchown") && call.args.len() == 3 {
            self.places.push(Place {
                limit: Limit::HandleChangesMetadata,
                span: call.args[0].span(),
                operation: "std::os::unix::fs::fchown".to_owned(),
            });
        }
        // `<Keeper as Slot>::Hold::new(tmp)`: what the function is, only
        // the associated type knows.
        if let Some(qself) = callee.qself.as_ref().filter(|_| self.holds_handles) {
            let handle = call.args.iter().find(|arg| {
                self.locals
                    .value(arg)
                    .is_some_and(|value| value.is_temp_handle())
            });
            if let Some(handle) = handle {
                let names: Vec<String> = segments
                    .iter()
                    .map(|segment| ident_name(&segment.ident))
                    .collect();
                let (as_trait, below) = names.split_at(qself.position.min(names.len()));
                let as_trait = if as_trait.is_empty() {
                    String::new()
                } else {
                    format!(" as {}", as_trait.join("::"))
                };
                self.leak_storage(
                    handle.span(),
                    format!("<_{as_trait}>::{}", below.join("::")),
                );
            }
        }
    }

    fn visit_path_segment(&mut self, segment: &'ast syn::PathSegment) {
        visit::visit_path_segment(self, segment);
        let name = ident_name(&segment.ident);
        if self.holds_handles && matches!(name.as_str(), "ManuallyDrop" | "MaybeUninit") {
            self.leak_storage(segment.ident.span(), name);
        }
    }

    // Nested items are functions of their own; an import is the block's.
    fn visit_item(&mut self, item: &'ast syn::Item) {
        match item {
            syn::Item::Use(item) => self.places.extend(imports_under_operation_names(item)),
            syn::Item::Macro(item) => self.places.extend(imports_from_macro(item)),
            _ => {}
        }
    }
}

/// Whether a file names one of std's builder types anywhere: where it
/// does, a builder may be held in a field or passed in.
pub(crate) fn names_builder(file: &syn::File) -> bool {
    struct Names(bool);
    impl<'ast> Visit<'ast> for Names {
        fn visit_ident(&mut self, ident: &'ast proc_macro2::Ident) {
            self.0 |= ident == "OpenOptions" || ident == "DirBuilder";
        }
    }
    let mut names = Names(false);
    names.visit_file(file);
    names.0
}
