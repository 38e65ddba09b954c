//! `yieldc_lower`: lowers the coroutine syntax of one Rust source file to plain stable Rust that
//! calls the runtime crate `yieldc_rt`.
//!
//! The lowering edits text, guided by the `ra_ap_syntax` tree from `yieldc_syntax`. Everything
//! that is not a coroutine form is copied byte for byte. Generated text never contains a
//! newline, and every newline of a replaced range is re-emitted in place, so:
//!
//! Architecture invariants:
//! - **line-preserving**: the lowered text has as many lines as the original and every original
//!   token that is kept stays on its line (check copies sit on one line);
//! - the source map covers every lowered byte, tagging generated text with a
//!   [`DesugaringKind`];
//! - pure (no IO), deterministic, never panics; a file without coroutine syntax is returned
//!   unchanged after a byte scan, without parsing; lowering is idempotent on its own output.
//!
//! One function per desugaring (`lower_*`), grouped by family: `generator.rs` (sync and async
//! generators, `gen fn`, `iter!`), `coroutine.rs` (`#[coroutine]` closures), `for_await.rs`,
//! `paths.rs` (library paths and feature gates), `check_copy.rs` (the borrow-check duplicate
//! that proves a generator movable), `macros.rs` (lowering inside macro arguments).

mod check_copy;
mod coroutine;
mod doctests;
mod for_await;
pub mod gates;
mod generator;
mod items;
mod lowerer;
mod macros;
mod paths;
mod source_map;

pub use doctests::lower_doctests;
pub use source_map::{DesugaringKind, MapEntry, SourceMap};
pub use yieldc_syntax::{Diagnostic, Edition, Label, Level, Span, Suggestion};
pub use yieldc_syntax::{ModuleDeclaration, cfg, module_declarations};

/// What the lowering needs to know about the crate.
#[derive(Clone, Debug, Default)]
pub struct LowerOptions {
    /// The crate's edition (`gen` is a keyword only in 2024).
    pub edition: Edition,
    /// Whether this file is the crate root (where the `#![feature(..)]` gates are).
    pub is_crate_root: bool,
    /// The crate root's gates, when this file is not the root.
    pub crate_features: Vec<String>,
    /// The active configuration (rustc's `--print cfg` lines), when known: gates in an active
    /// `#![cfg_attr(PREDICATE, feature(..))]` of the root are then enabled (and removed).
    pub active_cfgs: Option<Vec<String>>,
    /// Lower every movable generator to the boxed representation, with no check copy.
    pub force_boxed: bool,
    /// Gates of the root's `#![feature]` that the base compiler reports as stable since a
    /// release (its `stable_features` lint): removed like the implemented ones, as stable
    /// refuses any `#![feature]` (E0554) where nightly only warns (the driver's warning).
    pub stable_gates: Vec<String>,
    /// Original offsets within `iter!` closures that are to be `FnOnce`: in the head (from
    /// the closure's start to its body) of one without `move` after rustc reported that its
    /// generator's mutable borrow of a capture escapes the `FnMut` closure, or in the body of
    /// the innermost one whose generator moves a capture, after rustc's E0382 note on that
    /// move (see `lower_iter_macro`).
    pub fn_once_closures: Vec<usize>,
}

impl LowerOptions {
    /// The options for a text that starts `shift` bytes later (`shift > 0`) or earlier than
    /// the file the offsets of [`Self::fn_once_closures`] are in.
    fn shifted(&self, shift: isize) -> LowerOptions {
        LowerOptions {
            fn_once_closures: self
                .fn_once_closures
                .iter()
                .filter_map(|&offset| offset.checked_add_signed(shift))
                .collect(),
            ..self.clone()
        }
    }
}

/// The result of [`lower`].
#[derive(Clone, Debug)]
pub struct Lowered {
    /// The lowered source text.
    pub text: String,
    /// Lowered byte offset → original byte offset.
    pub source_map: SourceMap,
    /// Diagnostics of the front end and of the lowering, spans in the original.
    pub diagnostics: Vec<Diagnostic>,
}

