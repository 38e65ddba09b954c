// A macro expanding to a `for await` loop.
// FIXME(yieldc): nightly accepts it and runs it; yieldc rejects it with E0277@0, E0658@0, E0658@11 (see the nightly-diff allow file).
//@error-in-other-file: : AsyncIterator` is not satisfied
//@error-in-other-file: : IntoAsyncIterator` is not satisfied
//@error-in-other-file: use of unstable library feature `async_iterator`
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Waker};

macro_rules! print_all {
    ($stream:expr) => {
        for await item in $stream { //~ ERROR: `for await` loops are experimental
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
