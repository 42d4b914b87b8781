//! The code the rewrite emits. Every generated path is absolute into
//! `::ephemeral_fs::__private` and carries the span of the user's tokens it
//! replaces, so errors land there.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;
use syn::punctuated::Punctuated;
use syn::{Expr, ExprCall, ExprMethodCall, ExprPath, ExprReference, Ident, Stmt};

use crate::lints::{Level, Lint};

/// `::ephemeral_fs::__private::<name>`, spanned at `span`.
fn private_path(name: &str, span: Span) -> Expr {
    let mut segments = Punctuated::new();
    for segment in ["ephemeral_fs", "__private", name] {
        segments.push(syn::PathSegment::from(Ident::new(segment, span)));
    }
    Expr::Path(ExprPath {
        attrs: Vec::new(),
        qself: None,
        path: syn::Path {
            leading_colon: Some(syn::Token![::](span)),
            segments,
        },
    })
}

fn call(func: Expr, args: impl IntoIterator<Item = Expr>, span: Span) -> Expr {
    Expr::Call(ExprCall {
        attrs: Vec::new(),
        func: Box::new(func),
        paren_token: syn::token::Paren(span),
        args: args.into_iter().collect(),
    })
}

fn method(receiver: Expr, name: &str, span: Span) -> Expr {
    Expr::MethodCall(ExprMethodCall {
        attrs: Vec::new(),
        receiver: Box::new(receiver),
        dot_token: syn::Token![.](span),
        method: Ident::new(name, span),
        turbofish: None,
        paren_token: syn::token::Paren(span),
        args: Punctuated::new(),
    })
}

fn probe(value: Expr, span: Span) -> Expr {
    call(private_path("Probe", span), [value], span)
}

/// Whether a rewrite needs the probe fallback traits in scope.
/// A `warn` always goes through a probe; a `deny` only when a type probe
/// decides it (`temp_escape`, `tmp.path()`).
pub fn needs_probe_traits(level: Level, probed: bool) -> bool {
    level == Level::Warn || (level == Level::Deny && probed)
}

// Input:  fs::write(path, data)
// Output: fs::write(::ephemeral_fs::__private::persistent_write(path), data)        (deny)
//         fs::write(::ephemeral_fs::__private::Probe(path)
//                       .__ephemeral_fs_warn_persistent_write(), data)              (warn)
/// Wraps a path argument so that only temp-file handles pass.
/// `callee_span` is the user's callee, where rustc says "required by a bound
/// introduced by this call"; the argument keeps its own span.
pub fn guard_target(lint: Lint, level: Level, arg: Expr, callee_span: Span) -> Expr {
    let arg_span = syn::spanned::Spanned::span(&arg);
    match level {
        Level::Allow => arg,
        Level::Deny => call(private_path(lint.name(), callee_span), [arg], arg_span),
        // A deprecation warning has one span: the call's, as rustc's own
        // lints on calls do.
        Level::Warn => method(
            probe(arg, arg_span),
            &format!("__ephemeral_fs_warn_{}", lint.name()),
            callee_span,
        ),
    }
}

/// The probe method for `temp_escape` at `level`. The in-place variants
/// return a marker that does not borrow, so the receiver can then be moved.
// Input:  fs::write(tmp.path(), data)
// Output: fs::write(::ephemeral_fs::__private::Probe(&tmp)
//                       .__ephemeral_fs_deny_persistent_write_path(tmp.path()), data)
/// Guards `owner.path()`: the compiler lets it through when `owner` is a
/// `NamedTempFile` or `TempDir`, and demands a temp handle otherwise.
pub fn guard_path_of(lint: Lint, level: Level, owner: &Expr, arg: Expr, callee_span: Span) -> Expr {
    let borrowed = Expr::Reference(ExprReference {
        attrs: Vec::new(),
        and_token: syn::Token![&](callee_span),
        mutability: None,
        expr: Box::new(owner.clone()),
    });
    let level_name = if level == Level::Warn { "warn" } else { "deny" };
    let mut check = method(
        probe(borrowed, callee_span),
        &format!("__ephemeral_fs_{level_name}_{}_path", lint.name()),
        callee_span,
    );
    if let Expr::MethodCall(call) = &mut check {
        call.args.push(arg);
    }
    check
}

