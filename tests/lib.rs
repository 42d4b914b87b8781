//! Behaviour tests of `ephemeral-fs` live in this package's test targets.
