//! The lints of ephemeral-fs, each declared once in [`declare_lints!`]'s
//! table (`src/table.rs`): its name, default level, where it is checked,
//! its documentation and the audit's messages. Everything else derives
//! from the table: the attribute's level arrays and error messages, the
//! rustdoc of `ephemeral_fs::lint::*` (through [`lint_doc!`]),
//! `cargo ephemeral-fs --explain`, its help and SARIF rules.
//!
//! # Adding a lint
//!
//! 1. Declare it in `src/table.rs`: variant, name, `default`, `checked_by`,
//!    the audit's `message`, `label`, `note`, `suggestion`, and `docs` (the
//!    sections `**Why is this bad?**`, `**Example**`, `**Use instead**`).
//! 2. Give it a marker in the runtime's `lint` module, documented with
//!    `#[doc = ephemeral_fs_lints::lint_doc!(name)]`.
//! 3. For `CheckedBy::AttributeAndAudit`: its runtime bound (a function of
//!    `__private` named after it, a `warn` trait in `lint`), and rows of the
//!    operations table that name it. For `CheckedBy::AuditOnly`: the audit
//!    pass that reports it; the attribute accepts its name, so that
//!    `#[ephemeral_fs(allow(..))]` and `#[ephemeral_fs::allow(..)]` reach
//!    the audit, but checks nothing.
//! 4. Give it a row and a link in the guide's lint chapter
//!    (`runtime/src/guide/lints.md`).
//!
//! The `lint_table` tests of the core crate and of the CLI, and core's
//! `lint_docs` and `docs` tests, fail until each of these exists.

mod table;

use std::fmt;

pub use table::Lint;

/// What happens when a lint fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// No check, no rewrite.
    Allow,
    /// A compiler warning on the call; the build succeeds.
    Warn,
    /// A compile error on the call.
    Deny,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Allow, Level::Warn, Level::Deny];

    pub fn name(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }

    pub fn from_name(name: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.name() == name)
    }
}

/// Which of the two tools checks a lint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckedBy {
    /// The attribute, through a runtime bound, and the audit, which runs
    /// the attribute's analysis over whole files.
    AttributeAndAudit,
    /// Only `cargo ephemeral-fs`: what it checks needs more than one item
    /// (a call graph, the crate's configuration), which the attribute does
    /// not see. The attribute accepts the name and carries its level to
    /// the audit.
    AuditOnly,
}

/// Declares the lints: the `Lint` enum with its table accessors, and the
/// `lint_doc!` macro that expands to a lint's documentation as a string
/// literal, for `#[doc = ..]` in another crate (`include_str!` would look
/// for the file next to that crate's source).
macro_rules! declare_lints {
    ($(
        $(#[$attr:meta])*
        $variant:ident: $name:ident {
            default: $default:ident,
            checked_by: $checked_by:ident,
            message: $message:literal,
            $(value_message: $value_message:literal,)?
            label: $label:literal,
            note: $note:literal,
            suggestion: $suggestion:literal,
            docs: $docs:literal $(,)?
        }
    )*) => {
        /// A rule of ephemeral-fs.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Lint {
            $($(#[$attr])* $variant,)*
        }

        impl Lint {
            /// How many lints there are.
            pub const COUNT: usize = [$(stringify!($name)),*].len();

            /// Every lint, in the table's order.
            pub const ALL: [Lint; Lint::COUNT] = [$(Lint::$variant),*];

            /// The name users write: `persistent_write`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Lint::$variant => stringify!($name),)*
                }
            }

            /// The level outside any `#[ephemeral_fs(..)]`.
            pub const fn default_level(self) -> Level {
                match self {
                    $(Lint::$variant => Level::$default,)*
                }
            }

            pub const fn checked_by(self) -> CheckedBy {
                match self {
                    $(Lint::$variant => CheckedBy::$checked_by,)*
                }
            }

            /// What the lint does, why it matters, an example and what to
            /// use instead, in markdown.
            pub const fn explanation(self) -> &'static str {
                match self {
                    $(Lint::$variant => $docs,)*
                }
            }

            /// The audit's one-line title of a finding at `operation`
            /// (`std::fs::write`, `.persist()`).
            pub fn message(self, operation: &str) -> String {
                let template = match self {
                    $(Lint::$variant => $message,)*
                };
                template.replace("{operation}", operation)
            }

            /// The title when the operation is a function used as a value
            /// (`let f = std::fs::write;`), where the lint has its own.
            pub fn value_message(self, operation: &str) -> Option<String> {
                let template: Option<&str> = match self {
                    $(Lint::$variant => None $(.or(Some($value_message)))?,)*
                };
                template.map(|template| template.replace("{operation}", operation))
            }

            /// A short label for the finding's span.
            pub const fn label(self) -> &'static str {
                match self {
                    $(Lint::$variant => $label,)*
                }
            }

            /// Why it matters, in one line.
            pub const fn note(self) -> &'static str {
                match self {
                    $(Lint::$variant => $note,)*
                }
            }

            /// What to do instead, in one line.
            pub const fn suggestion(self) -> &'static str {
                match self {
                    $(Lint::$variant => $suggestion,)*
                }
            }
        }

        /// A lint's documentation as a string literal:
        /// `#[doc = ephemeral_fs_lints::lint_doc!(persistent_write)]`.
        #[macro_export]
        macro_rules! lint_doc {
            $(($name) => { $docs };)*
        }
    };
}

