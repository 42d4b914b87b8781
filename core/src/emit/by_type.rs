//! A function called through an associated type, checked by the type the
//! compiler resolves it to: the runtime's `private/by_type.rs`.

use proc_macro2::Span;
use syn::{Expr, Ident, Type};

use crate::symbol;

// Input:  <Local as Backend>::Handle, "create", p
// Output: ::ephemeral_fs::__private::OnType::<<Local as Backend>::Handle>::new()
//             .__ephemeral_fs_by_type_create(p)
/// `value` (the path argument, or a builder's constructor call) through
/// the probe of `function` on `ty`.
pub fn on_type(ty: &Type, function: &str, value: Expr, span: Span) -> Expr {
    let runtime = Ident::new(symbol::RUNTIME, span);
    let private = Ident::new(symbol::PRIVATE, span);
    let on_type = Ident::new(symbol::ON_TYPE, span);
    let method = Ident::new(&symbol::by_type_method(function), span);
    syn::parse_quote_spanned!(span=> ::#runtime::#private::#on_type::<#ty>::new().#method(#value))
}
