// `iter!` inside a user macro.
// FIXME(yieldc): nightly accepts it and runs it; yieldc rejects it with -@9 (see the nightly-diff allow file).
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

macro_rules! pair {
    ($a:expr, $b:expr) => {
        iter!(|| { //~ ERROR: cannot find macro `iter` in this scope
            yield $a;
            yield $b;
        })
    };
}

fn main() {
    let make = pair!(1, 2);
    println!("{:?}", make().collect::<Vec<_>>());
}
