//! The check copy's analysis: which locals are in scope at each `yield`, which bindings must be
//! made assignable, which captures must be rebound, and whether a sound copy can be built at
//! all (architecture.md, "Check copy").
//!
//! Soundness argument, per rule (each failing rule means the boxed representation):
//! - every body local in scope at a `yield` gets a guarded assignment there, so any borrow of
//!   it that is live across the `yield` is E0506;
//! - bindings: a top-level identifier of a `let` gets `mut`; every other binding (nested in a
//!   pattern, `ref`, `for`/`match`/`if let`/`while let`) is rebound `let mut x = x;` where its
//!   scope starts, so the assignment hits the binding the later code uses (inserting `mut`
//!   into a nested pattern would change its binding mode in edition 2024);
//! - a `yield` where a binding is visible but not yet rebound (match guard, `if let` chain)
//!   cannot be checked: boxed;
//! - shadowing: a name bound twice in nested scopes, or both bound and used as a capture, would
//!   let a borrow of the shadowed binding escape the assignment: boxed;
//! - captures of a `move` body (and `gen fn` parameters, coroutine parameters) are rebound at
//!   the top of the copy. One used only through fields (`p.a`, edition 2021+) is not (that
//!   would capture all of `p`): a variable that every binding makes a reference
//!   (`reference_bindings`) is rebound whole (the capture is `p` either way); one that every
//!   binding makes owned (`owned_bindings`) gets a shadow local per place,
//!   `let mut s = __shadow(addr_of!(p.a));`, that the copy names instead and assigns at every
//!   `yield` (same captured places, and a borrow of the place is one of the shadow); any other
//!   means boxed (a shadow would make a borrow through a reference, which nightly lets cross a
//!   `yield`, E0506). First, one whose field accesses are all moved or copied whole
//!   (`0..p.n`, `yield p.a`, see `is_whole_value_use`) is left alone: nothing borrows it, so no
//!   borrow of it can cross a `yield`, owned or a reference. A non-`move` body's captures cannot be rebound without changing how it captures
//!   them, so each outer variable may only be borrowed (`&x`) and called, or only
//!   moved or copied whole and called (`let w = x`, `f(x)`, `0..x`, `x * 2`: never borrowed,
//!   so no borrow of it can cross a `yield`, whether it is captured by value or, being `Copy`,
//!   by reference). A variable that may be captured by value and is also borrowed (a method
//!   receiver, a field, `==`, a macro argument, `&x`) could be borrowed across a `yield`:
//!   boxed;
//! - `self` by value cannot be rebound: boxed; so neither can a lower-case constant or static
//!   used by a `move` body (E0530, a move out of a static; a copy of either in a local would
//!   make a borrow of it, which nightly accepts across a `yield`, E0506): boxed;
//! - a macro whose arguments are neither expressions nor statements cannot be seen: boxed;
//! - a body that invokes a macro of the file that may yield is boxed whatever the copy says
//!   (the copy cannot see inside the macro, e.g. a borrow taken and released within it); its
//!   copy only serves nightly's E0626, and exists only when every such invocation is a
//!   statement (`m!(..);`) of a macro whose every rule yields outside a repetition: the guarded
//!   assignments follow the statement, so a borrow live across it is E0506. (A macro that may
//!   not yield would make the copy reject what nightly accepts: no copy.)
//! - temporaries are not locals: the copy wraps a `for`/`match`/`if let`/`while let` header
//!   around a `yield` in its own statement (E0716 if the iteration borrows a temporary of it);
//!   a `let` whose initializer borrows a temporary (lifetime extension, `let r = &f();`) and a
//!   statement with a `yield` inside a larger expression that borrows a temporary: boxed;
//! - items whose duplication changes meaning (`impl`, `trait`, `static`, attributes), tokens
//!   spanning lines (the copy sits on one line), a `yield` in the arguments of a call to a
//!   callee that may be a captured variable (a name that an identifier pattern of the file
//!   binds; any other names an item): boxed.

use std::collections::HashMap;

use yieldc_syntax::outline::SubstitutionKind;
use yieldc_syntax::ra_ap_syntax::ast::{
    self, AstNode, HasArgList, HasGenericArgs, HasLoopBody, HasName,
};
use yieldc_syntax::ra_ap_syntax::{NodeOrToken, SyntaxKind, SyntaxNode};

use crate::generator::Body;
use crate::lowerer::{CopyPlan, Lowerer};

/// How the generator takes the variables it mentions from outside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CaptureMode {
    /// `move`: by value, rebound at the top of the copy.
    Move,
    /// Not `move`: by reference where possible (only reference uses are accepted).
    Ref,
}

/// Why no sound check copy exists.
pub(crate) type Refusal = String;

/// The most guarded assignments (one per local in scope per `yield`) a check copy may have.
/// rustc's borrow check of a copy grows faster than its number of assignments (one generator
/// of 40 `let`/`yield` pairs, 820 assignments: 0.36 s of CPU; 80 pairs, 3 240: 1.5 s; 200
/// pairs, 20 100: 25 s and 10 GB). A larger body is boxed with no copy: sound, but nightly's
/// E0626 for a borrow across one of its `yield`s is not reported (design-notes/driver-perf.md,
/// eighth session).
pub(crate) const MAX_GUARDED_ASSIGNMENTS: usize = 2_000;

/// Analyzes `body`. `prologue_locals` are names bound before the copy by the lowering's own
/// prologue (parameters); they are rebound at the top of the copy.
pub(crate) fn analyze(
    lowerer: &Lowerer<'_>,
    body: &Body,
    mode: CaptureMode,
    prologue_locals: &[String],
    self_is_reference: bool,
) -> Result<CopyPlan, Refusal> {
    let body_node = body.node();
    if let Some(reason) = temporary_borrow_the_copy_cannot_see(&body_node) {
        return Err(reason);
    }
    for element in body_node.descendants_with_tokens() {
        if let NodeOrToken::Token(token) = element
            && !matches!(token.kind(), SyntaxKind::WHITESPACE | SyntaxKind::COMMENT)
            && token.text().contains('\n')
        {
            return Err("a token spans lines".to_owned());
        }
    }
    let mut analyzer = Analyzer {
        lowerer,
        delta: lowerer.delta,
        scopes: vec![Scope {
            names: Vec::new(),
            ours: true,
        }],
        plan: CopyPlan::default(),
        bindings: Vec::new(),
        yield_bindings: Vec::new(),
        guarded_assignments: 0,
        rebind_after: Vec::new(),
        rebind_block_start: Vec::new(),
        wrap_expr: Vec::new(),
        strings: Vec::new(),
        free: Vec::new(),
        macro_items: Vec::new(),
        barrier_depth: 0,
        free_call_depth: 0,
        mode,
        self_is_reference,
        known_references: reference_bindings(&body_node),
        known_owned: owned_bindings(&body_node),
        field_places: Vec::new(),
        field_borrowed: Vec::new(),
    };
    for local in prologue_locals {
        let id = analyzer.bindings.len();
        analyzer.bindings.push(BindingInfo {
            name: local.clone(),
            ours: true,
            prologue: true,
            name_site: None,
            uses: Vec::new(),
            string_uses: Vec::new(),
        });
        analyzer.scopes[0].names.push((id, true));
    }
    match body {
        Body::Block(statements) => analyzer.visit_children(statements.syntax())?,
        Body::Expr(expr) => analyzer.visit(expr)?,
    }
    analyzer.finish(prologue_locals)
}

