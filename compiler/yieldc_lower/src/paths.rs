//! Library paths and feature gates: `core|std::{async_iter, ops::Coroutine,
//! ops::CoroutineState, iter::from_coroutine}` become `::yieldc_rt::..`, and the
//! `#![feature(..)]` entries that yieldc implements are removed.

use yieldc_syntax::ra_ap_syntax::ast::{self, AstNode};
use yieldc_syntax::ra_ap_syntax::{NodeOrToken, SyntaxKind, SyntaxNode};

use crate::lowerer::Lowerer;
use crate::source_map::DesugaringKind;

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
            item.use_tree_list().is_none()
                && item
                    .path()
                    .is_some_and(|path| names.contains(&compact(path.syntax()).as_str()))
        })
        .collect();
    if items.is_empty() {
        None
    } else {
        Some((module, items))
    }
}

/// Whether `node` (a `PATH` or `USE_TREE`) is rewritten.
pub(crate) fn path_needs_rewrite(node: &SyntaxNode) -> bool {
    match node.kind() {
        SyntaxKind::PATH => replacement(&compact(node)).is_some(),
        SyntaxKind::USE_TREE => {
            is_iter_macro_import(node)
                || ast::UseTree::cast(node.clone())
                    .and_then(|tree| provided_group_items(&tree))
                    .is_some()
        }
        _ => false,
    }
}

impl Lowerer<'_> {
    /// `std::ops::Coroutine` → `::yieldc_rt::ops::Coroutine` (and the other mirrored paths).
    pub(crate) fn lower_library_path(&mut self, node: &SyntaxNode) -> bool {
        let Some(replacement) = replacement(&compact(node)) else {
            return false;
        };
        let start = self.node_start(node);
        let end = self.node_end(node);
        self.replace(start, end, replacement, DesugaringKind::LibraryPath);
        true
    }

    /// `std::ops::{Coroutine, Add}` →
    /// `{::yieldc_rt::ops::{Coroutine}, std::ops::{{}, Add}}`.
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
        let Some((module, items)) = provided_group_items(&tree) else {
            return false;
        };
        let start = self.node_start(node);
        let end = self.node_end(node);
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
                || (name == "stmt_expr_attributes" && !keep_stmt_expr_attributes)
        };
        if features.iter().all(|feature| removed(&feature.name)) {
            self.replace(start, end, "", DesugaringKind::FeatureGate);
            return true;
        }
        let mut skip_comma = false;
        for element in node.descendants_with_tokens() {
            let NodeOrToken::Token(token) = element else {
                continue;
            };
            let token_start = self.token_start(&token);
            let token_end = self.token_end(&token);
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
