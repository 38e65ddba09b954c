//@run
// A `for await` header split over lines, with a label: `continue 'outer` and `break` reach
// the right loops, and `line!()` in the body and the iterable reports the written lines.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
    }
}

async gen fn upto(n: u32) -> u32 {
    for i in 0..n {
        yield i;
    }
}

fn main() {
    block_on(async {
        'outer: for await i in
            upto(3)
        {
            for j in 0..3 {
                if j > i {
                    continue 'outer;
                }
                println!("{i} {j}");
            }
        }
        for await
            (a, b)
            in
            upto(
                line!(),
            )
            .map_pairs()
        {
            println!("{a} {b} line {}", line!());
            if a == 30 {
                break;
            }
        }
    });
}

trait MapPairs {
    fn map_pairs(self) -> impl std::async_iter::AsyncIterator<Item = (u32, u32)>;
}

impl<T: std::async_iter::AsyncIterator<Item = u32>> MapPairs for T {
    fn map_pairs(self) -> impl std::async_iter::AsyncIterator<Item = (u32, u32)> {
        async gen move {
            for await x in self {
                yield (x, x * 10);
            }
        }
    }
}
