//! `for await PAT in EXPR BLOCK`.

use yieldc_syntax::ra_ap_syntax::ast::{self, AstNode, HasLoopBody};

use crate::lowerer::Lowerer;
use crate::source_map::DesugaringKind;

impl Lowerer<'_> {
    /// `['label:] for await PAT in EXPR BLOCK` (see `yieldc_rt::__for_await!`,
    /// `yieldc_rt::async_iter` and `yieldc_rt/src/for_await.rs`) becomes
    ///
    /// ```text
    /// ::yieldc_rt::__for_await!{['label:] [__yieldc_src] [{
    ///     #[allow(unused_imports)]
    ///     use ::yieldc_rt::__for_await::{ViaAsyncIterator as _, ViaStream as _, ViaFallback as _};
    ///     (&&&::yieldc_rt::__for_await::probe(&__yieldc_src)).__yieldc_for_await_kind()
    /// }.into_async_iter(__yieldc_src)] [__yieldc_iter] [for _ in ::core::iter::repeat(())] {
    ///     ::yieldc_rt::__for_await_bind!{[PAT] [EXPR]
    ///         [::yieldc_rt::async_iter::next(__yieldc_iter.as_mut()).await] BLOCK}
    /// }}
    /// ```
    ///
    /// which the macros put in order:
    ///
    /// ```text
    /// match EXPR { __yieldc_src => match { /* the kind, as above */ }.into_async_iter(__yieldc_src) {
    ///     mut __yieldc_iter => {
    ///         let mut __yieldc_iter = ::core::pin::pin!(__yieldc_iter);
    ///         ['label:] for _ in ::core::iter::repeat(()) {
    ///             let PAT = match ::yieldc_rt::async_iter::next(__yieldc_iter.as_mut()).await {
    ///                 ::core::option::Option::Some(__yieldc_item) => __yieldc_item,
    ///                 ::core::option::Option::None => break,
    ///             };
    ///             BLOCK
    ///         }
    ///     }
    /// } }
    /// ```
    /// Every token stays where it was written (a header split over lines keeps its label and
    /// pattern on their lines); only the macros move the label and pattern after `EXPR`. The
    /// kind is chosen by method resolution: `IntoAsyncIterator` (nightly's
    /// `into_async_iter(EXPR)`) whenever it applies, else `futures_core::Stream` (runtime
    /// feature `stream`), else `IntoAsyncIterator` again for nightly's E0277. `EXPR`'s
    /// temporaries live for the whole loop, as in nightly's `match into_async_iter(EXPR)`. The
    /// moved `__yieldc_src` and the `.await` map to `EXPR`, so a type error or E0728 lands
    /// there. The loop is a `for` over an endless iterator of `()` (which LLVM removes), so
    /// `break VALUE` is nightly's E0571 for a `for` loop; its head maps to the header.
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
        let pat_start = self.node_start(pat.syntax());
        let pat_end = self.node_end(pat.syntax());
        let iterable_start = self.node_start(iterable.syntax());
        let iterable_end = self.node_end(iterable.syntax());
        let block_start = self.node_start(block.syntax());
        let end = self.node_end(&node);
        let expr = iterable_start..iterable_end;
        self.generate("::yieldc_rt::__for_await!{[", start, kind);
        let header_start = match for_expr.label() {
            Some(label) => {
                self.emit_node(label.syntax());
                self.node_end(label.syntax())
            }
            None => start,
        };
        let for_start = for_expr
            .for_token()
            .map_or(header_start, |token| self.token_start(&token));
        self.generate(
            "] [__yieldc_src] [{ #[allow(unused_imports)] use ::yieldc_rt::__for_await::{ViaAsyncIterator as _, ViaStream as _, ViaFallback as _}; (&&&::yieldc_rt::__for_await::probe(&__yieldc_src)).__yieldc_for_await_kind() }.",
            header_start,
            kind,
        );
        // The method and its argument map to `EXPR`: an unsatisfied bound is reported there.
        self.out.generated("into_async_iter", expr.clone(), kind);
        self.generate("(", header_start, kind);
        self.out.generated("__yieldc_src", expr.clone(), kind);
        self.generate(")] [__yieldc_iter] [", header_start, kind);
        self.out.generated(
            "for _ in ::core::iter::repeat(())",
            for_start..iterable_end,
            kind,
        );
        self.replace(
            header_start,
            pat_start,
            "] {::yieldc_rt::__for_await_bind!{[",
            kind,
        );
        self.emit_node(pat.syntax());
        self.replace(pat_end, iterable_start, "] [", kind);
        self.emit_node(iterable.syntax());
        self.generate("] [", iterable_end, kind);
        // The next item's future and its `.await` map to `EXPR` too (an async iterator that is
        // not one; E0728 outside `async`).
        self.out.generated(
            "::yieldc_rt::async_iter::next(__yieldc_iter.as_mut()).await",
            expr,
            kind,
        );
        self.generate("] ", iterable_end, kind);
        self.replace(iterable_end, block_start, "", kind);
        self.emit_node(block.syntax());
        self.emit_children_within(&node, self.node_end(block.syntax()), end);
        self.generate("}}}", end, kind);
    }
}
