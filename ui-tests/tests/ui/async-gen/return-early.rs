//@run
// `return;` ends an `async gen`.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async gen fn until_zero(values: Vec<i32>) -> i32 {
    for v in values {
        if v == 0 {
            return;
        }
        yield v;
    }
}

fn main() {
    let mut s = pin!(until_zero(vec![3, 0, 4]));
    let mut cx = Context::from_waker(Waker::noop());
    while let Poll::Ready(Some(v)) = s.as_mut().poll_next(&mut cx) {
        println!("{v}");
    }
}
