//! Which of the gates yieldc removes from `#![feature(..)]` a file uses, for nightly's
//! `unused_features` lint ("feature `X` is declared but not used"), which the driver emulates.
//!
//! Nightly counts a gate as used when something it allows was checked against it. Measured
//! on nightly 2026-05-19 (one crate per case, `--crate-type lib`):
//! - `gen_blocks`: a `gen`/`async gen` block or `gen fn`/`async gen fn` (not a `yield`, even
//!   one that only `gen_blocks` allows: `iter!(|| { yield 1; })` leaves it unused);
//! - `coroutines` and `yield_expr`: any `yield` (both, when both are declared); `coroutines`
//!   also a `#[coroutine]` attribute;
//! - `async_for_loop`: a `for await`, which also uses `async_iterator`;
//! - `stmt_expr_attributes`: an attribute on an expression where rustc gates it
//!   ([`yieldc_syntax::outline::expression_attributes_are_gated_at`]); a statement's
//!   `#[coroutine] || ..;` leaves it unused;
//! - library gates (`coroutine_trait`, `async_iterator`, `iter_from_coroutine`,
//!   `async_iter_from_iter`, `iter_macro`): any use of an item they gate, a `use` included
//!   (`paths::library_item_uses`).
//!
//! `coroutine_clone`: nightly's trait selection checks it whenever it asks whether a coroutine
//! is `Clone`, which `collect` may do; it counts as used in a file with any coroutine form
//! (no warning), and as unused without one (nightly warns then).
//!
//! When in doubt a gate counts as used (no warning): inside a
//! macro's arguments (token trees the outline does not parse) any token that might use a gate
//! (`yield`, `gen`, `for await`, `#`, `iter!`, the library items' names).

use std::collections::BTreeSet;

use yieldc_syntax::FormKind;
use yieldc_syntax::ra_ap_syntax::ast::{self, AstNode};
use yieldc_syntax::ra_ap_syntax::{NodeOrToken, SyntaxKind, SyntaxNode, TextRange, TextSize};

use crate::LowerOptions;

/// The gates that nightly's `unused_features` may report and that yieldc removes, language
/// gates first (nightly reports those first, each group in declaration order).
pub const LANGUAGE_GATES: &[&str] = &[
    "gen_blocks",
    "coroutines",
    "yield_expr",
    "async_for_loop",
    "stmt_expr_attributes",
    "coroutine_clone",
];

/// Library gates, reported after the language gates.
pub const LIBRARY_GATES: &[&str] = &[
    "coroutine_trait",
    "async_iterator",
    "iter_from_coroutine",
    "async_iter_from_iter",
    "iter_macro",
];

/// A `#![feature(..)]` gate of a crate root: name, the bytes of the name, and whether it is in
/// a `#![cfg_attr(..)]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclaredGate {
    /// The gate.
    pub name: String,
    /// The bytes of its name in the file.
    pub span: std::ops::Range<usize>,
    /// In an active `#![cfg_attr(PREDICATE, feature(..))]`.
    pub in_cfg_attr: bool,
}

/// What a file declares and uses.
#[derive(Clone, Debug, Default)]
pub struct GateUsage {
    /// The file's own `#![feature(..)]` gates (a crate root's), in order.
    pub declared: Vec<DeclaredGate>,
    /// The gates of [`LANGUAGE_GATES`] and [`LIBRARY_GATES`] that the file uses.
    pub used: BTreeSet<&'static str>,
}

