//@run
// `async gen move` owns its captures and may borrow them across `yield`.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

fn lines(text: String) -> impl AsyncIterator<Item = String> {
    async gen move {
        for line in text.lines() {
            yield line.to_uppercase();
        }
    }
}

fn main() {
    let mut s = pin!(lines("a\nb".to_string()));
    let mut cx = Context::from_waker(Waker::noop());
    while let Poll::Ready(Some(l)) = s.as_mut().poll_next(&mut cx) {
        println!("{l}");
    }
}
