//! Library paths and feature gates: `core|std::{async_iter, ops::Coroutine,
//! ops::CoroutineState, iter::from_coroutine}` become `::yieldc_rt::..`, and the
//! `#![feature(..)]` entries that yieldc implements are removed. Where the crate root lacks a
//! library gate, every use of the unstable item is nightly's E0658 (`check_library_gates`).

use yieldc_syntax::ra_ap_syntax::ast::{self, AstNode};
use yieldc_syntax::ra_ap_syntax::{NodeOrToken, SyntaxKind, SyntaxNode};

use std::collections::HashMap;

use yieldc_syntax::{Diagnostic, Span};

use crate::lowerer::Lowerer;
use crate::source_map::DesugaringKind;

/// A library gate: name, the message's suffix, tracking issue.
pub(crate) type LibraryGate = (&'static str, &'static str, u32);

/// Whether [`Lowerer::check_library_gates`] may report anything: the gates are known and one
/// of the library gates is not in force (`file_features`: the gates of the file's own
/// `#![feature(..)]` attributes, which are in force when it is the crate root).
pub(crate) fn library_gate_missing(
    options: &crate::LowerOptions,
    file_features: &[String],
) -> bool {
    const LIBRARY_GATES: &[&str] = &[
        "async_iterator",
        "async_iter_from_iter",
        "coroutine_trait",
        "iter_from_coroutine",
        "iter_macro",
    ];
    let gates_known = options.is_crate_root || !options.crate_features.is_empty();
    let enabled = if options.is_crate_root {
        file_features
    } else {
        &options.crate_features[..]
    };
    gates_known
        && LIBRARY_GATES
            .iter()
            .any(|gate| !enabled.iter().any(|feature| feature == gate))
}

/// Whether a part of the file (parsed on its own, `crate::items`) might make
/// [`Lowerer::check_library_gates`] report anything over the whole file: it imports a gated item
/// (then paths through the import and `.resume(` calls in other parts are reported), it names
/// one by its full path, or it has an `async gen` (then `.poll_next(` anywhere is reported).
/// When no part does, the whole file has nothing to report: every gated path and import holds
/// a word that marks its tile for parsing (see `yieldc_syntax::items::Hit`).
pub(crate) fn library_gate_uses_in(outline: &yieldc_syntax::outline::Outline) -> bool {
    let has_async_gen = outline.forms.iter().any(|form| {
        matches!(
            form.kind,
            yieldc_syntax::FormKind::GenBlock { is_async: true, .. }
                | yieldc_syntax::FormKind::GenFn { is_async: true }
        )
    });
    if has_async_gen {
        return true;
    }
    // Every gated path has one of the segments checked below; they all contain one of these
    // (a walk over the tree costs far more than two searches through the part's text).
    let text = &outline.original_text;
    if !text.contains("iter") && !text.contains("oroutine") {
        return false;
    }
    for node in outline.root.descendants() {
        if let Some(use_item) = ast::Use::cast(node.clone()) {
            let mut gated = false;
            if let Some(tree) = use_item.use_tree() {
                collect_use_tree(&tree, &[], &mut |_, full, _| {
                    gated |= library_gate(full).is_some();
                });
            }
            if gated {
                return true;
            }
            continue;
        }
        if let Some(path) = ast::Path::cast(node)
            && path.segments().any(|segment| {
                segment.name_ref().is_some_and(|name| {
                    matches!(
                        name.text(),
                        "async_iter"
                            | "Coroutine"
                            | "CoroutineState"
                            | "from_coroutine"
                            | "FromCoroutine"
                            | "iter"
                    )
                })
            })
            && library_gate(&path_segments(&path)).is_some()
        {
            return true;
        }
    }
    false
}

/// The gate of an unstable library item, by its full path (segments, `std`/`core` first).
fn library_gate(segments: &[String]) -> Option<LibraryGate> {
    let (root, rest) = segments.split_first()?;
    if root != "std" && root != "core" {
        return None;
    }
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    Some(match rest.as_slice() {
        ["async_iter", "from_iter" | "FromIter", ..] => ("async_iter_from_iter", "", 81798),
        ["async_iter", ..] => ("async_iterator", "", 79024),
        ["ops", "Coroutine" | "CoroutineState", ..] => ("coroutine_trait", "", 43122),
        ["iter", "from_coroutine" | "FromCoroutine", ..] => {
            ("iter_from_coroutine", ": coroutines are unstable", 43122)
        }
        ["iter", "iter"] => ("iter_macro", ": generators are unstable", 142269),
        _ => return None,
    })
}

