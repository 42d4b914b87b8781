//! Which functions of a file the audit visits, with the names in sight and
//! the levels the items around them set.

use std::collections::HashSet;

use proc_macro2::Span;
use syn::{Attribute, Block, Expr, ImplItem, Item, Signature, TraitItem};

use ephemeral_fs_core::args::{self, Setting};
use ephemeral_fs_core::ctxt::Ctxt;
use ephemeral_fs_core::lints::{Level, Lint};
use ephemeral_fs_core::resolve::Namespaces;
use ephemeral_fs_core::rewrite::Rewriter;
use ephemeral_fs_core::syntax::ident_name;
use ephemeral_fs_core::{Callee, Check, Subject};

use crate::approx::Locals;
use crate::limits;
use crate::summary::{Position, count_fns, is_cfg_test, is_test_attr, type_name};
use crate::uploads;
use crate::{AuditScope, FileFinding, FileReport, Options};

pub struct Walker<'o> {
    options: &'o Options,
    /// For `AuditScope::RequestPath`: the functions on it, by the position
    /// of their names.
    selected: Option<&'o HashSet<Position>>,
    /// The `use` items and local items of the file and the inline modules
    /// around the function: lent to each function's rewriter.
    namespaces: Namespaces,
    /// Inline modules, then the impl's type or the trait: the function's
    /// name is this path and its own.
    path: Vec<String>,
    /// The file names `OpenOptions` or `DirBuilder` (`limits`).
    names_builder: bool,
    report: FileReport,
}

/// What the items around a function say about it.
#[derive(Clone, Default)]
struct Around {
    /// A module, impl or trait around it carries `#[ephemeral_fs]`.
    annotated: bool,
    /// Their `#[ephemeral_fs(..)]` levels and `#[ephemeral_fs::allow]`
    /// exceptions, outermost first.
    settings: Vec<Setting>,
}

/// One function as the rewriter takes it. The walk decides only, so the
/// file is lent, not copied; nothing in it changes.
struct Function<'a> {
    attrs: &'a mut Vec<Attribute>,
    sig: &'a Signature,
    block: &'a mut Block,
    /// A method of a trait's impl for a builder-like type (`limits`).
    setter_target: bool,
}

/// A check the rewriter handed on, kept until the function's walk ends:
/// only then are its locals read, and only if it has checks at all.
pub(crate) struct Kept {
    pub(crate) lint: Lint,
    pub(crate) level: Level,
    pub(crate) span: Span,
    pub(crate) operation: String,
    /// The escape method or constructor, for `temp_escape`.
    pub(crate) escape: Option<&'static str>,
    /// The type a path-called escape names: `NamedTempFile` in
    /// `NamedTempFile::keep(tmp)`.
    pub(crate) escape_owner: Option<String>,
    /// A function that skips its argument's destructor (`mem::forget`).
    pub(crate) leak: bool,
    pub(crate) subject: Option<Subject<Expr>>,
    pub(crate) reason: Option<String>,
}

impl Kept {
    fn of(check: &Check<'_>) -> Kept {
        Kept {
            lint: check.lint,
            level: check.level,
            span: check.span,
            operation: check.callee.operation(),
            escape: check.callee.escape(),
            escape_owner: check.callee.escape_owner(),
            leak: matches!(check.callee, Callee::Leak { .. }),
            subject: check.subject.map(|subject| subject.map(Expr::clone)),
            reason: check.reason.map(str::to_owned),
        }
    }
}

impl<'o> Walker<'o> {
    pub fn new(options: &'o Options, selected: Option<&'o HashSet<Position>>) -> Self {
        Walker {
            options,
            selected,
            namespaces: Namespaces::default(),
            path: Vec::new(),
            names_builder: false,
            report: FileReport::default(),
        }
    }

    /// Audits `file`, which the walk only reads: it is `mut` because the
    /// rewriter's walk is the macro's, which takes code it may rewrite.
    pub fn file(mut self, file: &mut syn::File) -> FileReport {
        self.names_builder = limits::names_builder(file);
        self.items(&mut file.items, &Around::default());
        self.report
    }

    fn items(&mut self, items: &mut [Item], around: &Around) {
        self.namespaces.push_module(items);
        for item in items {
            self.item(item, around);
        }
        self.namespaces.pop();
    }

