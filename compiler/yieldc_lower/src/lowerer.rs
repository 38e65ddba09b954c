//! The walker: copies the tree, dispatching coroutine forms to their `lower_*` functions.
//!
//! Offsets: nodes come from the parse of the substituted text (same offsets as the original)
//! or from a re-parse of macro arguments inside a wrapper; `delta` converts a node offset into
//! an original offset.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use yieldc_syntax::outline::{Outline, SubstitutionKind};
use yieldc_syntax::ra_ap_syntax::ast::{self, AstNode, HasLoopBody};
use yieldc_syntax::ra_ap_syntax::{
    NodeOrToken, SyntaxElement, SyntaxKind, SyntaxNode, SyntaxToken,
};
use yieldc_syntax::{Diagnostic, Span};

use crate::LowerOptions;
use crate::source_map::{Builder, DesugaringKind, SourceMap};

/// What a check copy needs while it is emitted (computed by `check_copy::analyze`).
#[derive(Debug, Default)]
pub(crate) struct CopyPlan {
    /// Names rebound `let mut n = n;` at the top of the copy (captures, parameters).
    pub captures: Vec<String>,
    /// Original start of each `yield` → body locals in scope there (assignable).
    pub yield_assigns: HashMap<usize, Vec<String>>,
    /// Original start of binding names that get `mut ` inserted.
    pub mut_insertions: HashSet<usize>,
    /// Original end of a `let` statement → names rebound after it.
    pub rebind_after: HashMap<usize, Vec<String>>,
    /// Original start of a block's `{` → names rebound just inside it.
    pub rebind_block_start: HashMap<usize, Vec<String>>,
    /// Original start of a match arm's expression → names rebound in a block around it.
    pub wrap_expr: HashMap<usize, Vec<String>>,
    /// Original start of an identifier → its text in the copy (shadowing bindings renamed).
    pub renames: HashMap<usize, String>,
    /// Shadow locals of places the body names (`(name, place)`, e.g. `("__yieldc_place0",
    /// "p.a")`): `let mut NAME = ::yieldc_rt::__shadow(::core::ptr::addr_of!(PLACE));` at the
    /// top of the copy, assigned at every `yield` (see `check_copy.rs`).
    pub shadows: Vec<(String, String)>,
    /// Original start of a place's first token → (original end of the place, the shadow
    /// local the copy names instead).
    pub place_renames: HashMap<usize, (usize, String)>,
    /// Original start of a string literal → its text in the copy (inline format arguments of
    /// renamed bindings renamed).
    pub string_rewrites: HashMap<usize, String>,
}

impl CopyPlan {
    /// The plan with the captures (every rebound name but `parameters`, every shadow local)
    /// left as the body names them: a copy that checks the parameters and the body's locals
    /// only (`yield_assigns` holds the locals alone), for a boxed body (it serves nightly's
    /// E0626, proves nothing).
    pub(crate) fn without_captures(&self, parameters: &[String]) -> CopyPlan {
        let captures: Vec<String> = self
            .captures
            .iter()
            .filter(|name| parameters.contains(name))
            .cloned()
            .collect();
        CopyPlan {
            captures,
            yield_assigns: self.yield_assigns.clone(),
            mut_insertions: self.mut_insertions.clone(),
            rebind_after: self.rebind_after.clone(),
            rebind_block_start: self.rebind_block_start.clone(),
            wrap_expr: self.wrap_expr.clone(),
            renames: self.renames.clone(),
            shadows: Vec::new(),
            place_renames: HashMap::new(),
            string_rewrites: self.string_rewrites.clone(),
        }
    }
}

