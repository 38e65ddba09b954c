//@run
// `for await` over a hand-written `AsyncIterator`.
#![feature(async_iterator, async_for_loop)]

use std::async_iter::AsyncIterator;
use std::future::Future;
use std::pin::{pin, Pin};
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

struct Countdown(u8);

impl AsyncIterator for Countdown {
    type Item = u8;
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u8>> {
        if self.0 == 0 {
            Poll::Ready(None)
        } else {
            self.0 -= 1;
            Poll::Ready(Some(self.0 + 1))
        }
    }
}

fn main() {
    block_on(async {
        for await n in Countdown(3) {
            println!("{n}");
        }
    });
}
