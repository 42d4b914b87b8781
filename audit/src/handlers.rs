//! Which functions are web handlers, for `--scope handlers`.
//!
//! By syntax, as the rest of the audit: a function is a handler when it
//! carries a route attribute (actix-web's and rocket's `#[get("/")]`,
//! `#[post(..)]`, `#[route(..)]`, …, or axum's `#[debug_handler]`), or when
//! its name is passed to axum's routing: `get(upload)`,
//! `.route("/", post(upload))`, `get(a).post(b)`, `MethodRouter` builders
//! and `on(MethodFilter::PUT, upload)`. Routing and handlers often live in
//! different files, so names are collected over the whole crate first and
//! matched by the function's own name, not its path.

use std::collections::HashSet;

use syn::visit::{self, Visit};
use syn::{Attribute, Expr};

use ephemeral_fs_core::syntax::{ident_name, segment_names};

/// axum's routing functions and `MethodRouter` methods that take a handler,
/// and the attribute names of actix-web's and rocket's route macros.
const METHODS: &[&str] = &[
    "get", "post", "put", "delete", "patch", "head", "options", "trace", "connect",
];

/// Router methods that take a handler besides the method ones.
const ROUTER_METHODS: &[&str] = &["route", "fallback", "on", "any"];

/// Whether an attribute marks a handler: `#[get("/")]`,
/// `#[actix_web::post("/")]`, `#[rocket::route(GET, uri = "/")]`,
/// `#[axum::debug_handler]`.
pub fn is_handler_attr(attr: &Attribute) -> bool {
    attr.path().segments.last().is_some_and(|segment| {
        let name = ident_name(&segment.ident);
        METHODS.contains(&name.as_str()) || matches!(name.as_str(), "route" | "debug_handler")
    })
}

/// The names of the functions a file passes to axum's routing.
pub fn routed_names(file: &syn::File) -> HashSet<String> {
    let mut routes = Routes::default();
    routes.visit_file(file);
    routes.0
}

#[derive(Default)]
struct Routes(HashSet<String>);

impl Routes {
    /// A handler argument: a path to a function (`upload`,
    /// `handlers::upload`, `Self::upload`). Constants such as
    /// `MethodFilter::GET` are not functions.
    fn add_handler(&mut self, expr: &Expr) {
        if let Expr::Path(path) = expr {
            if let Some(last) = path.path.segments.last() {
                let name = ident_name(&last.ident);
                if !name.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
                    self.0.insert(name);
                }
            }
        }
    }
}

impl<'ast> Visit<'ast> for Routes {
    // Input: get(upload), routing::post(upload), on(MethodFilter::GET, upload)
    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if let Expr::Path(callee) = &*call.func {
            let name = callee
                .path
                .segments
                .last()
                .map(|s| ident_name(&s.ident))
                .unwrap_or_default();
            if METHODS.contains(&name.as_str()) || matches!(name.as_str(), "any" | "on") {
                for arg in &call.args {
                    self.add_handler(arg);
                }
            }
        }
        visit::visit_expr_call(self, call);
    }

    // Input: get(a).post(b), Router::new().route("/", get(a)).fallback(c)
    // A method call counts only in a chain that routing starts, so that
    // `map.get(key)` does not make `key` a handler.
    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        let name = ident_name(&call.method);
        let takes_handler =
            METHODS.contains(&name.as_str()) || ROUTER_METHODS.contains(&name.as_str());
        if takes_handler && is_routing_chain(&call.receiver) {
            for arg in &call.args {
                self.add_handler(arg);
            }
        }
        visit::visit_expr_method_call(self, call);
    }
}

/// Whether a receiver chain starts at `Router::new()`, `MethodRouter::new()`
/// or a routing function, or already routes (`.route(..)`).
fn is_routing_chain(mut expr: &Expr) -> bool {
    loop {
        match expr {
            Expr::MethodCall(call) => {
                let name = ident_name(&call.method);
                if name == "route" || name == "nest" || name == "merge" {
                    return true;
                }
                expr = &call.receiver;
            }
            Expr::Paren(paren) => expr = &paren.expr,
            Expr::Call(call) => {
                let Expr::Path(callee) = &*call.func else {
                    return false;
                };
                let names = segment_names(&callee.path);
                return match names.as_slice() {
                    [.., owner, new] if new == "new" => {
                        owner == "Router" || owner == "MethodRouter"
                    }
                    [.., last] => METHODS.contains(&last.as_str()) || last == "any" || last == "on",
                    [] => false,
                };
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(file: syn::File) -> Vec<String> {
        let mut names: Vec<String> = routed_names(&file).into_iter().collect();
        names.sort();
        names
    }

    #[test]
    fn finds_axum_handlers() {
        let file: syn::File = syn::parse_quote! {
            fn app() -> Router {
                Router::new()
                    .route("/a", get(list).post(handlers::create))
                    .route("/b", on(MethodFilter::PUT, replace))
                    .route("/c", MethodRouter::new().delete(remove))
                    .fallback(not_found)
            }
            fn other(map: HashMap<u8, u8>, key: u8) {
                map.get(key);
                cache.get(&key).post(entry);
            }
        };
        assert_eq!(
            names(file),
            ["create", "list", "not_found", "remove", "replace"]
        );
    }

    #[test]
    fn knows_route_attributes() {
        let handler: syn::ItemFn = syn::parse_quote! {
            #[actix_web::post("/uploads")]
            async fn upload() {}
        };
        assert!(handler.attrs.iter().any(is_handler_attr));
        let debugged: syn::ItemFn = syn::parse_quote! {
            #[axum::debug_handler]
            async fn upload() {}
        };
        assert!(debugged.attrs.iter().any(is_handler_attr));
        let helper: syn::ItemFn = syn::parse_quote! {
            #[inline]
            fn helper() {}
        };
        assert!(!helper.attrs.iter().any(is_handler_attr));
    }
}