fn path_segments(path: &ast::Path) -> Vec<String> {
    path.segments()
        .map(|segment| {
            segment
                .name_ref()
                .map(|name| name.text().to_string())
                .unwrap_or_default()
        })
        .collect()
}

/// Gates whose features yieldc provides on stable.
const IMPLEMENTED_GATES: &[&str] = &[
    "gen_blocks",
    "async_iterator",
    "async_for_loop",
    "coroutines",
    "coroutine_trait",
    "iter_from_coroutine",
    "iter_macro",
    "yield_expr",
    "async_iter_from_iter",
];

/// Gates yieldc removes without implementing them: left in `#![feature]`, the stable compiler
/// would reject every crate naming them (E0554) while nightly accepts those that do not use the
/// feature. `coroutine_clone`: cloning a coroutine or generator is E0599 (no `clone` method).
const ACCEPTED_UNIMPLEMENTED_GATES: &[&str] = &["coroutine_clone"];

/// Path (whitespace removed, no leading `::`) → its `yieldc_rt` replacement.
fn replacement(path: &str) -> Option<&'static str> {
    let path = path.strip_prefix("::").unwrap_or(path);
    Some(match path {
        "std::async_iter" | "core::async_iter" => "::yieldc_rt::async_iter",
        "std::ops::Coroutine" | "core::ops::Coroutine" => "::yieldc_rt::ops::Coroutine",
        "std::ops::CoroutineState" | "core::ops::CoroutineState" => {
            "::yieldc_rt::ops::CoroutineState"
        }
        "std::iter::from_coroutine" | "core::iter::from_coroutine" => {
            "::yieldc_rt::iter::from_coroutine"
        }
        "std::iter::FromCoroutine" | "core::iter::FromCoroutine" => {
            "::yieldc_rt::iter::FromCoroutine"
        }
        _ => return None,
    })
}

