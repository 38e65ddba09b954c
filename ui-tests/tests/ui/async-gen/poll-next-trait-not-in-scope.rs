// `poll_next` on a pinned `async gen` without `AsyncIterator` in scope: E0599, with nightly's
// suggestion to import the library trait (not the runtime's mirror).
// FIXME(yieldc): nightly also points at `poll_next`'s declaration in core ("the method is
// available for .. here"); yieldc does not show the runtime's.
#![feature(gen_blocks, async_iterator)]

use std::task::{Context, Waker};

fn main() {
    let mut g = std::pin::pin!(async gen {
        yield 1;
    });
    let mut cx = Context::from_waker(Waker::noop());
    let _ = g.as_mut().poll_next(&mut cx);
    //~^ ERROR: no method named `poll_next` found
}
