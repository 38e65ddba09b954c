// An `iter!` closure whose generator mutates an outer variable, passed where an `Fn` or `FnMut`
// closure is expected: nightly's "gen closure does not implement `FnMut` because it captures
// state from its environment" (no error code), at the closure's parameter list.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn twice<F: FnMut() -> I, I: Iterator<Item = usize>>(mut f: F) -> usize {
    f().count() + f().count()
}

fn shared<F: Fn(u8) -> I, I: Iterator<Item = usize>>(f: F) -> usize {
    f(1).count()
}

fn main() {
    let mut calls = 0usize;
    println!("{}", twice(iter!(|| {
        //~^ ERROR: gen closure does not implement `FnMut` because it captures state from its environment
        calls += 1;
        yield calls;
    })));
    let mut seen = Vec::new();
    println!("{}", shared(iter!(|x| { seen.push(x); yield seen.len(); })));
    //~^ ERROR: gen closure does not implement `Fn` because it captures state from its environment
}
