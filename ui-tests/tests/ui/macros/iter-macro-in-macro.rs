//@run
// `iter!` inside a user macro.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

macro_rules! pair {
    ($a:expr, $b:expr) => {
        iter!(|| {
            yield $a;
            yield $b;
        })
    };
}

fn main() {
    let make = pair!(1, 2);
    println!("{:?}", make().collect::<Vec<_>>());
}
