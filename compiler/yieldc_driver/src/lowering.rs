//! The adapter to the front end: the only module that calls `yieldc_syntax`/`yieldc_lower`.
//!
//! It turns the front end's result into the driver's own [`LoweredFile`], so that the rest of
//! the driver does not depend on the front end's types.

use std::ops::Range;

/// The edition of the crate being compiled, as passed with `--edition`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Edition {
    /// 2015 (rustc's default when no `--edition` is given).
    #[default]
    E2015,
    /// 2018.
    E2018,
    /// 2021.
    E2021,
    /// 2024.
    E2024,
}

impl Edition {
    /// Parses the value of `--edition`.
    pub fn from_flag(flag: &str) -> Option<Edition> {
        match flag {
            "2015" => Some(Edition::E2015),
            "2018" => Some(Edition::E2018),
            "2021" => Some(Edition::E2021),
            "2024" => Some(Edition::E2024),
            _ => None,
        }
    }

    /// The value of `--edition`.
    pub fn as_flag(self) -> &'static str {
        match self {
            Edition::E2015 => "2015",
            Edition::E2018 => "2018",
            Edition::E2021 => "2021",
            Edition::E2024 => "2024",
        }
    }
}

/// What produced a generated range of the lowered text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeneratedKind {
    /// `gen {}` / `gen move {}`.
    GenBlock,
    /// `async gen {}`.
    AsyncGenBlock,
    /// `gen fn`.
    GenFn,
    /// `async gen fn`.
    AsyncGenFn,
    /// `yield`.
    Yield,
    /// The `__awaited( .. )` around an `.await`'s operand in an `async gen` body.
    Await,
    /// A `#[coroutine]` closure.
    CoroutineClosure,
    /// `for await`'s loop.
    ForAwait,
    /// `iter!`'s rewriting (its head, `iter!(`, up to the closure; the generator).
    IterMacro,
    /// Anything else the lowering generated.
    Other,
}

/// One segment of the lowered text (see `yieldc_lower::MapEntry`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Lowered bytes.
    pub lowered: Range<usize>,
    /// Original bytes (same length for a copy; the replaced range for generated text).
    pub original: Range<usize>,
    /// `None` for a verbatim copy.
    pub generated: Option<GeneratedKind>,
    /// Whether the segment lies in a check copy.
    pub in_check_copy: bool,
}

/// A diagnostic of the front end, spans in the original file.
#[derive(Clone, Debug)]
pub struct FrontEndDiagnostic {
    /// `true` for an error, `false` for a warning.
    pub is_error: bool,
    /// rustc's error code, if any.
    pub code: Option<String>,
    /// The message.
    pub message: String,
    /// Primary span and its label.
    pub primary: (Range<usize>, String),
    /// Further spans, their labels, and whether each is primary too.
    pub labels: Vec<(Range<usize>, String, bool)>,
    /// `= help:` lines.
    pub help: Vec<String>,
    /// `= note:` lines.
    pub notes: Vec<String>,
    /// Suggested edits: message, replaced range, replacement.
    pub suggestions: Vec<(String, Range<usize>, String)>,
}

/// One lowered source file.
#[derive(Clone, Debug)]
pub struct LoweredFile {
    /// The lowered text.
    pub text: String,
    /// Segments covering the lowered text, in order.
    pub segments: Vec<Segment>,
    /// The front end's diagnostics.
    pub diagnostics: Vec<FrontEndDiagnostic>,
}

impl LoweredFile {
    /// Whether the lowering changed nothing.
    pub fn is_identity(&self, original: &str) -> bool {
        self.text == original
            && self.diagnostics.is_empty()
            && self
                .segments
                .iter()
                .all(|segment| segment.generated.is_none())
    }

    /// The segment containing lowered byte `lowered` (the last one for the end offset).
    pub fn segment_at(&self, lowered: usize) -> Option<&Segment> {
        let index = self
            .segments
            .partition_point(|segment| segment.lowered.end <= lowered);
        self.segments.get(index).or_else(|| self.segments.last())
    }

    /// The index of that segment.
    pub fn segment_index_at(&self, lowered: usize) -> Option<usize> {
        if self.segments.is_empty() {
            return None;
        }
        let index = self
            .segments
            .partition_point(|segment| segment.lowered.end <= lowered);
        Some(index.min(self.segments.len() - 1))
    }

