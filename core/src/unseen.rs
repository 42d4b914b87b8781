//! `.open(path)` and `.create(path)` whose receiver is no builder chain the
//! rewrite reads (a builder bound by a pattern, passed in, in a field, or
//! made by a constructor used as a value). Its flags are not in sight, so
//! it fails closed: a probe on the receiver refuses a std `OpenOptions`
//! (for `open`) or `DirBuilder` (for `create`) by type, and lets any other
//! receiver's method run as written. The receiver is evaluated once: a
//! place is probed by its type alone, a value is passed through.
//!
//! Only where a builder's name is in sight (`OpenOptions`, `DirBuilder`,
//! `File` with `options`): elsewhere `client.open(url)` costs nothing, and
//! the fast path, which reads the same words, agrees.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::Expr;

use crate::emit;
use crate::lints::{Level, Lint};
use crate::ops::Builder;
use crate::rewrite::Rewriter;
use crate::syntax::{PlaceKind, place_kind};

impl Rewriter<'_> {
    // Input:  opts.open(p)                  (`opts` a parameter)
    // Output: ::ephemeral_fs::__private::after(
    //             Probe(&opts).__ephemeral_fs_deny_unseen_open_options_in_place(),
    //             opts.open(p))
    /// Probes the receiver of a terminal method whose chain is not read,
    /// once the call's receiver and arguments are visited.
    pub(crate) fn visit_unseen_terminal(&mut self, expr: &mut Expr, name: &str) {
        let Expr::MethodCall(call) = &*expr else {
            return;
        };
        // `opts.create(true)` sets a flag; a string literal is a path.
        if !crate::syntax::is_terminal_call(call) {
            return;
        }
        let Some(builder) = [Builder::OpenOptions, Builder::DirBuilder]
            .into_iter()
            .find(|builder| builder.terminal() == name)
        else {
            return;
        };
        let level = self.levels.get(Lint::PersistentWrite);
        if level == Level::Allow || !self.item_words.names_builder() {
            return;
        }
        let mut kind = place_kind(&call.receiver);
        // A place reached through a call (`make().opts`) cannot be probed
        // without evaluating or moving what it captures: a stated limit.
        // One that calls nothing it shows (`opts[append as usize]`) is read
        // from a copy in a closure never called, as a variable is.
        if kind == PlaceKind::Impure {
            if !crate::syntax::calls_nothing(&call.receiver) {
                return;
            }
            kind = PlaceKind::Pure;
        }
        // Decided by type only: the audit, which has no types, reports
        // nothing here (see the guide's limits).
        self.changes += 1;
        self.body.uses_probes = true;
        if !self.emits {
            return;
        }
        let span = receiver_span(&call.receiver);
        match kind {
            PlaceKind::Pure => {
                let place = (*call.receiver).clone();
                let whole = std::mem::replace(expr, Expr::Verbatim(Default::default()));
                *expr = emit::unseen_builder_by_place(builder, level, &place, whole, span);
            }
            _ => {
                let Expr::MethodCall(call) = expr else { return };
                let receiver =
                    std::mem::replace(&mut *call.receiver, Expr::Verbatim(Default::default()));
                *call.receiver = emit::unseen_builder_by_value(builder, level, receiver, span);
            }
        }
    }
}