/// For a `use` group `std::ops::{..}` / `std::iter::{..}`: the `yieldc_rt` module and the
/// names it provides.
fn group_module(path: &str) -> Option<(&'static str, &'static [&'static str])> {
    let path = path.strip_prefix("::").unwrap_or(path);
    match path {
        "std::ops" | "core::ops" => Some(("::yieldc_rt::ops", &["Coroutine", "CoroutineState"])),
        "std::iter" | "core::iter" => Some((
            "::yieldc_rt::iter",
            &["from_coroutine", "FromCoroutine", "iter"],
        )),
        _ => None,
    }
}

/// The generic arguments of a path's last segment (`Coroutine<Yield = u8>`,
/// `from_coroutine::<C>`), which a rewrite keeps.
fn trailing_generic_args(path: &SyntaxNode) -> Option<SyntaxNode> {
    let segment = ast::Path::cast(path.clone())?.segment()?;
    segment
        .syntax()
        .children()
        .find(|child| child.kind() == SyntaxKind::GENERIC_ARG_LIST)
}

/// [`compact`] of a path without its last segment's generic arguments.
fn compact_head(path: &SyntaxNode) -> String {
    let Some(arguments) = trailing_generic_args(path) else {
        return compact(path);
    };
    let skipped = arguments.text_range();
    let mut text = String::new();
    for element in path.descendants_with_tokens() {
        if let NodeOrToken::Token(token) = element
            && !matches!(token.kind(), SyntaxKind::WHITESPACE | SyntaxKind::COMMENT)
            && !skipped.contains_range(token.text_range())
        {
            text.push_str(token.text());
        }
    }
    text
}

fn compact(node: &SyntaxNode) -> String {
    let mut text = String::new();
    for element in node.descendants_with_tokens() {
        if let NodeOrToken::Token(token) = element
            && !matches!(token.kind(), SyntaxKind::WHITESPACE | SyntaxKind::COMMENT)
        {
            text.push_str(token.text());
        }
    }
    text
}

/// The items of a `use` group that `yieldc_rt` provides: `(item node, first name)`.
fn provided_group_items(use_tree: &ast::UseTree) -> Option<(&'static str, Vec<ast::UseTree>)> {
    let path = use_tree.path()?;
    let (module, names) = group_module(&compact(path.syntax()))?;
    let list = use_tree.use_tree_list()?;
    let items: Vec<ast::UseTree> = list
        .use_trees()
        .filter(|item| {
            item.path().is_some_and(|path| {
                // `Coroutine`, or a path or group under one (`CoroutineState::Yielded`,
                // `CoroutineState::{self, *}`); `iter`, the macro, only by itself.
                let path = compact(path.syntax());
                let first = path.split("::").next().unwrap_or_default();
                names.contains(&first)
                    && (first != "iter" || (path == "iter" && item.use_tree_list().is_none()))
            })
        })
        .collect();
    if items.is_empty() {
        None
    } else {
        Some((module, items))
    }
}

/// The items of a group `std::{..}` / `core::{..}` that name what `yieldc_rt` mirrors (at
/// any place of a nested group, e.g. `std::{async_iter::AsyncIterator, ops::{Coroutine, Add}}`):
/// each tree to remove from the group, with its redirected text (`None`: the `iter` macro,
/// which is dropped).
fn root_group_redirects(use_tree: &ast::UseTree) -> Option<Vec<(ast::UseTree, Option<String>)>> {
    let path = use_tree.path()?;
    let root = compact(path.syntax());
    let root = root.strip_prefix("::").unwrap_or(&root);
    if !matches!(root, "std" | "core") {
        return None;
    }
    let list = use_tree.use_tree_list()?;
    let mut redirects = Vec::new();
    for item in list.use_trees() {
        let Some(item_path) = item.path() else {
            continue;
        };
        let item_path = compact(item_path.syntax());
        let has_list = item.use_tree_list().is_some();
        if item_path == "async_iter" || item_path.starts_with("async_iter::") {
            redirects.push((
                item.clone(),
                Some(format!("::yieldc_rt::{}", compact_spaced(item.syntax()))),
            ));
        } else if [
            "ops::Coroutine",
            "ops::CoroutineState",
            "iter::from_coroutine",
            "iter::FromCoroutine",
        ]
        .iter()
        .any(|name| {
            item_path
                .strip_prefix(name)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with("::"))
        }) {
            redirects.push((
                item.clone(),
                Some(format!("::yieldc_rt::{}", compact_spaced(item.syntax()))),
            ));
        } else if !has_list && item_path == "iter::iter" && item.rename().is_none() {
            redirects.push((item.clone(), None));
        } else if has_list
            && let Some((module, names)) = group_module(&format!("std::{item_path}"))
            && let Some(inner) = item.use_tree_list()
        {
            for inner_item in inner.use_trees() {
                let Some(name) = inner_item.path().map(|path| compact(path.syntax())) else {
                    continue;
                };
                let first = name.split("::").next().unwrap_or_default();
                if !names.contains(&first)
                    || (first == "iter" && (name != "iter" || inner_item.use_tree_list().is_some()))
                {
                    continue;
                }
                let redirect = (name != "iter" || inner_item.rename().is_some())
                    .then(|| format!("{module}::{}", compact_spaced(inner_item.syntax())));
                redirects.push((inner_item, redirect));
            }
        }
    }
    if redirects.is_empty() {
        None
    } else {
        Some(redirects)
    }
}

/// Whether the mirror provides every name of the `use` group `use_tree` (`iter`, the macro,
/// is dropped rather than redirected: not this case).
fn provides_whole_group(use_tree: &ast::UseTree) -> bool {
    let Some((_, items)) = provided_group_items(use_tree) else {
        return false;
    };
    use_tree.use_tree_list().is_some_and(|list| {
        list.use_trees().count() == items.len()
            && items.iter().all(|item| {
                item.path()
                    .is_some_and(|path| compact(path.syntax()) != "iter")
            })
    })
}

