//@run
// Adapters on an `iter!` iterator.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let make = iter!(|| {
        for i in 0..10 {
            yield i;
        }
    });
    let total: i32 = make().filter(|i| i % 3 == 0).sum();
    println!("{total}");
}
