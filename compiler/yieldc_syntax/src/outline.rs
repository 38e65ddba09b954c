//! The outline of one file: its parse tree (of the substituted text), the substitutions made
//! before parsing, the crate's feature gates, and every coroutine form with its span.

use ra_ap_syntax::ast::{self, HasAttrs};
use ra_ap_syntax::{AstNode, SourceFile, SyntaxKind, SyntaxNode, SyntaxToken, TextRange};

use crate::{Diagnostic, Edition, ParseOptions, Span};

/// Which same-length substitution was made before parsing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SubstitutionKind {
    /// `e.yield` → `e.await`: the `yield` keyword became `await`.
    PostfixYield,
    /// `for await PAT` → `for       PAT`: the `await` keyword became spaces.
    ForAwait,
}

/// One substitution; `span` is the replaced keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Substitution {
    /// What was replaced.
    pub kind: SubstitutionKind,
    /// The keyword's bytes (the same in the original and the substituted text).
    pub span: Span,
}

/// One `#![feature(NAME)]` entry of the crate root.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Feature {
    /// The gate name.
    pub name: String,
    /// The name's bytes.
    pub span: Span,
    /// The whole attribute `#![feature(..)]` (or `#![cfg_attr(..)]`).
    pub attribute: Span,
    /// For a gate in an active `#![cfg_attr(PREDICATE, .., feature(..), ..)]`: the bytes of
    /// `, feature(..)` (with the comma before it), and whether the `cfg_attr` holds nothing
    /// else.
    pub cfg_attr: Option<(Span, bool)>,
}

/// The kind of a coroutine form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormKind {
    /// `gen {}`, `gen move {}`, `async gen {}`, `async gen move {}`.
    GenBlock {
        /// `async gen`.
        is_async: bool,
        /// `move`.
        is_move: bool,
    },
    /// `gen fn` / `async gen fn` (free, inherent, trait, impl).
    GenFn {
        /// `async gen fn`.
        is_async: bool,
    },
    /// `yield e`, bare `yield`, postfix `e.yield`.
    Yield {
        /// `e.yield`.
        postfix: bool,
        /// No operand.
        bare: bool,
    },
    /// `for await PAT in EXPR BLOCK`.
    ForAwait,
    /// `#[coroutine] [static] [move] |args| body`.
    CoroutineClosure {
        /// `static`.
        is_static: bool,
        /// `move`.
        is_move: bool,
    },
    /// `iter!(|args| body)`.
    IterMacro,
}

/// A coroutine form and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Form {
    /// What.
    pub kind: FormKind,
    /// The whole form.
    pub span: Span,
}

/// The result of [`crate::parse`].
#[derive(Clone, Debug)]
pub struct Outline {
    /// The original text.
    pub original_text: String,
    /// The text that was parsed: the original with the substitutions applied (same length).
    pub substituted_text: String,
    /// The edition the file was parsed with.
    pub edition: Edition,
    /// The root of the parse tree of `substituted_text`.
    pub root: SyntaxNode,
    /// The substitutions, in source order.
    pub substitutions: Vec<Substitution>,
    /// `#![feature(..)]` gates of this file (only inner attributes at the file's top).
    pub features: Vec<Feature>,
    /// Gates in force for the crate (this file's if it is the root, else the options').
    pub enabled_features: Vec<String>,
    /// Every coroutine form, in source order of its start.
    pub forms: Vec<Form>,
    /// Whether the parsed text is one associated item on its own (a tile of an `impl` or
    /// `trait` block, see [`parse_part`]): its `fn` is then not an item of rustc's.
    pub root_is_associated_item: bool,
}

impl Outline {
    /// The substitution whose keyword starts at `offset`, if any.
    pub fn substitution_at(&self, offset: usize) -> Option<Substitution> {
        self.substitutions
            .binary_search_by_key(&offset, |substitution| substitution.span.start)
            .ok()
            .map(|index| self.substitutions[index])
    }

    /// Whether gate `name` is enabled.
    pub fn feature_enabled(&self, name: &str) -> bool {
        self.enabled_features.iter().any(|feature| feature == name)
    }
}

pub(crate) fn build(source: &str, options: &ParseOptions) -> (Outline, Vec<Diagnostic>) {
    let (outline, diagnostics, _) = build_inner(source, options, None, false);
    (outline, diagnostics)
}

/// Parses one tile of a file on its own (see [`crate::items`]): the file's leading inner
/// attributes ([`TileKind::Prelude`], `file_features` is `None`) or one item
/// ([`TileKind::Item`], `file_features` are the gates of the file's prelude). `part` is
/// `source[base..base + part.len()]`; every span of the result (forms, substitutions, features,
/// diagnostics) is an offset into the whole file, while the tree's offsets stay relative to
/// `part`. `None` when the part does not parse on its own without errors as exactly one item
/// (or as inner attributes only): then the caller must parse the whole file.
pub fn parse_part(
    part: &str,
    base: usize,
    kind: crate::items::TileKind,
    associated: bool,
    options: &ParseOptions,
    file_features: Option<&[String]>,
) -> Option<(Outline, Vec<Diagnostic>)> {
    let (mut outline, mut diagnostics, has_syntax_errors) =
        build_inner(part, options, file_features, associated);
    if has_syntax_errors {
        return None;
    }
    let is_valid = match kind {
        crate::items::TileKind::Prelude => outline
            .root
            .children()
            .all(|child| child.kind() == SyntaxKind::ATTR),
        crate::items::TileKind::Item => outline.root.children().count() == 1,
        crate::items::TileKind::Fragment => false,
    };
    if !is_valid {
        return None;
    }
    let shift = |span: &mut Span| {
        span.start += base;
        span.end += base;
    };
    for form in &mut outline.forms {
        shift(&mut form.span);
    }
    for substitution in &mut outline.substitutions {
        shift(&mut substitution.span);
    }
    for feature in &mut outline.features {
        shift(&mut feature.span);
        shift(&mut feature.attribute);
        if let Some((with_comma, _)) = &mut feature.cfg_attr {
            shift(with_comma);
        }
    }
    for diagnostic in &mut diagnostics {
        shift(&mut diagnostic.primary);
        for label in &mut diagnostic.labels {
            shift(&mut label.span);
        }
        for suggestion in &mut diagnostic.suggestions {
            shift(&mut suggestion.span);
        }
    }
    Some((outline, diagnostics))
}

