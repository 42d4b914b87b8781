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
        let mut ours = 0;
        for attr in attrs.iter() {
            if args::is_allow_attr(attr) {
                settings.extend(args::parse_allow(attr, self.ctxt));
            } else if args::is_ephemeral_fs_attr(attr) {
                // A nested `#[ephemeral_fs(..)]` adjusts levels for its item;
                // expanding it again would check generated code twice.
                settings.extend(self.nested_levels(attr, place, nested_seen));
                nested_seen = true;
                if let (Place::Item, Some(name)) = (place, attr.path().get_ident()) {
                    self.nested_names.push(name.clone());
                }
            } else {
                continue;
            }
            ours += 1;
        }
        if ours > 0 && self.emits {
            self.changes += ours;
            attrs.retain(|attr| !args::is_allow_attr(attr) && !args::is_ephemeral_fs_attr(attr));
        }
        settings
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
