//@run: 101
// Resuming an `iter!` iterator after a panic panics at the body's opening brace, as nightly
// reports it, also behind a path (`std::iter::iter!`).
#![feature(iter_macro, yield_expr)]

use std::iter::iter;
use std::panic::{catch_unwind, AssertUnwindSafe};

fn main() {
    let make = iter!(|| {
        yield 1;
        panic!("first");
    });
    let mut it = make();
    it.next();
    let _ = catch_unwind(AssertUnwindSafe(|| it.next()));
    println!("caught");
    let _ = catch_unwind(AssertUnwindSafe(|| it.next()));
    println!("caught again");
    let with_path = std::iter::iter!(move || {
        panic!("second");
        #[allow(unreachable_code)]
        yield 2;
    });
    let mut it = with_path();
    let _ = catch_unwind(AssertUnwindSafe(|| it.next()));
    it.next();
}
