//@run
// `break` out of `for await` drops the async iterator and its live locals.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

struct Noisy;
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("stream local dropped");
    }
}

fn main() {
    let mut future = pin!(async {
        for await x in async gen {
            let _n = Noisy;
            yield 1;
            yield 2;
        } {
            println!("{x}");
            break;
        }
        println!("after the loop");
    });
    let mut cx = Context::from_waker(Waker::noop());
    while future.as_mut().poll(&mut cx).is_pending() {}
}
