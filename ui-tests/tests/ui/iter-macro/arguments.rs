//@run
// `iter!` closures take arguments.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let range = iter!(|from: u32, to: u32| {
        for i in from..to {
            yield i;
        }
    });
    println!("{:?}", range(2, 5).collect::<Vec<_>>());
}
