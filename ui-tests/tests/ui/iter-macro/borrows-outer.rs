//@run
// An `iter!` closure borrows outer variables.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let words = vec!["x", "y"];
    let make = iter!(|| {
        for w in &words {
            yield w.len();
        }
    });
    println!("{:?}", make().collect::<Vec<_>>());
    println!("{words:?}");
}