/// The names bound by a pattern (lowercase identifiers), in order.
pub(crate) fn binding_names(pat: &SyntaxNode, names: &mut Vec<String>) {
    for node in pat.descendants() {
        if let Some(ident) = ast::IdentPat::cast(node)
            && let Some(name) = ident.name()
        {
            let text = name.text().to_string();
            if is_pattern_binding(&text) && !names.contains(&text) {
                names.push(text);
            }
        }
    }
}

/// Whether an identifier pattern named `name` may bind a variable: every one but `None` and
/// `_` (upper-case ones send the body to the boxed representation, see `bind`).
fn is_pattern_binding(name: &str) -> bool {
    name != "_" && name != "None"
}

/// Whether a path expression named `name` may refer to a local: snake case names may; other
/// names are constants, statics, unit structs and variants unless the file binds the name
/// in a pattern somewhere.
fn is_binding_name(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c == '_')
        && name != "_"
}

/// One binding of the body (or a prologue local), with every place the copy must rename.
struct BindingInfo {
    name: String,
    /// Bound by the generator's own frame (not inside a closure or nested coroutine).
    ours: bool,
    /// A parameter rebound by the copy's prologue: keeps its name.
    prologue: bool,
    /// Original offset of the binding's name, and whether it is a field shorthand (`S { x }`).
    name_site: Option<(usize, bool)>,
    /// Original offsets of the uses' names, and whether each is a field shorthand.
    uses: Vec<(usize, bool)>,
    /// Original offsets of string literals that name it as an inline format argument.
    string_uses: Vec<usize>,
}

struct Scope {
    /// `(binding id, assignable in the copy here)`.
    names: Vec<(usize, bool)>,
    /// Whether the scope belongs to the generator's own frame (not a nested closure or block
    /// coroutine).
    ours: bool,
}

#[derive(Default, Clone, Copy)]
struct FreeUse {
    /// A use that may borrow it (a method receiver, a field, an operand of `==`, ..).
    value: bool,
    /// A use that moves or copies it whole (see [`is_whole_value_use`]).
    whole_value: bool,
    reference: bool,
    callee: bool,
    /// A use as the base of a field access (`x.f`, `x.0`): by itself, a `move` body in
    /// edition 2021+ captures only the fields (RFC 2229).
    field: bool,
}

enum Site {
    Let { end: usize, has_initializer: bool },
    BlockStart(usize),
    Pending,
    NotOurs,
}

struct Analyzer<'l, 'a> {
    lowerer: &'l Lowerer<'a>,
    delta: isize,
    scopes: Vec<Scope>,
    plan: CopyPlan,
    bindings: Vec<BindingInfo>,
    /// `yield` offset → binding ids in scope there.
    yield_bindings: Vec<(usize, Vec<usize>)>,
    /// The sum of the lengths of `yield_bindings`' lists: the copy's guarded assignments.
    guarded_assignments: usize,
    rebind_after: Vec<(usize, usize)>,
    rebind_block_start: Vec<(usize, usize)>,
    wrap_expr: Vec<(usize, usize)>,
    /// Original offset and text of string literals with inline format arguments.
    strings: Vec<(usize, String)>,
    free: Vec<(String, FreeUse)>,
    /// The arguments (or statements) of the macro invocations being visited: a macro may do
    /// anything with an argument, `&$e` included, so none of them is a whole-value use.
    macro_items: Vec<SyntaxNode>,
    barrier_depth: usize,
    free_call_depth: usize,
    mode: CaptureMode,
    self_is_reference: bool,
    /// Free names known to be references (see [`reference_bindings`]).
    known_references: Vec<String>,
    /// Free names every binding of which is owned by its syntax (see [`owned_bindings`]).
    known_owned: Vec<String>,
    /// Field accesses of free names: `(name, original start, original end of the chain,
    /// place text such as `p.a.0`)`.
    field_places: Vec<(String, usize, usize, String)>,
    /// Free names with a field access that may borrow (not moved or copied whole).
    field_borrowed: Vec<String>,
}

impl Analyzer<'_, '_> {
    fn original(&self, node: &SyntaxNode) -> usize {
        let offset = usize::from(node.text_range().start()) as isize + self.delta;
        offset.max(0) as usize
    }

    fn original_end(&self, node: &SyntaxNode) -> usize {
        let offset = usize::from(node.text_range().end()) as isize + self.delta;
        offset.max(0) as usize
    }

    fn ours(&self) -> bool {
        self.barrier_depth == 0
    }

    fn push_scope(&mut self) {
        let ours = self.ours();
        self.scopes.push(Scope {
            names: Vec::new(),
            ours,
        });
    }

    fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    fn visit_children(&mut self, node: &SyntaxNode) -> Result<(), Refusal> {
        for child in node.children() {
            self.visit(&child)?;
        }
        Ok(())
    }

    fn barrier(&mut self, f: impl FnOnce(&mut Self) -> Result<(), Refusal>) -> Result<(), Refusal> {
        self.barrier_depth += 1;
        self.push_scope();
        let result = f(self);
        self.pop_scope();
        self.barrier_depth -= 1;
        result
    }

