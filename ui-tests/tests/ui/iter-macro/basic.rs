//@run
// `iter!(|| ..)` is a closure returning an iterator.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let make = iter!(|| {
        yield 1;
        yield 2;
    });
    println!("{:?}", make().collect::<Vec<_>>());
}
