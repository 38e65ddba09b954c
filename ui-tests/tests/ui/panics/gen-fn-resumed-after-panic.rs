//@run: 101
// The same for a `gen fn`.
// FIXME(yieldc): the blessed run output is yieldc's; nightly differs (see the nightly-diff allow file).
#![feature(gen_blocks)]

use std::panic::{catch_unwind, AssertUnwindSafe};

gen fn fails(n: u32) -> u32 {
    yield n;
    panic!("failed after {n}");
}

fn main() {
    let mut it = fails(3);
    println!("{:?}", it.next());
    let _ = catch_unwind(AssertUnwindSafe(|| it.next()));
    println!("caught");
    it.next();
}
