// Every coroutine gate at once.
// FIXME(yieldc): nightly accepts it and runs it; yieldc rejects it with E0554@3 (see the nightly-diff allow file).
#![feature( //~ ERROR: `#![feature]` may not be used on the stable release channel
    gen_blocks,
    async_iterator,
    async_for_loop,
    async_iter_from_iter,
    coroutines,
    coroutine_trait,
    stmt_expr_attributes,
    coroutine_clone,
    iter_from_coroutine,
    iter_macro,
    yield_expr
)]

fn main() {
    let g = gen {
        yield "all gates";
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
