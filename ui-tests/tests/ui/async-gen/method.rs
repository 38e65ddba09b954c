//@run
// An `async gen fn` method.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

struct Feed {
    items: Vec<u8>,
}

impl Feed {
    async gen fn stream(&self) -> u8 {
        for i in &self.items {
            yield *i;
        }
    }
}

fn main() {
    let feed = Feed { items: vec![4, 2] };
    let mut s = pin!(feed.stream());
    let mut cx = Context::from_waker(Waker::noop());
    while let Poll::Ready(Some(p)) = s.as_mut().poll_next(&mut cx) {
        println!("{p}");
    }
}
