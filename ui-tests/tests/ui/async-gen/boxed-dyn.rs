//@run
// `async gen` blocks behind `Pin<Box<dyn AsyncIterator>>`.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

fn main() {
    let mut streams: Vec<Pin<Box<dyn AsyncIterator<Item = u8>>>> =
        vec![Box::pin(async gen { yield 1; }), Box::pin(async gen { yield 2; yield 3; })];
    let mut cx = Context::from_waker(Waker::noop());
    for s in &mut streams {
        while let Poll::Ready(Some(v)) = s.as_mut().poll_next(&mut cx) {
            println!("{v}");
        }
    }
}