/// The outline of `source`, its diagnostics, and whether the lexer or the parser reported
/// errors (after substitution).
fn build_inner(
    source: &str,
    options: &ParseOptions,
    file_features: Option<&[String]>,
    root_is_associated_item: bool,
) -> (Outline, Vec<Diagnostic>, bool) {
    let edition = options.edition;
    let (first_root, first_has_errors) = parse_source_file(source, edition);
    // `.yield` needs `yield` after a `.` (and maybe trivia), `for await` needs `await`: else
    // skip the token walk.
    let substitutions = if may_have_substitutions(source) {
        find_substitutions(&first_root)
    } else {
        Vec::new()
    };
    let (substituted_text, root, has_syntax_errors) = if substitutions.is_empty() {
        (source.to_owned(), first_root, first_has_errors)
    } else {
        let substituted_text = apply_substitutions(source, &substitutions);
        let postfix_yields: Vec<usize> = substitutions
            .iter()
            .filter(|s| s.kind == SubstitutionKind::PostfixYield)
            .map(|s| s.span.start)
            .collect();
        let (root, has_errors) =
            parse_substituted_source_file(&substituted_text, edition, &postfix_yields);
        (substituted_text, root, has_errors)
    };
    let features = find_features(&root, options.active_cfgs.as_deref());
    let enabled_features = if options.is_crate_root {
        match file_features {
            Some(file_features) => file_features.to_vec(),
            None => features
                .iter()
                .map(|feature| feature.name.clone())
                .collect(),
        }
    } else {
        options.crate_features.clone()
    };
    let mut outline = Outline {
        original_text: source.to_owned(),
        substituted_text,
        edition,
        root,
        substitutions,
        features,
        enabled_features,
        forms: Vec::new(),
        root_is_associated_item,
    };
    let mut diagnostics = Vec::new();
    find_forms(&mut outline, options, &mut diagnostics);
    (outline, diagnostics, has_syntax_errors)
}

/// `SourceFile::parse` (the same steps as `ra_ap_syntax::parsing::parse_text`, through the
/// public API of the same pinned crates), and whether the lexer or the parser reported an
/// error. `Parse::errors` would also run `ra_ap_syntax`'s validation pass over the whole tree
/// (literal escapes, misplaced `let`, ...): its errors never change the tree, which is all
/// that [`parse_part`] asks about, and the pass cost 6 % of the item-limited lowering.
fn parse_source_file(text: &str, edition: Edition) -> (SyntaxNode, bool) {
    parse_substituted_source_file(text, edition, &[])
}

/// [`parse_source_file`] of the substituted text: the `await` of each postfix `.yield`
/// (`postfix_yields`, their byte offsets) is the keyword in every edition. Before 2018 `await`
/// is an identifier, and `e.await` would parse as a field access.
pub(crate) fn parse_substituted_source_file(
    text: &str,
    edition: Edition,
    postfix_yields: &[usize],
) -> (SyntaxNode, bool) {
    let edition = edition.to_ra();
    let lexed = ra_ap_parser::LexedStr::new(edition, text);
    let input = if postfix_yields.is_empty() || edition != ra_ap_syntax::Edition::Edition2015 {
        lexed.to_input(edition)
    } else {
        to_input_with_postfix_yields(&lexed, edition, postfix_yields)
    };
    let output = ra_ap_parser::TopEntryPoint::SourceFile.parse(&input);
    let mut builder = ra_ap_syntax::SyntaxTreeBuilder::default();
    let mut has_errors = lexed.errors().next().is_some();
    lexed.intersperse_trivia(&output, &mut |step| match step {
        ra_ap_parser::StrStep::Token { kind, text } => builder.token(kind, text),
        ra_ap_parser::StrStep::Enter { kind } => builder.start_node(kind),
        ra_ap_parser::StrStep::Exit => builder.finish_node(),
        ra_ap_parser::StrStep::Error { .. } => has_errors = true,
    });
    (builder.finish().syntax_node(), has_errors)
}

/// `LexedStr::to_input` (the same steps), except that the identifier `await` at each offset of
/// `postfix_yields` is given to the parser as the keyword.
fn to_input_with_postfix_yields(
    lexed: &ra_ap_parser::LexedStr<'_>,
    edition: ra_ap_syntax::Edition,
    postfix_yields: &[usize],
) -> ra_ap_parser::Input {
    let mut input = ra_ap_parser::Input::with_capacity(lexed.len());
    let mut was_joint = false;
    for index in 0..lexed.len() {
        let kind = lexed.kind(index);
        if kind.is_trivia() {
            was_joint = false;
        } else if kind == SyntaxKind::IDENT
            && lexed.text(index) == "await"
            && postfix_yields.contains(&lexed.text_start(index))
        {
            if was_joint {
                input.was_joint();
            }
            input.push(SyntaxKind::AWAIT_KW, ra_ap_syntax::Edition::Edition2018);
            was_joint = true;
        } else if kind == SyntaxKind::IDENT {
            let text = lexed.text(index);
            input.push_ident(
                SyntaxKind::from_contextual_keyword(text, edition).unwrap_or(SyntaxKind::IDENT),
                edition,
            );
            was_joint = true;
        } else {
            if was_joint {
                input.was_joint();
            }
            input.push(kind, edition);
            if kind == SyntaxKind::FLOAT_NUMBER {
                if !lexed.text(index).ends_with('.') {
                    input.was_joint();
                } else {
                    was_joint = false;
                }
            } else {
                was_joint = true;
            }
        }
    }
    input
}

fn is_trivia(kind: SyntaxKind) -> bool {
    matches!(kind, SyntaxKind::WHITESPACE | SyntaxKind::COMMENT)
}

/// The next token after `token` that is not whitespace or a comment.
pub(crate) fn next_non_trivia(token: &SyntaxToken) -> Option<SyntaxToken> {
    let mut next = token.next_token();
    while let Some(candidate) = next {
        if !is_trivia(candidate.kind()) {
            return Some(candidate);
        }
        next = candidate.next_token();
    }
    None
}

