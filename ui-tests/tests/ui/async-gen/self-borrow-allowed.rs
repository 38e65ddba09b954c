//@run
// An `async gen` may hold a borrow of its own local across `yield`.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

fn main() {
    let mut g = pin!(async gen {
        let words = vec![String::from("x"), String::from("yz")];
        for w in &words {
            yield w.len();
        }
    });
    let mut cx = Context::from_waker(Waker::noop());
    while let Poll::Ready(Some(n)) = g.as_mut().poll_next(&mut cx) {
        println!("{n}");
    }
}
