//! Syntax facts the rewriter needs: names as written without `r#`, the
//! names a body's patterns bind, where an item or an expression keeps its
//! attributes, and what kind of place an expression is.

use std::collections::HashSet;

use proc_macro2::Span;
use syn::visit::{self, Visit};
use syn::{Attribute, Block, Expr, ExprLit, Ident, Item, Lit, Signature, UnOp};

/// An identifier's name: `r#write` and `write` name the same function.
pub fn ident_name(ident: &Ident) -> String {
    let name = ident.to_string();
    match name.strip_prefix("r#") {
        Some(unraw) => unraw.to_owned(),
        None => name,
    }
}

/// A path's segments by name, as written without `r#`.
pub fn segment_names(path: &syn::Path) -> Vec<String> {
    path.segments.iter().map(|s| ident_name(&s.ident)).collect()
}

/// Every name bound by a pattern in the signature or the body, closures
/// and nested blocks included; nested items have bodies of their own.
pub fn bound_names(sig: &Signature, block: &Block) -> HashSet<String> {
    body_names(sig, block).bound
}

/// `bound_names`, and every lone name the body uses other than as the
/// receiver of a method call (`&mut opts`, `f(opts)`, a macro's tokens):
/// a value used so may be changed where the rewrite does not look.
pub fn body_names(sig: &Signature, block: &Block) -> BodyNames {
    let mut names = BoundNames::default();
    names.visit_signature(sig);
    names.visit_block(block);
    BodyNames {
        bound: names.0,
        used_as_values: names.1,
        used_by_value: names.2,
        given_modes: names.3,
    }
}

/// What `body_names` finds.
pub struct BodyNames {
    pub bound: HashSet<String>,
    /// Used other than as a receiver, or given a write flag.
    pub used_as_values: HashSet<String>,
    /// Used other than as a receiver only (`&mut b`, `f(b)`, a macro's
    /// tokens), flags aside.
    pub used_by_value: HashSet<String>,
    /// Given a `mode` that may take its owner's rights, anywhere: a loop
    /// may run it before a `create` written above it.
    pub given_modes: HashSet<String>,
}

#[derive(Default)]
struct BoundNames(
    HashSet<String>,
    HashSet<String>,
    HashSet<String>,
    HashSet<String>,
);

impl BoundNames {
    // Input:  let r = o.read(true);     Some(o.read(true))     o.read(true);
    // Output: `o` escapes               `o` escapes            nothing
    /// A method call; `discarded` when its value is dropped (a statement)
    /// or is the receiver of another call in the chain. A builder's
    /// setter returns a `&mut` to its receiver: one kept or passed on may
    /// set flags under another name, so the chain's root is used as a
    /// value, unless a terminal (`open(p)`, `create(p)`) ended it.
    fn method_call(&mut self, call: &syn::ExprMethodCall, discarded: bool) {
        let method = ident_name(&call.method);
        let returns_its_builder = crate::ops::WRITE_FLAGS.contains(&method.as_str())
            || matches!(method.as_str(), "read" | "recursive" | "mode");
        if !discarded && returns_its_builder {
            if let Some(root) = setter_chain_root(call) {
                self.1.insert(root.clone());
                self.2.insert(root);
            }
        }
        // `o.write(true)` anywhere in the body: a loop may run it before an
        // `o.open(p)` written above it, so the builder counts as writing
        // from its `let` on.
        if may_set_write_flag(&method, call.args.first()) && !ends_builder(&call.receiver) {
            if let Some(root) = chain_root_name(&call.receiver) {
                if method == "mode" {
                    self.3.insert(root.clone());
                }
                self.1.insert(root);
            }
        }
        match &*call.receiver {
            Expr::Path(path) if path.path.get_ident().is_some() => {}
            Expr::MethodCall(inner) => self.method_call(inner, true),
            receiver => self.visit_expr(receiver),
        }
        for arg in &call.args {
            self.visit_expr(arg);
        }
    }
}

// Input:  o.read(true).write(true)      o.open(p).map(drop)
// Output: o                              none: `open` ends the builder
/// The lone name a chain of calls that may each return their receiver
/// starts from: none past a terminal (`open(p)`, `create(p)`), whose value
/// is not the builder.
fn setter_chain_root(call: &syn::ExprMethodCall) -> Option<String> {
    let mut call = call;
    loop {
        if is_terminal_call(call) {
            return None;
        }
        let mut receiver = &*call.receiver;
        while let Expr::Paren(inner) = receiver {
            receiver = &inner.expr;
        }
        match receiver {
            Expr::MethodCall(inner) => call = inner,
            Expr::Path(path) => return path.path.get_ident().map(ident_name),
            _ => return None,
        }
    }
}

