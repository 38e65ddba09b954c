//! Sync and async generators: `gen {}`, `gen move {}`, `gen fn`, `async gen {}`,
//! `async gen fn`, `iter!`, and the `yield` inside them.

use std::rc::Rc;

use yieldc_syntax::outline::is_implicit_coroutine_closure;
use yieldc_syntax::ra_ap_syntax::ast::{self, AstNode, HasArgList, HasName};
use yieldc_syntax::ra_ap_syntax::{SyntaxKind, SyntaxNode, SyntaxToken};

use crate::check_copy::CaptureMode;
use crate::lowerer::{CopyPlan, Lowerer};
use crate::source_map::DesugaringKind;

/// The runtime type a body is wrapped in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Representation {
    /// Inline sync generator (check copy proved it movable).
    Gen,
    /// Heap-pinned sync generator (always sound).
    BoxedGen,
    /// Async generator (pinned by its consumer).
    AsyncGen,
    /// Inline movable coroutine (check copy proved it).
    Coro,
    /// Heap-pinned movable coroutine.
    BoxedCoro,
    /// `static` coroutine (pinned by its caller).
    StaticCoro,
}

impl Representation {
    /// The runtime macro that builds the whole generator, and its representation argument.
    fn builder(self) -> (&'static str, &'static str) {
        match self {
            Representation::Gen => ("::yieldc_rt::__gen!", "inline, "),
            Representation::BoxedGen => ("::yieldc_rt::__gen!", "boxed, "),
            Representation::AsyncGen => ("::yieldc_rt::__async_gen!", ""),
            Representation::Coro => ("::yieldc_rt::__coroutine!", "inline, "),
            Representation::BoxedCoro => ("::yieldc_rt::__coroutine!", "boxed, "),
            Representation::StaticCoro => ("::yieldc_rt::__coroutine!", "static, "),
        }
    }
}

/// A generator body: a block's statements or a bare expression (closure bodies).
#[derive(Clone)]
pub(crate) enum Body {
    Block(ast::StmtList),
    Expr(SyntaxNode),
}

impl Body {
    pub(crate) fn node(&self) -> SyntaxNode {
        match self {
            Body::Block(statements) => statements.syntax().clone(),
            Body::Expr(expr) => expr.clone(),
        }
    }

    /// The body of a closure: its block's statements when it is a plain block.
    pub(crate) fn of_closure_body(expr: &ast::Expr) -> Body {
        if let ast::Expr::BlockExpr(block) = expr
            && block.async_token().is_none()
            && block.gen_token().is_none()
            && block.unsafe_token().is_none()
            && block.const_token().is_none()
            && block.try_block_modifier().is_none()
            && block.label().is_none()
            && let Some(statements) = block.stmt_list()
            && statements.l_curly_token().is_some()
            && statements.r_curly_token().is_some()
        {
            return Body::Block(statements);
        }
        Body::Expr(expr.syntax().clone())
    }
}

/// The closure whose body `node` belongs to, if the nearest enclosing body is a closure (not an
/// item, an `async` or a `gen` block).
fn own_closure(node: &SyntaxNode) -> Option<ast::ClosureExpr> {
    for ancestor in node.ancestors().skip(1) {
        match ancestor.kind() {
            SyntaxKind::CLOSURE_EXPR => return ast::ClosureExpr::cast(ancestor),
            SyntaxKind::FN => return None,
            SyntaxKind::BLOCK_EXPR
                if ast::BlockExpr::cast(ancestor.clone())
                    .is_some_and(|b| b.async_token().is_some() || b.gen_token().is_some()) =>
            {
                return None;
            }
            _ => {}
        }
    }
    None
}

/// A `gen fn` parameter bound again at the top of the body (`let [mut] NAME = NAME;`).
pub(crate) struct Rebinding {
    name: String,
    /// The original range of the parameter's name.
    name_range: std::ops::Range<usize>,
    /// Where its `mut` starts, if it has one.
    mut_start: Option<usize>,
    /// For a parameter whose pattern is not a plain identifier (`(a, _b): (u8, D)`, `_: D`):
    /// the original range of that pattern. The signature names the parameter `name`
    /// (`__yieldc_argN`) instead and the body binds the pattern, like rustc's `async fn`.
    pattern_range: Option<std::ops::Range<usize>>,
}

/// What to emit around a body.
pub(crate) struct Shape {
    pub(crate) representation: Representation,
    pub(crate) is_move: bool,
    pub(crate) kind: DesugaringKind,
    pub(crate) plan: Option<Rc<CopyPlan>>,
    /// A coroutine closure's declared `-> RET`: the check copy's body is `let _: RET = { .. };`,
    /// so that its value is inferred as the real body's is (`Ok(v)` after a `?`).
    pub(crate) return_type: Option<String>,
}

/// The lints a check copy (and its arm) must not raise: it is the user's code rewritten, and
/// never runs. Under `#![deny(clippy::all)]` or `pedantic`, `empty_loop` or
/// `needless_pass_by_value` there would fail the build.
/// The largest parameter count of a closure the runtime's `__onceN` take.
const FN_ONCE_MAX_ARITY: usize = 12;

const COPY_LINTS: &str = "unused_mut, unused_assignments, unused_variables, unreachable_code, unused_must_use, clippy::all, clippy::pedantic, clippy::nursery";

/// Defined at the top of every generator body: `yield EXPR` becomes `__y!( EXPR)`, the same
/// width as `yield `, so that `EXPR` keeps its column (panic locations inside it, `column!()`).
/// A `macro_rules!` in the body sees the body's `__yieldc_co`, and an inner generator's own
/// definition shadows it.
const YIELD_MACRO: &str =
    " #[allow(unused_macros)] macro_rules! __y { ($e:expr) => { __yieldc_co.yield_($e).await }; }";

/// `YIELD_MACRO` where `macro_rules!` bodies may yield (see `macros.rs`): its metavariable
/// cannot clash with a transcriber's, and `__ym` (a `yield` written in a macro body) is the
/// real one only in representations that need no check copy.
fn macro_yield_definitions(representation: Representation) -> &'static str {
    match representation {
        Representation::Gen | Representation::Coro => {
            " #[allow(unused_macros)] macro_rules! __y { ($__yieldc_e:expr) => { __yieldc_co.yield_($__yieldc_e).await }; } #[allow(unused_macros)] macro_rules! __ym { ($__yieldc_e:expr) => { ::core::compile_error!(\"yieldc cannot lower this `yield`: it comes from a macro defined in another file, inside a generator whose borrows yieldc checked without it\") }; }"
        }
        Representation::BoxedGen
        | Representation::AsyncGen
        | Representation::BoxedCoro
        | Representation::StaticCoro => {
            " #[allow(unused_macros)] macro_rules! __y { ($__yieldc_e:expr) => { __yieldc_co.yield_($__yieldc_e).await }; } #[allow(unused_macros)] macro_rules! __ym { ($__yieldc_e:expr) => { __yieldc_co.yield_($__yieldc_e).await }; }"
        }
    }
}

