//! Undoes every rewrite the expansion makes, so that the corpus run can
//! check that nothing else changed: an item with its guards taken out must
//! be the item that went in.

use quote::ToTokens;
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, Stmt};

/// The item with every generated guard replaced by what it wraps. Returns
/// how many guards it removed.
pub fn unrewrite(item: &mut syn::Item) -> usize {
    let mut undo = Undo { removed: 0 };
    undo.visit_item_mut(item);
    undo.removed
}

struct Undo {
    removed: usize,
}

/// `NAME` when `expr` is the path `::ephemeral_fs::__private::NAME`.
fn private_name(expr: &Expr) -> Option<String> {
    let Expr::Path(path) = expr else { return None };
    let segments: Vec<String> = path
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    match segments.as_slice() {
        [krate, private, name] if krate == "ephemeral_fs" && private == "__private" => {
            Some(name.clone())
        }
        _ => None,
    }
}

// Input:  held_through((owner,), fs::write(p, body))    Output: fs::write(p, body)
/// A call whose handles' borrows are kept until it has run: glue around
/// the guards in its arguments, no guard of its own.
fn unhold(expr: &mut Expr) -> Option<Expr> {
    let Expr::Call(call) = expr else { return None };
    if private_name(&call.func).as_deref() != Some("held_through") || call.args.len() != 2 {
        return None;
    }
    call.args.last_mut().map(take)
}

fn take(expr: &mut Expr) -> Expr {
    std::mem::replace(expr, Expr::Verbatim(Default::default()))
}