fn find_substitutions(root: &SyntaxNode) -> Vec<Substitution> {
    let mut substitutions = Vec::new();
    for element in root.descendants_with_tokens() {
        let Some(token) = element.into_token() else {
            continue;
        };
        match token.kind() {
            SyntaxKind::DOT => {
                if let Some(next) = next_non_trivia(&token)
                    && next.kind() == SyntaxKind::YIELD_KW
                {
                    substitutions.push(Substitution {
                        kind: SubstitutionKind::PostfixYield,
                        span: Span::from_range(next.text_range()),
                    });
                }
            }
            SyntaxKind::FOR_KW => {
                // Before edition 2018, `for await in ..` binds a variable named `await`.
                if let Some(next) = next_non_trivia(&token)
                    && (next.kind() == SyntaxKind::AWAIT_KW
                        || (next.kind() == SyntaxKind::IDENT
                            && next.text() == "await"
                            && next_non_trivia(&next)
                                .is_none_or(|after| after.kind() != SyntaxKind::IN_KW)))
                {
                    substitutions.push(Substitution {
                        kind: SubstitutionKind::ForAwait,
                        span: Span::from_range(next.text_range()),
                    });
                }
            }
            _ => {}
        }
    }
    substitutions.sort_by_key(|substitution| substitution.span.start);
    substitutions.dedup();
    substitutions
}

/// Whether `source` may hold a postfix `.yield` or a `for await`: an `await`, or a `yield`
/// that trivia may separate from a `.` before it. Going back from the `yield` over whitespace,
/// the previous byte is a `.`, ends a block comment (`/`) or is not ASCII (Unicode whitespace),
/// or a newline was crossed and the line before holds `//` (it may end in a line comment).
fn may_have_substitutions(source: &str) -> bool {
    if source.contains("await") {
        return true;
    }
    let bytes = source.as_bytes();
    memchr::memmem::find_iter(bytes, b"yield").any(|at| {
        let mut index = at;
        let mut crossed_line = false;
        while index > 0 {
            match bytes[index - 1] {
                b'\n' => crossed_line = true,
                b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {}
                _ => break,
            }
            index -= 1;
        }
        if index > 0 && (matches!(bytes[index - 1], b'.' | b'/') || bytes[index - 1] >= 0x80) {
            return true;
        }
        if crossed_line {
            let line_start = memchr::memrchr(b'\n', &bytes[..index]).map_or(0, |at| at + 1);
            return memchr::memmem::find(&bytes[line_start..index], b"//").is_some();
        }
        false
    })
}

/// `source` with same-length `substitutions` (in order) applied: the text that is parsed.
pub fn apply_substitutions<'a>(
    source: &str,
    substitutions: impl IntoIterator<Item = &'a Substitution>,
) -> String {
    let mut text = String::with_capacity(source.len());
    let mut cursor = 0;
    for substitution in substitutions {
        let Span { start, end } = substitution.span;
        if start < cursor || end > source.len() {
            continue;
        }
        text.push_str(&source[cursor..start]);
        match substitution.kind {
            SubstitutionKind::PostfixYield => text.push_str("await"),
            SubstitutionKind::ForAwait => text.extend(std::iter::repeat_n(' ', end - start)),
        }
        cursor = end;
    }
    text.push_str(&source[cursor..]);
    text
}

fn find_features(root: &SyntaxNode, active_cfgs: Option<&[String]>) -> Vec<Feature> {
    let mut features = Vec::new();
    let Some(file) = SourceFile::cast(root.clone()) else {
        return features;
    };
    for attribute in file.attrs() {
        if attribute.excl_token().is_none() {
            continue;
        }
        let Some(meta) = attribute.meta() else {
            continue;
        };
        if let ast::Meta::CfgAttrMeta(cfg_attr) = &meta {
            if let Some(active_cfgs) = active_cfgs {
                features.extend(cfg_attr_features(&attribute, cfg_attr, active_cfgs));
            }
            continue;
        }
        let is_feature = meta
            .path()
            .is_some_and(|path| path.syntax().text().to_string().trim() == "feature");
        if !is_feature {
            continue;
        }
        let Some(token_tree) = meta
            .syntax()
            .descendants()
            .find(|node| node.kind() == SyntaxKind::TOKEN_TREE)
        else {
            continue;
        };
        for element in token_tree.children_with_tokens() {
            if let Some(token) = element.into_token()
                && token.kind() == SyntaxKind::IDENT
            {
                features.push(Feature {
                    name: token.text().to_owned(),
                    span: Span::from_range(token.text_range()),
                    attribute: Span::from_range(attribute.syntax().text_range()),
                    cfg_attr: None,
                });
            }
        }
    }
    features
}

/// The gates of an inner `#![cfg_attr(PREDICATE, feature(..))]` whose predicate holds.
fn cfg_attr_features(
    attribute: &ast::Attr,
    meta: &ast::CfgAttrMeta,
    active_cfgs: &[String],
) -> Vec<Feature> {
    let (Some(open), Some(close)) = (meta.l_paren_token(), meta.r_paren_token()) else {
        return Vec::new();
    };
    let base = usize::from(open.text_range().end());
    let node_start = usize::from(meta.syntax().text_range().start());
    let text = meta.syntax().text().to_string();
    let Some(inner) =
        text.get(base - node_start..usize::from(close.text_range().start()) - node_start)
    else {
        return Vec::new();
    };
    let Some(found) = crate::cfg::cfg_attr(inner, active_cfgs) else {
        return Vec::new();
    };
    if !found.active {
        return Vec::new();
    }
    let only_features = !found.has_other_attributes;
    let attribute_span = Span::from_range(attribute.syntax().text_range());
    let shifted = |range: &std::ops::Range<usize>| Span {
        start: base + range.start,
        end: base + range.end,
    };
    found
        .feature_metas
        .iter()
        .flat_map(|meta| {
            let with_comma = shifted(&meta.with_comma);
            meta.names.iter().map(move |(name, range)| Feature {
                name: name.clone(),
                span: shifted(range),
                attribute: attribute_span,
                cfg_attr: Some((with_comma, only_features)),
            })
        })
        .collect()
}

/// What encloses a node, for the context checks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Enclosing {
    /// A sync `gen` block or `gen fn` body.
    SyncGen(TextRange),
    /// An `async gen` block or `async gen fn` body.
    AsyncGen(TextRange),
    /// A `#[coroutine]` closure.
    Coroutine(TextRange),
    /// A plain `async` block, closure or fn.
    Async(TextRange),
    /// A plain closure.
    Closure(TextRange),
    /// A plain fn or other item.
    Item,
}