    /// Lowered byte offset → original byte offset.
    pub fn to_original(&self, lowered: usize) -> usize {
        match self.segment_at(lowered) {
            None => lowered,
            Some(segment) if segment.generated.is_none() => {
                let within = lowered.saturating_sub(segment.lowered.start);
                segment.original.start + within.min(segment.original.len())
            }
            Some(segment) => segment.original.start,
        }
    }

    /// Whether lowered byte `lowered` lies in a check copy.
    pub fn is_check_copy(&self, lowered: usize) -> bool {
        self.segment_at(lowered)
            .is_some_and(|segment| segment.in_check_copy)
    }
}

/// What the lowering needs to know about the crate.
#[derive(Clone, Debug, Default)]
pub struct LowerRequest {
    /// The crate's edition.
    pub edition: Edition,
    /// Whether the file is the crate root.
    pub is_crate_root: bool,
    /// The crate root's `#![feature(..)]` gates (with those of its active `cfg_attr`s).
    pub crate_features: Vec<String>,
    /// The active configuration, when the root has a `cfg_attr` (see [`crate::scan`]).
    pub active_cfgs: Option<Vec<String>>,
    /// The root's gates that the base compiler knows as stable (see the driver's
    /// `stable_gates`), removed from its `#![feature]`.
    pub stable_gates: Vec<String>,
    /// Whether the file is brought in by `include!`, where it may be one expression (see
    /// [`yieldc_lower::lower_included_expression`]).
    pub is_included: bool,
    /// Original offsets in the heads of `iter!` closures that are to be `FnOnce` (see
    /// `yieldc_lower::LowerOptions::fn_once_closures` and the driver's `compile_shadowed`).
    pub fn_once_closures: Vec<usize>,
}

/// See [`yieldc_lower::inner_attributes_end`].
pub fn inner_attributes_end(source: &str) -> Option<usize> {
    yieldc_lower::inner_attributes_end(source)
}

/// Identifies the lowering in `-vV` (changes when the front end changes).
pub const LOWERING_HASH: &str = env!("YIELDC_LOWERING_HASH");

fn front_end_edition(edition: Edition) -> yieldc_lower::Edition {
    match edition {
        Edition::E2015 => yieldc_lower::Edition::E2015,
        Edition::E2018 => yieldc_lower::Edition::E2018,
        Edition::E2021 => yieldc_lower::Edition::E2021,
        Edition::E2024 => yieldc_lower::Edition::E2024,
    }
}

/// One `mod name;` declaration of a file (see [`module_declarations`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleDeclaration {
    /// The module's name.
    pub name: String,
    /// Its `#[path = "..."]`, if any.
    pub path_attribute: Option<String>,
    /// The inline modules it sits in, outermost first, with their `#[path]` if any.
    pub inline_parents: Vec<(String, Option<String>)>,
}

/// The out-of-line module declarations of a file, for finding the crate's module tree.
pub fn module_declarations(source: &str, edition: Edition) -> Vec<ModuleDeclaration> {
    yieldc_lower::module_declarations(source, front_end_edition(edition))
        .into_iter()
        .map(|declaration| ModuleDeclaration {
            name: declaration.name,
            path_attribute: declaration.path_attribute,
            inline_parents: declaration.inline_parents,
        })
        .collect()
}

/// The gates a crate root declares and that yieldc removes, which nightly's `unused_features`
/// lint would report as unused in a crate made of `files` (each file's text with its request):
/// `(gate, the bytes of its name in the root)`, in nightly's order (language gates, then
/// library gates, each in declaration order). Gates in a `cfg_attr` are never reported.
/// `test`: whether the compilation has `cfg(test)` (see `yieldc_lower::gates::gate_usage`).
pub fn unused_features(
    root_text: &str,
    root_request: &LowerRequest,
    files: &[(&str, LowerRequest)],
    test: bool,
) -> Vec<(String, Range<usize>)> {
    use yieldc_lower::gates::{gate_usage, LANGUAGE_GATES, LIBRARY_GATES};
    let root_usage = gate_usage(root_text, &lower_options(root_request), test);
    let reportable = |name: &str| LANGUAGE_GATES.contains(&name) || LIBRARY_GATES.contains(&name);
    let declared: Vec<_> = root_usage
        .declared
        .iter()
        .filter(|gate| !gate.in_cfg_attr && reportable(&gate.name))
        .collect();
    if declared.is_empty() {
        return Vec::new();
    }
    // A macro of another crate may expand to generator syntax the text does not show (nightly
    // then counts its gate used): no gate is reported unused in a crate that invokes one.
    let texts: Vec<&str> = std::iter::once(root_text)
        .chain(files.iter().map(|(text, _)| *text))
        .collect();
    let local_macros: Vec<&str> = texts
        .iter()
        .flat_map(|text| macro_rules_names(text))
        .collect();
    if texts
        .iter()
        .any(|text| invokes_foreign_macro(text, &local_macros))
    {
        return Vec::new();
    }
    let mut used = root_usage.used.clone();
    for (text, request) in files {
        used.extend(gate_usage(text, &lower_options(request), test).used);
    }
    let mut unused = Vec::new();
    for group in [LANGUAGE_GATES, LIBRARY_GATES] {
        for gate in &declared {
            if group.contains(&gate.name.as_str())
                && !used.contains(gate.name.as_str())
                && !unused.iter().any(|(name, _)| name == &gate.name)
            {
                unused.push((gate.name.clone(), gate.span.clone()));
            }
        }
    }
    unused
}

