//! Calls inside macro invocations (`assert!`, `dbg!`, `vec!`, `format!`,
//! and any macro whose arguments are Rust expressions). std's `stringify!`
//! and `concat!` only make text of their tokens, never run them: they are
//! left as written, so that the text is the user's.
//!
//! A macro's input is only tokens, so this is a stated heuristic: parse the
//! tokens as comma-separated expressions, else as statements, else split
//! them at top-level `,` `;` and `=>` and try each piece as an expression;
//! a piece that is not one is split once more after a top-level `if` (a
//! match guard), and its bracketed groups are tried in turn. Tokens are only
//! replaced when a rewrite happened, so macros we cannot read come out as
//! they went in.

use proc_macro2::{Delimiter, Group, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::visit_mut::VisitMut;
use syn::{Block, Expr, Macro, Token};

use crate::prescan::TokenScan;
use crate::rewrite::Rewriter;

/// std's macros that turn their tokens into text and never evaluate them:
/// rewriting their tokens would only change the text they produce.
const TEXT_MACROS: &[&str] = &["stringify", "concat"];

impl Rewriter<'_> {
    pub(crate) fn rewrite_macro(&mut self, mac: &mut Macro) {
        if self.is_text_macro(&mac.path) {
            return;
        }
        let thread_local = mac
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == "thread_local");
        if !thread_local {
            self.refuse_run_time_arguments_in_const(mac);
        }
        let saved = std::mem::replace(&mut self.thread_local_statics, thread_local);
        // A macro of the user's may bind any name it is handed, and use it
        // in its other arguments (`with!(p, "/var/x", fs::write(p, ..))` as
        // `{ let $name = $value; $body }`): a path local it names is not
        // followed in its arguments either.
        let binds_nothing = self.binds_nothing(&mac.path);
        if !binds_nothing {
            let mut names = Vec::new();
            collect_idents(&mac.tokens, &mut names);
            let has_bindings = self.body.flow.has_bindings();
            for name in names {
                if has_bindings {
                    self.body.flow.shadow_if_bound(&name);
                }
                // It may assign it too (`init!(doc)` as `$v = Doc(1)`): a
                // `persist` receiver it names is not read before the
                // statement (`hoisted_marker`).
                self.body.flow.note_assigned(&name);
            }
        }
        // `matches!(x, Some(p) if fs::write(&p, ..).is_ok())`: its pattern
        // binds names for its guard, and only there.
        let pattern_scope = binds_nothing && is_matches(&mac.path) && self.body.flow.has_bindings();
        if pattern_scope {
            self.body.flow.enter(false);
            let mut names = Vec::new();
            collect_idents(&after_first_comma(&mac.tokens), &mut names);
            for name in names {
                self.body.flow.shadow_if_bound(&name);
            }
        }
        // A macro may bind names of its own around its arguments: nothing
        // in them is put before the statement, unless it binds none (std's
        // formatting macros: `println!("{}", tmp.persist(d)?)`).
        let hoist = if binds_nothing && !is_matches(&mac.path) {
            None
        } else {
            self.body.hoist.take()
        };
        let rewritten = self.rewrite_tokens(mac.tokens.clone());
        if hoist.is_some() {
            self.body.hoist = hoist;
        }
        if pattern_scope {
            self.body.flow.exit();
        }
        self.thread_local_statics = saved;
        if let Some(tokens) = rewritten {
            if self.emits {
                mac.tokens = tokens;
            }
        }
        // A `let` among the macro's tokens may bind a name again where the
        // macro expands, whether we could read the tokens or not, and a
        // macro of the user's may bind any name it is handed (`bind!(p,
        // "/var/x")` as `let $name = $value;`): a path local of that name
        // is no longer followed. std's formatting and assertion macros,
        // and log's and tracing's event macros, by their path, bind nothing.
        if self.body.flow.has_bindings() {
            let names = if binds_nothing {
                let_bound_names(&mac.tokens)
            } else {
                let mut names = Vec::new();
                collect_idents(&mac.tokens, &mut names);
                names
            };
            for name in names {
                self.body.flow.shadow_if_bound(&name);
            }
        }
    }

    // Input:  static AUDIT: LazyLock<File> = lazy!(File::create("/var/audit.log").unwrap());
    /// In a const context, a macro's arguments may still run at run time:
    /// `macro_rules! lazy { ($e:expr) => { LazyLock::new(|| $e) } }` puts
    /// them in a closure. The attribute cannot tell, so what they would be
    /// refused for as run-time code refuses the macro call.
    fn refuse_run_time_arguments_in_const(&mut self, mac: &Macro) {
        let Some(levels) = self.const_levels else {
            return;
        };
        let saved = (self.levels, self.stripping, self.emits, self.changes);
        (self.levels, self.stripping, self.emits) = (levels, false, false);
        self.const_levels = None;
        let _ = self.rewrite_tokens(mac.tokens.clone());
        let enforced = self.changes != saved.3;
        (self.levels, self.stripping, self.emits, self.changes) = saved;
        self.const_levels = Some(levels);
        if enforced {
            self.changes += 1;
            let name = crate::syntax::path_text(&mac.path);
            self.ctxt.error_spanned(
                &mac.path,
                format!(
                    "`{name}!` in a `const` or `static` initializer: #[ephemeral_fs] cannot tell whether its arguments run at compile time or later, and they would be refused as run-time code; write the closure out (`LazyLock::new(|| ..)`), where they are checked, or put `#[ephemeral_fs::allow(..)]` with the lint and a reason on the item"
                ),
            );
        }
    }

    /// `stringify!`, `std::stringify!` or `::core::concat!`, unless a name
    /// in sight (a local `macro_rules! stringify`) says it is another macro.
    fn is_text_macro(&self, path: &syn::Path) -> bool {
        let names = crate::syntax::segment_names(path);
        match names.as_slice() {
            [name] if path.leading_colon.is_none() => {
                TEXT_MACROS.contains(&name.as_str()) && !self.names_macro(name)
            }
            [krate, name] => {
                matches!(krate.as_str(), "std" | "core")
                    && TEXT_MACROS.contains(&name.as_str())
                    && (path.leading_colon.is_some() || !self.namespaces.names(krate))
            }
            _ => false,
        }
    }

    /// The rewritten tokens, or `None` when nothing in them changed.
    fn rewrite_tokens(&mut self, tokens: TokenStream) -> Option<TokenStream> {
        // Most macro calls (`format!`, `tracing::info!`) name nothing of ours:
        // a scan is far cheaper than a parse.
        if tokens.is_empty() || !self.mentions_trigger(&tokens) {
            return None;
        }
        let before = self.changes;
        let rewritten = self
            .rewrite_as_exprs(tokens.clone())
            .or_else(|| self.rewrite_as_stmts(tokens.clone()));
        let rewritten = match rewritten {
            Some(rewritten) => rewritten,
            None => self.rewrite_pieces(tokens),
        };
        (self.changes != before).then_some(rewritten)
    }

    // Input:  vec![save(p, b)]     (use std::fs::write as save;)
    // Output: true
    /// Whether a name in `tokens` could start a rewrite: a word of the
    /// tables, or a name an import, alias or inline module in sight binds
    /// (a renamed operation, `m::save`).
    fn mentions_trigger(&self, tokens: &TokenStream) -> bool {
        if TokenScan::of(tokens).mentions_trigger {
            return true;
        }
        let mut names = Vec::new();
        collect_idents(tokens, &mut names);
        names
            .iter()
            .any(|name| self.namespaces.imports(name) || self.namespaces.is_module(name))
    }

    fn rewrite_as_exprs(&mut self, tokens: TokenStream) -> Option<TokenStream> {
        let mut exprs = Punctuated::<Expr, Token![,]>::parse_terminated
            .parse2(tokens)
            .ok()?;
        for expr in exprs.iter_mut() {
            self.visit_expr_mut(expr);
        }
        Some(exprs.into_token_stream())
    }

    fn rewrite_as_stmts(&mut self, tokens: TokenStream) -> Option<TokenStream> {
        let stmts = Block::parse_within.parse2(tokens).ok()?;
        let mut block = Block {
            brace_token: Default::default(),
            stmts,
        };
        self.visit_block_mut(&mut block);
        let mut out = TokenStream::new();
        for stmt in &block.stmts {
            stmt.to_tokens(&mut out);
        }
        Some(out)
    }

    fn rewrite_pieces(&mut self, tokens: TokenStream) -> TokenStream {
        let mut out = TokenStream::new();
        let mut piece = Vec::new();
        let mut tokens = tokens.into_iter().peekable();
        // Inside a turbofish (`write::<&str, &[u8]>`, `HashMap::<K, V>`), a
        // comma separates generic arguments, not pieces.
        let mut turbofish = 0usize;
        while let Some(token) = tokens.next() {
            if let TokenTree::Punct(p) = &token {
                turbofish = match p.as_char() {
                    '<' if turbofish > 0 || ends_with_path_separator(&piece) => turbofish + 1,
                    '>' if !ends_with_arrow_start(&piece) => turbofish.saturating_sub(1),
                    _ => turbofish,
                };
            }
            let separator = match &token {
                _ if turbofish > 0 => false,
                TokenTree::Punct(p) if p.as_char() == ',' || p.as_char() == ';' => true,
                TokenTree::Punct(p) if p.as_char() == '=' && p.spacing() == Spacing::Joint => {
                    matches!(tokens.peek(), Some(TokenTree::Punct(next)) if next.as_char() == '>')
                }
                _ => false,
            };
            if !separator {
                piece.push(token);
                continue;
            }
            out.extend(self.rewrite_piece(std::mem::take(&mut piece)));
            let is_arrow = matches!(&token, TokenTree::Punct(p) if p.as_char() == '=');
            out.extend([token]);
            if is_arrow {
                out.extend(tokens.next());
            }
        }
        out.extend(self.rewrite_piece(piece));
        out
    }

    fn rewrite_piece(&mut self, piece: Vec<TokenTree>) -> TokenStream {
        let tokens: TokenStream = piece.iter().cloned().collect();
        if let Ok(mut expr) = syn::parse2::<Expr>(tokens.clone()) {
            let before = self.changes;
            self.visit_expr_mut(&mut expr);
            return if self.changes != before {
                expr.into_token_stream()
            } else {
                tokens
            };
        }
        // A match guard (`matches!(x, Some(_) if ..)`): the pattern does not
        // parse as an expression, the guard after `if` does. So does a
        // condition that starts the piece (`select!`'s `, if ready =>`).
        let guard = piece
            .iter()
            .position(|token| matches!(token, TokenTree::Ident(ident) if ident == "if"));
        // `select!`'s `Ok(n) = reader.read(..) =>`, `json!`'s `"saved": ..`:
        // what follows a lone `=` or `:` may be an expression.
        // The first of them: `"k": if a { b } else { c }` is a value.
        let at = match (guard, lone_binder(&piece)) {
            (Some(guard), Some(binder)) => Some(guard.min(binder)),
            (guard, binder) => guard.or(binder),
        };
        if let Some(at) = at {
            let mut before = piece;
            let mut after = before.split_off(at);
            let separator = after.remove(0);
            let mut out = self.rewrite_piece(before);
            out.extend([separator]);
            out.extend(self.rewrite_piece(after));
            return out;
        }
        piece
            .into_iter()
            .map(|token| match token {
                TokenTree::Group(group) if group.delimiter() != Delimiter::None => {
                    match self.rewrite_tokens(group.stream()) {
                        Some(stream) => {
                            let mut rebuilt = Group::new(group.delimiter(), stream);
                            rebuilt.set_span(group.span());
                            TokenTree::Group(rebuilt)
                        }
                        None => TokenTree::Group(group),
                    }
                }
                other => other,
            })
            .collect()
    }
}