/// The lone name a method chain starts from (`o` in `(o.read(true)).write(true)`).
fn chain_root_name(mut receiver: &Expr) -> Option<String> {
    loop {
        match receiver {
            Expr::MethodCall(inner) => receiver = &inner.receiver,
            Expr::Paren(inner) => receiver = &inner.expr,
            Expr::Path(path) => return path.path.get_ident().map(ident_name),
            _ => return None,
        }
    }
}

impl<'ast> Visit<'ast> for BoundNames {
    fn visit_pat_ident(&mut self, pat: &'ast syn::PatIdent) {
        self.0.insert(ident_name(&pat.ident));
        visit::visit_pat_ident(self, pat);
    }

    fn visit_stmt(&mut self, stmt: &'ast syn::Stmt) {
        match stmt {
            syn::Stmt::Expr(Expr::MethodCall(call), Some(_)) => self.method_call(call, true),
            stmt => visit::visit_stmt(self, stmt),
        }
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        self.method_call(call, false);
    }

    fn visit_expr_path(&mut self, path: &'ast syn::ExprPath) {
        if let Some(ident) = path.path.get_ident() {
            self.1.insert(ident_name(ident));
            self.2.insert(ident_name(ident));
        }
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        fn idents(tokens: proc_macro2::TokenStream, names: &mut HashSet<String>) {
            for token in tokens {
                match token {
                    proc_macro2::TokenTree::Ident(ident) => {
                        names.insert(ident_name(&ident));
                    }
                    proc_macro2::TokenTree::Group(group) => idents(group.stream(), names),
                    _ => {}
                }
            }
        }
        idents(mac.tokens.clone(), &mut self.1);
        idents(mac.tokens.clone(), &mut self.2);
    }

    // Items in the body are not the body's locals; a `macro_rules!` of the
    // body may name them (`o.write(true)` in its rules), as a macro call's
    // tokens do.
    fn visit_item(&mut self, item: &'ast Item) {
        if let Item::Macro(item) = item {
            self.visit_macro(&item.mac);
        }
    }
}

/// The attributes of an item, where it has them.
pub fn item_attrs_mut(item: &mut Item) -> Option<&mut Vec<Attribute>> {
    Some(match item {
        Item::Const(item) => &mut item.attrs,
        Item::Enum(item) => &mut item.attrs,
        Item::ExternCrate(item) => &mut item.attrs,
        Item::Fn(item) => &mut item.attrs,
        Item::ForeignMod(item) => &mut item.attrs,
        Item::Impl(item) => &mut item.attrs,
        Item::Macro(item) => &mut item.attrs,
        Item::Mod(item) => &mut item.attrs,
        Item::Static(item) => &mut item.attrs,
        Item::Struct(item) => &mut item.attrs,
        Item::Trait(item) => &mut item.attrs,
        Item::TraitAlias(item) => &mut item.attrs,
        Item::Type(item) => &mut item.attrs,
        Item::Union(item) => &mut item.attrs,
        Item::Use(item) => &mut item.attrs,
        _ => return None,
    })
}

