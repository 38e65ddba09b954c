//@run
// `break` out of `for await`.
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

async gen fn naturals() -> u64 {
    let mut n = 0;
    loop {
        yield n;
        n += 1;
    }
}

fn main() {
    block_on(async {
        for await n in naturals() {
            if n == 3 {
                break;
            }
            println!("{n}");
        }
        println!("after");
    });
}
