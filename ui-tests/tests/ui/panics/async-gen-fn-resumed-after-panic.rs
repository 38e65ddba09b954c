//@run: 101
// Polling an `async gen fn`'s iterator after a panic escaped it panics with nightly's message.
// FIXME(yieldc): nightly reports the panic at the body's `{` (12:35); yieldc's column is inside
// the rewritten signature (same line), as for a `gen fn` (see the nightly-diff allow file).
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::pin;
use std::task::{Context, Waker};

async gen fn fails(n: u32) -> u32 {
    yield n;
    panic!("failed after {n}");
}

fn main() {
    let mut g = pin!(fails(3));
    let mut cx = Context::from_waker(Waker::noop());
    println!("{:?}", g.as_mut().poll_next(&mut cx));
    let _ = catch_unwind(AssertUnwindSafe(|| g.as_mut().poll_next(&mut cx)));
    println!("caught");
    let _ = g.as_mut().poll_next(&mut cx);
}
