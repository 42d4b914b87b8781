//! The attribute's arguments, `#[ephemeral_fs(deny(persistent_read))]`, and
//! the in-body exception, `#[ephemeral_fs::allow(temp_escape, reason = "..")]`.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::{Attribute, Meta};

use crate::ctxt::Ctxt;
use crate::lints::{Level, Levels, Lint, lint_list};

/// One `level(lint)` setting, kept with its span for error messages.
#[derive(Clone, Debug)]
pub struct Setting {
    pub lint: Lint,
    pub level: Level,
    pub span: Span,
    /// The reason an `#[ephemeral_fs::allow]` gives, for the audit's list of
    /// exceptions.
    pub reason: Option<String>,
}

/// Applies settings on top of the levels in force.
pub fn apply(mut levels: Levels, settings: &[Setting]) -> Levels {
    for setting in settings {
        levels.set(setting.lint, setting.level);
    }
    levels
}

/// Whether `attr` is `#[ephemeral_fs]` or `#[ephemeral_fs::ephemeral_fs]`.
pub fn is_ephemeral_fs_attr(attr: &Attribute) -> bool {
    path_is(attr, &["ephemeral_fs"]) || path_is(attr, &["ephemeral_fs", "ephemeral_fs"])
}

/// Whether `attr` is `#[ephemeral_fs::allow(..)]`.
pub fn is_allow_attr(attr: &Attribute) -> bool {
    path_is(attr, &["ephemeral_fs", "allow"])
}

fn path_is(attr: &Attribute, expected: &[&str]) -> bool {
    let segments = &attr.path().segments;
    segments.len() == expected.len() && segments.iter().zip(expected).all(|(s, e)| s.ident == e)
}

/// Parses the attribute's own arguments: `deny(a, b), warn(c)`.
pub fn parse_levels(args: TokenStream, ctxt: &mut Ctxt) -> Vec<Setting> {
    let mut settings = Vec::new();
    let mut tokens = without_invisible_groups(args).into_iter().peekable();
    while let Some(token) = tokens.next() {
        let TokenTree::Ident(level_ident) = &token else {
            ctxt.error(
                token.span(),
                "expected `allow(..)`, `warn(..)` or `deny(..)`, as in `#[ephemeral_fs(deny(persistent_read))]`",
            );
            return settings;
        };
        let name = level_ident.to_string();
        let level = Level::from_name(&name);
        if level.is_none() {
            let hint = if name == "forbid" {
                "; `deny` is the strongest level".to_owned()
            } else {
                String::new()
            };
            ctxt.error(
                level_ident.span(),
                format!("unknown level `{name}`: expected `allow`, `warn` or `deny`{hint}"),
            );
        }
        match tokens.next() {
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis => {
                let lints = parse_lint_list(group.stream(), group.span(), &name, ctxt);
                if let Some(level) = level {
                    settings.extend(lints.into_iter().map(|(lint, span)| Setting {
                        lint,
                        level,
                        span,
                        reason: None,
                    }));
                }
            }
            other => {
                let span = other.as_ref().map_or(level_ident.span(), TokenTree::span);
                ctxt.error(
                    span,
                    format!("expected a parenthesized list of lints after `{name}`, as in `{name}(persistent_read)`"),
                );
                return settings;
            }
        }
        match tokens.next() {
            None => break,
            Some(TokenTree::Punct(punct)) if punct.as_char() == ',' => {}
            Some(other) => {
                ctxt.error(other.span(), "expected `,` between lint levels");
                return settings;
            }
        }
    }
    check_duplicates(&settings, ctxt);
    settings
}

/// Arguments that come through a `macro_rules!` fragment (`$levels:meta`)
/// arrive wrapped in invisible groups; their tokens are what counts.
fn without_invisible_groups(tokens: TokenStream) -> TokenStream {
    tokens
        .into_iter()
        .flat_map(|token| match token {
            TokenTree::Group(group) if group.delimiter() == Delimiter::None => {
                without_invisible_groups(group.stream())
                    .into_iter()
                    .collect::<Vec<_>>()
            }
            other => vec![other],
        })
        .collect()
}

/// `a, b, c` inside `deny(..)` or `#[ephemeral_fs::allow(..)]`.
fn parse_lint_list(
    tokens: TokenStream,
    group_span: Span,
    owner: &str,
    ctxt: &mut Ctxt,
) -> Vec<(Lint, Span)> {
    let errors_before = ctxt.count();
    let mut lints = Vec::new();
    let mut expect_lint = true;
    for token in without_invisible_groups(tokens) {
        match (&token, expect_lint) {
            (TokenTree::Ident(ident), true) => {
                let name = crate::syntax::ident_name(ident);
                if let Some(lint) = lint_named(&name, ident.span(), ctxt) {
                    lints.push((lint, ident.span()));
                }
                expect_lint = false;
            }
            (TokenTree::Punct(punct), false) if punct.as_char() == ',' => expect_lint = true,
            (TokenTree::Ident(_), false) => {
                ctxt.error(token.span(), "expected `,` between lints");
                return lints;
            }
            (_, false) => {
                ctxt.error(
                    token.span(),
                    "expected `,` or the end of the list after a lint name",
                );
                return lints;
            }
            (_, true) => {
                ctxt.error(
                    token.span(),
                    format!("expected a lint name: {}", lint_list()),
                );
                return lints;
            }
        }
    }
    if lints.is_empty() && ctxt.count() == errors_before {
        ctxt.error(
            group_span,
            format!(
                "`{owner}(..)` names no lint: expected one or more of {}",
                lint_list()
            ),
        );
    }
    lints
}

