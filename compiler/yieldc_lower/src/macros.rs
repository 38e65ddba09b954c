//! Lowering inside macro arguments. `ra_ap_syntax` keeps a macro's arguments as a token tree;
//! when they parse as comma-separated expressions (`println!`, `assert_eq!`, `vec!`, `write!`,
//! any user macro called like a function) or as a block of statements, they are re-parsed
//! inside a wrapper and walked like ordinary code, with offsets shifted back to the original.
//!
//! Lowering inside `macro_rules!` bodies. A transcriber is a token tree, not Rust; it is
//! lowered when it parses as expressions or statements (items included) once every `$name`
//! is replaced by a placeholder of the same length (`_name`; `{  }` for a `block` fragment,
//! spaces for `vis` and `item`) and every repetition's `$(`, `)` and operator by spaces. The
//! parse only guides the walk: the output copies the original tokens, `$name` and `$( .. )*`
//! included. Where the transcriber does not parse, coroutine syntax in it is an error at its
//! first keyword (never a silently wrong expansion). Rules, each with its argument:
//! - a generator made in a transcriber is always boxed (no check copy): its body holds
//!   fragments the copy cannot see;
//! - a `yield` in a transcriber becomes `__ym!(e)`: the lowering defines `__ym` next to `__y`
//!   in every generator of a file with such macros, and macro names resolve at the expansion
//!   site (innermost definition first), so the `yield` lands in the generator the expansion is
//!   in, as on nightly; `__yieldc_co` is named inside `__ym`'s own body, so hygiene sees the
//!   handle of the generator that defined it;
//! - an inline generator's `__ym` is a `compile_error!`: a body that invokes a macro of this
//!   file that may yield (or that puts its arguments into a generator) is boxed, so only a macro
//!   yieldc did not see (another file's) can reach it, and its borrows were never checked; the
//!   boxed body may still get a check copy, for nightly's E0626 (`check_copy.rs`), in which
//!   `__ym` is the copy's non-suspending `yield`;
//!   without any such macro in the file there is no `__ym` at all; outside every generator,
//!   `__ym` is unresolved, which the driver reports as nightly's `yield` outside a coroutine;
//! - the arguments of a macro that puts a fragment into a generator of its own are walked as a
//!   generator body (their `yield`s become `__y!(e)`, resolved where they land).

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use yieldc_syntax::ra_ap_syntax::ast::{self, AstNode, HasName};
use yieldc_syntax::ra_ap_syntax::{
    NodeOrToken, SourceFile, SyntaxElement, SyntaxKind, SyntaxNode, SyntaxToken,
};
use yieldc_syntax::{Diagnostic, Span};

