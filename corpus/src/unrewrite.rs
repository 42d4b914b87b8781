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
                    ("persistent_write" | "persistent_read", 1) => args.pop(),
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
            // Probe(x).__ephemeral_fs_..() and Probe(&owner).__ephemeral_fs_.._path(arg)
            Expr::MethodCall(call) if call.method.to_string().starts_with("__ephemeral_fs_") => {
                let Expr::Call(probe) = &mut *call.receiver else {
                    return None;
                };
                if private_name(&probe.func)?.as_str() != "Probe" {
                    return None;
                }
                match call.args.len() {
                    0 => probe.args.first_mut().map(take),
                    _ => call.args.first_mut().map(take),
                }
            }
            _ => None,
        }
    }
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
