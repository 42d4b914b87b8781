//! The lints, declared in `ephemeral-fs-lints`, and their levels at a point
//! of the annotated code.

pub use ephemeral_fs_lints::{CheckedBy, Level, Lint, lint_list};

/// The known lint closest to a misspelled name, if any is close.
pub fn closest(name: &str) -> Option<Lint> {
    Lint::ALL
        .into_iter()
        .map(|lint| (strsim::jaro_winkler(name, lint.name()), lint))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, lint)| lint)
}

/// The level of every lint at one point of the annotated code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Levels([Level; Lint::COUNT]);

impl Default for Levels {
    fn default() -> Self {
        Levels(Lint::ALL.map(Lint::default_level))
    }
}

impl Levels {
    pub fn get(&self, lint: Lint) -> Level {
        self.0[index(lint)]
    }

    pub fn set(&mut self, lint: Lint, level: Level) {
        self.0[index(lint)] = level;
    }

    /// Every lint allowed: the rewriter then only strips our attributes.
    pub fn all_allowed() -> Self {
        Levels([Level::Allow; Lint::COUNT])
    }
}

fn index(lint: Lint) -> usize {
    lint as usize
}
