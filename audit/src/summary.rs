//! What the call graph needs of one parsed file: its modules, imports,
//! types, functions, the calls each function makes and the handlers it
//! routes. Plain data without spans, so that files parsed on different
//! threads can be put together in one graph.
//!
//! Input:
//!     mod store;
//!     use store::save;
//!     #[post("/up")]
//!     async fn upload(body: Bytes) { save(&body).await; tokio::spawn(async { log() }); }
//! Output:
//!     children: [store (file)], uses: [save = store::save],
//!     functions: [upload: route attribute of actix-web and rocket,
//!                 calls: save, tokio::spawn, log]

use std::collections::{HashMap, HashSet};

use proc_macro2::LineColumn;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{Attribute, Expr, ImplItem, Item, Pat, TraitItem, Type, UseTree};

use ephemeral_fs_core::args;
use ephemeral_fs_core::syntax::{ident_name, segment_names};

use crate::frameworks::{self, Rows};

/// A line (from 1) and a column (in characters, from 0), as proc-macro2
/// gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl From<LineColumn> for Position {
    fn from(at: LineColumn) -> Self {
        Position {
            line: at.line,
            column: at.column,
        }
    }
}

/// Where an item is, attributes and doc comments included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemSpan {
    pub start: Position,
    pub end: Position,
}

impl ItemSpan {
    fn of(node: &impl Spanned) -> Self {
        let span = node.span();
        ItemSpan {
            start: span.start().into(),
            end: span.end().into(),
        }
    }
}

#[derive(Debug, Default)]
pub struct FileSummary {
    pub module: ModuleSummary,
    /// Functions in test code (`#[cfg(test)]` modules, `#[test]`
    /// functions) that were left out.
    pub left_out: usize,
}

impl FileSummary {
    /// Every function of the file, inline modules included.
    pub fn functions(&self) -> impl Iterator<Item = &FnSummary> {
        let mut all = Vec::new();
        self.module.collect_functions(&mut all);
        all.into_iter()
    }
}

impl ModuleSummary {
    fn collect_functions<'a>(&'a self, all: &mut Vec<&'a FnSummary>) {
        all.extend(&self.functions);
        for child in &self.children {
            if let ChildModule::Inline { module, .. } = &child.module {
                module.collect_functions(all);
            }
        }
    }
}

#[derive(Debug, Default)]
pub struct ModuleSummary {
    pub children: Vec<Child>,
    pub uses: Vec<Use>,
    /// Structs, enums, unions, type aliases and traits.
    pub types: Vec<String>,
    /// Free functions, methods and trait methods with a default body.
    pub functions: Vec<FnSummary>,
    pub impls: Vec<ImplSummary>,
}

#[derive(Debug)]
pub struct Child {
    pub name: String,
    pub module: ChildModule,
}

#[derive(Debug)]
pub enum ChildModule {
    Inline {
        module: ModuleSummary,
        /// The inline module's own span, for an attribute on it.
        item: ItemSpan,
        /// It declares file modules (`mod a { mod b; }`).
        declares_files: bool,
    },
    /// `mod name;`, with its `#[path]` if any.
    File { path: Option<String> },
}

/// `use a::b as c;` is `c` for `a::b`; `use a::*;` is a glob of `a`.
#[derive(Debug, Clone)]
pub struct Use {
    pub alias: String,
    pub path: Vec<String>,
    pub glob: bool,
}

