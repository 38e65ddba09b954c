//@run
// A `yield` inside a macro invocation whose arguments are neither expressions nor statements
// (here `PAT => EXPR` arms, like `tokio::select!`): lowered token by token.
#![feature(gen_blocks, async_iterator)]

use std::async_iter::AsyncIterator;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

macro_rules! choose {
    ($value:expr; $($pat:pat => $arm:expr),* $(,)?) => {
        match $value { $($pat => $arm),* }
    };
}

fn main() {
    let g = gen {
        for v in [Some(()), None, Some(())] {
            choose! { v;
                Some(()) => yield,
                None => {},
            }
        }
    };
    println!("{}", g.count());
    let h = gen {
        for v in [Some(1u32), None, Some(3)] {
            choose! { v;
                Some(x) => yield x * 10,
                None => yield 0,
            }
        }
    };
    println!("{:?}", h.collect::<Vec<_>>());
    let mut a = pin!(async gen {
        for v in [Some("a"), None] {
            choose! { v; Some(s) => yield s, None => yield "none" }
        }
    });
    let mut cx = Context::from_waker(Waker::noop());
    while let Poll::Ready(Some(s)) = a.as_mut().poll_next(&mut cx) {
        println!("{s}");
    }
}