    fn item(&mut self, item: &mut Item, around: &Around) {
        match item {
            Item::Fn(function) => self.function(
                Function {
                    attrs: &mut function.attrs,
                    sig: &function.sig,
                    block: &mut function.block,
                    setter_target: false,
                },
                around,
            ),
            Item::Impl(item_impl) if self.leaves_out(&item_impl.attrs) => {
                self.report.left_out += count_fns(std::slice::from_ref(item));
            }
            Item::Impl(item_impl) => {
                let around = enter(&item_impl.attrs, around);
                self.path.push(type_name(&item_impl.self_ty));
                let setter_target = limits::is_setter_target(item_impl);
                for impl_item in &mut item_impl.items {
                    if let ImplItem::Fn(method) = impl_item {
                        let function = Function {
                            attrs: &mut method.attrs,
                            sig: &method.sig,
                            block: &mut method.block,
                            setter_target,
                        };
                        self.function(function, &around);
                    }
                }
                self.path.pop();
            }
            Item::Trait(item_trait) => {
                let around = enter(&item_trait.attrs, around);
                self.path.push(ident_name(&item_trait.ident));
                for trait_item in &mut item_trait.items {
                    if let TraitItem::Fn(method) = trait_item {
                        if let Some(block) = &mut method.default {
                            let function = Function {
                                attrs: &mut method.attrs,
                                sig: &method.sig,
                                block,
                                setter_target: false,
                            };
                            self.function(function, &around);
                        }
                    }
                }
                self.path.pop();
            }
            Item::Mod(module) => {
                if let Some(place) = limits::trusted_crate_module_of_yours(module) {
                    self.push_limit_here(place, around);
                }
                if let Some((_, items)) = &mut module.content {
                    if self.leaves_out(&module.attrs) {
                        self.report.left_out += count_fns(items);
                        return;
                    }
                    let around = enter(&module.attrs, around);
                    self.path.push(ident_name(&module.ident));
                    self.items(items, &around);
                    self.path.pop();
                }
            }
            Item::Static(item) => self.static_item(item, around),
            Item::Macro(item) => self.macro_item(item, around),
            Item::Use(item) => self.use_item(item, around),
            _ => {}
        }
    }

    /// Test code, left out unless asked for.
    fn leaves_out(&self, attrs: &[Attribute]) -> bool {
        !self.options.include_tests && (is_cfg_test(attrs) || attrs.iter().any(is_test_attr))
    }

    /// A static that holds a temp handle is never dropped: what a handler
    /// writes in it stays (the attribute sees only the `&TempDir` it lends).
    fn static_item(&mut self, item: &syn::ItemStatic, around: &Around) {
        struct Names(bool);
        impl<'ast> syn::visit::Visit<'ast> for Names {
            fn visit_ident(&mut self, ident: &'ast proc_macro2::Ident) {
                self.0 |= matches!(
                    ident_name(ident).as_str(),
                    "NamedTempFile" | "TempDir" | "TempPath"
                );
            }
        }
        let mut names = Names(false);
        syn::visit::Visit::visit_type(&mut names, &item.ty);
        let holds_handle = names.0;
        let level = args::apply(self.options.levels, &around.settings).get(Lint::TempEscape);
        if !holds_handle || level == Level::Allow {
            return;
        }
        let name = self.named_here(&ident_name(&item.ident));
        self.report.findings.push(FileFinding {
            lint: Lint::TempEscape,
            level,
            span: item.ident.span(),
            function: name,
            function_at: item.ident.span().start().into(),
            operation: "a static holding a temp handle".to_owned(),
            reason: None,
            annotated: around.annotated,
            as_value: false,
            limit: None,
        });
    }

    fn selects(&self, function: &Function, annotated: bool) -> bool {
        match self.options.scope {
            AuditScope::Annotated => annotated,
            AuditScope::Handlers | AuditScope::RequestPath => {
                annotated
                    || self
                        .selected
                        .is_some_and(|s| s.contains(&function.sig.ident.span().start().into()))
            }
            AuditScope::All => true,
        }
    }