impl Lowerer<'_> {
    /// Decides between the inline and the boxed sync representation: inline only when the
    /// check copy can be built (see `check_copy.rs`). Returns whether to go inline, and the
    /// plan of the check copy to emit (none inside another check copy).
    pub(crate) fn plan_movable(
        &mut self,
        body: &Body,
        mode: CaptureMode,
        prologue_locals: &[String],
        self_is_reference: bool,
    ) -> (bool, Option<Rc<CopyPlan>>) {
        // In a `macro_rules!` transcriber the body holds fragments no copy can see.
        if self.options.force_boxed || self.macro_body.is_some() {
            return (false, None);
        }
        if self.macro_facts.invoked_in(&body.node()) {
            // A body that invokes a macro of this file that may yield is boxed: the copy cannot
            // see inside the macro (macros.rs). Its copy, when it can be built (the macro
            // invoked as a statement), treats each invocation as a `yield` and serves nightly's
            // E0626 only; none inside another copy, nor for a macro that embeds its arguments.
            if self.copy_plan.is_some() || self.macro_facts.embedding_invoked_in(&body.node()) {
                return (false, None);
            }
            let analysis =
                crate::check_copy::analyze(self, body, mode, prologue_locals, self_is_reference)
                    .ok();
            return (false, analysis.map(Rc::new));
        }
        let analysis =
            crate::check_copy::analyze(self, body, mode, prologue_locals, self_is_reference).ok();
        if self.copy_plan.is_some() {
            // Inside a check copy: the representation the real body gets (the types of the
            // copy and of the body must agree, e.g. `yield gen { .. }`), but no nested copy:
            // the real body's generator carries its own.
            return (analysis.is_some(), None);
        }
        (analysis.is_some(), analysis.map(Rc::new))
    }

    /// Emits `match PARTS { (__yieldc_key, __yieldc_co) => TYPE::new(__yieldc_key, async move {
    /// let __yieldc_co = __yieldc_co;` replacing original `start..end`.
    pub(crate) fn open_generator(
        &mut self,
        shape: &Shape,
        start: usize,
        end: usize,
        prologue: &str,
    ) {
        let binding = if shape.representation == Representation::AsyncGen {
            self.awaited("let __yieldc_co = &", "__yieldc_co.bind()", ";")
        } else {
            "let __yieldc_co = __yieldc_co;".to_owned()
        };
        // The macro invocation starts the text, at the generator keyword's column: that is
        // where the runtime reports a resumption after a panic, like nightly.
        let (builder, representation) = shape.representation.builder();
        let yield_macro = if self.macro_body.is_some() || !self.macro_facts.yielding.is_empty() {
            macro_yield_definitions(shape.representation)
        } else {
            YIELD_MACRO
        };
        let yield_macro = if self.await_is_identifier() {
            yield_macro
                .replace("::core::", "::yieldc_rt::__core::")
                .replace(
                    "__yieldc_co.yield_($e).await",
                    "::yieldc_rt::__await!(__yieldc_co.yield_($e))",
                )
                .replace(
                    "__yieldc_co.yield_($__yieldc_e).await",
                    "::yieldc_rt::__await!(__yieldc_co.yield_($__yieldc_e))",
                )
        } else {
            yield_macro.to_owned()
        };
        let mv = if shape.is_move { "move " } else { "" };
        let block_opening = if self.await_is_identifier() {
            format!("::yieldc_rt::__async!({mv}{{")
        } else {
            format!("async {mv}{{")
        };
        let text = format!(
            "{builder}(__yieldc_co, {representation}{block_opening} {binding}{yield_macro}{prologue}"
        );
        self.replace(start, end, &text, shape.kind);
    }

    /// Emits the end of the generator, replacing original `start..end` (its closing brace).
    pub(crate) fn close_generator(&mut self, shape: &Shape, start: usize, end: usize) {
        let closing = if self.await_is_identifier() {
            " }))"
        } else {
            " })"
        };
        self.replace(start, end, closing, shape.kind);
    }

    /// Whether `async` and `await` are identifiers where the lowered text goes (edition 2015).
    /// There the lowering spells `async { .. }` and `EXPR.await` through the runtime's
    /// `__async!` and `__await!`: tokens keep the edition of the crate that wrote them.
    pub(crate) fn await_is_identifier(&self) -> bool {
        self.outline.edition == yieldc_syntax::Edition::E2015
    }

    /// The path of `core` in the lowered text: `::core`, or in edition 2015 (where `::core` is
    /// an item of the crate root) the runtime's re-export.
    pub(crate) fn core_path(&self) -> &'static str {
        if self.await_is_identifier() {
            "::yieldc_rt::__core"
        } else {
            "::core"
        }
    }

    /// `PREFIX EXPR.await SUFFIX`, or `PREFIX ::yieldc_rt::__await!(EXPR) SUFFIX` where `await`
    /// is an identifier.
    pub(crate) fn awaited(&self, prefix: &str, expr: &str, suffix: &str) -> String {
        if self.await_is_identifier() {
            format!("{prefix}::yieldc_rt::__await!({expr}){suffix}")
        } else {
            format!("{prefix}{expr}.await{suffix}")
        }
    }

    /// Emits the body's statements (without braces) as the generator's body, preceded by its
    /// check copy when there is one.
    /// Emits the body's statements (without braces) as the generator's body. With a check
    /// copy, the copy sits in a second, never-taken arm *after* the body, so the real body keeps
    /// its columns (panic locations, `column!()`) and the copy sees the state before the body:
    ///
    /// ```text
    /// match ::yieldc_rt::__arm() { __Arm::Body => { BODY' } #[allow(..)] __Arm::Copy => { CHECK_COPY loop {} } }
    /// ```
    pub(crate) fn emit_generator_body(
        &mut self,
        shape: &Shape,
        body: &Body,
        open_anchor: usize,
        close_anchor: usize,
    ) {
        if shape.plan.is_some() {
            self.generate(
                " match ::yieldc_rt::__arm() { ::yieldc_rt::__Arm::Body => {",
                open_anchor,
                shape.kind,
            );
        }
        let is_generator = matches!(
            shape.representation,
            Representation::Gen | Representation::BoxedGen | Representation::AsyncGen
        );
        let saved = std::mem::replace(
            &mut self.in_async_gen_body,
            shape.representation == Representation::AsyncGen,
        );
        // A generator nested in a check copy: its `yield`s are not the copied generator's.
        let nested_in_copy = self.copy_plan.is_some();
        self.nested_generators_in_copy += usize::from(nested_in_copy);
        self.emit_body(body, is_generator);
        self.nested_generators_in_copy -= usize::from(nested_in_copy);
        self.in_async_gen_body = saved;
        if let Some(plan) = &shape.plan {
            self.generate(
                &format!("}} #[allow({COPY_LINTS})] ::yieldc_rt::__Arm::Copy => {{"),
                close_anchor,
                shape.kind,
            );
            self.emit_check_copy(
                plan.clone(),
                body,
                close_anchor,
                is_generator,
                shape.return_type.as_deref(),
            );
            self.generate("loop {} } }", close_anchor, shape.kind);
        }
    }

    /// Emits a generator or coroutine body's statements (without its braces), in a coroutine
    /// body; `is_generator` for `gen`/`async gen` (where `return` takes only `()`).
    fn emit_body(&mut self, body: &Body, is_generator: bool) {
        self.with_body(true, |this| {
            this.in_gen_body = is_generator;
            match body {
                Body::Block(statements) => {
                    // A gen body is `()`: a value at its end is nightly's E0308 there. (Not in a
                    // `macro_rules!` transcriber, where the "tail" may stand for statements.)
                    let in_transcriber = this.macro_body.is_some();
                    let valued_tail = statements
                        .tail_expr()
                        .filter(|tail| {
                            is_generator && !in_transcriber && may_be_a_value(tail.syntax())
                        })
                        .map(|tail| tail.syntax().clone());
                    for child in statements.syntax().children_with_tokens() {
                        if matches!(child.kind(), SyntaxKind::L_CURLY | SyntaxKind::R_CURLY)
                            && child.parent().as_ref() == Some(statements.syntax())
                        {
                            continue;
                        }
                        if let Some(tail) = &valued_tail
                            && child.as_node() == Some(tail)
                        {
                            this.emit_unit_tail(tail);
                            continue;
                        }
                        this.emit_element(&child);
                    }
                }
                Body::Expr(expr) => this.emit_node(expr),
            }
        });
    }

    /// The value at the end of a `gen` body, which must be `()`:
    ///
    /// ```text
    /// { let __yieldc_tail: () = TAIL; __yieldc_tail }
    /// ```
    /// so that another type is nightly's E0308 at `TAIL`, not an error about the `async` block
    /// the body became.
    fn emit_unit_tail(&mut self, tail: &SyntaxNode) {
        let (start, end) = (self.node_start(tail), self.node_end(tail));
        self.generate("{ let __yieldc_tail: () = ", start, DesugaringKind::Yield);
        self.emit_node(tail);
        self.generate("; __yieldc_tail }", end, DesugaringKind::Yield);
    }

    /// `return VALUE` in a `gen` body, whose `return` takes `()` only:
    ///
    /// ```text
    /// return { let __yieldc_return: () = VALUE; __yieldc_return }
    /// ```
    /// so that a value of another type is nightly's E0308 at `VALUE`, not an error about the
    /// `async` block the body became.
    pub(crate) fn lower_gen_return(&mut self, node: &SyntaxNode, value: &SyntaxNode) {
        let value_start = self.node_start(value);
        let value_end = self.node_end(value);
        self.emit_children_within(node, self.node_start(node), value_start);
        self.generate(
            "{ let __yieldc_return: () = ",
            value_start,
            DesugaringKind::Yield,
        );
        self.emit_node(value);
        self.generate("; __yieldc_return }", value_end, DesugaringKind::Yield);
    }

    /// The check copy (architecture.md, "Check copy"):
    ///
    /// ```text
    /// #[allow(..)] if ::yieldc_rt::__never() { let mut CAPTURE = CAPTURE; .. { BODY° }; loop {} }
    /// ```
    /// (`let _: RET = { BODY° };` for a coroutine closure declared `-> RET`)
    /// on one line, where `BODY°` is the body with every `yield EXPR` replaced by
    /// `(__yieldc_co.__copy_yield(EXPR), { if ::yieldc_rt::__never() { x = ::yieldc_rt::__any(); } .. }).0`
    /// for every capture and body local `x` in scope, and every binding made assignable.
    pub(crate) fn emit_check_copy(
        &mut self,
        plan: Rc<CopyPlan>,
        body: &Body,
        anchor: usize,
        is_generator: bool,
        return_type: Option<&str>,
    ) {
        let saved_plan = self.copy_plan.replace(plan.clone());
        let saved_flag = self.out.in_check_copy;
        self.out.in_check_copy = true;
        let saved_erased = std::mem::take(&mut self.erased_until);
        // A `yield` of a macro of this file (`__ym!`) does not suspend in the copy either.
        let macro_yield = if self.macro_facts.yielding.is_empty() {
            ""
        } else {
            " #[allow(unused_macros)] macro_rules! __ym { ($__yieldc_e:expr) => { __yieldc_co.__copy_yield($__yieldc_e) }; }"
        };
        let mut shadows = String::new();
        for (name, place) in &plan.shadows {
            shadows.push_str(&format!(
                " let mut {name} = ::yieldc_rt::__shadow(::core::ptr::addr_of!({place}));"
            ));
        }
        let typed = match return_type {
            Some(return_type) => format!(" let _: {return_type} ="),
            None => String::new(),
        };
        let opening = format!(
            " #[allow({COPY_LINTS})] if ::yieldc_rt::__never() {{{macro_yield}{}{shadows}{typed} {{",
            crate::lowerer::rebind_text(&plan.captures)
        );
        self.generate(&opening, anchor, DesugaringKind::Yield);
        self.emit_body(body, is_generator);
        self.generate(" }; loop {} } ", anchor, DesugaringKind::Yield);
        self.out.in_check_copy = saved_flag;
        self.erased_until = saved_erased;
        self.copy_plan = saved_plan;
    }

    /// `gen [move] { BODY }`:
    ///
    /// ```text
    /// ::yieldc_rt::__gen!(__yieldc_co, inline, async [move] {
    ///     let __yieldc_co = __yieldc_co;
    ///     match ::yieldc_rt::__arm() { __Arm::Body => { BODY' } #[allow(..)] __Arm::Copy => { CHECK_COPY loop {} } }
    /// })
    /// ```
    /// `BODY'` has `yield e` → `__yieldc_co.yield_(e).await`. Without a sound check copy
    /// (or inside another check copy) `boxed` (a `::yieldc_rt::BoxedGen`) replaces `inline`.
    /// The invocation starts at the `gen` keyword's column (the runtime's panic location).
    pub(crate) fn lower_gen_block(&mut self, block: &ast::BlockExpr) {
        self.lower_block_generator(block, false);
    }

    /// `async gen [move] { BODY }`:
    ///
    /// ```text
    /// ::yieldc_rt::__async_gen!(__yieldc_co, async [move] {
    ///     let __yieldc_co = &__yieldc_co.bind().await;
    ///     BODY'
    /// })
    /// ```
    pub(crate) fn lower_async_gen_block(&mut self, block: &ast::BlockExpr) {
        self.lower_block_generator(block, true);
    }

    fn lower_block_generator(&mut self, block: &ast::BlockExpr, is_async: bool) {
        let node = block.syntax().clone();
        let Some(statements) = block.stmt_list() else {
            self.emit_children(&node);
            return;
        };
        let (Some(l_curly), Some(r_curly)) =
            (statements.l_curly_token(), statements.r_curly_token())
        else {
            self.emit_children(&node);
            return;
        };
        let keyword = block.async_token().or_else(|| block.gen_token());
        let Some(keyword) = keyword else {
            self.emit_children(&node);
            return;
        };
        let is_move = block.move_token().is_some();
        let head_start = self.token_start(&keyword);
        // Attributes before the keyword stay.
        let node_start = self.node_start(&node);
        self.emit_children_within(&node, node_start, head_start);
        let body = Body::Block(statements.clone());
        let (representation, plan, kind) = if is_async {
            (
                Representation::AsyncGen,
                None,
                DesugaringKind::AsyncGenBlock,
            )
        } else {
            let mode = if is_move {
                CaptureMode::Move
            } else {
                CaptureMode::Ref
            };
            let self_is_reference = enclosing_self_is_reference(&node);
            let (inline, plan) = self.plan_movable(&body, mode, &[], self_is_reference);
            let representation = if inline {
                Representation::Gen
            } else {
                Representation::BoxedGen
            };
            (representation, plan, DesugaringKind::GenBlock)
        };
        let shape = Shape {
            representation,
            is_move,
            kind,
            plan,
            return_type: None,
        };
        if self.is_block_fragment(statements.syntax()) {
            // `gen $body` in a `macro_rules!` transcriber: the fragment is the whole body.
            let (fragment_start, fragment_end) = (
                self.node_start(statements.syntax()),
                self.node_end(statements.syntax()),
            );
            self.open_generator(&shape, head_start, fragment_start, "");
            self.copy_range(fragment_start, fragment_end);
            self.close_generator(&shape, fragment_end, fragment_end);
            let node_end = self.node_end(&node);
            self.emit_children_within(&node, fragment_end, node_end);
            return;
        }
        let head_end = self.token_end(&l_curly);
        self.open_generator(&shape, head_start, head_end, "");
        let close_start = self.token_start(&r_curly);
        self.emit_generator_body(&shape, &body, head_end, close_start);
        let close_end = self.token_end(&r_curly);
        self.close_generator(&shape, close_start, close_end);
        let node_end = self.node_end(&node);
        self.emit_children_within(&node, close_end, node_end);
    }

    /// `[async] gen fn NAME(PARAMS) [-> T] { BODY }`:
    ///
    /// ```text
    /// fn NAME(PARAMS) -> impl ::core::iter::Iterator<Item = T> {
    ///     ::yieldc_rt::__gen!(__yieldc_co, inline, async move {
    ///         let __yieldc_co = __yieldc_co;
    ///         let _ = &self;           // a `self` by value moves in whole
    ///         let p = p; ..            // every identifier parameter moves in, like `async fn`
    ///         let __yieldc_arg1 = __yieldc_arg1; let (a, _) = __yieldc_arg1; // PAT: T in PARAMS
    ///                                  // is `__yieldc_arg1: T` there (one-line patterns)
    ///         match ::yieldc_rt::__arm() { __Arm::Body => { BODY' } #[allow(..)] __Arm::Copy => { CHECK_COPY loop {} } }
    ///     })
    /// }
    /// ```
    /// No `-> T` means `()` items; `mut` on a parameter moves to its `let`. `async gen fn`
    /// returns `impl ::yieldc_rt::async_iter::AsyncIterator<Item = T>` and wraps an `AsyncGen`
    /// (see [`Self::lower_async_gen_block`]). Edition 2024 return-position `impl Trait` captures
    /// every lifetime in scope, so borrowed parameters need no `use<..>`.
    pub(crate) fn lower_gen_fn(&mut self, function: &ast::Fn) {
        let node = function.syntax().clone();
        let is_async = yieldc_syntax::outline::gen_fn_qualifiers(function)
            .is_some_and(|(_, async_token)| async_token.is_some());
        self.check_gen_fn_qualifier_order(function);
        let kind = if is_async {
            DesugaringKind::AsyncGenFn
        } else {
            DesugaringKind::GenFn
        };
        let item_trait = if is_async {
            "impl ::yieldc_rt::async_iter::AsyncIterator<Item = "
        } else {
            "impl ::core::iter::Iterator<Item = "
        };
        let mut parameter_names: Vec<String> = Vec::new();
        let mut rebindings: Vec<Rebinding> = Vec::new();
        let mut self_is_reference = true;
        if let Some(parameters) = function.param_list() {
            if let Some(self_parameter) = parameters.self_param()
                && self_parameter.amp_token().is_none()
            {
                self_is_reference = false;
            }
            for parameter in parameters.params() {
                if let Some(ast::Pat::IdentPat(ident)) = parameter.pat()
                    && ident.ref_token().is_none()
                    && ident.pat().is_none()
                    && let Some(name) = ident.name()
                {
                    // The original text: in a `macro_rules!` transcriber, `$name`.
                    let name_range = self.node_start(name.syntax())..self.node_end(name.syntax());
                    let name = self
                        .original
                        .get(name_range.clone())
                        .unwrap_or_default()
                        .to_owned();
                    rebindings.push(Rebinding {
                        name: name.clone(),
                        name_range,
                        mut_start: ident.mut_token().map(|token| self.token_start(&token)),
                        pattern_range: None,
                    });
                    parameter_names.push(name);
                } else if let Some(pattern) = parameter.pat() {
                    // Any other pattern moves into the body whole, as a parameter of rustc's
                    // `async fn` (and nightly's `gen fn`) does: `_` and the parts no binding
                    // takes are dropped with the body's locals, not when the call returns.
                    let pattern_range =
                        self.node_start(pattern.syntax())..self.node_end(pattern.syntax());
                    let text = self.original.get(pattern_range.clone()).unwrap_or_default();
                    // (Not a pattern through a reference, `&(a, b): &(String, u8)`: there is
                    // nothing of its own to drop, and a move out of it is E0507 on the
                    // parameter, which a `let` would word with the generated name.)
                    // (Nor one with a `ref` binding, `(ref s, n)`: a borrow of the body's
                    // `__yieldc_argN` that the check copy cannot see.)
                    let through_reference = pattern.syntax().descendants().any(|node| {
                        node.kind() == SyntaxKind::REF_PAT
                            || ast::IdentPat::cast(node)
                                .is_some_and(|ident| ident.ref_token().is_some())
                    });
                    // (Only where the body's `{` shares the pattern's line: the body's copy of
                    // the pattern stays on its line.)
                    let on_the_body_line = function
                        .body()
                        .and_then(|body| body.stmt_list())
                        .and_then(|statements| statements.l_curly_token())
                        .and_then(|l_curly| {
                            self.original
                                .get(pattern_range.start..self.token_start(&l_curly))
                        })
                        .is_some_and(|between| !between.contains('\n'));
                    if on_the_body_line
                        && !through_reference
                        && !text.is_empty()
                        && !text.contains('$')
                        && !text.contains('\n')
                    {
                        let name = format!("__yieldc_arg{}", rebindings.len());
                        rebindings.push(Rebinding {
                            name,
                            name_range: pattern_range.clone(),
                            mut_start: None,
                            pattern_range: Some(pattern_range),
                        });
                    }
                }
            }
        }
        let body_block = function.body();
        for child in node.children_with_tokens() {
            let start = self.start_of(&child);
            let end = self.end_of(&child);
            match child.kind() {
                SyntaxKind::ASYNC_KW | SyntaxKind::GEN_KW => self.replace(start, end, "", kind),
                SyntaxKind::PARAM_LIST => {
                    if let Some(list) = child.as_node() {
                        self.emit_gen_fn_parameters(list, &rebindings, kind);
                    }
                    if function.ret_type().is_none() {
                        self.generate(&format!(" -> {item_trait}()>"), end, kind);
                    }
                }
                SyntaxKind::RET_TYPE => {
                    let Some(ret) = child.as_node().and_then(|n| ast::RetType::cast(n.clone()))
                    else {
                        self.emit_element(&child);
                        continue;
                    };
                    match (ret.thin_arrow_token(), ret.ty()) {
                        (Some(arrow), Some(ty)) => {
                            let arrow_start = self.token_start(&arrow);
                            let type_start = self.node_start(ty.syntax());
                            self.replace(
                                arrow_start,
                                type_start,
                                &format!("-> {item_trait}"),
                                kind,
                            );
                            self.emit_node(ty.syntax());
                            let type_end = self.node_end(ty.syntax());
                            self.generate(">", type_end, kind);
                            self.emit_children_within(ret.syntax(), type_end, end);
                        }
                        _ => self.emit_element(&child),
                    }
                }
                SyntaxKind::BLOCK_EXPR
                    if body_block.as_ref().map(|b| b.syntax()) == child.as_node() =>
                {
                    let Some(block) = body_block.clone() else {
                        continue;
                    };
                    self.lower_gen_fn_body(
                        &block,
                        is_async,
                        kind,
                        &rebindings,
                        &parameter_names,
                        self_is_reference,
                    );
                }
                _ => self.emit_element(&child),
            }
        }
    }

    /// The body's binding of an `iter!` closure's parameters, `let ::core::ops::RangeFrom {
    /// start: (a, b, ) } = { __yieldc_args };` (`opening`: up to the tuple). Each name is a
    /// copy of the parameter's, mapped to it, so that a diagnostic about the binding ("unused
    /// variable") points at the parameter, as on nightly.
    fn emit_iter_parameter_bindings(
        &mut self,
        opening: &str,
        names: &[String],
        ranges: &[Option<std::ops::Range<usize>>],
        anchor: usize,
    ) {
        if names.is_empty() {
            return;
        }
        let kind = DesugaringKind::IterMacro;
        self.generate(opening, anchor, kind);
        for (name, range) in names.iter().zip(ranges) {
            match range {
                Some(range) => self.out.copy(self.original, range.start, range.end),
                None => self.generate(name, anchor, kind),
            }
            self.generate(", ", anchor, kind);
        }
        self.generate(") } = { __yieldc_args };", anchor, kind);
    }

    fn emit_gen_fn_parameters(
        &mut self,
        list: &SyntaxNode,
        rebindings: &[Rebinding],
        kind: DesugaringKind,
    ) {
        // `mut p` keeps its `mut`, under `#[allow(unused_mut)]` (the `let mut p = p;` of the
        // body is the binding that is mutated; its `mut p` is a second copy, mapped to this
        // one, so the token stays on its line). Library paths in the parameters' types (`impl std::async_iter::AsyncIterator<..>`) are rewritten.
        let mut emitted_until = 0;
        for element in list.descendants_with_tokens() {
            let Some(token) = element.into_token() else {
                continue;
            };
            if self.token_start(&token) < emitted_until {
                continue;
            }
            // A pattern parameter is named `__yieldc_argN` here; the body binds its pattern.
            if let Some((name, pattern)) = rebindings.iter().find_map(|rebinding| {
                let pattern = rebinding.pattern_range.clone()?;
                (pattern.start == self.token_start(&token)).then_some((&rebinding.name, pattern))
            }) {
                emitted_until = pattern.end;
                self.replace(pattern.start, pattern.end, name, kind);
                continue;
            }
            if let Some(path) = token
                .parent_ancestors()
                .take_while(|node| {
                    matches!(
                        node.kind(),
                        SyntaxKind::PATH | SyntaxKind::PATH_SEGMENT | SyntaxKind::NAME_REF
                    )
                })
                .filter(|node| {
                    node.kind() == SyntaxKind::PATH
                        && self.node_start(node) == self.token_start(&token)
                        && crate::paths::path_needs_rewrite(node)
                })
                .last()
            {
                emitted_until = self.node_end(&path);
                self.emit_node(&path);
                continue;
            }
            let is_parameter_mut = token.kind() == SyntaxKind::MUT_KW
                && token.parent().is_some_and(|parent| {
                    parent.kind() == SyntaxKind::IDENT_PAT
                        && parent
                            .parent()
                            .is_some_and(|p| p.kind() == SyntaxKind::PARAM)
                        && ast::IdentPat::cast(parent.clone()).is_some_and(|ident| {
                            ident.ref_token().is_none() && ident.pat().is_none()
                        })
                });
            if is_parameter_mut {
                // The binding the body mutates is the prologue's `let mut p = p;`: the
                // parameter itself is only moved, which `unused_mut` must not report.
                let start = self.token_start(&token);
                self.generate("#[allow(unused_mut)] ", start, kind);
            }
            self.emit_token(&token);
        }
    }

    fn lower_gen_fn_body(
        &mut self,
        block: &ast::BlockExpr,
        is_async: bool,
        kind: DesugaringKind,
        rebindings: &[Rebinding],
        parameter_names: &[String],
        self_is_reference: bool,
    ) {
        let node = block.syntax().clone();
        let Some(statements) = block.stmt_list() else {
            self.emit_node(&node);
            return;
        };
        let (Some(l_curly), Some(r_curly)) =
            (statements.l_curly_token(), statements.r_curly_token())
        else {
            self.emit_node(&node);
            return;
        };
        let body = Body::Block(statements.clone());
        let (representation, plan) = if is_async {
            (Representation::AsyncGen, None)
        } else {
            let (inline, plan) =
                self.plan_movable(&body, CaptureMode::Move, parameter_names, self_is_reference);
            let representation = if inline {
                Representation::Gen
            } else {
                Representation::BoxedGen
            };
            (representation, plan)
        };
        let shape = Shape {
            representation,
            is_move: true,
            kind,
            plan,
            return_type: None,
        };
        let open_start = self.token_start(&l_curly);
        let open_end = self.token_end(&l_curly);
        self.copy_range(open_start, open_end);
        self.open_generator(&shape, open_end, open_end, "");
        if !self_is_reference {
            // A `self` taken by value moves into the body whole, as a parameter does (the body
            // may name only some of its fields, which an `async move` block would capture
            // alone, dropping the rest when the call returns).
            self.generate(" let _ = &self;", open_end, kind);
        }
        self.emit_rebindings(rebindings, open_end, kind);
        let close_start = self.token_start(&r_curly);
        let close_end = self.token_end(&r_curly);
        self.emit_generator_body(&shape, &body, open_end, close_start);
        self.close_generator(&shape, close_start, close_start);
        self.copy_range(close_start, close_end);
    }

    /// The prologue of a `gen fn` body: `let [mut] p = p;` for every identifier parameter, like
    /// `async fn`, and `let __yieldc_argN = __yieldc_argN; let PAT = __yieldc_argN;` for a
    /// parameter with any other (one-line) pattern. The bound `p` (and `mut p` when the parameter reads exactly so) is a copy of
    /// the parameter's text, mapped to it, so that a diagnostic about the binding ("has type
    /// `Rc<u8>` which is not `Send`", "unused variable", "variable does not need to be
    /// mutable") points at the parameter, as on nightly.
    fn emit_rebindings(&mut self, rebindings: &[Rebinding], anchor: usize, kind: DesugaringKind) {
        for rebinding in rebindings {
            if let Some(pattern) = &rebinding.pattern_range {
                let name = &rebinding.name;
                self.generate(&format!(" let {name} = {name}; let "), anchor, kind);
                self.out.copy(self.original, pattern.start, pattern.end);
                self.generate(&format!(" = {name};"), anchor, kind);
                continue;
            }
            let (start, end) = (rebinding.name_range.start, rebinding.name_range.end);
            let copied_mut = rebinding
                .mut_start
                .filter(|&mut_start| self.original.get(mut_start..start) == Some("mut "));
            match (rebinding.mut_start, copied_mut) {
                (_, Some(mut_start)) => {
                    self.generate(" let ", anchor, kind);
                    self.out.copy(self.original, mut_start, end);
                }
                (Some(_), None) => {
                    self.generate(" let mut ", anchor, kind);
                    self.out.copy(self.original, start, end);
                }
                (None, _) => {
                    self.generate(" let ", anchor, kind);
                    self.out.copy(self.original, start, end);
                }
            }
            self.generate(&format!(" = {};", rebinding.name), anchor, kind);
        }
    }

    /// `yield EXPR` → `__yieldc_co.yield_(EXPR).await`; bare `yield` →
    /// `__yieldc_co.yield_(()).await`. Inside a check copy, where nothing suspends (the copy's
    /// locals must not cross an `.await`: they would count in the generator's auto traits):
    /// `(__yieldc_co.__copy_yield(EXPR), { GUARDED_ASSIGNMENTS }).0`.
    ///
    /// In a closure nightly makes a coroutine (see
    /// [`yieldc_syntax::outline::is_implicit_coroutine_closure`]), lowered as a `#[coroutine]`
    /// one, its first `yield` also carries nightly's error (rustc goes on to type the closure as the
    /// coroutine it is, e.g. E0618 where it is called):
    ///
    /// ```text
    /// { const _: () = ::core::compile_error!("`yield` can only be used in .."); YIELD' }
    /// ```
    ///
    /// (In an item of its own, not the closure's body: an error expression in the body, as
    /// `(compile_error!(..), YIELD').1` was, taints the closure's type check, and rustc then
    /// stays silent about it, e.g. nightly's E0277 where it is passed for an `FnMut`, or its
    /// E0282 for a parameter whose type the `yield` needs.)
    pub(crate) fn lower_yield(&mut self, yield_expr: &ast::YieldExpr) {
        let node = yield_expr.syntax().clone();
        // Nightly reports once per closure, at its first `yield`.
        let in_implicit_coroutine = self.copy_plan.is_none()
            && self.macro_body.is_none()
            && own_closure(&node).is_some_and(|closure| {
                self.iter_macro_closure.as_ref() != Some(closure.syntax())
                    && is_implicit_coroutine_closure(&closure)
                    && closure
                        .syntax()
                        .descendants()
                        .filter(|candidate| candidate.kind() == SyntaxKind::YIELD_EXPR)
                        .find(|candidate| {
                            own_closure(candidate)
                                .is_some_and(|own| own.syntax() == closure.syntax())
                        })
                        .is_none_or(|first| first == node)
            });
        if !in_implicit_coroutine {
            self.lower_yield_expression(yield_expr);
            return;
        }
        let (start, end) = (self.node_start(&node), self.node_end(&node));
        let opening = format!(
            "{{ const _: () = {}::compile_error!(\"`yield` can only be used in `#[coroutine]` closures, or `gen` blocks\"); ",
            self.core_path()
        );
        self.out
            .generated(&opening, start..end, DesugaringKind::Yield);
        self.lower_yield_expression(yield_expr);
        self.generate(" }", end, DesugaringKind::Yield);
    }

    fn lower_yield_expression(&mut self, yield_expr: &ast::YieldExpr) {
        let node = yield_expr.syntax().clone();
        let Some(keyword) = yield_expr.yield_token() else {
            self.emit_children(&node);
            return;
        };
        let start = self.node_start(&node);
        let end = self.node_end(&node);
        let keyword_start = self.token_start(&keyword);
        let keyword_end = self.token_end(&keyword);
        if self.macro_body.is_some() {
            // In a `macro_rules!` transcriber: `yield e` → `__ym!( e)`, bare `yield` →
            // `__ym!(())`, resolved where the macro expands (see `macros.rs`).
            self.emit_children_within(&node, start, keyword_start);
            let open = if yield_expr.expr().is_some() {
                "__ym!("
            } else {
                "__ym!(()"
            };
            self.replace(keyword_start, keyword_end, open, DesugaringKind::Yield);
            self.emit_children_within(&node, keyword_end, end);
            self.generate(")", end, DesugaringKind::Yield);
            return;
        }
        // In a check copy, an operand with a type of its own (a closure, a nested generator)
        // is consumed apart: the copy's expression could not have the real body's type.
        let own_typed = self.copy_plan.is_some()
            && yield_expr
                .expr()
                .is_some_and(|operand| has_own_typed_expression(operand.syntax()));
        let open = if own_typed {
            "(::yieldc_rt::__consume("
        } else if self.copy_plan.is_some() {
            "(__yieldc_co.__copy_yield("
        } else if self.await_is_identifier() {
            "::yieldc_rt::__await!(__yieldc_co.yield_("
        } else {
            "__yieldc_co.yield_("
        };
        self.emit_children_within(&node, start, keyword_start);
        match yield_expr.expr() {
            None => {
                self.replace(
                    keyword_start,
                    keyword_end,
                    &format!("{open}()"),
                    DesugaringKind::Yield,
                );
                self.emit_children_within(&node, keyword_end, end);
                let close = self.yield_close(start);
                self.emit_yield_close(&close, start, end);
            }
            // (Not under attributes: `#[allow(..)] yield x;` must keep applying to the yield,
            // and attributes on a macro invocation are ignored with a warning.)
            Some(_) if self.copy_plan.is_none() && !under_attributes(&node) => {
                // `yield EXPR` → `__y!( EXPR)`: `EXPR` keeps its column (see `YIELD_MACRO`).
                self.replace(keyword_start, keyword_end, "__y!(", DesugaringKind::Yield);
                self.emit_children_within(&node, keyword_end, end);
                self.emit_yield_close(")", start, end);
                // The `)` makes the line one character longer: in `yield x; x += 3;` the space
                // after the `;` gives it back, so later code on the line keeps its column too.
                if let Some(semicolon) = node.last_token().and_then(|token| token.next_token())
                    && semicolon.kind() == SyntaxKind::SEMICOLON
                    && let Some(space) = semicolon.next_token()
                    && space.kind() == SyntaxKind::WHITESPACE
                    && space.text().starts_with(' ')
                    && !space.text().contains('\n')
                {
                    self.swallowed_space = Some(self.token_start(&space));
                }
            }
            Some(operand) => {
                self.replace(keyword_start, keyword_end, open, DesugaringKind::Yield);
                self.emit_children_within(&node, keyword_end, end);
                let mut close = self.yield_close(start);
                if own_typed {
                    // `(__consume(EXPR), { .. }, __yieldc_co.__copy_resume()).2`
                    close = close.replace(" }).0", " }, __yieldc_co.__copy_resume()).2");
                }
                let _ = operand;
                self.emit_yield_close(&close, start, end);
            }
        }
    }

    /// `EXPR.await` in an `async gen` body → `::yieldc_rt::__awaited(EXPR).await`: the awaited
    /// future is polled with the caller's waker, not the generator's frame context (see
    /// `yieldc_rt`'s `async_gen.rs`). `EXPR`, `.` and `await` keep their places.
    pub(crate) fn lower_awaited(&mut self, node: &SyntaxNode, operand: &SyntaxNode) {
        let start = self.node_start(node);
        let end = self.node_end(node);
        let operand_end = self.node_end(operand);
        self.generate("::yieldc_rt::__awaited(", start, DesugaringKind::Await);
        self.emit_node(operand);
        self.generate(")", operand_end, DesugaringKind::Await);
        self.emit_children_within(node, operand_end, end);
    }

    /// Postfix `EXPR.yield` → `__yieldc_co.yield_(EXPR).await`; in a check copy
    /// `(__yieldc_co.__copy_yield(EXPR), { GUARDED_ASSIGNMENTS }).0`.
    pub(crate) fn lower_postfix_yield(
        &mut self,
        await_expr: &ast::AwaitExpr,
        keyword: &SyntaxToken,
    ) {
        let node = await_expr.syntax().clone();
        let start = self.node_start(&node);
        let keyword_start = self.token_start(keyword);
        let keyword_end = self.token_end(keyword);
        let Some(operand) = await_expr.expr() else {
            self.emit_children(&node);
            return;
        };
        if self.macro_body.is_some() {
            // In a `macro_rules!` transcriber: `e.yield` → `__ym!(e)` (see `lower_yield`).
            self.generate("__ym!(", start, DesugaringKind::Yield);
            self.emit_node(operand.syntax());
            let operand_end = self.node_end(operand.syntax());
            self.replace(operand_end, keyword_end, ")", DesugaringKind::Yield);
            return;
        }
        let (open, keyword_text) = if self.copy_plan.is_some() {
            ("(__yieldc_co.__copy_yield(", "0")
        } else if self.await_is_identifier() {
            ("::yieldc_rt::__await!(__yieldc_co.yield_(", "")
        } else {
            ("__yieldc_co.yield_(", "await")
        };
        self.generate(open, start, DesugaringKind::Yield);
        self.emit_node(operand.syntax());
        let operand_end = self.node_end(operand.syntax());
        let close = self.yield_close(start);
        let close = close
            .trim_end_matches(".await")
            .trim_end_matches(".0")
            .to_owned();
        let end = self.node_end(&node);
        self.emit_yield_close(&close, start, end);
        if keyword_text.is_empty() {
            // `::yieldc_rt::__await!(__yieldc_co.yield_(EXPR))`: the `.yield` goes.
            self.replace(operand_end, keyword_end, "", DesugaringKind::Yield);
            return;
        }
        self.emit_children_within(&node, operand_end, keyword_start);
        self.replace(
            keyword_start,
            keyword_end,
            keyword_text,
            DesugaringKind::Yield,
        );
    }

    /// Emits the end of a lowered `yield`. In a check copy it carries the guarded assignments,
    /// mapped to the whole original `yield` expression: the driver points E0626's "possible
    /// yield occurs here" there.
    fn emit_yield_close(&mut self, close: &str, yield_start: usize, yield_end: usize) {
        if self.copy_plan.is_some() {
            self.out
                .generated(close, yield_start..yield_end, DesugaringKind::Yield);
        } else {
            self.generate(close, yield_end, DesugaringKind::Yield);
        }
    }

    /// `).await`, or inside a check copy `), { GUARDED_ASSIGNMENTS }).0`.
    fn yield_close(&self, yield_start: usize) -> String {
        if self.copy_plan.is_none() {
            return if self.await_is_identifier() {
                "))".to_owned()
            } else {
                ").await".to_owned()
            };
        }
        format!("), {}).0", self.guarded_assignments(yield_start))
    }

    /// In a check copy, `{ if ::yieldc_rt::__never() { x = ::yieldc_rt::__any(); } .. }` for
    /// every capture and every local in scope at the `yield` (or yielding macro invocation)
    /// at original offset `yield_start`.
    ///
    /// None for a `yield` of a generator nested in the copied one: it suspends the nested
    /// generator only, and the copied generator's borrows stay valid across it (an assignment
    /// there would make a closure around the nested generator capture the copy's locals by
    /// mutable reference: `FnMut`, and the generator it returns could not hold the borrow).
    fn guarded_assignments(&self, yield_start: usize) -> String {
        let Some(plan) = &self.copy_plan else {
            return "{ }".to_owned();
        };
        if self.nested_generators_in_copy > 0 {
            return "{ }".to_owned();
        }
        let mut names: Vec<&String> = plan.captures.iter().collect();
        names.extend(plan.shadows.iter().map(|(name, _)| name));
        if let Some(locals) = plan.yield_assigns.get(&yield_start) {
            for local in locals {
                if !names.contains(&local) {
                    names.push(local);
                }
            }
        }
        let mut text = String::from("{");
        for name in names {
            text.push_str(&format!(
                " if ::yieldc_rt::__never() {{ {name} = ::yieldc_rt::__any(); }}"
            ));
        }
        text.push_str(" }");
        text
    }

    /// In a check copy, after a statement that invokes a macro of this file that may yield
    /// (`call` at original `call_start..call_end`, analyzed as a `yield` there): the guarded
    /// assignments of a `yield`, so that a borrow live across the invocation is E0506 (the
    /// driver's E0626). Nothing when the call is not such a yield point.
    pub(crate) fn emit_macro_yield_assignments(&mut self, call_start: usize, call_end: usize) {
        let is_yield_point = self
            .copy_plan
            .as_ref()
            .is_some_and(|plan| plan.yield_assigns.contains_key(&call_start));
        if !is_yield_point {
            return;
        }
        let text = format!(" {}", self.guarded_assignments(call_start));
        self.out
            .generated(&text, call_start..call_end, DesugaringKind::Yield);
    }

    /// `iter!(|ARGS| BODY)` → a closure returning a new generator on each call, with nightly's
    /// captures: the parameters move into the generator, outer variables are borrowed from the
    /// closure (so it stays `Fn` and reusable). The parentheses keep it one expression
    /// (`iter!(..)()` calls the closure, not its body). For `iter!(move |ARGS| BODY)` the block
    /// is `async move` (and its check copy rebinds its captures): the generator takes the
    /// closure's captures by value, as nightly's `gen` closure does (there is no lending
    /// `Fn` for generators: a closure whose generator borrows a capture it owns, `v.iter()`,
    /// is `FnOnce`, one that copies them, `Copy` captures and references, stays `Fn`):
    ///
    /// ```text
    /// (|ARGS| { let __yieldc_args = ::core::ops::RangeFrom { start: (a, ..) };
    /// ::yieldc_rt::__gen!(__yieldc_co, inline, async [move] {
    ///     let __yieldc_co = __yieldc_co;
    ///     // parameters by value, even `Copy` ones (`RangeFrom` is not `Copy`)
    ///     let ::core::ops::RangeFrom { start: (a, ..) } = { __yieldc_args };
    ///     match ::yieldc_rt::__arm() { __Arm::Body => { BODY' } #[allow(..)] __Arm::Copy => { CHECK_COPY loop {} } }
    /// }) })
    /// ```
    ///
    /// A closure without `move` whose generator takes a mutable borrow of an outer variable is
    /// `FnOnce` on nightly (its generator moves the closure's `&mut` capture), and so is one
    /// whose generator moves a capture (rustc infers it from the move, and says so in a note
    /// nightly does not have): when the driver
    /// names it in [`crate::LowerOptions::fn_once_closures`], the closure is the argument of
    /// `::yieldc_rt::__onceN(..)` instead of the parentheses, which makes rustc infer it so
    /// (`N`: its parameter count).
    pub(crate) fn lower_iter_macro(&mut self, call: &ast::MacroCall) {
        let node = call.syntax().clone();
        let Some(reparsed) = self.reparse_macro_arguments(call) else {
            self.lower_macro_call(call);
            return;
        };
        let closure = reparsed
            .root
            .descendants()
            .find_map(ast::CallExpr::cast)
            .and_then(|call_expr| call_expr.arg_list())
            .and_then(|arguments| arguments.args().next())
            .and_then(|argument| match argument {
                ast::Expr::ClosureExpr(closure) => Some(closure),
                _ => None,
            });
        let Some(closure) = closure else {
            self.iter_macro_without_closure(&reparsed);
            self.lower_macro_call(call);
            return;
        };
        let Some(closure_body) = closure.body() else {
            self.lower_macro_call(call);
            return;
        };
        let call_start = self.node_start(&node);
        let call_end = self.node_end(&node);
        let saved_delta = self.delta;
        let saved_fast_path = self.fast_path;
        self.delta = reparsed.delta;
        self.fast_path = false;
        let closure_start = self.node_start(closure.syntax());
        let closure_end = self.node_end(closure.syntax());
        let body_start = self.node_start(closure_body.syntax());
        let body = self.closure_body(&closure_body);
        self.check_iter_macro_yield_gate(&body);
        self.check_iter_macro_awaits(&closure, &body);
        // Parameters are locals of the closure call that the gen move block captures.
        let mut parameter_names = Vec::new();
        // The original range of each name's first binding, where the text reads exactly so.
        let mut parameter_name_ranges: Vec<Option<std::ops::Range<usize>>> = Vec::new();
        if let Some(parameters) = closure.param_list() {
            for parameter in parameters.params() {
                if let Some(pat) = parameter.pat() {
                    crate::check_copy::binding_names(pat.syntax(), &mut parameter_names);
                    for ident in pat.syntax().descendants().filter_map(ast::IdentPat::cast) {
                        if parameter_name_ranges.len() >= parameter_names.len() {
                            break;
                        }
                        let Some(name) = ident.name() else { continue };
                        if parameter_names.get(parameter_name_ranges.len())
                            != Some(&name.text().to_string())
                        {
                            continue;
                        }
                        let range = self.node_start(name.syntax())..self.node_end(name.syntax());
                        let reads_so = self.original.get(range.clone()) == Some(name.text());
                        parameter_name_ranges.push(reads_so.then_some(range));
                    }
                }
            }
        }
        parameter_name_ranges.resize(parameter_names.len(), None);
        // The parameters travel in a non-`Copy` wrapper that the block moves out of: a plain
        // `let n = n;` would let the non-`move` block borrow a `Copy` parameter from the
        // closure call, which it outlives.
        let (outer_prologue, prologue) = if parameter_names.is_empty() {
            (String::new(), String::new())
        } else {
            let tuple: String = parameter_names
                .iter()
                .map(|name| format!("{name}, "))
                .collect();
            let core = self.core_path();
            (
                format!("{{ let __yieldc_args = {core}::ops::RangeFrom {{ start: ({tuple}) }}; "),
                format!(" let {core}::ops::RangeFrom {{ start: ("),
            )
        };
        let outer_epilogue = if outer_prologue.is_empty() { "" } else { " }" };
        let is_move = closure.move_token().is_some();
        let mode = if is_move {
            CaptureMode::Move
        } else {
            CaptureMode::Ref
        };
        let (mut inline, mut plan) = self.plan_movable(
            &body,
            mode,
            &parameter_names,
            enclosing_self_is_reference(&node),
        );
        if is_move
            && (inline || plan.is_some())
            && self.move_iter_macro_uses_captures(&body, &parameter_names, &node)
        {
            // Nightly's generator borrows the `move` closure's captures from the closure
            // (its body is borrow-checked as if each capture were a reference into the
            // closure), so a borrow of one across a `yield` is accepted; ours owns them, so
            // such a body cannot be proven: boxed. Its copy serves nightly's E0626 on the
            // parameters only (which the generator owns on nightly too): the captures are
            // neither rebound nor shadowed there.
            inline = false;
            plan = plan.map(|plan| Rc::new(plan.without_captures(&parameter_names)));
        }
        let representation = if inline {
            Representation::Gen
        } else {
            Representation::BoxedGen
        };
        let shape = Shape {
            representation,
            is_move,
            kind: DesugaringKind::IterMacro,
            plan,
            return_type: None,
        };
        self.delta = saved_delta;
        // Parentheses only where what follows would otherwise extend the closure's body
        // (`iter!(..).take(3)`, `iter!(..)(x)`): elsewhere they are `unused_parens`, an
        // error under `#![deny(warnings)]`.
        let (open, close) = if ends_an_expression(&node) {
            ("", "")
        } else {
            ("(", ")")
        };
        // A closure the driver names as one to be `FnOnce` (see `LowerOptions::
        // fn_once_closures`) is the argument of `__onceN` (a call: no parentheses needed).
        let arity = closure
            .param_list()
            .map_or(0, |parameters| parameters.params().count());
        // An offset in the body names the innermost `iter!` closure around it: not one in a
        // nested `iter!` invocation.
        let nested_iter_calls: Vec<std::ops::Range<usize>> = closure_body
            .syntax()
            .descendants()
            .filter_map(ast::MacroCall::cast)
            .filter(|nested| {
                nested
                    .path()
                    .and_then(|path| path.segment())
                    .is_some_and(|segment| segment.to_string() == "iter")
            })
            .map(|nested| {
                // Relative to the closure in the same tree (substitutions keep lengths).
                let tree_start = usize::from(closure.syntax().text_range().start());
                let range = nested.syntax().text_range();
                let start = usize::from(range.start()).saturating_sub(tree_start);
                let end = usize::from(range.end()).saturating_sub(tree_start);
                closure_start + start..closure_start + end
            })
            .collect();
        let fn_once = arity <= FN_ONCE_MAX_ARITY
            && self.options.fn_once_closures.iter().any(|offset| {
                (closure_start..body_start).contains(offset)
                    || ((body_start..closure_end).contains(offset)
                        && !nested_iter_calls.iter().any(|call| call.contains(offset)))
            });
        let once_call = format!("::yieldc_rt::__once{arity}(");
        let (open, close) = if fn_once {
            (once_call.as_str(), ")")
        } else {
            (open, close)
        };
        // `iter!(` becomes as many spaces (after the parenthesis, if any) on its line: the
        // generator's invocation then starts at the body's column, where nightly reports a
        // resumption after a panic.
        let head = self
            .original
            .get(call_start..closure_start)
            .unwrap_or_default();
        let open = if head.contains('\n') {
            // Never empty: the driver finds an `iter!` closure's head by the generated text
            // before it (see its `in_iter_closure_head`); a space at the end of a line.
            if open.is_empty() { " " } else { open }.to_owned()
        } else {
            let width = head.chars().count().saturating_sub(open.len());
            format!("{open}{}", " ".repeat(width))
        };
        self.replace(call_start, closure_start, &open, DesugaringKind::IterMacro);
        self.delta = reparsed.delta;
        let reparsed_root = reparsed.root.clone();
        self.emit_children_within(closure.syntax(), closure_start, body_start);
        let saved_iter_macro_closure = self.iter_macro_closure.replace(closure.syntax().clone());
        match &body {
            Body::Block(statements) => {
                let (Some(l_curly), Some(r_curly)) =
                    (statements.l_curly_token(), statements.r_curly_token())
                else {
                    self.iter_macro_closure = saved_iter_macro_closure;
                    return;
                };
                let open_start = self.token_start(&l_curly);
                let open_end = self.token_end(&l_curly);
                self.generate(&outer_prologue, open_start, DesugaringKind::IterMacro);
                self.open_generator(&shape, open_start, open_end, "");
                self.emit_iter_parameter_bindings(
                    &prologue,
                    &parameter_names,
                    &parameter_name_ranges,
                    open_end,
                );
                let close_start = self.token_start(&r_curly);
                let close_end = self.token_end(&r_curly);
                self.emit_generator_body(&shape, &body, open_end, close_start);
                self.close_generator(&shape, close_start, close_end);
                self.generate(outer_epilogue, close_end, DesugaringKind::IterMacro);
                self.emit_children_within(closure.syntax(), close_end, closure_end);
            }
            Body::Expr(expr) => {
                let expr_start = self.node_start(expr);
                let expr_end = self.node_end(expr);
                self.generate(&outer_prologue, expr_start, DesugaringKind::IterMacro);
                self.open_generator(&shape, expr_start, expr_start, "");
                self.emit_iter_parameter_bindings(
                    &prologue,
                    &parameter_names,
                    &parameter_name_ranges,
                    expr_start,
                );
                self.emit_generator_body(&shape, &body, expr_start, expr_end);
                self.close_generator(&shape, expr_end, expr_end);
                self.generate(outer_epilogue, expr_end, DesugaringKind::IterMacro);
            }
        }
        self.iter_macro_closure = saved_iter_macro_closure;
        let _ = reparsed_root;
        self.delta = saved_delta;
        self.fast_path = saved_fast_path;
        self.replace(closure_end, call_end, close, DesugaringKind::IterMacro);
    }

    /// Whether the body of an `iter!(move ..)` closure uses a variable of the closure's
    /// (anything its check copy would rebind or shadow besides the parameters). The same
    /// answer inside and outside a check copy (the representations must agree).
    fn move_iter_macro_uses_captures(
        &self,
        body: &Body,
        parameter_names: &[String],
        node: &SyntaxNode,
    ) -> bool {
        match crate::check_copy::analyze(
            self,
            body,
            CaptureMode::Move,
            parameter_names,
            enclosing_self_is_reference(node),
        ) {
            Ok(plan) => {
                !plan.shadows.is_empty()
                    || plan
                        .captures
                        .iter()
                        .any(|name| !parameter_names.contains(name))
            }
            Err(_) => true,
        }
    }

    /// `iter!` whose body is no closure (`iter!(5)`, the old `iter! { yield 1; }`): nightly's
    /// "`iter!` body must be a closure" at the body's first expression, and, when tokens follow
    /// it, the parse error at the next `;` or `,`.
    fn iter_macro_without_closure(&mut self, reparsed: &crate::macros::Reparsed) {
        let Some(first) = reparsed.items.first() else {
            return;
        };
        let expression = match ast::ExprStmt::cast(first.clone()) {
            Some(statement) => statement.expr().map(|expr| expr.syntax().clone()),
            None => ast::Expr::cast(first.clone()).map(|expr| expr.syntax().clone()),
        };
        let Some(expression) = expression else {
            return;
        };
        let saved_delta = self.delta;
        self.delta = reparsed.delta;
        let span = self.span_of(&expression);
        let mut next = expression.last_token().and_then(|token| token.next_token());
        while next.as_ref().is_some_and(|token| token.kind().is_trivia()) {
            next = next.and_then(|token| token.next_token());
        }
        // What follows the expression inside the macro; at its end, rustc reports `<eof>` at
        // the expression's last token.
        let follower = match next.filter(|token| self.token_start(token) < reparsed.inner_end) {
            Some(token) => {
                matches!(token.kind(), SyntaxKind::SEMICOLON | SyntaxKind::COMMA).then(|| {
                    let start = self.token_start(&token);
                    (token.text().to_owned(), start..self.token_end(&token))
                })
            }
            None => expression.last_token().map(|token| {
                let start = self.token_start(&token);
                ("<eof>".to_owned(), start..self.token_end(&token))
            }),
        };
        self.delta = saved_delta;
        self.error(yieldc_syntax::Diagnostic::error(
            None,
            "`iter!` body must be a closure",
            span,
        ));
        if let Some((text, range)) = follower {
            let mut diagnostic = yieldc_syntax::Diagnostic::error(
                None,
                format!("expected one of `.`, `?`, or an operator, found `{text}`"),
                yieldc_syntax::Span {
                    start: range.start,
                    end: range.end,
                },
            );
            diagnostic.primary_label = "expected one of `.`, `?`, or an operator".into();
            self.error(diagnostic);
        }
    }

    /// `gen unsafe fn` (nightly's order): the parser leaves `[async] gen` in error nodes before
    /// the `unsafe fn`; they are removed (the fn itself is lowered by [`Self::lower_gen_fn`]).
    /// Returns whether `node` was such an error node.
    pub(crate) fn lower_gen_fn_qualifier_error(&mut self, node: &SyntaxNode) -> bool {
        let mut sibling = node.next_sibling();
        for _ in 0..2 {
            let Some(candidate) = sibling else {
                return false;
            };
            if let Some(function) = ast::Fn::cast(candidate.clone()) {
                let Some((gen_token, async_token)) =
                    yieldc_syntax::outline::gen_fn_qualifiers(&function)
                else {
                    return false;
                };
                let kind = if async_token.is_some() {
                    DesugaringKind::AsyncGenFn
                } else {
                    DesugaringKind::GenFn
                };
                let is_qualifier = [Some(gen_token), async_token]
                    .into_iter()
                    .flatten()
                    .any(|token| token.parent().as_ref() == Some(node));
                if !is_qualifier {
                    return false;
                }
                let (start, end) = (self.node_start(node), self.node_end(node));
                self.replace(start, end, "", kind);
                return true;
            }
            sibling = candidate.next_sibling();
        }
        false
    }

    /// `yield` in `iter!` is gated by `yield_expr` (or `coroutines`), not by `iter_macro`:
    /// without either, each of the body's own `yield`s is nightly's E0658 (twice, as nightly
    /// reports it).
    fn check_iter_macro_yield_gate(&mut self, body: &Body) {
        let gates_known = self.options.is_crate_root || !self.options.crate_features.is_empty();
        if !gates_known
            || self.copy_plan.is_some()
            || self.outline.feature_enabled("yield_expr")
            || self.outline.feature_enabled("coroutines")
        {
            return;
        }
        let body = body.node();
        let own_yields: Vec<SyntaxNode> = std::iter::once(body.clone())
            .chain(body.descendants())
            .filter(|node| node.kind() == SyntaxKind::YIELD_EXPR)
            .filter(|node| {
                !node
                    .ancestors()
                    .skip(1)
                    .take_while(|a| a != &body)
                    .any(|ancestor| {
                        matches!(ancestor.kind(), SyntaxKind::CLOSURE_EXPR | SyntaxKind::FN)
                            || ast::BlockExpr::cast(ancestor).is_some_and(|block| {
                                block.async_token().is_some() || block.gen_token().is_some()
                            })
                    })
            })
            .collect();
        for yield_node in own_yields {
            let span = self.span_of(&yield_node);
            for _ in 0..2 {
                self.error(yieldc_syntax::Diagnostic::missing_feature(
                    "yield syntax is experimental",
                    "yield_expr",
                    43122,
                    span,
                ));
            }
        }
    }

    /// `.await` and `for await` of an `iter!` closure's own body: nightly's E0728 (the body is
    /// a sync generator's), at the `await` keyword or the loop's iterable, with "this is not
    /// `async`" on the closure's head. The lowered body is an `async` block, where they would
    /// compile; the front end's outline does not see into the macro's arguments.
    fn check_iter_macro_awaits(&mut self, closure: &ast::ClosureExpr, body: &Body) {
        if self.copy_plan.is_some() {
            return;
        }
        let body = body.node();
        // The sync body an `.await` at `node` belongs to: the closure's own, or a `gen` block
        // nested in it; an `async` body, another closure or fn (whose errors are stable's own)
        // is no concern here.
        enum Owner {
            Closure,
            GenBlock(SyntaxNode),
            Other,
        }
        let owner = |node: &SyntaxNode| {
            for ancestor in node.ancestors().skip(1) {
                if ancestor == body {
                    return Owner::Closure;
                }
                if matches!(ancestor.kind(), SyntaxKind::CLOSURE_EXPR | SyntaxKind::FN) {
                    return Owner::Other;
                }
                if let Some(block) = ast::BlockExpr::cast(ancestor.clone()) {
                    match (block.async_token().is_some(), block.gen_token().is_some()) {
                        (false, true) => return Owner::GenBlock(ancestor),
                        (true, _) => return Owner::Other,
                        (false, false) => {}
                    }
                }
            }
            Owner::Other
        };
        let mut primaries = Vec::new();
        for node in std::iter::once(body.clone()).chain(body.descendants()) {
            let primary = if let Some(await_expr) = ast::AwaitExpr::cast(node.clone()) {
                let Some(keyword) = await_expr.await_token() else {
                    continue;
                };
                let start = self.token_start(&keyword);
                if self.substitution_kind_at(start)
                    == Some(yieldc_syntax::outline::SubstitutionKind::PostfixYield)
                {
                    continue;
                }
                yieldc_syntax::Span::new(start, self.token_end(&keyword))
            } else if let Some(for_expr) = ast::ForExpr::cast(node.clone()) {
                if !self.is_for_await(&for_expr) {
                    continue;
                }
                let Some(iterable) = for_expr.iterable() else {
                    continue;
                };
                self.span_of(iterable.syntax())
            } else {
                continue;
            };
            match owner(&node) {
                Owner::Closure => primaries.push((primary, None)),
                Owner::GenBlock(block) => primaries.push((primary, Some(self.span_of(&block)))),
                Owner::Other => {}
            }
        }
        if primaries.is_empty() {
            return;
        }
        // The closure's head, as rustc's current item: `move |x| -> T`, without its body.
        let head_start = [
            closure.static_token().map(|token| self.token_start(&token)),
            closure.move_token().map(|token| self.token_start(&token)),
            closure
                .param_list()
                .map(|list| self.node_start(list.syntax())),
        ]
        .into_iter()
        .flatten()
        .min();
        let head_end = closure
            .ret_type()
            .map(|ret| self.node_end(ret.syntax()))
            .or_else(|| {
                closure
                    .param_list()
                    .map(|list| self.node_end(list.syntax()))
            });
        for (primary, gen_block) in primaries {
            let mut error = yieldc_syntax::Diagnostic::error(
                Some("E0728"),
                "`await` is only allowed inside `async` functions and blocks",
                primary,
            )
            .with_primary_label("only allowed inside `async` functions and blocks");
            let item = gen_block.or(match (head_start, head_end) {
                (Some(start), Some(end)) => Some(yieldc_syntax::Span::new(start, end)),
                _ => None,
            });
            if let Some(item) = item {
                error = error.with_label(item, "this is not `async`");
            }
            self.error(error);
        }
    }

    /// Qualifiers nightly's parser refuses around `gen`, with nightly's errors:
    /// - `unsafe gen fn`, `const unsafe gen fn` (the parser keeps the qualifiers in an error
    ///   node before the fn): "expected one of `extern` or `fn`, found reserved keyword `gen`"
    ///   (or "keyword `async`" for `unsafe async gen fn`), at that keyword;
    /// - `extern "C" gen fn`, `unsafe extern gen fn`: "expected `fn`, found ..";
    /// - `const gen fn`, `const async gen fn` (parsed, refused by nightly's AST validation):
    ///   "functions cannot be both `const` and `gen`" and "`gen` fn bodies are not allowed in
    ///   constant functions" on the body.
    fn check_gen_fn_qualifier_order(&mut self, function: &ast::Fn) {
        let Some(gen_token) = function.gen_token() else {
            return;
        };
        let (found, what) = match function.async_token() {
            Some(async_token) => (async_token, "keyword `async`"),
            None => (gen_token.clone(), "reserved keyword `gen`"),
        };
        let mut previous = function.syntax().prev_sibling_or_token();
        while let Some(element) = &previous {
            if !element.kind().is_trivia() {
                break;
            }
            previous = element.prev_sibling_or_token();
        }
        let error_node = previous
            .and_then(|element| element.into_node())
            .filter(|node| node.kind() == SyntaxKind::ERROR);
        if let Some(error) = error_node {
            // Visibility (`pub unsafe gen fn`) is not a qualifier.
            let tokens: Vec<SyntaxToken> = error
                .descendants_with_tokens()
                .filter_map(|element| element.into_token())
                .filter(|token| !token.kind().is_trivia())
                .filter(|token| {
                    !token
                        .parent_ancestors()
                        .any(|ancestor| ancestor.kind() == SyntaxKind::VISIBILITY)
                })
                .collect();
            let all_qualifiers = tokens.iter().all(|token| {
                matches!(
                    token.kind(),
                    SyntaxKind::CONST_KW
                        | SyntaxKind::ASYNC_KW
                        | SyntaxKind::UNSAFE_KW
                        | SyntaxKind::EXTERN_KW
                        | SyntaxKind::STRING
                )
            });
            let expected = match tokens.last().map(|token| token.kind()) {
                Some(SyntaxKind::UNSAFE_KW) => Some("one of `extern` or `fn`"),
                Some(SyntaxKind::EXTERN_KW | SyntaxKind::STRING)
                    if error
                        .children()
                        .any(|child| child.kind() == SyntaxKind::ABI) =>
                {
                    Some("`fn`")
                }
                _ => None,
            };
            if let (true, Some(expected)) = (all_qualifiers, expected) {
                let span =
                    yieldc_syntax::Span::new(self.token_start(&found), self.token_end(&found));
                self.error(
                    yieldc_syntax::Diagnostic::error(
                        None,
                        format!("expected {expected}, found {what}"),
                        span,
                    )
                    .with_primary_label(format!("expected {expected}")),
                );
                return;
            }
        }
        if let Some(const_token) = function.const_token() {
            let kind = if function.async_token().is_some() {
                "async gen"
            } else {
                "gen"
            };
            let kind_start = function
                .async_token()
                .map_or_else(|| self.token_start(&gen_token), |t| self.token_start(&t));
            let kind_span = yieldc_syntax::Span::new(kind_start, self.token_end(&gen_token));
            let const_span = yieldc_syntax::Span::new(
                self.token_start(&const_token),
                self.token_end(&const_token),
            );
            let item_start = function
                .syntax()
                .children_with_tokens()
                .find(|element| {
                    !element.kind().is_trivia()
                        && !matches!(element.kind(), SyntaxKind::ATTR | SyntaxKind::COMMENT)
                })
                .map_or(const_span.start, |element| self.start_of(&element));
            let item_span = yieldc_syntax::Span::new(item_start, self.node_end(function.syntax()));
            self.error(
                yieldc_syntax::Diagnostic::error(
                    None,
                    format!("functions cannot be both `const` and `{kind}`"),
                    const_span,
                )
                .with_primary_label("`const` because of this")
                .with_primary_span(kind_span, format!("`{kind}` because of this"))
                .with_label(item_span, ""),
            );
            if let Some(body) = function.body() {
                self.error(yieldc_syntax::Diagnostic::error(
                    None,
                    format!("`{kind}` fn bodies are not allowed in constant functions"),
                    self.span_of(body.syntax()),
                ));
            }
        }
    }
}