/// Whether a piece so far ends with `::`, so that a `<` opens a turbofish.
fn ends_with_path_separator(piece: &[TokenTree]) -> bool {
    matches!(piece, [.., TokenTree::Punct(a), TokenTree::Punct(b)]
        if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':')
}

/// Whether a piece so far ends with the `-` of `->` (`Fn(A) -> B`).
fn ends_with_arrow_start(piece: &[TokenTree]) -> bool {
    matches!(piece.last(), Some(TokenTree::Punct(p)) if p.as_char() == '-' && p.spacing() == Spacing::Joint)
}

// Input:  Ok(n) = read(..)     "saved": write(..)     a == b     std::fs::write
// Output: Some(2)              Some(1)                None       None
/// Where a piece of a macro's tokens has a `=` or a `:` of its own: not
/// part of `==`, `<=`, `+=`, `=>` or `::`.
fn lone_binder(piece: &[TokenTree]) -> Option<usize> {
    let is_joint = |at: usize| matches!(piece.get(at), Some(TokenTree::Punct(p)) if p.spacing() == Spacing::Joint);
    piece.iter().enumerate().position(|(at, token)| {
        matches!(token, TokenTree::Punct(p)
            if matches!(p.as_char(), '=' | ':')
                && p.spacing() == Spacing::Alone
                && !(at > 0 && is_joint(at - 1)))
    })
}