/// Whether `node` (a `PATH` or `USE_TREE`) is rewritten.
pub(crate) fn path_needs_rewrite(node: &SyntaxNode) -> bool {
    match node.kind() {
        // Asked of every path of a parsed part: its last name first, before the path's text
        // is gathered (a walk and an allocation per path, and most paths are not replaced).
        SyntaxKind::PATH => {
            let last_name = match trailing_generic_args(node) {
                Some(arguments) => arguments.first_token().and_then(|t| t.prev_token()),
                None => node.last_token(),
            };
            let last_is_replaced_name = last_name.is_none_or(|token| {
                token.kind().is_trivia()
                    || matches!(
                        token.text(),
                        "async_iter"
                            | "Coroutine"
                            | "CoroutineState"
                            | "from_coroutine"
                            | "FromCoroutine"
                    )
            });
            last_is_replaced_name && replacement(&compact_head(node)).is_some()
        }
        SyntaxKind::USE_TREE => {
            is_iter_macro_import(node)
                || ast::UseTree::cast(node.clone()).is_some_and(|tree| {
                    provided_group_items(&tree).is_some() || root_group_redirects(&tree).is_some()
                })
        }
        _ => false,
    }
}

impl Lowerer<'_> {
    /// Nightly's E0658 for unstable library items used without their gate in the crate root:
    /// at each `use` of one (each item of a group), at each path naming one (directly or
    /// through such an import), and at method calls that resolve to an unstable trait's method
    /// on nightly: `resume` where `Coroutine` is imported, `poll_next` on an `async gen`, and
    /// `size_hint` on a local bound to one.
    pub(crate) fn check_library_gates(&mut self, root: &SyntaxNode) {
        let gates_known = self.options.is_crate_root || !self.options.crate_features.is_empty();
        if !gates_known {
            return;
        }
        let has_async_gen = self.outline.forms.iter().any(|form| {
            matches!(
                form.kind,
                yieldc_syntax::FormKind::GenBlock { is_async: true, .. }
                    | yieldc_syntax::FormKind::GenFn { is_async: true }
            )
        });
        let mut reports = library_item_uses(root, has_async_gen);
        reports.sort_by_key(|(span, _)| span.start);
        for (span, (gate, suffix, issue)) in reports {
            if self.outline.feature_enabled(gate) {
                continue;
            }
            self.error(Diagnostic::missing_feature(
                &format!("use of unstable library feature `{gate}`{suffix}"),
                gate,
                issue,
                span,
            ));
        }
    }

    /// The file's items. In an edition 2015 crate root, `::yieldc_rt` (the lowering's paths)
    /// names an item of the crate root, so the runtime is declared there, before the first
    /// item, on its line:
    ///
    /// ```text
    /// extern crate yieldc_rt; ITEM
    /// ```
    pub(crate) fn emit_source_file(&mut self, node: &SyntaxNode) {
        let mut declare_runtime = self.options.edition == yieldc_syntax::Edition::E2015
            && self.options.is_crate_root
            && !contains_extern_crate_yieldc_rt(node);
        for child in node.children_with_tokens() {
            if declare_runtime
                && let NodeOrToken::Node(item) = &child
                && ast::Attr::cast(item.clone()).is_none_or(|attr| attr.excl_token().is_none())
            {
                let start = self.node_start(item);
                self.generate(
                    "extern crate yieldc_rt; ",
                    start,
                    DesugaringKind::LibraryPath,
                );
                declare_runtime = false;
            }
            self.emit_element(&child);
        }
    }

    /// `std::ops::Coroutine` → `::yieldc_rt::ops::Coroutine` (and the other mirrored paths).
    /// Generic arguments stay (`std::ops::Coroutine<Yield = u8>` →
    /// `::yieldc_rt::ops::Coroutine<Yield = u8>`), lowered like any other text.
    pub(crate) fn lower_library_path(&mut self, node: &SyntaxNode) -> bool {
        let Some(replacement) = replacement(&compact_head(node)) else {
            return false;
        };
        let start = self.node_start(node);
        let arguments = trailing_generic_args(node);
        let end = match &arguments {
            Some(arguments) => {
                // The name's end: the arguments may follow after whitespace or `::`.
                let name_end = arguments
                    .first_token()
                    .and_then(|token| token.prev_token())
                    .map(|token| {
                        let mut token = token;
                        while token.kind().is_trivia() || token.kind() == SyntaxKind::COLON2 {
                            match token.prev_token() {
                                Some(previous) => token = previous,
                                None => break,
                            }
                        }
                        self.token_end(&token)
                    });
                name_end.unwrap_or_else(|| self.node_start(arguments))
            }
            None => self.node_end(node),
        };
        self.replace(start, end, replacement, DesugaringKind::LibraryPath);
        if let Some(arguments) = arguments {
            let arguments_start = self.node_start(&arguments);
            if arguments_start > end {
                self.copy_range(end, arguments_start);
            }
            self.emit_node(&arguments);
        }
        true
    }

    /// `std::ops::{Coroutine, CoroutineState}` → `::yieldc_rt::ops::{Coroutine, CoroutineState}`
    /// when the mirror provides every name of the group; else `std::ops::{Coroutine, Add}` →
    /// `{::yieldc_rt::ops::{Coroutine}, std::ops::{{}, Add}}` under `#[allow(unused_imports)]`
    /// on the `use` item (an empty group is an unused import, an error under
    /// `#![deny(warnings)]`; the allow then also hides an unused `Add`).
    pub(crate) fn lower_use_tree(&mut self, node: &SyntaxNode) -> bool {
        if is_iter_macro_import(node) {
            // `use std::iter::iter;` → `use {};` (every `iter!` call is lowered away).
            let start = self.node_start(node);
            let end = self.node_end(node);
            self.replace(start, end, "{}", DesugaringKind::LibraryPath);
            return true;
        }
        let Some(tree) = ast::UseTree::cast(node.clone()) else {
            return false;
        };
        if let Some(redirects) = root_group_redirects(&tree) {
            // `std::{async_iter::AsyncIterator, pin::pin}` →
            // `{::yieldc_rt::async_iter::AsyncIterator, std::{{}, pin::pin}}`.
            let start = self.node_start(node);
            let end = self.node_end(node);
            let texts: Vec<&str> = redirects
                .iter()
                .filter_map(|(_, text)| text.as_deref())
                .collect();
            let mut opening = String::from("{");
            for text in &texts {
                opening.push_str(text);
                opening.push_str(", ");
            }
            self.generate(&opening, start, DesugaringKind::LibraryPath);
            let removed: Vec<(usize, usize)> = redirects
                .iter()
                .map(|(item, _)| (self.node_start(item.syntax()), self.node_end(item.syntax())))
                .collect();
            self.emit_use_tree_without(node, &removed);
            self.generate("}", end, DesugaringKind::LibraryPath);
            return true;
        }
        let Some((module, items)) = provided_group_items(&tree) else {
            return false;
        };
        let start = self.node_start(node);
        let end = self.node_end(node);
        if provides_whole_group(&tree)
            && let Some(path) = tree.path()
        {
            let path_start = self.node_start(path.syntax());
            let path_end = self.node_end(path.syntax());
            self.emit_children_within(node, start, path_start);
            self.replace(path_start, path_end, module, DesugaringKind::LibraryPath);
            self.emit_children_within(node, path_end, end);
            return true;
        }
        // `iter` (the macro) is lowered away: its import is dropped, not redirected.
        let item_texts: Vec<String> = items
            .iter()
            .filter(|item| {
                item.path()
                    .is_none_or(|path| compact(path.syntax()) != "iter")
            })
            .map(|item| compact_spaced(item.syntax()))
            .collect();
        self.generate(
            &format!("{{{module}::{{{}}}, ", item_texts.join(", ")),
            start,
            DesugaringKind::LibraryPath,
        );
        let item_ranges: Vec<(usize, usize)> = items
            .iter()
            .map(|item| (self.node_start(item.syntax()), self.node_end(item.syntax())))
            .collect();
        self.emit_use_tree_without(node, &item_ranges);
        self.generate("}", end, DesugaringKind::LibraryPath);
        true
    }

    /// A `use` item whose lowering leaves an empty group (see [`Self::lower_use_tree`]) gets
    /// `#[allow(unused_imports)]`, then is emitted as usual.
    pub(crate) fn lower_use_item(&mut self, node: &SyntaxNode) -> bool {
        let leaves_empty_group = node.descendants().any(|tree| {
            tree.kind() == SyntaxKind::USE_TREE
                && (is_iter_macro_import(&tree)
                    || ast::UseTree::cast(tree.clone()).is_some_and(|tree| {
                        (provided_group_items(&tree).is_some() && !provides_whole_group(&tree))
                            || root_group_redirects(&tree).is_some()
                    }))
        });
        if !leaves_empty_group {
            return false;
        }
        let start = self.node_start(node);
        self.generate(
            "#[allow(unused_imports)] ",
            start,
            DesugaringKind::LibraryPath,
        );
        self.emit_children(node);
        true
    }

    fn emit_use_tree_without(&mut self, node: &SyntaxNode, removed: &[(usize, usize)]) {
        for child in node.children_with_tokens() {
            let start = self.start_of(&child);
            let end = self.end_of(&child);
            if removed.contains(&(start, end)) && child.kind() == SyntaxKind::USE_TREE {
                self.replace(start, end, "{}", DesugaringKind::LibraryPath);
                continue;
            }
            match &child {
                NodeOrToken::Node(child_node)
                    if removed.iter().any(|&(s, e)| s >= start && e <= end) =>
                {
                    self.emit_use_tree_without(child_node, removed)
                }
                _ => self.emit_element(&child),
            }
        }
    }

    /// `#![feature(gen_blocks, negative_impls)]` → `#![feature(negative_impls)]`; an attribute
    /// left empty disappears (its line stays).
    pub(crate) fn lower_feature_attribute(&mut self, node: &SyntaxNode) -> bool {
        if node
            .parent()
            .is_none_or(|parent| parent.kind() != SyntaxKind::SOURCE_FILE)
        {
            return false;
        }
        let start = self.node_start(node);
        let end = self.node_end(node);
        let features: Vec<_> = self
            .outline
            .features
            .iter()
            .filter(|f| f.attribute.start == start)
            .cloned()
            .collect();
        if features.is_empty() {
            return false;
        }
        let keep_stmt_expr_attributes = self.needs_stmt_expr_attributes();
        let removed = |name: &str| {
            IMPLEMENTED_GATES.contains(&name)
                || ACCEPTED_UNIMPLEMENTED_GATES.contains(&name)
                || self.options.stable_gates.iter().any(|gate| gate == name)
                || (name == "stmt_expr_attributes" && !keep_stmt_expr_attributes)
        };
        // In `#![cfg_attr(PREDICATE, feature(..), ..)]` (active), a `feature(..)` whose gates
        // are all removed goes with the comma before it; a `cfg_attr` left with nothing goes.
        let only_features = features
            .iter()
            .all(|feature| feature.cfg_attr.is_none_or(|(_, only)| only));
        if only_features && features.iter().all(|feature| removed(&feature.name)) {
            self.replace(start, end, "", DesugaringKind::FeatureGate);
            return true;
        }
        let removed_metas: Vec<(usize, usize)> = features
            .iter()
            .filter_map(|feature| feature.cfg_attr)
            .map(|(meta, _)| (meta.start, meta.end))
            .filter(|&(meta_start, _)| {
                features
                    .iter()
                    .filter(|f| f.cfg_attr.is_some_and(|(m, _)| m.start == meta_start))
                    .all(|f| removed(&f.name))
            })
            .collect();
        let mut skip_comma = false;
        for element in node.descendants_with_tokens() {
            let NodeOrToken::Token(token) = element else {
                continue;
            };
            let token_start = self.token_start(&token);
            let token_end = self.token_end(&token);
            if let Some(&(meta_start, meta_end)) =
                removed_metas.iter().find(|&&(meta_start, meta_end)| {
                    token_start >= meta_start && token_start < meta_end
                })
            {
                if token_start == meta_start {
                    self.replace(meta_start, meta_end, "", DesugaringKind::FeatureGate);
                }
                continue;
            }
            if token.kind() == SyntaxKind::IDENT
                && features.iter().any(|f| f.span.start == token_start)
                && removed(token.text())
            {
                self.replace(token_start, token_end, "", DesugaringKind::FeatureGate);
                skip_comma = true;
                continue;
            }
            if skip_comma && token.kind() == SyntaxKind::COMMA {
                self.replace(token_start, token_end, "", DesugaringKind::FeatureGate);
                skip_comma = false;
                continue;
            }
            if !matches!(token.kind(), SyntaxKind::WHITESPACE | SyntaxKind::COMMENT) {
                skip_comma = false;
            }
            self.emit_token(&token);
        }
        true
    }

    /// Whether an attribute other than `#[coroutine]` sits on an expression that is not a
    /// statement (what `stmt_expr_attributes` is for besides `#[coroutine]`).
    fn needs_stmt_expr_attributes(&self) -> bool {
        if let Some(answer) = self.file_needs_stmt_expr_attributes {
            return answer; // the item-limited path asked the whole file
        }
        needs_stmt_expr_attributes_in(&self.outline.root)
    }
}

