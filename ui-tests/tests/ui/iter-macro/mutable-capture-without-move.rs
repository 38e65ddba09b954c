// FIXME(yieldc): nightly accepts this program (its `gen` closure moves the closure's `&mut count`
// capture into the generator, so the closure is `FnOnce` and `it()` needs no `mut` binding) and
// prints `[1, 2]` then `2`. yieldc's generator block borrows the closure's capture instead: the
// reference escapes the `FnMut` closure's body, and calling it needs a `mut` binding.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let mut count = 0;
    {
        let it = iter!(|| {
            //~^ ERROR: captured variable cannot escape `FnMut` closure body
            count += 1;
            yield count;
            count += 1;
            yield count;
        });
        let v: Vec<i32> = it().collect();
        //~^ ERROR: cannot borrow `it` as mutable
        println!("{v:?}");
    }
    println!("{count}");
}