/// The innermost body that decides what `yield` and `.await` mean at `node`.
pub fn enclosing_body(node: &SyntaxNode) -> Enclosing {
    for ancestor in node.ancestors().skip(1) {
        if let Some(block) = ast::BlockExpr::cast(ancestor.clone()) {
            let is_gen = block.gen_token().is_some();
            let is_async = block.async_token().is_some();
            match (is_async, is_gen) {
                (true, true) => return Enclosing::AsyncGen(ancestor.text_range()),
                (false, true) => return Enclosing::SyncGen(ancestor.text_range()),
                (true, false) => return Enclosing::Async(ancestor.text_range()),
                (false, false) => continue,
            }
        }
        if let Some(closure) = ast::ClosureExpr::cast(ancestor.clone()) {
            if gen_keyword_before_closure(&closure).is_some() {
                // `gen ||` does not parse (reported once, at `gen`).
                return Enclosing::SyncGen(ancestor.text_range());
            }
            if closure.gen_token().is_some() {
                // `gen`/`async gen` closures are rejected on their own; their yields are not
                // reported again.
                return if closure.async_token().is_some() {
                    Enclosing::AsyncGen(ancestor.text_range())
                } else {
                    Enclosing::SyncGen(ancestor.text_range())
                };
            }
            if is_coroutine_closure(&closure) {
                return Enclosing::Coroutine(ancestor.text_range());
            }
            if closure.async_token().is_some() {
                return Enclosing::Async(ancestor.text_range());
            }
            return Enclosing::Closure(ancestor.text_range());
        }
        if let Some(function) = ast::Fn::cast(ancestor.clone()) {
            let qualifiers = gen_fn_qualifiers(&function);
            let is_gen = qualifiers.is_some();
            let is_async = match &qualifiers {
                Some((_, async_token)) => async_token.is_some(),
                None => function.async_token().is_some(),
            };
            return match (is_async, is_gen) {
                (true, true) => Enclosing::AsyncGen(ancestor.text_range()),
                (false, true) => Enclosing::SyncGen(ancestor.text_range()),
                (true, false) => Enclosing::Async(ancestor.text_range()),
                (false, false) => Enclosing::Item,
            };
        }
        if matches!(
            ancestor.kind(),
            SyntaxKind::CONST | SyntaxKind::STATIC | SyntaxKind::IMPL | SyntaxKind::TRAIT
        ) {
            return Enclosing::Item;
        }
    }
    Enclosing::Item
}

/// rustc's *current item* around `node` (`LoweringContext::current_item`), which its E0728
/// labels "this is not `async`" and before which its `yield` error suggests `#[coroutine]`:
/// the innermost `gen`/`async` block (all of it), closure (its head: `static move |x| -> T`,
/// without attributes or body) or fn item (its signature: from the visibility, without
/// attributes, to the end of the `where` clause). `None` for an associated fn, a `const` or a
/// `static`, which rustc lowers without one.
pub fn current_item_span(outline: &Outline, node: &SyntaxNode) -> Option<TextRange> {
    for ancestor in node.ancestors().skip(1) {
        if let Some(block) = ast::BlockExpr::cast(ancestor.clone()) {
            if block.gen_token().is_some() || block.async_token().is_some() {
                return Some(ancestor.text_range());
            }
            continue;
        }
        if let Some(closure) = ast::ClosureExpr::cast(ancestor.clone()) {
            return head_before(&ancestor, closure.body().map(|body| body.syntax().clone()));
        }
        if let Some(function) = ast::Fn::cast(ancestor.clone()) {
            let associated = ancestor.parent().is_some_and(|parent| {
                parent.kind() == SyntaxKind::ASSOC_ITEM_LIST
                    || (parent.kind() == SyntaxKind::SOURCE_FILE && outline.root_is_associated_item)
            });
            if associated {
                return None;
            }
            return head_before(&ancestor, function.body().map(|body| body.syntax().clone()));
        }
        if matches!(
            ancestor.kind(),
            SyntaxKind::CONST | SyntaxKind::STATIC | SyntaxKind::IMPL | SyntaxKind::TRAIT
        ) {
            return None;
        }
    }
    None
}

/// The text of `node` from its first child that is not an attribute or trivia to the end of
/// the last one before `body`.
fn head_before(node: &SyntaxNode, body: Option<SyntaxNode>) -> Option<TextRange> {
    let mut start = None;
    let mut end = None;
    for element in node.children_with_tokens() {
        if body
            .as_ref()
            .is_some_and(|body| element.text_range().start() >= body.text_range().start())
        {
            break;
        }
        if element.kind() == SyntaxKind::ATTR || is_trivia(element.kind()) {
            continue;
        }
        start.get_or_insert(element.text_range().start());
        end = Some(element.text_range().end());
    }
    Some(TextRange::new(start?, end?))
}

/// The `gen` (and `async`) keywords of a gen fn: its own (`[async] gen fn`), or for nightly's
/// `[async] gen unsafe fn` and `[async] gen [unsafe] extern "C" fn`, which the parser does not
/// know, the keywords it left in error nodes just before the `unsafe fn` / `extern fn`.
pub fn gen_fn_qualifiers(function: &ast::Fn) -> Option<(SyntaxToken, Option<SyntaxToken>)> {
    if let Some(gen_token) = function.gen_token() {
        return Some((gen_token, function.async_token()));
    }
    let lone_keyword = |node: Option<SyntaxNode>, kind: SyntaxKind| {
        let node = node.filter(|node| node.kind() == SyntaxKind::ERROR)?;
        let mut tokens = node
            .descendants_with_tokens()
            .filter_map(|element| element.into_token())
            .filter(|token| !is_trivia(token.kind()));
        let token = tokens.next().filter(|token| {
            token.kind() == kind
                // Before edition 2024 `gen` is an identifier.
                || (kind == SyntaxKind::GEN_KW
                    && token.kind() == SyntaxKind::IDENT
                    && token.text() == "gen")
        })?;
        tokens.next().is_none().then_some(token)
    };
    if function.unsafe_token().is_none()
        && function.abi().is_none()
        && lone_keyword(previous_node(function.syntax()), SyntaxKind::GEN_KW)
            .is_none_or(|token| token.kind() != SyntaxKind::IDENT)
    {
        return None;
    }
    let previous = previous_node;
    let gen_error = previous(function.syntax());
    let gen_token = lone_keyword(gen_error.clone(), SyntaxKind::GEN_KW)?;
    let async_token = gen_error
        .as_ref()
        .and_then(|node| lone_keyword(previous(node), SyntaxKind::ASYNC_KW));
    Some((gen_token, async_token))
}

