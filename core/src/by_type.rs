//! Calls through an associated type (`<Local as Backend>::Handle::create(p)`,
//! `Self::Handle::create(p)`, `B::Handle::create(p)`). Which type that is
//! the resolver can only guess from the impls in sight, by their names; the
//! compiler knows. Where the resolver finds no operation, the call goes
//! through a probe of the type (the runtime's `OnType`): for std's types
//! its argument gets the bound the function called by its type's name
//! gets, and a builder made this way is refused, its flags being out of
//! sight.

use proc_macro2::Span;
use syn::visit_mut::VisitMut;
use syn::{Expr, Type, TypePath};

use crate::emit;
use crate::lints::{Level, Lint};
use crate::ops::{self, ByType};
use crate::rewrite::Rewriter;
use crate::syntax::ident_name;

impl Rewriter<'_> {
    // Input:  <Local as Backend>::Handle::create(p)
    // Output: <Local as Backend>::Handle::create(OnType::<<Local as Backend>::Handle>::new()
    //             .__ephemeral_fs_by_type_create(p))
    /// Checks a call of `function` through an associated type by the type,
    /// and visits its arguments; `false` when `expr` is no such call.
    pub(crate) fn visit_call_by_type(
        &mut self,
        expr: &mut Expr,
        function: &str,
        callee_span: Span,
    ) -> bool {
        let Some(kind) = ops::by_type(function) else {
            return false;
        };
        let Expr::Call(call) = expr else { return false };
        let Expr::Path(callee) = &*call.func else {
            return false;
        };
        let Some(ty) = self.associated_type_called_on(callee) else {
            return false;
        };
        for arg in call.args.iter_mut() {
            self.visit_expr_mut(arg);
        }
        if !self.decides_by_type() {
            return true;
        }
        match kind {
            ByType::Path => {
                if let Some(arg) = call.args.first_mut() {
                    let value = std::mem::replace(arg, Expr::Verbatim(Default::default()));
                    *arg = emit::on_type(&ty, function, value, callee_span);
                }
            }
            ByType::Builder => {
                let value = std::mem::replace(expr, Expr::Verbatim(Default::default()));
                *expr = emit::on_type(&ty, function, value, callee_span);
            }
        }
        self.changes += 1;
        true
    }

    // Input:  .map(<Local as Backend>::Handle::create)
    // Output: .map(OnType::<<Local as Backend>::Handle>::new()
    //             .__ephemeral_fs_by_type_value(<Local as Backend>::Handle::create))
    /// A function of `ByType`'s taken as a value through an associated
    /// type: refused for std's types, whose call it would hide; `false`
    /// when `expr` is no such value.
    pub(crate) fn visit_value_by_type(&mut self, expr: &mut Expr) -> bool {
        let Expr::Path(value) = &*expr else {
            return false;
        };
        let Some(last) = value.path.segments.last() else {
            return false;
        };
        if ops::by_type(&ident_name(&last.ident)).is_none() {
            return false;
        }
        let Some(ty) = self.associated_type_called_on(value) else {
            return false;
        };
        if !self.decides_by_type() {
            return true;
        }
        let span = crate::syntax::last_ident_span(&value.path);
        let function = std::mem::replace(expr, Expr::Verbatim(Default::default()));
        *expr = emit::on_type(&ty, "value", function, span);
        self.changes += 1;
        true
    }

    /// Whether a call or value through an associated type is rewritten.
    /// Decided by type only: the audit, which has no types, reports
    /// nothing here (see the guide's limits). A refusal by type has no
    /// warning form: at `warn`, as at `allow`, the call is left as written.
    /// An item that names nothing of the filesystem is one the fast path
    /// skips: it is left as written here too, so that both agree.
    fn decides_by_type(&self) -> bool {
        self.levels.get(Lint::PersistentWrite) == Level::Deny
            && self.emits
            && self.item_words.read_by_fast_path()
    }

    // Input:  <Local as Backend>::Handle::create    Output: <Local as Backend>::Handle
    // Input:  <<Local as Backend>::Handle>::create  Output: <Local as Backend>::Handle
    // Input:  B::Handle::create (`B` a type parameter)  Output: B::Handle
    // Input:  HandleOf::<Local>::create (`type HandleOf<B> = <B as Backend>::Handle;`)
    // Output: HandleOf::<Local>
    /// The type a callee path calls its function on, when that is an
    /// associated type: a trait's (`<T as Trait>::Assoc`), `Self`'s or a
    /// type parameter's.
    fn associated_type_called_on(&self, callee: &syn::ExprPath) -> Option<Type> {
        let path = &callee.path;
        let mut below = path.clone();
        below.segments.pop()?;
        below.segments.pop_punct();
        let ty = match &callee.qself {
            Some(qself) if qself.position == 0 => {
                if path.segments.len() != 1 {
                    return None;
                }
                let ty = crate::resolve::strip_type_parens(&qself.ty);
                let Type::Path(inner) = ty else { return None };
                if inner.qself.is_none() && !self.is_associated_type_path(&inner.path) {
                    return None;
                }
                ty.clone()
            }
            // `<T as Trait>::Assoc::f`: the trait's path, then at least the
            // associated type and the function.
            Some(qself) if qself.position + 1 < path.segments.len() => Type::Path(TypePath {
                attrs: Vec::new(),
                qself: Some(qself.clone()),
                path: below,
            }),
            Some(_) => return None,
            None if self.is_associated_type_path(&below) => Type::Path(TypePath {
                attrs: Vec::new(),
                qself: None,
                path: below,
            }),
            None => return None,
        };
        Some(ty)
    }

    /// `Self::Handle`, `B::Handle`: a path below `Self` or a type
    /// parameter, or below a name in upper case that nothing in sight binds
    /// (a parameter of an impl out of sight); `Self` itself where no impl
    /// is in sight; `HandleOf::<Local>`, `types::Handle`: an alias in sight
    /// of a type only the compiler knows.
    fn is_associated_type_path(&self, path: &syn::Path) -> bool {
        let Some(first) = path.segments.first() else {
            return false;
        };
        let first = ident_name(&first.ident);
        if path.leading_colon.is_some() {
            return false;
        }
        let out_of_sight = || {
            !self.namespaces.names(&first)
                && !crate::ops::is_known_crate(&first)
                && crate::ops::conventional(&first).is_none()
        };
        let below_a_type = first == "Self"
            || self.type_params.contains(&first)
            || (first.starts_with(|c: char| c.is_ascii_uppercase()) && out_of_sight());
        (path.segments.len() >= 2 && below_a_type)
            || (path.segments.len() == 1 && first == "Self" && out_of_sight())
            || self.namespaces.names_projection(path)
    }
}
