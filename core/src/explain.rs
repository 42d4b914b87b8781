//! Each lint's documentation, from one markdown file per lint in `lints/`:
//! `cargo ephemeral-fs --explain`, the rustdoc of `ephemeral_fs::lint::*`
//! and the SARIF rules' help all show that text.

use crate::lints::Lint;

impl Lint {
    /// What the lint does, why it matters, an example and what to use
    /// instead, in markdown.
    pub fn explanation(self) -> &'static str {
        match self {
            Lint::PersistentWrite => include_str!("../lints/persistent_write.md"),
            Lint::TempEscape => include_str!("../lints/temp_escape.md"),
            Lint::PersistentRead => include_str!("../lints/persistent_read.md"),
        }
    }

    /// The explanation's first sentence.
    pub fn summary(self) -> &'static str {
        let first = self.explanation().split("\n\n").next().unwrap_or_default();
        let sentence = first
            .split_once(". ")
            .map_or(first, |(sentence, _)| sentence);
        sentence.trim_end_matches('.')
    }

    /// The explanation's "why" paragraph, without its heading.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_explanation_has_its_sections() {
        for lint in Lint::ALL {
            let text = lint.explanation();
            for section in ["**Why is this bad?**", "**Example**", "**Use instead**"] {
                assert!(text.contains(section), "{lint} lacks {section}");
            }
            assert!(lint.summary().starts_with("Flags "), "{lint}");
            assert!(!lint.summary().ends_with('.'), "{lint}");
            assert!(lint.rationale().len() > 100, "{lint}");
        }
    }
}
