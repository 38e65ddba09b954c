// `iter!` without `#![feature(iter_macro)]`.
#![feature(yield_expr)]

use std::iter::iter; //~ ERROR: use of unstable library feature `iter_macro`: generators are unstable

fn main() {
    let make = iter!(|| { //~ ERROR: use of unstable library feature `iter_macro`
        yield 1;
    });
    println!("{:?}", make().count());
}
