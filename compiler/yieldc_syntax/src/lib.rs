//! `yieldc_syntax`: the front end of yieldc. Parses one Rust source file with `ra_ap_syntax`
//! (lossless, error tolerant) and finds the coroutine forms that `yieldc_lower` rewrites.
//!
//! `ra_ap_syntax` does not parse postfix `e.yield` nor `for await PAT in EXPR`. Before the
//! real parse, a same-length substitution rewrites them (`.yield` → `.await`, `for await` →
//! `for` plus spaces) and remembers where: every byte offset of the substituted text is the
//! offset of the same byte in the original.
//!
//! Architecture invariants: pure (no IO, no global state), never panics on any input, and
//! knows nothing about the lowering. Returns `(outline, diagnostics)` like rust-analyzer's
//! parser: errors are recorded and the outline is as complete as the input allows.

mod diagnostics;
mod modules;
pub mod outline;
mod token_trees;

pub use diagnostics::{Diagnostic, Label, Level, Span};
pub use modules::{ModuleDeclaration, module_declarations};
pub use outline::{Feature, Form, FormKind, Outline, Substitution, SubstitutionKind};
pub use ra_ap_syntax;
pub use token_trees::{MAX_NESTING, TokenTrees, check_token_trees};

/// The Rust edition of the crate being compiled. `gen` is a keyword only in 2024.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Edition {
    /// Rust 2015.
    E2015,
    /// Rust 2018.
    E2018,
    /// Rust 2021.
    E2021,
    /// Rust 2024.
    #[default]
    E2024,
}

impl Edition {
    /// Parses `2015`, `2018`, `2021`, `2024` (as passed to `rustc --edition`).
    pub fn from_flag(flag: &str) -> Option<Edition> {
        match flag {
            "2015" => Some(Edition::E2015),
            "2018" => Some(Edition::E2018),
            "2021" => Some(Edition::E2021),
            "2024" => Some(Edition::E2024),
            _ => None,
        }
    }

    /// Whether `gen` is a keyword.
    pub fn has_gen_keyword(self) -> bool {
        self >= Edition::E2024
    }

    /// The `ra_ap_syntax` edition.
    pub fn to_ra(self) -> ra_ap_syntax::Edition {
        match self {
            Edition::E2015 => ra_ap_syntax::Edition::Edition2015,
            Edition::E2018 => ra_ap_syntax::Edition::Edition2018,
            Edition::E2021 => ra_ap_syntax::Edition::Edition2021,
            Edition::E2024 => ra_ap_syntax::Edition::Edition2024,
        }
    }
}

/// What the front end needs to know about the crate.
#[derive(Clone, Debug, Default)]
pub struct ParseOptions {
    /// The crate's edition.
    pub edition: Edition,
    /// Whether this file is the crate root (where `#![feature(..)]` gates live). When it is not,
    /// feature gates are not checked (the driver passes the root's gates in `crate_features`).
    pub is_crate_root: bool,
    /// Feature gates enabled by the crate root, when this file is not the root.
    pub crate_features: Vec<String>,
}

/// The cheap byte scan that runs before any parsing: `false` means the file certainly uses no
/// coroutine syntax and no coroutine library path, so it can be passed through unchanged.
pub fn might_use_coroutine_syntax(source: &str) -> bool {
    use aho_corasick::AhoCorasick;
    use std::sync::OnceLock;
    // `(needle, whole word)`: keywords must be whole words; names may be prefixes
    // (`coroutines`, `CoroutineState`, `async_iterator`). The gates yieldc implements are
    // needles so that their `#![feature]` entries get removed; `await` counts only in
    // `for await`.
    const NEEDLES: &[(&str, bool)] = &[
        ("yield", true),
        ("gen", true),
        ("await", true),
        ("coroutine", false),
        ("Coroutine", false),
        ("async_iter", false),
        ("iter!", false),
        ("gen_blocks", true),
        ("async_for_loop", true),
        ("iter_macro", true),
        ("yield_expr", true),
        ("iter_from_coroutine", true),
    ];
    static SCANNER: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let Some(scanner) =
        SCANNER.get_or_init(|| AhoCorasick::new(NEEDLES.iter().map(|(needle, _)| needle)).ok())
    else {
        return true; // cannot happen (fixed patterns); parsing is always correct
    };
    let bytes = source.as_bytes();
    for found in scanner.find_overlapping_iter(source) {
        let (start, end) = (found.start(), found.end());
        let (needle, whole) = NEEDLES[found.pattern().as_usize()];
        if start > 0 && is_ident_byte(bytes[start - 1]) {
            continue; // not at the start of a word
        }
        if whole && end < bytes.len() && is_ident_byte(bytes[end]) {
            continue;
        }
        if needle == "await" && !source[..start].trim_end().ends_with("for") {
            continue; // `.await` alone is not coroutine syntax
        }
        return true;
    }
    false
}

/// Parses `source` and finds its coroutine forms.
pub fn parse(source: &str, options: &ParseOptions) -> (Outline, Vec<Diagnostic>) {
    outline::build(source, options)
}

fn is_ident_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}