#[derive(Debug)]
pub struct ImplSummary {
    /// The last segment of the type: `Store` for `impl<T> Save for Store<T>`.
    pub self_ty: String,
    /// The last segment of the trait, for a trait impl.
    pub trait_name: Option<String>,
    /// The frameworks for which its methods are handlers.
    pub handler: Rows,
    pub item: ItemSpan,
    pub annotated: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FnKind {
    Free,
    /// In an impl: `impls[index]` of its module.
    Method {
        impl_index: usize,
    },
    /// A default body in a trait.
    TraitDefault,
}

#[derive(Debug)]
pub struct FnSummary {
    pub name: String,
    /// The name's position: what identifies the function in its file.
    pub at: Position,
    /// The whole item, attributes included.
    pub item: ItemSpan,
    pub kind: FnKind,
    /// The trait, for a trait's default method.
    pub trait_name: Option<String>,
    pub is_const: bool,
    /// An `#[ephemeral_fs]` covers it: its own, or its impl's, trait's or
    /// inline module's.
    pub annotated: bool,
    /// The frameworks whose route attribute it carries.
    pub route: Rows,
    pub calls: Vec<Call>,
    /// Functions it hands to a router.
    pub routes: Vec<Route>,
}

#[derive(Debug)]
pub struct Call {
    pub line: usize,
    pub callee: Callee,
}

#[derive(Debug)]
pub enum Callee {
    /// A call or a function used as a value: `store::save(..)`, `.map(save)`.
    Path(Vec<String>),
    /// `receiver.name(..)`.
    Method {
        name: String,
        /// The receiver is `self`.
        on_self: bool,
        /// The receiver is a local whose type is in sight: the type's last
        /// segment.
        receiver_type: Option<String>,
        /// The receiver is visibly not of the crate's types: a literal, a
        /// `String`, a std collection, a local of such a type.
        foreign: bool,
        /// The path of the call the receiver chain starts with
        /// (`reqwest::Client::new()` in `reqwest::Client::new().get(..)`),
        /// to tell a dependency's types once paths are resolved.
        root: Option<Vec<String>>,
    },
}

#[derive(Debug)]
pub struct Route {
    pub line: usize,
    pub path: Vec<String>,
    pub rows: Rows,
}

/// Summarizes a parsed file; test code is left out unless `include_tests`.
pub fn summarize(file: &syn::File, include_tests: bool) -> FileSummary {
    let mut summary = FileSummary::default();
    let mut summarizer = Summarizer {
        include_tests,
        left_out: 0,
    };
    summary.module = summarizer.module(&file.items, false);
    summary.left_out = summarizer.left_out;
    summary
}

struct Summarizer {
    include_tests: bool,
    left_out: usize,
}

impl Summarizer {
    fn module(&mut self, items: &[Item], annotated: bool) -> ModuleSummary {
        let mut module = ModuleSummary::default();
        for item in items {
            self.item(item, annotated, &mut module);
        }
        module
    }

