//@run
// The loop pattern shadows an outer binding only inside the loop.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

fn main() {
    let mut future = pin!(async {
        let x = "outer";
        for await x in async gen {
            yield 1;
        } {
            println!("inner {x}");
        }
        println!("{x}");
    });
    let mut cx = Context::from_waker(Waker::noop());
    while future.as_mut().poll(&mut cx).is_pending() {}
}
