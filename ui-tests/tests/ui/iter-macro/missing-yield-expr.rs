// `iter!` without `yield_expr` (or `coroutines`): the `yield` is gated.
// FIXME(yieldc): nightly rejects it with E0658@8; yieldc accepts it (see the nightly-diff allow file).
//@check-pass
#![feature(iter_macro)]

use std::iter::iter;

fn main() {
    let make = iter!(|| {
        yield 1;
    });
    println!("{:?}", make().count());
}
