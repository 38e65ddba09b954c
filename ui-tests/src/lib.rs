//! Nothing here: the suite is `tests/ui` run by `tests/ui.rs`; see `README.md` in this directory.
