//! The `VisitMut` that walks annotated code: items, bodies, blocks and
//! statements, with the lint levels and names in force at each point.
//! What to do with each call is in `calls.rs`, macros in `macros.rs`.

use std::collections::{HashMap, HashSet};

use syn::visit_mut::{self, VisitMut};
use syn::{Attribute, Block, Expr, Item, Local, Pat, Signature, Stmt};

use crate::check::Check;
use crate::ctxt::Ctxt;
use crate::emit;
use crate::flow::{self, Flow};
use crate::lints::{Level, Levels, Lint};
use crate::ops::Builder;
use crate::resolve::Namespaces;

/// Where the checks the walk decides on go.
pub type Consumer<'a> = &'a mut dyn FnMut(&Check<'_>);

pub struct Rewriter<'a> {
    pub(crate) ctxt: &'a mut Ctxt,
    pub(crate) levels: Levels,
    pub(crate) namespaces: Namespaces,
    /// `None` in the macro's expansion, which only needs the guards: no
    /// check is built there.
    pub(crate) consumer: Option<Consumer<'a>>,
    /// Whether the code is rewritten: guards emitted, our attributes
    /// removed. The audit only decides, and leaves the file as it is.
    pub(crate) emits: bool,
    /// How many rewrites and attribute removals were made so far; macros
    /// compare it to know whether their tokens changed.
    pub(crate) changes: usize,
    /// Only strip our attributes: levels stay all allowed, whatever nested
    /// attributes say (a const context, or the fallback after an error).
    pub(crate) stripping: bool,
    pub(crate) body: Body,
    /// Nested `#[ephemeral_fs(..)]` attributes removed so far, by the name
    /// they were written with: the `use` that brought that name in must
    /// stay used (see `keep_imports_used`).
    pub(crate) nested_names: Vec<syn::Ident>,
    /// Every setting in force, innermost last, with the reason of the
    /// `allow` it came from: an allowed finding carries that reason.
    pub(crate) reasons: Vec<(Lint, Option<String>)>,
    /// Inside a const context, the levels outside it: a closure there runs
    /// at run time, and is checked with them.
    pub(crate) const_levels: Option<Levels>,
    /// Inside a `const fn`'s body (not a closure in it), the levels its
    /// leak calls are checked at: the rest of it is left as written.
    pub(crate) const_fn_levels: Option<Levels>,
    /// Whether the `make` closure being visited is handed a path it may
    /// use (see `make::only_opens`).
    pub(crate) made_is_trusted: bool,
    /// What the item's words say: whether it names a builder type, so that
    /// a terminal method on a receiver that is no chain we read is probed,
    /// and whether the fast path reads it (`unseen.rs`).
    pub(crate) item_words: crate::unseen::ItemWords,
    /// Inside `thread_local!`: its statics' initializers run at run time,
    /// on first access.
    pub(crate) thread_local_statics: bool,
    /// The type parameters of the items around the code, innermost last:
    /// `B::Handle::create(p)` is a call through an associated type.
    pub(crate) type_params: Vec<String>,
    /// The `macro_rules!` in textual scope where the code is: those defined
    /// before it in its block or module and the ones around them, and those
    /// of a `#[macro_use]` module before it.
    pub(crate) macro_scope: Vec<String>,
}

/// Where one of our attributes was found.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Item,
    Statement,
}