    fn visit(&mut self, node: &SyntaxNode) -> Result<(), Refusal> {
        match node.kind() {
            SyntaxKind::BLOCK_EXPR => {
                let Some(block) = ast::BlockExpr::cast(node.clone()) else {
                    return Ok(());
                };
                if block.gen_token().is_some() || block.async_token().is_some() {
                    return self.barrier(|this| this.visit_children(node));
                }
                self.push_scope();
                let result = self.visit_children(node);
                self.pop_scope();
                result
            }
            SyntaxKind::LET_STMT => {
                let Some(statement) = ast::LetStmt::cast(node.clone()) else {
                    return Ok(());
                };
                if let Some(initializer) = statement.initializer() {
                    self.visit(initializer.syntax())?;
                }
                if let Some(let_else) = statement.let_else() {
                    self.visit_children(let_else.syntax())?;
                }
                if let Some(pat) = statement.pat() {
                    let site = Site::Let {
                        end: self.original_end(node),
                        has_initializer: statement.initializer().is_some(),
                    };
                    self.bind(pat.syntax(), site)?;
                }
                Ok(())
            }
            SyntaxKind::LET_EXPR => {
                let Some(let_expr) = ast::LetExpr::cast(node.clone()) else {
                    return Ok(());
                };
                if let Some(expr) = let_expr.expr() {
                    self.visit(expr.syntax())?;
                }
                if let Some(pat) = let_expr.pat() {
                    self.bind(pat.syntax(), Site::Pending)?;
                }
                Ok(())
            }
            SyntaxKind::IF_EXPR => {
                let Some(if_expr) = ast::IfExpr::cast(node.clone()) else {
                    return Ok(());
                };
                self.push_scope();
                let mut result = Ok(());
                if let Some(condition) = if_expr.condition() {
                    result = self.visit(condition.syntax());
                }
                if result.is_ok()
                    && let Some(then_branch) = if_expr.then_branch()
                {
                    self.activate_pending(then_branch.syntax());
                    result = self.visit(then_branch.syntax());
                }
                self.pop_scope();
                result?;
                if let Some(else_branch) = if_expr.else_branch() {
                    match else_branch {
                        ast::ElseBranch::Block(block) => self.visit(block.syntax())?,
                        ast::ElseBranch::IfExpr(nested) => self.visit(nested.syntax())?,
                    }
                }
                Ok(())
            }
            SyntaxKind::WHILE_EXPR => {
                let Some(while_expr) = ast::WhileExpr::cast(node.clone()) else {
                    return Ok(());
                };
                self.push_scope();
                let mut result = Ok(());
                if let Some(condition) = while_expr.condition() {
                    result = self.visit(condition.syntax());
                }
                if result.is_ok()
                    && let Some(body) = while_expr.loop_body()
                {
                    self.activate_pending(body.syntax());
                    result = self.visit(body.syntax());
                }
                self.pop_scope();
                result
            }
            SyntaxKind::FOR_EXPR => {
                let Some(for_expr) = ast::ForExpr::cast(node.clone()) else {
                    return Ok(());
                };
                if let Some(iterable) = for_expr.iterable() {
                    self.visit(iterable.syntax())?;
                }
                self.push_scope();
                let mut result = Ok(());
                if let (Some(pat), Some(body)) = (for_expr.pat(), for_expr.loop_body()) {
                    result = match block_l_curly(self, body.syntax()) {
                        Some(l_curly) => self.bind(pat.syntax(), Site::BlockStart(l_curly)),
                        None => Err("`for` without a body".to_owned()),
                    };
                    if result.is_ok() {
                        result = self.visit(body.syntax());
                    }
                }
                self.pop_scope();
                result
            }
            SyntaxKind::MATCH_EXPR => {
                let Some(match_expr) = ast::MatchExpr::cast(node.clone()) else {
                    return Ok(());
                };
                if let Some(scrutinee) = match_expr.expr() {
                    self.visit(scrutinee.syntax())?;
                }
                let Some(arms) = match_expr.match_arm_list() else {
                    return Ok(());
                };
                for arm in arms.arms() {
                    self.push_scope();
                    let result = self.visit_arm(&arm);
                    self.pop_scope();
                    result?;
                }
                Ok(())
            }
            SyntaxKind::CLOSURE_EXPR => {
                let Some(closure) = ast::ClosureExpr::cast(node.clone()) else {
                    return Ok(());
                };
                self.barrier(|this| {
                    if let Some(parameters) = closure.param_list() {
                        for parameter in parameters.params() {
                            if let Some(pat) = parameter.pat() {
                                this.bind(pat.syntax(), Site::NotOurs)?;
                            }
                        }
                    }
                    match closure.body() {
                        Some(body) => this.visit(body.syntax()),
                        None => Ok(()),
                    }
                })
            }
            SyntaxKind::PATH_EXPR => {
                let Some(path_expr) = ast::PathExpr::cast(node.clone()) else {
                    return Ok(());
                };
                if let Some(path) = path_expr.path()
                    && path.qualifier().is_none()
                    && let Some(segment) = path.segment()
                    && segment.generic_arg_list().is_none()
                    && path.coloncolon_token().is_none()
                {
                    let name = segment.syntax().text().to_string();
                    let name_offset = self.original(segment.syntax());
                    // `S { x }`: the field shorthand's expression is this path.
                    let shorthand = node.parent().is_some_and(|parent| {
                        parent.kind() == SyntaxKind::RECORD_EXPR_FIELD
                            && !parent
                                .children_with_tokens()
                                .any(|element| element.kind() == SyntaxKind::COLON)
                    });
                    self.use_name(&name, node, name_offset, shorthand)?;
                }
                Ok(())
            }
            SyntaxKind::RECORD_EXPR_FIELD => {
                let Some(field) = ast::RecordExprField::cast(node.clone()) else {
                    return Ok(());
                };
                if field.colon_token().is_none()
                    && field.expr().is_none()
                    && let Some(name) = field.name_ref()
                {
                    let name_offset = self.original(name.syntax());
                    self.use_name(name.text(), node, name_offset, true)?;
                }
                self.visit_children(node)
            }
            SyntaxKind::LITERAL => {
                for token in node
                    .children_with_tokens()
                    .filter_map(|element| element.into_token())
                {
                    if token.kind() == SyntaxKind::STRING && token.text().contains('{') {
                        let offset = (usize::from(token.text_range().start()) as isize + self.delta)
                            .max(0) as usize;
                        self.string_arguments(offset, token.text())?;
                    }
                }
                Ok(())
            }
            SyntaxKind::CALL_EXPR => {
                let Some(call) = ast::CallExpr::cast(node.clone()) else {
                    return Ok(());
                };
                let mut free_callee = false;
                if let Some(ast::Expr::PathExpr(callee)) = call.expr() {
                    self.visit(callee.syntax())?;
                    if let Some(path) = callee.path()
                        && path.qualifier().is_none()
                        && let Some(segment) = path.segment()
                    {
                        let name = segment.syntax().text().to_string();
                        // A name that no identifier pattern of the file binds is an item (a
                        // `fn`), not a captured variable.
                        free_callee = is_binding_name(&name)
                            && !self.resolves(&name)
                            && self.file_binds(&name);
                    }
                } else if let Some(callee) = call.expr() {
                    self.visit(callee.syntax())?;
                }
                if free_callee {
                    self.free_call_depth += 1;
                }
                let result = match call.arg_list() {
                    Some(arguments) => self.visit_children(arguments.syntax()),
                    None => Ok(()),
                };
                if free_callee {
                    self.free_call_depth -= 1;
                }
                result
            }
            SyntaxKind::MACRO_CALL => {
                let Some(call) = ast::MacroCall::cast(node.clone()) else {
                    return Ok(());
                };
                if self.ours() && self.lowerer.macro_facts.may_yield(&call) {
                    // An invocation of a macro whose every expansion yields, as a statement, is
                    // a `yield` for the copy: its guarded assignments follow the statement (see
                    // `Lowerer::emit_macro_yield_assignments`). Any other yields or not: no copy
                    // (the copy must never reject what nightly accepts).
                    if !self.lowerer.macro_facts.always_yields(&call) {
                        return Err("a macro that may or may not yield".into());
                    }
                    if macro_yield_statement(&call).is_none() {
                        return Err("a macro that may yield, invoked inside an expression".into());
                    }
                    self.on_yield(node)?;
                }
                self.visit_macro(&call)
            }
            SyntaxKind::YIELD_EXPR => {
                self.on_yield(node)?;
                self.visit_children(node)
            }
            SyntaxKind::AWAIT_EXPR => {
                if let Some(await_expr) = ast::AwaitExpr::cast(node.clone())
                    && let Some(keyword) = await_expr.await_token()
                {
                    let keyword_start = (usize::from(keyword.text_range().start()) as isize
                        + self.delta)
                        .max(0) as usize;
                    if self
                        .lowerer
                        .outline
                        .substitution_at(keyword_start)
                        .map(|s| s.kind)
                        == Some(SubstitutionKind::PostfixYield)
                    {
                        self.on_yield(node)?;
                    }
                }
                self.visit_children(node)
            }
            SyntaxKind::FN
            | SyntaxKind::STRUCT
            | SyntaxKind::ENUM
            | SyntaxKind::CONST
            | SyntaxKind::TYPE_ALIAS
            | SyntaxKind::USE
            | SyntaxKind::MACRO_RULES => {
                if node
                    .children()
                    .any(|child| child.kind() == SyntaxKind::ATTR)
                {
                    return Err("an item with attributes in the body".to_owned());
                }
                Ok(())
            }
            SyntaxKind::IMPL
            | SyntaxKind::TRAIT
            | SyntaxKind::STATIC
            | SyntaxKind::MODULE
            | SyntaxKind::EXTERN_BLOCK
            | SyntaxKind::EXTERN_CRATE
            | SyntaxKind::MACRO_DEF
            | SyntaxKind::UNION => Err("an item that cannot be duplicated in the body".to_owned()),
            _ => self.visit_children(node),
        }
    }

    fn visit_arm(&mut self, arm: &ast::MatchArm) -> Result<(), Refusal> {
        if let Some(pat) = arm.pat() {
            self.bind(pat.syntax(), Site::Pending)?;
        }
        if let Some(guard) = arm.guard() {
            self.visit_children(guard.syntax())?;
        }
        if let Some(expr) = arm.expr() {
            let ids = self.take_pending();
            let start = self.original(expr.syntax());
            for id in ids {
                self.wrap_expr.push((start, id));
            }
            self.visit(expr.syntax())?;
        }
        Ok(())
    }

