//@run
// `iter!` with the `coroutines` gate instead of `yield_expr`.
#![feature(iter_macro, coroutines)]

use std::iter::iter;

fn main() {
    let make = iter!(|| {
        yield 'c';
    });
    println!("{:?}", make().collect::<String>());
}