/// Whether an attribute under `root` other than `#[coroutine]` sits on an expression that is
/// not a statement.
pub(crate) fn needs_stmt_expr_attributes_in(root: &SyntaxNode) -> bool {
    root.descendants()
        .filter_map(ast::Attr::cast)
        .any(|attribute| {
            let is_coroutine = attribute
                .meta()
                .and_then(|meta| meta.path())
                .is_some_and(|path| compact(path.syntax()) == "coroutine");
            let Some(parent) = attribute.syntax().parent() else {
                return false;
            };
            !is_coroutine
                && ast::Expr::can_cast(parent.kind())
                && parent.parent().is_some_and(|grand| {
                    !matches!(grand.kind(), SyntaxKind::EXPR_STMT | SyntaxKind::STMT_LIST)
                })
        })
}

/// Every use of an unstable library item under `root`, with its gate: each `use` of one (each
/// item of a group), each path naming one (directly or through such an import), and method
/// calls that resolve to an unstable trait's method on nightly: `resume` where `Coroutine` is
/// imported, `poll_next` when the file has an `async gen` (`has_async_gen`), and `size_hint`
/// on a local bound to one.
pub(crate) fn library_item_uses(
    root: &SyntaxNode,
    has_async_gen: bool,
) -> Vec<(Span, LibraryGate)> {
    let mut imported: HashMap<String, Vec<String>> = HashMap::new();
    let mut reports: Vec<(Span, LibraryGate)> = Vec::new();
    for node in root.descendants() {
        if let Some(use_item) = ast::Use::cast(node.clone()) {
            if let Some(tree) = use_item.use_tree() {
                collect_use_tree(&tree, &[], &mut |path, full, name| {
                    if let Some(gate) = library_gate(full) {
                        reports.push((Span::from_range(path.syntax().text_range()), gate));
                        imported.insert(name, full.to_vec());
                    }
                });
            }
            continue;
        }
        let Some(path) = ast::Path::cast(node.clone()) else {
            continue;
        };
        let is_topmost = node
            .parent()
            .is_none_or(|parent| parent.kind() != SyntaxKind::PATH);
        // (A macro call's path, `iter!`, is reported by the front end.)
        let is_macro_path = node
            .parent()
            .is_some_and(|parent| parent.kind() == SyntaxKind::MACRO_CALL);
        if !is_topmost || is_macro_path || node.ancestors().any(|a| a.kind() == SyntaxKind::USE) {
            continue;
        }
        let segments = path_segments(&path);
        let Some(first) = segments.first() else {
            continue;
        };
        let full = match imported.get(first) {
            Some(import) if first != "std" && first != "core" => {
                let mut full = import.clone();
                full.extend(segments[1..].iter().cloned());
                full
            }
            _ => segments,
        };
        if let Some(gate) = library_gate(&full) {
            reports.push((Span::from_range(node.text_range()), gate));
        }
    }
    let coroutine_trait_imported = imported
        .values()
        .any(|full| library_gate(full).is_some_and(|gate| gate.0 == "coroutine_trait"));
    let async_gen_locals: Vec<String> = root
        .descendants()
        .filter_map(ast::LetStmt::cast)
        .filter(|statement| {
            statement.initializer().is_some_and(|init| {
                std::iter::once(init.syntax().clone())
                    .chain(init.syntax().descendants())
                    .filter_map(ast::BlockExpr::cast)
                    .any(|block| block.async_token().is_some() && block.gen_token().is_some())
            })
        })
        .filter_map(|statement| match statement.pat() {
            Some(ast::Pat::IdentPat(ident)) => {
                use yieldc_syntax::ra_ap_syntax::ast::HasName;
                ident.name().map(|name| name.text().to_string())
            }
            _ => None,
        })
        .collect();
    // Method calls, also inside macro arguments (token trees): `RECEIVER . NAME (`.
    let tokens: Vec<_> = root
        .descendants_with_tokens()
        .filter_map(|element| element.into_token())
        .filter(|token| !token.kind().is_trivia())
        .collect();
    for (index, window) in tokens.windows(3).enumerate() {
        if window[0].kind() != SyntaxKind::DOT
            || window[1].kind() != SyntaxKind::IDENT
            || window[2].kind() != SyntaxKind::L_PAREN
        {
            continue;
        }
        let receiver_is_async_gen_local = index
            .checked_sub(1)
            .and_then(|before| tokens.get(before))
            .is_some_and(|receiver| {
                receiver.kind() == SyntaxKind::IDENT
                    && async_gen_locals
                        .iter()
                        .any(|local| local == receiver.text())
            });
        let gate = match window[1].text() {
            "resume" if coroutine_trait_imported => ("coroutine_trait", "", 43122),
            "poll_next" if has_async_gen => ("async_iterator", "", 79024),
            "size_hint" if receiver_is_async_gen_local => ("async_iterator", "", 79024),
            _ => continue,
        };
        reports.push((Span::from_range(window[1].text_range()), gate));
    }
    reports
}