    fn visit_macro(&mut self, call: &ast::MacroCall) -> Result<(), Refusal> {
        let saved_delta = self.delta;
        // The lowerer re-parses relative to its own delta; keep them in step.
        let reparsed = {
            let lowerer_view = LowererDelta {
                lowerer: self.lowerer,
                delta: self.delta,
            };
            lowerer_view.reparse(call)
        };
        let Some(reparsed) = reparsed else {
            let name = call
                .path()
                .map(|path| path.syntax().text().to_string())
                .unwrap_or_default();
            return Err(format!("the arguments of `{name}!` cannot be analysed"));
        };
        self.delta = reparsed.delta;
        let items_before = self.macro_items.len();
        self.macro_items.extend(reparsed.items.iter().cloned());
        let is_iter = yieldc_syntax::outline::is_iter_macro(call);
        let result = if is_iter {
            let items = reparsed.items.clone();
            self.barrier(|this| {
                for item in &items {
                    this.visit(item)?;
                }
                Ok(())
            })
        } else {
            let mut result = Ok(());
            for item in &reparsed.items {
                result = self.visit(item);
                if result.is_err() {
                    break;
                }
            }
            result
        };
        self.delta = saved_delta;
        self.macro_items.truncate(items_before);
        result
    }

    fn on_yield(&mut self, node: &SyntaxNode) -> Result<(), Refusal> {
        if !self.ours() {
            return Ok(());
        }
        if self.free_call_depth > 0 {
            return Err("a `yield` in the arguments of a call to a captured callee".to_owned());
        }
        let mut ids = Vec::new();
        for scope in self.scopes.iter().filter(|scope| scope.ours) {
            for &(id, assignable) in &scope.names {
                if !assignable {
                    let name = &self.bindings[id].name;
                    return Err(format!(
                        "a `yield` where `{name}` is bound but not yet rebound"
                    ));
                }
                ids.push(id);
            }
        }
        // Every `yield` assigns every local in scope: a body of many `let`s and `yield`s
        // makes a copy of quadratic size (3000 of each: 9 million assignments, 535 MB of
        // text). Past the limit there is no copy, and the body is boxed (sound without one).
        self.guarded_assignments += ids.len();
        if self.guarded_assignments > MAX_GUARDED_ASSIGNMENTS {
            return Err(format!(
                "a check copy of more than {MAX_GUARDED_ASSIGNMENTS} guarded assignments"
            ));
        }
        let start = self.original(node);
        self.yield_bindings.push((start, ids));
        Ok(())
    }

    /// Whether any identifier pattern of the file is named `name` (then a non-snake-case path
    /// may be a local and is treated as one).
    fn file_binds(&self, name: &str) -> bool {
        if name == "None" || name == "self" || name == "Self" {
            return false;
        }
        self.lowerer.file_binds_pattern(name)
    }

    /// The innermost binding named `name` in scope.
    fn resolve(&self, name: &str) -> Option<usize> {
        self.scopes.iter().rev().find_map(|scope| {
            scope
                .names
                .iter()
                .rev()
                .find(|&&(id, _)| self.bindings[id].name == name)
                .map(|&(id, _)| id)
        })
    }

    fn resolves(&self, name: &str) -> bool {
        self.resolve(name).is_some()
    }

    /// Inline format arguments (`"{x}"`, `"{x:?}"`) of a string literal are uses too.
    fn string_arguments(&mut self, offset: usize, text: &str) -> Result<(), Refusal> {
        let mut recorded = false;
        for name in inline_arguments(text) {
            if let Some(id) = self.resolve(&name) {
                self.bindings[id].string_uses.push(offset);
                if !recorded {
                    self.strings.push((offset, text.to_owned()));
                    recorded = true;
                }
            } else if name != "self" && (is_binding_name(&name) || self.file_binds(&name)) {
                self.free_use(&name, FreeKind::Reference);
            }
        }
        Ok(())
    }

    fn use_name(
        &mut self,
        name: &str,
        node: &SyntaxNode,
        name_offset: usize,
        shorthand: bool,
    ) -> Result<(), Refusal> {
        if name == "self" {
            if !self.self_is_reference {
                return Err("`self` by value".to_owned());
            }
            return Ok(());
        }
        if let Some(id) = self.resolve(name) {
            self.bindings[id].uses.push((name_offset, shorthand));
            return Ok(());
        }
        if !(is_binding_name(name) || self.file_binds(name)) {
            return Ok(());
        }
        let parent_kind = node.parent().map(|parent| parent.kind());
        let is_callee = parent_kind == Some(SyntaxKind::CALL_EXPR)
            && node
                .parent()
                .and_then(|parent| parent.children().next())
                .as_ref()
                == Some(node);
        let is_reference = parent_kind == Some(SyntaxKind::REF_EXPR);
        let kind = if is_callee {
            FreeKind::Callee
        } else if is_reference {
            FreeKind::Reference
        } else if let Some(chain) = field_chain(node) {
            let end = self.original_end(&chain);
            let mut place = name.to_owned();
            let mut field = node.parent();
            while let Some(access) = field.and_then(ast::FieldExpr::cast) {
                if let Some(field_name) = access.name_ref() {
                    place.push('.');
                    place.push_str(field_name.text());
                }
                if access.syntax() == &chain {
                    break;
                }
                field = access.syntax().parent();
            }
            self.field_places
                .push((name.to_owned(), name_offset, end, place));
            if !is_whole_value_use(&chain, &self.macro_items) {
                self.field_borrowed.push(name.to_owned());
            }
            FreeKind::Field
        } else if is_whole_value_use(node, &self.macro_items) {
            FreeKind::WholeValue
        } else {
            FreeKind::Value
        };
        self.free_use(name, kind);
        Ok(())
    }

    fn free_use(&mut self, name: &str, kind: FreeKind) {
        let entry = match self
            .free
            .iter_mut()
            .find(|(free_name, _)| free_name == name)
        {
            Some((_, entry)) => entry,
            None => {
                self.free.push((name.to_owned(), FreeUse::default()));
                &mut self.free.last_mut().expect("just pushed").1
            }
        };
        match kind {
            FreeKind::Callee => entry.callee = true,
            FreeKind::Reference => entry.reference = true,
            FreeKind::Value => entry.value = true,
            FreeKind::WholeValue => entry.whole_value = true,
            FreeKind::Field => entry.field = true,
        }
    }

