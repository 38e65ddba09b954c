//@run
// An `async gen fn` yielding borrows of its argument.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async gen fn split<'a>(text: &'a str) -> &'a str {
    for part in text.split(',') {
        yield part;
    }
}

fn main() {
    let text = String::from("p,q");
    let mut s = pin!(split(&text));
    let mut cx = Context::from_waker(Waker::noop());
    while let Poll::Ready(Some(p)) = s.as_mut().poll_next(&mut cx) {
        println!("{p}");
    }
}
