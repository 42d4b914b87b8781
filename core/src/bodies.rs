//! Function bodies and const initializers: the body's state around the
//! walk, the imports its probes need, and the owners path locals hold.

use syn::visit_mut::VisitMut;
use syn::{Block, Expr, Item, Signature, Stmt};

use crate::flow::Flow;
use crate::rewrite::{Hoist, Place, Rewriter};
use crate::{emit, held};

impl Rewriter<'_> {
    /// Rewrites a function body. A `const fn` cannot touch the filesystem,
    /// and probes are not `const`, so its body only loses our attributes,
    /// but for its `const` leak calls (`mem::forget`, `ManuallyDrop::new`),
    /// which can cancel a temp file's cleanup when it runs at run time:
    /// they are checked through closures never called (`calls.rs`).
    pub(crate) fn rewrite_fn_body(&mut self, sig: &Signature, block: &mut Block) {
        self.with_type_params(&sig.generics, |this| this.rewrite_fn_body_in(sig, block));
    }

    /// Runs `f` with the type parameters of `generics` in sight.
    pub(crate) fn with_type_params<R>(
        &mut self,
        generics: &syn::Generics,
        f: impl FnOnce(&mut Self) -> R,
    ) -> R {
        let outer = self.type_params.len();
        let params = generics.type_params();
        self.type_params
            .extend(params.map(|param| crate::syntax::ident_name(&param.ident)));
        self.namespaces.push_type_params(generics);
        let result = f(self);
        self.namespaces.pop();
        self.type_params.truncate(outer);
        result
    }

    pub(crate) fn rewrite_fn_body_in(&mut self, sig: &Signature, block: &mut Block) {
        if sig.constness.is_some() {
            let saved = std::mem::take(&mut self.body);
            let saved_const_fn = self.const_fn_levels.replace(self.levels);
            self.body.flow = Flow::for_body(block);
            self.strip_only(|this| this.visit_block_mut(block));
            if self.body.uses_probes && self.emits {
                block.stmts.insert(0, emit::probe_traits_import());
            }
            self.const_fn_levels = saved_const_fn;
            self.body = saved;
            return;
        }
        let saved = std::mem::take(&mut self.body);
        let saved_const_fn = self.const_fn_levels.take();
        let thread_local_statics = std::mem::take(&mut self.thread_local_statics);
        let names = crate::syntax::body_names(sig, block);
        (
            self.body.locals,
            self.body.used_as_values,
            self.body.used_by_value,
            self.body.given_modes,
        ) = (
            names.bound,
            names.used_as_values,
            names.used_by_value,
            names.given_modes,
        );
        self.body.flow = Flow::for_body(block);
        for input in &sig.inputs {
            if let syn::FnArg::Typed(param) = input {
                self.note_typed_builder(&param.pat, &param.ty);
            }
        }
        self.visit_block_mut(block);
        self.refuse_unlistable_temp_dirs();
        if self.body.uses_probes && self.emits {
            block.stmts.insert(0, emit::probe_traits_import());
        }
        self.const_fn_levels = saved_const_fn;
        self.body = saved;
        self.thread_local_statics = thread_local_statics;
    }

    // Input:  static CACHE: LazyLock<()> = LazyLock::new(|| { fs::write(..); });
    /// The initializer of a `const` or `static` item: a const context,
    /// whose closures run at run time.
    pub(crate) fn rewrite_const_item(&mut self, expr: &mut Expr) {
        let saved = std::mem::take(&mut self.body);
        let block = Block {
            brace_token: Default::default(),
            stmts: Vec::new(),
        };
        self.body.flow = Flow::for_body(&block);
        if self.thread_local_statics {
            // Input:  thread_local! { static SAVED: bool = fs::write(..).is_ok(); }
            // `thread_local!` runs the initializer on first access, like a
            // closure's body (a `const { .. }` one stays a const context).
            self.strip_only(|this| {
                this.in_run_time_closure(expr, |this, expr| this.visit_expr_mut(expr))
            });
        } else {
            self.strip_only(|this| this.visit_expr_mut(expr));
        }
        self.body = saved;
    }

    // Input:  mod m { use ephemeral_fs::ephemeral_fs; #[ephemeral_fs(deny(persistent_read))] fn f() {} }
    // Output: mod m { use ephemeral_fs::ephemeral_fs; fn f() {}
    //                 #[allow(unused_imports)] use ephemeral_fs as _; }
    /// A nested attribute is applied by the enclosing expansion and removed,
    /// which would leave the import of its name unused. One `use` of each
    /// name removed since `since` keeps it used; it goes where the attribute
    /// resolved (the enclosing module or block, or a method's body).
    pub(crate) fn keep_imports_used(&mut self, since: usize) -> Vec<Item> {
        let mut names: Vec<syn::Ident> = self.nested_names.drain(since..).collect();
        if !self.emits {
            return Vec::new();
        }
        names.sort_by_key(|name| name.to_string());
        names.dedup_by_key(|name| name.to_string());
        names
            .into_iter()
            .map(|name| {
                Item::Verbatim(quote::quote! {
                    #[allow(unused_imports)]
                    use #name as _;
                })
            })
            .collect()
    }

    // Input:  let p = files[next].path().to_path_buf();
    // Output: let __ephemeral_fs_owner_0 = &files[next];
    //         let p = Probe(__ephemeral_fs_owner_0)
    //             .__ephemeral_fs_path_buf(|| (*__ephemeral_fs_owner_0).path().to_path_buf());
    /// Rewrites the `let` of a path local that a check reads (see
    /// `flow::Slot` and `held.rs`).
    /// Returns where it put a statement before the `let`, if it did.
    pub(crate) fn rewrite_held_let(&mut self, stmts: &mut Vec<Stmt>, slot: usize) -> Option<usize> {
        if !self.emits {
            return None;
        }
        let slot_data = self.body.flow.slot(slot);
        if slot_data.alias.is_some() {
            return None;
        }
        let (root, joins, owned) = (slot_data.root, slot_data.joins.clone(), slot_data.owned);
        let owner = slot_data.owner.clone();
        let Some(Stmt::Local(local)) = stmts.get_mut(slot_data.stmt) else {
            return None;
        };
        let init = local.init.as_mut()?;
        let owner_span = syn::spanned::Spanned::span(&owner);
        let held = held::held_ident(root, owner_span);
        if root == slot {
            held::replace_owner(&mut init.expr, held::deref_of(&held));
        }
        let held_expr = held::ident_expr(&held);
        held::replace_chain(&mut init.expr, |chain| {
            held::compute(&held_expr, &joins, owned, chain)
        });
        self.body.uses_probes = true;
        if root == slot {
            let at = self.body.flow.slot(slot).stmt;
            stmts.insert(at, held::hold_stmt(&held, &owner));
            return Some(at);
        }
        None
    }

    /// A block: its items and imports in sight, its statements in order.
    pub(crate) fn rewrite_block(&mut self, block: &mut Block) {
        let nested = self.nested_names.len();
        let macros = self.macro_scope.len();
        self.namespaces.push_block(&block.stmts);
        self.body.flow.enter(false);
        self.body.enter_builder_scope();
        // A block's items are in scope in the whole block: they shadow path
        // locals and builder locals of their names, as a `let` does after it.
        if self.body.flow.has_bindings() || !self.body.builders.is_empty() {
            for stmt in &block.stmts {
                let names = match stmt {
                    Stmt::Item(item) => {
                        self.note_macro_rules(item);
                        crate::syntax::block_item_value_names(item)
                    }
                    // A macro in statement position may expand to items
                    // (`settings!()` as `const p: &str = ".."`), which
                    // shadow in the whole block whatever names it is given:
                    // no path local is followed in the block.
                    Stmt::Macro(mac) if !self.binds_nothing(&mac.mac.path) => None,
                    Stmt::Expr(Expr::Macro(mac), None) if !self.binds_nothing(&mac.mac.path) => {
                        None
                    }
                    _ => continue,
                };
                let hidden: Vec<String> = match &names {
                    Some(names) => names.clone(),
                    None => self.body.builders.keys().cloned().collect(),
                };
                for name in hidden {
                    self.body.forget_builder(&name);
                }
                self.body.flow.shadow_by_item(names);
            }
            self.macro_scope.truncate(macros);
        }
        let block_number = self.body.flow.open_block();
        let outer_hoist = self.body.hoist.take();
        let mut hoisted = Vec::new();
        for (at, stmt) in block.stmts.iter_mut().enumerate() {
            self.body.hoist = Some(Hoist::at(&self.body.flow));
            if let Stmt::Local(_) = stmt {
                self.body.flow.next_let = Some(at);
            }
            if let Stmt::Item(item) = stmt {
                self.note_macro_rules(item);
            }
            let attrs = match stmt {
                Stmt::Local(local) => Some(&mut local.attrs),
                Stmt::Expr(expr, _) => crate::syntax::expr_attrs_mut(expr),
                Stmt::Macro(mac) => Some(&mut mac.attrs),
                Stmt::Item(_) => None,
            };
            let settings = match attrs {
                Some(attrs) => self.take_our_attrs(attrs, Place::Statement),
                None => Vec::new(),
            };
            self.with_settings(&settings, |this| this.visit_stmt_mut(stmt));
            if let Some(hoist) = self.body.hoist.take().filter(|h| !h.lets.is_empty()) {
                // A `#[cfg]`'d statement's `let`s go with it.
                let conditions = crate::syntax::stmt_conditions(stmt);
                let lets = hoist.lets.into_iter().map(|mut stmt| {
                    if let Stmt::Local(local) = &mut stmt {
                        local.attrs.extend(conditions.iter().cloned());
                    }
                    stmt
                });
                hoisted.push((at, lets.collect::<Vec<_>>()));
            }
        }
        self.body.hoist = outer_hoist;
        // Each in its statement's original place, last first: a held
        // owner's statement goes before its `let`, a hoisted `let` before
        // its statement, after any held owner of that statement.
        let mut held = Vec::new();
        for slot in self.body.flow.close_block(block_number) {
            held.extend(self.rewrite_held_let(&mut block.stmts, slot));
        }
        for (at, lets) in hoisted.into_iter().rev() {
            let shifted = at + held.iter().filter(|&&inserted| inserted <= at).count();
            block.stmts.splice(shifted..shifted, lets);
        }
        self.body.exit_builder_scope();
        self.body.flow.exit();
        self.namespaces.pop();
        self.macro_scope.truncate(macros);
        // First, not last: a block may end in its value, and items may stand
        // anywhere in a block.
        let uses = self.keep_imports_used(nested);
        block.stmts.splice(0..0, uses.into_iter().map(Stmt::Item));
    }
}
