// The parameters of an `iter!(move ..)` closure belong to its generator, on nightly too: a
// borrow of one across a `yield` is E0626 (the check copy of the boxed body checks the
// parameters, not the captures). With braces, `iter! { .. }`, nightly calls the body a "`gen`
// closure body" like `iter!(..)`; yieldc said "coroutine" and left out the body's label.
#![feature(iter_macro, yield_expr)]

use std::iter::iter;

fn main() {
    let s = String::from("ab");
    let g = iter! { move |v: Vec<i32>| {
        for x in v.iter() { //~ ERROR: borrow may still be in use when `gen` closure body yields
            yield *x + s.len() as i32;
        }
    } };
    println!("{:?}", g(vec![1, 2]).collect::<Vec<_>>());
}
