//! Our attributes inside an annotated item: `#[ephemeral_fs(..)]` levels
//! on nested items and `#[ephemeral_fs::allow(..)]` exceptions, read and
//! removed before rustc sees them.

use syn::Attribute;

use crate::args::{self, Setting};
use crate::rewrite::{Place, Rewriter};

impl Rewriter<'_> {
    /// Runs `f` with `settings` applied on top of the levels in force.
    pub(crate) fn with_settings(&mut self, settings: &[Setting], f: impl FnOnce(&mut Self)) {
        let saved = self.levels;
        let reasons = self.reasons.len();
        let saved_const_fn = self.const_fn_levels;
        if !self.stripping {
            self.levels = args::apply(saved, settings);
        } else if let Some(levels) = saved_const_fn {
            self.const_fn_levels = Some(args::apply(levels, settings));
        }
        if !self.stripping || saved_const_fn.is_some() {
            self.reasons
                .extend(settings.iter().map(|s| (s.lint, s.reason.clone())));
        }
        f(self);
        self.levels = saved;
        self.const_fn_levels = saved_const_fn;
        self.reasons.truncate(reasons);
    }

    /// Removes our attributes from an item or statement and returns the
    /// levels they set. Left in place, rustc would reject them.
    pub(crate) fn take_our_attrs(
        &mut self,
        attrs: &mut Vec<Attribute>,
        place: Place,
    ) -> Vec<Setting> {
        let mut settings = Vec::new();
        let mut nested_seen = false;
        let mut ours = Vec::with_capacity(attrs.len());
        for attr in attrs.iter() {
            let is_ours = if args::is_allow_attr(attr) {
                settings.extend(args::parse_allow(attr, self.ctxt));
                true
            } else if self.is_our_attribute(attr) {
                // A nested `#[ephemeral_fs(..)]` adjusts levels for its item;
                // expanding it again would check generated code twice.
                settings.extend(self.nested_levels(attr, place, nested_seen));
                nested_seen = true;
                if let (Place::Item, Some(name)) = (place, attr.path().get_ident()) {
                    self.nested_names.push(name.clone());
                }
                true
            } else if attr.path().is_ident("cfg_attr")
                && crate::syntax::names_ident(attr, "ephemeral_fs")
            {
                self.ctxt.error_spanned(
                    attr,
                    "`#[ephemeral_fs(..)]` or `#[ephemeral_fs::allow(..)]` under `cfg_attr` inside an annotated item: the enclosing attribute cannot tell whether the condition holds, so it would apply it twice or not at all; write it without `cfg_attr`, or put `#[cfg(..)]` on the whole item",
                );
                // Removed, so that rustc adds no error of its own.
                true
            } else {
                false
            };
            ours.push(is_ours);
        }
        let count = ours.iter().filter(|&&is_ours| is_ours).count();
        if count > 0 && self.emits {
            self.changes += count;
            let mut ours = ours.into_iter();
            attrs.retain(|_| !ours.next().unwrap_or(false));
        }
        settings
    }

    // Input:  use ephemeral_fs::ephemeral_fs as guarded;  ..  #[guarded] fn f() {}
    /// Whether `attr` is our attribute, also under a name imported in sight.
    fn is_our_attribute(&self, attr: &Attribute) -> bool {
        args::is_ephemeral_fs_attr(attr)
            || attr.path().get_ident().is_some()
                && self
                    .namespaces
                    .resolve_type(attr.path())
                    .is_some_and(|path| path == ["ephemeral_fs", "ephemeral_fs"])
    }

    pub(crate) fn nested_levels(
        &mut self,
        attr: &Attribute,
        place: Place,
        again: bool,
    ) -> Vec<Setting> {
        if place == Place::Statement {
            self.ctxt.error_spanned(
                attr,
                "a statement takes `#[ephemeral_fs::allow(<lint>, reason = \"...\")]`: an exception needs its reason",
            );
            return Vec::new();
        }
        if again {
            self.ctxt.error_spanned(
                attr,
                "one `#[ephemeral_fs(..)]` per item: merge the levels into the first",
            );
            return Vec::new();
        }
        match &attr.meta {
            syn::Meta::List(list) => args::parse_levels(list.tokens.clone(), self.ctxt),
            syn::Meta::Path(_) => Vec::new(),
            syn::Meta::NameValue(_) => {
                self.ctxt.error_spanned(
                    attr,
                    "expected `#[ephemeral_fs(deny(<lint>))]`, with levels in parentheses",
                );
                Vec::new()
            }
        }
    }

    /// Rejects `#[ephemeral_fs::allow]` where it cannot scope a statement.
    pub(crate) fn reject_stray_allow(&mut self, attrs: &mut Vec<Attribute>) {
        let emits = self.emits;
        attrs.retain(|attr| {
            if args::is_allow_attr(attr) {
                self.ctxt.error_spanned(
                    attr,
                    "`#[ephemeral_fs::allow]` goes on a statement or an item: move it to the statement that contains this expression",
                );
                self.changes += 1;
                !emits
            } else {
                true
            }
        });
    }
}
