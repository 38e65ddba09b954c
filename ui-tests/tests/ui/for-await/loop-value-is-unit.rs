//@run
// A `for await` loop is an expression of type `()`.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

fn main() {
    let mut future = pin!(async {
        let unit: () = for await _ in async gen {
            yield 0;
        } {};
        unit
    });
    let mut cx = Context::from_waker(Waker::noop());
    println!("{:?}", future.as_mut().poll(&mut cx));
}
