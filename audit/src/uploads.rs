//! Writes through a framework's own upload type: Rocket's
//! `TempFile::persist_to(path)` is a service's one write to disk, and no
//! `std::fs` call shows it.
//!
// Input: a function's body, the names in sight, the level of
// `persistent_write` there.
// Output: the calls of an upload type's methods (`frameworks::UploadType`)
// whose destination is not known to be a temp handle, with the
// `#[ephemeral_fs::allow]` reason of the statement around them.

use proc_macro2::Span;
use syn::visit::{self, Visit};
use syn::{Attribute, Block, Expr};

use ephemeral_fs_core::args;
use ephemeral_fs_core::ctxt::Ctxt;
use ephemeral_fs_core::lints::Lint;
use ephemeral_fs_core::resolve::Namespaces;
use ephemeral_fs_core::syntax::ident_name;

use crate::approx::Locals;
use crate::frameworks::{FRAMEWORKS, UploadType};

/// One call that writes an upload to a path.
pub(crate) struct UploadWrite {
    /// The destination argument.
    pub(crate) span: Span,
    /// `TempFile::persist_to`.
    pub(crate) operation: String,
    /// The reason of an `#[ephemeral_fs::allow(persistent_write, ..)]` on
    /// a statement around it.
    pub(crate) reason: Option<String>,
}

/// The upload types whose names an import in sight binds to them.
pub(crate) fn in_sight(namespaces: &Namespaces) -> Vec<&'static UploadType> {
    FRAMEWORKS
        .iter()
        .flat_map(|framework| framework.upload_types)
        .filter(|upload| {
            let Some(name) = upload.path.last() else {
                return false;
            };
            let path = syn::Path::from(syn::Ident::new(name, Span::call_site()));
            namespaces.resolve_type(&path).is_some_and(|resolved| {
                resolved
                    .iter()
                    .map(String::as_str)
                    .eq(upload.path.iter().copied())
            })
        })
        .collect()
}

/// The writes of `types` in `block`.
pub(crate) fn writes(types: &[&UploadType], block: &Block, locals: &Locals) -> Vec<UploadWrite> {
    let mut scan = Scan {
        types,
        locals,
        reasons: Vec::new(),
        writes: Vec::new(),
    };
    scan.visit_block(block);
    scan.writes
}

struct Scan<'a> {
    types: &'a [&'a UploadType],
    locals: &'a Locals,
    /// The `allow` reasons of the statements around the visit, innermost
    /// last.
    reasons: Vec<Option<String>>,
    writes: Vec<UploadWrite>,
}

impl Scan<'_> {
    fn with_attrs(&mut self, attrs: &[Attribute], visit: impl FnOnce(&mut Self)) {
        let reason = allow_reason(attrs);
        let pushed = reason.is_some();
        if pushed {
            self.reasons.push(reason);
        }
        visit(self);
        if pushed {
            self.reasons.pop();
        }
    }
}

impl<'ast> Visit<'ast> for Scan<'_> {
    fn visit_stmt(&mut self, stmt: &'ast syn::Stmt) {
        let attrs: &[Attribute] = match stmt {
            syn::Stmt::Local(local) => &local.attrs,
            syn::Stmt::Expr(expr, _) => expr_attrs(expr),
            _ => &[],
        };
        self.with_attrs(attrs, |scan| visit::visit_stmt(scan, stmt));
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        visit::visit_expr_method_call(self, call);
        let method = ident_name(&call.method);
        let Some(upload) = self
            .types
            .iter()
            .find(|t| t.methods.contains(&method.as_str()))
        else {
            return;
        };
        let Some(destination) = call.args.first() else {
            return;
        };
        if self
            .locals
            .value(destination)
            .is_some_and(|value| value.is_temp_target())
        {
            return;
        }
        let type_name = upload.path.last().copied().unwrap_or_default();
        self.writes.push(UploadWrite {
            span: syn::spanned::Spanned::span(destination),
            operation: format!("{type_name}::{method}"),
            reason: self.reasons.last().cloned().flatten(),
        });
    }

    // Closures and async blocks run the calls in them; nested items are
    // functions of their own.
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

fn expr_attrs(expr: &Expr) -> &[Attribute] {
    match expr {
        Expr::Call(e) => &e.attrs,
        Expr::MethodCall(e) => &e.attrs,
        Expr::Await(e) => &e.attrs,
        Expr::Try(e) => &e.attrs,
        Expr::Block(e) => &e.attrs,
        Expr::Let(e) => &e.attrs,
        Expr::Match(e) => &e.attrs,
        Expr::If(e) => &e.attrs,
        _ => &[],
    }
}

/// The reason of an `#[ephemeral_fs::allow(persistent_write, reason = "..")]`
/// among `attrs`. A malformed one is the attribute's to report.
fn allow_reason(attrs: &[Attribute]) -> Option<String> {
    let mut ignored = Ctxt::default();
    attrs
        .iter()
        .filter(|attr| args::is_allow_attr(attr))
        .flat_map(|attr| args::parse_allow(attr, &mut ignored))
        .find(|setting| setting.lint == Lint::PersistentWrite)
        .map(|setting| setting.reason.unwrap_or_default())
}
