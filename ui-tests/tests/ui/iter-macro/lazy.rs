//@run
// Calling the `iter!` closure runs nothing; the body starts on `next()`.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let make = iter!(|| {
        println!("body");
        yield ();
    });
    let mut it = make();
    println!("called");
    println!("{:?}", it.next());
}