/// The gates `source` declares and uses (see the module doc).
///
/// `test`: whether the compilation has `cfg(test)` (`rustc --test`). Code under `#[cfg(test)]`
/// without it (or `#[cfg(not(test))]` with it) is not compiled; nightly's parser still counts
/// some of it (measured): `gen` for `gen_blocks`, `yield` for `coroutines` (not `yield_expr`),
/// `for await` for `async_for_loop`, nothing else. Other `cfg` predicates are not evaluated
/// (the code counts as compiled: at worst a warning nightly gives is missing).
pub fn gate_usage(source: &str, options: &LowerOptions, test: bool) -> GateUsage {
    let mut usage = GateUsage::default();
    if !yieldc_syntax::might_use_coroutine_syntax(source) {
        return usage;
    }
    // Malformed or too deeply nested to parse safely (see `lower`): nothing reported.
    if !matches!(
        yieldc_syntax::check_token_trees(source, options.edition),
        yieldc_syntax::TokenTrees::WellFormed
    ) {
        return usage;
    }
    let (outline, _) = yieldc_syntax::parse(source, &crate::parse_options(options));
    usage.declared = outline
        .features
        .iter()
        .map(|feature| DeclaredGate {
            name: feature.name.clone(),
            span: feature.span.start..feature.span.end,
            in_cfg_attr: feature.cfg_attr.is_some(),
        })
        .collect();
    let used = &mut usage.used;
    // Code under `#[cfg(test)]` without `test` (or `#[cfg(not(test))]` with it): the nodes that
    // carry the attribute, found in one pass (asking each node's ancestors' attributes was
    // quadratic in a file's item count: 2 s for 400 functions).
    let carriers = if source.contains("test") {
        yieldc_syntax::outline::cfg_carriers(&outline.root, if test { "not(test)" } else { "test" })
    } else {
        Default::default()
    };
    let disabled = |node: &SyntaxNode| {
        !carriers.is_empty()
            && node
                .ancestors()
                .any(|ancestor| carriers.contains(&ancestor))
    };
    let node_at = |start: usize, end: usize| {
        let range = TextRange::new(
            TextSize::from(start.min(source.len()) as u32),
            TextSize::from(end.min(source.len()) as u32),
        );
        match outline.root.covering_element(range) {
            NodeOrToken::Node(node) => node,
            NodeOrToken::Token(token) => token.parent().unwrap_or_else(|| outline.root.clone()),
        }
    };
    let mut has_async_gen = false;
    for form in &outline.forms {
        if disabled(&node_at(form.span.start, form.span.end)) {
            match form.kind {
                FormKind::GenBlock { .. } | FormKind::GenFn { .. } => {
                    used.insert("gen_blocks");
                }
                FormKind::Yield { .. } => {
                    used.insert("coroutines");
                }
                FormKind::ForAwait => {
                    used.insert("async_for_loop");
                }
                FormKind::CoroutineClosure { .. } | FormKind::IterMacro => {}
            }
            continue;
        }
        // Nightly's trait selection asks whether a coroutine is `Clone` in places (`collect`)
        // that cannot be told from the text: with a coroutine around, count the gate used.
        if !matches!(form.kind, FormKind::Yield { .. } | FormKind::ForAwait) {
            used.insert("coroutine_clone");
        }
        match form.kind {
            FormKind::GenBlock { is_async, .. } | FormKind::GenFn { is_async } => {
                used.insert("gen_blocks");
                has_async_gen |= is_async;
            }
            FormKind::Yield { .. } => {
                used.insert("yield_expr");
                used.insert("coroutines");
            }
            FormKind::ForAwait => {
                used.insert("async_for_loop");
                used.insert("async_iterator");
            }
            FormKind::CoroutineClosure { .. } => {
                used.insert("coroutines");
            }
            FormKind::IterMacro => {
                used.insert("iter_macro");
            }
        }
    }
    for (span, (gate, _, _)) in crate::paths::library_item_uses(&outline.root, has_async_gen) {
        if disabled(&node_at(span.start, span.end)) {
            continue;
        }
        if let Some(gate) = LIBRARY_GATES.iter().find(|known| **known == gate) {
            used.insert(gate);
        }
    }
    for node in outline.root.descendants() {
        if disabled(&node) {
            if node.kind() == SyntaxKind::TOKEN_TREE
                && node
                    .parent()
                    .is_none_or(|parent| parent.kind() != SyntaxKind::TOKEN_TREE)
            {
                let range = node.text_range();
                let range = usize::from(range.start())..usize::from(range.end());
                configured_out_token_tree_uses(&outline.original_text, range, used);
            }
            continue;
        }
        let has_attribute = node
            .children()
            .any(|child| child.kind() == SyntaxKind::ATTR);
        if has_attribute
            && ast::Expr::can_cast(node.kind())
            && yieldc_syntax::outline::expression_attributes_are_gated_at(&node)
        {
            used.insert("stmt_expr_attributes");
        }
        // `stringify!` turns its tokens into a string: nothing there is compiled.
        let is_stringify = node
            .parent()
            .and_then(ast::MacroCall::cast)
            .and_then(|call| call.path())
            .is_some_and(|path| {
                path.segment()
                    .and_then(|segment| segment.name_ref())
                    .is_some_and(|name| name.text() == "stringify")
            });
        if node.kind() == SyntaxKind::TOKEN_TREE
            && !is_stringify
            && node
                .parent()
                .is_none_or(|parent| parent.kind() != SyntaxKind::TOKEN_TREE)
        {
            let range = node.text_range();
            let range = usize::from(range.start())..usize::from(range.end());
            // A macro's transcriber may put an attribute anywhere its expansion lands.
            let in_definition = node.parent().is_some_and(|parent| {
                matches!(
                    parent.kind(),
                    SyntaxKind::MACRO_RULES | SyntaxKind::MACRO_DEF
                )
            }) || node
                .ancestors()
                .any(|a| a.kind() == SyntaxKind::MACRO_RULES);
            token_tree_uses(&outline.original_text, range, in_definition, used);
        }
    }
    usage
}