    fn item(&mut self, item: &Item, annotated: bool, module: &mut ModuleSummary) {
        match item {
            Item::Fn(function) => {
                if self.left_out_test(&function.attrs, 1) {
                    return;
                }
                module.functions.push(FnSummary::new(
                    ident_name(&function.sig.ident),
                    function,
                    &function.attrs,
                    &function.sig,
                    &function.block,
                    annotated,
                    FnKind::Free,
                ));
            }
            Item::Impl(item_impl) => {
                if self.left_out_test(&item_impl.attrs, count_impl_fns(item_impl)) {
                    return;
                }
                let annotated = annotated || has_ephemeral_fs(&item_impl.attrs);
                let trait_name = item_impl
                    .trait_
                    .as_ref()
                    .and_then(|(path, _)| path.segments.last())
                    .map(|s| ident_name(&s.ident));
                let mut handler = Rows::NONE;
                if let Some(name) = &trait_name {
                    handler = handler.or(frameworks::handler_trait(name));
                }
                for attr in &item_impl.attrs {
                    let path = segment_names(attr.path()).join("::");
                    handler = handler.or(frameworks::impl_attribute(&path));
                }
                let impl_index = module.impls.len();
                module.impls.push(ImplSummary {
                    self_ty: type_name(&item_impl.self_ty),
                    trait_name,
                    handler,
                    item: ItemSpan::of(item_impl),
                    annotated,
                });
                for impl_item in &item_impl.items {
                    if let ImplItem::Fn(method) = impl_item {
                        if self.left_out_test(&method.attrs, 1) {
                            continue;
                        }
                        module.functions.push(FnSummary::new(
                            ident_name(&method.sig.ident),
                            method,
                            &method.attrs,
                            &method.sig,
                            &method.block,
                            annotated,
                            FnKind::Method { impl_index },
                        ));
                    }
                }
            }
            Item::Trait(item_trait) => {
                let name = ident_name(&item_trait.ident);
                module.types.push(name.clone());
                let annotated = annotated || has_ephemeral_fs(&item_trait.attrs);
                for trait_item in &item_trait.items {
                    if let TraitItem::Fn(method) = trait_item {
                        if let Some(block) = &method.default {
                            let mut function = FnSummary::new(
                                ident_name(&method.sig.ident),
                                method,
                                &method.attrs,
                                &method.sig,
                                block,
                                annotated,
                                FnKind::TraitDefault,
                            );
                            function.trait_name = Some(name.clone());
                            module.functions.push(function);
                        }
                    }
                }
            }
            Item::Mod(item_mod) => {
                let name = ident_name(&item_mod.ident);
                let test = is_cfg_test(&item_mod.attrs);
                match &item_mod.content {
                    Some((_, items)) => {
                        if test && !self.include_tests {
                            self.left_out += count_fns(items);
                            return;
                        }
                        let annotated = annotated || has_ephemeral_fs(&item_mod.attrs);
                        let declares_files = items
                            .iter()
                            .any(|item| matches!(item, Item::Mod(m) if m.content.is_none()));
                        let child = self.module(items, annotated);
                        module.children.push(Child {
                            name,
                            module: ChildModule::Inline {
                                module: child,
                                item: ItemSpan::of(item_mod),
                                declares_files,
                            },
                        });
                    }
                    None => {
                        // A test module in its own file is not read.
                        if test && !self.include_tests {
                            return;
                        }
                        module.children.push(Child {
                            name,
                            module: ChildModule::File {
                                path: path_attr(&item_mod.attrs),
                            },
                        });
                    }
                }
            }
            Item::Use(item_use) => flatten_use(&item_use.tree, Vec::new(), &mut module.uses),
            Item::Struct(item) => module.types.push(ident_name(&item.ident)),
            Item::Enum(item) => module.types.push(ident_name(&item.ident)),
            Item::Union(item) => module.types.push(ident_name(&item.ident)),
            Item::Type(item) => module.types.push(ident_name(&item.ident)),
            _ => {}
        }
    }

    /// Whether test code is left out here, counting its functions.
    fn left_out_test(&mut self, attrs: &[Attribute], functions: usize) -> bool {
        let test = attrs.iter().any(is_test_attr) || is_cfg_test(attrs);
        if test && !self.include_tests {
            self.left_out += functions;
            return true;
        }
        false
    }
}

impl FnSummary {
    fn new(
        name: String,
        item: &impl Spanned,
        attrs: &[Attribute],
        sig: &syn::Signature,
        block: &syn::Block,
        around: bool,
        kind: FnKind,
    ) -> Self {
        let route = attrs.iter().fold(Rows::NONE, |rows, attr| {
            let last = attr.path().segments.last().map(|s| ident_name(&s.ident));
            rows.or(last.map_or(Rows::NONE, |last| frameworks::route_attribute(&last)))
        });
        let mut body = Body::default();
        for input in &sig.inputs {
            if let syn::FnArg::Typed(typed) = input {
                if let Pat::Ident(pat) = &*typed.pat {
                    if is_foreign_type(&typed.ty) {
                        body.foreign_locals.insert(ident_name(&pat.ident));
                    } else if let Some(ty) = own_type(&typed.ty) {
                        body.typed_locals.insert(ident_name(&pat.ident), ty);
                    }
                }
                body.locals.extend(pat_names(&typed.pat));
            }
        }
        body.visit_block(block);
        FnSummary {
            name,
            at: sig.ident.span().start().into(),
            item: ItemSpan::of(item),
            kind,
            trait_name: None,
            is_const: sig.constness.is_some(),
            annotated: around || has_ephemeral_fs(attrs),
            route,
            calls: body.calls,
            routes: body.routes,
        }
    }
}

/// The calls and routes of one body.
#[derive(Default)]
struct Body {
    calls: Vec<Call>,
    routes: Vec<Route>,
    /// Names bound in the body or the signature: a single-segment path to
    /// one of them is a variable, not a function.
    locals: HashSet<String>,
    /// Locals of a visibly foreign type.
    foreign_locals: HashSet<String>,
    /// Locals whose type is in sight and may be the crate's: `store: Store`,
    /// `let paste = Paste::new(..)?`, `let p = Paste { .. }`.
    typed_locals: HashMap<String, String>,
}

impl Body {
    fn route_args<'a>(&mut self, args: impl IntoIterator<Item = &'a Expr>, rows: Rows) {
        if rows.is_empty() {
            return;
        }
        for arg in args {
            if let Expr::Path(path) = arg {
                self.routes.push(Route {
                    line: path.span().start().line,
                    path: segment_names(&path.path),
                    rows,
                });
            }
        }
    }