/// Lowers one source file. Never panics; errors are reported in `diagnostics` and the lowering
/// goes on (the result then may not compile). A file that does not form token trees (an
/// unterminated literal or comment, unpaired delimiters: see
/// [`yieldc_syntax::check_token_trees`]) is returned unchanged, so that rustc reports it as it
/// does on nightly; one nested deeper than [`yieldc_syntax::MAX_NESTING`] is returned unchanged
/// with an error.
///
/// Only the items that contain coroutine syntax are parsed and lowered (`items.rs`); the result
/// is byte for byte that of [`lower_whole_file`], which is taken whenever the item scan is
/// unsure.
pub fn lower(source: &str, options: &LowerOptions) -> Lowered {
    if let Some(rest) = source.strip_prefix(BYTE_ORDER_MARK) {
        return after_byte_order_mark(lower(rest, &options.shifted(-MARK_LEN)));
    }
    if !yieldc_syntax::might_use_coroutine_syntax(source) && options.stable_gates.is_empty() {
        return unchanged(source);
    }
    // A successful item scan implies well-formed token trees: the lexer's check (a whole-file
    // lexing pass) runs only when the scan gives up.
    let plan = yieldc_syntax::items::scan_items(source);
    if plan.is_none()
        && let Some(result) = reject_token_trees(source, options)
    {
        return result;
    }
    match plan.and_then(|plan| items::lower_by_plan(source, options, plan)) {
        Some(lowered) => lowered,
        None => lower_parsed_whole_file(source, options),
    }
}

/// [`lower`] by one parse of the whole file: the reference implementation that the item-limited
/// path must agree with byte for byte (text, source map, diagnostics).
pub fn lower_whole_file(source: &str, options: &LowerOptions) -> Lowered {
    if let Some(rest) = source.strip_prefix(BYTE_ORDER_MARK) {
        return after_byte_order_mark(lower_whole_file(rest, &options.shifted(-MARK_LEN)));
    }
    if !yieldc_syntax::might_use_coroutine_syntax(source) && options.stable_gates.is_empty() {
        return unchanged(source);
    }
    if let Some(result) = reject_token_trees(source, options) {
        return result;
    }
    lower_parsed_whole_file(source, options)
}

/// A byte-order mark that starts a file: rustc skips it (its positions still count it).
const BYTE_ORDER_MARK: char = '\u{feff}';

/// The length of [`BYTE_ORDER_MARK`] in UTF-8.
const MARK_LEN: isize = 3;

/// The lowering of a file that starts with a [`BYTE_ORDER_MARK`], from that of the rest: the
/// mark is kept (copied), and every offset moves by its length.
fn after_byte_order_mark(mut lowered: Lowered) -> Lowered {
    let mark = BYTE_ORDER_MARK.len_utf8();
    lowered.text.insert(0, BYTE_ORDER_MARK);
    lowered.source_map = lowered.source_map.after_copied_prefix(mark);
    let shift = |span: &mut Span| {
        span.start += mark;
        span.end += mark;
    };
    for diagnostic in &mut lowered.diagnostics {
        shift(&mut diagnostic.primary);
        diagnostic
            .labels
            .iter_mut()
            .for_each(|label| shift(&mut label.span));
        diagnostic
            .suggestions
            .iter_mut()
            .for_each(|suggestion| shift(&mut suggestion.span));
    }
    lowered
}

/// A file rustc's lexer rejects, or one nested too deep to parse safely: left unchanged (with
/// an error for the latter). `None`: go on lowering.
fn reject_token_trees(source: &str, options: &LowerOptions) -> Option<Lowered> {
    match yieldc_syntax::check_token_trees(source, options.edition) {
        yieldc_syntax::TokenTrees::WellFormed => None,
        // rustc's lexer rejects the file before anything is parsed: left as written, rustc
        // reports it exactly as it does for nightly (a lowering would only change the error).
        yieldc_syntax::TokenTrees::Malformed(_) => Some(unchanged(source)),
        yieldc_syntax::TokenTrees::TooDeep(span) => {
            let mut result = unchanged(source);
            result.diagnostics.push(
                Diagnostic::error(
                    None,
                    format!(
                        "yieldc cannot lower a file nested more than {} levels deep",
                        yieldc_syntax::MAX_NESTING
                    ),
                    span,
                )
                .with_note("rustc itself runs out of stack at about this depth"),
            );
            Some(result)
        }
    }
}

