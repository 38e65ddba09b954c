//@run
// An `async gen` block polled by hand: `Ready(Some)` per item, then `Ready(None)`.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Waker};

fn main() {
    let mut g = pin!(async gen {
        yield 1;
        yield 2;
    });
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..4 {
        println!("{:?}", g.as_mut().poll_next(&mut cx));
    }
}
