//@run
//@edition:2021
// `for await` works in edition 2021.
#![feature(async_iterator, async_iter_from_iter, async_for_loop)]

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Waker};

fn main() {
    let mut future = Box::pin(async {
        for await x in std::async_iter::from_iter([1, 2]) {
            println!("{x}");
        }
    });
    let mut cx = Context::from_waker(Waker::noop());
    while Pin::as_mut(&mut future).poll(&mut cx).is_pending() {}
}