pub(crate) struct Lowerer<'a> {
    pub(crate) outline: &'a Outline,
    pub(crate) original: &'a str,
    pub(crate) substituted: &'a str,
    pub(crate) options: &'a LowerOptions,
    pub(crate) out: Builder,
    /// original offset = node offset + delta.
    pub(crate) delta: isize,
    /// Whether a `yield` here belongs to the generator being lowered.
    pub(crate) in_coroutine_body: bool,
    /// Inside the body of a `gen` or `async gen` (not a general coroutine), where `return`
    /// takes no value but `()`.
    pub(crate) in_gen_body: bool,
    /// Inside the body of an `async gen` (nested `async` blocks and closures included, nested
    /// `fn` items and generators not), where `e.await` polls `e` through `__awaited`.
    pub(crate) in_async_gen_body: bool,
    /// Set while a check copy is emitted.
    pub(crate) copy_plan: Option<Rc<CopyPlan>>,
    /// How many generator bodies nested in a check copy enclose what is emitted (see
    /// `guarded_assignments`).
    pub(crate) nested_generators_in_copy: usize,
    /// Sorted original starts of everything that needs more than a verbatim copy.
    interesting: Vec<usize>,
    /// Whether whole nodes without interesting content may be copied at once.
    pub(crate) fast_path: bool,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Original offset of a whitespace token whose first space is left out (see
    /// `lower_yield`: it makes up for the `)` a `yield` gains).
    pub(crate) swallowed_space: Option<usize>,
    /// In a check copy, the original end of a place replaced by its shadow local: tokens that
    /// start before it are left out.
    pub(crate) erased_until: usize,
    /// Every identifier-pattern name of the file (built on first use).
    pattern_names: std::cell::OnceCell<HashSet<String>>,
    /// What the file's `macro_rules!` bodies do with coroutine syntax (see `macros.rs`).
    pub(crate) macro_facts: crate::macros::MacroFacts,
    /// Set while a `macro_rules!` transcriber is lowered (see `macros.rs`).
    pub(crate) macro_body: Option<Rc<crate::macros::MacroBody>>,
    /// The closure of the `iter!` whose body is being lowered: a generator's, not a plain
    /// closure nightly would make a coroutine.
    pub(crate) iter_macro_closure: Option<SyntaxNode>,
    /// When only some items of the file were parsed: answers for the whole file.
    pattern_oracle: Option<&'a crate::items::PatternOracle<'a>>,
    /// When only some items of the file were parsed: whether the whole file has an attribute
    /// that needs the `stmt_expr_attributes` gate (see `paths.rs`).
    pub(crate) file_needs_stmt_expr_attributes: Option<bool>,
}

impl<'a> Lowerer<'a> {
    pub(crate) fn new(outline: &'a Outline, options: &'a LowerOptions) -> Self {
        let mut lowerer = Lowerer {
            outline,
            original: &outline.original_text,
            substituted: &outline.substituted_text,
            options,
            out: Builder::for_source(&outline.original_text),
            delta: 0,
            in_coroutine_body: false,
            in_gen_body: false,
            in_async_gen_body: false,
            copy_plan: None,
            nested_generators_in_copy: 0,
            interesting: Vec::new(),
            fast_path: true,
            diagnostics: Vec::new(),
            pattern_names: std::cell::OnceCell::new(),
            swallowed_space: None,
            erased_until: 0,
            macro_facts: crate::macros::MacroFacts::scan(&outline.root),
            macro_body: None,
            iter_macro_closure: None,
            pattern_oracle: None,
            file_needs_stmt_expr_attributes: None,
        };
        lowerer.interesting = lowerer.collect_interesting();
        lowerer
    }