use crate::generator::Body;
use crate::lowerer::Lowerer;
use crate::source_map::DesugaringKind;

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
        self.reparse_range(inner_start, inner_end)
    }

    /// Re-parses original `inner_start..inner_end` (of the substituted text, or of the
    /// placeholder text inside a `macro_rules!` transcriber) as call arguments, else as
    /// statements.
    fn reparse_range(&self, inner_start: usize, inner_end: usize) -> Option<Reparsed> {
        let inner = match &self.macro_body {
            Some(macro_body) => macro_body.text(self.substituted, inner_start, inner_end)?,
            None => std::borrow::Cow::Borrowed(self.substituted.get(inner_start..inner_end)?),
        };
        let edition = self.outline.edition.to_ra();
        // Before edition 2018 `e.await` is a field access: the `await` of a postfix `.yield`
        // is given to the parser as the keyword (only where the arguments are the
        // substituted text itself).
        let postfix_yields: Vec<usize> =
            if self.outline.edition == yieldc_syntax::Edition::E2015 && self.macro_body.is_none() {
                self.outline
                    .substitutions
                    .iter()
                    .filter(|s| {
                        s.kind == yieldc_syntax::SubstitutionKind::PostfixYield
                            && (inner_start..inner_end).contains(&s.span.start)
                    })
                    .map(|s| s.span.start)
                    .collect()
            } else {
                Vec::new()
            };
        for (prefix, suffix, is_call) in [
            (CALL_PREFIX, CALL_SUFFIX, true),
            (BLOCK_PREFIX, BLOCK_SUFFIX, false),
        ] {
            let wrapped = format!("{prefix}{inner}{suffix}");
            let root = if postfix_yields.is_empty() {
                let parse = SourceFile::parse(&wrapped, edition);
                if !parse.errors().is_empty() {
                    continue;
                }
                parse.syntax_node()
            } else {
                let in_wrapped: Vec<usize> = postfix_yields
                    .iter()
                    .map(|offset| offset - inner_start + prefix.len())
                    .collect();
                let (root, has_errors) = yieldc_syntax::parse_substituted_text(
                    &wrapped,
                    self.outline.edition,
                    &in_wrapped,
                );
                if has_errors {
                    continue;
                }
                root
            };
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
        // `stringify!` shows its tokens as written: nothing in it runs.
        let is_stringify = call.path().is_some_and(|path| {
            let text = path.syntax().text().to_string();
            matches!(
                text.trim_start_matches("::"),
                "stringify" | "std::stringify" | "core::stringify"
            )
        });
        // (`for await` lost its `await` to the substitution before parsing.)
        let needs_walk = !is_stringify
            && (self.copy_plan.is_some()
                || crate::lowerer::macro_needs_lowering(&node)
                || self.macro_facts.async_needs_shadow(&node)
                || self
                    .for_await_within(self.node_start(&node), self.node_end(&node))
                    .is_some());
        let reparsed = if needs_walk {
            self.reparse_macro_arguments(call)
        } else {
            None
        };
        let Some(reparsed) = reparsed else {
            if self.copy_plan.is_some() {
                self.emit_tokens_only(&node);
            } else if self.in_coroutine_body && self.macro_body.is_none() {
                self.emit_with_token_level_yields(&node);
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
        // The arguments of a macro that puts them into a generator of its own: their `yield`s
        // are that generator's (`__y!` resolves to the innermost generator at expansion).
        let saved_in_coroutine_body = self.in_coroutine_body;
        if !self.in_coroutine_body && self.macro_facts.embeds_arguments(call) {
            self.in_coroutine_body = true;
        }
        self.emit_children_within(&root, reparsed.inner_start, reparsed.inner_end);
        self.in_coroutine_body = saved_in_coroutine_body;
        self.delta = saved_delta;
        self.fast_path = saved_fast_path;
        let call_end = self.node_end(&node);
        let _ = token_tree;
        self.emit_children_within(&node, reparsed.inner_end, call_end);
    }

    /// A macro invocation in a generator body whose arguments are neither expressions nor
    /// statements (`tokio::select! { v = rx.recv() => yield v, .. }`): each `yield` token
    /// becomes `__y!(`, closed where its operand ends at the token level: before the next `,`,
    /// `;` or `=>` of the same delimiter group, or at the group's end. The macro places the
    /// tokens; `__y!` resolves to the innermost generator where they land, as `yield` would.
    /// (Such a body has no check copy: the analysis cannot see into the macro, so a sync
    /// generator is boxed.)
    fn emit_with_token_level_yields(&mut self, node: &SyntaxNode) {
        let tokens: Vec<SyntaxToken> = node
            .descendants_with_tokens()
            .filter_map(|element| element.into_token())
            .collect();
        let mut copied_to = self.node_start(node);
        let mut index = 0;
        while index < tokens.len() {
            if tokens[index].kind() != SyntaxKind::YIELD_KW {
                index += 1;
                continue;
            }
            let keyword_start = self.token_start(&tokens[index]);
            let keyword_end = self.token_end(&tokens[index]);
            let mut depth = 0usize;
            let mut operand_end = keyword_end;
            let mut has_operand = false;
            let mut next = index + 1;
            while let Some(token) = tokens.get(next) {
                match token.kind() {
                    SyntaxKind::L_PAREN | SyntaxKind::L_BRACK | SyntaxKind::L_CURLY => depth += 1,
                    SyntaxKind::R_PAREN | SyntaxKind::R_BRACK | SyntaxKind::R_CURLY => {
                        if depth == 0 {
                            break;
                        }
                        depth -= 1;
                    }
                    SyntaxKind::COMMA | SyntaxKind::SEMICOLON | SyntaxKind::FAT_ARROW
                        if depth == 0 =>
                    {
                        break;
                    }
                    _ => {}
                }
                if !token.kind().is_trivia() {
                    has_operand = true;
                    operand_end = self.token_end(token);
                }
                next += 1;
            }
            self.copy_range(copied_to, keyword_start);
            let open = if has_operand { "__y!(" } else { "__y!(()" };
            self.replace(keyword_start, keyword_end, open, DesugaringKind::Yield);
            self.copy_range(keyword_end, operand_end);
            self.generate(")", operand_end, DesugaringKind::Yield);
            copied_to = operand_end;
            index = next;
        }
        let end = self.node_end(node);
        self.copy_range(copied_to, end);
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

/// What the file's `macro_rules!` definitions do with coroutine syntax, gathered before the walk.
#[derive(Clone, Debug, Default)]
pub(crate) struct MacroFacts {
    /// Macros whose expansion may contain a `yield` (directly or through another such macro).
    pub(crate) yielding: HashSet<String>,
    /// Macros that make a generator and have metavariables: an argument may land in it.
    pub(crate) embedding: HashSet<String>,
    /// Macros of which every rule's expansion yields (a `yield` outside any repetition): the
    /// check copy may take an invocation for a `yield`.
    pub(crate) always_yielding: HashSet<String>,
}

impl MacroFacts {
    pub(crate) fn scan(root: &SyntaxNode) -> MacroFacts {
        Self::scan_all(std::iter::once(root))
    }

    /// The facts of the definitions under all of `roots` (the parsed parts of a file).
    pub(crate) fn scan_all<'r>(roots: impl Iterator<Item = &'r SyntaxNode>) -> MacroFacts {
        let mut facts = MacroFacts::default();
        let mut invocations: Vec<(String, HashSet<String>)> = Vec::new();
        for node in roots.flat_map(|root| root.descendants()) {
            let Some(rules) = ast::MacroRules::cast(node) else {
                continue;
            };
            let (Some(name), Some(body)) = (rules.name(), rules.token_tree()) else {
                continue;
            };
            let name = name.text().to_string();
            let (mut has_yield, mut has_generator, mut has_dollar) = (false, false, false);
            for token in body
                .syntax()
                .descendants_with_tokens()
                .filter_map(|e| e.into_token())
            {
                match token.kind() {
                    SyntaxKind::YIELD_KW => has_yield = true,
                    SyntaxKind::DOLLAR => has_dollar = true,
                    _ => has_generator |= starts_generator(&token),
                }
            }
            if has_yield {
                facts.yielding.insert(name.clone());
                if every_rule_yields(body.syntax()) {
                    facts.always_yielding.insert(name.clone());
                }
            }
            if has_generator && has_dollar {
                facts.embedding.insert(name.clone());
            }
            invocations.push((name, invoked_macros(body.syntax())));
        }
        // A macro invoking a yielding macro yields too.
        loop {
            let before = facts.yielding.len();
            for (name, invoked) in &invocations {
                if invoked.iter().any(|callee| facts.yielding.contains(callee)) {
                    facts.yielding.insert(name.clone());
                }
            }
            if facts.yielding.len() == before {
                break;
            }
        }
        facts
    }

    /// Whether `body` invokes a macro of this file that may yield or hold its arguments in a
    /// generator (then no check copy can see the body's `yield`s: boxed).
    pub(crate) fn invoked_in(&self, body: &SyntaxNode) -> bool {
        if self.yielding.is_empty() && self.embedding.is_empty() {
            return false;
        }
        invoked_macros(body)
            .iter()
            .any(|name| self.yielding.contains(name) || self.embedding.contains(name))
    }

    /// Whether `node` (a macro call or block) may hold an `async` block that needs its own
    /// `__ym` (see [`Lowerer::emit_async_block_without_macro_yields`]).
    pub(crate) fn async_needs_shadow(&self, node: &SyntaxNode) -> bool {
        !self.yielding.is_empty()
            && node
                .descendants_with_tokens()
                .any(|element| element.kind() == SyntaxKind::ASYNC_KW)
    }

    /// Whether `body` invokes a macro of this file that puts its arguments into a generator of
    /// its own (their `yield`s are then the generator's, but no check copy sees them).
    pub(crate) fn embedding_invoked_in(&self, body: &SyntaxNode) -> bool {
        !self.embedding.is_empty()
            && invoked_macros(body)
                .iter()
                .any(|name| self.embedding.contains(name))
    }

    /// Whether `call` invokes a macro of this file that may yield.
    pub(crate) fn may_yield(&self, call: &ast::MacroCall) -> bool {
        macro_name(call).is_some_and(|name| self.yielding.contains(&name))
    }

    /// Whether `call` invokes a macro of this file whose every expansion yields.
    pub(crate) fn always_yields(&self, call: &ast::MacroCall) -> bool {
        macro_name(call).is_some_and(|name| self.always_yielding.contains(&name))
    }

    /// Whether `call` invokes a macro that puts its arguments into a generator of its own.
    pub(crate) fn embeds_arguments(&self, call: &ast::MacroCall) -> bool {
        call.path()
            .and_then(|path| path.segment())
            .and_then(|segment| segment.name_ref())
            .is_some_and(|name| self.embedding.contains(&name.text().to_string()))
    }
}

/// The state of a transcriber being lowered.
#[derive(Debug)]
pub(crate) struct MacroBody {
    /// The transcriber's inside in the substituted text, with its placeholders (same length):
    /// the file's text from `placeholder_start` on. (Only this range differs from the
    /// substituted text; a copy of the whole file per transcriber made a large `macro_rules!`
    /// cost the square of its size.)
    pub(crate) placeholder_text: String,
    pub(crate) placeholder_start: usize,
    /// Original ranges of `$name` where `name` is a `block` fragment (placeholder `{  }`).
    pub(crate) block_fragments: Vec<(usize, usize)>,
}

impl MacroBody {
    /// The file's substituted text `start..end` with this transcriber's placeholders; `None`
    /// when `start..end` does not fall on character boundaries.
    fn text<'t>(
        &'t self,
        substituted: &'t str,
        start: usize,
        end: usize,
    ) -> Option<std::borrow::Cow<'t, str>> {
        let region_start = self.placeholder_start;
        let region_end = region_start + self.placeholder_text.len();
        if start >= region_start && end <= region_end {
            return self
                .placeholder_text
                .get(start - region_start..end - region_start)
                .map(std::borrow::Cow::Borrowed);
        }
        let mut bytes = substituted.as_bytes().get(start..end)?.to_vec();
        let overlap_start = start.max(region_start);
        let overlap_end = end.min(region_end);
        if overlap_start < overlap_end {
            bytes[overlap_start - start..overlap_end - start].copy_from_slice(
                &self.placeholder_text.as_bytes()
                    [overlap_start - region_start..overlap_end - region_start],
            );
        }
        // A slice of valid UTF-8 is valid exactly when it starts and ends on character
        // boundaries: the same answer as slicing the whole text.
        String::from_utf8(bytes).ok().map(std::borrow::Cow::Owned)
    }
}

impl Lowerer<'_> {
    /// `macro_rules! NAME { (MATCHER) => { TRANSCRIBER }; .. }`: every transcriber with coroutine
    /// syntax is lowered (see the module doc); matchers are copied. Returns `false` when the
    /// node is left to the plain walk (no coroutine syntax, or inside another transcriber).
    pub(crate) fn lower_macro_rules(&mut self, node: &SyntaxNode) -> bool {
        if self.macro_body.is_some()
            || !(crate::lowerer::macro_needs_lowering(node)
                || self
                    .for_await_within(self.node_start(node), self.node_end(node))
                    .is_some())
        {
            return false;
        }
        let Some(body) = ast::MacroRules::cast(node.clone()).and_then(|rules| rules.token_tree())
        else {
            return false;
        };
        let elements: Vec<SyntaxElement> = body
            .syntax()
            .children_with_tokens()
            .filter(|element| !element.kind().is_trivia())
            .collect();
        let mut transcribers = Vec::new();
        let mut index = 1;
        while index + 3 < elements.len() {
            match (
                &elements[index],
                elements[index + 1].kind(),
                elements[index + 2].kind(),
                &elements[index + 3],
            ) {
                (
                    NodeOrToken::Node(matcher),
                    SyntaxKind::EQ,
                    SyntaxKind::R_ANGLE,
                    NodeOrToken::Node(transcriber),
                ) if matcher.kind() == SyntaxKind::TOKEN_TREE
                    && transcriber.kind() == SyntaxKind::TOKEN_TREE =>
                {
                    transcribers.push((matcher.clone(), transcriber.clone()));
                    index += 4;
                    if elements
                        .get(index)
                        .is_some_and(|element| element.kind() == SyntaxKind::SEMICOLON)
                    {
                        index += 1;
                    }
                }
                _ => break,
            }
        }
        let mut cursor = self.node_start(node);
        for (matcher, transcriber) in transcribers {
            let (Some(open), Some(close)) = (transcriber.first_token(), transcriber.last_token())
            else {
                continue;
            };
            if !matches!(
                (open.kind(), close.kind()),
                (SyntaxKind::L_CURLY, SyntaxKind::R_CURLY)
                    | (SyntaxKind::L_PAREN, SyntaxKind::R_PAREN)
                    | (SyntaxKind::L_BRACK, SyntaxKind::R_BRACK)
            ) || open == close
            {
                continue;
            }
            let inner_start = self.token_end(&open);
            let inner_end = self.token_start(&close);
            self.emit_children_within(node, cursor, inner_start);
            self.lower_transcriber(&matcher, &transcriber, inner_start, inner_end);
            cursor = inner_end;
        }
        let end = self.node_end(node);
        self.emit_children_within(node, cursor, end);
        true
    }

    /// One transcriber's inside, original `inner_start..inner_end`.
    fn lower_transcriber(
        &mut self,
        matcher: &SyntaxNode,
        transcriber: &SyntaxNode,
        inner_start: usize,
        inner_end: usize,
    ) {
        let fragments = fragment_kinds(matcher);
        let mut edits = Vec::new();
        let mut block_fragments = Vec::new();
        self.placeholder_edits(transcriber, &fragments, &mut edits, &mut block_fragments);
        // The edits are placeholders for tokens of the transcriber: only its inside changes.
        let region_start = edits
            .iter()
            .map(|(start, _, _)| *start)
            .min()
            .unwrap_or(inner_start)
            .min(inner_start);
        let region_end = edits
            .iter()
            .map(|(_, end, _)| *end)
            .max()
            .unwrap_or(inner_end)
            .max(inner_end)
            .min(self.substituted.len());
        let mut bytes = self
            .substituted
            .as_bytes()
            .get(region_start..region_end)
            .unwrap_or_default()
            .to_vec();
        for (start, end, replacement) in &edits {
            if let Some(range) = bytes.get_mut(*start - region_start..*end - region_start)
                && range.len() == replacement.len()
            {
                range.copy_from_slice(replacement.as_bytes());
            }
        }
        // The rest of the file is valid UTF-8 and unchanged: the whole text is valid exactly
        // when the region is, and the region starts and ends on character boundaries.
        let boundaries = self.substituted.is_char_boundary(region_start)
            && self.substituted.is_char_boundary(region_end);
        let reparsed = match String::from_utf8(bytes).ok().filter(|_| boundaries) {
            Some(placeholder_text) => {
                self.macro_body = Some(Rc::new(MacroBody {
                    placeholder_text,
                    placeholder_start: region_start,
                    block_fragments,
                }));
                self.reparse_range(inner_start, inner_end)
            }
            None => None,
        };
        let Some(reparsed) = reparsed else {
            self.macro_body = None;
            let keyword = first_coroutine_keyword(transcriber)
                .map(|keyword| Span::new(self.token_start(&keyword), self.token_end(&keyword)));
            let for_await = self.for_await_within(inner_start, inner_end);
            let span = match (keyword, for_await) {
                (Some(a), Some(b)) => Some(if a.start <= b.start { a } else { b }),
                (a, b) => a.or(b),
            };
            if let Some(span) = span {
                self.error(
                    Diagnostic::error(
                        None,
                        "yieldc cannot lower the coroutine syntax in this `macro_rules!` body",
                        span,
                    )
                    .with_primary_label("inside this transcriber")
                    .with_help(
                        "yieldc lowers a transcriber that parses as expressions, statements or items once each `$fragment` is replaced; build the generator outside the macro, or split the macro",
                    ),
                );
            }
            self.emit_children_within(transcriber, inner_start, inner_end);
            return;
        };
        let saved_delta = self.delta;
        let saved_fast_path = self.fast_path;
        let saved_in_coroutine_body = self.in_coroutine_body;
        let saved_in_gen_body = self.in_gen_body;
        self.delta = reparsed.delta;
        self.fast_path = false;
        // A `yield` outside the transcriber's own generators belongs to the invoker's.
        self.in_coroutine_body = true;
        self.in_gen_body = false;
        let root = reparsed.root.clone();
        self.emit_children_within(&root, reparsed.inner_start, reparsed.inner_end);
        self.delta = saved_delta;
        self.fast_path = saved_fast_path;
        self.in_coroutine_body = saved_in_coroutine_body;
        self.in_gen_body = saved_in_gen_body;
        self.macro_body = None;
    }

    /// The same-length placeholders of a transcriber (original offsets).
    fn placeholder_edits(
        &self,
        tree: &SyntaxNode,
        fragments: &HashMap<String, String>,
        edits: &mut Vec<(usize, usize, String)>,
        block_fragments: &mut Vec<(usize, usize)>,
    ) {
        let elements: Vec<SyntaxElement> = tree.children_with_tokens().collect();
        let next_non_trivia =
            |from: usize| (from..elements.len()).find(|&index| !elements[index].kind().is_trivia());
        let mut index = 0;
        while index < elements.len() {
            let element = &elements[index];
            if element.kind() == SyntaxKind::DOLLAR
                && let Some(next) = next_non_trivia(index + 1)
            {
                let start = self.start_of(element);
                match &elements[next] {
                    NodeOrToken::Token(name) if is_identifier_like(name.text()) => {
                        let end = self.end_of(&elements[next]);
                        let length = end - start;
                        let text = name.text();
                        // `gen $body` with `$body:tt`: only a block can follow `gen`.
                        let previous: Vec<SyntaxKind> = elements[..index]
                            .iter()
                            .rev()
                            .map(|element| element.kind())
                            .filter(|kind| !kind.is_trivia())
                            .take(2)
                            .collect();
                        let after_gen = matches!(
                            previous.as_slice(),
                            [SyntaxKind::GEN_KW, ..] | [SyntaxKind::MOVE_KW, SyntaxKind::GEN_KW]
                        );
                        let kind = match fragments.get(text).map(String::as_str) {
                            Some("tt") if after_gen => Some("block"),
                            kind => kind,
                        };
                        let replacement = match (text, kind) {
                            ("crate", _) => format!("{text:>length$}"),
                            (_, Some("block")) if length >= 2 => {
                                block_fragments.push((start, end));
                                format!("{{{}}}", " ".repeat(length - 2))
                            }
                            (_, Some("vis" | "item")) => " ".repeat(length),
                            (_, Some("lifetime")) => format!("{:<length$}", format!("'{text}")),
                            _ => format!("{:<length$}", format!("_{text}")),
                        };
                        edits.push((start, end, replacement));
                        index = next + 1;
                        continue;
                    }
                    NodeOrToken::Node(group) if group.kind() == SyntaxKind::TOKEN_TREE => {
                        let open = group.first_token();
                        let close = group.last_token();
                        match open.as_ref().map(|token| token.kind()) {
                            Some(SyntaxKind::L_PAREN) => {
                                edits.push((start, self.end_of(element), " ".to_owned()));
                                if let Some(open) = &open {
                                    edits.push(blank(
                                        self.token_start(open),
                                        self.token_end(open),
                                        "(",
                                    ));
                                }
                                if let Some(close) =
                                    close.filter(|c| c.kind() == SyntaxKind::R_PAREN)
                                {
                                    edits.push(blank(
                                        self.token_start(&close),
                                        self.token_end(&close),
                                        ")",
                                    ));
                                }
                                self.placeholder_edits(group, fragments, edits, block_fragments);
                                // `SEPARATOR? OPERATOR`
                                let mut after = next + 1;
                                for _ in 0..2 {
                                    let Some(candidate) = next_non_trivia(after) else {
                                        break;
                                    };
                                    after = candidate + 1;
                                    if matches!(
                                        elements[candidate].kind(),
                                        SyntaxKind::STAR | SyntaxKind::PLUS | SyntaxKind::QUESTION
                                    ) {
                                        let (op_start, op_end) = (
                                            self.start_of(&elements[candidate]),
                                            self.end_of(&elements[candidate]),
                                        );
                                        edits.push((
                                            op_start,
                                            op_end,
                                            " ".repeat(op_end - op_start),
                                        ));
                                        break;
                                    }
                                }
                                index = next + 1;
                                continue;
                            }
                            Some(SyntaxKind::L_CURLY) => {
                                // `${ count(x) }`: a value.
                                let end = self.end_of(&elements[next]);
                                let text = self.original.get(start..end).unwrap_or_default();
                                let mut replacement = String::from("_");
                                replacement
                                    .push_str(&blank(start + 1, end, &text[1.min(text.len())..]).2);
                                edits.push((start, end, replacement));
                                index = next + 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            if let NodeOrToken::Node(group) = element
                && group.kind() == SyntaxKind::TOKEN_TREE
            {
                self.placeholder_edits(group, fragments, edits, block_fragments);
            }
            index += 1;
        }
    }

    /// An `async` block in a generator body of a file whose macros may yield:
    ///
    /// ```text
    /// async { macro_rules! __ym { ($__yieldc_e:expr) => { compile_error!(..) }; } BODY }
    /// ```
    /// so that a macro's `yield` inside it is an error, as on nightly (E0727), and never
    /// reaches the generator's handle.
    pub(crate) fn emit_async_block_without_macro_yields(&mut self, block: &ast::BlockExpr) {
        let node = block.syntax();
        let Some(l_curly) = block
            .stmt_list()
            .and_then(|statements| statements.l_curly_token())
        else {
            self.emit_children(node);
            return;
        };
        let (start, open_end, end) = (
            self.node_start(node),
            self.token_end(&l_curly),
            self.node_end(node),
        );
        self.emit_children_within(node, start, open_end);
        let definition = format!(
            " #[allow(unused_macros)] macro_rules! __ym {{ ($__yieldc_e:expr) => {{ {}::compile_error!(\"`async` coroutines are not yet supported\") }}; }}",
            self.core_path()
        );
        self.generate(
            &definition,
            open_end,
            crate::source_map::DesugaringKind::Yield,
        );
        self.emit_children_within(node, open_end, end);
    }

    /// A closure's body; a `block` fragment as a whole (`|| $body`) is an expression.
    pub(crate) fn closure_body(&self, expr: &ast::Expr) -> Body {
        let body = Body::of_closure_body(expr);
        if let Body::Block(statements) = &body
            && self.is_block_fragment(statements.syntax())
        {
            return Body::Expr(expr.syntax().clone());
        }
        body
    }

    /// The first `await` of a `for await` (substituted by spaces before parsing) in original
    /// `start..end`.
    fn for_await_within(&self, start: usize, end: usize) -> Option<Span> {
        self.outline
            .substitutions
            .iter()
            .find(|substitution| {
                substitution.kind == yieldc_syntax::SubstitutionKind::ForAwait
                    && substitution.span.start >= start
                    && substitution.span.end <= end
            })
            .map(|substitution| substitution.span)
    }

    /// Whether `node` is the placeholder of a `block` fragment of the transcriber being lowered.
    pub(crate) fn is_block_fragment(&self, node: &SyntaxNode) -> bool {
        let range = (self.node_start(node), self.node_end(node));
        self.macro_body
            .as_ref()
            .is_some_and(|body| body.block_fragments.contains(&range))
    }
}

/// `(start, end, spaces)` for a replaced `text`, keeping its line breaks.
fn blank(start: usize, end: usize, text: &str) -> (usize, usize, String) {
    let spaces = text
        .chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_owned()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    (start, end, spaces)
}

fn is_identifier_like(text: &str) -> bool {
    let text = text.strip_prefix("r#").unwrap_or(text);
    text.chars()
        .next()
        .is_some_and(|c| c == '_' || c.is_alphabetic())
        && text.chars().all(|c| c == '_' || c.is_alphanumeric())
}

/// `$name:kind` of a matcher, every repetition depth.
fn fragment_kinds(matcher: &SyntaxNode) -> HashMap<String, String> {
    let tokens: Vec<_> = matcher
        .descendants_with_tokens()
        .filter_map(|element| element.into_token())
        .filter(|token| !token.kind().is_trivia())
        .collect();
    let mut kinds = HashMap::new();
    for window in tokens.windows(4) {
        if window[0].kind() == SyntaxKind::DOLLAR
            && window[2].kind() == SyntaxKind::COLON
            && is_identifier_like(window[1].text())
        {
            kinds.insert(window[1].text().to_owned(), window[3].text().to_owned());
        }
    }
    kinds
}

/// The names `NAME` of every `NAME!` (or `path::NAME!`) under `node`, token trees included.
/// The name of the macro `call` invokes, when it is a plain name (as a file's `macro_rules!`).
fn macro_name(call: &ast::MacroCall) -> Option<String> {
    call.path()
        .filter(|path| path.qualifier().is_none())
        .and_then(|path| path.segment())
        .and_then(|segment| segment.name_ref())
        .map(|name| name.text().to_string())
}

/// Whether every rule of a `macro_rules!` body (`{ (MATCHER) => { TRANSCRIBER }; .. }`) has a
/// `yield` in its transcriber outside any `$( .. )` repetition.
fn every_rule_yields(body: &SyntaxNode) -> bool {
    let groups: Vec<SyntaxNode> = body
        .children()
        .filter(|child| child.kind() == SyntaxKind::TOKEN_TREE)
        .collect();
    let transcribers: Vec<&SyntaxNode> = groups.iter().skip(1).step_by(2).collect();
    !transcribers.is_empty()
        && transcribers.iter().all(|transcriber| {
            transcriber
                .descendants_with_tokens()
                .filter_map(|element| element.into_token())
                .filter(|token| token.kind() == SyntaxKind::YIELD_KW)
                .any(|token| {
                    !token
                        .parent_ancestors()
                        .take_while(|ancestor| ancestor != *transcriber)
                        .any(|group| {
                            group
                                .prev_sibling_or_token()
                                .is_some_and(|before| before.kind() == SyntaxKind::DOLLAR)
                        })
                })
        })
}

fn invoked_macros(node: &SyntaxNode) -> HashSet<String> {
    let tokens: Vec<_> = node
        .descendants_with_tokens()
        .filter_map(|element| element.into_token())
        .filter(|token| !token.kind().is_trivia())
        .collect();
    tokens
        .windows(2)
        .filter(|pair| pair[0].kind() == SyntaxKind::IDENT && pair[1].kind() == SyntaxKind::BANG)
        .map(|pair| pair[0].text().to_owned())
        .collect()
}

/// Whether `token` starts something that makes a generator: `gen`, `#[coroutine]`, `iter!`.
fn starts_generator(token: &SyntaxToken) -> bool {
    let next = next_non_trivia_token(token);
    match token.kind() {
        SyntaxKind::GEN_KW => true,
        SyntaxKind::IDENT => match token.text() {
            "coroutine" => true,
            "iter" => next.is_some_and(|next| next.kind() == SyntaxKind::BANG),
            _ => false,
        },
        _ => false,
    }
}

/// The first keyword of coroutine syntax in a transcriber (`gen`, `yield`, `#[coroutine]`,
/// `iter!`; `for await` is found through the substitutions), for the error when it cannot be
/// lowered.
fn first_coroutine_keyword(transcriber: &SyntaxNode) -> Option<SyntaxToken> {
    transcriber
        .descendants_with_tokens()
        .filter_map(|element| element.into_token())
        .find(|token| token.kind() == SyntaxKind::YIELD_KW || starts_generator(token))
}

fn next_non_trivia_token(token: &SyntaxToken) -> Option<SyntaxToken> {
    let mut next = token.next_token();
    while let Some(candidate) = next {
        if !candidate.kind().is_trivia() {
            return Some(candidate);
        }
        next = candidate.next_token();
    }
    None
}
