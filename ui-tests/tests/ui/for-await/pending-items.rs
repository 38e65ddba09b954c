//@run
// `for await` waits through `Pending` polls of the async iterator.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct Later(u8);
impl Future for Later {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 == 0 {
            return Poll::Ready(());
        }
        self.0 -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

fn main() {
    let mut polls = 0;
    let mut future = pin!(async {
        for await x in async gen {
            Later(2).await;
            yield 'a';
            Later(1).await;
            yield 'b';
        } {
            println!("{x}");
        }
    });
    let mut cx = Context::from_waker(Waker::noop());
    while future.as_mut().poll(&mut cx).is_pending() {
        polls += 1;
    }
    println!("pending polls: {polls}");
}
