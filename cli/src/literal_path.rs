//! What a finding's path argument is known to start with, from the source
//! alone: a string literal, a `const` or `static` of the file initialized
//! with one, the literal part of a `format!` (with its captured or
//! positional constants), and these through `&`, `Path::new`,
//! `PathBuf::from`, `.to_string()`, `.join(..)` and the like. Used to say
//! that a finding writes onto a Dockerfile's `VOLUME`.
//!
//! Input: a file's text and the spans of its findings. Output: per span,
//! the path's known start and whether it is the whole path.
//!
//! `.join(x)` with an `x` that is not a literal is taken to add components
//! below: an absolute `x` would replace the path, which only its value at
//! run time says.

use std::collections::HashMap;

use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{Expr, Lit};

use crate::report::Span;

/// A path's known start, and whether it is the whole path.
pub type Prefix = (String, bool);

/// For each span, the known start of the path written there, if any.
/// A file that does not parse knows nothing.
pub fn literal_paths(text: &str, spans: &[Span]) -> Vec<Option<Prefix>> {
    let Ok(file) = syn::parse_file(text) else {
        return vec![None; spans.len()];
    };
    let mut finder = Finder {
        wanted: spans,
        found: vec![None; spans.len()],
        constants: HashMap::new(),
    };
    finder.visit_file(&file);
    let prefixes = finder
        .found
        .iter()
        .map(|expr| expr.as_ref().and_then(|e| prefix(e, &finder.constants)))
        .collect();
    drop(finder);
    drop(file);
    // Every span of the file is read; the parser's map of this thread's
    // source text can go.
    proc_macro2::extra::invalidate_current_thread_spans();
    prefixes
}

struct Finder<'a> {
    wanted: &'a [Span],
    /// The expression at each wanted span.
    found: Vec<Option<Expr>>,
    /// `const NAME: &str = "..";` and `static` ones, by name.
    constants: HashMap<String, String>,
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_item_const(&mut self, item: &'ast syn::ItemConst) {
        self.constant(&item.ident, &item.expr);
        visit::visit_item_const(self, item);
    }

    fn visit_item_static(&mut self, item: &'ast syn::ItemStatic) {
        self.constant(&item.ident, &item.expr);
        visit::visit_item_static(self, item);
    }

    fn visit_impl_item_const(&mut self, item: &'ast syn::ImplItemConst) {
        self.constant(&item.ident, &item.expr);
        visit::visit_impl_item_const(self, item);
    }

    fn visit_expr(&mut self, expr: &'ast Expr) {
        let span = Span::of(expr.span());
        // `.persist(dest)` is reported at the method's name.
        let method = match expr {
            Expr::MethodCall(call) => Some((Span::of(call.method.span()), call.args.first())),
            _ => None,
        };
        for (index, wanted) in self.wanted.iter().enumerate() {
            if self.found[index].is_some() {
                continue;
            }
            if span == *wanted {
                self.found[index] = Some(expr.clone());
            } else if let Some((at, Some(argument))) = &method {
                if at == wanted {
                    self.found[index] = Some((*argument).clone());
                }
            }
        }
        visit::visit_expr(self, expr);
    }
}

impl Finder<'_> {
    fn constant(&mut self, name: &syn::Ident, value: &Expr) {
        if let Expr::Lit(syn::ExprLit {
            lit: Lit::Str(text),
            ..
        }) = value
        {
            self.constants.insert(name.to_string(), text.value());
        }
    }
}

/// The last segment's name of a path expression or callee.
fn last_name(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Path(path) => path.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

fn prefix(expr: &Expr, constants: &HashMap<String, String>) -> Option<Prefix> {
    match expr {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Str(text),
            ..
        }) => Some((text.value(), true)),
        Expr::Path(_) => constants
            .get(&last_name(expr)?)
            .map(|value| (value.clone(), true)),
        Expr::Reference(reference) => prefix(&reference.expr, constants),
        Expr::Paren(paren) => prefix(&paren.expr, constants),
        Expr::Group(group) => prefix(&group.expr, constants),
        Expr::Call(call) if call.args.len() == 1 => {
            let name = last_name(&call.func)?;
            matches!(name.as_str(), "new" | "from").then_some(())?;
            prefix(&call.args[0], constants)
        }
        Expr::MethodCall(call) => {
            let method = call.method.to_string();
            match (method.as_str(), call.args.len()) {
                (
                    "to_string" | "to_owned" | "into" | "to_path_buf" | "as_path" | "as_ref"
                    | "clone",
                    0,
                ) => prefix(&call.receiver, constants),
                ("join", 1) => {
                    let (base, complete) = prefix(&call.receiver, constants)?;
                    if !complete {
                        return Some((base, false));
                    }
                    let base = base.trim_end_matches('/');
                    Some(match prefix(&call.args[0], constants) {
                        // An absolute path replaces the base.
                        Some((joined, complete)) if joined.starts_with('/') => (joined, complete),
                        Some((joined, complete)) => (format!("{base}/{joined}"), complete),
                        None => (format!("{base}/"), false),
                    })
                }
                _ => None,
            }
        }
        Expr::Macro(mac) if mac.mac.path.segments.last()?.ident == "format" => {
            let arguments = mac
                .mac
                .parse_body_with(Punctuated::<Expr, syn::Token![,]>::parse_terminated)
                .ok()?;
            format_prefix(&arguments, constants)
        }
        _ => None,
    }
}