/// State of the function body being rewritten.
#[derive(Default)]
pub(crate) struct Body {
    /// A probe was emitted, so the body needs the fallback traits in scope.
    pub(crate) uses_probes: bool,
    /// Locals bound to a builder (`let mut opts = OpenOptions::new();`).
    pub(crate) builders: HashMap<String, BuilderState>,
    /// Per scope, the builder states that a binding in it hid, restored
    /// when it ends (see `unseen.rs`).
    pub(crate) builder_scopes: Vec<Vec<(String, Option<BuilderState>)>>,
    /// Every name a pattern binds anywhere in the body: a local `copy` hides
    /// a glob-imported `std::fs::copy`. Body-wide, so it errs towards not
    /// checking.
    pub(crate) locals: HashSet<String>,
    /// Every lone name used other than as a method call's receiver, or
    /// given a write flag anywhere in the body: a builder local used so
    /// (`&mut opts`, `OpenOptions::create(&mut o, true)`) may have its
    /// write flags set where the rewrite does not see, and a flag set
    /// below an `open` may run first, in a loop.
    pub(crate) used_as_values: HashSet<String>,
    /// Every lone name used other than as a method call's receiver, flags
    /// aside: a `DirBuilder` local used so may get its mode unseen.
    pub(crate) used_by_value: HashSet<String>,
    /// Names given a `mode` that may take its owner's rights (`syntax`).
    pub(crate) given_modes: HashSet<String>,
    /// Locals bound to temp paths (`let p = tmp.path();`), scope by scope.
    pub(crate) flow: Flow,
    /// Uses of a `make` closure's path accepted so far, with their lint and
    /// level: the `make` call is then checked instead.
    pub(crate) made_uses: Vec<(Lint, Level)>,
    /// Uses of an untrusted `make` closure's path refused so far: the
    /// `make` call is then not refused again for its names.
    pub(crate) made_refusals: usize,
    /// The statement of a block being visited, where a `let` may go before
    /// it; `None` inside a macro's tokens.
    pub(crate) hoist: Option<Hoist>,
    /// How many `let`s were put before statements, to name the next one.
    pub(crate) hoisted: usize,
    /// `permissions(..)` calls whose mode may take the owner's rights, at
    /// `deny`: refused if the body makes a temp directory (`calls.rs`).
    pub(crate) permissions: Vec<Expr>,
    /// The body calls `tempdir()` or `tempdir_in(..)`.
    pub(crate) makes_temp_dir: bool,
    /// The `permissions(..)` arguments of chains that make a temp file
    /// (`.tempfile()`, `.make(..)`), by address while the body is visited:
    /// a file's mode cannot keep its directory's cleanup out.
    pub(crate) file_permissions: HashSet<usize>,
}

/// `let`s to put before the statement being visited.
pub(crate) struct Hoist {
    /// The scopes open where the statement starts (`Flow::depth`).
    pub(crate) depth: usize,
    /// The names bound before it (`Flow::bound_count`).
    pub(crate) bound: usize,
    pub(crate) lets: Vec<Stmt>,
}

