// An `iter!` closure whose generator mutates an outer variable is `FnOnce`: boxed as a
// `dyn FnMut`, nightly's "gen closure does not implement `FnMut`", with the cast's note naming
// the closure and its body.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let mut count = 0;
    let g = iter!(|| {
        //~^ ERROR: gen closure does not implement `FnMut` because it captures state from its environment
        count += 1;
        yield count;
    });
    let _boxed: Box<dyn FnMut() -> _> = Box::new(g);
}
