//@run
// After the end, `poll_next` keeps returning `Ready(None)` without running anything.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Waker};

fn main() {
    let mut g = pin!(async gen {
        println!("body");
        yield ();
    });
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..4 {
        println!("{:?}", g.as_mut().poll_next(&mut cx));
    }
}
