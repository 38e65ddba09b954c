//@run
// A macro expanding to a `for await` loop.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Waker};

macro_rules! print_all {
    ($stream:expr) => {
        for await item in $stream {
            println!("{item}");
        }
    };
}

fn main() {
    let mut future = pin!(async {
        print_all!(async gen {
            yield "m";
        });
    });
    let mut cx = Context::from_waker(Waker::noop());
    while future.as_mut().poll(&mut cx).is_pending() {}
}