/// std's formatting and assertion macros, in its prelude: their expansion
/// binds no name the caller sees.
const STD_MACROS: &[&str] = &[
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "dbg",
    "eprint",
    "eprintln",
    "format",
    "format_args",
    "matches",
    "panic",
    "print",
    "println",
    "todo",
    "unimplemented",
    "unreachable",
    "vec",
    "write",
    "writeln",
];

/// log's and tracing's event macros: they bind nothing either, but only
/// when they are log's or tracing's, which no prelude makes them.
const LOGGING_MACROS: &[&str] = &["trace", "debug", "info", "warn", "error"];

/// The crates whose macros of those names are trusted.
const TRUSTED_MACRO_CRATES: &[&str] = &["std", "core", "alloc", "log", "tracing"];

/// tokio's macros that run the futures they are given, binding nothing the
/// caller sees, trusted by their path (`tokio::try_join!`, or an import of
/// it in sight). Not `pin!`, which binds the name it is handed, nor
/// `select!`, whose branches bind patterns.
const JOIN_MACROS: &[&str] = &["join", "try_join"];

/// Whether the attribute trusts a macro of this name, by its path, to bind
/// no name the caller sees (see `binds_nothing`).
pub fn is_trusted_macro_name(name: &str) -> bool {
    STD_MACROS.contains(&name) || LOGGING_MACROS.contains(&name) || JOIN_MACROS.contains(&name)
}

