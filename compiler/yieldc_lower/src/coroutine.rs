//! General coroutines: `#[coroutine] [static] [move] |ARG| BODY`.

use yieldc_syntax::ra_ap_syntax::ast::{self, AstNode};
use yieldc_syntax::ra_ap_syntax::{NodeOrToken, SyntaxKind, SyntaxNode};

use crate::check_copy::CaptureMode;
use crate::generator::{Body, Representation, Shape, enclosing_self_is_reference};
use crate::lowerer::Lowerer;
use crate::source_map::DesugaringKind;

impl Lowerer<'_> {
    /// `#[coroutine] [static] [move] |PAT[: T]| { BODY }`:
    ///
    /// ```text
    /// ::yieldc_rt::__coroutine!(__yieldc_co, inline, async [move] {
    ///         let __yieldc_co = __yieldc_co;
    ///         let PAT[: T] = __yieldc_co.first_resume_arg().await;   // with a parameter
    ///         let _: &::yieldc_rt::Co<_, ()> = &__yieldc_co;        // without: resume type `()`
    ///         if ::yieldc_rt::__never() { return ::yieldc_rt::__any::<RET>(); } // with `-> RET`
    ///         match ::yieldc_rt::__arm() { __Arm::Body => { BODY' } #[allow(..)] __Arm::Copy => { CHECK_COPY loop {} } }
    ///     })
    /// ```
    /// where `yield e` evaluates to the next resume argument. `static` closures use
    /// `::yieldc_rt::StaticCoro` (no check copy: pinned); movable ones without a sound check
    /// copy use `::yieldc_rt::BoxedCoro`.
    pub(crate) fn lower_coroutine_closure(&mut self, closure: &ast::ClosureExpr) {
        let node = closure.syntax().clone();
        let Some(closure_body) = closure.body() else {
            self.emit_children(&node);
            return;
        };
        let parameters: Vec<ast::Param> = closure
            .param_list()
            .map(|list| list.params().collect())
            .unwrap_or_default();
        if parameters.len() > 1 {
            // On the parameter list `|a, b|`, as nightly reports it.
            let parameter_list = closure.param_list().map(|list| list.syntax().clone());
            self.error(yieldc_syntax::Diagnostic::error(
                Some("E0628"),
                "too many parameters for a coroutine (expected 0 or 1 parameters)",
                self.span_of(parameter_list.as_ref().unwrap_or(&node)),
            ));
        }
        let is_static = closure.static_token().is_some();
        let is_move = closure.move_token().is_some();
        let body = self.closure_body(&closure_body);
        let mut parameter_names = Vec::new();
        for parameter in &parameters {
            if let Some(pat) = parameter.pat() {
                crate::check_copy::binding_names(pat.syntax(), &mut parameter_names);
            }
        }
        let (representation, plan) = if is_static {
            (Representation::StaticCoro, None)
        } else {
            let mode = if is_move {
                CaptureMode::Move
            } else {
                CaptureMode::Ref
            };
            let (inline, plan) = self.plan_movable(
                &body,
                mode,
                &parameter_names,
                enclosing_self_is_reference(&node),
            );
            let representation = if inline {
                Representation::Coro
            } else {
                Representation::BoxedCoro
            };
            (representation, plan)
        };
        let shape = Shape {
            representation,
            is_move,
            kind: DesugaringKind::CoroutineClosure,
            plan,
            // On the check copy's one line: its tokens without trivia (no newline, no comment).
            return_type: closure.ret_type().and_then(|ret| ret.ty()).map(|ty| {
                ty.syntax()
                    .descendants_with_tokens()
                    .filter_map(|element| element.into_token())
                    .filter(|token| !token.kind().is_trivia())
                    .map(|token| token.text().to_owned())
                    .collect::<Vec<_>>()
                    .join(" ")
            }),
        };
        let start = self.node_start(&node);
        let (open_end, close) = match &body {
            Body::Block(statements) => {
                match (statements.l_curly_token(), statements.r_curly_token()) {
                    (Some(l_curly), Some(r_curly)) => (
                        self.token_end(&l_curly),
                        Some((self.token_start(&r_curly), self.token_end(&r_curly))),
                    ),
                    _ => {
                        self.emit_children(&node);
                        return;
                    }
                }
            }
            Body::Expr(expr) => (self.node_start(expr), None),
        };
        // The attributes become spaces, so that the runtime's macro starts at the closure's own
        // first token (`static`, `move` or `|`): nightly reports a resumption after completion
        // or after a panic there.
        let head = self.closure_head_start(&node);
        if self.copy_plan.is_none() {
            self.newlines_of(start, head);
            let head_line = &self.original[start..head];
            let columns = head_line
                .rsplit('\n')
                .next()
                .unwrap_or_default()
                .chars()
                .count();
            self.generate(
                &" ".repeat(columns),
                start,
                DesugaringKind::CoroutineClosure,
            );
        }
        let start = head;
        // A declared return type `-> T` stays on its line as the type of a `return` that never
        // runs at the start of the body: the `async` block's output is then `T`, so the body's
        // value, its `return`s and its `?`s are checked against it (E0308 on the body's value).
        let return_type = closure.ret_type().and_then(|ret| ret.ty());
        let head_end = return_type
            .as_ref()
            .map(|ty| self.node_start(ty.syntax()))
            .unwrap_or(open_end);
        // The head (`static`, `move`, parameters) is replaced; the parameter is re-emitted inside
        // the prologue on the same line.
        match parameters.first() {
            Some(parameter) => {
                let parameter_start = self.node_start(parameter.syntax());
                let parameter_end = self.node_end(parameter.syntax());
                self.newlines_of(start, parameter_start);
                self.open_generator(&shape, start, start, " let ");
                match (parameter.pat(), parameter.ty()) {
                    (Some(pat), Some(ty)) => {
                        self.emit_node(pat.syntax());
                        self.generate(": ", parameter_start, DesugaringKind::CoroutineClosure);
                        self.emit_node(ty.syntax());
                    }
                    _ => self.emit_node(parameter.syntax()),
                }
                let resume_argument = self.awaited(" = ", "__yieldc_co.first_resume_arg()", ";");
                self.generate(
                    &resume_argument,
                    parameter_end,
                    DesugaringKind::CoroutineClosure,
                );
                self.replace(
                    parameter_end,
                    head_end,
                    "",
                    DesugaringKind::CoroutineClosure,
                );
            }
            None => {
                self.open_generator(
                    &shape,
                    start,
                    head_end,
                    " let _: &::yieldc_rt::Co<_, ()> = &__yieldc_co;",
                );
            }
        }
        if let Some(ty) = &return_type {
            let ty_start = self.node_start(ty.syntax());
            let ty_end = self.node_end(ty.syntax());
            self.generate(
                " if ::yieldc_rt::__never() { return ::yieldc_rt::__any::<",
                ty_start,
                DesugaringKind::CoroutineClosure,
            );
            self.emit_node(ty.syntax());
            self.replace(ty_end, open_end, ">(); }", DesugaringKind::CoroutineClosure);
        }
        let end = self.node_end(&node);
        let close_anchor = close.map(|(close_start, _)| close_start).unwrap_or(end);
        self.emit_generator_body(&shape, &body, open_end, close_anchor);
        match close {
            Some((close_start, close_end)) => {
                self.close_generator(&shape, close_start, close_end);
                self.emit_children_within(&node, close_end, end);
            }
            None => self.close_generator(&shape, end, end),
        }
    }

    /// The offset of a closure's first token after its attributes (and trivia).
    fn closure_head_start(&self, node: &SyntaxNode) -> usize {
        for element in node.children_with_tokens() {
            match element {
                NodeOrToken::Node(child) if child.kind() == SyntaxKind::ATTR => continue,
                NodeOrToken::Node(child) => return self.node_start(&child),
                NodeOrToken::Token(token) if token.kind().is_trivia() => continue,
                NodeOrToken::Token(token) => return self.token_start(&token),
            }
        }
        self.node_start(node)
    }
}
