//@run
// An `async gen` runs nothing until the first `poll_next`.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Waker};

fn main() {
    let g = async gen {
        println!("started");
        yield 1;
    };
    println!("created");
    let mut g = pin!(g);
    let mut cx = Context::from_waker(Waker::noop());
    println!("{:?}", g.as_mut().poll_next(&mut cx));
}
