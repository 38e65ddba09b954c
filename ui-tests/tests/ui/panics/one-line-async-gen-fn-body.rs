//@run: 101
// A panic in an `async gen fn` whose body is on the signature's line.
// FIXME(yieldc): nightly reports the panic at `assert!` (12:57); yieldc's column is far to the
// right (same line): the rewritten signature and the generator's header share the line (see
// the nightly-diff allow file).
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async gen fn checked(v: Vec<i32>) -> i32 { for x in v { assert!(x >= 0, "negative: {x}"); yield x; } }

fn main() {
    let mut g = pin!(checked(vec![1, -2]));
    let mut cx = Context::from_waker(Waker::noop());
    while let Poll::Ready(Some(x)) = g.as_mut().poll_next(&mut cx) {
        println!("{x}");
    }
}