/// Whether a path starting with this name leads to a crate whose macros of
/// those names are trusted (`log::info!`, `tokio::join!`).
pub fn is_trusted_macro_crate(name: &str) -> bool {
    TRUSTED_MACRO_CRATES.contains(&name) || name == "tokio"
}

impl Rewriter<'_> {
    // Input:  println!   std::println!   tracing::info!   (use log::warn;) warn!
    // Output: true
    // Input:  info!   crate::debug!   (macro_rules! println { .. }) println!
    // Output: false
    /// Macros whose expansion cannot bind a name the caller sees: std's
    /// formatting and assertion macros, and log's or tracing's event
    /// macros, when their path says so. A name alone does not: a
    /// `macro_rules! info` of the user's may expand to `const p` or to a
    /// `let` of the name it is handed. A bare `info!` is trusted only when an
    /// import in sight makes it log's or tracing's; a bare std name only when
    /// nothing in sight (a `macro_rules!`, an import) names it otherwise.
    pub(crate) fn binds_nothing(&self, path: &syn::Path) -> bool {
        let names = crate::syntax::segment_names(path);
        let Some(last) = names.last() else {
            return false;
        };
        let std_name = STD_MACROS.contains(&last.as_str());
        let join_name = JOIN_MACROS.contains(&last.as_str());
        if !std_name && !join_name && !LOGGING_MACROS.contains(&last.as_str()) {
            return false;
        }
        let first = &names[0];
        let by_crate = |krate: &str| {
            if join_name {
                krate == "tokio"
            } else {
                TRUSTED_MACRO_CRATES.contains(&krate)
            }
        };
        if names.len() == 1 && path.leading_colon.is_none() {
            return match self.namespaces.resolve(path) {
                Some(resolved) => resolved.first().is_some_and(|krate| by_crate(krate)),
                None => std_name && !self.names_macro(first),
            };
        }
        if path.leading_colon.is_some() || !self.namespaces.names(first) {
            return by_crate(first);
        }
        self.namespaces
            .resolve(path)
            .is_some_and(|resolved| resolved.first().is_some_and(|krate| by_crate(krate)))
    }
}