    /// The rows whose routing chain `expr` is: a constructor or routing
    /// function at its root, or a builder method along it.
    fn chain_rows(expr: &Expr) -> Rows {
        match expr {
            Expr::MethodCall(call) => frameworks::builder_method(&ident_name(&call.method))
                .or(Body::chain_rows(&call.receiver)),
            Expr::Paren(paren) => Body::chain_rows(&paren.expr),
            Expr::Call(call) => match &*call.func {
                Expr::Path(callee) => {
                    let names = segment_names(&callee.path);
                    let last = names.last().cloned().unwrap_or_default();
                    frameworks::router_constructor(&names).or(frameworks::routing_function(&last))
                }
                _ => Rows::NONE,
            },
            Expr::Macro(mac) => frameworks::router_constructor(&segment_names(&mac.mac.path)),
            _ => Rows::NONE,
        }
    }
}

impl<'ast> Visit<'ast> for Body {
    // Input: store::save(&body), Self::load(id), Paste(id)
    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if let Expr::Path(callee) = &*call.func {
            let names = segment_names(&callee.path);
            if let Some(last) = names.last() {
                self.route_args(&call.args, frameworks::routing_function(last));
            }
            self.record_path(&callee.path, callee.span().start().line);
            for arg in &call.args {
                self.visit_expr(arg);
            }
            return;
        }
        visit::visit_expr_call(self, call);
    }

    // Input: .map(save), let f = store::save;
    fn visit_expr_path(&mut self, path: &'ast syn::ExprPath) {
        self.record_path(&path.path, path.span().start().line);
    }

    // Input: self.save(..), store.save(..), "x".to_owned()
    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        let name = ident_name(&call.method);
        let chain = frameworks::builder_method(&name).and(Body::chain_rows(&call.receiver));
        self.route_args(&call.args, chain.or(frameworks::any_receiver_method(&name)));
        let on_self = matches!(&*call.receiver, Expr::Path(p) if p.path.is_ident("self"));
        let receiver_type = match &*call.receiver {
            Expr::Path(p) => p
                .path
                .get_ident()
                .and_then(|ident| self.typed_locals.get(&ident_name(ident)))
                .cloned(),
            _ => None,
        };
        self.calls.push(Call {
            line: call.method.span().start().line,
            callee: Callee::Method {
                name,
                on_self,
                receiver_type,
                foreign: is_foreign(&call.receiver, &self.foreign_locals),
                root: chain_root(&call.receiver),
            },
        });
        visit::visit_expr_method_call(self, call);
    }

    // Input: let name: String = ..; let body = format!(..);
    fn visit_local(&mut self, local: &'ast syn::Local) {
        let (pat, ty) = match &local.pat {
            Pat::Type(typed) => (&*typed.pat, Some(&*typed.ty)),
            pat => (pat, None),
        };
        if let Pat::Ident(ident) = pat {
            let foreign = ty.is_some_and(is_foreign_type)
                || local
                    .init
                    .as_ref()
                    .is_some_and(|init| is_foreign(&init.expr, &self.foreign_locals));
            let name = ident_name(&ident.ident);
            let typed = ty.and_then(own_type).or_else(|| {
                local
                    .init
                    .as_ref()
                    .and_then(|init| constructed_type(&init.expr))
            });
            if foreign {
                self.foreign_locals.insert(name);
            } else if let Some(typed) = typed {
                self.typed_locals.insert(name, typed);
            }
        }
        self.locals.extend(pat_names(&local.pat));
        visit::visit_local(self, local);
    }

    fn visit_expr_closure(&mut self, closure: &'ast syn::ExprClosure) {
        for input in &closure.inputs {
            self.locals.extend(pat_names(input));
        }
        visit::visit_expr_closure(self, closure);
    }

    // Macros' arguments are often expressions (`format!("{}", f(x))`,
    // `routes![a, b::c]`): read them as such where they parse.
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let Ok(args) = mac.parse_body_with(Punctuated::<Expr, syn::Token![,]>::parse_terminated)
        else {
            return;
        };
        if let Some(last) = mac.path.segments.last() {
            self.route_args(&args, frameworks::handler_macro(&ident_name(&last.ident)));
        }
        for arg in &args {
            self.visit_expr(arg);
        }
    }
}

