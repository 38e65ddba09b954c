//@run
// An `async gen` drained by a hand-written executor with a real waker and timer-like futures.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::cell::Cell;
use std::future::Future;
use std::pin::{pin, Pin};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

struct CountingWaker(AtomicUsize);
impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// Ready after `ticks` polls; wakes the task each time it is pending.
struct Ticks(u32);
impl Future for Ticks {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 == 0 {
            Poll::Ready(())
        } else {
            self.0 -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

async gen fn sensor(readings: Vec<i32>, log: Rc<Cell<u32>>) -> i32 {
    for r in readings {
        Ticks(r.unsigned_abs() % 3).await;
        log.set(log.get() + 1);
        yield r;
    }
}

fn run<F: Future>(future: F) -> (F::Output, usize, usize) {
    let waker_state = Arc::new(CountingWaker(AtomicUsize::new(0)));
    let waker = Waker::from(waker_state.clone());
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(future);
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return (out, polls, waker_state.0.load(Ordering::SeqCst));
        }
    }
}

fn main() {
    let log = Rc::new(Cell::new(0));
    let (total, polls, wakes) = run(async {
        let mut total = 0;
        for await r in sensor(vec![4, -1, 5, 2], log.clone()) {
            println!("reading {r}");
            total += r;
        }
        total
    });
    println!("total {total}, polls {polls}, wakes {wakes}, logged {}", log.get());
}
