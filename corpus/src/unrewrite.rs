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

fn take(expr: &mut Expr) -> Expr {
    std::mem::replace(expr, Expr::Verbatim(Default::default()))
}

impl Undo {
    /// What `expr` was before the rewrite, if it is a guard.
    fn original(&self, expr: &mut Expr) -> Option<Expr> {
        match expr {
            // persistent_write(x), after(check, call), with_witness(user, mirror)
            Expr::Call(call) => {
                let name = private_name(&call.func)?;
                let mut args: Vec<Expr> = call.args.iter_mut().map(take).collect();
                match (name.as_str(), args.len()) {
                    // persistent_write, persistent_read_joined, persistent_write_made, ..
                    (guard, 1) if guard.starts_with("persistent_") => args.pop(),
                    ("after", 2) => args.pop(),
                    ("with_witness", 2) => {
                        args.truncate(1);
                        let mut user = args.pop()?;
                        strip_witness_arguments(&mut user);
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
            _ => None,
        }
    }
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

/// Drops the `::<&'static str, ..>` a value-form witness adds.
fn strip_witness_arguments(expr: &mut Expr) {
    let Expr::Path(path) = expr else { return };
    let Some(last) = path.path.segments.last_mut() else {
        return;
    };
    let added = match &last.arguments {
        syn::PathArguments::AngleBracketed(arguments) => arguments
            .args
            .iter()
            .all(|arg| arg.to_token_stream().to_string() == "& 'static str"),
        _ => false,
    };
    if added {
        last.arguments = syn::PathArguments::None;
    }
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
        while let Some(original) = self.original(expr) {
            *expr = original;
            self.removed += 1;
        }
        visit_mut::visit_expr_mut(self, expr);
    }

    fn visit_block_mut(&mut self, block: &mut Block) {
        block.stmts.retain(|stmt| !is_probe_import(stmt));
        visit_mut::visit_block_mut(self, block);
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
        }
    }
}