impl Body {
    /// A path that may name a function: not a local variable, not a
    /// constant, unit struct or variant (`MAX`, `Ok`).
    fn record_path(&mut self, path: &syn::Path, line: usize) {
        let names = segment_names(path);
        let Some(last) = names.last() else {
            return;
        };
        if names.len() == 1 && (self.locals.contains(last) || last == "self") {
            return;
        }
        if last.starts_with(|c: char| c.is_ascii_uppercase()) {
            return;
        }
        self.calls.push(Call {
            line,
            callee: Callee::Path(names),
        });
    }
}

fn pat_names(pat: &Pat) -> Vec<String> {
    #[derive(Default)]
    struct Names(Vec<String>);
    impl<'ast> Visit<'ast> for Names {
        fn visit_pat_ident(&mut self, pat: &'ast syn::PatIdent) {
            self.0.push(ident_name(&pat.ident));
            visit::visit_pat_ident(self, pat);
        }
    }
    let mut names = Names::default();
    names.visit_pat(pat);
    names.0
}

/// Types a method call on which is std's or a dependency's, never the
/// crate's.
const STD_TYPES: &[&str] = &[
    "String",
    "Vec",
    "HashMap",
    "HashSet",
    "BTreeMap",
    "BTreeSet",
    "VecDeque",
    "PathBuf",
    "Path",
    "OsString",
    "OsStr",
    "Box",
    "Arc",
    "Rc",
    "Option",
    "Result",
    "Cow",
    "Duration",
    "Instant",
    "SystemTime",
    "Some",
    "Ok",
    "Err",
    "str",
    "bool",
    "char",
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "f32",
    "f64",
    "Bytes",
    "Uuid",
];

/// Methods whose result is a std type, whatever their receiver.
const STD_RESULT_METHODS: &[&str] = &[
    "to_string",
    "to_owned",
    "to_vec",
    "iter",
    "iter_mut",
    "into_iter",
    "chars",
    "bytes",
    "lines",
    "split",
    "as_str",
    "as_bytes",
    "keys",
    "values",
    "len",
    "to_lowercase",
    "to_uppercase",
    "trim",
    "to_path_buf",
    "to_string_lossy",
    "to_str",
    "display",
    "file_name",
    "extension",
];

const STD_ROOTS: &[&str] = &["std", "core", "alloc"];