/// The literal start of `format!(template, args..)`, with the arguments
/// it names where they are known.
fn format_prefix(
    arguments: &Punctuated<Expr, syn::Token![,]>,
    constants: &HashMap<String, String>,
) -> Option<Prefix> {
    let mut arguments = arguments.iter();
    let Expr::Lit(syn::ExprLit {
        lit: Lit::Str(template),
        ..
    }) = arguments.next()?
    else {
        return None;
    };
    let mut positional = Vec::new();
    let mut named = HashMap::new();
    for argument in arguments {
        match argument {
            Expr::Assign(assign) => {
                named.insert(last_name(&assign.left)?, &*assign.right);
            }
            _ => positional.push(argument),
        }
    }
    let template = template.value();
    let mut out = String::new();
    let mut next_positional = 0;
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let placeholder: String = chars.by_ref().take_while(|c| *c != '}').collect();
                let (name, spec) = placeholder
                    .split_once(':')
                    .unwrap_or((placeholder.as_str(), ""));
                let name = name.trim();
                // A width or precision changes the text.
                let value = if !spec.is_empty() {
                    None
                } else if name.is_empty() {
                    next_positional += 1;
                    positional
                        .get(next_positional - 1)
                        .and_then(|e| prefix(e, constants))
                } else if let Ok(index) = name.parse::<usize>() {
                    positional.get(index).and_then(|e| prefix(e, constants))
                } else if let Some(expr) = named.get(name) {
                    prefix(expr, constants)
                } else {
                    constants.get(name).map(|value| (value.clone(), true))
                };
                match value {
                    Some((text, true)) => out.push_str(&text),
                    Some((text, false)) => return Some((out + &text, false)),
                    None => return Some((out, false)),
                }
            }
            _ => out.push(c),
        }
    }
    Some((out, true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Position;

    /// The prefix of the path argument of the one `f(..)` call in `body`.
    fn of(items: &str, argument: &str) -> Option<Prefix> {
        let text = format!("{items}\nfn g() {{\n    f({argument});\n}}\n");
        let line = text.lines().position(|l| l.starts_with("    f(")).unwrap() + 1;
        let span = Span {
            start: Position { line, column: 7 },
            end: Position {
                line,
                column: 7 + argument.chars().count(),
            },
        };
        literal_paths(&text, &[span]).remove(0)
    }

    fn known(text: &str) -> Option<Prefix> {
        Some((text.to_owned(), true))
    }

    fn partial(text: &str) -> Option<Prefix> {
        Some((text.to_owned(), false))
    }

    #[test]
    fn what_the_source_says_a_path_starts_with() {
        const DIR: &str = "const UPLOADS: &str = \"/var/uploads\";";
        let table: &[(&str, &str, Option<Prefix>)] = &[
            ("", "\"/var/uploads/a.txt\"", known("/var/uploads/a.txt")),
            (DIR, "UPLOADS", known("/var/uploads")),
            (DIR, "crate::UPLOADS", known("/var/uploads")),
            (
                "static UPLOADS: &str = \"/srv\";",
                "&UPLOADS",
                known("/srv"),
            ),
            (
                "",
                "format!(\"/var/uploads/{name}\")",
                partial("/var/uploads/"),
            ),
            (
                DIR,
                "format!(\"{UPLOADS}/{name}\")",
                partial("/var/uploads/"),
            ),
            (
                DIR,
                "format!(\"{}/{}\", UPLOADS, name)",
                partial("/var/uploads/"),
            ),
            (
                DIR,
                "format!(\"{d}/a\", d = UPLOADS)",
                known("/var/uploads/a"),
            ),
            ("", "format!(\"/a/{{b}}\")", known("/a/{b}")),
            ("", "format!(\"/a/{:>4}\", 1)", partial("/a/")),
            (
                DIR,
                "Path::new(UPLOADS).join(name)",
                partial("/var/uploads/"),
            ),
            (
                DIR,
                "PathBuf::from(UPLOADS).join(\"a\")",
                known("/var/uploads/a"),
            ),
            (DIR, "Path::new(UPLOADS).join(\"/etc\")", known("/etc")),
            ("", "&\"/a\".to_string()", known("/a")),
            ("", "path", None),
            ("", "other(\"/a\")", None),
            ("", "format!(\"{x}/a\")", partial("")),
        ];
        for (items, argument, expected) in table {
            assert_eq!(&of(items, argument), expected, "{items} {argument}");
        }
    }

    #[test]
    fn persist_is_found_at_its_method_name() {
        let text = "const D: &str = \"/var/uploads\";\nfn g(t: T) {\n    t.persist(format!(\"{D}/x\"));\n}\n";
        let span = Span {
            start: Position { line: 3, column: 7 },
            end: Position {
                line: 3,
                column: 14,
            },
        };
        assert_eq!(literal_paths(text, &[span]), vec![known("/var/uploads/x")]);
    }
}
