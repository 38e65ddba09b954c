// `iter!` rejects a borrow of a body local across `yield`.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let make = iter!(|| {
        let v = vec![1, 2];
        for x in &v { //~ ERROR: borrow may still be in use when `gen` closure body yields
            yield *x;
        }
    });
    println!("{:?}", make().count());
}
