// `iter::from_coroutine` without `#![feature(iter_from_coroutine)]`.
#![feature(coroutines, stmt_expr_attributes)]

fn main() {
    let it = std::iter::from_coroutine( //~ ERROR: use of unstable library feature `iter_from_coroutine`: coroutines are unstable
        #[coroutine]
        || {
            yield 1;
        },
    );
    println!("{}", it.count());
}