/// Lowers a file that is an expression, as one that `include!` brings into an expression
/// position is (`let g = include!("numbers.rs");` with `gen { .. }` in the file). `None` when
/// it does not need this: no coroutine syntax, the file parses as items (lowered by [`lower`]),
/// or it does not parse as one expression either. The file is lowered as the argument of a
/// call in a function, and the wrapper's text taken off again:
///
/// ```text
/// fn __yieldc_included(){__yieldc_f(FILE
/// );}
/// ```
pub fn lower_included_expression(source: &str, options: &LowerOptions) -> Option<Lowered> {
    if let Some(rest) = source.strip_prefix(BYTE_ORDER_MARK) {
        return lower_included_expression(rest, &options.shifted(-MARK_LEN))
            .map(after_byte_order_mark);
    }
    const PREFIX: &str = "fn __yieldc_included(){__yieldc_f(";
    const SUFFIX: &str = "\n);}";
    if !yieldc_syntax::might_use_coroutine_syntax(source) {
        return None;
    }
    let edition = options.edition.to_ra();
    let parses = |text: &str| {
        yieldc_syntax::ra_ap_syntax::SourceFile::parse(text, edition)
            .errors()
            .is_empty()
    };
    let wrapped = format!("{PREFIX}{source}{SUFFIX}");
    if parses(source) || !parses(&wrapped) {
        return None;
    }
    let options = LowerOptions {
        is_crate_root: false,
        ..options.shifted(PREFIX.len() as isize)
    };
    let lowered = lower(&wrapped, &options);
    let inner_end = lowered.text.len().checked_sub(SUFFIX.len())?;
    if !lowered.text.starts_with(PREFIX) || !lowered.text.ends_with(SUFFIX) {
        return None;
    }
    let source_range = PREFIX.len()..PREFIX.len() + source.len();
    let shift = |span: Span| -> Option<Span> {
        (source_range.start <= span.start && span.end <= source_range.end).then(|| {
            Span::new(
                span.start - source_range.start,
                span.end - source_range.start,
            )
        })
    };
    let mut diagnostics = Vec::new();
    for mut diagnostic in lowered.diagnostics {
        // A diagnostic about the wrapper would be the lowering's own: dropped with it.
        let Some(primary) = shift(diagnostic.primary) else {
            continue;
        };
        diagnostic.primary = primary;
        diagnostic
            .labels
            .retain_mut(|label| shift(label.span).map(|span| label.span = span).is_some());
        diagnostic.suggestions.retain_mut(|suggestion| {
            shift(suggestion.span)
                .map(|span| suggestion.span = span)
                .is_some()
        });
        diagnostics.push(diagnostic);
    }
    Some(Lowered {
        text: lowered.text[PREFIX.len()..inner_end].to_owned(),
        source_map: lowered
            .source_map
            .slice(PREFIX.len()..inner_end, source_range),
        diagnostics,
    })
}

/// The end of the leading inner attributes of `source` (the item scan's prelude: shebang,
/// trivia and `#![..]`), where the scan can tell. The driver compiles that much on its own to
/// learn which of the crate's gates the base compiler knows as stable.
pub fn inner_attributes_end(source: &str) -> Option<usize> {
    let plan = yieldc_syntax::items::scan_items(source)?;
    plan.tiles
        .first()
        .filter(|tile| tile.kind == yieldc_syntax::items::TileKind::Prelude)
        .map(|tile| tile.end)
}

/// The item-limited path of [`lower`] alone: `None` when it is unsure and [`lower`] would parse
/// the whole file (also for a file without coroutine syntax, which needs no parse). For the
/// tests and benchmarks that measure how often the fallback is taken.
pub fn lower_item_limited(source: &str, options: &LowerOptions) -> Option<Lowered> {
    if !yieldc_syntax::might_use_coroutine_syntax(source) && options.stable_gates.is_empty() {
        return None;
    }
    items::lower_by_items(source, options)
}

fn lower_parsed_whole_file(source: &str, options: &LowerOptions) -> Lowered {
    let parse_options = parse_options(options);
    let (outline, mut diagnostics) = yieldc_syntax::parse(source, &parse_options);
    if let Some(too_deep) = generator_nested_too_deep(&outline.forms) {
        // Each level's check copy repeats the levels inside it, so the lowered text grows with
        // the square of the depth; nightly itself stops at 33 levels (queries overflow the
        // depth limit).
        let mut result = unchanged(source);
        result.diagnostics.push(
            Diagnostic::error(
                None,
                format!("yieldc cannot lower generators nested more than {MAX_GENERATOR_NESTING} deep"),
                too_deep,
            )
            .with_note("nightly rejects generators nested more than 32 deep (queries overflow the depth limit)"),
        );
        return result;
    }
    diagnostics.extend(reserved_name_diagnostics(source, &outline.root, 0));
    let mut lowerer = lowerer::Lowerer::new(&outline, options);
    let root = outline.root.clone();
    lowerer.emit_node(&root);
    let (text, source_map, lowering_diagnostics) = lowerer.finish();
    diagnostics.extend(lowering_diagnostics);
    finish(source, text, source_map, diagnostics)
}

pub(crate) fn parse_options(options: &LowerOptions) -> yieldc_syntax::ParseOptions {
    yieldc_syntax::ParseOptions {
        edition: options.edition,
        is_crate_root: options.is_crate_root,
        crate_features: options.crate_features.clone(),
        active_cfgs: options.active_cfgs.clone(),
    }
}