    /// A lowerer for one part of the file (an item, or the prelude) parsed on its own
    /// (`crate::items`): its tree's offsets plus `delta` are offsets into `original`, the whole
    /// file, and `substituted` is the whole file with every part's substitutions applied.
    // One argument per thing a part cannot know alone (the file's text, offsets, whole-file
    // answers); a struct for them would only be unpacked here.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn for_part(
        outline: &'a Outline,
        original: &'a str,
        substituted: &'a str,
        options: &'a LowerOptions,
        delta: isize,
        pattern_oracle: &'a crate::items::PatternOracle<'a>,
        macro_facts: crate::macros::MacroFacts,
        out: Builder,
    ) -> Self {
        let mut lowerer = Lowerer {
            outline,
            original,
            substituted,
            options,
            out,
            delta,
            in_coroutine_body: false,
            in_gen_body: false,
            in_async_gen_body: false,
            copy_plan: None,
            nested_generators_in_copy: 0,
            interesting: Vec::new(),
            fast_path: true,
            diagnostics: Vec::new(),
            pattern_names: std::cell::OnceCell::new(),
            swallowed_space: None,
            erased_until: 0,
            // The file's facts, gathered from the parts by `items.rs`.
            macro_facts,
            macro_body: None,
            iter_macro_closure: None,
            pattern_oracle: Some(pattern_oracle),
            file_needs_stmt_expr_attributes: None,
        };
        lowerer.interesting = lowerer.collect_interesting();
        lowerer
    }

    /// The output builder and the diagnostics, for the next part.
    pub(crate) fn finish_part(self) -> (Builder, Vec<Diagnostic>) {
        (self.out, self.diagnostics)
    }

    pub(crate) fn finish(self) -> (String, SourceMap, Vec<Diagnostic>) {
        let (text, map) = self.out.finish();
        (text, map, self.diagnostics)
    }

    // ---- offsets -------------------------------------------------------------------------

    pub(crate) fn to_original(&self, tree_offset: usize) -> usize {
        let offset = tree_offset as isize + self.delta;
        (offset.max(0) as usize).min(self.original.len())
    }

    pub(crate) fn start_of(&self, element: &SyntaxElement) -> usize {
        self.to_original(usize::from(element.text_range().start()))
    }

    pub(crate) fn end_of(&self, element: &SyntaxElement) -> usize {
        self.to_original(usize::from(element.text_range().end()))
    }

    pub(crate) fn node_start(&self, node: &SyntaxNode) -> usize {
        self.to_original(usize::from(node.text_range().start()))
    }

    pub(crate) fn node_end(&self, node: &SyntaxNode) -> usize {
        self.to_original(usize::from(node.text_range().end()))
    }

    pub(crate) fn token_start(&self, token: &SyntaxToken) -> usize {
        self.to_original(usize::from(token.text_range().start()))
    }

    pub(crate) fn token_end(&self, token: &SyntaxToken) -> usize {
        self.to_original(usize::from(token.text_range().end()))
    }

    pub(crate) fn substitution_kind_at(&self, original_offset: usize) -> Option<SubstitutionKind> {
        self.outline
            .substitution_at(original_offset)
            .map(|substitution| substitution.kind)
    }

    // ---- output primitives ----------------------------------------------------------------

    /// Generated text anchored at original offset `at` (replacing nothing).
    pub(crate) fn generate(&mut self, text: &str, at: usize, kind: DesugaringKind) {
        self.out.generated(text, at..at, kind);
    }

    /// Generated text replacing original `start..end`; the newlines of the replaced range are
    /// re-emitted after it (outside a check copy), so lines are preserved.
    pub(crate) fn replace(&mut self, start: usize, end: usize, text: &str, kind: DesugaringKind) {
        self.out.generated(text, start..end, kind);
        self.newlines_of(start, end);
    }

    /// Re-emits the newlines of original `start..end` (nothing inside a check copy).
    pub(crate) fn newlines_of(&mut self, start: usize, end: usize) {
        if self.copy_plan.is_some() {
            return;
        }
        let Some(slice) = self.original.get(start..end) else {
            return;
        };
        let newlines = slice.matches('\n').count();
        for _ in 0..newlines {
            self.out
                .generated("\n", end..end, DesugaringKind::CheckCopyTrivia);
        }
    }

    /// Copies original `start..end` verbatim, or token-aware inside a check copy.
    pub(crate) fn copy_range(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        if self.copy_plan.is_some() {
            let Some(slice) = self.original.get(start..end) else {
                return;
            };
            if slice.contains('\n') {
                // Whitespace or a comment tail with a line break: one space keeps tokens apart.
                self.out
                    .generated(" ", start..end, DesugaringKind::CheckCopyTrivia);
                return;
            }
        }
        self.out.copy(self.original, start, end);
    }

    // ---- walking --------------------------------------------------------------------------

    pub(crate) fn emit_element(&mut self, element: &SyntaxElement) {
        match element {
            NodeOrToken::Node(node) => self.emit_node(node),
            NodeOrToken::Token(token) => self.emit_token(token),
        }
    }

    pub(crate) fn emit_token(&mut self, token: &SyntaxToken) {
        let start = self.token_start(token);
        let end = self.token_end(token);
        if self.swallowed_space == Some(start) {
            self.swallowed_space = None;
            if self.copy_plan.is_none() && token.kind() == SyntaxKind::WHITESPACE {
                self.replace(start, start + 1, "", DesugaringKind::Yield);
                self.copy_range(start + 1, end);
                return;
            }
        }
        if self.copy_plan.is_some() {
            if start < self.erased_until {
                return;
            }
            if let Some((place_end, shadow)) = self
                .copy_plan
                .as_ref()
                .and_then(|plan| plan.place_renames.get(&start))
                .cloned()
            {
                self.out
                    .generated(&shadow, start..place_end, DesugaringKind::Yield);
                self.erased_until = place_end;
                return;
            }
            match token.kind() {
                SyntaxKind::COMMENT => {
                    self.out
                        .generated(" ", start..end, DesugaringKind::CheckCopyTrivia);
                    return;
                }
                SyntaxKind::WHITESPACE => {
                    self.copy_range(start, end);
                    return;
                }
                SyntaxKind::L_CURLY => {
                    self.copy_range(start, end);
                    if let Some(names) = self
                        .copy_plan
                        .as_ref()
                        .and_then(|plan| plan.rebind_block_start.get(&start))
                        .cloned()
                    {
                        let text = rebind_text(&names);
                        self.generate(&text, end, DesugaringKind::Yield);
                    }
                    return;
                }
                SyntaxKind::IDENT => {
                    if self
                        .copy_plan
                        .as_ref()
                        .is_some_and(|plan| plan.mut_insertions.contains(&start))
                        && token
                            .parent()
                            .is_some_and(|parent| parent.kind() == SyntaxKind::NAME)
                    {
                        self.generate("mut ", start, DesugaringKind::Yield);
                    }
                    if let Some(renamed) = self
                        .copy_plan
                        .as_ref()
                        .and_then(|plan| plan.renames.get(&start))
                        .cloned()
                    {
                        self.out
                            .generated(&renamed, start..end, DesugaringKind::Yield);
                        return;
                    }
                }
                SyntaxKind::STRING => {
                    if let Some(rewritten) = self
                        .copy_plan
                        .as_ref()
                        .and_then(|plan| plan.string_rewrites.get(&start))
                        .cloned()
                    {
                        self.out
                            .generated(&rewritten, start..end, DesugaringKind::Yield);
                        return;
                    }
                }
                _ => {}
            }
        }
        self.copy_range(start, end);
    }

    pub(crate) fn emit_children(&mut self, node: &SyntaxNode) {
        for child in node.children_with_tokens() {
            self.emit_element(&child);
        }
    }

    /// Emits the children of `node` that lie within original `start..end` (partially
    /// overlapping tokens are clipped).
    pub(crate) fn emit_children_within(&mut self, node: &SyntaxNode, start: usize, end: usize) {
        for child in node.children_with_tokens() {
            let child_start = self.start_of(&child);
            let child_end = self.end_of(&child);
            if child_end <= start || child_start >= end {
                if child_start == child_end && child_start >= start && child_start < end {
                    self.emit_element(&child);
                }
                continue;
            }
            if child_start >= start && child_end <= end {
                self.emit_element(&child);
            } else {
                match &child {
                    NodeOrToken::Node(child_node) => {
                        self.emit_children_within(child_node, start, end)
                    }
                    NodeOrToken::Token(_) => {
                        self.copy_range(child_start.max(start), child_end.min(end))
                    }
                }
            }
        }
    }

    pub(crate) fn emit_node(&mut self, node: &SyntaxNode) {
        let start = self.node_start(node);
        let end = self.node_end(node);
        if self.fast_path && self.copy_plan.is_none() && !self.has_interesting(start, end) {
            self.copy_range(start, end);
            return;
        }
        if self.copy_plan.is_some()
            && let Some(names) = self
                .copy_plan
                .as_ref()
                .and_then(|plan| plan.wrap_expr.get(&start))
                .cloned()
            && node
                .parent()
                .is_some_and(|parent| parent.kind() == SyntaxKind::MATCH_ARM)
        {
            let text = format!("{{{} ", rebind_text(&names));
            self.generate(&text, start, DesugaringKind::Yield);
            self.emit_node_inner(node, start, end);
            self.generate(" }", end, DesugaringKind::Yield);
            return;
        }
        self.emit_node_inner(node, start, end);
    }

    fn emit_node_inner(&mut self, node: &SyntaxNode, start: usize, end: usize) {
        let _ = start;
        match node.kind() {
            SyntaxKind::BLOCK_EXPR => {
                if let Some(block) = ast::BlockExpr::cast(node.clone()) {
                    if block.gen_token().is_some() {
                        if block.async_token().is_some() {
                            self.lower_async_gen_block(&block);
                        } else {
                            self.lower_gen_block(&block);
                        }
                        return;
                    }
                    if block.async_token().is_some() {
                        let shadow =
                            self.in_coroutine_body && !self.macro_facts.yielding.is_empty();
                        self.with_body(false, |this| {
                            if shadow {
                                this.emit_async_block_without_macro_yields(&block);
                            } else {
                                this.emit_children(node);
                            }
                        });
                        return;
                    }
                }
            }
            SyntaxKind::FN => {
                if let Some(function) = ast::Fn::cast(node.clone()) {
                    if yieldc_syntax::outline::gen_fn_qualifiers(&function).is_some() {
                        self.lower_gen_fn(&function);
                    } else {
                        let saved = std::mem::replace(&mut self.in_async_gen_body, false);
                        self.with_body(false, |this| this.emit_children(node));
                        self.in_async_gen_body = saved;
                    }
                    return;
                }
            }
            SyntaxKind::YIELD_EXPR => {
                if self.in_coroutine_body
                    && let Some(yield_expr) = ast::YieldExpr::cast(node.clone())
                {
                    self.lower_yield(&yield_expr);
                    return;
                }
                // Outside a coroutine, in code `#[cfg(false)]` leaves out: nightly never looks
                // at it, but stable would gate the `yield` before stripping the code. The
                // keyword goes (`yield e` → `e`, bare `yield` → `()`), columns kept.
                if let Some(yield_expr) = ast::YieldExpr::cast(node.clone())
                    && let Some(keyword) = yield_expr.yield_token()
                    && yieldc_syntax::outline::is_configured_out_by_cfg_false(node)
                {
                    let start = self.token_start(&keyword);
                    let end = self.token_end(&keyword);
                    let blank = if yield_expr.expr().is_some() {
                        "     "
                    } else {
                        "()   "
                    };
                    self.emit_children_within(node, self.node_start(node), start);
                    self.replace(start, end, blank, DesugaringKind::Yield);
                    self.emit_children_within(node, end, self.node_end(node));
                    return;
                }
            }
            SyntaxKind::RETURN_EXPR if self.in_gen_body => {
                if let Some(return_expr) = ast::ReturnExpr::cast(node.clone())
                    && let Some(value) = return_expr.expr()
                {
                    self.lower_gen_return(node, value.syntax());
                    return;
                }
            }
            SyntaxKind::AWAIT_EXPR => {
                if let Some(await_expr) = ast::AwaitExpr::cast(node.clone())
                    && let Some(keyword) = await_expr.await_token()
                    && self.substitution_kind_at(self.token_start(&keyword))
                        == Some(SubstitutionKind::PostfixYield)
                {
                    if self.in_coroutine_body {
                        self.lower_postfix_yield(&await_expr, &keyword);
                    } else {
                        // Diagnosed by the front end; keep the user's text.
                        self.emit_children(node);
                    }
                    return;
                }
                if self.in_async_gen_body
                    && self.macro_body.is_none()
                    && self.copy_plan.is_none()
                    && let Some(await_expr) = ast::AwaitExpr::cast(node.clone())
                    && let Some(operand) = await_expr.expr()
                {
                    self.lower_awaited(node, operand.syntax());
                    return;
                }
            }
            SyntaxKind::FOR_EXPR => {
                if let Some(for_expr) = ast::ForExpr::cast(node.clone()) {
                    if self.is_for_await(&for_expr) {
                        self.lower_for_await(&for_expr);
                        return;
                    }
                    if self.copy_plan.is_some()
                        && let Some(iterable) = for_expr.iterable()
                        && for_expr
                            .loop_body()
                            .is_some_and(|body| crate::check_copy::has_own_yield(body.syntax()))
                    {
                        self.emit_with_header_in_own_statement(node, iterable.syntax());
                        return;
                    }
                }
            }
            SyntaxKind::MATCH_EXPR if self.copy_plan.is_some() => {
                if let Some(match_expr) = ast::MatchExpr::cast(node.clone())
                    && let Some(scrutinee) = match_expr.expr()
                    && match_expr
                        .match_arm_list()
                        .is_some_and(|arms| crate::check_copy::has_own_yield(arms.syntax()))
                {
                    self.emit_with_header_in_own_statement(node, scrutinee.syntax());
                    return;
                }
            }
            SyntaxKind::LET_EXPR if self.copy_plan.is_some() => {
                // `if let` / `while let` (and chains): the scrutinee's temporaries live through
                // the `then` branch or the loop body.
                let construct_body = node
                    .ancestors()
                    .skip(1)
                    .find(|ancestor| {
                        !matches!(
                            ancestor.kind(),
                            SyntaxKind::BIN_EXPR | SyntaxKind::PAREN_EXPR
                        )
                    })
                    .and_then(|construct| match construct.kind() {
                        SyntaxKind::IF_EXPR => ast::IfExpr::cast(construct)
                            .and_then(|e| e.then_branch())
                            .map(|b| b.syntax().clone()),
                        SyntaxKind::WHILE_EXPR => ast::WhileExpr::cast(construct)
                            .and_then(|e| e.loop_body())
                            .map(|b| b.syntax().clone()),
                        _ => None,
                    });
                if let Some(let_expr) = ast::LetExpr::cast(node.clone())
                    && let Some(scrutinee) = let_expr.expr()
                    && construct_body.is_some_and(|body| crate::check_copy::has_own_yield(&body))
                {
                    self.emit_with_header_in_own_statement(node, scrutinee.syntax());
                    return;
                }
            }
            SyntaxKind::CLOSURE_EXPR => {
                if let Some(closure) = ast::ClosureExpr::cast(node.clone()) {
                    // A plain closure with a `yield` inside a gen is a coroutine on nightly.
                    let implicit_coroutine = self.macro_body.is_none()
                        && yieldc_syntax::outline::is_implicit_coroutine_closure(&closure);
                    if yieldc_syntax::outline::is_coroutine_closure(&closure) || implicit_coroutine
                    {
                        self.lower_coroutine_closure(&closure);
                    } else {
                        self.with_body(false, |this| this.emit_children(node));
                    }
                    return;
                }
            }
            SyntaxKind::ERROR => {
                if self.lower_gen_fn_qualifier_error(node) {
                    return;
                }
            }
            SyntaxKind::SOURCE_FILE if self.delta == 0 && self.macro_body.is_none() => {
                self.check_library_gates(node);
                self.emit_source_file(node);
                return;
            }
            SyntaxKind::MACRO_RULES => {
                if self.lower_macro_rules(node) {
                    return;
                }
            }
            SyntaxKind::MACRO_CALL => {
                if let Some(call) = ast::MacroCall::cast(node.clone()) {
                    if yieldc_syntax::outline::is_iter_macro(&call) {
                        self.lower_iter_macro(&call);
                    } else {
                        self.lower_macro_call(&call);
                        if self.copy_plan.is_some() && self.is_macro_yield_statement(&call, node) {
                            let (start, end) = (self.node_start(node), self.node_end(node));
                            self.emit_macro_yield_assignments(start, end);
                        }
                    }
                    return;
                }
            }
            SyntaxKind::PATH if self.lower_library_path(node) => {
                return;
            }
            SyntaxKind::USE if self.lower_use_item(node) => {
                return;
            }
            SyntaxKind::USE_TREE if self.lower_use_tree(node) => {
                return;
            }
            SyntaxKind::ATTR if self.lower_feature_attribute(node) => {
                return;
            }
            SyntaxKind::EXPR_STMT
                if self.copy_plan.is_some() && !self.macro_facts.yielding.is_empty() =>
            {
                // `m!(..);` where `m` may yield: the copy's guarded assignments follow the
                // statement (see `check_copy::macro_yield_statement`).
                let call = node
                    .children()
                    .find(|child| child.kind() == SyntaxKind::MACRO_EXPR)
                    .and_then(|expr| expr.children().find_map(ast::MacroCall::cast))
                    .filter(|call| self.is_macro_yield_statement(call, node));
                if let Some(call) = call {
                    self.emit_children(node);
                    let (start, end) = (self.node_start(call.syntax()), self.node_end(node));
                    self.emit_macro_yield_assignments(start, end);
                    return;
                }
            }
            SyntaxKind::LET_STMT if self.copy_plan.is_some() => {
                self.emit_children(node);
                if let Some(names) = self
                    .copy_plan
                    .as_ref()
                    .and_then(|plan| plan.rebind_after.get(&end))
                    .cloned()
                {
                    let text = rebind_text(&names);
                    self.generate(&text, end, DesugaringKind::Yield);
                }
                return;
            }
            _ => {}
        }
        self.emit_children(node);
    }

    /// In a check copy: emits `node` with its header expression (a `for` iterable, a `match`
    /// or `let` scrutinee) as `{ let __yieldc_header = HEADER; __yieldc_header }`. In the real
    /// body the header's temporaries live through the construct, across its `yield`s; they are
    /// not locals, so no guarded assignment can conflict with a borrow of them. In the copy they
    /// die at the end of that `let`, so a value that still borrows one is rustc's E0716, which
    /// the driver reports as nightly's E0626. A header without such a borrow compiles as is.
    fn emit_with_header_in_own_statement(&mut self, node: &SyntaxNode, header: &SyntaxNode) {
        if crate::check_copy::is_place(header) {
            // A place has no temporaries (and moving it here would change the copy).
            self.emit_children(node);
            return;
        }
        let (start, end) = (self.node_start(header), self.node_end(header));
        self.emit_children_within(node, self.node_start(node), start);
        self.generate("{ let __yieldc_header = ", start, DesugaringKind::Yield);
        self.emit_node(header);
        self.generate("; __yieldc_header }", end, DesugaringKind::Yield);
        self.emit_children_within(node, end, self.node_end(node));
    }

    /// Whether `call` invokes a macro of this file that may yield, as the statement `statement`.
    fn is_macro_yield_statement(&self, call: &ast::MacroCall, statement: &SyntaxNode) -> bool {
        self.macro_facts.may_yield(call)
            && crate::check_copy::macro_yield_statement(call).as_ref() == Some(statement)
    }

    /// Runs `f` with `in_coroutine_body` set to `inside` (restored afterwards).
    pub(crate) fn with_body(&mut self, inside: bool, f: impl FnOnce(&mut Self)) {
        let saved = self.in_coroutine_body;
        let saved_gen = self.in_gen_body;
        self.in_coroutine_body = inside;
        self.in_gen_body = false;
        f(self);
        self.in_coroutine_body = saved;
        self.in_gen_body = saved_gen;
    }

    pub(crate) fn is_for_await(&self, for_expr: &ast::ForExpr) -> bool {
        let Some(for_token) = for_expr.for_token() else {
            return false;
        };
        let after_for = self.token_end(&for_token);
        let next_start = for_expr
            .pat()
            .map(|pat| self.node_start(pat.syntax()))
            .unwrap_or(after_for);
        self.outline.substitutions.iter().any(|substitution| {
            substitution.kind == SubstitutionKind::ForAwait
                && substitution.span.start >= after_for
                && substitution.span.end <= next_start
        })
    }

    // ---- the fast path ------------------------------------------------------------------

    fn has_interesting(&self, start: usize, end: usize) -> bool {
        let index = self.interesting.partition_point(|&offset| offset < start);
        self.interesting
            .get(index)
            .is_some_and(|&offset| offset < end)
    }

    fn collect_interesting(&self) -> Vec<usize> {
        let mut starts: Vec<usize> = self
            .outline
            .forms
            .iter()
            .map(|form| form.span.start)
            .collect();
        starts.extend(
            self.outline
                .substitutions
                .iter()
                .map(|substitution| substitution.span.start),
        );
        for feature in &self.outline.features {
            starts.push(feature.attribute.start);
        }
        let has_async_gen = self.outline.forms.iter().any(|form| {
            matches!(
                form.kind,
                yieldc_syntax::FormKind::GenBlock { is_async: true, .. }
                    | yieldc_syntax::FormKind::GenFn { is_async: true }
            )
        });
        for node in self.outline.root.descendants() {
            match node.kind() {
                SyntaxKind::MACRO_CALL | SyntaxKind::BLOCK_EXPR
                    if self.macro_facts.async_needs_shadow(&node) =>
                {
                    starts.push(self.node_start(&node));
                }
                SyntaxKind::MACRO_CALL => {
                    if macro_needs_lowering(&node) {
                        starts.push(self.node_start(&node));
                    }
                }
                SyntaxKind::MACRO_RULES => {
                    if macro_needs_lowering(&node) {
                        starts.push(self.node_start(&node));
                    }
                }
                SyntaxKind::PATH | SyntaxKind::USE_TREE => {
                    if crate::paths::path_needs_rewrite(&node) {
                        starts.push(self.node_start(&node));
                    }
                }
                // `gen unsafe fn`: the `gen` sits in an error node before the fn.
                SyntaxKind::FN => {
                    if let Some(function) = ast::Fn::cast(node.clone())
                        && let Some((gen_token, async_token)) =
                            yieldc_syntax::outline::gen_fn_qualifiers(&function)
                    {
                        starts.push(self.token_start(&gen_token));
                        if let Some(async_token) = async_token {
                            starts.push(self.token_start(&async_token));
                        }
                    }
                }
                // `e.await` in an `async gen` body (see `lower_awaited`).
                SyntaxKind::AWAIT_EXPR if has_async_gen => {
                    starts.push(self.node_start(&node));
                }
                // `return VALUE` may sit in a `gen` body (see `lower_gen_return`).
                SyntaxKind::RETURN_EXPR
                    if ast::ReturnExpr::cast(node.clone()).is_some_and(|r| r.expr().is_some()) =>
                {
                    starts.push(self.node_start(&node));
                }
                _ => {}
            }
        }
        starts.sort_unstable();
        starts.dedup();
        starts
    }

    /// Whether an identifier pattern anywhere in the file binds `name`.
    pub(crate) fn file_binds_pattern(&self, name: &str) -> bool {
        match self.pattern_oracle {
            Some(oracle) => oracle.binds(name),
            None => self.pattern_names().contains(name),
        }
    }

    /// Every name bound by an identifier pattern anywhere in the file.
    pub(crate) fn pattern_names(&self) -> &HashSet<String> {
        self.pattern_names.get_or_init(|| {
            self.outline
                .root
                .descendants()
                .filter_map(ast::IdentPat::cast)
                .filter_map(|ident| {
                    use yieldc_syntax::ra_ap_syntax::ast::HasName;
                    ident.name().map(|name| name.text().to_string())
                })
                .collect()
        })
    }

    pub(crate) fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub(crate) fn span_of(&self, node: &SyntaxNode) -> Span {
        Span::new(self.node_start(node), self.node_end(node))
    }
}

/// ` let mut a = a; let mut b = b;`
pub(crate) fn rebind_text(names: &[String]) -> String {
    let mut text = String::new();
    for name in names {
        text.push_str(" let mut ");
        text.push_str(name);
        text.push_str(" = ");
        text.push_str(name);
        text.push(';');
    }
    text
}

/// Whether a macro call's tokens may contain something to lower.
pub(crate) fn macro_needs_lowering(node: &SyntaxNode) -> bool {
    node.descendants_with_tokens().any(|element| match element {
        NodeOrToken::Token(token) => match token.kind() {
            SyntaxKind::YIELD_KW | SyntaxKind::GEN_KW => true,
            SyntaxKind::IDENT => matches!(
                token.text(),
                "gen"
                    | "coroutine"
                    | "Coroutine"
                    | "CoroutineState"
                    | "async_iter"
                    | "from_coroutine"
                    | "iter"
            ),
            SyntaxKind::AWAIT_KW => true,
            _ => false,
        },
        NodeOrToken::Node(_) => false,
    })
}
