//@run: 101
// `iter::from_coroutine` is not fused: `next()` after the end resumes a completed coroutine.
#![feature(coroutines, iter_from_coroutine, stmt_expr_attributes)]

fn main() {
    let mut it = std::iter::from_coroutine(
        #[coroutine]
        || {
            yield 1;
        },
    );
    println!("{:?}", it.next());
    println!("{:?}", it.next());
    println!("{:?}", it.next());
}
