//@run: 101
// Polling an `async gen` after a panic escaped it panics.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::pin;
use std::task::{Context, Waker};

fn main() {
    let mut g = pin!(async gen {
        yield 1;
        panic!("stream failed");
    });
    let mut cx = Context::from_waker(Waker::noop());
    println!("{:?}", g.as_mut().poll_next(&mut cx));
    let _ = catch_unwind(AssertUnwindSafe(|| g.as_mut().poll_next(&mut cx)));
    println!("caught");
    let _ = g.as_mut().poll_next(&mut cx);
}
