//! The cases live in `pass/` and `fail/`; `ui.rs` runs them.
