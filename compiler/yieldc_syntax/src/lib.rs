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

pub mod cfg;
mod diagnostics;
pub mod items;
mod modules;
pub mod outline;
mod token_trees;

pub use diagnostics::{Diagnostic, Label, Level, Span, Suggestion};
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
    /// The active configuration (rustc's `--print cfg` lines), when known: then gates in a
    /// root's `#![cfg_attr(PREDICATE, feature(..))]` whose predicate holds are enabled too.
    pub active_cfgs: Option<Vec<String>>,
}

/// The cheap byte scan that runs before any parsing: `false` means the file certainly uses no
/// coroutine syntax and no coroutine library path, so it can be passed through unchanged.
///
/// It matches needles at word starts: the keywords `yield`, `gen` and `await` (only in
/// `for await`) as whole words, the names `coroutine*`, `Coroutine*`, `async_iter*` and `iter!`
/// as prefixes, and the gates yieldc implements as whole words (so that their `#![feature]`
/// entries get removed). Seven SIMD substring searches (`memchr::memmem`), each over the whole
/// file unless it hits, cover all of them: `yield` (also `yield_expr`), `gen` (also
/// `gen_blocks`), `await`, `oroutine` (`coroutine`, `Coroutine`, `iter_from_coroutine`),
/// `async_` (`async_iter`, `async_for_loop`), `iter!`, `iter_macro`. The needles are rare in
/// ordinary code, so each search runs at memory speed (design-notes/frontend-perf.md);
/// [`might_use_coroutine_syntax_reference`] is the straightforward version it must agree with.
pub fn might_use_coroutine_syntax(source: &str) -> bool {
    use memchr::memmem::Finder;
    use std::sync::OnceLock;
    static FINDERS: OnceLock<[Finder<'static>; 7]> = OnceLock::new();
    let finders = FINDERS.get_or_init(|| {
        [
            Finder::new("yield"),
            Finder::new("gen"),
            Finder::new("await"),
            Finder::new("oroutine"),
            Finder::new("async_"),
            Finder::new("iter!"),
            Finder::new("iter_macro"),
        ]
    });
    let bytes = source.as_bytes();
    let word_start = |at: usize| at == 0 || !is_ident_byte(bytes[at - 1]);
    let word_end = |at: usize| at >= bytes.len() || !is_ident_byte(bytes[at]);
    let followed_by = |at: usize, rest: &[u8]| bytes[at..].starts_with(rest);
    for (index, finder) in finders.iter().enumerate() {
        for at in finder.find_iter(bytes) {
            let hit = match index {
                // `yield`, `yield_expr`
                0 => {
                    word_start(at)
                        && (word_end(at + 5)
                            || (followed_by(at + 5, b"_expr") && word_end(at + 10)))
                }
                // `gen`, `gen_blocks`
                1 => {
                    word_start(at)
                        && (word_end(at + 3)
                            || (followed_by(at + 3, b"_blocks") && word_end(at + 10)))
                }
                // `for await`
                2 => word_start(at) && word_end(at + 5) && source[..at].trim_end().ends_with("for"),
                // `coroutine*`, `Coroutine*`, `iter_from_coroutine`
                3 => {
                    (at >= 1 && matches!(bytes[at - 1], b'c' | b'C') && word_start(at - 1))
                        || (at >= 11
                            && &bytes[at - 11..at] == b"iter_from_c"
                            && word_start(at - 11)
                            && word_end(at + 8))
                }
                // `async_iter*`, `async_for_loop`
                4 => {
                    word_start(at)
                        && (followed_by(at, b"async_iter")
                            || (followed_by(at, b"async_for_loop") && word_end(at + 14)))
                }
                // `iter!`
                5 => word_start(at),
                // `iter_macro`
                _ => word_start(at) && word_end(at + 10),
            };
            if hit {
                return true;
            }
        }
    }
    false
}

/// The reference version of [`might_use_coroutine_syntax`] (one multi-pattern search with the
/// full needle list, as first written): kept for the tests and the benchmark.
pub fn might_use_coroutine_syntax_reference(source: &str) -> bool {
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

/// Parses `text` (substituted text: each postfix `.yield` already reads `.await`) as a source
/// file in `edition`, the `await` at each of `postfix_yields` (byte offsets into `text`) being
/// the keyword even before edition 2018; and whether the lexer or the parser reported errors.
/// For re-parses of parts of the substituted text (macro arguments).
pub fn parse_substituted_text(
    text: &str,
    edition: Edition,
    postfix_yields: &[usize],
) -> (ra_ap_syntax::SyntaxNode, bool) {
    outline::parse_substituted_source_file(text, edition, postfix_yields)
}

/// Parses `source` and finds its coroutine forms.
pub fn parse(source: &str, options: &ParseOptions) -> (Outline, Vec<Diagnostic>) {
    outline::build(source, options)
}

fn is_ident_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}
