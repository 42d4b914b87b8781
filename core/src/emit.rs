//! The code the rewrite emits. Every generated path is absolute into
//! `::ephemeral_fs::__private` and carries the span of the user's tokens it
//! replaces, so errors land there.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote_spanned};
use syn::punctuated::Punctuated;
use syn::{Expr, ExprCall, ExprMethodCall, ExprPath, ExprReference, Ident, Stmt};

use crate::flow::Refusal;
use crate::lints::{Level, Lint};
use crate::symbol::{self, Guard, Warn};

/// `::ephemeral_fs::__private::<name>`, spanned at `span`.
fn private_path(name: &str, span: Span) -> Expr {
    let mut segments = Punctuated::new();
    for segment in [symbol::RUNTIME, symbol::PRIVATE, name] {
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
    call(private_path(symbol::PROBE, span), [value], span)
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
//                       .path_is_not_a_temp_file(), data)                           (warn)
/// Wraps a path argument so that only temp-file handles pass.
/// `callee_span` is the user's callee, where rustc says "required by a bound
/// introduced by this call"; the argument keeps its own span.
pub fn guard_target(lint: Lint, level: Level, arg: Expr, callee_span: Span) -> Expr {
    guard_with(
        &symbol::guard(lint, Guard::Plain),
        lint,
        level,
        arg,
        callee_span,
    )
}

/// `guard_target` through the identity named `guard` at `deny`, whose bound
/// words the message for the argument's shape; `warn` is the plain warning.
fn guard_with(guard: &str, lint: Lint, level: Level, arg: Expr, callee_span: Span) -> Expr {
    let arg_span = syn::spanned::Spanned::span(&arg);
    match level {
        Level::Allow => arg,
        Level::Deny => call(private_path(guard, callee_span), [arg], arg_span),
        // A deprecation warning has one span: the call's, as rustc's own
        // lints on calls do.
        Level::Warn => method(
            probe(arg, arg_span),
            symbol::warn_method(lint, Warn::Plain),
            callee_span,
        ),
    }
}

// Input:  fs::write(dir.path().join(name), data)
// Output: fs::write(::ephemeral_fs::__private::persistent_write_joined(dir.path().join(name)), data)
/// Guards an argument of a shape that was recognised but not accepted: the
/// bound is the same, the message says what would pass.
pub fn guard_refused(
    lint: Lint,
    refusal: Refusal,
    level: Level,
    arg: Expr,
    callee_span: Span,
) -> Expr {
    let guard = match refusal {
        Refusal::PathOf => symbol::guard(lint, Guard::PathOf),
        Refusal::Join => symbol::guard(lint, Guard::Joined),
    };
    guard_with(&guard, lint, level, arg, callee_span)
}

// Input:  fs::soft_link(original, link)
// Output: fs::soft_link(::ephemeral_fs::__private::persistent_write_link_original(original),
//                       ::ephemeral_fs::__private::persistent_write(link))
/// Guards the original of a new link: writes through the link land there.
pub fn guard_link_original(level: Level, arg: Expr, callee_span: Span) -> Expr {
    guard_with(
        symbol::LINK_ORIGINAL_GUARD,
        Lint::PersistentWrite,
        level,
        arg,
        callee_span,
    )
}

// Input:  fs::write(tmp.path(), data)
// Output: fs::write(::ephemeral_fs::__private::Probe(&tmp)
//                       .__ephemeral_fs_deny_persistent_write_path(tmp.path()), data)
// Input:  File::create(p)                 (after `let p = dir.path().join("x");`)
// Output: File::create(::ephemeral_fs::__private::Probe(&dir)
//                          .__ephemeral_fs_deny_persistent_write_joined(p))
/// Guards a path derived from `owner.path()`: the compiler lets it through
/// when `owner` is a `NamedTempFile` or `TempDir` (a `TempDir` when
/// `joined`), and demands a temp handle otherwise. The owner is borrowed at
/// `borrow_span`: the argument, when the owner was written at a `let`, so
/// that a use after the owner moved is reported there.
pub fn guard_path_of(
    lint: Lint,
    level: Level,
    owner: Expr,
    joined: bool,
    arg: Expr,
    callee_span: Span,
    borrow_span: Span,
) -> Expr {
    let name = match (level, joined) {
        (Level::Warn, false) => symbol::warn_method(lint, Warn::PathOf).to_owned(),
        (Level::Warn, true) => symbol::warn_method(lint, Warn::Joined).to_owned(),
        (_, joined) => symbol::path_of_probe(lint, joined),
    };
    let borrowed = borrow(&owner, borrow_span);
    let mut check = method(probe(borrowed, callee_span), &name, callee_span);
    if let Expr::MethodCall(call) = &mut check {
        call.args.push(arg);
    }
    check
}

// Input:  Builder::new().make(|path| File::create(path))
// Output: ::ephemeral_fs::__private::persistent_write_made(
//             Builder::new().make(|path| File::create(path)))
/// Checks that a `make` call whose closure's path was accepted is
/// tempfile's, by the type it returns.
pub fn guard_made(lint: Lint, level: Level, whole_call: Expr, method_span: Span) -> Expr {
    match level {
        Level::Allow => whole_call,
        Level::Deny => call(
            private_path(&symbol::guard(lint, Guard::Made), method_span),
            [whole_call],
            method_span,
        ),
        Level::Warn => method(
            probe(whole_call, method_span),
            symbol::MADE_WARNING,
            method_span,
        ),
    }
}

/// At `warn`, a probe yields a value whose second method is deprecated for
/// tempfile's types only: that deprecation is the warning, and its path
/// reads `ephemeral_fs::lint::TempEscape::<warning>`.
fn then_warn(level: Level, check: Expr, warning: &str, span: Span) -> Expr {
    match level {
        Level::Warn => method(check, warning, span),
        _ => check,
    }
}

fn borrow(place: &Expr, span: Span) -> Expr {
    Expr::Reference(ExprReference {
        attrs: Vec::new(),
        and_token: syn::Token![&](span),
        mutability: None,
        expr: Box::new(place.clone()),
    })
}

// Input:  tmp.keep()
// Output: ::ephemeral_fs::__private::after(
//             ::ephemeral_fs::__private::Probe(&tmp).__ephemeral_fs_deny_temp_escape_in_place(),
//             tmp.keep())
/// Checks the type of a place receiver by borrowing it, then runs the call.
pub fn escape_by_place(level: Level, place: &Expr, whole_call: Expr, method_span: Span) -> Expr {
    let check = method(
        probe(borrow(place, method_span), method_span),
        symbol::escape_probe(level, true),
        method_span,
    );
    let check = then_warn(level, check, symbol::ESCAPE_WARNING, method_span);
    call(
        private_path(symbol::AFTER, method_span),
        [check, whole_call],
        method_span,
    )
}

// Input:  tmp.persist(dest)
// Output: match dest { __ephemeral_fs_dest => ::ephemeral_fs::__private::after(
//             ::ephemeral_fs::__private::Probe(&tmp)
//                 .__ephemeral_fs_deny_temp_persist_in_place(&__ephemeral_fs_dest),
//             tmp.persist(__ephemeral_fs_dest)) }
/// Checks the receiver and the destination of `persist`: into a temp
/// directory it is no escape. The destination is evaluated first, once; the
/// receiver is a place, whose evaluation does nothing. `whole_call` already
/// passes the binding in place of `destination`.
pub fn escape_persist(
    level: Level,
    place: &Expr,
    destination: Expr,
    whole_call: Expr,
    method_span: Span,
) -> Expr {
    // The borrow runs from the destination's first token to its last, so
    // that an error underlines all of it.
    let mut tokens = destination.to_token_stream().into_iter();
    let first = tokens
        .next()
        .map_or_else(Span::call_site, |token| token.span());
    let last = tokens.last().map_or(first, |token| token.span());
    let binding = destination_ident(last);
    let mut check = method(
        probe(borrow(place, method_span), method_span),
        symbol::persist_probe(level),
        method_span,
    );
    if let Expr::MethodCall(check) = &mut check {
        let dest: Expr = syn::parse_quote_spanned!(first=> &#binding);
        check.args.push(dest);
    }
    let check = then_warn(level, check, symbol::ESCAPE_WARNING, method_span);
    let after = call(
        private_path(symbol::AFTER, method_span),
        [check, whole_call],
        method_span,
    );
    syn::parse_quote_spanned!(method_span=> match #destination { #binding => #after })
}

/// `__ephemeral_fs_dest`, spanned at the destination so that an error on
/// its type is shown there.
pub fn destination_ident(dest_span: Span) -> Ident {
    Ident::new(symbol::DESTINATION, dest_span)
}

// Input:  NamedTempFile::new()?.keep()
// Output: ::ephemeral_fs::__private::Probe(NamedTempFile::new()?)
//             .__ephemeral_fs_deny_temp_escape().keep()
/// Passes a receiver that is not a place through a type check by value.
pub fn escape_by_value(level: Level, receiver: Expr, method_span: Span) -> Expr {
    let check = method(
        probe(receiver, method_span),
        symbol::escape_probe(level, false),
        method_span,
    );
    then_warn(level, check, symbol::ESCAPE_WARNING, method_span)
}

// Input:  TempPath::from_path(path)
// Output: ::ephemeral_fs::__private::Probe(TempPath::from_path(path))
//             .__ephemeral_fs_deny_temp_adopt()
/// Checks the type of what a `from_path`-like constructor returns.
pub fn escape_by_result(level: Level, whole_call: Expr, span: Span) -> Expr {
    let check = method(probe(whole_call, span), symbol::adopt_probe(level), span);
    then_warn(level, check, symbol::ADOPT_WARNING, span)
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
    for segment in [symbol::RUNTIME, symbol::MIRRORS, mirror] {
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
        private_path(symbol::WITH_WITNESS, span),
        [Expr::Path(user_path), mirror],
        span,
    )
}

/// `use` of the probe fallback traits, put at the top of a function body
/// that uses probes. `as _` brings no names, so nothing can be shadowed.
pub fn probe_traits_import() -> Stmt {
    let span = Span::call_site();
    let traits = symbol::PROBE_TRAITS
        .iter()
        .map(|name| Ident::new(name, span));
    let (runtime, private) = (
        Ident::new(symbol::RUNTIME, span),
        Ident::new(symbol::PRIVATE, span),
    );
    let tokens: TokenStream = quote_spanned! {span=>
        #[allow(unused_imports)]
        use ::#runtime::#private::{#(#traits as _,)*};
    };
    // Emitted as tokens: parsing them back would only cost time.
    Stmt::Item(syn::Item::Verbatim(tokens))
}
