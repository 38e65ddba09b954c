//! `for await PAT in EXPR BLOCK`.

use yieldc_syntax::ra_ap_syntax::ast::{self, AstNode, HasLoopBody};

use crate::lowerer::Lowerer;
use crate::source_map::DesugaringKind;

impl Lowerer<'_> {
    /// `['label:] for await PAT in EXPR BLOCK` (see `yieldc_rt::async_iter` and
    /// `yieldc_rt/src/for_await.rs`):
    ///
    /// ```text
    /// match EXPR { __yieldc_src => match {
    ///     #[allow(unused_imports)]
    ///     use ::yieldc_rt::__for_await::{ViaAsyncIterator as _, ViaStream as _, ViaFallback as _};
    ///     (&&&::yieldc_rt::__for_await::probe(&__yieldc_src)).__yieldc_for_await_kind()
    /// }.into_async_iter(__yieldc_src) {
    ///     mut __yieldc_iter => {
    ///         let mut __yieldc_iter = ::core::pin::pin!(__yieldc_iter);
    ///         ['label:] loop {
    ///             let PAT = match ::yieldc_rt::async_iter::next(__yieldc_iter.as_mut()).await {
    ///                 ::core::option::Option::Some(__yieldc_item) => __yieldc_item,
    ///                 ::core::option::Option::None => break,
    ///             };
    ///             BLOCK
    ///         }
    ///     }
    /// } } }
    /// ```
    /// The kind is chosen by method resolution: `IntoAsyncIterator` (nightly's
    /// `into_async_iter(EXPR)`) whenever it applies, else `futures_core::Stream` (runtime
    /// feature `stream`), else `IntoAsyncIterator` again for nightly's E0277. `EXPR`'s
    /// temporaries live for the whole loop, as in nightly's `match into_async_iter(EXPR)`. The
    /// moved `__yieldc_src` maps to `EXPR`, so a type error lands there. The label and pattern
    /// are emitted after `EXPR`, on its last line.
    pub(crate) fn lower_for_await(&mut self, for_expr: &ast::ForExpr) {
        let node = for_expr.syntax().clone();
        let (Some(pat), Some(iterable), Some(block)) =
            (for_expr.pat(), for_expr.iterable(), for_expr.loop_body())
        else {
            self.emit_children(&node);
            return;
        };
        let kind = DesugaringKind::ForAwait;
        let start = self.node_start(&node);
        let iterable_start = self.node_start(iterable.syntax());
        let iterable_end = self.node_end(iterable.syntax());
        let block_start = self.node_start(block.syntax());
        let end = self.node_end(&node);
        self.replace(start, iterable_start, "match ", kind);
        self.emit_node(iterable.syntax());
        self.generate(
            " { __yieldc_src => match { #[allow(unused_imports)] use ::yieldc_rt::__for_await::{ViaAsyncIterator as _, ViaStream as _, ViaFallback as _}; (&&&::yieldc_rt::__for_await::probe(&__yieldc_src)).__yieldc_for_await_kind() }.",
            iterable_end,
            kind,
        );
        // The method and its argument map to `EXPR`: an unsatisfied bound is reported there.
        self.out
            .generated("into_async_iter", iterable_start..iterable_end, kind);
        self.generate("(", iterable_end, kind);
        self.out
            .generated("__yieldc_src", iterable_start..iterable_end, kind);
        self.generate(
            ") { mut __yieldc_iter => { let mut __yieldc_iter = ::core::pin::pin!(__yieldc_iter); ",
            iterable_end,
            kind,
        );
        if let Some(label) = for_expr.label() {
            self.emit_tokens_only_flat(label.syntax());
            self.generate(" ", iterable_end, kind);
        }
        self.generate("loop { let ", iterable_end, kind);
        self.emit_tokens_only_flat(pat.syntax());
        self.generate(
            " = match ::yieldc_rt::async_iter::next(__yieldc_iter.as_mut()).await { ::core::option::Option::Some(__yieldc_item) => __yieldc_item, ::core::option::Option::None => break, }; ",
            iterable_end,
            kind,
        );
        self.replace(iterable_end, block_start, "", kind);
        self.emit_node(block.syntax());
        self.emit_children_within(&node, self.node_end(block.syntax()), end);
        self.generate(" } } } }", end, kind);
    }

    /// Copies a (small, moved) node's tokens, with its line breaks and comments as spaces.
    fn emit_tokens_only_flat(&mut self, node: &yieldc_syntax::ra_ap_syntax::SyntaxNode) {
        for element in node.descendants_with_tokens() {
            if let Some(token) = element.into_token() {
                let start = self.token_start(&token);
                let end = self.token_end(&token);
                let text = token.text();
                if text.contains('\n')
                    || token.kind() == yieldc_syntax::ra_ap_syntax::SyntaxKind::COMMENT
                {
                    self.out
                        .generated(" ", start..end, DesugaringKind::CheckCopyTrivia);
                } else {
                    self.out.copy(self.original, start, end);
                }
            }
        }
    }
}