impl Undo {
    /// What `expr` was before the rewrite, if it is a guard.
    fn original(&self, expr: &mut Expr) -> Option<Expr> {
        match expr {
            // persistent_write(x), after(check, call), with_witness(user, std, mirror)
            Expr::Call(call) => {
                let name = private_name(&call.func)?;
                let mut args: Vec<Expr> = call.args.iter_mut().map(take).collect();
                match (name.as_str(), args.len()) {
                    // persistent_write, persistent_read_joined, persistent_write_made, ..
                    (guard, 1) if guard.starts_with("persistent_") => args.pop(),
                    // persistent_write_make(receiver, closure): receiver.make(closure)
                    (guard, 2..) if guard.starts_with("persistent_") && guard.contains("_make") => {
                        let method = if guard.ends_with("_make_in") {
                            "make_in"
                        } else {
                            "make"
                        };
                        let method = syn::Ident::new(method, proc_macro2::Span::call_site());
                        let receiver = args.remove(0);
                        Some(syn::parse_quote!(#receiver.#method(#(#args),*)))
                    }
                    ("after", 2) => args.pop(),
                    // projected(root, |__ephemeral_fs_root| check) and
                    // checked_in_const(value, |__ephemeral_fs_root| check):
                    // the value, evaluated where it was written; the check
                    // in the closure that is never called is the guard.
                    ("projected" | "checked_in_const", 2) if is_root_check(&args[1]) => {
                        Some(args.remove(0))
                    }
                    // destination(dest, |__ephemeral_fs_dest| check), where
                    // the receiver's marker is a `let` before the statement.
                    ("destination", 2) => Some(args.remove(0)),
                    ("with_witness", 3) => {
                        let mirror = args.pop()?;
                        args.pop()?;
                        let mut user = args.pop()?;
                        strip_witness_arguments(&mut user, &mirror);
                        Some(user)
                    }
                    _ => {
                        // Not ours after all: put the arguments back.
                        for (slot, arg) in call.args.iter_mut().zip(args) {
                            *slot = arg;
                        }
                        None
                    }
                }
            }
            // Probe(x).__ephemeral_fs_..(), Probe(x).path_is_not_a_temp_file()
            // and Probe(&owner).__ephemeral_fs_.._path(arg)
            Expr::MethodCall(call) if is_probe(&call.receiver) => {
                let Expr::Call(probe) = &mut *call.receiver else {
                    return None;
                };
                match call.args.len() {
                    0 => probe.args.first_mut().map(take),
                    _ => call.args.first_mut().map(take),
                }
            }
            // fn_value_1(TempDir::keep).__ephemeral_fs_deny_temp_escape_value()
            Expr::MethodCall(call)
                if matches!(&*call.receiver, Expr::Call(inner)
                    if private_name(&inner.func).is_some_and(|name| name.starts_with("fn_"))) =>
            {
                let Expr::Call(inner) = &mut *call.receiver else {
                    return None;
                };
                inner.args.first_mut().map(take)
            }
            // match &owner { __ephemeral_fs_owner => check }: the check undone,
            // with the owner back where the chain named it.
            Expr::Match(matched) if is_owner_binding(matched) => {
                let Expr::Reference(owner) = take(&mut matched.expr) else {
                    return None;
                };
                let mut body = take(&mut matched.arms[0].body);
                let mut undone = self.original(&mut body)?;
                Owners::one("__ephemeral_fs_owner", *owner.expr).visit_expr_mut(&mut undone);
                Some(undone)
            }
            // The second step of a `warn` escape: Probe(x).__ephemeral_fs_warn_..()
            // .lets_a_temp_file_outlive_the_request(), one guard in all.
            Expr::MethodCall(call)
                if WARN_SECOND_STEPS.contains(&call.method.to_string().as_str())
                    && matches!(&*call.receiver, Expr::MethodCall(inner) if is_probe(&inner.receiver)) =>
            {
                self.original(&mut call.receiver)
            }
            // match dest { __ephemeral_fs_dest => after(check, tmp.persist(__ephemeral_fs_dest)) }
            Expr::Match(matched) if is_destination_binding(matched) => {
                let destination = take(&mut matched.expr);
                let mut body = take(&mut matched.arms[0].body);
                let call = match self.original(&mut body)? {
                    Expr::MethodCall(mut call) => {
                        *call.args.first_mut()? = destination;
                        Expr::MethodCall(call)
                    }
                    Expr::Call(mut call) => {
                        *call.args.iter_mut().nth(1)? = destination;
                        Expr::Call(call)
                    }
                    _ => return None,
                };
                Some(call)
            }
            // match Probe(x).__ephemeral_fs_persist_receiver() { __ephemeral_fs_receiver =>
            //     tmp.persist(destination(dest, |__ephemeral_fs_dest| check)) }
            Expr::Match(matched) if is_receiver_binding(matched) => {
                let mut call = take(&mut matched.arms[0].body);
                let slot = match &mut call {
                    Expr::MethodCall(call) => call.args.first_mut()?,
                    Expr::Call(call) => call.args.iter_mut().nth(1)?,
                    _ => return None,
                };
                let Expr::Call(destination) = slot else {
                    return None;
                };
                if private_name(&destination.func).as_deref() != Some("destination") {
                    return None;
                }
                *slot = take(destination.args.first_mut()?);
                Some(call)
            }
            _ => None,
        }
    }
}

/// `let __ephemeral_fs_receiver_N = ..;`: a `persist` receiver's marker,
/// put before the statement of the call.
fn is_receiver_marker(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::Local(local) if matches!(&local.pat,
        syn::Pat::Ident(binding) if binding.ident.to_string().starts_with("__ephemeral_fs_receiver_")))
}

/// `match probe { __ephemeral_fs_receiver => .. }`, how a `persist` whose
/// destination stays in the call reads its receiver's type first.
fn is_receiver_binding(matched: &syn::ExprMatch) -> bool {
    matches!(matched.arms.as_slice(), [arm] if matches!(&arm.pat,
        syn::Pat::Ident(binding) if binding.ident == "__ephemeral_fs_receiver"))
}

/// `|__ephemeral_fs_root| check`: the closure a value's check reads the
/// value's type through.
fn is_root_check(expr: &Expr) -> bool {
    matches!(expr, Expr::Closure(closure) if matches!(closure.inputs.first(),
        Some(syn::Pat::Ident(binding)) if binding.ident == "__ephemeral_fs_root"))
}

/// The methods a `warn`-level escape calls on what its probe yields.
const WARN_SECOND_STEPS: &[&str] = &[
    "lets_a_temp_file_outlive_the_request",
    "adopts_a_path_that_is_not_a_temp_file",
];

/// `::ephemeral_fs::__private::Probe(..)`.
fn is_probe(expr: &Expr) -> bool {
    matches!(expr, Expr::Call(call) if private_name(&call.func).as_deref() == Some("Probe"))
}

/// `match dest { __ephemeral_fs_dest => .. }`, how a checked `persist`
/// destination is evaluated once.
fn is_destination_binding(matched: &syn::ExprMatch) -> bool {
    matches!(matched.arms.as_slice(), [arm] if matches!(&arm.pat,
        syn::Pat::Ident(binding) if binding.ident == "__ephemeral_fs_dest"))
}

/// `match &owner { __ephemeral_fs_owner => .. }`, how an owner written in a
/// checked argument is borrowed once.
fn is_owner_binding(matched: &syn::ExprMatch) -> bool {
    matches!(&*matched.expr, Expr::Reference(_))
        && matches!(matched.arms.as_slice(), [arm] if matches!(&arm.pat,
            syn::Pat::Ident(binding) if binding.ident == "__ephemeral_fs_owner"))
}

// Input:  Probe(__ephemeral_fs_owner_0).__ephemeral_fs_joined(&["a"], || (*owner).path().join("a"))
// Output: owner.path().join("a")            (the owner put back by `Owners`)
/// The user's chain a computed path was made of (not a guard: a finding's
/// guard is the check around it).
fn uncompute(expr: &mut Expr) -> Option<Expr> {
    let Expr::MethodCall(call) = expr else {
        return None;
    };
    let method = call.method.to_string();
    if !is_probe(&call.receiver)
        || ![
            "__ephemeral_fs_path",
            "__ephemeral_fs_path_buf",
            "__ephemeral_fs_joined",
        ]
        .contains(&method.as_str())
    {
        return None;
    }
    match call.args.last_mut().map(take)? {
        Expr::Closure(closure) => Some(*closure.body),
        _ => None,
    }
}

// Input:  after(Probe(&opts).__ephemeral_fs_deny_unseen_open_options_in_place(), opts.open(p))
// Output: opts.open(p)
// Input:  Probe(OpenOptions::new().write(true)).__ephemeral_fs_deny_unseen_open_options().open(p)
// Output: OpenOptions::new().write(true).open(p)
/// What an unseen builder's probe wraps. Not a guard: the probe refuses a
/// std builder by its type at compile time, where the analysis, which has
/// no types, records no finding (a builder it cannot read may be any
/// crate's).
fn unprobe_builder(expr: &mut Expr) -> Option<Expr> {
    fn is_unseen_probe(expr: &Expr) -> bool {
        let Expr::MethodCall(call) = expr else {
            return false;
        };
        if call.method == "builder_flags_are_not_in_sight" {
            return is_unseen_probe(&call.receiver);
        }
        let method = call.method.to_string();
        method.starts_with("__ephemeral_fs_")
            && method.contains("_unseen_")
            && call.args.is_empty()
            && is_probe(&call.receiver)
    }
    fn probed(expr: &mut Expr) -> Option<Expr> {
        let Expr::MethodCall(call) = expr else {
            return None;
        };
        match &mut *call.receiver {
            Expr::Call(probe) => probe.args.first_mut().map(take),
            inner => probed(inner),
        }
    }
    match expr {
        Expr::Call(call)
            if private_name(&call.func).as_deref() == Some("after")
                && call.args.len() == 2
                && is_unseen_probe(&call.args[0]) =>
        {
            call.args.last_mut().map(take)
        }
        _ if is_unseen_probe(expr) => probed(expr),
        _ => None,
    }
}

// Input:  ::ephemeral_fs::__private::OnType::<<L as B>::Handle>::new().__ephemeral_fs_by_type_create(p)
// Output: p
/// What a call through an associated type passes through its type's
/// check. Not a guard: the type decides at compile time, where the
/// analysis, which has no types, records no finding.
fn unon_type(expr: &mut Expr) -> Option<Expr> {
    let Expr::MethodCall(call) = expr else {
        return None;
    };
    let on_type = matches!(&*call.receiver, Expr::Call(new) if new.args.is_empty()
        && matches!(&*new.func, Expr::Path(path) if path
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .eq(["ephemeral_fs", "__private", "OnType", "new"])));
    if !on_type
        || call.args.len() != 1
        || !call
            .method
            .to_string()
            .starts_with("__ephemeral_fs_by_type_")
    {
        return None;
    }
    call.args.first_mut().map(take)
}

// Input:  |__ephemeral_fs_leaked| core::mem::forget(__ephemeral_fs_leaked)   (its check undone)
// Output: core::mem::forget
/// The leak function a closure of ours stands in for, as an argument. Not
/// a guard: the check of the call in it is.
fn unleak(expr: &Expr) -> Option<Expr> {
    let Expr::Closure(closure) = expr else {
        return None;
    };
    let [syn::Pat::Ident(param)] = closure.inputs.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    if param.ident != "__ephemeral_fs_leaked" {
        return None;
    }
    let Expr::Call(call) = &*closure.body else {
        return None;
    };
    match call.args.iter().collect::<Vec<_>>()[..] {
        [Expr::Path(arg)] if arg.path.is_ident("__ephemeral_fs_leaked") => {
            Some((*call.func).clone())
        }
        _ => None,
    }
}

/// Puts back the owners that bindings of ours stood for: `(*name)` becomes
/// the owner as written.
struct Owners(Vec<(String, Expr)>);

impl Owners {
    fn one(name: &str, owner: Expr) -> Owners {
        Owners(vec![(name.to_owned(), owner)])
    }
}

impl VisitMut for Owners {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        let owner = match &*expr {
            Expr::Paren(paren) => match &*paren.expr {
                Expr::Unary(syn::ExprUnary {
                    op: syn::UnOp::Deref(_),
                    expr: inner,
                    ..
                }) => match &**inner {
                    Expr::Path(path) => self
                        .0
                        .iter()
                        .find(|(name, _)| path.path.is_ident(name.as_str()))
                        .map(|(_, owner)| owner.clone()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        if let Some(owner) = owner {
            *expr = owner;
            return;
        }
        visit_mut::visit_expr_mut(self, expr);
    }

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        let parser = syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated;
        if let Ok(mut exprs) = syn::parse::Parser::parse2(parser, mac.tokens.clone()) {
            for expr in exprs.iter_mut() {
                self.visit_expr_mut(expr);
            }
            mac.tokens = exprs.into_token_stream();
        }
    }
}

/// `let __ephemeral_fs_owner_N = &owner;`: the name and the owner.
fn hold(stmt: &Stmt) -> Option<(String, Expr)> {
    let Stmt::Local(local) = stmt else {
        return None;
    };
    let syn::Pat::Ident(binding) = &local.pat else {
        return None;
    };
    let name = binding.ident.to_string();
    if !name.starts_with("__ephemeral_fs_owner_") {
        return None;
    }
    match &*local.init.as_ref()?.expr {
        Expr::Reference(owner) => Some((name, (*owner.expr).clone())),
        _ => None,
    }
}

/// Gives the user's path back the type arguments it was written with: the
/// mirror's, which are the user's (none when the witness added its own).
fn strip_witness_arguments(expr: &mut Expr, mirror: &Expr) {
    let (Expr::Path(path), Expr::Path(mirror)) = (expr, mirror) else {
        return;
    };
    let (Some(last), Some(mirror_last)) =
        (path.path.segments.last_mut(), mirror.path.segments.last())
    else {
        return;
    };
    last.arguments = mirror_last.arguments.clone();
}

fn is_probe_import(stmt: &Stmt) -> bool {
    let Stmt::Item(item @ (syn::Item::Use(_) | syn::Item::Verbatim(_))) = stmt else {
        return false;
    };
    item.to_token_stream()
        .to_string()
        .starts_with("# [allow (unused_imports)] use :: ephemeral_fs :: __private ::")
}

impl VisitMut for Undo {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        // Outermost first: `after(probe, call)` is one guard, and its probe
        // is dropped with it rather than undone on its own.
        loop {
            // A computed path is a probe too, but no guard of its own.
            if let Some(chain) = uncompute(expr) {
                *expr = chain;
            } else if let Some(call) = unhold(expr) {
                *expr = call;
            } else if let Some(call) = unprobe_builder(expr) {
                *expr = call;
            } else if let Some(value) = unon_type(expr) {
                *expr = value;
            } else if let Some(original) = self.original(expr) {
                *expr = original;
                self.removed += 1;
            } else {
                break;
            }
        }
        visit_mut::visit_expr_mut(self, expr);
        // Once its guard inside is undone: the leak function it stands for.
        if let Some(function) = unleak(expr) {
            *expr = function;
        }
    }

