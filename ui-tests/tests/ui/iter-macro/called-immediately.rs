//@run
// Calling the closure `iter!` returns right where it is written.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let items: Vec<i32> = iter!(|| {
        yield 1;
        yield 2;
    })()
    .collect();
    println!("{items:?}");
}
