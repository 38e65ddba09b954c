// `iter!` without `yield_expr` (or `coroutines`): the `yield` is gated.
#![feature(iter_macro)]

use std::iter::iter;

fn main() {
    let make = iter!(|| {
        yield 1;
        //~^ ERROR: yield syntax is experimental
        //~| ERROR: yield syntax is experimental
    });
    println!("{:?}", make().count());
}
