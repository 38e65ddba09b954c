//@run
// `poll_next` in a macro's arguments uses `async_iterator`, not `async_iter_from_iter`:
// nightly warns that the second gate is declared but not used.
#![feature(gen_blocks, async_iterator, async_iter_from_iter)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Waker};

fn main() {
    let mut g = pin!(async gen {
        yield 1;
    });
    let mut cx = Context::from_waker(Waker::noop());
    println!("{:?}", g.as_mut().poll_next(&mut cx));
    println!("{:?}", g.as_mut().poll_next(&mut cx));
}