/// A statement's `#[cfg]` and `#[cfg_attr]` attributes.
pub fn stmt_conditions(stmt: &mut syn::Stmt) -> Vec<Attribute> {
    let attrs = match stmt {
        syn::Stmt::Local(local) => Some(&mut local.attrs),
        syn::Stmt::Expr(expr, _) => expr_attrs_mut(expr),
        syn::Stmt::Macro(mac) => Some(&mut mac.attrs),
        syn::Stmt::Item(_) => None,
    };
    attrs
        .map(|attrs| {
            attrs
                .iter()
                .filter(|attr| is_conditional(std::slice::from_ref(attr)))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// The attributes of an item, where it has them.
pub fn item_attrs(item: &Item) -> &[Attribute] {
    match item {
        Item::Const(item) => &item.attrs,
        Item::Enum(item) => &item.attrs,
        Item::ExternCrate(item) => &item.attrs,
        Item::Fn(item) => &item.attrs,
        Item::ForeignMod(item) => &item.attrs,
        Item::Impl(item) => &item.attrs,
        Item::Macro(item) => &item.attrs,
        Item::Mod(item) => &item.attrs,
        Item::Static(item) => &item.attrs,
        Item::Struct(item) => &item.attrs,
        Item::Trait(item) => &item.attrs,
        Item::TraitAlias(item) => &item.attrs,
        Item::Type(item) => &item.attrs,
        Item::Union(item) => &item.attrs,
        Item::Use(item) => &item.attrs,
        _ => &[],
    }
}

/// Whether `#[cfg(..)]` may leave out what these attributes are on. An
/// attribute macro is given its item before the compiler evaluates the
/// `cfg`s inside it, so the macro cannot tell which alternative is
/// compiled, and must hold for each. `cfg_attr` may add a `cfg`.
pub fn is_conditional(attrs: &[Attribute]) -> bool {
    attrs
        .iter()
        .any(|attr| attr.path().is_ident("cfg") || attr.path().is_ident("cfg_attr"))
}

/// Whether `name` is an identifier anywhere in an attribute's arguments
/// (`macro_use` in `cfg_attr(unix, macro_use)`).
pub fn names_ident(attr: &Attribute, name: &str) -> bool {
    fn within(tokens: proc_macro2::TokenStream, name: &str) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Ident(ident) => ident == name,
            proc_macro2::TokenTree::Group(group) => within(group.stream(), name),
            _ => false,
        })
    }
    match &attr.meta {
        syn::Meta::List(list) => within(list.tokens.clone(), name),
        _ => false,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A variable or field path: borrowing it twice is free.
    Pure,
    /// A place whose evaluation calls code (`v[next()]`, `call().field`).
    Impure,
    /// A temporary value.
    Value,
}

pub fn place_kind(expr: &Expr) -> PlaceKind {
    match expr {
        Expr::Path(path) if path.qself.is_none() => PlaceKind::Pure,
        // A `$e:expr` fragment is an invisible group, a place when its
        // expression is one.
        Expr::Paren(paren) => place_kind(&paren.expr),
        Expr::Group(group) => place_kind(&group.expr),
        Expr::Field(field) => match place_kind(&field.base) {
            PlaceKind::Pure => PlaceKind::Pure,
            _ => PlaceKind::Impure,
        },
        Expr::Index(index) => match (place_kind(&index.expr), &*index.index) {
            (PlaceKind::Pure, Expr::Lit(_)) => PlaceKind::Pure,
            (PlaceKind::Pure, index) if place_kind(index) == PlaceKind::Pure => PlaceKind::Pure,
            _ => PlaceKind::Impure,
        },
        Expr::Unary(unary) if matches!(unary.op, UnOp::Deref(_)) => match place_kind(&unary.expr) {
            PlaceKind::Pure => PlaceKind::Pure,
            _ => PlaceKind::Impure,
        },
        _ => PlaceKind::Value,
    }
}

// Input:  opts[append as usize]    dirs[&mode].inner    Output: true
// Input:  opts[next()]    make().opts                 Output: false
/// Whether a place calls nothing it shows: no function or method call,
/// macro, block or closure anywhere in it, so that its type may be read
/// from a copy in a closure that is never called.
pub fn calls_nothing(expr: &Expr) -> bool {
    match expr {
        Expr::Path(_) | Expr::Lit(_) => true,
        Expr::Paren(paren) => calls_nothing(&paren.expr),
        Expr::Group(group) => calls_nothing(&group.expr),
        Expr::Field(field) => calls_nothing(&field.base),
        Expr::Index(index) => calls_nothing(&index.expr) && calls_nothing(&index.index),
        Expr::Unary(unary) => calls_nothing(&unary.expr),
        Expr::Reference(reference) => calls_nothing(&reference.expr),
        Expr::Cast(cast) => calls_nothing(&cast.expr),
        Expr::Binary(binary) => calls_nothing(&binary.left) && calls_nothing(&binary.right),
        Expr::Tuple(tuple) => tuple.elems.iter().all(calls_nothing),
        _ => false,
    }
}

/// The value a place expression starts from, below its fields, indexes
/// and derefs (`(tmp,)` in `(tmp,).0`, `Box::new(dir)` in
/// `*Box::new(dir)`); `None` when it starts from a variable.
pub fn value_root_mut(expr: &mut Expr) -> Option<&mut Expr> {
    let projection = match &*expr {
        Expr::Path(path) if path.qself.is_none() => return None,
        Expr::Paren(_) | Expr::Group(_) | Expr::Field(_) | Expr::Index(_) => true,
        Expr::Unary(unary) => matches!(unary.op, UnOp::Deref(_)),
        _ => false,
    };
    if !projection {
        return Some(expr);
    }
    match expr {
        Expr::Paren(paren) => value_root_mut(&mut paren.expr),
        Expr::Group(group) => value_root_mut(&mut group.expr),
        Expr::Field(field) => value_root_mut(&mut field.base),
        Expr::Index(index) => value_root_mut(&mut index.expr),
        Expr::Unary(unary) => value_root_mut(&mut unary.expr),
        _ => None,
    }
}

/// The names an item in a block declares where a path names a value
/// (`static p`, `const p`, `fn p`, `struct p;`, `use crate::P as p;`):
/// such an item shadows the function's locals in its whole block, before
/// and after it. `None` for a glob import, which may declare any name.
pub fn block_item_value_names(item: &Item) -> Option<Vec<String>> {
    let mut names = Vec::new();
    match item {
        Item::Const(item) => names.push(ident_name(&item.ident)),
        Item::Static(item) => names.push(ident_name(&item.ident)),
        Item::Fn(item) => names.push(ident_name(&item.sig.ident)),
        Item::Struct(item) => names.push(ident_name(&item.ident)),
        Item::ExternCrate(item) => names.push(ident_name(
            item.rename
                .as_ref()
                .map_or(&item.ident, |(_, rename)| rename),
        )),
        Item::Use(item) if !use_tree_names(&item.tree, &mut names) => return None,
        // `unsafe extern { safe static p: &str; }` binds `p` in the block.
        Item::ForeignMod(block) => {
            for item in &block.items {
                match item {
                    syn::ForeignItem::Static(item) => names.push(ident_name(&item.ident)),
                    syn::ForeignItem::Fn(item) => names.push(ident_name(&item.sig.ident)),
                    syn::ForeignItem::Macro(_) | syn::ForeignItem::Verbatim(_) => return None,
                    _ => {}
                }
            }
        }
        // A macro call among the items may expand to any item.
        Item::Macro(item) if item.ident.is_none() => return None,
        _ => {}
    }
    Some(names)
}

/// The names a `use` tree binds; `false` when it holds a glob.
fn use_tree_names(tree: &syn::UseTree, names: &mut Vec<String>) -> bool {
    match tree {
        syn::UseTree::Path(path) => use_tree_names(&path.tree, names),
        syn::UseTree::Name(name) => {
            names.push(ident_name(&name.ident));
            true
        }
        syn::UseTree::Rename(rename) => {
            names.push(ident_name(&rename.rename));
            true
        }
        syn::UseTree::Glob(_) => false,
        syn::UseTree::Group(group) => group.items.iter().all(|tree| use_tree_names(tree, names)),
    }
}

// Input:  write(true)   clone_from(&w)   writable()    Output: true
// Input:  read(true)    write(false)     open(p)       Output: false
/// Whether a method called on a builder may set a write flag: fail closed,
/// any method that is not known to set none does. `open` sets nothing: it
/// ends an `OpenOptions` chain. A `mode` counts unless it is a literal that
/// leaves its owner all rights: on a `DirBuilder`, a directory its owner
/// cannot list or enter cannot be emptied by a temp directory's cleanup.
pub fn may_set_write_flag(method: &str, first_arg: Option<&Expr>) -> bool {
    if crate::ops::WRITE_FLAGS.contains(&method) {
        return !first_arg.is_some_and(is_literal_false);
    }
    if method == "mode" {
        return !first_arg.is_some_and(|mode| literal_mode(mode).is_some_and(owner_has_all));
    }
    method != "open" && !crate::ops::NEUTRAL_BUILDER_METHODS.contains(&method)
}

// Input:  0o755   0o700u32    Output: Some(0o755), Some(0o700)
/// The value of an integer literal, where a mode is written as one.
pub fn literal_mode(expr: &Expr) -> Option<u32> {
    match expr {
        Expr::Lit(ExprLit {
            lit: syn::Lit::Int(int),
            ..
        }) => int.base10_parse().ok(),
        Expr::Paren(paren) => literal_mode(&paren.expr),
        Expr::Group(group) => literal_mode(&group.expr),
        _ => None,
    }
}

/// Whether a Unix mode lets its owner read, write and enter.
pub fn owner_has_all(mode: u32) -> bool {
    mode & 0o700 == 0o700
}

// Input:  o.open(p).map(drop)        Output: true (a `File`, not `o`)
// Input:  o.create(c).write(true)    Output: false
/// Whether a receiver chain ends a builder before the method on it: its
/// value is what `open` returned. (`create` may be an `OpenOptions` flag;
/// a `DirBuilder`'s always counts as a write.)
pub fn ends_builder(mut receiver: &Expr) -> bool {
    loop {
        match receiver {
            Expr::MethodCall(call) => {
                if call.method == "open" {
                    return true;
                }
                receiver = &call.receiver;
            }
            Expr::Paren(paren) => receiver = &paren.expr,
            _ => return false,
        }
    }
}

/// `false`, as written.
pub fn is_literal_false(expr: &Expr) -> bool {
    match expr {
        Expr::Group(group) => is_literal_false(&group.expr),
        _ => matches!(expr, Expr::Lit(ExprLit { lit: Lit::Bool(b), .. }) if !b.value),
    }
}

// Input:  o.open(p)    d.create(p)    o.create(true)
// Output: true         true           false: a flag
/// Whether a method call may end a builder chain: a terminal's name with
/// one argument that is not a flag's literal.
pub fn is_terminal_call(call: &syn::ExprMethodCall) -> bool {
    let flag = matches!(
        call.args.first(),
        Some(Expr::Lit(ExprLit {
            lit: Lit::Bool(_),
            ..
        }))
    );
    call.args.len() == 1 && !flag && crate::ops::Builder::is_terminal(&ident_name(&call.method))
}

/// The span of a path's last name, where rustc points at a call.
pub fn last_ident_span(path: &syn::Path) -> Span {
    path.segments
        .last()
        .map_or_else(Span::call_site, |segment| segment.ident.span())
}

/// A path as written, without `r#`: `NamedTempFile::persist`.
pub fn path_text(path: &syn::Path) -> String {
    segment_names(path).join("::")
}

/// The outer attributes of an expression, where it has them.
pub fn expr_attrs_mut(expr: &mut Expr) -> Option<&mut Vec<Attribute>> {
    Some(match expr {
        Expr::Array(e) => &mut e.attrs,
        Expr::Assign(e) => &mut e.attrs,
        Expr::Async(e) => &mut e.attrs,
        Expr::Await(e) => &mut e.attrs,
        Expr::Binary(e) => &mut e.attrs,
        Expr::Block(e) => &mut e.attrs,
        Expr::Break(e) => &mut e.attrs,
        Expr::Call(e) => &mut e.attrs,
        Expr::Cast(e) => &mut e.attrs,
        Expr::Closure(e) => &mut e.attrs,
        Expr::Const(e) => &mut e.attrs,
        Expr::Continue(e) => &mut e.attrs,
        Expr::Field(e) => &mut e.attrs,
        Expr::ForLoop(e) => &mut e.attrs,
        Expr::Group(e) => &mut e.attrs,
        Expr::If(e) => &mut e.attrs,
        Expr::Index(e) => &mut e.attrs,
        Expr::Infer(e) => &mut e.attrs,
        Expr::Let(e) => &mut e.attrs,
        Expr::Lit(e) => &mut e.attrs,
        Expr::Loop(e) => &mut e.attrs,
        Expr::Macro(e) => &mut e.attrs,
        Expr::Match(e) => &mut e.attrs,
        Expr::MethodCall(e) => &mut e.attrs,
        Expr::Paren(e) => &mut e.attrs,
        Expr::Path(e) => &mut e.attrs,
        Expr::Range(e) => &mut e.attrs,
        Expr::RawAddr(e) => &mut e.attrs,
        Expr::Reference(e) => &mut e.attrs,
        Expr::Repeat(e) => &mut e.attrs,
        Expr::Return(e) => &mut e.attrs,
        Expr::Struct(e) => &mut e.attrs,
        Expr::Try(e) => &mut e.attrs,
        Expr::TryBlock(e) => &mut e.attrs,
        Expr::Tuple(e) => &mut e.attrs,
        Expr::Unary(e) => &mut e.attrs,
        Expr::Unsafe(e) => &mut e.attrs,
        Expr::While(e) => &mut e.attrs,
        Expr::Yield(e) => &mut e.attrs,
        _ => return None,
    })
}
