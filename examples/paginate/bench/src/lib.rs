//! See `src/main.rs` and `tests/`.
