//! Builder chains in sight: where a chain starts (`OpenOptions::new()`, a
//! builder local) and which write flags it sets on the way.

use syn::{Expr, Local, Pat};

use crate::ops::{self, Builder};
use crate::rewrite::{BuilderState, Rewriter};
use crate::syntax::{ends_builder, ident_name, may_set_write_flag};

impl Rewriter<'_> {
    /// The builder a receiver chain starts from, with the write flags it sets.
    pub(crate) fn builder_chain(&self, mut expr: &Expr) -> Option<BuilderState> {
        let mut writes = false;
        loop {
            match expr {
                Expr::MethodCall(call) => {
                    writes |= may_set_write_flag(&ident_name(&call.method), call.args.first());
                    expr = &call.receiver;
                }
                Expr::Paren(paren) => expr = &paren.expr,
                Expr::Reference(reference) => expr = &reference.expr,
                // `{ OpenOptions::new() }` and `Ok(OpenOptions::new())?`:
                // what they yield is the builder written in them.
                Expr::Block(block) if block.attrs.is_empty() && block.label.is_none() => {
                    match block.block.stmts.as_slice() {
                        [syn::Stmt::Expr(tail, None)] => expr = tail,
                        _ => return self.made_in_block(&block.block, false),
                    }
                }
                // `'b: { let mut o = ..; o.write(true); break 'b o; }`
                Expr::Block(block) => return self.made_in_block(&block.block, true),
                Expr::Try(tried) => expr = &tried.expr,
                // `if c { OpenOptions::new() } else { File::options() }`:
                // a builder of one kind in every branch, with the flags of
                // either.
                Expr::If(branches) => {
                    let then = syn::Expr::Block(syn::ExprBlock {
                        attrs: Vec::new(),
                        label: None,
                        block: branches.then_branch.clone(),
                    });
                    let first = self.builder_chain(&then)?;
                    let (_, otherwise) = branches.else_branch.as_ref()?;
                    let second = self.builder_chain(otherwise)?;
                    if first.kind != second.kind {
                        return None;
                    }
                    return Some(BuilderState {
                        kind: first.kind,
                        writes: writes || first.writes || second.writes,
                    });
                }
                // `match c { _ => tokio::fs::OpenOptions::new() }`: the same,
                // for every arm.
                Expr::Match(matched) => {
                    let mut arms = matched.arms.iter().map(|arm| self.builder_chain(&arm.body));
                    let first = arms.next()??;
                    let mut state = BuilderState {
                        kind: first.kind,
                        writes: writes || first.writes,
                    };
                    for arm in arms {
                        let arm = arm?;
                        if arm.kind != state.kind {
                            return None;
                        }
                        state.writes |= arm.writes;
                    }
                    return Some(state);
                }
                Expr::Call(call) => {
                    let Expr::Path(callee) = &*call.func else {
                        return None;
                    };
                    let callee = builder_callee(callee)?;
                    // Constructors are `new` and `options`: a cheap test
                    // before resolving, which allocates.
                    let last = callee.segments.last()?;
                    let constructor = Builder::is_constructor_name(&ident_name(&last.ident))
                        .then(|| self.namespaces.resolve(&callee))
                        .flatten()
                        .and_then(|canonical| ops::lookup_builder(&canonical));
                    if let Some(kind) = constructor {
                        return Some(BuilderState { kind, writes });
                    }
                    // `tokio::fs::OpenOptions::from(std_options)`,
                    // `fs_err::OpenOptions::from_options(..)`: a builder made
                    // from one whose flags the chain does not show.
                    if let Some(kind) = self.made_by_builder_type(&callee) {
                        return Some(BuilderState { kind, writes: true });
                    }
                    // A builder passed through another call
                    // (`Some(OpenOptions::new()).unwrap()`, `ManuallyDrop::new(o)`,
                    // `Pin::new(&o)`) is one still; that call may set its flags
                    // where the chain does not show them
                    // (`OpenOptions::write(&mut o, true)`, a closure given to
                    // `Option::map`): it counts as writing.
                    let inner = call.args.iter().find_map(|arg| self.builder_chain(arg))?;
                    return Some(BuilderState {
                        writes: true,
                        ..inner
                    });
                }
                Expr::Path(path) => {
                    let name = ident_name(path.path.get_ident()?);
                    let state = self.body.builders.get(&name)?;
                    // Used other than as a receiver (`&mut b`, a path call
                    // `DirBuilderExt::mode(&mut b, ..)`), its flags or mode
                    // may be set where the rewrite does not see. (For a
                    // `DirBuilder`, flags given to the name elsewhere are
                    // another binding's: `create(table)` on a table builder.)
                    let escaped = match state.kind {
                        Builder::DirBuilder => {
                            self.body.used_by_value.contains(&name)
                                || self.body.given_modes.contains(&name)
                        }
                        Builder::OpenOptions => self.body.used_as_values.contains(&name),
                    };
                    return Some(BuilderState {
                        kind: state.kind,
                        writes: writes || state.writes || escaped,
                    });
                }
                _ => return None,
            }
        }
    }

    // Input:  { let mut o = tokio::fs::OpenOptions::new(); o.write(true); o }
    // Output: an `OpenOptions` that counts as writing
    /// A block of statements that makes a builder in sight and yields a
    /// local (or, labelled, may break with one): it is that builder, with
    /// flags set where the chain does not show them, whichever crate's.
    fn made_in_block(&self, block: &syn::Block, labelled: bool) -> Option<BuilderState> {
        let yields_a_local = match block.stmts.last() {
            Some(syn::Stmt::Expr(Expr::Path(path), None)) => path.path.get_ident().is_some(),
            _ => labelled,
        };
        if !yields_a_local {
            return None;
        }
        let kind = self.constructor_in_block(block)?;
        Some(BuilderState { kind, writes: true })
    }

    // Input:  tokio::fs::OpenOptions::from     fs_err::OpenOptions::from_options
    // Output: OpenOptions
    /// The builder whose type a function other than a constructor or a
    /// terminal belongs to: what it returns is taken to be that builder.
    fn made_by_builder_type(&self, path: &syn::Path) -> Option<Builder> {
        let count = path.segments.len();
        if count < 2 {
            return None;
        }
        let last = ident_name(&path.segments[count - 1].ident);
        let owner = ident_name(&path.segments[count - 2].ident);
        // A cheap test before resolving, which allocates.
        let named = matches!(owner.as_str(), "OpenOptions" | "DirBuilder")
            || (count == 2 && self.namespaces.imports_type(&owner));
        if !named || Builder::is_terminal(&last) {
            return None;
        }
        let mut owner_path = path.clone();
        owner_path.segments.pop();
        owner_path.segments.pop_punct();
        let canonical = self.namespaces.resolve_type(&owner_path)?;
        ops::lookup_builder_type(&canonical)
    }

    /// `opts.write(true);` on a builder local makes its later `open` a write.
    pub(crate) fn note_builder_flags(
        &mut self,
        receiver: &Expr,
        method: &str,
        first_arg: Option<&Expr>,
    ) {
        if !may_set_write_flag(method, first_arg) || ends_builder(receiver) {
            return;
        }
        let mut root = receiver;
        loop {
            match root {
                Expr::MethodCall(call) => root = &call.receiver,
                Expr::Paren(paren) => root = &paren.expr,
                _ => break,
            }
        }
        if let Expr::Path(path) = root {
            if let Some(state) = path
                .path
                .get_ident()
                .and_then(|i| self.body.builders.get_mut(&ident_name(i)))
            {
                state.writes = true;
            }
        }
    }

    // Input:  let (mut opts, path) = (OpenOptions::new(), ..);
    // Output: [("opts", OpenOptions, no write flag)]
    /// The builders a `let` binds by name: the whole initializer, or each
    /// element of a tuple bound to a tuple of names.
    pub(crate) fn let_builders(&self, local: &Local) -> Vec<(String, BuilderState)> {
        let Some(init) = &local.init else {
            return Vec::new();
        };
        let pat = match &local.pat {
            Pat::Type(typed) => &*typed.pat,
            pat => pat,
        };
        match (pat, &*init.expr) {
            (Pat::Ident(binding), init) => self
                .builder_chain(init)
                .map(|state| (ident_name(&binding.ident), state))
                .into_iter()
                .collect(),
            (Pat::Tuple(names), Expr::Tuple(values)) => names
                .elems
                .iter()
                .zip(&values.elems)
                .filter_map(|(name, value)| match name {
                    Pat::Ident(binding) => self
                        .builder_chain(value)
                        .map(|state| (ident_name(&binding.ident), state)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

// Input:  <tokio::fs::OpenOptions>::new     <async_fs::OpenOptions as Default>::default
// Output: tokio::fs::OpenOptions::new       OpenOptions::default
/// The path a builder's function is called by: a qualified-self path is
/// read as its type's, whatever trait it names (`Default`, `From`), since
/// a trait's function on a builder type is taken to make that builder.
pub(crate) fn builder_callee(callee: &syn::ExprPath) -> Option<syn::Path> {
    crate::resolve::qualified_path(callee.qself.as_ref(), &callee.path, 1)
}
