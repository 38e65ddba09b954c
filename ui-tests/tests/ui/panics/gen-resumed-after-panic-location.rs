//@run: 101
// Resuming a gen after a panic panics: message and location.
#![feature(gen_blocks)]

use std::panic::{catch_unwind, AssertUnwindSafe};

fn main() {
    let mut g = gen {
        panic!("first");
        #[allow(unreachable_code)]
        yield 1u8;
    };
    let _ = catch_unwind(AssertUnwindSafe(|| g.next()));
    println!("caught");
    g.next();
}
