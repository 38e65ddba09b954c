//@run
// The closure can be called again: each call starts a new iterator.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let make = iter!(|n: u8| {
        for i in 0..n {
            yield i;
        }
    });
    println!("{:?}", make(2).collect::<Vec<_>>());
    println!("{:?}", make(3).collect::<Vec<_>>());
}
