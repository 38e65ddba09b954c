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
//!   the top of the copy; a non-`move` body may only use outer variables by reference (`&x`)
//!   or call them, since by-value captures cannot be rebound without changing capture modes;
//! - `self` by value cannot be rebound: boxed;
//! - a macro whose arguments are neither expressions nor statements cannot be seen: boxed;
//! - items whose duplication changes meaning (`impl`, `trait`, `static`, attributes), tokens
//!   spanning lines (the copy sits on one line), a `yield` in the arguments of a call to a
//!   captured callee: boxed.

use std::collections::HashSet;

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
        bound_ever: HashSet::new(),
        free: Vec::new(),
        barrier_depth: 0,
        free_call_depth: 0,
        mode,
        self_is_reference,
    };
    for local in prologue_locals {
        analyzer.scopes[0].names.push((local.clone(), true));
        analyzer.bound_ever.insert(local.clone());
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

struct Scope {
    /// `(name, assignable in the copy here)`.
    names: Vec<(String, bool)>,
    /// Whether the scope belongs to the generator's own frame (not a nested closure or block
    /// coroutine).
    ours: bool,
}

#[derive(Default, Clone, Copy)]
struct FreeUse {
    value: bool,
    reference: bool,
    callee: bool,
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
    bound_ever: HashSet<String>,
    free: Vec<(String, FreeUse)>,
    barrier_depth: usize,
    free_call_depth: usize,
    mode: CaptureMode,
    self_is_reference: bool,
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
                    self.use_name(&name, node)?;
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
                    self.use_name(&name.text().to_string(), node)?;
                }
                self.visit_children(node)
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
                        free_callee = is_binding_name(&name) && !self.resolves(&name);
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
            let names = self.take_pending();
            if !names.is_empty() {
                let start = self.original(expr.syntax());
                self.plan.wrap_expr.insert(start, names);
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
        result
    }

    fn on_yield(&mut self, node: &SyntaxNode) -> Result<(), Refusal> {
        if !self.ours() {
            return Ok(());
        }
        if self.free_call_depth > 0 {
            return Err("a `yield` in the arguments of a call to a captured callee".to_owned());
        }
        let mut names = Vec::new();
        for scope in self.scopes.iter().filter(|scope| scope.ours) {
            for (name, assignable) in &scope.names {
                if !assignable {
                    return Err(format!(
                        "a `yield` where `{name}` is bound but not yet rebound"
                    ));
                }
                if !names.contains(name) {
                    names.push(name.clone());
                }
            }
        }
        let start = self.original(node);
        self.plan.yield_assigns.insert(start, names);
        Ok(())
    }

    /// Whether any identifier pattern of the file is named `name` (then a non-snake-case path
    /// may be a local and is treated as one).
    fn file_binds(&self, name: &str) -> bool {
        if name == "None" || name == "self" || name == "Self" {
            return false;
        }
        self.lowerer.pattern_names().contains(name)
    }

    fn resolves(&self, name: &str) -> bool {
        self.scopes
            .iter()
            .any(|scope| scope.names.iter().any(|(bound, _)| bound == name))
    }

    fn use_name(&mut self, name: &str, node: &SyntaxNode) -> Result<(), Refusal> {
        if name == "self" {
            if !self.self_is_reference {
                return Err("`self` by value".to_owned());
            }
            return Ok(());
        }
        if self.resolves(name) || !(is_binding_name(name) || self.file_binds(name)) {
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
        if is_callee {
            entry.callee = true;
        } else if is_reference {
            entry.reference = true;
        } else {
            entry.value = true;
        }
        Ok(())
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
            bindings.push((
                text,
                plain_top_level,
                ident.mut_token().is_some(),
                name_start,
            ));
        }
        let ours = self.ours() && !matches!(site, Site::NotOurs);
        for (name, plain_top_level, has_mut, name_start) in bindings {
            if ours {
                if self
                    .scopes
                    .iter()
                    .filter(|scope| scope.ours)
                    .any(|scope| scope.names.iter().any(|(n, _)| *n == name))
                {
                    return Err(format!("`{name}` shadows a binding in scope"));
                }
                if self.free.iter().any(|(free_name, _)| *free_name == name) {
                    return Err(format!("`{name}` is both bound and captured"));
                }
                self.bound_ever.insert(name.clone());
            }
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
                        self.plan
                            .rebind_after
                            .entry(*end)
                            .or_default()
                            .push(name.clone());
                    }
                    true
                }
                Site::BlockStart(l_curly) => {
                    self.plan
                        .rebind_block_start
                        .entry(*l_curly)
                        .or_default()
                        .push(name.clone());
                    true
                }
                Site::Pending => false,
            };
            let scope = self.scopes.last_mut().expect("a scope is always open");
            scope.names.push((name, assignable || !ours));
        }
        Ok(())
    }

    /// Names bound but not yet assignable in the innermost scope become assignable (they are
    /// rebound where the returned list is emitted).
    fn take_pending(&mut self) -> Vec<String> {
        let Some(scope) = self.scopes.last_mut() else {
            return Vec::new();
        };
        if !scope.ours {
            return Vec::new();
        }
        let mut names = Vec::new();
        for (name, assignable) in scope.names.iter_mut() {
            if !*assignable {
                *assignable = true;
                names.push(name.clone());
            }
        }
        names
    }

    /// The pending bindings of an `if let`/`while let` are rebound at the start of `block`.
    fn activate_pending(&mut self, block: &SyntaxNode) {
        let names = self.take_pending();
        if names.is_empty() {
            return;
        }
        match block_l_curly(self, block) {
            Some(l_curly) => {
                self.plan
                    .rebind_block_start
                    .entry(l_curly)
                    .or_default()
                    .extend(names);
            }
            None => {
                // No block to rebind in: make the names unassignable again so a yield refuses.
                if let Some(scope) = self.scopes.last_mut() {
                    for (name, assignable) in scope.names.iter_mut() {
                        if names.contains(name) {
                            *assignable = false;
                        }
                    }
                }
            }
        }
    }

    fn finish(self, prologue_locals: &[String]) -> Result<CopyPlan, Refusal> {
        let mut plan = self.plan;
        for (name, _) in &self.free {
            if self.bound_ever.contains(name) {
                return Err(format!("`{name}` is both bound and captured"));
            }
        }
        plan.captures = prologue_locals.to_vec();
        match self.mode {
            CaptureMode::Move => {
                for (name, free_use) in &self.free {
                    if (free_use.value || free_use.reference) && !plan.captures.contains(name) {
                        plan.captures.push(name.clone());
                    }
                }
            }
            CaptureMode::Ref => {
                if let Some((name, _)) = self.free.iter().find(|(_, free_use)| free_use.value) {
                    return Err(format!(
                        "`{name}` may be captured by value by a non-`move` body"
                    ));
                }
            }
        }
        Ok(plan)
    }
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