pub(crate) use declare_lints;

impl Lint {
    pub fn from_name(name: &str) -> Option<Lint> {
        Lint::ALL.into_iter().find(|lint| lint.name() == name)
    }

    /// The explanation's first sentence.
    pub fn summary(self) -> &'static str {
        let first = self.explanation().split("\n\n").next().unwrap_or_default();
        let sentence = first
            .split_once(". ")
            .map_or(first, |(sentence, _)| sentence);
        sentence.trim_end_matches('.')
    }

    /// The explanation's "why" paragraph, without its heading, on one line.
    pub fn rationale(self) -> String {
        let paragraph = self
            .explanation()
            .split("\n\n")
            .find(|p| p.starts_with("**Why is this bad?**"))
            .unwrap_or_default();
        paragraph
            .trim_start_matches("**Why is this bad?**")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl fmt::Display for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The lint names as prose, for messages: "`a`, `b` and `c`".
pub fn lint_list() -> String {
    let names: Vec<String> = Lint::ALL.iter().map(|l| format!("`{l}`")).collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_snake_case_and_parse_back() {
        for lint in Lint::ALL {
            let name = lint.name();
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{name}"
            );
            assert_eq!(Lint::from_name(name), Some(lint));
        }
        assert_eq!(Lint::from_name("persistant_write"), None);
    }

    #[test]
    fn every_explanation_has_its_sections() {
        for lint in Lint::ALL {
            let text = lint.explanation();
            assert!(text.ends_with("```\n"), "{lint}: ends with its example");
            for section in ["**Why is this bad?**", "**Example**", "**Use instead**"] {
                assert!(text.contains(section), "{lint} lacks {section}");
            }
            assert!(lint.summary().starts_with("Flags "), "{lint}");
            assert!(!lint.summary().ends_with('.'), "{lint}");
            assert!(lint.rationale().len() > 100, "{lint}");
            if lint.checked_by() == CheckedBy::AuditOnly {
                assert!(
                    text.contains("cargo ephemeral-fs"),
                    "{lint}: the docs of an audit-only lint say that the audit checks it"
                );
            }
        }
    }

    /// Messages follow the conventions: lowercase, no final period, the
    /// operation in the title.
    #[test]
    fn messages_are_lowercase_sentences_without_a_period() {
        for lint in Lint::ALL {
            let title = lint.message("std::fs::write");
            assert!(title.contains("`std::fs::write`"), "{lint}: {title}");
            let value = lint.value_message("std::fs::write");
            if let Some(value) = &value {
                assert!(value.contains("`std::fs::write`"), "{lint}: {value}");
            }
            for text in [lint.label(), lint.note(), lint.suggestion()]
                .into_iter()
                .chain(value.as_deref())
            {
                assert!(!text.ends_with('.'), "{lint}: {text}");
                assert!(
                    !text.starts_with(|c: char| c.is_ascii_uppercase()),
                    "{lint}: {text}"
                );
            }
        }
    }

    #[test]
    fn lint_list_is_prose() {
        let list = lint_list();
        assert_eq!(list.matches(" and ").count(), 1, "{list}");
        assert_eq!(list.matches('`').count(), 2 * Lint::COUNT, "{list}");
    }
}