impl Hoist {
    pub(crate) fn at(flow: &Flow) -> Hoist {
        Hoist {
            depth: flow.depth(),
            bound: flow.bound_count(),
            lets: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct BuilderState {
    pub(crate) kind: Builder,
    /// A write flag was set somewhere on it.
    pub(crate) writes: bool,
}

impl<'a> Rewriter<'a> {
    /// The macro's rewriter: it emits guards and hands no check on.
    pub fn new(ctxt: &'a mut Ctxt, levels: Levels) -> Self {
        Rewriter {
            ctxt,
            levels,
            namespaces: Namespaces::default(),
            consumer: None,
            emits: true,
            changes: 0,
            stripping: false,
            body: Body::default(),
            nested_names: Vec::new(),
            reasons: Vec::new(),
            const_levels: None,
            const_fn_levels: None,
            made_is_trusted: false,
            item_words: crate::unseen::ItemWords::of(proc_macro2::TokenStream::new()),
            thread_local_statics: false,
            type_params: Vec::new(),
            macro_scope: Vec::new(),
        }
    }

    /// A rewriter that only removes our attributes.
    pub fn stripper(ctxt: &'a mut Ctxt) -> Self {
        let mut rewriter = Rewriter::new(ctxt, Levels::all_allowed());
        rewriter.stripping = true;
        rewriter
    }

    /// The macro's rewriter, handing each check to `consumer` as well.
    pub fn recording(ctxt: &'a mut Ctxt, levels: Levels, consumer: Consumer<'a>) -> Self {
        let mut rewriter = Rewriter::new(ctxt, levels);
        rewriter.consumer = Some(consumer);
        rewriter
    }

    /// A walk for the functions of a file the audit reads: it decides and
    /// hands each check to `consumer`, and changes nothing. `levels` and
    /// `reasons` are those of the items around the function, `namespaces` the
    /// names they bring into sight, lent until `into_namespaces`.
    pub fn for_audit(
        ctxt: &'a mut Ctxt,
        levels: Levels,
        reasons: Vec<(Lint, Option<String>)>,
        namespaces: Namespaces,
        consumer: Consumer<'a>,
    ) -> Self {
        let mut rewriter = Rewriter::new(ctxt, levels);
        rewriter.consumer = Some(consumer);
        rewriter.emits = false;
        rewriter.reasons = reasons;
        rewriter.namespaces = namespaces;
        rewriter
    }

    /// The names in sight lent by `for_audit`.
    pub fn into_namespaces(self) -> Namespaces {
        self.namespaces
    }

    /// Checks one function with its own attributes, as a nested item: the
    /// audit's entry, which finds the functions itself.
    pub fn visit_function(
        &mut self,
        attrs: &mut Vec<Attribute>,
        sig: &Signature,
        block: &mut Block,
    ) {
        let settings = self.take_our_attrs(attrs, Place::Item);
        self.with_settings(&settings, |this| this.rewrite_fn_body(sig, block));
    }

    /// Visits an expression that is a scope of its own (a closure's or an
    /// arm's body), where the `let`s of a `persist` receiver's marker go in
    /// a block before it.
    pub(crate) fn visit_hoisting(&mut self, body: &mut Expr) {
        if matches!(body, Expr::Block(_)) {
            return self.visit_expr_mut(body);
        }
        let outer = self.body.hoist.replace(Hoist::at(&self.body.flow));
        self.visit_expr_mut(body);
        let lets = std::mem::replace(&mut self.body.hoist, outer)
            .map(|hoist| hoist.lets)
            .unwrap_or_default();
        if !lets.is_empty() {
            let inner = std::mem::replace(body, Expr::Verbatim(Default::default()));
            *body = syn::parse_quote!({ #(#lets)* #inner });
        }
    }

    /// Runs `f` with every lint allowed: our attributes are removed, nothing
    /// is rewritten.
    pub(crate) fn strip_only(&mut self, f: impl FnOnce(&mut Self)) {
        let (levels, stripping, const_levels) = (self.levels, self.stripping, self.const_levels);
        if !stripping && const_levels.is_none() {
            self.const_levels = Some(levels);
        }
        self.levels = Levels::all_allowed();
        self.stripping = true;
        f(self);
        (self.levels, self.stripping, self.const_levels) = (levels, stripping, const_levels);
    }

    // Input:  || std::fs::write("/var/x", b)          (in a const context)
    // Output: || { use ::ephemeral_fs::__private::{..}; std::fs::write(..) }
    /// Runs `f` on a closure's body with the levels outside the const
    /// context it is in, if any: the closure runs at run time. Its probes'
    /// fallback traits are imported in it, since no function body around
    /// it does.
    pub(crate) fn in_run_time_closure(
        &mut self,
        body: &mut Expr,
        f: impl FnOnce(&mut Self, &mut Expr),
    ) {
        let Some(levels) = self.const_levels.take() else {
            return f(self, body);
        };
        let (saved, stripping, uses_probes) = (self.levels, self.stripping, self.body.uses_probes);
        (self.levels, self.stripping, self.body.uses_probes) = (levels, false, false);
        let const_fn_levels = self.const_fn_levels.take();
        f(self, body);
        self.const_fn_levels = const_fn_levels;
        if self.body.uses_probes && self.emits {
            let import = emit::probe_traits_import();
            let inner = std::mem::replace(body, Expr::Verbatim(Default::default()));
            *body = syn::parse_quote!({ #import #inner });
        }
        (self.levels, self.stripping, self.body.uses_probes) = (saved, stripping, uses_probes);
        self.const_levels = Some(levels);
    }

    // Input:  enum Pad { A = { impl Saver for X { fn save() { fs::write(..) } } 1 } }
    /// Runs `f` on an item's types or discriminants, outside any body: they
    /// are const contexts, in which only nested items are checked.
    pub(crate) fn visit_item_types(&mut self, f: impl FnOnce(&mut Self)) {
        let saved = std::mem::take(&mut self.body);
        let block = Block {
            brace_token: Default::default(),
            stmts: Vec::new(),
        };
        self.body.flow = Flow::for_body(&block);
        self.strip_only(f);
        self.body = saved;
    }

    // Input:  fn f(p: &str, pad: [u8; { impl Saver for X { .. } 1 }]) -> ()
    /// The types of a signature: its generics, parameters and return type.
    pub(crate) fn visit_signature_types(&mut self, sig: &mut Signature) {
        self.visit_item_types(|this| {
            visit_mut::visit_generics_mut(this, &mut sig.generics);
            for input in &mut sig.inputs {
                match input {
                    syn::FnArg::Typed(param) => this.visit_type_mut(&mut param.ty),
                    syn::FnArg::Receiver(receiver) => visit_mut::visit_receiver_mut(this, receiver),
                }
            }
            if let syn::ReturnType::Type(_, ty) = &mut sig.output {
                this.visit_type_mut(ty);
            }
        });
    }
}

impl VisitMut for Rewriter<'_> {
    // Items are visited only where they hold code a handler runs: function
    // bodies, impl and trait methods, inline modules, and the closures in
    // consts and statics (a `LazyLock::new(|| ..)`); macro definitions are
    // templates, not code.
    fn visit_item_mut(&mut self, item: &mut Item) {
        self.rewrite_item(item);
    }

    fn visit_arm_mut(&mut self, arm: &mut syn::Arm) {
        let settings = self.take_our_attrs(&mut arm.attrs, Place::Statement);
        self.body.flow.enter(false);
        self.body.enter_builder_scope();
        self.with_settings(&settings, |this| {
            // The pattern holds the guard.
            this.visit_pat_mut(&mut arm.pat);
            // `Some(s) => s.persist(&key())`: an arm's body is a scope of
            // its own, so a `let` put before it in a block changes no drop
            // order, and a receiver its pattern binds is in scope there.
            this.visit_hoisting(&mut arm.body);
        });
        self.body.exit_builder_scope();
        self.body.flow.exit();
    }

    fn visit_pat_ident_mut(&mut self, pat: &mut syn::PatIdent) {
        let name = crate::syntax::ident_name(&pat.ident);
        self.body.forget_builder(&name);
        self.body.flow.shadow(&name);
        visit_mut::visit_pat_ident_mut(self, pat);
    }

    // Input:  if let some!(upload) = staged { upload.persist(..) }
    /// A pattern macro may bind any name in its tokens.
    fn visit_pat_mut(&mut self, pat: &mut Pat) {
        if let Pat::Macro(pattern) = pat {
            let mut names = Vec::new();
            crate::macros::collect_idents(&pattern.mac.tokens, &mut names);
            for name in names {
                self.body.forget_builder(&name);
                self.body.flow.shadow(&name);
            }
        }
        visit_mut::visit_pat_mut(self, pat);
    }

    fn visit_block_mut(&mut self, block: &mut Block) {
        self.rewrite_block(block);
    }

    // The initializer is classified as written, before its own rewrite, and
    // visited before the pattern: `let p = p.join("x");` reads the old `p`.
    fn visit_local_mut(&mut self, local: &mut Local) {
        let stmt = self.body.flow.next_let.take();
        // A `#[cfg]`'d `let` may be compiled out, and its names then keep
        // their old values: what it binds is followed as neither.
        let conditional = crate::syntax::is_conditional(&local.attrs);
        let origin = local
            .init
            .as_ref()
            .filter(|init| init.diverge.is_none() && !conditional)
            .and_then(|init| self.body.flow.classify(&init.expr));
        if let Some(init) = &mut local.init {
            self.visit_local_init_mut(init);
        }
        // Read before the pattern ends the names' old bindings: `let o =
        // o.write(true);` is the old `o`'s builder.
        let bound = self.let_builders(local);
        self.visit_pat_mut(&mut local.pat);
        if let (Some((name, mutable)), Some(_)) = (flow::let_binding(&local.pat), &local.init) {
            self.body.flow.bind(&name, mutable, origin, stmt);
        }
        // A name bound again to anything but a builder is no builder from
        // here on.
        if conditional {
            for (name, _) in bound {
                self.body.forget_builder(&name);
            }
            return;
        }
        self.body.builders.extend(bound);
        let pat = match &local.pat {
            Pat::Type(typed) => &*typed.pat,
            pat => pat,
        };
        // `let ((mut o,),) = ((OpenOptions::new(),),);`
        let exact = match (pat, local.init.as_ref().map(|init| &*init.expr)) {
            (Pat::Ident(_), _) => true,
            (Pat::Tuple(names), Some(Expr::Tuple(_))) => {
                names.elems.iter().all(|name| matches!(name, Pat::Ident(_)))
            }
            _ => false,
        };
        if let (false, Some(init)) = (exact, &local.init) {
            self.note_pattern_builders(&local.pat, &init.expr);
        }
        // `let o: tokio::fs::OpenOptions = make();`
        if let Pat::Type(typed) = &local.pat {
            let name = flow::let_binding(&local.pat).map(|(name, _)| name);
            if name.is_some_and(|name| !self.body.builders.contains_key(&name)) {
                self.note_typed_builder(&local.pat, &typed.ty);
            }
        }
    }

    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if let Some(attrs) = crate::syntax::expr_attrs_mut(expr) {
            self.reject_stray_allow(attrs);
        }
        if matches!(expr, Expr::Call(_) | Expr::MethodCall(_)) {
            self.leak_arguments_as_calls(expr);
        }
        match expr {
            Expr::Call(_) => self.visit_call(expr),
            Expr::MethodCall(_) => self.visit_method_call(expr),
            Expr::Closure(closure) => self.visit_closure(closure, None),
            // A check inside would capture the owner of a path local from
            // outside, and `async move` would move it: such locals are not
            // followed in.
            Expr::Async(_) => {
                self.body.flow.enter(true);
                visit_mut::visit_expr_mut(self, expr);
                self.body.flow.exit();
            }
            Expr::Path(_) => self.visit_value_path(expr),
            // `if let Some(mut o) = Some(OpenOptions::new())`: before the
            // body that uses `o` is visited.
            Expr::Let(_) => {
                visit_mut::visit_expr_mut(self, expr);
                if let Expr::Let(binding) = expr {
                    self.note_pattern_builders(&binding.pat, &binding.expr);
                }
            }
            // `if let`, `while let` and `for` patterns bind for the
            // expression only.
            Expr::If(_) | Expr::While(_) | Expr::ForLoop(_) => {
                self.body.enter_builder_scope();
                visit_mut::visit_expr_mut(self, expr);
                self.body.exit_builder_scope();
            }
            // `tmp = NamedTempFile::new()?` or `(tmp, n) = ..`, which may
            // initialize a `let tmp;`: nothing later in the statement reads
            // `tmp` before it (see `hoisted_marker`). Every name on the left
            // counts.
            Expr::Assign(assign) => {
                visit_mut::visit_expr_assign_mut(self, assign);
                let mut names = Vec::new();
                let left = quote::ToTokens::to_token_stream(&*assign.left);
                crate::macros::collect_idents(&left, &mut names);
                for name in names {
                    self.body.flow.note_assigned(&name);
                }
            }
            // An inline `const { .. }` is evaluated at compile time.
            Expr::Const(_) => self.strip_only(|this| visit_mut::visit_expr_mut(this, expr)),
            // `[value; len]`: the length is a const context.
            Expr::Repeat(repeat) => {
                self.visit_expr_mut(&mut repeat.expr);
                self.strip_only(|this| this.visit_expr_mut(&mut repeat.len));
            }
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    // Types hold only const contexts (array lengths, const arguments), where
    // a probe would not be `const`. Items nested there (`[u8; { impl .. 1 }]`)
    // run at run time and are checked as other nested items are.
    // Input:  Io { write }           (`write` is std's, taken as a value)
    // Output: Io { write: <the checked value> }
    /// A field shorthand is printed as its name alone: once its value is
    /// rewritten, the field is written out, or the rewrite would be lost.
    fn visit_field_value_mut(&mut self, field: &mut syn::FieldValue) {
        visit_mut::visit_field_value_mut(self, field);
        if field.colon_token.is_none() {
            let unchanged = matches!(&field.expr, Expr::Path(path)
                if path.qself.is_none()
                    && matches!((&field.member, path.path.get_ident()),
                        (syn::Member::Named(member), Some(ident)) if member == ident));
            if !unchanged {
                let span = syn::spanned::Spanned::span(&field.member);
                field.colon_token = Some(syn::Token![:](span));
            }
        }
    }

    fn visit_type_mut(&mut self, ty: &mut syn::Type) {
        self.strip_only(|this| visit_mut::visit_type_mut(this, ty));
    }

    fn visit_generic_argument_mut(&mut self, argument: &mut syn::GenericArgument) {
        if matches!(argument, syn::GenericArgument::Const(_)) {
            self.strip_only(|this| visit_mut::visit_generic_argument_mut(this, argument));
        } else {
            visit_mut::visit_generic_argument_mut(self, argument);
        }
    }

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        self.rewrite_macro(mac);
    }
}
