//! Lowering inside macro arguments. `ra_ap_syntax` keeps a macro's arguments as a token tree;
//! when they parse as comma-separated expressions (`println!`, `assert_eq!`, `vec!`, `write!`,
//! any user macro called like a function) or as a block of statements, they are re-parsed
//! inside a wrapper and walked like ordinary code, with offsets shifted back to the original.

use yieldc_syntax::ra_ap_syntax::ast::{self, AstNode};
use yieldc_syntax::ra_ap_syntax::{SourceFile, SyntaxKind, SyntaxNode};

use crate::lowerer::Lowerer;

const CALL_PREFIX: &str = "fn __yieldc_w(){__yieldc_f(";
const CALL_SUFFIX: &str = "\n);}";
const BLOCK_PREFIX: &str = "fn __yieldc_w(){";
const BLOCK_SUFFIX: &str = "\n}";

/// A macro's arguments, re-parsed.
pub(crate) struct Reparsed {
    /// The wrapper's root.
    pub(crate) root: SyntaxNode,
    /// Original offset = wrapper offset + delta.
    pub(crate) delta: isize,
    /// The arguments (inside the delimiters), original offsets.
    pub(crate) inner_start: usize,
    pub(crate) inner_end: usize,
    /// The nodes to walk: the call's arguments, or the block's statements.
    pub(crate) items: Vec<SyntaxNode>,
}

impl Lowerer<'_> {
    /// Re-parses the arguments of `call`; `None` when they are neither expressions nor
    /// statements (e.g. `matches!(x, Some(_))`).
    pub(crate) fn reparse_macro_arguments(&self, call: &ast::MacroCall) -> Option<Reparsed> {
        self.reparse_macro_arguments_at(call, self.delta)
    }

    /// As [`Self::reparse_macro_arguments`], for a node whose offsets are shifted by `delta`.
    pub(crate) fn reparse_macro_arguments_at(
        &self,
        call: &ast::MacroCall,
        delta: isize,
    ) -> Option<Reparsed> {
        let to_original =
            |offset: usize| ((offset as isize + delta).max(0) as usize).min(self.original.len());
        let token_tree = call.token_tree()?;
        let open = token_tree.syntax().first_token()?;
        let close = token_tree.syntax().last_token()?;
        let closing_kind = match open.kind() {
            SyntaxKind::L_PAREN => SyntaxKind::R_PAREN,
            SyntaxKind::L_BRACK => SyntaxKind::R_BRACK,
            SyntaxKind::L_CURLY => SyntaxKind::R_CURLY,
            _ => return None,
        };
        if close.kind() != closing_kind || open == close {
            return None;
        }
        let inner_start = to_original(usize::from(open.text_range().end()));
        let inner_end = to_original(usize::from(close.text_range().start()));
        let inner = self.substituted.get(inner_start..inner_end)?;
        let edition = self.outline.edition.to_ra();
        for (prefix, suffix, is_call) in [
            (CALL_PREFIX, CALL_SUFFIX, true),
            (BLOCK_PREFIX, BLOCK_SUFFIX, false),
        ] {
            let wrapped = format!("{prefix}{inner}{suffix}");
            let parse = SourceFile::parse(&wrapped, edition);
            if !parse.errors().is_empty() {
                continue;
            }
            let root = parse.syntax_node();
            let items: Vec<SyntaxNode> = if is_call {
                let Some(arguments) = root.descendants().find_map(ast::ArgList::cast) else {
                    continue;
                };
                arguments
                    .args()
                    .map(|argument| argument.syntax().clone())
                    .collect()
            } else {
                let Some(statements) = root.descendants().find_map(ast::StmtList::cast) else {
                    continue;
                };
                statements.syntax().children().collect()
            };
            return Some(Reparsed {
                root,
                delta: inner_start as isize - prefix.len() as isize,
                inner_start,
                inner_end,
                items,
            });
        }
        None
    }

    /// A macro call whose arguments may hold coroutine syntax: re-parse and walk them; else
    /// copy it unchanged.
    pub(crate) fn lower_macro_call(&mut self, call: &ast::MacroCall) {
        let node = call.syntax().clone();
        let needs_walk = self.copy_plan.is_some() || crate::lowerer::macro_needs_lowering(&node);
        let reparsed = if needs_walk {
            self.reparse_macro_arguments(call)
        } else {
            None
        };
        let Some(reparsed) = reparsed else {
            if self.copy_plan.is_some() {
                self.emit_tokens_only(&node);
            } else {
                let (start, end) = (self.node_start(&node), self.node_end(&node));
                self.copy_range(start, end);
            }
            return;
        };
        let Some(token_tree) = call.token_tree() else {
            return;
        };
        // Everything before the arguments: path, `!`, the opening delimiter.
        let call_start = self.node_start(&node);
        self.emit_children_within(&node, call_start, reparsed.inner_start);
        let saved_delta = self.delta;
        let saved_fast_path = self.fast_path;
        self.delta = reparsed.delta;
        self.fast_path = false;
        let root = reparsed.root.clone();
        self.emit_children_within(&root, reparsed.inner_start, reparsed.inner_end);
        self.delta = saved_delta;
        self.fast_path = saved_fast_path;
        let call_end = self.node_end(&node);
        let _ = token_tree;
        self.emit_children_within(&node, reparsed.inner_end, call_end);
    }

    /// Copies a node token by token (so a check copy drops its comments and line breaks).
    pub(crate) fn emit_tokens_only(&mut self, node: &SyntaxNode) {
        for element in node.descendants_with_tokens() {
            if let Some(token) = element.into_token() {
                self.emit_token(&token);
            }
        }
    }
}
