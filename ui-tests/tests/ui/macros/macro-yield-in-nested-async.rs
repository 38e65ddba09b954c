// A macro's `yield` inside an `async` block nested in a gen block: nightly's E0727.
#![feature(gen_blocks)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Waker};

macro_rules! emit {
    ($e:expr) => {
        yield $e //~ ERROR: `async` coroutines are not yet supported
    };
}

fn main() {
    let g = gen {
        emit!(0);
        let mut fut = pin!(async {
            emit!(1);
        });
        let mut cx = Context::from_waker(Waker::noop());
        let _ = fut.as_mut().poll(&mut cx);
        emit!(2);
    };
    println!("{:?}", g.collect::<Vec<_>>());
}
