//@run
// An `iter!` closure passed to a generic function.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn twice<I: Iterator<Item = u8>>(make: impl Fn() -> I) -> usize {
    make().count() + make().count()
}

fn main() {
    println!("{}", twice(iter!(|| {
        yield 1;
        yield 2;
    })));
}
