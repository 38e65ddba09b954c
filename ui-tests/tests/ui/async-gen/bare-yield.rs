//@run
// `yield;` in an `async gen` yields `()`.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Waker};

fn main() {
    let mut g = pin!(async gen {
        yield;
    });
    let mut cx = Context::from_waker(Waker::noop());
    println!("{:?}", g.as_mut().poll_next(&mut cx));
    println!("{:?}", g.as_mut().poll_next(&mut cx));
}
