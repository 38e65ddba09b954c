//@run: 101
// Resuming an `iter!` iterator that takes parameters after a panic.
// FIXME(yieldc): nightly reports the second panic at the body's `{` (10:41); yieldc reports it
// further right on the same line: the statement that moves the parameters into the generator
// is written before the generator's invocation, on the body's line.
#![feature(iter_macro, yield_expr)]
use std::panic::{catch_unwind, AssertUnwindSafe};

fn main() {
    let make = std::iter::iter!(|n: u8| {
        panic!("first {n}");
        #[allow(unreachable_code)]
        yield n;
    });
    let mut it = make(2);
    let _ = catch_unwind(AssertUnwindSafe(|| it.next()));
    println!("caught");
    it.next();
}