/// Whether a receiver is visibly not of the crate's own types.
fn is_foreign(expr: &Expr, foreign_locals: &HashSet<String>) -> bool {
    match expr {
        Expr::Lit(_) | Expr::Array(_) | Expr::Tuple(_) | Expr::Range(_) => true,
        Expr::Macro(mac) => mac.mac.path.segments.last().is_some_and(|s| {
            matches!(
                ident_name(&s.ident).as_str(),
                "format" | "vec" | "concat" | "include_str" | "include_bytes" | "env"
            )
        }),
        Expr::Path(path) => {
            let names = segment_names(&path.path);
            names.len() == 1 && foreign_locals.contains(&names[0])
        }
        Expr::Call(call) => match &*call.func {
            Expr::Path(callee) => {
                let names = segment_names(&callee.path);
                names
                    .first()
                    .is_some_and(|f| STD_ROOTS.contains(&f.as_str()))
                    || names.iter().rev().nth(1).map_or_else(
                        || names.len() == 1 && STD_TYPES.contains(&names[0].as_str()),
                        |owner| STD_TYPES.contains(&owner.as_str()),
                    )
            }
            _ => false,
        },
        Expr::MethodCall(call) => STD_RESULT_METHODS.contains(&ident_name(&call.method).as_str()),
        Expr::Paren(paren) => is_foreign(&paren.expr, foreign_locals),
        Expr::Reference(reference) => is_foreign(&reference.expr, foreign_locals),
        _ => false,
    }
}

fn is_foreign_type(ty: &Type) -> bool {
    match ty {
        Type::Reference(reference) => is_foreign_type(&reference.elem),
        Type::Slice(_) | Type::Array(_) | Type::Tuple(_) => true,
        Type::Path(path) => path.path.segments.last().is_some_and(|s| {
            let name = ident_name(&s.ident);
            STD_TYPES.contains(&name.as_str()) && !matches!(name.as_str(), "Arc" | "Box" | "Rc")
        }),
        _ => false,
    }
}

/// The type of `Store`, `&Store`, `&mut Store`, `Arc<Store>`: a type that
/// may be the crate's.
fn own_type(ty: &Type) -> Option<String> {
    match ty {
        Type::Reference(reference) => own_type(&reference.elem),
        Type::Path(path) => {
            let last = path.path.segments.last()?;
            let name = ident_name(&last.ident);
            if matches!(
                name.as_str(),
                "Arc" | "Box" | "Rc" | "Data" | "State" | "Extension"
            ) {
                // Smart pointers and extractors deref to their argument.
                if let syn::PathArguments::AngleBracketed(args) = &last.arguments {
                    if let Some(syn::GenericArgument::Type(inner)) = args.args.first() {
                        return own_type(inner);
                    }
                }
                return None;
            }
            (!STD_TYPES.contains(&name.as_str())).then_some(name)
        }
        _ => None,
    }
}

/// The type a local's initializer visibly builds: `Paste { .. }`,
/// `Paste::new(..)`, through `?`, `.await`, `.unwrap()` and `.expect(..)`.
/// A constructor may return another type; the graph falls back to the
/// method's name when the type has no such method.
fn constructed_type(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Struct(init) => init.path.segments.last().map(|s| ident_name(&s.ident)),
        Expr::Call(call) => match &*call.func {
            Expr::Path(callee) => {
                let names = segment_names(&callee.path);
                let owner = names.iter().rev().nth(1)?;
                (owner.starts_with(|c: char| c.is_ascii_uppercase())
                    && owner != "Self"
                    && !STD_TYPES.contains(&owner.as_str()))
                .then(|| owner.clone())
            }
            _ => None,
        },
        Expr::Try(inner) => constructed_type(&inner.expr),
        Expr::Await(inner) => constructed_type(&inner.base),
        Expr::Paren(inner) => constructed_type(&inner.expr),
        Expr::MethodCall(call)
            if matches!(ident_name(&call.method).as_str(), "unwrap" | "expect") =>
        {
            constructed_type(&call.receiver)
        }
        _ => None,
    }
}

/// The path of the call or path a receiver chain starts with.
fn chain_root(mut expr: &Expr) -> Option<Vec<String>> {
    loop {
        match expr {
            Expr::MethodCall(call) => expr = &call.receiver,
            Expr::Await(expr_await) => expr = &expr_await.base,
            Expr::Try(expr_try) => expr = &expr_try.expr,
            Expr::Paren(paren) => expr = &paren.expr,
            Expr::Call(call) => {
                return match &*call.func {
                    Expr::Path(callee) if callee.path.segments.len() > 1 => {
                        Some(segment_names(&callee.path))
                    }
                    _ => None,
                };
            }
            _ => return None,
        }
    }
}

