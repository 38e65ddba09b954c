//@run
// After a panic escapes `next()`, the next `next()` panics with nightly's message.
#![feature(gen_blocks)]

use std::panic::{catch_unwind, AssertUnwindSafe};

fn main() {
    std::panic::set_hook(Box::new(|info| println!("panic: {}", info.payload_as_str().unwrap_or("?"))));
    let mut g = gen {
        yield 1;
        panic!("boom");
    };
    println!("{:?}", g.next());
    let first = catch_unwind(AssertUnwindSafe(|| g.next()));
    println!("first resume panicked: {}", first.is_err());
    let second = catch_unwind(AssertUnwindSafe(|| g.next()));
    println!("second resume panicked: {}", second.is_err());
}