/// The standard library's macros (and yieldc's `iter!`), which expand to no generator syntax
/// of the crate's.
const STANDARD_MACROS: &[&str] = &[
    "addr_of",
    "addr_of_mut",
    "asm",
    "assert",
    "assert_eq",
    "assert_matches",
    "assert_ne",
    "cfg",
    "cfg_select",
    "column",
    "compile_error",
    "concat",
    "const_format_args",
    "dbg",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_matches",
    "debug_assert_ne",
    "env",
    "eprint",
    "eprintln",
    "file",
    "format",
    "format_args",
    "global_asm",
    "include",
    "include_bytes",
    "include_str",
    "is_x86_feature_detected",
    "iter",
    "line",
    "matches",
    "module_path",
    "naked_asm",
    "offset_of",
    "option_env",
    "panic",
    "pin",
    "print",
    "println",
    "ready",
    "stringify",
    "thread_local",
    "todo",
    "try",
    "unimplemented",
    "unreachable",
    "vec",
    "write",
    "writeln",
];

/// The names `text` defines with `macro_rules!` (a byte scan).
fn macro_rules_names(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("macro_rules!") {
        rest = rest[at + "macro_rules!".len()..].trim_start();
        let name_end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        names.push(rest[..name_end].trim_start_matches("r#"));
        rest = &rest[name_end..];
    }
    names
}

/// Whether `text` invokes a macro that may come from another crate: `NAME!(..)` with a name
/// neither the standard library's nor in `local`, or `PATH::NAME!(..)` whose path does not
/// start at `std`, `core`, `alloc`, `crate`, `self`, `super`. A byte scan: a mention in a
/// comment or a string counts too (at worst, a warning nightly gives is missing).
fn invokes_foreign_macro(text: &str, local: &[&str]) -> bool {
    let bytes = text.as_bytes();
    let is_identifier = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    for (at, _) in text.match_indices('!') {
        let after = text[at + 1..].trim_start();
        if !after.starts_with(['(', '[', '{']) || at == 0 || !is_identifier(bytes[at - 1]) {
            continue;
        }
        let mut start = at;
        while start > 0 && (is_identifier(bytes[start - 1]) || bytes[start - 1] == b':') {
            start -= 1;
        }
        if start > 0 && bytes[start - 1] == b'$' {
            continue; // `$crate::m!` in a transcriber: the crate's own macro
        }
        let path = &text[start..at];
        let name = path.rsplit("::").next().unwrap_or(path);
        if name == "macro_rules" {
            continue;
        }
        let foreign = match path.trim_start_matches("::").split_once("::") {
            Some((first, _)) => {
                !["std", "core", "alloc", "crate", "self", "super"].contains(&first)
            }
            None => !STANDARD_MACROS.contains(&name) && !local.contains(&name),
        };
        if foreign {
            return true;
        }
    }
    false
}

fn lower_options(request: &LowerRequest) -> yieldc_lower::LowerOptions {
    yieldc_lower::LowerOptions {
        edition: front_end_edition(request.edition),
        is_crate_root: request.is_crate_root,
        crate_features: request.crate_features.clone(),
        active_cfgs: request.active_cfgs.clone(),
        force_boxed: false,
        stable_gates: request.stable_gates.clone(),
        fn_once_closures: request.fn_once_closures.clone(),
    }
}

