//@run
// `for await` over `async_iter::from_iter`.
#![feature(async_iterator, async_iter_from_iter, async_for_loop)]

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
        for await word in std::async_iter::from_iter(["one", "two"]) {
            println!("{word}");
        }
    });
}
