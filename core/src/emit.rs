//! The code the rewrite emits. Every generated path is absolute into
//! `::ephemeral_fs::__private` and carries the span of the user's tokens it
//! replaces, so errors land there.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;
use syn::punctuated::Punctuated;
use syn::{Expr, ExprCall, ExprMethodCall, ExprPath, ExprReference, Ident, Stmt};

use crate::flow::Refusal;
use crate::lints::{Level, Lint};
use crate::ops::Builder;
use crate::symbol::{self, Guard, Warn};

mod by_type;
mod persist;
mod places;

pub use by_type::on_type;
pub use persist::{DestinationOwner, escape_persist_in_place};
use places::place_for_probe;
pub use places::{
    ProbedPlace, escape_by_place, escape_by_root, leak_by_place, leak_by_root, place_root_name,
};

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

/// `&expr`, built rather than parsed back from tokens.
pub(crate) fn shared_ref(expr: Expr, span: Span) -> Expr {
    Expr::Reference(ExprReference {
        attrs: Vec::new(),
        and_token: syn::Token![&](span),
        mutability: None,
        expr: Box::new(expr),
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

/// `probe` of a method call's receiver. One in parentheses or braces stays
/// a receiver (see `ProbeReceiver` in the runtime): as an argument, its
/// delimiters would be `unused_parens` or `unused_braces`.
fn probe_receiver(receiver: Expr, span: Span) -> Expr {
    if delimited(&receiver) {
        method(receiver, symbol::PROBE_RECEIVER, span)
    } else {
        probe(receiver, span)
    }
}

/// Whether an expression is in parentheses or plain braces, which rustc
/// calls unnecessary around a function's argument.
fn delimited(expr: &Expr) -> bool {
    match expr {
        Expr::Paren(_) => true,
        Expr::Block(block) => block.label.is_none(),
        _ => false,
    }
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
        Refusal::Made => symbol::guard(lint, Guard::MadePath),
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

// Input:  std::os::unix::fs::symlink(original, link)
// Output: symlink(::ephemeral_fs::__private::persistent_write_symlink_original(original), ..)
/// Guards the original of a new symbolic link: only a path inside a temp
/// directory cannot be created again after it is removed.
pub fn guard_symlink_original(level: Level, arg: Expr, callee_span: Span) -> Expr {
    guard_with(
        symbol::SYMLINK_ORIGINAL_GUARD,
        Lint::PersistentWrite,
        level,
        arg,
        callee_span,
    )
}

// Input:  fs::set_permissions(path, perms)
// Output: fs::set_permissions(::ephemeral_fs::__private::persistent_write_temp_file(path), perms)
/// Guards a path whose permissions or owner change: a temp file's only.
pub fn guard_temp_file(level: Level, arg: Expr, callee_span: Span) -> Expr {
    guard_with(
        symbol::TEMP_FILE_GUARD,
        Lint::PersistentWrite,
        level,
        arg,
        callee_span,
    )
}

// Input:  DirBuilder::new().mode(0o300).create(dir.child("inbox")?)
// Output: .create(::ephemeral_fs::__private::persistent_write_directory_mode(dir.child("inbox")?))
pub fn guard_directory_mode(level: Level, arg: Expr, callee_span: Span) -> Expr {
    guard_with(
        symbol::DIRECTORY_MODE_GUARD,
        Lint::PersistentWrite,
        level,
        arg,
        callee_span,
    )
}

// Input:  std::os::unix::fs::chroot(dir.path())
// Output: chroot(::ephemeral_fs::__private::persistent_write_process_root(dir.path()))
pub fn guard_process_root(level: Level, arg: Expr, callee_span: Span) -> Expr {
    guard_with(
        symbol::PROCESS_ROOT_GUARD,
        Lint::PersistentWrite,
        level,
        arg,
        callee_span,
    )
}

// Input:  fs::write(tmp.path(), data)
// Output: fs::write(::ephemeral_fs::__private::Probe(&tmp)
//                       .__ephemeral_fs_deny_persistent_write_path(<tmp's path, held.rs>), data)
// Input:  File::create(p)                 (after `let p = dir.path().join("x");`)
// Output: File::create(::ephemeral_fs::__private::Probe(__ephemeral_fs_owner_0)
//                          .__ephemeral_fs_deny_persistent_write_joined(p))
/// Guards a path derived from `owner.path()`: the compiler lets it through
/// when the owner `owner_ref` refers to is a `NamedTempFile` or `TempDir`
/// (a `TempDir` when `joined`), and demands a temp handle otherwise.
pub fn guard_path_of(
    lint: Lint,
    level: Level,
    owner_ref: Expr,
    joined: bool,
    arg: Expr,
    callee_span: Span,
) -> Expr {
    let name = match (level, joined) {
        (Level::Warn, false) => symbol::warn_method(lint, Warn::PathOf).to_owned(),
        (Level::Warn, true) => symbol::warn_method(lint, Warn::Joined).to_owned(),
        (_, joined) => symbol::path_of_probe(lint, joined),
    };
    let mut check = method(probe(owner_ref, callee_span), &name, callee_span);
    if let Expr::MethodCall(call) = &mut check {
        call.args.push(arg);
    }
    check
}

// Input:  fs::write(p, body(upload)?)    (p from `upload.path()`)
// Output: ::ephemeral_fs::__private::held_through(
//             (::ephemeral_fs::__private::borrowed(&upload),), fs::write(p, body(upload)?))
/// The call, with the borrows `owners` (references to the handles its paths
/// come from, or to the variables they are in) kept until it has run (see
/// `calls::owners_to_hold`).
pub fn held_through(owners: Vec<Expr>, whole_call: Expr, span: Span) -> Expr {
    let borrowed = private_path(symbol::BORROWED, span);
    let mut elems: Punctuated<Expr, syn::Token![,]> = owners
        .into_iter()
        .map(|owner| call(borrowed.clone(), [owner], span))
        .collect();
    // A tuple of one needs its comma.
    elems.push_punct(syn::Token![,](span));
    let owners = Expr::Tuple(syn::ExprTuple {
        attrs: Vec::new(),
        paren_token: syn::token::Paren(span),
        elems,
    });
    call(
        private_path(symbol::HELD_THROUGH, span),
        [owners, whole_call],
        span,
    )
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

// Input:  Builder::new().make_in(dir, |path| File::create(path))
// Output: ::ephemeral_fs::__private::persistent_write_make_in(Builder::new(), dir, |path| ..)
/// Calls `make` or `make_in` through the runtime's `TempfileBuilder`,
/// which only `tempfile::Builder` implements.
pub fn make_by_tempfile(
    function: &str,
    receiver: Expr,
    args: Punctuated<Expr, syn::Token![,]>,
    method_span: Span,
) -> Expr {
    // By value: the receiver is a chain from a constructor (a builder
    // local's closure path is not trusted, so its call is not rewritten),
    // a `Builder` or the `&mut Builder` its setters return.
    call(
        private_path(function, method_span),
        std::iter::once(receiver).chain(args),
        method_span,
    )
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

// Input:  NamedTempFile::new()?.keep()      { session }.keep()
// Output: ::ephemeral_fs::__private::Probe(NamedTempFile::new()?)
//             .__ephemeral_fs_deny_temp_escape().keep()
//         { session }.__ephemeral_fs_probe().__ephemeral_fs_deny_temp_escape().keep()
/// Passes a receiver that is not a place through a type check by value.
/// `receiver` is a method call's receiver, or the first argument of the
/// call by path (`NamedTempFile::keep(..)`): either stays where it is.
pub fn escape_by_value(level: Level, receiver: Expr, method_span: Span) -> Expr {
    escape_by_value_with(level, probe_receiver(receiver, method_span), method_span)
}

/// `escape_by_value` of a path call's first argument.
pub fn escape_argument_by_value(level: Level, argument: Expr, method_span: Span) -> Expr {
    escape_by_value_with(level, probe(argument, method_span), method_span)
}

fn escape_by_value_with(level: Level, probed: Expr, method_span: Span) -> Expr {
    let check = method(probed, symbol::escape_probe(level, false), method_span);
    then_warn(level, check, symbol::ESCAPE_WARNING, method_span)
}

// Input:  opts.open(p)
// Output: ::ephemeral_fs::__private::after(
//             ::ephemeral_fs::__private::Probe(&opts).__ephemeral_fs_deny_unseen_builder_in_place(),
//             opts.open(p))
/// Refuses a std builder whose flags are not in sight, by the type of the
/// place the terminal method is called on; the call then runs as written.
pub fn unseen_builder_by_place(
    builder: Builder,
    level: Level,
    place: &Expr,
    whole_call: Expr,
    span: Span,
) -> Expr {
    let place = ProbedPlace { place, item: false };
    let check = method(
        probe(place_for_probe(place, span), span),
        &symbol::unseen_builder_probe(builder, level, true),
        span,
    );
    let check = then_warn(level, check, symbol::UNSEEN_BUILDER_WARNING, span);
    call(private_path(symbol::AFTER, span), [check, whole_call], span)
}

// Input:  { OpenOptions::new() }.open(p)
// Output: ::ephemeral_fs::__private::Probe({ OpenOptions::new() })
//             .__ephemeral_fs_deny_unseen_builder().open(p)
/// The same, for a receiver that is a value: passed through by value.
pub fn unseen_builder_by_value(builder: Builder, level: Level, receiver: Expr, span: Span) -> Expr {
    let check = method(
        probe_receiver(receiver, span),
        &symbol::unseen_builder_probe(builder, level, false),
        span,
    );
    then_warn(level, check, symbol::UNSEEN_BUILDER_WARNING, span)
}

// Input:  std::mem::forget(tmp)
// Output: std::mem::forget(::ephemeral_fs::__private::checked_in_const(tmp, |__ephemeral_fs_root|
//             ::ephemeral_fs::__private::Probe(::ephemeral_fs::__private::type_of(
//                 || __ephemeral_fs_root)).__ephemeral_fs_deny_temp_forget()))
/// Passes a value whose destructor is skipped through a check of the temp
/// handles it owns. The value is evaluated once, as the argument of an
/// identity that takes the type the call expects (`ManuallyDrop::new(
/// Default::default())` with the `let`'s type); its type is read by a
/// closure that is given it and never called, so the check is decided once
/// that type is known. Probes are not `const`, and this form needs none
/// called: it serves a `const fn` too.
pub fn forgotten(level: Level, value: Expr, span: Span) -> Expr {
    let closure = forget_check(level, syn::spanned::Spanned::span(&value), span);
    call(
        private_path(symbol::CHECKED_IN_CONST, span),
        [value, closure],
        span,
    )
}

// Input:  vec![tmp].leak()
// Output: vec![tmp].__ephemeral_fs_checked(|__ephemeral_fs_root| ..).leak()
/// `forgotten` of a method call's receiver; one in parentheses or braces
/// stays a receiver (see `probe_receiver`).
pub fn forgotten_receiver(level: Level, receiver: Expr, span: Span) -> Expr {
    if !delimited(&receiver) {
        return forgotten(level, receiver, span);
    }
    let closure = forget_check(level, syn::spanned::Spanned::span(&receiver), span);
    let Expr::MethodCall(mut checked) = method(receiver, symbol::CHECKED_RECEIVER, span) else {
        unreachable!("`method` makes a method call")
    };
    checked.args.push(closure);
    Expr::MethodCall(checked)
}

/// The closure that reads the type of what `forgotten` is given.
fn forget_check(level: Level, value_span: Span, span: Span) -> Expr {
    let root = Ident::new(symbol::PROJECTED_ROOT, span);
    let place: Expr = syn::parse_quote_spanned!(value_span=> || #root);
    let place = call(
        private_path(symbol::TYPE_OF, value_span),
        [place],
        value_span,
    );
    let check = method(probe(place, value_span), symbol::forget_probe(level), span);
    let check = then_warn(level, check, symbol::ESCAPE_WARNING, span);
    syn::parse_quote_spanned!(span=> |#root| #check)
}

/// `forgotten` in a `const fn`: the same form.
pub fn forgotten_in_const(level: Level, value: Expr, span: Span) -> Expr {
    forgotten(level, value, span)
}

// Input:  TempDir::keep                  (a value)
// Output: ::ephemeral_fs::__private::fn_value_1(TempDir::keep).__ephemeral_fs_deny_temp_escape_value()
/// Checks a tempfile escape used as a value by its argument's type (its
/// result's, for a constructor).
pub fn escape_value(value: Expr, arity: usize, constructor: bool, span: Span) -> Expr {
    let (wrapper, check) = symbol::escape_value(constructor, arity);
    method(
        call(private_path(wrapper, span), [value], span),
        check,
        span,
    )
}

// Input:  TempPath::from_path(path)
// Output: ::ephemeral_fs::__private::Probe(TempPath::from_path(path))
//             .__ephemeral_fs_deny_temp_adopt()
/// Checks the type of what a `from_path`-like constructor returns.
pub fn escape_by_result(level: Level, whole_call: Expr, span: Span) -> Expr {
    adoption_by_result(level, whole_call, symbol::adopt_probe(level), span)
}

/// A probe of what a call returns, for a handle that adopts a path: the
/// warning at `warn` is the adoption's.
fn adoption_by_result(level: Level, whole_call: Expr, probe_method: &str, span: Span) -> Expr {
    let check = method(probe(whole_call, span), probe_method, span);
    then_warn(level, check, symbol::ADOPT_WARNING, span)
}

// Input:  Builder::new().rand_bytes(0).make(|_| Ok(()))
// Output: ::ephemeral_fs::__private::Probe(Builder::new().rand_bytes(0).make(|_| Ok(())))
//             .__ephemeral_fs_deny_make_names()
/// Checks the type of what a `make` whose names may not be fresh returns:
/// tempfile's `NamedTempFile` is refused, a `make` of the user's passes.
pub fn make_names_by_result(level: Level, whole_call: Expr, span: Span) -> Expr {
    adoption_by_result(level, whole_call, symbol::make_names_probe(level), span)
}

// Input:  paths.iter().try_for_each(fs::remove_file)
// Output: paths.iter().try_for_each(::ephemeral_fs::__private::with_witness(
//             fs::remove_file::<&'static str>, ::std::fs::remove_file::<&'static str>,
//             ::ephemeral_fs::fs::remove_file))
/// Replaces a `std::fs` function used as a value by its guarded mirror. The
/// user's path stays, with concrete type arguments, so its import stays
/// used without adding a bound (which would repeat errors), beside the std
/// function it was taken for (`canonical`) at the same arguments, whose
/// type must be the same. Type arguments the user wrote go to the mirror
/// too, whose parameters are in the same order: what they decided is not
/// left to inference.
pub fn guarded_value(
    mut user_path: syn::ExprPath,
    canonical: &[String],
    mirror: &str,
    generics: usize,
    span: Span,
) -> Expr {
    let mut written = syn::PathArguments::None;
    if let Some(last) = user_path.path.segments.last_mut() {
        if !last.arguments.is_none() {
            written = last.arguments.clone();
            // The witness is never called, so nothing would infer a `_`.
            if let syn::PathArguments::AngleBracketed(arguments) = &mut last.arguments {
                for argument in arguments.args.iter_mut() {
                    if matches!(argument, syn::GenericArgument::Type(syn::Type::Infer(_))) {
                        *argument = syn::parse_quote_spanned!(span=> &'static str);
                    }
                }
            }
        } else {
            let placeholders = std::iter::repeat_n(quote_spanned!(span=> &'static str), generics);
            if let Ok(arguments) = syn::parse2(quote_spanned!(span=> ::<#(#placeholders),*>)) {
                last.arguments = syn::PathArguments::AngleBracketed(arguments);
            }
        }
    }
    let user_arguments = user_path
        .path
        .segments
        .last()
        .map(|last| last.arguments.clone())
        .unwrap_or(syn::PathArguments::None);
    let absolute = |names: &[&str], arguments: syn::PathArguments| {
        let mut segments: Punctuated<syn::PathSegment, syn::Token![::]> = Punctuated::new();
        for name in names {
            segments.push(syn::PathSegment::from(Ident::new(name, span)));
        }
        if let Some(last) = segments.last_mut() {
            last.arguments = arguments;
        }
        Expr::Path(ExprPath {
            attrs: Vec::new(),
            qself: None,
            path: syn::Path {
                leading_colon: Some(syn::Token![::](span)),
                segments,
            },
        })
    };
    let canonical: Vec<&str> = canonical.iter().map(String::as_str).collect();
    let expected = absolute(&canonical, user_arguments);
    let mirror = absolute(&[symbol::RUNTIME, symbol::MIRRORS, mirror], written);
    call(
        private_path(symbol::WITH_WITNESS, span),
        [Expr::Path(user_path), expected, mirror],
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