/// As [`token_tree_uses`], inside code `cfg` leaves out (see [`gate_usage`]).
fn configured_out_token_tree_uses(
    original: &str,
    tree: std::ops::Range<usize>,
    used: &mut BTreeSet<&'static str>,
) {
    let mut inner = BTreeSet::new();
    token_tree_uses(original, tree, true, &mut inner);
    for (word_gate, counted) in [
        ("gen_blocks", "gen_blocks"),
        ("coroutines", "coroutines"),
        ("async_for_loop", "async_for_loop"),
    ] {
        if inner.contains(word_gate) {
            used.insert(counted);
        }
    }
}

/// The forms inside a macro's arguments or a `macro_rules!` body (`in_definition`) (`tree`, a
/// range of `original`), which the outline leaves unparsed, by their words in the original text (a superset: a gate a word might use
/// counts as used; the parsed text has `for await` and `.yield` substituted).
fn token_tree_uses(
    original: &str,
    tree: std::ops::Range<usize>,
    in_definition: bool,
    used: &mut BTreeSet<&'static str>,
) {
    let Some(text) = original.get(tree) else {
        return;
    };
    let mut words: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(first) = rest.chars().next() {
        let length = if first.is_alphanumeric() || first == '_' {
            rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len())
        } else {
            first.len_utf8()
        };
        let (word, after) = rest.split_at(length);
        if !word.trim().is_empty() {
            words.push(word);
        }
        rest = after;
    }
    // `stringify!(..)` inside the arguments: its tokens are not compiled.
    let mut skipped = vec![false; words.len()];
    let mut at = 0;
    while at + 2 < words.len() {
        if words[at] == "stringify" && words[at + 1] == "!" {
            let mut depth = 0usize;
            let mut end = at + 2;
            while end < words.len() {
                match words[end] {
                    "(" | "[" | "{" => depth += 1,
                    ")" | "]" | "}" => depth = depth.saturating_sub(1),
                    _ => {}
                }
                end += 1;
                if depth == 0 {
                    break;
                }
            }
            skipped[at..end].iter_mut().for_each(|skip| *skip = true);
            at = end;
        } else {
            at += 1;
        }
    }
    for (index, word) in words.iter().enumerate() {
        if skipped[index] {
            continue;
        }
        let next = words.get(index + 1).copied();
        let previous = index.checked_sub(1).map(|before| words[before]);
        match *word {
            "yield" => {
                used.insert("yield_expr");
                used.insert("coroutines");
            }
            "gen" => {
                used.insert("gen_blocks");
                used.insert("coroutine_clone");
            }
            "await" if previous == Some("for") => {
                used.insert("async_for_loop");
                used.insert("async_iterator");
            }
            // `#[..]`: maybe `#[coroutine]`, maybe a gated attribute on an expression, unless
            // it starts an element of a list (`f(#[a] x)`, `[x, #[a] y]`) or a statement.
            "#" => {
                used.insert("coroutines");
                let before_previous = index.checked_sub(2).map(|at| words[at]);
                let call_opening = previous == Some("(")
                    && before_previous.is_some_and(|word| {
                        word == ")"
                            || word == ">"
                            || word == "!"
                            || word.starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    });
                let list_or_statement = !in_definition
                    && (call_opening || matches!(previous, Some("," | "[" | "{" | ";")));
                if !list_or_statement {
                    used.insert("stmt_expr_attributes");
                }
            }
            "iter" if next == Some("!") => {
                used.insert("iter_macro");
            }
            "Coroutine" | "CoroutineState" | "resume" => {
                used.insert("coroutine_trait");
            }
            // `async_iter` may start a path to `from_iter`, which names `from_iter` too:
            // `async_iter_from_iter` only gates that function, never the trait's method
            // (`println!("{:?}", g.poll_next(cx))` leaves it unused on nightly).
            "async_iter" | "AsyncIterator" | "IntoAsyncIterator" | "poll_next" => {
                used.insert("async_iterator");
            }
            "from_iter" => {
                used.insert("async_iter_from_iter");
            }
            "from_coroutine" | "FromCoroutine" => {
                used.insert("iter_from_coroutine");
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::gate_usage;

    /// The gates `source` (a crate root) declares but does not use, in nightly's order.
    fn unused(source: &str) -> Vec<String> {
        let options = crate::LowerOptions {
            is_crate_root: true,
            ..Default::default()
        };
        let usage = gate_usage(source, &options, false);
        let mut names = Vec::new();
        for group in [super::LANGUAGE_GATES, super::LIBRARY_GATES] {
            for gate in &usage.declared {
                if group.contains(&gate.name.as_str()) && !usage.used.contains(gate.name.as_str()) {
                    names.push(gate.name.clone());
                }
            }
        }
        names
    }

    // Each case was run on nightly 2026-05-19 with `--crate-type lib`; the expected list is
    // the gates its `unused_features` warnings named.
    /// As [`unused`], for a compilation without `cfg(test)`.
    #[test]
    fn code_under_cfg_test_counts_as_nightly_counts_it() {
        // Measured on nightly 2026-05-19 (`--crate-type lib`, then `--test`: nothing unused).
        let cases: &[(&str, &[&str])] = &[
            (
                "#![feature(gen_blocks, coroutines, yield_expr)]\n#[cfg(test)]\nmod tests { fn f() -> impl Iterator<Item=u8> { gen { yield 1; } } }",
                &["yield_expr"],
            ),
            (
                "#![feature(coroutines, stmt_expr_attributes, coroutine_trait)]\n#[cfg(test)]\nmod tests { use std::ops::Coroutine; fn f() { let c = #[coroutine] || { yield 1; }; } }",
                &["stmt_expr_attributes", "coroutine_trait"],
            ),
            (
                "#![feature(async_for_loop, async_iterator, gen_blocks)]\n#[cfg(test)]\nmod tests { async fn f() { for await x in async gen { yield 1u8; } { let _ = x; } } }",
                &["async_iterator"],
            ),
            (
                "#![feature(iter_macro, yield_expr)]\n#[cfg(test)]\nmod tests { fn f() { let _ = std::iter::iter!(|| { yield 1; }); } }",
                &["yield_expr", "iter_macro"],
            ),
        ];
        for (source, expected) in cases {
            assert_eq!(unused(source), *expected, "{source}");
        }
    }

    #[test]
    fn a_method_in_macro_arguments_uses_no_library_function_gate() {
        // Measured on nightly 2026-05-19: `poll_next` in `println!`'s arguments uses
        // `async_iterator` but not `async_iter_from_iter`; `from_iter` there uses it.
        let cases: &[(&str, &[&str])] = &[
            (
                "#![feature(gen_blocks, async_iterator, async_iter_from_iter)]\nuse std::async_iter::AsyncIterator;\npub fn f(cx: &mut std::task::Context<'_>) { let mut g = std::pin::pin!(async gen { yield 1; }); println!(\"{:?}\", g.as_mut().poll_next(cx)); }",
                &["async_iter_from_iter"],
            ),
            (
                "#![feature(async_iter_from_iter, async_iterator)]\npub fn f() { println!(\"{}\", std::async_iter::from_iter(0..1).size_hint().0); }",
                &[],
            ),
        ];
        for (source, expected) in cases {
            assert_eq!(unused(source), *expected, "{source}");
        }
    }

    #[test]
    fn a_file_too_deep_to_parse_is_not_parsed() {
        let deep = format!(
            "#![feature(gen_blocks)]\nfn f() {{ {}gen {{ yield 1; }}{} }}",
            "(".repeat(100_000),
            ")".repeat(100_000)
        );
        let options = crate::LowerOptions {
            is_crate_root: true,
            ..Default::default()
        };
        let usage = gate_usage(&deep, &options, false);
        assert!(usage.declared.is_empty() && usage.used.is_empty());
    }

    #[test]
    fn matches_nightly_on_measured_cases() {
        let cases: &[(&str, &[&str])] = &[
            (
                "#![feature(gen_blocks, coroutines)]\npub fn f() -> impl Iterator<Item=u32> { gen { yield 1; } }",
                &[],
            ),
            (
                "#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]\nuse std::ops::Coroutine;\npub fn f() -> impl Coroutine<Yield=u32, Return=()> { #[coroutine] || { yield 1; } }",
                &["stmt_expr_attributes"],
            ),
            (
                "#![feature(async_iterator, gen_blocks, async_for_loop)]\nuse std::async_iter::AsyncIterator;\npub fn f() -> impl AsyncIterator<Item=u32> { async gen { yield 1; } }",
                &["async_for_loop"],
            ),
            (
                "#![feature(let_chains, gen_blocks)]\npub fn f() {}",
                &["gen_blocks"],
            ),
            (
                "#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]\npub fn f() { let c = #[coroutine] || { yield 1; }; drop(c); }",
                &["coroutine_trait"],
            ),
            (
                "#![feature(coroutines, stmt_expr_attributes)]\npub fn f() { take(#[coroutine] || { yield 1; }); }\nfn take<T>(_: T) {}",
                &["stmt_expr_attributes"],
            ),
            (
                "#![feature(gen_blocks, async_iterator)]\npub fn f() { let _ = async gen { yield 1; }; }",
                &["async_iterator"],
            ),
            (
                "#![feature(async_for_loop, async_iterator, gen_blocks)]\npub async fn f() { for await x in async gen { yield 1u32; } { let _ = x; } }",
                &[],
            ),
            (
                "#![feature(iter_macro, yield_expr, coroutines, gen_blocks)]\npub fn f() -> impl Iterator<Item=u8> { std::iter::iter!(|| { yield 1; })() }",
                &["gen_blocks"],
            ),
            (
                "#![feature(gen_blocks, coroutines)]\npub fn f() -> impl Iterator<Item=u8> { gen { } }",
                &["coroutines"],
            ),
            (
                "#![feature(coroutines, coroutine_trait)]\nuse std::ops::Coroutine;",
                &["coroutines"],
            ),
            (
                "#![feature(coroutines, gen_blocks, stmt_expr_attributes)]\npub fn f() { gen { yield 1; }; #[coroutine] || { yield 1; }; }",
                &["stmt_expr_attributes"],
            ),
            (
                "#![feature(async_iter_from_iter, coroutine_clone, yield_expr, iter_macro, async_for_loop, async_iterator, gen_blocks, stmt_expr_attributes, coroutine_trait, coroutines)]\npub fn f() {}",
                &[
                    "coroutine_clone",
                    "yield_expr",
                    "async_for_loop",
                    "gen_blocks",
                    "stmt_expr_attributes",
                    "coroutines",
                    "async_iter_from_iter",
                    "iter_macro",
                    "async_iterator",
                    "coroutine_trait",
                ],
            ),
        ];
        for (source, expected) in cases {
            assert_eq!(unused(source), *expected, "{source}");
        }
    }
}
