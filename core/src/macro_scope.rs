//! Which `macro_rules!` a macro call may be: rustc scopes them by text,
//! not by name resolution. One defined before the call in its block or
//! module, or in one around it, or in a `#[macro_use]` module before it, is
//! the call's; one defined after it is not.

use crate::rewrite::Rewriter;

impl Rewriter<'_> {
    /// Whether a macro name is something else than std's where it is
    /// called: a `macro_rules!` in textual scope, or a name an import or
    /// item in sight binds. A `macro_rules!` defined after the call, or in
    /// a module without `#[macro_use]`, is not the call's.
    pub(crate) fn names_macro(&self, name: &str) -> bool {
        self.macro_scope.iter().any(|known| known == name)
            || self.namespaces.names_besides_macro_rules(name)
    }

    // Input:  macro_rules! println { .. }
    // Output: `println` in `macro_scope` from here on
    /// Enters a `macro_rules!` definition into textual scope.
    pub(crate) fn note_macro_rules(&mut self, item: &syn::Item) {
        if let Some(name) = macro_rules_name(item) {
            self.macro_scope.push(name);
        }
    }
}

/// The name a `macro_rules!` item defines.
pub(crate) fn macro_rules_name(item: &syn::Item) -> Option<String> {
    match item {
        syn::Item::Macro(item) if item.mac.path.is_ident("macro_rules") => {
            item.ident.as_ref().map(crate::syntax::ident_name)
        }
        _ => None,
    }
}
