//@run: 101
// An `async gen` block written on one line, polled again after a panic escaped it.
// FIXME(yieldc): nightly reports the body's panic at `panic!` (14:43); yieldc's column is far
// to the right (same line): the generator's header shares the line (see the nightly-diff allow
// file). The refusal is at `async` (14:22) on both.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::pin;
use std::task::{Context, Waker};

fn main() {
    let mut g = pin!(async gen { yield 1; panic!("boom"); });
    let mut cx = Context::from_waker(Waker::noop());
    println!("{:?}", g.as_mut().poll_next(&mut cx));
    let _ = catch_unwind(AssertUnwindSafe(|| g.as_mut().poll_next(&mut cx)));
    println!("caught");
    let _ = g.as_mut().poll_next(&mut cx);
}
