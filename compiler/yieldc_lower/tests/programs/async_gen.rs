#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::async_iter::AsyncIterator;
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}

/// A future that is pending once before it is ready.
struct YieldNow(bool);

impl Future for YieldNow {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            context.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

async gen fn ticks(n: u32) -> u32 {
    for i in 0..n {
        YieldNow(false).await;
        yield i;
    }
}

/// Re-yields another async generator's items, doubled.
async gen fn doubled(n: u32) -> u32 {
    for await x in ticks(n) {
        yield x * 2;
    }
}

async fn sum_all() -> u32 {
    let mut total = 0;
    for await x in ticks(4) {
        println!("tick {x}");
        total += x;
    }
    total
}

fn main() {
    println!("sum = {}", block_on(sum_all()));
    let twice = block_on(async {
        let mut out = Vec::new();
        for await x in doubled(3) {
            out.push(x);
        }
        out
    });
    println!("{twice:?}");

    // Self-borrows across `yield` are fine in async gen.
    let words = async gen {
        let owned = vec![String::from("x"), String::from("yy")];
        for w in &owned {
            yield w.len();
        }
    };
    let collected = block_on(async {
        let mut out = Vec::new();
        for await n in words {
            out.push(n);
        }
        out
    });
    println!("{collected:?}");

    // Polling by hand, labels and break in for await.
    let mut stream = pin!(async gen move {
        yield 1u8;
        yield 2;
        yield 3;
    });
    let mut context = Context::from_waker(Waker::noop());
    println!("{:?}", stream.as_mut().poll_next(&mut context));
    let rest = block_on(async {
        let mut seen = Vec::new();
        'outer: for await v in ticks(10) {
            if v == 3 {
                break 'outer;
            }
            if v == 1 {
                continue;
            }
            seen.push(v);
        }
        seen
    });
    println!("{rest:?}");
    println!("{:?}", stream.as_mut().poll_next(&mut context));
    println!("{:?}", stream.as_mut().poll_next(&mut context));
    println!("{:?}", stream.as_mut().poll_next(&mut context));
    println!("{:?}", stream.as_mut().poll_next(&mut context));
}
