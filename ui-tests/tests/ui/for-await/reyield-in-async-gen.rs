//@run
// `for await` inside an `async gen` re-yielding another's items.
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

async gen fn upto(n: u32) -> u32 {
    for i in 0..n {
        yield i;
    }
}

async gen fn squares(n: u32) -> u32 {
    for await i in upto(n) {
        yield i * i;
    }
}

fn main() {
    block_on(async {
        for await s in squares(4) {
            println!("{s}");
        }
    });
}