/// Whether the token after `node` ends the expression `node` is in (`;`, `,`, a closing
/// delimiter, `=>`, or nothing), so that a closure written there needs no parentheses.
fn ends_an_expression(node: &SyntaxNode) -> bool {
    let mut next = node.last_token().and_then(|token| token.next_token());
    while let Some(token) = &next {
        if !token.kind().is_trivia() {
            break;
        }
        next = token.next_token();
    }
    next.is_none_or(|token| {
        matches!(
            token.kind(),
            SyntaxKind::SEMICOLON
                | SyntaxKind::COMMA
                | SyntaxKind::R_PAREN
                | SyntaxKind::R_CURLY
                | SyntaxKind::R_BRACK
                | SyntaxKind::FAT_ARROW
        )
    })
}

/// Whether `self` in the function enclosing `node` is a reference (`&self`, `&mut self`) or
/// absent: then a generator's use of `self` borrows nothing of its own.
pub(crate) fn enclosing_self_is_reference(node: &SyntaxNode) -> bool {
    for ancestor in node.ancestors() {
        if let Some(function) = ast::Fn::cast(ancestor) {
            return match function.param_list().and_then(|list| list.self_param()) {
                Some(self_parameter) => self_parameter.amp_token().is_some(),
                None => true,
            };
        }
    }
    true
}

