//@run
// Gates the crate declares but does not use get nightly's `unused_features` warning, at the
// gate, language gates first, then library gates, each group in declaration order. Used here:
// `gen_blocks` (the `gen` block), `coroutines` and `yield_expr` (its `yield`), and
// `stmt_expr_attributes`-free `#[coroutine]` in a call argument.
#![feature(coroutine_trait, gen_blocks, async_iterator, coroutines, async_for_loop)]
#![feature(yield_expr, stmt_expr_attributes, iter_macro)]

fn first<I: Iterator<Item = u8>>(mut it: I) -> Option<u8> {
    it.next()
}

fn main() {
    println!("{:?}", first(gen { yield 1; }));
    let c = Some(#[coroutine] || { yield 2; });
    println!("{}", c.is_some());
}