    fn bind(&mut self, pat: &SyntaxNode, site: Site) -> Result<(), Refusal> {
        let mut bindings = Vec::new();
        for node in pat.descendants() {
            let Some(ident) = ast::IdentPat::cast(node.clone()) else {
                continue;
            };
            let Some(name) = ident.name() else { continue };
            let text = name.text().to_string();
            if !is_pattern_binding(&text) {
                continue;
            }
            if !is_binding_name(&text) && !matches!(site, Site::NotOurs) && self.ours() {
                // A unit variant, unit struct or constant pattern (`Less =>`), or a local named
                // in upper case: rebinding the first is an error (E0530), ignoring the second
                // unsound.
                return Err(format!("the pattern `{text}` may or may not bind"));
            }
            let plain_top_level =
                node == *pat && ident.ref_token().is_none() && ident.pat().is_none();
            let name_start = self.original(name.syntax());
            let shorthand = node.parent().is_some_and(|parent| {
                parent.kind() == SyntaxKind::RECORD_PAT_FIELD
                    && !parent
                        .children_with_tokens()
                        .any(|element| element.kind() == SyntaxKind::COLON)
            });
            bindings.push((
                text,
                plain_top_level,
                ident.mut_token().is_some(),
                name_start,
                shorthand,
            ));
        }
        let ours = self.ours() && !matches!(site, Site::NotOurs);
        for (name, plain_top_level, has_mut, name_start, shorthand) in bindings {
            let id = self.bindings.len();
            self.bindings.push(BindingInfo {
                name: name.clone(),
                ours,
                prologue: false,
                name_site: Some((name_start, shorthand)),
                uses: Vec::new(),
                string_uses: Vec::new(),
            });
            let assignable = match &site {
                Site::NotOurs => false,
                Site::Let {
                    end,
                    has_initializer,
                } => {
                    if plain_top_level {
                        if !has_mut {
                            self.plan.mut_insertions.insert(name_start);
                        }
                    } else if !has_initializer {
                        return Err("a destructuring `let` without initializer".to_owned());
                    } else {
                        self.rebind_after.push((*end, id));
                    }
                    true
                }
                Site::BlockStart(l_curly) => {
                    self.rebind_block_start.push((*l_curly, id));
                    true
                }
                Site::Pending => false,
            };
            if let Some(scope) = self.scopes.last_mut() {
                scope.names.push((id, assignable || !ours));
            }
        }
        Ok(())
    }

    /// Names bound but not yet assignable in the innermost scope become assignable (they are
    /// rebound where the returned list is emitted).
    fn take_pending(&mut self) -> Vec<usize> {
        let Some(scope) = self.scopes.last_mut() else {
            return Vec::new();
        };
        if !scope.ours {
            return Vec::new();
        }
        let mut ids = Vec::new();
        for (id, assignable) in scope.names.iter_mut() {
            if !*assignable {
                *assignable = true;
                ids.push(*id);
            }
        }
        ids
    }

    /// The pending bindings of an `if let`/`while let` are rebound at the start of `block`.
    fn activate_pending(&mut self, block: &SyntaxNode) {
        let ids = self.take_pending();
        if ids.is_empty() {
            return;
        }
        match block_l_curly(self, block) {
            Some(l_curly) => {
                for id in ids {
                    self.rebind_block_start.push((l_curly, id));
                }
            }
            None => {
                // No block to rebind in: make the names unassignable again so a yield refuses.
                if let Some(scope) = self.scopes.last_mut() {
                    for (id, assignable) in scope.names.iter_mut() {
                        if ids.contains(id) {
                            *assignable = false;
                        }
                    }
                }
            }
        }
    }

