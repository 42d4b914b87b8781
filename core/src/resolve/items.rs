//! What the items in sight say: their names, the associated types of their
//! trait impls, the alternatives of `#[cfg]`'d macros, and whether a
//! module's imports go through its parent.

use super::*;

// Input:  cfg_select! { unix => { use std::fs::write as save; } _ => { .. } }
// Output: `#[cfg(..)] use std::fs::write as save;` and the other arms' items
/// The items of every arm of `cfg_select!` or `cfg_if!`: the compiler puts
/// the chosen arm's in the enclosing module or block. Each is marked as
/// `#[cfg]`'d, since which arm is chosen is not known here.
pub(super) fn cfg_alternatives(mac: &syn::Macro) -> Vec<Item> {
    let chooses = mac
        .path
        .segments
        .last()
        .is_some_and(|last| last.ident == "cfg_select" || last.ident == "cfg_if");
    if !chooses {
        return Vec::new();
    }
    let marker: syn::Attribute = syn::parse_quote!(#[cfg(ephemeral_fs_alternative)]);
    mac.tokens
        .clone()
        .into_iter()
        .filter_map(|token| match token {
            proc_macro2::TokenTree::Group(group)
                if group.delimiter() == proc_macro2::Delimiter::Brace =>
            {
                syn::parse2::<syn::File>(group.stream()).ok()
            }
            _ => None,
        })
        .flat_map(|file| file.items)
        .map(|mut item| {
            if let Some(attrs) = crate::syntax::item_attrs_mut(&mut item) {
                attrs.push(marker.clone());
            }
            item
        })
        .collect()
}

/// `impl_assoc_types` of an item and of the items of the inline modules in it.
pub(super) fn nested_impl_assoc_types(item: &Item) -> Vec<(String, &syn::Path)> {
    match item {
        Item::Impl(item_impl) => impl_assoc_types(item_impl),
        Item::Mod(module) => module
            .content
            .iter()
            .flat_map(|(_, items)| items)
            .flat_map(nested_impl_assoc_types)
            .collect(),
        _ => Vec::new(),
    }
}

/// The associated types a trait impl of a named type defines, each under
/// `Type::Assoc`, with the path it names.
pub(super) fn impl_assoc_types(item_impl: &syn::ItemImpl) -> Vec<(String, &syn::Path)> {
    // `impl Backend for &'static Disk`, `impl<T> Backend for Wrap<T>`: keyed
    // by the type's name.
    let mut self_ty = &*item_impl.self_ty;
    while let syn::Type::Reference(inner) = strip_type_parens(self_ty) {
        self_ty = &inner.elem;
    }
    let syn::Type::Path(self_ty) = strip_type_parens(self_ty) else {
        return Vec::new();
    };
    if self_ty.qself.is_some() {
        return Vec::new();
    }
    let Some(self_name) = self_ty.path.segments.last().map(|segment| &segment.ident) else {
        return Vec::new();
    };
    if item_impl.trait_.is_none() {
        return Vec::new();
    }
    item_impl
        .items
        .iter()
        .filter_map(|item| match item {
            syn::ImplItem::Type(assoc) => match strip_type_parens(&assoc.ty) {
                syn::Type::Path(ty) if ty.qself.is_none() => Some((
                    format!("{}::{}", ident_name(self_name), ident_name(&assoc.ident)),
                    &ty.path,
                )),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

pub(super) fn item_name(item: &Item) -> Option<String> {
    let ident = match item {
        Item::Const(item) => &item.ident,
        Item::Enum(item) => &item.ident,
        Item::ExternCrate(item) => item
            .rename
            .as_ref()
            .map_or(&item.ident, |(_, rename)| rename),
        Item::Fn(item) => &item.sig.ident,
        Item::Mod(item) => &item.ident,
        Item::Static(item) => &item.ident,
        Item::Struct(item) => &item.ident,
        Item::Trait(item) => &item.ident,
        Item::TraitAlias(item) => &item.ident,
        Item::Type(item) => &item.ident,
        Item::Union(item) => &item.ident,
        Item::Macro(item) => item.ident.as_ref()?,
        _ => return None,
    };
    Some(ident_name(ident))
}

/// How far a name a module binds is visible, as far as a glob of the
/// module cares.
/// Ordered from the narrowest to the widest as a glob reads them: a
/// `Restricted` name is brought wherever it leads to the filesystem.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Default)]
pub(crate) enum Visibility {
    /// No `pub`, `pub(self)`: in the module and all within it.
    #[default]
    Private,
    /// `pub(super)`: in the module's parent and all within it.
    ParentOnly,
    /// `pub(in path)`: somewhere the attribute does not work out.
    Restricted,
    /// `pub`, `pub(crate)`: everywhere a glob of the module may be.
    Public,
}

impl Visibility {
    /// What a re-export of a name of this visibility by a `use` of
    /// `through`'s makes of it in the re-exporting module: never more than
    /// either. A `pub(super)` name of a module's child is visible in the
    /// module only, which is private there.
    pub(crate) fn through(self, through: Visibility) -> Visibility {
        match (self, through) {
            (_, Visibility::Private) | (Visibility::Private | Visibility::ParentOnly, _) => {
                Visibility::Private
            }
            (Visibility::Restricted, _) | (_, Visibility::Restricted) => Visibility::Restricted,
            (Visibility::Public, through) => through,
        }
    }
}

/// An item's visibility (`Private` for items that have none).
pub(super) fn visibility(item: &Item) -> Visibility {
    let vis = match item {
        Item::Const(item) => &item.vis,
        Item::Enum(item) => &item.vis,
        Item::ExternCrate(item) => &item.vis,
        Item::Fn(item) => &item.vis,
        Item::Mod(item) => &item.vis,
        Item::Static(item) => &item.vis,
        Item::Struct(item) => &item.vis,
        Item::Trait(item) => &item.vis,
        Item::TraitAlias(item) => &item.vis,
        Item::Type(item) => &item.vis,
        Item::Union(item) => &item.vis,
        Item::Use(item) => &item.vis,
        _ => return Visibility::Private,
    };
    visibility_of(vis)
}

pub(super) fn visibility_of(vis: &syn::Visibility) -> Visibility {
    match vis {
        syn::Visibility::Public(_) => Visibility::Public,
        syn::Visibility::Restricted(restricted) if restricted.in_token.is_none() => {
            if restricted.path.is_ident("crate") {
                Visibility::Public
            } else if restricted.path.is_ident("super") {
                Visibility::ParentOnly
            } else {
                Visibility::Private
            }
        }
        syn::Visibility::Restricted(_) => Visibility::Restricted,
        syn::Visibility::Inherited => Visibility::Private,
    }
}

/// Whether a module's items, or those of a module inside it, import
/// through `super::` or `crate::`.
pub(super) fn imports_through_parent(items: &[Item]) -> bool {
    items.iter().any(|item| match item {
        Item::Use(item_use) => {
            matches!(&item_use.tree, UseTree::Path(path) if path.ident == "super" || path.ident == "crate")
        }
        Item::Mod(module) => module
            .content
            .as_ref()
            .is_some_and(|(_, items)| imports_through_parent(items)),
        _ => false,
    })
}

/// How many inline modules `items` hold, at any depth.
pub(super) fn inline_modules_within(items: &[Item]) -> usize {
    items
        .iter()
        .map(|item| match item {
            Item::Mod(module) => module
                .content
                .as_ref()
                .map_or(0, |(_, items)| 1 + inline_modules_within(items)),
            _ => 0,
        })
        .sum()
}