fn escape_method(level: Level, in_place: bool) -> &'static str {
    match (level, in_place) {
        (Level::Warn, false) => "__ephemeral_fs_warn_temp_escape",
        (Level::Warn, true) => "__ephemeral_fs_warn_temp_escape_in_place",
        (_, false) => "__ephemeral_fs_deny_temp_escape",
        (_, true) => "__ephemeral_fs_deny_temp_escape_in_place",
    }
}

// Input:  tmp.persist(dest)
// Output: ::ephemeral_fs::__private::after(
//             ::ephemeral_fs::__private::Probe(&tmp).__ephemeral_fs_deny_temp_escape_in_place(),
//             tmp.persist(dest))
/// Checks the type of a place receiver by borrowing it, then runs the call.
pub fn escape_by_place(level: Level, place: &Expr, whole_call: Expr, method_span: Span) -> Expr {
    let borrowed = Expr::Reference(ExprReference {
        attrs: Vec::new(),
        and_token: syn::Token![&](method_span),
        mutability: None,
        expr: Box::new(place.clone()),
    });
    let check = method(
        probe(borrowed, method_span),
        escape_method(level, true),
        method_span,
    );
    call(
        private_path("after", method_span),
        [check, whole_call],
        method_span,
    )
}

// Input:  NamedTempFile::new()?.keep()
// Output: ::ephemeral_fs::__private::Probe(NamedTempFile::new()?)
//             .__ephemeral_fs_deny_temp_escape().keep()
/// Passes a receiver that is not a place through a type check by value.
pub fn escape_by_value(level: Level, receiver: Expr, method_span: Span) -> Expr {
    method(
        probe(receiver, method_span),
        escape_method(level, false),
        method_span,
    )
}

// Input:  TempPath::from_path(path)
// Output: ::ephemeral_fs::__private::Probe(TempPath::from_path(path))
//             .__ephemeral_fs_deny_temp_adopt()
/// Checks the type of what a `from_path`-like constructor returns.
pub fn escape_by_result(level: Level, whole_call: Expr, span: Span) -> Expr {
    let name = match level {
        Level::Warn => "__ephemeral_fs_warn_temp_adopt",
        _ => "__ephemeral_fs_deny_temp_adopt",
    };
    method(probe(whole_call, span), name, span)
}

// Input:  paths.iter().try_for_each(fs::remove_file)
// Output: paths.iter().try_for_each(::ephemeral_fs::__private::with_witness(
//             fs::remove_file::<&'static str>, ::ephemeral_fs::fs::remove_file))
/// Replaces a `std::fs` function used as a value by its guarded mirror. The
/// user's path stays, with concrete type arguments, so its import stays
/// used without adding a bound (which would repeat errors).
pub fn guarded_value(
    mut user_path: syn::ExprPath,
    mirror: &str,
    generics: usize,
    span: Span,
) -> Expr {
    if let Some(last) = user_path.path.segments.last_mut() {
        if last.arguments.is_none() {
            let placeholders = std::iter::repeat_n(quote_spanned!(span=> &'static str), generics);
            if let Ok(arguments) = syn::parse2(quote_spanned!(span=> ::<#(#placeholders),*>)) {
                last.arguments = syn::PathArguments::AngleBracketed(arguments);
            }
        }
    }
    let mut segments = Punctuated::new();
    for segment in ["ephemeral_fs", "fs", mirror] {
        segments.push(syn::PathSegment::from(Ident::new(segment, span)));
    }
    let mirror = Expr::Path(ExprPath {
        attrs: Vec::new(),
        qself: None,
        path: syn::Path {
            leading_colon: Some(syn::Token![::](span)),
            segments,
        },
    });
    call(
        private_path("with_witness", span),
        [Expr::Path(user_path), mirror],
        span,
    )
}

/// `use` of the probe fallback traits, put at the top of a function body
/// that uses probes. `as _` brings no names, so nothing can be shadowed.
pub fn probe_traits_import() -> Stmt {
    let tokens: TokenStream = quote_spanned! {Span::call_site()=>
        #[allow(unused_imports)]
        use ::ephemeral_fs::__private::{
            PathOfFallback as _, TempAdoptFallback as _, TempEscapeFallback as _,
            WarnPersistentRead as _, WarnPersistentWrite as _,
        };
    };
    // Emitted as written: parsing fixed tokens back would only cost time.
    Stmt::Item(syn::Item::Verbatim(tokens))
}
