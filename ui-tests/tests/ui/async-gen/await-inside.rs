//@run
// `.await` inside an `async gen` block.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Waker};

async fn double(x: u32) -> u32 {
    x * 2
}

fn main() {
    let mut g = pin!(async gen {
        for i in 1..=3 {
            yield double(i).await;
        }
    });
    let mut cx = Context::from_waker(Waker::noop());
    while let std::task::Poll::Ready(Some(x)) = g.as_mut().poll_next(&mut cx) {
        println!("{x}");
    }
}