fn compact_spaced(node: &SyntaxNode) -> String {
    let mut text = String::new();
    for element in node.descendants_with_tokens() {
        if let NodeOrToken::Token(token) = element {
            match token.kind() {
                SyntaxKind::WHITESPACE | SyntaxKind::COMMENT => text.push(' '),
                _ => text.push_str(token.text()),
            }
        }
    }
    text
}

/// `std::iter::iter` / `core::iter::iter` as a whole use tree.
fn is_iter_macro_import(node: &SyntaxNode) -> bool {
    let Some(tree) = ast::UseTree::cast(node.clone()) else {
        return false;
    };
    if tree.use_tree_list().is_some() || tree.rename().is_some() || tree.star_token().is_some() {
        return false;
    }
    let Some(path) = tree.path() else {
        return false;
    };
    let text = compact(path.syntax());
    let text = text.strip_prefix("::").unwrap_or(&text);
    matches!(text, "std::iter::iter" | "core::iter::iter")
}

/// Calls `found(path, full path, imported name)` for every leaf of a `use` tree.
fn collect_use_tree(
    tree: &ast::UseTree,
    prefix: &[String],
    found: &mut dyn FnMut(&ast::Path, &[String], String),
) {
    let mut full = prefix.to_vec();
    if let Some(path) = tree.path() {
        full.extend(path_segments(&path));
    }
    if let Some(list) = tree.use_tree_list() {
        for item in list.use_trees() {
            collect_use_tree(&item, &full, found);
        }
        return;
    }
    if tree.star_token().is_some() {
        return;
    }
    let Some(path) = tree.path() else {
        return;
    };
    use yieldc_syntax::ra_ap_syntax::ast::HasName;
    let name = tree
        .rename()
        .and_then(|rename| rename.name())
        .map(|name| name.text().to_string())
        .or_else(|| full.last().cloned())
        .unwrap_or_default();
    found(&path, &full, name);
}

/// Whether the file already declares `extern crate yieldc_rt`.
fn contains_extern_crate_yieldc_rt(root: &SyntaxNode) -> bool {
    root.children()
        .filter_map(ast::ExternCrate::cast)
        .any(|item| {
            item.name_ref()
                .is_some_and(|name| name.text() == "yieldc_rt")
        })
}