impl Rewriter<'_> {
    // Input:  fn export(opts: &tokio::fs::OpenOptions, ..)    or    let o: OpenOptions = ..;
    // Output: `opts` and `o` are builders that count as writing
    /// A binding whose type names a builder (a parameter, a typed `let`)
    /// is a builder whose flags were set out of sight: its `open(path)` or
    /// `create(path)` is checked as a write, whichever crate's builder it
    /// is, as a local bound to a chain would be.
    pub(crate) fn note_typed_builder(&mut self, pat: &syn::Pat, ty: &syn::Type) {
        let Some((name, _)) = crate::flow::let_binding(pat) else {
            return;
        };
        if let Some(kind) = self.builder_of_type(ty) {
            self.body
                .builders
                .insert(name, crate::rewrite::BuilderState { kind, writes: true });
        }
    }

    // Input:  if let Some(mut o) = Some(tokio::fs::OpenOptions::new()) { .. }
    // Output: `o` is a builder that counts as writing
    /// A name a pattern binds out of a value that holds a builder made in
    /// sight may be that builder, with its flags set where the chain does
    /// not show them: it counts as a writing builder, whichever crate's.
    /// A lone name or a tuple of them is read exactly by `visit_local_mut`.
    pub(crate) fn note_pattern_builders(&mut self, pat: &syn::Pat, init: &Expr) {
        let Some(kind) = self.constructor_within(init) else {
            return;
        };
        let mut names = Vec::new();
        pattern_names(pat, &mut names);
        for name in names {
            self.body
                .builders
                .entry(name)
                .or_insert(crate::rewrite::BuilderState { kind, writes: true })
                .writes = true;
        }
    }

    /// The builder whose constructor is called anywhere in `expr`.
    pub(crate) fn constructor_within(&self, expr: &Expr) -> Option<Builder> {
        self.find_constructor(|find| syn::visit::Visit::visit_expr(find, expr))
    }

    /// `constructor_within` the statements of a block.
    pub(crate) fn constructor_in_block(&self, block: &syn::Block) -> Option<Builder> {
        self.find_constructor(|find| syn::visit::Visit::visit_block(find, block))
    }

    fn find_constructor<'ast>(
        &self,
        visit: impl FnOnce(&mut dyn syn::visit::Visit<'ast>),
    ) -> Option<Builder> {
        struct Find<'r, 'a> {
            rewriter: &'r Rewriter<'a>,
            found: Option<Builder>,
        }
        impl<'ast> syn::visit::Visit<'ast> for Find<'_, '_> {
            fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
                let callee = match &*call.func {
                    Expr::Path(callee) => crate::builders::builder_callee(callee),
                    _ => None,
                };
                if let Some(callee) = callee {
                    let constructor = callee.segments.last().is_some_and(|last| {
                        Builder::is_constructor_name(&crate::syntax::ident_name(&last.ident))
                    });
                    if constructor && self.found.is_none() {
                        self.found = self
                            .rewriter
                            .namespaces
                            .resolve(&callee)
                            .and_then(|canonical| crate::ops::lookup_builder(&canonical));
                    }
                }
                syn::visit::visit_expr_call(self, call);
            }

            // Closures and items build values of their own.
            fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
            fn visit_item(&mut self, _: &'ast syn::Item) {}
        }
        let mut find = Find {
            rewriter: self,
            found: None,
        };
        visit(&mut find);
        find.found
    }

    /// The builder a type names (`&mut tokio::fs::OpenOptions`), if any.
    fn builder_of_type(&self, mut ty: &syn::Type) -> Option<Builder> {
        loop {
            match ty {
                syn::Type::Reference(inner) => ty = &inner.elem,
                syn::Type::Paren(inner) => ty = &inner.elem,
                syn::Type::Group(inner) => ty = &inner.elem,
                _ => break,
            }
        }
        let syn::Type::Path(path) = ty else {
            return None;
        };
        // A cheap test before resolving, which allocates: the builder's
        // name, or a name an import in sight renamed.
        let last = crate::syntax::ident_name(&path.path.segments.last()?.ident);
        let named = matches!(last.as_str(), "OpenOptions" | "DirBuilder")
            || (path.path.segments.len() == 1 && self.namespaces.imports_type(&last));
        if path.qself.is_some() || !named {
            return None;
        }
        let canonical = self.namespaces.resolve_type(&path.path)?;
        crate::ops::lookup_builder_type(&canonical)
    }
}

/// Every name a pattern binds.
fn pattern_names(pat: &syn::Pat, names: &mut Vec<String>) {
    struct Names<'n>(&'n mut Vec<String>);
    impl<'ast> syn::visit::Visit<'ast> for Names<'_> {
        fn visit_pat_ident(&mut self, pat: &'ast syn::PatIdent) {
            self.0.push(crate::syntax::ident_name(&pat.ident));
            syn::visit::visit_pat_ident(self, pat);
        }

        // A constant in a pattern is no binding: its expression is not one.
        fn visit_expr(&mut self, _: &'ast Expr) {}
    }
    syn::visit::Visit::visit_pat(&mut Names(names), pat);
}