fn flatten_use(tree: &UseTree, mut prefix: Vec<String>, out: &mut Vec<Use>) {
    match tree {
        UseTree::Path(path) => {
            prefix.push(ident_name(&path.ident));
            flatten_use(&path.tree, prefix, out);
        }
        UseTree::Name(name) => {
            let name = ident_name(&name.ident);
            // `use a::b::{self}` imports `b`.
            let alias = if name == "self" {
                prefix.last().cloned().unwrap_or_default()
            } else {
                prefix.push(name.clone());
                name
            };
            out.push(Use {
                alias,
                path: prefix,
                glob: false,
            });
        }
        UseTree::Rename(rename) => {
            let name = ident_name(&rename.ident);
            if name != "self" {
                prefix.push(name);
            }
            out.push(Use {
                alias: ident_name(&rename.rename),
                path: prefix,
                glob: false,
            });
        }
        UseTree::Glob(_) => out.push(Use {
            alias: String::new(),
            path: prefix,
            glob: true,
        }),
        UseTree::Group(group) => {
            for tree in &group.items {
                flatten_use(tree, prefix.clone(), out);
            }
        }
    }
}

fn has_ephemeral_fs(attrs: &[Attribute]) -> bool {
    attrs.iter().any(args::is_ephemeral_fs_attr)
}

/// `#[test]`, `#[tokio::test]`, `#[actix_web::test]`, `#[rstest]`,
/// `#[test_case(..)]`, `#[bench]`.
pub fn is_test_attr(attr: &Attribute) -> bool {
    attr.path().segments.last().is_some_and(|s| {
        matches!(
            ident_name(&s.ident).as_str(),
            "test" | "rstest" | "test_case" | "bench" | "async_test"
        )
    })
}

/// `#[cfg(test)]`, and `cfg(all(test, ..))`: code that exists only in test
/// builds.
pub fn is_cfg_test(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| {
        if !attr.path().is_ident("cfg") {
            return false;
        }
        let Ok(meta) = attr.parse_args::<syn::Meta>() else {
            return false;
        };
        meta_requires_test(&meta)
    })
}

fn meta_requires_test(meta: &syn::Meta) -> bool {
    match meta {
        syn::Meta::Path(path) => path.is_ident("test"),
        syn::Meta::List(list) if list.path.is_ident("all") => list
            .parse_args_with(Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated)
            .is_ok_and(|metas| metas.iter().any(meta_requires_test)),
        _ => false,
    }
}

fn path_attr(attrs: &[Attribute]) -> Option<String> {
    attrs.iter().find_map(|attr| {
        let syn::Meta::NameValue(nv) = &attr.meta else {
            return None;
        };
        if !nv.path.is_ident("path") {
            return None;
        }
        match &nv.value {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Some(s.value()),
            _ => None,
        }
    })
}

/// `Uploads` for `impl Uploads`, `impl<T> Store for Uploads<T>`, `&Uploads`.
pub fn type_name(ty: &Type) -> String {
    match ty {
        Type::Path(path) => path
            .path
            .segments
            .last()
            .map_or_else(|| "impl".to_owned(), |s| ident_name(&s.ident)),
        Type::Reference(reference) => type_name(&reference.elem),
        _ => "impl".to_owned(),
    }
}

fn count_impl_fns(item_impl: &syn::ItemImpl) -> usize {
    item_impl
        .items
        .iter()
        .filter(|item| matches!(item, ImplItem::Fn(_)))
        .count()
}

/// Functions in items, nested modules included, for the count of what was
/// left out.
pub fn count_fns(items: &[Item]) -> usize {
    items
        .iter()
        .map(|item| match item {
            Item::Fn(_) => 1,
            Item::Impl(item_impl) => count_impl_fns(item_impl),
            Item::Trait(item_trait) => item_trait
                .items
                .iter()
                .filter(|item| matches!(item, TraitItem::Fn(f) if f.default.is_some()))
                .count(),
            Item::Mod(item_mod) => item_mod
                .content
                .as_ref()
                .map_or(0, |(_, items)| count_fns(items)),
            _ => 0,
        })
        .sum()
}
