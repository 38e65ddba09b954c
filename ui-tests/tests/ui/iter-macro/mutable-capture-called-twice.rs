// An `iter!` closure whose generator mutates an outer variable is `FnOnce` (nightly: its
// generator moves the closure's `&mut` capture): a second call is E0382, with rustc's note.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let mut count = 0;
    let it = iter!(|| {
        count += 1;
        yield count;
    });
    let v: Vec<i32> = it().collect();
    let w: Vec<i32> = it().collect();
    //~^ ERROR: use of moved value: `it`
    println!("{v:?} {w:?}");
}