/// Lowers one file with `yieldc_lower`.
pub fn lower_file(source: &str, request: &LowerRequest) -> LoweredFile {
    let options = yieldc_lower::LowerOptions {
        edition: front_end_edition(request.edition),
        is_crate_root: request.is_crate_root,
        crate_features: request.crate_features.clone(),
        active_cfgs: request.active_cfgs.clone(),
        // The escape hatch named by `Remapper::internal_failure`.
        force_boxed: std::env::var_os("YIELDC_FORCE_BOXED").is_some_and(|value| value != "0"),
        stable_gates: request.stable_gates.clone(),
        fn_once_closures: request.fn_once_closures.clone(),
    };
    // A file `include!`d where an expression goes is one expression, not items.
    let lowered = request
        .is_included
        .then(|| yieldc_lower::lower_included_expression(source, &options))
        .flatten()
        .unwrap_or_else(|| yieldc_lower::lower(source, &options));
    let segments = lowered
        .source_map
        .entries()
        .iter()
        .map(|entry| Segment {
            lowered: entry.lowered.clone(),
            original: entry.original.clone(),
            generated: entry.kind.map(generated_kind),
            in_check_copy: entry.in_check_copy,
        })
        .collect();
    let diagnostics = lowered
        .diagnostics
        .into_iter()
        .map(|diagnostic| FrontEndDiagnostic {
            is_error: diagnostic.level == yieldc_lower::Level::Error,
            code: diagnostic.code.map(str::to_string),
            message: diagnostic.message,
            primary: (
                diagnostic.primary.start..diagnostic.primary.end,
                diagnostic.primary_label,
            ),
            labels: diagnostic
                .labels
                .into_iter()
                .map(|label| {
                    (
                        label.span.start..label.span.end,
                        label.message,
                        label.primary,
                    )
                })
                .collect(),
            help: diagnostic.help,
            notes: diagnostic.notes,
            suggestions: diagnostic
                .suggestions
                .into_iter()
                .map(|suggestion| {
                    (
                        suggestion.message,
                        suggestion.span.start..suggestion.span.end,
                        suggestion.replacement,
                    )
                })
                .collect(),
        })
        .collect();
    LoweredFile {
        text: lowered.text,
        segments,
        diagnostics,
    }
}

/// Whether the real front end is linked (`false` while the adapter is the identity).
pub const FRONT_END_LINKED: bool = true;

fn generated_kind(kind: yieldc_lower::DesugaringKind) -> GeneratedKind {
    use yieldc_lower::DesugaringKind as Kind;
    match kind {
        Kind::GenBlock => GeneratedKind::GenBlock,
        Kind::AsyncGenBlock => GeneratedKind::AsyncGenBlock,
        Kind::GenFn => GeneratedKind::GenFn,
        Kind::AsyncGenFn => GeneratedKind::AsyncGenFn,
        Kind::Yield => GeneratedKind::Yield,
        Kind::Await => GeneratedKind::Await,
        Kind::CoroutineClosure => GeneratedKind::CoroutineClosure,
        Kind::ForAwait => GeneratedKind::ForAwait,
        Kind::IterMacro => GeneratedKind::IterMacro,
        _ => GeneratedKind::Other,
    }
}

/// Lowers the coroutine syntax in the Rust code blocks of `source`'s doc comments, for
/// `rustdoc --test`; `None` when there is none.
pub fn lower_doctests(source: &str, edition: Edition) -> Option<String> {
    yieldc_lower::lower_doctests(source, front_end_edition(edition))
}

/// A lowering that changes nothing (one verbatim segment).
pub fn identity(source: &str) -> LoweredFile {
    LoweredFile {
        text: source.to_string(),
        segments: vec![Segment {
            lowered: 0..source.len(),
            original: 0..source.len(),
            generated: None,
            in_check_copy: false,
        }],
        diagnostics: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{invokes_foreign_macro, macro_rules_names};

    #[test]
    fn macros_of_other_crates_are_told_from_the_crates_and_the_standard_librarys() {
        let text = "macro_rules! twice { ($e:expr) => { [$e, $e] } }\nfn main() { println!(\"{:?}\", twice!(1)); assert_ne!(1, 2); let _ = std::pin::pin!(async {}); if 1 != 2 {} }";
        let local = macro_rules_names(text);
        assert_eq!(local, ["twice"]);
        assert!(!invokes_foreign_macro(text, &local));
        assert!(!invokes_foreign_macro(
            "crate::m!(); self::n!{}; $crate::o![]",
            &[]
        ));
        assert!(invokes_foreign_macro(
            "let g = genlib::repeat_gen!(1, 2);",
            &[]
        ));
        assert!(invokes_foreign_macro("let g = repeat_gen! (1, 2);", &local));
        assert!(!invokes_foreign_macro("let not = !true; x!= 3;", &[]));
    }
}