/// The span of a receiver's first token (the builder's name, or its
/// constructor's), where an error about it points.
fn receiver_span(receiver: &Expr) -> Span {
    let tokens = quote::ToTokens::to_token_stream(receiver);
    tokens
        .into_iter()
        .next()
        .map_or_else(Span::call_site, |token| token.span())
}

/// What the annotated item's words say, read from its tokens the first
/// time a check needs it: most items never do.
pub(crate) struct ItemWords {
    tokens: TokenStream,
    names_builder: std::cell::OnceCell<bool>,
    read_by_fast_path: std::cell::OnceCell<bool>,
}

impl ItemWords {
    /// The words of `tokens`; of none, when there is no item to read.
    pub(crate) fn of(tokens: TokenStream) -> ItemWords {
        ItemWords {
            tokens,
            names_builder: Default::default(),
            read_by_fast_path: Default::default(),
        }
    }

    /// Whether the item names a builder type.
    pub(crate) fn names_builder(&self) -> bool {
        *self
            .names_builder
            .get_or_init(|| names_builder(self.tokens.clone()))
    }

    /// Whether the fast path reads the item (`text_scan`): a check decided
    /// by type alone where the item names nothing of the filesystem (a call
    /// through an associated type) is made only where the fast path would
    /// not have skipped the item, so that both agree.
    pub(crate) fn read_by_fast_path(&self) -> bool {
        *self
            .read_by_fast_path
            .get_or_init(|| crate::text_scan::may_rewrite(&self.tokens.to_string()))
    }
}

/// Whether tokens name a builder type: `OpenOptions`, `DirBuilder`, or
/// `File` with `options`. The same words `text_scan` reads.
fn names_builder(tokens: TokenStream) -> bool {
    let mut found = Found::default();
    found.scan(tokens);
    found.open_options || found.dir_builder || (found.file && found.options)
}

#[derive(Default)]
struct Found {
    open_options: bool,
    dir_builder: bool,
    file: bool,
    options: bool,
}

impl Found {
    fn scan(&mut self, tokens: TokenStream) {
        for token in tokens {
            match token {
                TokenTree::Ident(ident) => {
                    let name = crate::syntax::ident_name(&ident);
                    match name.as_str() {
                        "OpenOptions" => self.open_options = true,
                        "DirBuilder" => self.dir_builder = true,
                        "File" => self.file = true,
                        "options" => self.options = true,
                        _ => {}
                    }
                }
                TokenTree::Group(group) => self.scan(group.stream()),
                _ => {}
            }
        }
    }
}

// Input:  let o = OpenOptions::new(); for o in writers { o.open(p)?; }
// Output: inside the loop `o` is no builder the rewrite knows: the probe
//         for builders out of sight decides; after it, `o` is the local again
/// Builder locals are scoped as the bindings they stand for: every binder
/// (`let`, `for`, a closure's or a `match` arm's pattern, `if let`) ends
/// the old state of the name it binds, which comes back when its scope ends.
impl crate::rewrite::Body {
    pub(crate) fn enter_builder_scope(&mut self) {
        self.builder_scopes.push(Vec::new());
    }

    pub(crate) fn exit_builder_scope(&mut self) {
        for (name, state) in self.builder_scopes.pop().unwrap_or_default() {
            match state {
                Some(state) => self.builders.insert(name, state),
                None => self.builders.remove(&name),
            };
        }
    }

    /// A pattern binds `name` again.
    pub(crate) fn forget_builder(&mut self, name: &str) {
        let old = self.builders.remove(name);
        if let Some(scope) = self.builder_scopes.last_mut() {
            if !scope.iter().any(|(hidden, _)| hidden == name) {
                scope.push((name.to_owned(), old));
            }
        }
    }
}