    fn function(&mut self, function: Function, around: &Around) {
        if self.leaves_out(function.attrs) {
            self.report.left_out += 1;
            return;
        }
        let annotated = around.annotated || function.attrs.iter().any(args::is_ephemeral_fs_attr);
        if !self.selects(&function, annotated) {
            return;
        }
        self.report.functions += 1;
        // The function's own `#[ephemeral_fs(..)]` and `allow`s are the
        // rewriter's to read, as on a nested item.
        let mut ctxt = Ctxt::default();
        let levels = args::apply(self.options.levels, &around.settings);
        let reasons = around
            .settings
            .iter()
            .map(|setting| (setting.lint, setting.reason.clone()))
            .collect();
        let namespaces = std::mem::take(&mut self.namespaces);
        let mut checks = Vec::new();
        let mut keep = |check: &Check<'_>| {
            // A lint switched off by a level, not by an exception, has
            // nothing to say.
            if check.level != Level::Allow || check.reason.is_some() {
                checks.push(Kept::of(check));
            }
        };
        let mut rewriter = Rewriter::for_audit(&mut ctxt, levels, reasons, namespaces, &mut keep);
        rewriter.visit_function(function.attrs, function.sig, function.block);
        self.namespaces = rewriter.into_namespaces();
        let uploads = uploads::in_sight(&self.namespaces);
        let locals = Locals::of_fn(function.sig, function.block);
        let limits = limits::places(
            function.sig,
            function.block,
            function.setter_target,
            self.names_builder,
            &locals,
        );
        if checks.is_empty() && uploads.is_empty() && limits.is_empty() {
            return;
        }
        for write in uploads::writes(&uploads, function.block, &locals) {
            let level = levels.get(Lint::PersistentWrite);
            let level = if write.reason.is_some() {
                Level::Allow
            } else {
                level
            };
            if level == Level::Allow && write.reason.is_none() {
                continue;
            }
            checks.push(Kept {
                lint: Lint::PersistentWrite,
                level,
                span: write.span,
                operation: write.operation,
                escape: None,
                escape_owner: None,
                leak: false,
                subject: Some(Subject::Refused),
                reason: write.reason,
            });
        }
        checks.sort_by_key(|check| (check.span.start().line, check.span.start().column));
        let first = self.report.findings.len();
        let name = self.named_here(&ident_name(&function.sig.ident));
        for check in checks {
            if !locals.is_violation(&check) {
                continue;
            }
            self.report.findings.push(FileFinding {
                lint: check.lint,
                level: check.level,
                span: check.span,
                function: name.clone(),
                function_at: function.sig.ident.span().start().into(),
                operation: check.operation,
                reason: check.reason,
                annotated,
                as_value: check.subject.is_none(),
                limit: None,
            });
        }
        // A line the rewrite's checks report already says enough.
        let reported: Vec<usize> = self.report.findings[first..]
            .iter()
            .map(|finding| finding.span.start().line)
            .collect();
        for place in limits {
            if !reported.contains(&place.span.start().line) {
                let at = function.sig.ident.span().start().into();
                self.push_limit(place, name.clone(), at, levels, annotated);
            }
        }
    }

    /// A `macro_rules!` that makes annotated handlers: the attribute's
    /// "Macro hygiene" limit, and nothing the audit can read.
    fn macro_item(&mut self, item: &syn::ItemMacro, around: &Around) {
        // Wherever it is: its textual scope may reach annotated items.
        if let Some(place) = limits::trusted_macro_of_yours(item) {
            self.push_limit_here(place, around);
        }
        if around.annotated || matches!(self.options.scope, AuditScope::All) {
            if let Some(place) = limits::imports_from_macro(item) {
                let levels = args::apply(self.options.levels, &around.settings);
                let at = place.span.start().into();
                let function = self.named_here(&place.operation);
                self.push_limit(place, function, at, levels, around.annotated);
            }
        }
        let Some(place) = limits::annotated_in_macro(item) else {
            return;
        };
        let function = self.named_here(&place.operation);
        let levels = args::apply(self.options.levels, &around.settings);
        self.push_limit(
            place,
            function,
            place_at(&item.mac.path),
            levels,
            around.annotated,
        );
    }

    /// A module's import of something else under an operation's name: the
    /// attribute's "What an import binds" limit.
    fn use_item(&mut self, item: &syn::ItemUse, around: &Around) {
        // It hides names from the functions of an annotated module; in
        // others, nothing the audit selects for a function is checked by
        // the attribute.
        if !around.annotated && !matches!(self.options.scope, AuditScope::All) {
            return;
        }
        let levels = args::apply(self.options.levels, &around.settings);
        for place in limits::imports_under_operation_names(item) {
            let function = self.named_here(&place.operation);
            let at = place.span.start().into();
            self.push_limit(place, function, at, levels, around.annotated);
        }
    }

    /// `name` as the modules and types around it name it (`handlers::save`).
    fn named_here(&self, name: &str) -> String {
        let path = self.path.iter().map(String::as_str).chain([name]);
        path.collect::<Vec<_>>().join("::")
    }

    /// A limit's place at an item of a module, named as the modules around
    /// it name it.
    fn push_limit_here(&mut self, place: limits::Place, around: &Around) {
        let levels = args::apply(self.options.levels, &around.settings);
        let at = place.span.start().into();
        let function = self.named_here(&place.operation);
        self.push_limit(place, function, at, levels, around.annotated);
    }

    /// A limit's place, reported at `warn` unless its lint is allowed there.
    fn push_limit(
        &mut self,
        place: limits::Place,
        function: String,
        function_at: Position,
        levels: ephemeral_fs_core::lints::Levels,
        annotated: bool,
    ) {
        if levels.get(place.limit.lint()) == Level::Allow {
            return;
        }
        self.report.findings.push(FileFinding {
            lint: place.limit.lint(),
            level: Level::Warn,
            span: place.span,
            function,
            function_at,
            operation: place.operation,
            reason: None,
            annotated,
            as_value: false,
            limit: Some(place.limit),
        });
    }
}

fn place_at(path: &syn::Path) -> Position {
    syn::spanned::Spanned::span(path).start().into()
}

/// The levels and exceptions an impl, trait or module sets for what is in it.
fn enter(attrs: &[Attribute], around: &Around) -> Around {
    let mut around = around.clone();
    // Misuse of the attribute is the compiler's to report, through the
    // attribute itself.
    let mut ignored = Ctxt::default();
    for attr in attrs {
        if args::is_ephemeral_fs_attr(attr) {
            around.annotated = true;
            if let syn::Meta::List(list) = &attr.meta {
                around
                    .settings
                    .extend(args::parse_levels(list.tokens.clone(), &mut ignored));
            }
        } else if args::is_allow_attr(attr) {
            around
                .settings
                .extend(args::parse_allow(attr, &mut ignored));
        }
    }
    around
}