/// The lowering's own names (`__yieldc_co`, the yield handle above all) must be unreachable
/// from user code: the runtime's type checks rely on each handle being used only by the
/// generator that owns it (design-notes/inline-soundness.md). `base`: the file offset of
/// `root`'s start.
fn reserved_name_diagnostics(
    root_text: &str,
    root: &yieldc_syntax::ra_ap_syntax::SyntaxNode,
    base: usize,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    if !root_text.contains("__yieldc") {
        return diagnostics; // no such identifier: skip the walk over every token
    }
    for token in root
        .descendants_with_tokens()
        .filter_map(|e| e.into_token())
    {
        if token.kind() == yieldc_syntax::ra_ap_syntax::SyntaxKind::IDENT
            && token
                .text()
                .trim_start_matches("r#")
                .starts_with("__yieldc")
        {
            let range = token.text_range();
            diagnostics.push(
                Diagnostic::error(
                    None,
                    format!("`{}` is reserved for yieldc's lowering", token.text()),
                    Span::new(
                        base + usize::from(range.start()),
                        base + usize::from(range.end()),
                    ),
                )
                .with_help("rename it: identifiers starting with `__yieldc` belong to yieldc"),
            );
        }
    }
    diagnostics
}

/// The line-count check that both paths end with.
fn finish(
    source: &str,
    text: String,
    source_map: SourceMap,
    mut diagnostics: Vec<Diagnostic>,
) -> Lowered {
    if count_newlines(&text) != count_newlines(source) {
        // An internal bug: never hand out a lowering that breaks the line invariant.
        diagnostics.push(Diagnostic::error(
            None,
            "yieldc internal error: the lowering changed the number of lines; the file was left unchanged",
            Span::new(0, 0),
        ));
        let mut fallback = unchanged(source);
        fallback.diagnostics = diagnostics;
        return fallback;
    }
    // rustc reports E0627 (a `yield` outside any coroutine) when it type-checks, after every
    // error of its AST lowering (E0658, E0727, E0728, the `yield` error before each E0627);
    // "`gen` fn bodies are not allowed in constant functions" comes after the AST validation's
    // "functions cannot be both `const` and `gen`" of every function (measured on nightly).
    diagnostics.sort_by_key(|diagnostic| {
        if diagnostic.code == Some("E0627") {
            2
        } else if diagnostic
            .message
            .ends_with("fn bodies are not allowed in constant functions")
        {
            1
        } else {
            0
        }
    });
    Lowered {
        text,
        source_map,
        diagnostics,
    }
}

/// A plain byte loop (vectorized by the compiler): `str::matches` calls `memchr` once per
/// line, which showed in profiles. Counted per chunk of 255 bytes into a byte-wide sum, which
/// the compiler vectorizes with byte lanes (a `usize` count gets a quarter as many).
fn count_newlines(text: &str) -> usize {
    text.as_bytes()
        .chunks(255)
        .map(|chunk| {
            usize::from(
                chunk
                    .iter()
                    .map(|&byte| u8::from(byte == b'\n'))
                    .fold(0u8, u8::wrapping_add),
            )
        })
        .sum()
}

/// The deepest nesting of generators and coroutines (each inside the body of the previous) the
/// lowering accepts: twice what nightly compiles.
pub const MAX_GENERATOR_NESTING: usize = 64;

/// The span of the first generator or coroutine nested deeper than [`MAX_GENERATOR_NESTING`].
/// `forms` are in source order of their start.
pub(crate) fn generator_nested_too_deep(forms: &[yieldc_syntax::Form]) -> Option<Span> {
    use yieldc_syntax::FormKind;
    let mut open_ends: Vec<usize> = Vec::new();
    for form in forms {
        if !matches!(
            form.kind,
            FormKind::GenBlock { .. }
                | FormKind::GenFn { .. }
                | FormKind::CoroutineClosure { .. }
                | FormKind::IterMacro
        ) {
            continue;
        }
        while open_ends.last().is_some_and(|&end| end <= form.span.start) {
            open_ends.pop();
        }
        open_ends.push(form.span.end);
        if open_ends.len() > MAX_GENERATOR_NESTING {
            return Some(form.span);
        }
    }
    None
}

fn unchanged(source: &str) -> Lowered {
    let mut builder = source_map::Builder::default();
    builder.copy(source, 0, source.len());
    let (text, source_map) = builder.finish();
    Lowered {
        text,
        source_map,
        diagnostics: Vec::new(),
    }
}
