//@run
// Every coroutine gate at once (`coroutine_clone` is accepted and not implemented).
#![feature(
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