/// The node just before `node` among its siblings (trivia skipped).
fn previous_node(node: &SyntaxNode) -> Option<SyntaxNode> {
    let mut sibling = node.prev_sibling_or_token();
    while let Some(element) = &sibling {
        if !is_trivia(element.kind()) {
            break;
        }
        sibling = element.prev_sibling_or_token();
    }
    sibling.and_then(|element| element.into_node())
}

/// `gen || ..`, `gen move || ..`: the parser leaves `gen` in an error node just before the
/// closure. Nightly: "expected expression, found reserved keyword `gen`".
pub fn gen_keyword_before_closure(closure: &ast::ClosureExpr) -> Option<SyntaxToken> {
    let mut token = closure.syntax().first_token()?.prev_token();
    while let Some(candidate) = &token {
        if !is_trivia(candidate.kind()) {
            break;
        }
        token = candidate.prev_token();
    }
    let token = token.filter(|token| token.kind() == SyntaxKind::GEN_KW)?;
    let parent = token
        .parent()
        .filter(|parent| parent.kind() == SyntaxKind::ERROR)?;
    (parent
        .children_with_tokens()
        .filter(|e| !is_trivia(e.kind()))
        .count()
        == 1)
        .then_some(token)
}

/// Where a gen block may not be: `const fn` bodies, constants and statics (not inside a
/// closure there). Nightly: "`gen` blocks are not allowed in constant functions".
fn const_context_of_block(block: &SyntaxNode) -> Option<&'static str> {
    for ancestor in block.ancestors().skip(1) {
        match ancestor.kind() {
            SyntaxKind::CLOSURE_EXPR => return None,
            SyntaxKind::FN => {
                return ast::Fn::cast(ancestor)
                    .and_then(|function| function.const_token())
                    .map(|_| "constant functions");
            }
            SyntaxKind::CONST => return Some("constants"),
            SyntaxKind::STATIC => return Some("statics"),
            _ => {}
        }
    }
    None
}

/// Whether a closure carries `#[coroutine]`.
pub fn is_coroutine_closure(closure: &ast::ClosureExpr) -> bool {
    closure.attrs().any(|attribute| {
        attribute
            .meta()
            .and_then(|meta| meta.path())
            .map(|path| path.syntax().text().to_string().trim() == "coroutine")
            .unwrap_or(false)
    })
}

/// Whether `closure` is a plain closure that nightly makes a coroutine: one whose own body
/// (not a nested closure, item, `async` or `gen` block) holds a `yield`, anywhere (in or out of
/// a gen; rustc's `lower_expr_yield` turns any closure body without a coroutine kind into a
/// coroutine). Nightly rejects the `yield` there with its codeless "`yield` can only be used
/// in `#[coroutine]` closures, or `gen` blocks" and types the closure as a coroutine (so calling
/// it is E0618, and there is no E0627).
pub fn is_implicit_coroutine_closure(closure: &ast::ClosureExpr) -> bool {
    if is_coroutine_closure(closure)
        || closure.async_token().is_some()
        || closure.gen_token().is_some()
        || gen_keyword_before_closure(closure).is_some()
    {
        return false;
    }
    closure.body().is_some_and(|body| {
        // `|| gen { yield 1 }`: the `yield` is the gen block's.
        !is_async_or_gen_block(body.syntax()) && has_own_yield_expr(body.syntax())
    })
}

fn is_async_or_gen_block(node: &SyntaxNode) -> bool {
    ast::BlockExpr::cast(node.clone())
        .is_some_and(|b| b.async_token().is_some() || b.gen_token().is_some())
}

/// Whether `node` holds a `yield` expression of its own body (not of a nested closure, item,
/// `async` or `gen` block).
fn has_own_yield_expr(node: &SyntaxNode) -> bool {
    if node.kind() == SyntaxKind::YIELD_EXPR {
        return true;
    }
    node.children().any(|child| match child.kind() {
        SyntaxKind::CLOSURE_EXPR
        | SyntaxKind::FN
        | SyntaxKind::CONST
        | SyntaxKind::STATIC
        | SyntaxKind::IMPL
        | SyntaxKind::TRAIT
        | SyntaxKind::MODULE => false,
        SyntaxKind::BLOCK_EXPR if is_async_or_gen_block(&child) => false,
        _ => has_own_yield_expr(&child),
    })
}

/// Whether a macro call is `iter!` (also `core::iter::iter!`, `std::iter::iter!`).
pub fn is_iter_macro(call: &ast::MacroCall) -> bool {
    let Some(path) = call.path() else {
        return false;
    };
    let text = path.syntax().text().to_string();
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(
        text.as_str(),
        "iter"
            | "std::iter::iter"
            | "core::iter::iter"
            | "::std::iter::iter"
            | "::core::iter::iter"
    )
}