fn lint_named(name: &str, span: Span, ctxt: &mut Ctxt) -> Option<Lint> {
    let lint = Lint::from_name(name);
    if lint.is_none() {
        let suggestion = match crate::lints::closest(name) {
            Some(close) => format!("did you mean `{close}`? "),
            None => String::new(),
        };
        ctxt.error(
            span,
            format!(
                "unknown lint `{name}`: {suggestion}the lints are {}",
                lint_list()
            ),
        );
    }
    lint
}

fn check_duplicates(settings: &[Setting], ctxt: &mut Ctxt) {
    for (i, later) in settings.iter().enumerate() {
        if let Some(earlier) = settings[..i].iter().find(|s| s.lint == later.lint) {
            let message = if earlier.level == later.level {
                format!("`{}` is listed twice: remove one", later.lint)
            } else {
                format!(
                    "conflicting levels for `{}`: `{}` here, `{}` earlier; keep one",
                    later.lint,
                    later.level.name(),
                    earlier.level.name()
                )
            };
            ctxt.error(later.span, message);
        }
    }
}

/// Parses `#[ephemeral_fs::allow(lint, .., reason = "...")]` into `allow`
/// settings. The reason is mandatory, so every exception explains itself.
pub fn parse_allow(attr: &Attribute, ctxt: &mut Ctxt) -> Vec<Setting> {
    const USAGE: &str = "`#[ephemeral_fs::allow(persistent_write, reason = \"...\")]`";
    let list = match &attr.meta {
        Meta::List(list) => list,
        _ => {
            ctxt.error_spanned(
                attr,
                format!("`#[ephemeral_fs::allow]` needs a lint and a reason: {USAGE}"),
            );
            return Vec::new();
        }
    };
    let (lint_tokens, reason) = split_reason(without_invisible_groups(list.tokens.clone()), ctxt);
    let lints = parse_lint_list(
        lint_tokens,
        list.delimiter.span().join(),
        "ephemeral_fs::allow",
        ctxt,
    );
    match reason {
        Some(Reason::Given) => {}
        Some(Reason::Empty(span)) => {
            ctxt.error(span, "the reason is empty: say why this exception is safe");
        }
        None => ctxt.error_spanned(
            attr,
            format!("`#[ephemeral_fs::allow]` needs a reason saying why this is safe: {USAGE}"),
        ),
    }
    let reason = reason_text(&list.tokens);
    let settings: Vec<Setting> = lints
        .into_iter()
        .map(|(lint, span)| Setting {
            lint,
            level: Level::Allow,
            span,
            reason: reason.clone(),
        })
        .collect();
    check_duplicates(&settings, ctxt);
    settings
}

/// The text of a well-formed `reason = "..."` entry; errors are
/// `split_reason`'s to report.
fn reason_text(tokens: &TokenStream) -> Option<String> {
    let tokens: Vec<TokenTree> = without_invisible_groups(tokens.clone())
        .into_iter()
        .collect();
    tokens.windows(3).find_map(|window| match window {
        [
            TokenTree::Ident(name),
            TokenTree::Punct(eq),
            TokenTree::Literal(literal),
        ] if name == "reason" && eq.as_char() == '=' => {
            syn::parse2::<syn::LitStr>(TokenTree::Literal(literal.clone()).into())
                .ok()
                .map(|text| text.value())
        }
        _ => None,
    })
}

enum Reason {
    Given,
    Empty(Span),
}