    /// Builds the plan: bindings whose name is bound more than once in the generator's frame,
    /// or also used as a capture, get a fresh name in the copy (with all their uses), so each
    /// guarded assignment hits exactly the binding it is meant for.
    fn finish(self, prologue_locals: &[String]) -> Result<CopyPlan, Refusal> {
        let mut plan = self.plan;
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for binding in self.bindings.iter().filter(|binding| binding.ours) {
            *counts.entry(binding.name.as_str()).or_default() += 1;
        }
        let is_free = |name: &str| self.free.iter().any(|(free_name, _)| free_name == name);
        let copy_names: Vec<String> = self
            .bindings
            .iter()
            .enumerate()
            .map(|(id, binding)| {
                let conflicting = counts.get(binding.name.as_str()).copied().unwrap_or(0) > 1
                    || is_free(&binding.name);
                if binding.ours && !binding.prologue && conflicting {
                    format!("{}__yieldc{id}", binding.name)
                } else {
                    binding.name.clone()
                }
            })
            .collect();
        let mut renamed_strings: HashMap<usize, Vec<(String, String)>> = HashMap::new();
        for (id, binding) in self.bindings.iter().enumerate() {
            let copy_name = &copy_names[id];
            if *copy_name == binding.name {
                continue;
            }
            let replacement = |shorthand: bool| {
                if shorthand {
                    format!("{}: {copy_name}", binding.name)
                } else {
                    copy_name.clone()
                }
            };
            if let Some((offset, shorthand)) = binding.name_site {
                plan.renames.insert(offset, replacement(shorthand));
            }
            for &(offset, shorthand) in &binding.uses {
                plan.renames.insert(offset, replacement(shorthand));
            }
            for &offset in &binding.string_uses {
                renamed_strings
                    .entry(offset)
                    .or_default()
                    .push((binding.name.clone(), copy_name.clone()));
            }
        }
        for (offset, text) in &self.strings {
            if let Some(renames) = renamed_strings.get(offset) {
                plan.string_rewrites
                    .insert(*offset, rename_inline_arguments(text, renames));
            }
        }
        let name_of = |id: usize| copy_names[id].clone();
        // A parameter the body never mentions cannot be borrowed by it: the copy leaves it
        // alone, so that rustc still sees it unused (nightly's "unused variable" warning).
        let unused_prologue_local = |id: usize| {
            let binding = &self.bindings[id];
            binding.prologue && binding.uses.is_empty() && binding.string_uses.is_empty()
        };
        for (offset, ids) in &self.yield_bindings {
            let mut names: Vec<String> = Vec::new();
            for &id in ids.iter().filter(|&&id| !unused_prologue_local(id)) {
                let name = name_of(id);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            plan.yield_assigns.insert(*offset, names);
        }
        for &(offset, id) in &self.rebind_after {
            plan.rebind_after
                .entry(offset)
                .or_default()
                .push(name_of(id));
        }
        for &(offset, id) in &self.rebind_block_start {
            plan.rebind_block_start
                .entry(offset)
                .or_default()
                .push(name_of(id));
        }
        for &(offset, id) in &self.wrap_expr {
            plan.wrap_expr.entry(offset).or_default().push(name_of(id));
        }
        plan.captures = prologue_locals
            .iter()
            .enumerate()
            .filter(|&(id, _)| !unused_prologue_local(id))
            .map(|(_, name)| name.clone())
            .collect();
        match self.mode {
            CaptureMode::Move => {
                // Rebinding a variable the body uses only through fields (`let mut p = p;`)
                // would make the body capture all of it, where nightly (edition 2021+)
                // captures the fields alone: the rest of `p` would move into the generator
                // (dropped with it, unusable after it). Each place the body names instead gets
                // a shadow local, `let mut s = __shadow(addr_of!(p.a));`, that the copy uses
                // in its stead and assigns at every `yield`: the copy names the same places
                // (so the body's captures do not change) and a borrow of one live across a
                // `yield` is E0506. A reference (the capture stops at the dereference: `p`
                // either way) is rebound whole.
                let partial: Vec<&String> = self
                    .free
                    .iter()
                    .filter(|(name, free_use)| {
                        self.lowerer.options.edition >= yieldc_syntax::Edition::E2021
                            && free_use.field
                            && !(free_use.value
                                || free_use.whole_value
                                || free_use.reference
                                || free_use.callee)
                            && !self.known_references.contains(name)
                    })
                    .map(|(name, _)| name)
                    .collect();
                // A variable whose fields are only ever moved or copied whole
                // (`0..p.n`, `let s = p.name;`) is never borrowed: no borrow of it can cross a
                // `yield`, owned or a reference, so the copy leaves it alone (as for a
                // non-`move` body's captures) and the body captures what it names.
                let (partial, never_borrowed): (Vec<&String>, Vec<&String>) = partial
                    .into_iter()
                    .partition(|name| self.field_borrowed.contains(name));
                // A shadow local is owned: right for an owned variable, but a borrow through a
                // reference the text does not show (`for p in items` over a `&[P]`) would be
                // E0626 where nightly accepts it. Only a variable every binding shows to be
                // owned gets shadows; any other is boxed (sound either way).
                if let Some(name) = partial.iter().find(|name| !self.known_owned.contains(name)) {
                    return Err(format!(
                        "`{name}` is used only through fields and may be a reference or owned"
                    ));
                }
                if let Some((name, _)) = self
                    .free
                    .iter()
                    .find(|(name, _)| declares_const(self.lowerer.original, name))
                {
                    return Err(format!("`{name}` may be a constant"));
                }
                if let Some((name, _)) = self
                    .free
                    .iter()
                    .find(|(name, _)| declares_static(self.lowerer.original, name))
                {
                    return Err(format!("`{name}` may be a static"));
                }
                for (name, start, end, place) in &self.field_places {
                    if !partial.contains(&name) {
                        continue;
                    }
                    let index = match plan.shadows.iter().position(|(_, p)| p == place) {
                        Some(index) => index,
                        None => {
                            plan.shadows.push((
                                format!("__yieldc_place{}", plan.shadows.len()),
                                place.clone(),
                            ));
                            plan.shadows.len() - 1
                        }
                    };
                    let shadow = plan.shadows[index].0.clone();
                    plan.place_renames.insert(*start, (*end, shadow));
                }
                for (name, free_use) in &self.free {
                    if partial.contains(&name) || never_borrowed.contains(&name) {
                        continue;
                    }
                    if (free_use.value
                        || free_use.whole_value
                        || free_use.reference
                        || free_use.field)
                        && !plan.captures.contains(name)
                    {
                        plan.captures.push(name.clone());
                    }
                }
            }
            CaptureMode::Ref => {
                // Not rebound (that could change how the body captures it). So the body must
                // not borrow a variable it may capture by value: one it only borrows (`&x`) is
                // captured by reference, and one it only moves or copies whole is never
                // borrowed (captured by value if it is not `Copy`, else by reference).
                let refused = self.free.iter().find(|(_, free_use)| {
                    free_use.value || free_use.field || (free_use.whole_value && free_use.reference)
                });
                if let Some((name, _)) = refused {
                    return Err(format!(
                        "`{name}` may be captured by value by a non-`move` body and borrowed"
                    ));
                }
            }
        }
        // Every `yield` also assigns every capture and shadow local.
        let per_yield = plan.captures.len() + plan.shadows.len();
        let total: usize = plan
            .yield_assigns
            .values()
            .map(|locals| locals.len() + per_yield)
            .sum();
        if total > MAX_GUARDED_ASSIGNMENTS {
            return Err(format!(
                "a check copy of more than {MAX_GUARDED_ASSIGNMENTS} guarded assignments"
            ));
        }
        Ok(plan)
    }
}

#[derive(Clone, Copy)]
enum FreeKind {
    Callee,
    Reference,
    Value,
    WholeValue,
    Field,
}

/// When the path expression `node` is the base of a field access (`x.a`, `x.a.0`): the
/// outermost field access of the chain.
fn field_chain(node: &SyntaxNode) -> Option<SyntaxNode> {
    let mut chain = None;
    let mut expr = node.clone();
    while let Some(parent) = expr.parent()
        && parent.kind() == SyntaxKind::FIELD_EXPR
        && parent.children().next().as_ref() == Some(&expr)
        && ast::FieldExpr::cast(parent.clone()).is_some_and(|field| field.name_ref().is_some())
    {
        chain = Some(parent.clone());
        expr = parent;
    }
    chain
}

/// Whether `source` has the text of a constant item named `name` (`const name:`). A `move`
/// body that uses such a name (a lower-case constant, rare) gets no copy: a constant
/// cannot be rebound (E0530), `addr_of!` cannot point into it (E0745), and left alone, a
/// borrow of its temporary could cross a `yield` unseen.
fn declares_const(source: &str, name: &str) -> bool {
    let mut rest = source;
    while let Some(at) = rest.find("const") {
        let after = rest[at + "const".len()..].trim_start();
        if let Some(tail) = after.strip_prefix(name)
            && tail.trim_start().starts_with(':')
        {
            return true;
        }
        rest = &rest[at + "const".len()..];
    }
    false
}

/// Whether `source` has the text of a static item named `name` (`static name:`, `static mut
/// name:`). A `move` body that uses such a name (a lower-case static, rare) gets no copy: a
/// static is not captured, so rebinding it would move out of it (E0507) or copy it into a
/// local that a borrow crossing a `yield` would conflict with (where nightly accepts any borrow
/// of a static), and a shadow local of a field of it the same.
fn declares_static(source: &str, name: &str) -> bool {
    let mut rest = source;
    while let Some(at) = rest.find("static") {
        let mut after = rest[at + "static".len()..].trim_start();
        if let Some(tail) = after.strip_prefix("mut")
            && tail.starts_with(char::is_whitespace)
        {
            after = tail.trim_start();
        }
        if let Some(tail) = after.strip_prefix(name)
            && tail.trim_start().starts_with(':')
        {
            return true;
        }
        rest = &rest[at + "static".len()..];
    }
    false
}

/// The names that every binding in the function around `node` makes a reference, so that a
/// field access through one dereferences and a `move` body captures the reference itself (it
/// is rebound whole; a place behind it is not the body's own, and nightly lets a borrow of
/// it cross a `yield`). A binding makes a reference when it is a plain identifier (no `ref`,
/// no sub-pattern) and is
/// - a parameter (of the function or of a closure in it) whose written type is a reference
///   (`p: &T`, `p: &mut T`);
/// - a `let` whose written type is a reference, or without a type, whose initializer is a
///   borrow (`let p = &q;`, `let p = &mut q;`) or names another such reference
///   (`let p = r;`);
/// - a `for` whose iterable is a borrow (`for p in &v`) or a call of `iter()`/`iter_mut()`
///   (their items are references, or tuples of them, by convention).
///
/// A name with any other binding in the function, or none, is not one. A wrong guess costs no
/// soundness: rebinding the whole variable checks more than the body captures (only how
/// much of an owned variable the body captures changes).
fn reference_bindings(node: &SyntaxNode) -> Vec<String> {
    names_every_binding_of(node, binds_reference)
}

/// The names that every binding in the function around `node` shows to be owned values, not
/// references: `let p = S { .. }` (a struct, tuple or array literal), `let p: T = ..` and
/// parameters `p: T` whose type is written as a path, tuple or array type, and `let q = p;` of
/// such a `p`. (A type alias for a reference would fool it; none was seen in practice.)
fn owned_bindings(node: &SyntaxNode) -> Vec<String> {
    names_every_binding_of(node, binds_owned)
}

/// The names of the function around `node` all of whose bindings satisfy `binds` (given the
/// names found so far, for `let q = p;`), to a fixed point.
fn names_every_binding_of(
    node: &SyntaxNode,
    binds: fn(&ast::IdentPat, &[String]) -> bool,
) -> Vec<String> {
    let Some(function) = node.ancestors().find_map(ast::Fn::cast) else {
        return Vec::new();
    };
    let mut bindings: Vec<(String, ast::IdentPat)> = Vec::new();
    for descendant in function.syntax().descendants() {
        if let Some(pat) = ast::IdentPat::cast(descendant)
            && let Some(name) = pat.name()
        {
            bindings.push((name.text().to_string(), pat));
        }
    }
    let mut names: Vec<String> = Vec::new();
    loop {
        let mut grew = false;
        for (name, _) in &bindings {
            if names.contains(name) {
                continue;
            }
            if bindings
                .iter()
                .filter(|(other, _)| other == name)
                .all(|(_, pat)| binds(pat, &names))
            {
                names.push(name.clone());
                grew = true;
            }
        }
        if !grew {
            return names;
        }
    }
}

/// Whether the identifier pattern `pat` binds an owned value by its syntax (see
/// [`owned_bindings`]); `owned` are names already known to be owned.
fn binds_owned(pat: &ast::IdentPat, owned: &[String]) -> bool {
    if pat.ref_token().is_some() || pat.pat().is_some() {
        return false;
    }
    let owned_type = |ty: Option<ast::Type>| {
        matches!(
            ty,
            Some(ast::Type::PathType(_) | ast::Type::TupleType(_) | ast::Type::ArrayType(_))
        )
    };
    let Some(parent) = pat.syntax().parent() else {
        return false;
    };
    match parent.kind() {
        SyntaxKind::PARAM => ast::Param::cast(parent).is_some_and(|param| owned_type(param.ty())),
        SyntaxKind::LET_STMT => {
            let Some(statement) = ast::LetStmt::cast(parent) else {
                return false;
            };
            if statement.let_else().is_some() {
                return false;
            }
            if statement.ty().is_some() {
                return owned_type(statement.ty());
            }
            match statement.initializer() {
                Some(
                    ast::Expr::RecordExpr(_) | ast::Expr::TupleExpr(_) | ast::Expr::ArrayExpr(_),
                ) => true,
                Some(ast::Expr::PathExpr(path_expr)) => path_expr.path().is_some_and(|path| {
                    path.qualifier().is_none()
                        && path.coloncolon_token().is_none()
                        && path.segment().is_some_and(|segment| {
                            segment.generic_arg_list().is_none()
                                && owned.contains(&segment.syntax().text().to_string())
                        })
                }),
                _ => false,
            }
        }
        _ => false,
    }
}

/// Whether the identifier pattern `pat` binds a reference by its syntax (see
/// [`reference_bindings`]); `references` are names already known to be references.
fn binds_reference(pat: &ast::IdentPat, references: &[String]) -> bool {
    if pat.ref_token().is_some() || pat.pat().is_some() {
        return false;
    }
    let Some(parent) = pat.syntax().parent() else {
        return false;
    };
    let is_borrow = |expr: Option<ast::Expr>| matches!(expr, Some(ast::Expr::RefExpr(borrow)) if borrow.raw_token().is_none());
    match parent.kind() {
        SyntaxKind::PARAM => ast::Param::cast(parent)
            .is_some_and(|param| matches!(param.ty(), Some(ast::Type::RefType(_)))),
        SyntaxKind::LET_STMT => {
            let Some(statement) = ast::LetStmt::cast(parent) else {
                return false;
            };
            if statement.let_else().is_some() {
                return false;
            }
            match statement.ty() {
                Some(ty) => matches!(ty, ast::Type::RefType(_)),
                None => {
                    let initializer = statement.initializer();
                    if let Some(ast::Expr::PathExpr(path_expr)) = &initializer
                        && let Some(path) = path_expr.path()
                        && path.qualifier().is_none()
                        && path.coloncolon_token().is_none()
                        && let Some(segment) = path.segment()
                        && segment.generic_arg_list().is_none()
                    {
                        return references.contains(&segment.syntax().text().to_string());
                    }
                    is_borrow(initializer)
                }
            }
        }
        SyntaxKind::FOR_EXPR => {
            let Some(for_expr) = ast::ForExpr::cast(parent) else {
                return false;
            };
            let iterable = for_expr.iterable();
            if let Some(ast::Expr::MethodCallExpr(call)) = &iterable {
                return call
                    .name_ref()
                    .is_some_and(|method| matches!(method.text(), "iter" | "iter_mut"))
                    && call.generic_arg_list().is_none()
                    && call
                        .arg_list()
                        .is_some_and(|arguments| arguments.args().next().is_none());
            }
            is_borrow(iterable)
        }
        _ => false,
    }
}

/// Whether the path expression `node` is used where its value is moved or copied whole, with
/// no borrow of it: a `let` initializer, a call or method argument, a `yield`/`return`/`break`
/// operand, an arithmetic or logical operand, a range bound, a cast, an element of a tuple,
/// array or struct literal, a match arm's value, a block's tail, a condition, a `for`
/// iterable. Not: a method receiver, a field or index base, a comparison operand (they
/// auto-borrow), a compound or plain assignment target, a `match` scrutinee, a macro argument.
fn is_whole_value_use(node: &SyntaxNode, macro_items: &[SyntaxNode]) -> bool {
    let mut expr = node.clone();
    let mut parent = node.parent();
    while let Some(paren) = parent
        .clone()
        .filter(|p| p.kind() == SyntaxKind::PAREN_EXPR)
    {
        expr = paren;
        parent = expr.parent();
    }
    if macro_items.contains(&expr) {
        return false;
    }
    let Some(parent) = parent else {
        return false;
    };
    let is_first_child = parent.children().next().as_ref() == Some(&expr);
    match parent.kind() {
        SyntaxKind::LET_STMT => ast::LetStmt::cast(parent)
            .and_then(|stmt| stmt.initializer())
            .is_some_and(|init| init.syntax() == &expr),
        SyntaxKind::ARG_LIST
        | SyntaxKind::YIELD_EXPR
        | SyntaxKind::RETURN_EXPR
        | SyntaxKind::BREAK_EXPR
        | SyntaxKind::RANGE_EXPR
        | SyntaxKind::TUPLE_EXPR
        | SyntaxKind::ARRAY_EXPR
        | SyntaxKind::RECORD_EXPR_FIELD
        | SyntaxKind::MATCH_ARM
        | SyntaxKind::STMT_LIST => true,
        SyntaxKind::CAST_EXPR => is_first_child,
        SyntaxKind::PREFIX_EXPR => ast::PrefixExpr::cast(parent)
            .is_some_and(|p| matches!(p.op_kind(), Some(ast::UnaryOp::Neg | ast::UnaryOp::Not))),
        SyntaxKind::BIN_EXPR => ast::BinExpr::cast(parent).is_some_and(|bin| {
            matches!(
                bin.op_kind(),
                Some(ast::BinaryOp::ArithOp(_) | ast::BinaryOp::LogicOp(_))
            )
        }),
        SyntaxKind::IF_EXPR | SyntaxKind::WHILE_EXPR => ast::Expr::cast(parent.clone())
            .and_then(|_| parent.children().next())
            .is_some_and(|condition| condition == expr),
        SyntaxKind::FOR_EXPR => ast::ForExpr::cast(parent)
            .and_then(|for_expr| for_expr.iterable())
            .is_some_and(|iterable| iterable.syntax() == &expr),
        _ => false,
    }
}

/// The names of the inline arguments of a format string (`{x}`, `{x:?}`), escapes skipped.
fn inline_arguments(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'{' {
            if bytes.get(index + 1) == Some(&b'{') {
                index += 2;
                continue;
            }
            let start = index + 1;
            let mut end = start;
            while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
                end += 1;
            }
            if end > start
                && !bytes[start].is_ascii_digit()
                && matches!(bytes.get(end), Some(b'}') | Some(b':'))
                && let Some(name) = text.get(start..end)
            {
                names.push(name.to_owned());
            }
            index = end.max(index + 1);
        } else {
            index += 1;
        }
    }
    names
}

