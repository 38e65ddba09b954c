//@run
// A pending `.await` makes `poll_next` return `Pending`; the next poll continues.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct YieldOnce(bool);
impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

fn main() {
    let mut g = pin!(async gen {
        yield 'a';
        YieldOnce(false).await;
        yield 'b';
    });
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..4 {
        println!("{:?}", g.as_mut().poll_next(&mut cx));
    }
}