    fn visit_block_mut(&mut self, block: &mut Block) {
        block
            .stmts
            .retain(|stmt| !is_probe_import(stmt) && !is_receiver_marker(stmt));
        // A path local's hold goes, and its owner comes back where the
        // `let` named it.
        let holds: Vec<(String, Expr)> = block.stmts.iter().filter_map(hold).collect();
        if !holds.is_empty() {
            block.stmts.retain(|stmt| hold(stmt).is_none());
            let mut owners = Owners(holds);
            for stmt in &mut block.stmts {
                owners.visit_stmt_mut(stmt);
            }
        }
        visit_mut::visit_block_mut(self, block);
    }

    // A closure in a const context carries the probe import in a block of
    // its own: `|| { use ..; body }` was `|| body`.
    fn visit_expr_closure_mut(&mut self, closure: &mut syn::ExprClosure) {
        if let Expr::Block(block) = &mut *closure.body
            && block.block.stmts.len() == 2
            && is_probe_import(&block.block.stmts[0])
            && matches!(block.block.stmts[1], Stmt::Expr(_, None))
            && let Some(Stmt::Expr(inner, None)) = block.block.stmts.pop()
        {
            *closure.body = inner;
        }
        visit_mut::visit_expr_closure_mut(self, closure);
    }

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        // Guards inside macro arguments: undo them on the parsed arguments.
        if !mac.tokens.to_string().contains("ephemeral_fs") {
            return;
        }
        let parser = syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated;
        if let Ok(mut exprs) = syn::parse::Parser::parse2(parser, mac.tokens.clone()) {
            for expr in exprs.iter_mut() {
                self.visit_expr_mut(expr);
            }
            mac.tokens = exprs.into_token_stream();
        } else if let Ok(stmts) =
            syn::parse::Parser::parse2(Block::parse_within, mac.tokens.clone())
        {
            let mut block = Block {
                brace_token: Default::default(),
                stmts,
            };
            self.visit_block_mut(&mut block);
            mac.tokens = block.stmts.iter().map(ToTokens::to_token_stream).collect();
        } else {
            mac.tokens = self.undo_pieces(mac.tokens.clone());
        }
    }
}

impl Undo {
    /// Macro tokens that read neither as expressions nor as statements, as
    /// the expansion reads them: pieces between top-level `,` `;` and `=>`,
    /// each an expression, else its groups in turn.
    fn undo_pieces(&mut self, tokens: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
        use proc_macro2::{Group, TokenTree};
        let mut out = proc_macro2::TokenStream::new();
        let mut piece: Vec<TokenTree> = Vec::new();
        let flush =
            |this: &mut Undo, piece: &mut Vec<TokenTree>, out: &mut proc_macro2::TokenStream| {
                let tokens: proc_macro2::TokenStream = piece.drain(..).collect();
                if !tokens.to_string().contains("ephemeral_fs") {
                    out.extend(tokens);
                    return;
                }
                match syn::parse2::<Expr>(tokens.clone()) {
                    Ok(mut expr) => {
                        this.visit_expr_mut(&mut expr);
                        out.extend(expr.into_token_stream());
                    }
                    Err(_) => out.extend(tokens.into_iter().map(|token| match token {
                        TokenTree::Group(group) => {
                            let mut rebuilt =
                                Group::new(group.delimiter(), this.undo_pieces(group.stream()));
                            rebuilt.set_span(group.span());
                            TokenTree::Group(rebuilt)
                        }
                        other => other,
                    })),
                }
            };
        for token in tokens {
            let separator =
                matches!(&token, TokenTree::Punct(p) if matches!(p.as_char(), ',' | ';'));
            if separator {
                flush(self, &mut piece, &mut out);
                out.extend([token]);
            } else {
                piece.push(token);
            }
        }
        flush(self, &mut piece, &mut out);
        out
    }
}
