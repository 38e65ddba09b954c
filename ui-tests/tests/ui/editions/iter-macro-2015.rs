//@edition:2015
// FIXME(yieldc): nightly accepts it and runs it; yieldc rejects it with E0433@9 (see the nightly-diff allow file).
// `iter!` in edition 2015.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let make = iter!(|| { //~ ERROR: cannot find module or crate `yieldc_rt` in the crate root
        yield 15;
    });
    println!("{:?}", make().collect::<Vec<_>>());
}