/// Splits off a `reason = "..."` entry wherever it appears in the list.
fn split_reason(tokens: TokenStream, ctxt: &mut Ctxt) -> (TokenStream, Option<Reason>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut rest = Vec::new();
    let mut reason = None;
    let mut i = 0;
    while i < tokens.len() {
        let named_reason = matches!(&tokens[i], TokenTree::Ident(ident) if ident == "reason");
        let is_reason = named_reason
            && matches!(tokens.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '=');
        if named_reason && !is_reason {
            ctxt.error(tokens[i].span(), "expected `reason = \"...\"`");
            reason.get_or_insert(Reason::Given);
            i += 1;
            if matches!(tokens.get(i), Some(TokenTree::Punct(p)) if p.as_char() == ',') {
                i += 1;
            } else if matches!(rest.last(), Some(TokenTree::Punct(p)) if p.as_char() == ',') {
                rest.pop();
            }
            continue;
        }
        if !is_reason {
            rest.push(tokens[i].clone());
            i += 1;
            continue;
        }
        if reason.is_some() {
            ctxt.error(tokens[i].span(), "the reason is given twice: keep one");
        }
        match tokens.get(i + 2) {
            Some(TokenTree::Literal(literal)) => {
                match syn::parse2::<syn::LitStr>(TokenTree::Literal(literal.clone()).into()) {
                    Ok(text) if text.value().trim().is_empty() => {
                        reason = Some(Reason::Empty(literal.span()));
                    }
                    Ok(_) => reason = Some(Reason::Given),
                    Err(_) => {
                        ctxt.error(literal.span(), "the reason must be a string literal");
                        reason = Some(Reason::Given);
                    }
                }
            }
            other => {
                let span = other.map_or(tokens[i + 1].span(), TokenTree::span);
                ctxt.error(span, "expected a string after `reason =`");
                reason = Some(Reason::Given);
            }
        }
        i += 3;
        // Drop the comma that separated the reason from what follows, or
        // the one before it when the reason came last.
        if matches!(tokens.get(i), Some(TokenTree::Punct(p)) if p.as_char() == ',') {
            i += 1;
        } else if matches!(rest.last(), Some(TokenTree::Punct(p)) if p.as_char() == ',') {
            rest.pop();
        }
    }
    (rest.into_iter().collect(), reason)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn levels(args: TokenStream) -> (Vec<Setting>, Option<String>) {
        let mut ctxt = Ctxt::default();
        let settings = parse_levels(args, &mut ctxt);
        (settings, ctxt.finish().map(|e| e.to_string()))
    }

    #[test]
    fn parses_levels() {
        let (settings, error) = levels(quote!(
            deny(persistent_read),
            warn(persistent_write, temp_escape)
        ));
        assert_eq!(error, None);
        let applied = apply(Levels::default(), &settings);
        assert_eq!(applied.get(Lint::PersistentRead), Level::Deny);
        assert_eq!(applied.get(Lint::PersistentWrite), Level::Warn);
        assert_eq!(applied.get(Lint::TempEscape), Level::Warn);
    }

    #[test]
    fn suggests_the_closest_lint() {
        let (_, error) = levels(quote!(deny(persistant_write)));
        let error = error.unwrap();
        assert!(
            error.contains("did you mean `persistent_write`?"),
            "{error}"
        );
        assert!(error.contains("`temp_escape`"), "{error}");
    }

    #[test]
    fn rejects_unknown_levels_and_conflicts() {
        assert!(
            levels(quote!(forbid(temp_escape)))
                .1
                .unwrap()
                .contains("`deny` is the strongest")
        );
        assert!(
            levels(quote!(deny(temp_escape), warn(temp_escape)))
                .1
                .unwrap()
                .contains("conflicting levels")
        );
        assert!(
            levels(quote!(deny(temp_escape, temp_escape)))
                .1
                .unwrap()
                .contains("listed twice")
        );
        assert!(levels(quote!(deny())).1.unwrap().contains("names no lint"));
        assert!(
            levels(quote!(deny))
                .1
                .unwrap()
                .contains("parenthesized list")
        );
        assert!(
            levels(quote!("deny"))
                .1
                .unwrap()
                .contains("expected `allow(..)`")
        );
        assert!(
            levels(quote!(deny(temp_escape) warn(persistent_read)))
                .1
                .unwrap()
                .contains("expected `,`")
        );
    }

    fn allow(attr: Attribute) -> (Vec<Setting>, Option<String>) {
        let mut ctxt = Ctxt::default();
        let settings = parse_allow(&attr, &mut ctxt);
        (settings, ctxt.finish().map(|e| e.to_string()))
    }

    #[test]
    fn allow_needs_a_reason() {
        let (settings, error) = allow(
            syn::parse_quote!(#[ephemeral_fs::allow(temp_escape, reason = "moved to S3 below")]),
        );
        assert_eq!(error, None);
        assert_eq!(settings.len(), 1);
        let (_, error) = allow(syn::parse_quote!(#[ephemeral_fs::allow(temp_escape)]));
        assert!(error.unwrap().contains("needs a reason"));
        let (_, error) =
            allow(syn::parse_quote!(#[ephemeral_fs::allow(temp_escape, reason = " ")]));
        assert!(error.unwrap().contains("reason is empty"));
        let (_, error) = allow(syn::parse_quote!(#[ephemeral_fs::allow]));
        assert!(error.unwrap().contains("needs a lint and a reason"));
        let (settings, error) = allow(
            syn::parse_quote!(#[ephemeral_fs::allow(reason = "x", persistent_read, temp_escape)]),
        );
        assert_eq!(error, None);
        assert_eq!(settings.len(), 2);
    }
}