/// `text` with the inline arguments named in `renames` renamed.
fn rename_inline_arguments(text: &str, renames: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'{' && bytes.get(index + 1) == Some(&b'{') {
            out.push_str("{{");
            index += 2;
            continue;
        }
        if bytes[index] == b'{' {
            let start = index + 1;
            let mut end = start;
            while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
                end += 1;
            }
            if matches!(bytes.get(end), Some(b'}') | Some(b':'))
                && let Some(name) = text.get(start..end)
                && let Some((_, new_name)) = renames.iter().find(|(old, _)| old == name)
            {
                out.push('{');
                out.push_str(new_name);
                index = end;
                continue;
            }
        }
        let Some(character) = text[index..].chars().next() else {
            break;
        };
        out.push(character);
        index += character.len_utf8();
    }
    out
}

/// Original offset of the `{` of a block expression.
fn block_l_curly(analyzer: &Analyzer<'_, '_>, block: &SyntaxNode) -> Option<usize> {
    let block = ast::BlockExpr::cast(block.clone())?;
    let l_curly = block.stmt_list()?.l_curly_token()?;
    Some((usize::from(l_curly.text_range().start()) as isize + analyzer.delta).max(0) as usize)
}

/// The lowerer's macro re-parse, at another delta.
struct LowererDelta<'l, 'a> {
    lowerer: &'l Lowerer<'a>,
    delta: isize,
}

