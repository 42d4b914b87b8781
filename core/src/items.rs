//! The items the walk enters: what an annotated item, and an item nested
//! in a body, holds that a handler runs.

use syn::visit_mut::{self, VisitMut};
use syn::{ImplItem, Item, Stmt, TraitItem};

use crate::rewrite::{Place, Rewriter};

impl Rewriter<'_> {
    // Items are visited only where they hold code a handler runs: function
    // bodies, impl and trait methods, inline modules, and the closures in
    // consts and statics (a `LazyLock::new(|| ..)`); macro definitions are
    // templates, not code.
    pub(crate) fn rewrite_item(&mut self, item: &mut Item) {
        // An item in a const context has a body of its own, which runs at
        // run time: it is checked with the levels outside that context.
        if let Some(levels) = self.const_levels.take() {
            let (saved, stripping) = (self.levels, self.stripping);
            (self.levels, self.stripping) = (levels, false);
            self.visit_item_mut(item);
            (self.levels, self.stripping) = (saved, stripping);
            self.const_levels = Some(levels);
            return;
        }
        match item {
            Item::Fn(function) => {
                let settings = self.take_our_attrs(&mut function.attrs, Place::Item);
                self.with_settings(&settings, |this| {
                    this.visit_signature_types(&mut function.sig);
                    this.rewrite_fn_body(&function.sig, &mut function.block)
                });
            }
            Item::Impl(item_impl) => {
                let settings = self.take_our_attrs(&mut item_impl.attrs, Place::Item);
                self.namespaces.push_self(item_impl);
                self.namespaces.push_type_params(&item_impl.generics);
                let outer = self.type_params.len();
                let params = item_impl.generics.type_params();
                self.type_params
                    .extend(params.map(|param| crate::syntax::ident_name(&param.ident)));
                self.with_settings(&settings, |this| {
                    this.visit_item_types(|this| {
                        visit_mut::visit_generics_mut(this, &mut item_impl.generics);
                        this.visit_type_mut(&mut item_impl.self_ty);
                    });
                    for impl_item in &mut item_impl.items {
                        match impl_item {
                            ImplItem::Fn(method) => {
                                let nested = this.nested_names.len();
                                let settings = this.take_our_attrs(&mut method.attrs, Place::Item);
                                this.with_settings(&settings, |this| {
                                    this.visit_signature_types(&mut method.sig);
                                    this.rewrite_fn_body(&method.sig, &mut method.block)
                                });
                                let uses = this.keep_imports_used(nested);
                                method
                                    .block
                                    .stmts
                                    .splice(0..0, uses.into_iter().map(Stmt::Item));
                                continue;
                            }
                            ImplItem::Const(item) => {
                                let settings = this.take_our_attrs(&mut item.attrs, Place::Item);
                                this.with_settings(&settings, |this| {
                                    this.visit_item_types(|this| this.visit_type_mut(&mut item.ty));
                                    this.rewrite_const_item(&mut item.expr)
                                });
                                continue;
                            }
                            ImplItem::Type(item) => {
                                let settings = this.take_our_attrs(&mut item.attrs, Place::Item);
                                this.with_settings(&settings, |this| {
                                    this.visit_item_types(|this| this.visit_type_mut(&mut item.ty))
                                });
                                continue;
                            }
                            ImplItem::Macro(item) => {
                                let settings = this.take_our_attrs(&mut item.attrs, Place::Item);
                                this.with_settings(&settings, |this| {
                                    this.rewrite_macro(&mut item.mac)
                                });
                                continue;
                            }
                            _ => continue,
                        }
                    }
                });
                self.type_params.truncate(outer);
                self.namespaces.pop();
                self.namespaces.pop();
            }
            Item::Trait(item_trait) => {
                let settings = self.take_our_attrs(&mut item_trait.attrs, Place::Item);
                self.namespaces.push_type_params(&item_trait.generics);
                let outer = self.type_params.len();
                let params = item_trait.generics.type_params();
                self.type_params
                    .extend(params.map(|param| crate::syntax::ident_name(&param.ident)));
                self.with_settings(&settings, |this| {
                    for trait_item in &mut item_trait.items {
                        match trait_item {
                            TraitItem::Fn(method) => {
                                let nested = this.nested_names.len();
                                let settings = this.take_our_attrs(&mut method.attrs, Place::Item);
                                this.with_settings(&settings, |this| {
                                    this.visit_signature_types(&mut method.sig)
                                });
                                if let Some(body) = &mut method.default {
                                    let sig = &method.sig;
                                    this.with_settings(&settings, |this| {
                                        this.rewrite_fn_body(sig, body)
                                    });
                                    let uses = this.keep_imports_used(nested);
                                    body.stmts.splice(0..0, uses.into_iter().map(Stmt::Item));
                                }
                                continue;
                            }
                            TraitItem::Const(item) => {
                                let settings = this.take_our_attrs(&mut item.attrs, Place::Item);
                                if let Some((_, expr)) = &mut item.default {
                                    this.with_settings(&settings, |this| {
                                        this.rewrite_const_item(expr)
                                    });
                                }
                                continue;
                            }
                            TraitItem::Type(item) => {
                                let settings = this.take_our_attrs(&mut item.attrs, Place::Item);
                                if let Some((_, ty)) = &mut item.default {
                                    this.with_settings(&settings, |this| {
                                        this.visit_item_types(|this| this.visit_type_mut(ty))
                                    });
                                }
                                continue;
                            }
                            TraitItem::Macro(item) => {
                                let settings = this.take_our_attrs(&mut item.attrs, Place::Item);
                                this.with_settings(&settings, |this| {
                                    this.rewrite_macro(&mut item.mac)
                                });
                                continue;
                            }
                            _ => continue,
                        }
                    }
                });
                self.type_params.truncate(outer);
                self.namespaces.pop();
            }
            Item::Mod(module) => {
                let settings = self.take_our_attrs(&mut module.attrs, Place::Item);
                if let Some((_, items)) = &mut module.content {
                    let nested = self.nested_names.len();
                    let macros = self.macro_scope.len();
                    self.namespaces
                        .push_named_module(Some(crate::syntax::ident_name(&module.ident)), items);
                    self.with_settings(&settings, |this| {
                        for item in items.iter_mut() {
                            this.note_macro_rules(item);
                            this.visit_item_mut(item);
                        }
                    });
                    self.namespaces.pop();
                    // `#[macro_use] mod m { macro_rules! .. }`: its macros
                    // stay in scope after it.
                    // Also under `cfg_attr`, which may add it.
                    let macro_use = module.attrs.iter().any(|attr| {
                        attr.path().is_ident("macro_use")
                            || attr.path().is_ident("cfg_attr")
                                && crate::syntax::names_ident(attr, "macro_use")
                    });
                    if !macro_use {
                        self.macro_scope.truncate(macros);
                    }
                    items.extend(self.keep_imports_used(nested));
                }
            }
            Item::Const(item) => {
                let settings = self.take_our_attrs(&mut item.attrs, Place::Item);
                self.with_settings(&settings, |this| {
                    this.visit_item_types(|this| this.visit_type_mut(&mut item.ty));
                    this.rewrite_const_item(&mut item.expr)
                });
            }
            Item::Static(item) => {
                let settings = self.take_our_attrs(&mut item.attrs, Place::Item);
                self.with_settings(&settings, |this| {
                    this.visit_item_types(|this| this.visit_type_mut(&mut item.ty));
                    this.rewrite_const_item(&mut item.expr)
                });
            }
            // Types and discriminants are const contexts: items nested in
            // them (`A = { impl Saver for X { .. } 1 }`) run at run time.
            Item::Enum(item) => {
                let settings = self.take_our_attrs(&mut item.attrs, Place::Item);
                self.with_settings(&settings, |this| {
                    this.visit_item_types(|this| visit_mut::visit_item_enum_mut(this, item))
                });
            }
            Item::Struct(item) => {
                let settings = self.take_our_attrs(&mut item.attrs, Place::Item);
                self.with_settings(&settings, |this| {
                    this.visit_item_types(|this| visit_mut::visit_item_struct_mut(this, item))
                });
            }
            Item::Union(item) => {
                let settings = self.take_our_attrs(&mut item.attrs, Place::Item);
                self.with_settings(&settings, |this| {
                    this.visit_item_types(|this| visit_mut::visit_item_union_mut(this, item))
                });
            }
            Item::Type(item) => {
                let settings = self.take_our_attrs(&mut item.attrs, Place::Item);
                self.with_settings(&settings, |this| {
                    this.visit_item_types(|this| visit_mut::visit_item_type_mut(this, item))
                });
            }
            // `thread_local! { .. }`, `handlers! { fn .. }` among items: its
            // tokens are code, as in a body. A `macro_rules!` is a definition,
            // whose tokens are patterns and templates.
            Item::Macro(item) => {
                let settings = self.take_our_attrs(&mut item.attrs, Place::Item);
                if item.ident.is_none() {
                    self.with_settings(&settings, |this| this.rewrite_macro(&mut item.mac));
                }
            }
            other => {
                // Nothing to check in it, but our attributes must not reach rustc.
                if let Some(attrs) = crate::syntax::item_attrs_mut(other) {
                    self.take_our_attrs(attrs, Place::Item);
                }
            }
        }
    }
}
