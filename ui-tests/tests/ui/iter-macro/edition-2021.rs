//@run
//@edition:2021
// `iter!` works in edition 2021.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let make = iter!(|| {
        yield "2021";
    });
    println!("{:?}", make().collect::<Vec<_>>());
}
