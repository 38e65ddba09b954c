//@run
// `async gen fn` returns an `AsyncIterator`.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async gen fn numbers(n: u32) -> u32 {
    for i in 0..n {
        yield i;
    }
}

fn main() {
    let mut s = pin!(numbers(3));
    let mut cx = Context::from_waker(Waker::noop());
    while let Poll::Ready(Some(n)) = s.as_mut().poll_next(&mut cx) {
        println!("{n}");
    }
}
