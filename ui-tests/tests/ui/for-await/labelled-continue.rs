//@run
// A labelled `continue` on an outer `for await`.
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

fn main() {
    block_on(async {
        'outer: for await a in upto(3) {
            for await b in upto(3) {
                if b > a {
                    continue 'outer;
                }
                println!("{a}{b}");
            }
        }
    });
}
