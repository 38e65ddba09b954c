// `iter::from_coroutine` without `#![feature(iter_from_coroutine)]`.
// FIXME(yieldc): nightly rejects it with E0658@5; yieldc accepts it (see the nightly-diff allow file).
//@check-pass
#![feature(coroutines, stmt_expr_attributes)]

fn main() {
    let it = std::iter::from_coroutine(
        #[coroutine]
        || {
            yield 1;
        },
    );
    println!("{}", it.count());
}