fn find_forms(outline: &mut Outline, options: &ParseOptions, diagnostics: &mut Vec<Diagnostic>) {
    let gates_known = options.is_crate_root || !options.crate_features.is_empty();
    let gate = |outline: &Outline, name: &str| !gates_known || outline.feature_enabled(name);
    let mut forms = Vec::new();
    // Where rustc's parser gives up on the rest of a block: (the error's start, the block's end).
    let mut abandoned: Vec<(usize, usize)> = Vec::new();
    let diagnostics_before = diagnostics.len();
    // No `#[cfg(false)]` without the word: the check at every `yield` is skipped (it looks at
    // every ancestor's attributes, the file's items among them).
    let may_configure_out = outline.original_text.contains("false");
    for node in outline.root.descendants() {
        let span = Span::from_range(node.text_range());
        match node.kind() {
            SyntaxKind::BLOCK_EXPR => {
                let Some(block) = ast::BlockExpr::cast(node.clone()) else {
                    continue;
                };
                let Some(gen_token) = block.gen_token() else {
                    continue;
                };
                let is_async = block.async_token().is_some();
                let is_move = block.move_token().is_some();
                forms.push(Form {
                    kind: FormKind::GenBlock { is_async, is_move },
                    span,
                });
                if !gate(outline, "gen_blocks") {
                    let start = block.async_token().unwrap_or(gen_token.clone());
                    let primary = Span::new(
                        usize::from(start.text_range().start()),
                        usize::from(gen_token.text_range().end()),
                    );
                    diagnostics.push(Diagnostic::missing_feature(
                        "gen blocks are experimental",
                        "gen_blocks",
                        117078,
                        primary,
                    ));
                }
                if let Some(context) = const_context_of_block(&node) {
                    let what = if is_async { "`async gen`" } else { "`gen`" };
                    diagnostics.push(Diagnostic::error(
                        None,
                        format!("{what} blocks are not allowed in {context}"),
                        span,
                    ));
                }
            }
            SyntaxKind::FN => {
                let Some(function) = ast::Fn::cast(node.clone()) else {
                    continue;
                };
                let Some((gen_token, async_token)) = gen_fn_qualifiers(&function) else {
                    continue;
                };
                if gen_token.kind() == SyntaxKind::IDENT {
                    // Before edition 2024, `gen fn` does not parse.
                    let in_list = node.parent().is_some_and(|parent| {
                        matches!(
                            parent.kind(),
                            SyntaxKind::ASSOC_ITEM_LIST | SyntaxKind::ITEM_LIST
                        )
                    });
                    let expected = if in_list {
                        "`#`, `async`, `const`, `default`, `extern`, `final`, `fn`, `pub`, `safe`, `unsafe`, `use`, or `}`"
                    } else {
                        "`#`, `async`, `const`, `default`, `extern`, `final`, `fn`, `pub`, `safe`, `unsafe`, or `use`"
                    };
                    diagnostics.push(
                        Diagnostic::error(
                            None,
                            format!("expected one of {expected}, found `gen`"),
                            Span::from_range(gen_token.text_range()),
                        )
                        .with_primary_label("unexpected token"),
                    );
                }
                let is_async = async_token.is_some();
                forms.push(Form {
                    kind: FormKind::GenFn { is_async },
                    span,
                });
                if !gate(outline, "gen_blocks") {
                    // rustc's span of the coroutine kind: `async gen` from `async` on.
                    let start = async_token
                        .as_ref()
                        .map(|token| token.text_range().start())
                        .filter(|start| *start < gen_token.text_range().start())
                        .unwrap_or(gen_token.text_range().start());
                    diagnostics.push(Diagnostic::missing_feature(
                        "gen blocks are experimental",
                        "gen_blocks",
                        117078,
                        Span::new(
                            usize::from(start),
                            usize::from(gen_token.text_range().end()),
                        ),
                    ));
                }
            }
            SyntaxKind::YIELD_EXPR => {
                let bare = ast::YieldExpr::cast(node.clone())
                    .and_then(|y| y.expr())
                    .is_none();
                forms.push(Form {
                    kind: FormKind::Yield {
                        postfix: false,
                        bare,
                    },
                    span,
                });
                check_yield_context(
                    outline,
                    &node,
                    span,
                    gates_known,
                    may_configure_out,
                    diagnostics,
                );
            }
            SyntaxKind::AWAIT_EXPR => {
                let Some(await_expr) = ast::AwaitExpr::cast(node.clone()) else {
                    continue;
                };
                let Some(await_token) = await_expr.await_token() else {
                    continue;
                };
                let keyword = Span::from_range(await_token.text_range());
                let postfix_yield = outline
                    .substitution_at(keyword.start)
                    .is_some_and(|s| s.kind == SubstitutionKind::PostfixYield);
                if postfix_yield {
                    forms.push(Form {
                        kind: FormKind::Yield {
                            postfix: true,
                            bare: false,
                        },
                        span,
                    });
                    check_yield_context(
                        outline,
                        &node,
                        span,
                        gates_known,
                        may_configure_out,
                        diagnostics,
                    );
                } else if let Enclosing::SyncGen(_) | Enclosing::Coroutine(_) =
                    enclosing_body(&node)
                {
                    let mut error = Diagnostic::error(
                        Some("E0728"),
                        "`await` is only allowed inside `async` functions and blocks",
                        keyword,
                    )
                    .with_primary_label("only allowed inside `async` functions and blocks");
                    if let Some(item) = current_item_span(outline, &node) {
                        error = error.with_label(Span::from_range(item), "this is not `async`");
                    }
                    diagnostics.push(error);
                }
            }
            SyntaxKind::FOR_EXPR => {
                let Some(for_token) = node
                    .children_with_tokens()
                    .filter_map(|element| element.into_token())
                    .find(|token| token.kind() == SyntaxKind::FOR_KW)
                else {
                    continue;
                };
                let Some(next) = for_token.next_token() else {
                    continue;
                };
                let mut cursor = Some(next);
                // The `await` keyword's span (nightly's gate error points there).
                let mut await_span = None;
                while let Some(token) = cursor {
                    if token.kind() != SyntaxKind::WHITESPACE {
                        break;
                    }
                    if let Some(substitution) = outline
                        .substitution_at(usize::from(token.text_range().start()))
                        .filter(|s| s.kind == SubstitutionKind::ForAwait)
                    {
                        await_span = Some(substitution.span);
                        break;
                    }
                    // The substituted spaces may be merged with the surrounding whitespace.
                    let range = token.text_range();
                    if let Some(substitution) = outline.substitutions.iter().find(|s| {
                        s.kind == SubstitutionKind::ForAwait
                            && s.span.start >= usize::from(range.start())
                            && s.span.end <= usize::from(range.end())
                    }) {
                        await_span = Some(substitution.span);
                        break;
                    }
                    cursor = token.next_token();
                }
                if let Some(await_span) = await_span {
                    forms.push(Form {
                        kind: FormKind::ForAwait,
                        span,
                    });
                    // In a sync generator or a coroutine (lowered to an `async` body, where the
                    // loop's `.await` would compile) nightly's E0728 at the iterable, as for a
                    // `for await` in a plain fn (which stable reports itself).
                    if let Enclosing::SyncGen(_) | Enclosing::Coroutine(_) = enclosing_body(&node) {
                        if let Some(iterable) = ast::ForExpr::cast(node.clone())
                            .and_then(|for_expr| for_expr.iterable())
                        {
                            let mut error = Diagnostic::error(
                                Some("E0728"),
                                "`await` is only allowed inside `async` functions and blocks",
                                Span::from_range(iterable.syntax().text_range()),
                            )
                            .with_primary_label("only allowed inside `async` functions and blocks");
                            if let Some(item) = current_item_span(outline, &node) {
                                error =
                                    error.with_label(Span::from_range(item), "this is not `async`");
                            }
                            diagnostics.push(error);
                        }
                    }
                    if !gate(outline, "async_for_loop") {
                        diagnostics.push(Diagnostic::missing_feature(
                            "`for await` loops are experimental",
                            "async_for_loop",
                            118898,
                            await_span,
                        ));
                    }
                }
            }
            SyntaxKind::CLOSURE_EXPR => {
                let Some(closure) = ast::ClosureExpr::cast(node.clone()) else {
                    continue;
                };
                if let Some(gen_token) = gen_keyword_before_closure(&closure) {
                    // rustc's parser recovers by skipping the rest of the enclosing block.
                    if let Some(block) = gen_token
                        .parent_ancestors()
                        .find(|ancestor| ancestor.kind() == SyntaxKind::STMT_LIST)
                    {
                        abandoned.push((
                            usize::from(gen_token.text_range().start()),
                            usize::from(block.text_range().end()),
                        ));
                    }
                    diagnostics.push(
                        Diagnostic::error(
                            None,
                            "expected expression, found reserved keyword `gen`",
                            Span::from_range(gen_token.text_range()),
                        )
                        .with_primary_label("expected expression"),
                    );
                    continue;
                }
                if closure.gen_token().is_some() {
                    diagnostics.push(
                        Diagnostic::error(
                            None,
                            if closure.async_token().is_some() {
                                "`async gen` closures are not supported"
                            } else {
                                "`gen` closures are not supported"
                            },
                            span,
                        )
                        .with_help(
                            "use a closure that returns a `gen` block: `|args| gen move { .. }`",
                        ),
                    );
                    continue;
                }
                if is_coroutine_closure(&closure) {
                    let is_static = closure.static_token().is_some();
                    let is_move = closure.move_token().is_some();
                    forms.push(Form {
                        kind: FormKind::CoroutineClosure { is_static, is_move },
                        span,
                    });
                    let attribute_span = closure
                        .attrs()
                        .find(|attribute| {
                            attribute
                                .meta()
                                .and_then(|meta| meta.path())
                                .is_some_and(|path| {
                                    path.syntax().text().to_string().trim() == "coroutine"
                                })
                        })
                        .map(|attribute| Span::from_range(attribute.syntax().text_range()))
                        .unwrap_or(span);
                    if !gate(outline, "stmt_expr_attributes")
                        && expression_attributes_are_gated_at(&node)
                    {
                        diagnostics.push(Diagnostic::missing_feature(
                            "attributes on expressions are experimental",
                            "stmt_expr_attributes",
                            15701,
                            attribute_span,
                        ));
                    }
                    if !gate(outline, "coroutines") {
                        diagnostics.push(Diagnostic::missing_feature(
                            "the `#[coroutine]` attribute is an experimental feature",
                            "coroutines",
                            43122,
                            attribute_span,
                        ));
                    }
                }
            }
            SyntaxKind::MACRO_CALL => {
                let Some(call) = ast::MacroCall::cast(node.clone()) else {
                    continue;
                };
                if is_iter_macro(&call) {
                    forms.push(Form {
                        kind: FormKind::IterMacro,
                        span,
                    });
                    if !gate(outline, "iter_macro") {
                        let primary = call
                            .path()
                            .map(|path| Span::from_range(path.syntax().text_range()))
                            .unwrap_or(span);
                        diagnostics.push(Diagnostic::missing_feature(
                            "use of unstable library feature `iter_macro`: generators are unstable",
                            "iter_macro",
                            142269,
                            primary,
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    forms.sort_by_key(|form| (form.span.start, std::cmp::Reverse(form.span.end)));
    outline.forms = forms;
    // Nothing after such an error in its block is reported (nightly never parses it).
    if !abandoned.is_empty() {
        let mut index = 0;
        diagnostics.retain(|diagnostic| {
            index += 1;
            index <= diagnostics_before
                || !abandoned.iter().any(|&(start, end)| {
                    diagnostic.primary.start > start && diagnostic.primary.start < end
                })
        });
    }
}

fn check_yield_context(
    outline: &Outline,
    node: &SyntaxNode,
    span: Span,
    gates_known: bool,
    may_configure_out: bool,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let enclosing = enclosing_body(node);
    // A closure nightly makes a coroutine: its `yield`'s error is the lowering's (it must let
    // rustc type the closure as a coroutine, for the E0618 of a call).
    let in_implicit_coroutine = matches!(enclosing, Enclosing::Closure(range)
    if node.ancestors().filter_map(ast::ClosureExpr::cast).any(|closure| {
        closure.syntax().text_range() == range && is_implicit_coroutine_closure(&closure)
    }));
    // Any of the three gates allows `yield` syntax anywhere (rustc's `lower_expr_yield`).
    let gated = outline.feature_enabled("yield_expr")
        || outline.feature_enabled("coroutines")
        || outline.feature_enabled("gen_blocks");
    if gates_known && !gated {
        diagnostics.push(Diagnostic::missing_feature(
            "yield syntax is experimental",
            "yield_expr",
            43122,
            span,
        ));
    }
    if may_configure_out && is_configured_out_by_cfg_false(node) {
        return;
    }
    match enclosing {
        Enclosing::SyncGen(_) | Enclosing::AsyncGen(_) | Enclosing::Coroutine(_) => {}
        // In any `async` body (one nested in a generator included) rustc's lowering of the
        // `yield` reports E0727; without a gate, only the gate's error (E0658, above).
        Enclosing::Async(_) => {
            if !gates_known || gated {
                diagnostics.push(Diagnostic::error(
                    Some("E0727"),
                    "`async` coroutines are not yet supported",
                    span,
                ));
            }
        }
        // With the gate, the lowering reports it (and rustc goes on to the closure's E0618);
        // without, this front end's E0658 stops the build, so the error is reported here.
        // Nightly makes any closure with a `yield` (postfix too) a coroutine, and reports once
        // per closure, at its first `yield`; never E0627 (a closure is a coroutine literal).
        Enclosing::Closure(range) => {
            let first = is_first_yield_of_closure(outline, node, range);
            if in_implicit_coroutine {
                if gates_known && !gated && first {
                    diagnostics.push(yield_outside_error(outline, node, span));
                }
            } else if first {
                diagnostics.push(yield_outside_error(outline, node, span));
            }
        }
        Enclosing::Item => {
            diagnostics.push(yield_outside_error(outline, node, span));
            diagnostics.push(Diagnostic::error(
                Some("E0627"),
                "yield expression outside of coroutine literal",
                span,
            ));
        }
    }
}

/// Whether `node` sits in code that `#[cfg(false)]` leaves out (on it or an ancestor): nightly
/// strips that code before it looks at any `yield` in it (only the syntax gates are checked
/// earlier). Other predicates are not evaluated here.
pub fn is_configured_out_by_cfg_false(node: &SyntaxNode) -> bool {
    has_cfg_on_ancestors(node, "false")
}

/// Whether `node` or one of its ancestors carries `#[cfg(PREDICATE)]`, the predicate compared
/// as written (whitespace ignored): `"false"`, `"test"`, `"not(test)"`.
pub fn has_cfg_on_ancestors(node: &SyntaxNode, predicate: &str) -> bool {
    let wanted = format!("cfg({predicate})");
    node.ancestors()
        .any(|ancestor| carries_cfg(&ancestor, &wanted))
}

/// The nodes of `root` (itself included) that carry `#[cfg(PREDICATE)]` (see
/// [`has_cfg_on_ancestors`]): one pass over the tree, for a caller that asks about every node
/// (`node.ancestors().any(|a| carriers.contains(&a))`, usually with no carrier at all).
pub fn cfg_carriers(root: &SyntaxNode, predicate: &str) -> std::collections::HashSet<SyntaxNode> {
    let wanted = format!("cfg({predicate})");
    root.descendants()
        .filter(|node| carries_cfg(node, &wanted))
        .collect()
}

/// Whether `node` has the attribute `#[WANTED]` (`cfg(..)`, whitespace ignored).
fn carries_cfg(node: &SyntaxNode, wanted: &str) -> bool {
    node.children().any(|child| {
        child.kind() == SyntaxKind::ATTR
            && ast::Attr::cast(child)
                .and_then(|attr| attr.meta())
                .is_some_and(|meta| {
                    let text: String = meta
                        .syntax()
                        .text()
                        .to_string()
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect();
                    text == wanted
                })
    })
}

/// Whether `node` (a `yield`, or the `.await` of a postfix `.yield`) is the first `yield` of its
/// enclosing plain closure (the one spanning `closure_range`), in source order.
fn is_first_yield_of_closure(
    outline: &Outline,
    node: &SyntaxNode,
    closure_range: TextRange,
) -> bool {
    let Some(closure) = node.ancestors().find(|ancestor| {
        ancestor.kind() == SyntaxKind::CLOSURE_EXPR && ancestor.text_range() == closure_range
    }) else {
        return true;
    };
    let first = closure.descendants().find(|candidate| {
        let is_yield = match candidate.kind() {
            SyntaxKind::YIELD_EXPR => true,
            SyntaxKind::AWAIT_EXPR => ast::AwaitExpr::cast(candidate.clone())
                .and_then(|await_expr| await_expr.await_token())
                .is_some_and(|token| {
                    outline
                        .substitution_at(usize::from(token.text_range().start()))
                        .is_some_and(|s| s.kind == SubstitutionKind::PostfixYield)
                }),
            _ => false,
        };
        is_yield
            && matches!(enclosing_body(candidate), Enclosing::Closure(range) if range == closure_range)
    });
    first.is_none_or(|first| first == *node)
}

/// rustc's error for a `yield` outside any coroutine, with its suggestion to put
/// `#[coroutine]` before the current item (see [`current_item_span`]), where there is one.
fn yield_outside_error(outline: &Outline, node: &SyntaxNode, span: Span) -> Diagnostic {
    let error = Diagnostic::error(
        None,
        "`yield` can only be used in `#[coroutine]` closures, or `gen` blocks",
        span,
    );
    match current_item_span(outline, node) {
        Some(item) => error.with_suggestion(
            "use `#[coroutine]` to make this closure a coroutine",
            Span::new(usize::from(item.start()), usize::from(item.start())),
            "#[coroutine] ",
        ),
        None => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text test never misses a substitution the token walk finds.
    #[test]
    fn substitution_prefilter_is_conservative() {
        for source in [
            "fn a() { x.yield; }",
            "fn a() { x. yield; }",
            "fn a() { x.\n    yield; }",
            "fn a() { x. /* c */ yield; }",
            "fn a() { x. // c\n yield; }",
            "fn a() { x.\n// c\n// d\n\n  yield; }",
            "fn a() { x.\u{2028}yield; }",
            "fn a() { x.\t\r\x0b\x0cyield; }",
            "fn a() { for await x in s {} }",
            "fn a() { for /* c */ await x in s {} }",
        ] {
            let (root, _) = parse_source_file(source, Edition::E2024);
            assert!(!find_substitutions(&root).is_empty(), "{source}");
            assert!(may_have_substitutions(source), "{source}");
        }
        for source in ["fn a() { yield x; }", "fn a() {\n    f();\n    yield 1;\n}"] {
            assert!(!may_have_substitutions(source), "{source}");
        }
    }
}

/// Whether rustc gates an attribute on the expression `node` (`stmt_expr_attributes`) where it
/// stands. Not on a statement nor a block's tail (statement attributes), nor on an element of
/// a comma-separated list: call and method arguments, array and tuple elements (rustc's
/// expansion configures those as removable list items and does not check the gate; checked on
/// nightly 2026-05-19: `take(#[coroutine] || ..)` is accepted, `let c = (#[coroutine] || ..);`
/// is E0658). Everywhere else it is gated: a `let` initializer, parentheses, a struct field, an
/// assignment, a match arm, a closure body, an operand.
pub fn expression_attributes_are_gated_at(node: &SyntaxNode) -> bool {
    let Some(parent) = node.parent() else {
        return true;
    };
    match parent.kind() {
        SyntaxKind::EXPR_STMT | SyntaxKind::STMT_LIST | SyntaxKind::ARG_LIST => false,
        SyntaxKind::TUPLE_EXPR => false,
        // `[a, b]` (a list), not `[x; n]`.
        SyntaxKind::ARRAY_EXPR => parent
            .children_with_tokens()
            .any(|element| element.kind() == SyntaxKind::SEMICOLON),
        _ => true,
    }
}
