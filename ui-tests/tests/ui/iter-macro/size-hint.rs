//@run
// The size hint of an `iter!` iterator.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let make = iter!(|| {
        yield 1;
    });
    println!("{:?}", make().size_hint());
}
