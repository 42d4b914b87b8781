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
                        _ => return None,
                    }
                }
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
                    // Constructors are `new` and `options`: a cheap test
                    // before resolving, which allocates.
                    let last = callee.path.segments.last()?;
                    let constructor = Builder::is_constructor_name(&ident_name(&last.ident))
                        .then(|| self.namespaces.resolve(&callee.path))
                        .flatten()
                        .and_then(|canonical| ops::lookup_builder(&canonical));
                    if let Some(kind) = constructor {
                        return Some(BuilderState { kind, writes });
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