// Input:  let p = "/var/x"; { let (a, mut b) = f(); }
// Output: ["p", "a", "mut", "b"]
/// Every identifier between a `let` and its `=` or `;`, at any depth:
/// the names it may bind (a keyword among them binds nothing).
/// `matches!` or `std::matches!`, whose path `binds_nothing` has vouched for.
fn is_matches(path: &syn::Path) -> bool {
    path.segments
        .last()
        .is_some_and(|last| last.ident == "matches")
}

/// The tokens after the first `,` outside groups: a `matches!` pattern and
/// its guard.
fn after_first_comma(tokens: &TokenStream) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .skip_while(|token| !matches!(token, TokenTree::Punct(p) if p.as_char() == ','))
        .collect()
}

fn let_bound_names(tokens: &TokenStream) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_pattern = false;
    for token in tokens.clone() {
        match &token {
            TokenTree::Ident(ident) if ident == "let" => in_pattern = true,
            TokenTree::Ident(ident) if in_pattern => {
                names.push(crate::syntax::ident_name(ident));
            }
            TokenTree::Punct(p) if in_pattern && matches!(p.as_char(), '=' | ';') => {
                in_pattern = false;
            }
            TokenTree::Group(group) if in_pattern => {
                // A tuple or struct pattern: every name in it.
                collect_idents(&group.stream(), &mut names);
            }
            TokenTree::Group(group) => names.extend(let_bound_names(&group.stream())),
            _ => {}
        }
    }
    names
}

pub(crate) fn collect_idents(tokens: &TokenStream, names: &mut Vec<String>) {
    for token in tokens.clone() {
        match token {
            TokenTree::Ident(ident) => names.push(crate::syntax::ident_name(&ident)),
            TokenTree::Group(group) => collect_idents(&group.stream(), names),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_binders_are_not_parts_of_longer_operators() {
        let at = |text: &str| {
            let piece: Vec<TokenTree> = text.parse::<TokenStream>().unwrap().into_iter().collect();
            lone_binder(&piece)
        };
        assert_eq!(at("Ok(n) = read(p)"), Some(2));
        assert_eq!(at("\"saved\": write(p)"), Some(1));
        for text in ["a == b", "a <= b", "a += 1", "std::fs::write(p)", "a != b"] {
            assert_eq!(at(text), None, "{text}");
        }
    }

    #[test]
    fn lets_in_tokens_name_what_they_may_bind() {
        let tokens: TokenStream = "let p = x; { let (a, S { b }) = y; } f(let_me)"
            .parse()
            .unwrap();
        assert_eq!(let_bound_names(&tokens), ["p", "a", "S", "b"]);
    }
}
