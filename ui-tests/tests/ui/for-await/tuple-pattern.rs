//@run
// Destructuring patterns in `for await`.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
    }
}

fn main() {
    block_on(async {
        for await (name, (x, _)) in async gen {
            yield ("a", (1, 'u'));
            yield ("b", (2, 'v'));
        } {
            println!("{name}={x}");
        }
    });
}