impl LowererDelta<'_, '_> {
    fn reparse(&self, call: &ast::MacroCall) -> Option<crate::macros::Reparsed> {
        self.lowerer.reparse_macro_arguments_at(call, self.delta)
    }
}

/// Whether `node` contains a `yield` of the generator being analyzed (not of a nested closure,
/// function, `async` or `gen` block). A postfix `.yield` is parsed as `.await`, which a `gen`
/// body cannot contain otherwise, so it counts too.
pub(crate) fn has_own_yield(node: &SyntaxNode) -> bool {
    fn walk(node: &SyntaxNode) -> bool {
        for child in node.children() {
            match child.kind() {
                SyntaxKind::YIELD_EXPR | SyntaxKind::AWAIT_EXPR => return true,
                SyntaxKind::CLOSURE_EXPR | SyntaxKind::FN => continue,
                SyntaxKind::BLOCK_EXPR
                    if ast::BlockExpr::cast(child.clone())
                        .is_some_and(|b| b.async_token().is_some() || b.gen_token().is_some()) =>
                {
                    continue;
                }
                _ => {}
            }
            if walk(&child) {
                return true;
            }
        }
        false
    }
    matches!(node.kind(), SyntaxKind::YIELD_EXPR | SyntaxKind::AWAIT_EXPR) || walk(node)
}

/// The statement that is `call` (a macro of this file that may yield) when it is invoked as a
/// statement ending in `;` (`m!(..);`, `m! { .. }`): the check copy puts the guarded
/// assignments of its `yield`s after that statement. `None` inside an expression (where a macro
/// expanding to statements could not be wrapped).
pub(crate) fn macro_yield_statement(call: &ast::MacroCall) -> Option<SyntaxNode> {
    let node = call.syntax();
    let parent = node.parent()?;
    if parent.kind() == SyntaxKind::MACRO_EXPR {
        let statement = parent.parent()?;
        let ends_in_semicolon = statement
            .children_with_tokens()
            .any(|element| element.kind() == SyntaxKind::SEMICOLON);
        return (statement.kind() == SyntaxKind::EXPR_STMT && ends_in_semicolon)
            .then_some(statement);
    }
    let is_statement = parent.kind() == SyntaxKind::STMT_LIST
        && node
            .children_with_tokens()
            .any(|element| element.kind() == SyntaxKind::SEMICOLON);
    is_statement.then(|| node.clone())
}

/// A place expression (a local, a field or index of one, a dereference): no temporary.
pub(crate) fn is_place(expr: &SyntaxNode) -> bool {
    match expr.kind() {
        SyntaxKind::PATH_EXPR => true,
        SyntaxKind::FIELD_EXPR | SyntaxKind::INDEX_EXPR | SyntaxKind::PAREN_EXPR => {
            expr.children().next().is_some_and(|inner| is_place(&inner))
        }
        SyntaxKind::PREFIX_EXPR => ast::PrefixExpr::cast(expr.clone())
            .is_some_and(|p| p.op_kind() == Some(ast::UnaryOp::Deref)),
        _ => false,
    }
}

/// A borrow of a temporary that rustc may keep alive past the statement it is in, where the
/// check copy cannot see it (no local to assign): `let r = &f();` (temporary lifetime
/// extension, also through struct, tuple and array expressions, casts and block tails), and
/// a statement in which a `yield` sits inside a larger expression that borrows a temporary.
fn temporary_borrow_the_copy_cannot_see(body: &SyntaxNode) -> Option<String> {
    fn borrows_temporary(expr: &SyntaxNode) -> bool {
        expr.descendants().any(|node| match node.kind() {
            SyntaxKind::REF_EXPR => ast::RefExpr::cast(node.clone())
                .and_then(|r| r.expr())
                .is_some_and(|inner| !is_place(inner.syntax())),
            SyntaxKind::METHOD_CALL_EXPR => ast::MethodCallExpr::cast(node.clone())
                .and_then(|m| m.receiver())
                .is_some_and(|receiver| !is_place(receiver.syntax())),
            SyntaxKind::INDEX_EXPR => ast::IndexExpr::cast(node.clone())
                .and_then(|i| i.base())
                .is_some_and(|base| !is_place(base.syntax())),
            _ => false,
        })
    }
    fn extends_temporary(init: &SyntaxNode) -> bool {
        match init.kind() {
            SyntaxKind::REF_EXPR => ast::RefExpr::cast(init.clone())
                .and_then(|r| r.expr())
                .is_some_and(|inner| {
                    !is_place(inner.syntax()) || extends_temporary(inner.syntax())
                }),
            SyntaxKind::RECORD_EXPR
            | SyntaxKind::RECORD_EXPR_FIELD_LIST
            | SyntaxKind::RECORD_EXPR_FIELD
            | SyntaxKind::TUPLE_EXPR
            | SyntaxKind::ARRAY_EXPR
            | SyntaxKind::PAREN_EXPR
            | SyntaxKind::CAST_EXPR => init.children().any(|child| extends_temporary(&child)),
            SyntaxKind::BLOCK_EXPR | SyntaxKind::STMT_LIST => ast::BlockExpr::cast(init.clone())
                .and_then(|b| b.tail_expr())
                .is_some_and(|tail| extends_temporary(tail.syntax())),
            _ => false,
        }
    }
    for node in body.descendants() {
        match node.kind() {
            SyntaxKind::LET_STMT => {
                if let Some(init) = ast::LetStmt::cast(node.clone()).and_then(|l| l.initializer())
                    && extends_temporary(init.syntax())
                {
                    return Some("a `let` keeps a temporary alive (lifetime extension)".to_owned());
                }
            }
            SyntaxKind::EXPR_STMT => {}
            _ => continue,
        }
        // A `yield` nested in the statement's expression (not the statement itself).
        let expr = match ast::ExprStmt::cast(node.clone()) {
            Some(statement) => statement.expr().map(|e| e.syntax().clone()),
            None => ast::LetStmt::cast(node.clone())
                .and_then(|l| l.initializer())
                .map(|e| e.syntax().clone()),
        };
        let Some(expr) = expr else { continue };
        if matches!(expr.kind(), SyntaxKind::YIELD_EXPR | SyntaxKind::AWAIT_EXPR)
            || matches!(
                expr.kind(),
                SyntaxKind::FOR_EXPR
                    | SyntaxKind::WHILE_EXPR
                    | SyntaxKind::LOOP_EXPR
                    | SyntaxKind::IF_EXPR
                    | SyntaxKind::MATCH_EXPR
                    | SyntaxKind::BLOCK_EXPR
            )
        {
            continue; // handled by the header wrapping or their own statements
        }
        if has_own_yield(&expr) && borrows_temporary(&expr) {
            return Some("a `yield` inside an expression that borrows a temporary".to_owned());
        }
    }
    None
}
