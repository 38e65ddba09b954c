// An `async gen` is not `Unpin`: `Pin::new` is refused.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::Pin;
use std::task::{Context, Waker};

fn main() {
    let mut g = async gen {
        yield 1;
    };
    let mut cx = Context::from_waker(Waker::noop());
    let _ = Pin::new(&mut g).poll_next(&mut cx);
    //~^ ERROR: cannot be unpinned
}
