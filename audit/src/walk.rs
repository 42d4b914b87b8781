//! Which functions of a file the audit visits, with the names in sight and
//! the levels the items around them set.

use syn::visit_mut::VisitMut;
use syn::{Attribute, Block, ImplItem, Item, ItemFn, Signature, TraitItem, Type};

use ephemeral_fs_core::args::{self, Setting};
use ephemeral_fs_core::ctxt::Ctxt;
use ephemeral_fs_core::lints::{Level, Lint};
use ephemeral_fs_core::resolve::Scope;
use ephemeral_fs_core::rewrite::Rewriter;
use ephemeral_fs_core::syntax::ident_name;

use crate::approx::Locals;
use crate::{AuditFinding, AuditScope, FileReport, Options, is_handler_attr};

pub struct Walker<'o> {
    options: &'o Options,
    /// The `use` items and local items of the file and the inline modules
    /// around the function: lent to each function's rewriter.
    scope: Scope,
    /// Inline modules, then the impl's type or the trait: the function's
    /// name is this path and its own.
    path: Vec<String>,
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

/// One function as the rewriter takes it.
struct Function<'a> {
    attrs: &'a [Attribute],
    sig: &'a Signature,
    block: &'a Block,
}

impl<'o> Walker<'o> {
    pub fn new(options: &'o Options) -> Self {
        Walker {
            options,
            scope: Scope::default(),
            path: Vec::new(),
            report: FileReport::default(),
        }
    }

    pub fn file(mut self, file: &syn::File) -> FileReport {
        self.items(&file.items, &Around::default());
        self.report
    }

    fn items(&mut self, items: &[Item], around: &Around) {
        self.scope.push_module(items);
        for item in items {
            self.item(item, around);
        }
        self.scope.pop();
    }

    fn item(&mut self, item: &Item, around: &Around) {
        match item {
            Item::Fn(function) => self.function(
                Function {
                    attrs: &function.attrs,
                    sig: &function.sig,
                    block: &function.block,
                },
                around,
            ),
            Item::Impl(item_impl) => {
                let around = enter(&item_impl.attrs, around);
                self.path.push(type_name(&item_impl.self_ty));
                for impl_item in &item_impl.items {
                    if let ImplItem::Fn(method) = impl_item {
                        let function = Function {
                            attrs: &method.attrs,
                            sig: &method.sig,
                            block: &method.block,
                        };
                        self.function(function, &around);
                    }
                }
                self.path.pop();
            }
            Item::Trait(item_trait) => {
                let around = enter(&item_trait.attrs, around);
                self.path.push(ident_name(&item_trait.ident));
                for trait_item in &item_trait.items {
                    if let TraitItem::Fn(method) = trait_item {
                        if let Some(block) = &method.default {
                            let function = Function {
                                attrs: &method.attrs,
                                sig: &method.sig,
                                block,
                            };
                            self.function(function, &around);
                        }
                    }
                }
                self.path.pop();
            }
            Item::Mod(module) => {
                if let Some((_, items)) = &module.content {
                    let around = enter(&module.attrs, around);
                    self.path.push(ident_name(&module.ident));
                    self.items(items, &around);
                    self.path.pop();
                }
            }
            Item::Static(item) => self.static_item(item, around),
            _ => {}
        }
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
        let name = self
            .path
            .iter()
            .cloned()
            .chain([ident_name(&item.ident)])
            .collect::<Vec<_>>()
            .join("::");
        self.report.findings.push(AuditFinding {
            lint: Lint::TempEscape,
            level,
            span: item.ident.span(),
            function: name,
            operation: "a static holding a temp handle".to_owned(),
            reason: None,
            annotated: around.annotated,
            as_value: false,
        });
    }

    fn selects(&self, function: &Function, annotated: bool) -> bool {
        match self.options.scope {
            AuditScope::Annotated => annotated,
            AuditScope::Handlers => {
                annotated
                    || function.attrs.iter().any(is_handler_attr)
                    || self
                        .options
                        .routed
                        .contains(&ident_name(&function.sig.ident))
            }
            AuditScope::All => true,
        }
    }

    fn function(&mut self, function: Function, around: &Around) {
        let annotated = around.annotated || function.attrs.iter().any(args::is_ephemeral_fs_attr);
        if !self.selects(&function, annotated) {
            return;
        }
        self.report.functions += 1;
        // The rewriter takes an item and rewrites it; the audit keeps only
        // its findings. The function's own `#[ephemeral_fs(..)]` and
        // `allow`s are the rewriter's to read, as on a nested item.
        let mut item = Item::Fn(ItemFn {
            attrs: function.attrs.to_vec(),
            vis: syn::Visibility::Inherited,
            modifiers: syn::FnModifiers::default(),
            sig: function.sig.clone(),
            block: Box::new(function.block.clone()),
        });
        let mut ctxt = Ctxt::default();
        let levels = args::apply(self.options.levels, &around.settings);
        let reasons = around
            .settings
            .iter()
            .map(|setting| (setting.lint, setting.reason.clone()))
            .collect();
        let scope = std::mem::take(&mut self.scope);
        let mut rewriter = Rewriter::for_audit(&mut ctxt, levels, reasons, scope);
        rewriter.visit_item_mut(&mut item);
        let (findings, scope) = rewriter.into_findings_and_scope();
        self.scope = scope;
        if findings.is_empty() {
            return;
        }
        let locals = Locals::of_fn(function.sig, function.block);
        let name = self
            .path
            .iter()
            .cloned()
            .chain([ident_name(&function.sig.ident)])
            .collect::<Vec<_>>()
            .join("::");
        for finding in findings {
            // A lint switched off by a level, not by an exception, has
            // nothing to say.
            let exception = finding.reason.is_some();
            if (finding.level == Level::Allow && !exception) || !locals.is_violation(&finding) {
                continue;
            }
            self.report.findings.push(AuditFinding {
                lint: finding.lint,
                level: finding.level,
                span: finding.span,
                function: name.clone(),
                operation: finding.operation.clone(),
                reason: finding.reason,
                annotated,
                as_value: finding.subject.is_none(),
            });
        }
    }
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

/// `Uploads` for `impl Uploads`, `impl<T> Store for Uploads<T>`.
fn type_name(ty: &Type) -> String {
    match ty {
        Type::Path(path) => path
            .path
            .segments
            .last()
            .map_or_else(|| "impl".to_owned(), |s| ident_name(&s.ident)),
        Type::Reference(reference) => type_name(&reference.elem),
        _ => "impl".to_owned(),
    }
}
