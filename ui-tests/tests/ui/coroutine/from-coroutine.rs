//@run
// `iter::from_coroutine` turns a coroutine with `Return = ()` into an iterator.
#![feature(coroutines, iter_from_coroutine, stmt_expr_attributes)]

fn main() {
    let it = std::iter::from_coroutine(
        #[coroutine]
        || {
            for i in 0..4 {
                yield i * i;
            }
        },
    );
    println!("{:?}", it.collect::<Vec<_>>());
}
