//@edition:2015
// FIXME(yieldc): nightly accepts it and runs it; yieldc rejects it with a clear error: it lowers
// generators to `async` blocks, which edition 2015 lacks (see the nightly-diff allow file).
// `iter!` in edition 2015.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let make = iter!(|| { //~ ERROR: yieldc cannot lower a generator in edition 2015
        yield 15;
    });
    println!("{:?}", make().collect::<Vec<_>>());
}