/// Whether `expr` contains an expression whose type no other expression has (a closure, an
/// `async` or `gen` block), outside nested items.
fn has_own_typed_expression(expr: &SyntaxNode) -> bool {
    std::iter::once(expr.clone())
        .chain(expr.descendants())
        .any(|node| match node.kind() {
            SyntaxKind::CLOSURE_EXPR => true,
            SyntaxKind::BLOCK_EXPR => ast::BlockExpr::cast(node)
                .is_some_and(|block| block.async_token().is_some() || block.gen_token().is_some()),
            _ => false,
        })
}

/// Whether `yield_node` or the statement it is the expression of carries attributes.
fn under_attributes(yield_node: &SyntaxNode) -> bool {
    let has_attr = |node: &SyntaxNode| node.children().any(|c| c.kind() == SyntaxKind::ATTR);
    has_attr(yield_node)
        || yield_node
            .parent()
            .is_some_and(|parent| parent.kind() == SyntaxKind::EXPR_STMT && has_attr(&parent))
}

/// Whether a body's tail expression may have a type other than `()` (control flow and blocks,
/// whose type is `()` or `!` in a valid body, are left alone).
fn may_be_a_value(tail: &SyntaxNode) -> bool {
    !matches!(
        tail.kind(),
        SyntaxKind::FOR_EXPR
            | SyntaxKind::WHILE_EXPR
            | SyntaxKind::LOOP_EXPR
            | SyntaxKind::IF_EXPR
            | SyntaxKind::MATCH_EXPR
            | SyntaxKind::BLOCK_EXPR
            | SyntaxKind::YIELD_EXPR
            | SyntaxKind::RETURN_EXPR
            | SyntaxKind::BREAK_EXPR
            | SyntaxKind::CONTINUE_EXPR
            | SyntaxKind::MACRO_EXPR
            | SyntaxKind::TUPLE_EXPR
            | SyntaxKind::AWAIT_EXPR
    )
}
