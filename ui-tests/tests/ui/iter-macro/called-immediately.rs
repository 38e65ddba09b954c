// FIXME(yieldc): nightly runs this and prints `[1, 2]` (see the nightly-diff allow file);
// yieldc's `iter!` is not callable in place (E0618).
// Calling the closure `iter!` returns right where it is written.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let items: Vec<i32> = iter!(|| { //~ ERROR: expected function
        yield 1;
        yield 2;
    })()
    .collect();
    println!("{items:?}");
}
