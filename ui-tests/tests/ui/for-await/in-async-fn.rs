//@run
// `for await` in an `async fn`, returning a value computed from the items.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async gen fn upto(n: u32) -> u32 {
    for i in 0..n {
        yield i;
    }
}

async fn total(n: u32) -> u32 {
    let mut sum = 0;
    for await i in upto(n) {
        sum += i;
    }
    sum
}

fn main() {
    let mut future = pin!(total(5));
    let mut cx = Context::from_waker(Waker::noop());
    println!("{:?}", future.as_mut().poll(&mut cx));
}
