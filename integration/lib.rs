//! The cases live in `tests/`, `pass/` and `fail/`.
