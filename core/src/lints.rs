//! The lints and their levels.

use std::fmt;

/// A rule `#[ephemeral_fs]` enforces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lint {
    /// Creating, writing, modifying or deleting a local path that is not a
    /// temp-file handle.
    PersistentWrite,
    /// A tempfile call that makes a temp file outlive the request.
    TempEscape,
    /// Reading a local path that is not a temp-file handle.
    PersistentRead,
}

impl Lint {
    pub const ALL: [Lint; 3] = [
        Lint::PersistentWrite,
        Lint::TempEscape,
        Lint::PersistentRead,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Lint::PersistentWrite => "persistent_write",
            Lint::TempEscape => "temp_escape",
            Lint::PersistentRead => "persistent_read",
        }
    }

    pub fn default_level(self) -> Level {
        match self {
            Lint::PersistentWrite | Lint::TempEscape => Level::Deny,
            Lint::PersistentRead => Level::Allow,
        }
    }

    pub fn from_name(name: &str) -> Option<Lint> {
        Lint::ALL.into_iter().find(|lint| lint.name() == name)
    }

    /// The known lint closest to a misspelled name, if any is close.
    pub fn closest(name: &str) -> Option<Lint> {
        Lint::ALL
            .into_iter()
            .map(|lint| (strsim::jaro_winkler(name, lint.name()), lint))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, lint)| lint)
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

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

/// The level of every lint at one point of the annotated code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Levels([Level; 3]);

impl Default for Levels {
    fn default() -> Self {
        let mut levels = [Level::Allow; 3];
        for lint in Lint::ALL {
            levels[lint.index()] = lint.default_level();
        }
        Levels(levels)
    }
}

impl Levels {
    pub fn get(&self, lint: Lint) -> Level {
        self.0[lint.index()]
    }

    pub fn set(&mut self, lint: Lint, level: Level) {
        self.0[lint.index()] = level;
    }

    /// Every lint allowed: the rewriter then only strips our attributes.
    pub fn all_allowed() -> Self {
        Levels([Level::Allow; 3])
    }
}

/// The lint names as prose, for error messages.
pub fn lint_list() -> String {
    let names: Vec<String> = Lint::ALL.iter().map(|l| format!("`{l}`")).collect();
    format!("{}, {} and {}", names[0], names[1], names[2])
}
