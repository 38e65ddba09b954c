//@run
// A macro that yields, defined outside any generator, invoked in a gen block, a gen fn, an
// async gen block, a coroutine and a gen nested in another gen (its yields go to the inner one).
#![feature(gen_blocks, coroutines, coroutine_trait, stmt_expr_attributes, async_iterator)]

use std::async_iter::AsyncIterator;
use std::ops::{Coroutine, CoroutineState};
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

macro_rules! emit {
    ($e:expr) => {
        yield $e
    };
}

gen fn numbers() -> u32 {
    emit!(1);
    emit!(2);
}

fn main() {
    println!("{:?}", numbers().collect::<Vec<_>>());
    let outer = gen {
        emit!("outer");
        let inner = gen {
            emit!("inner");
        };
        for item in inner {
            emit!(item);
        }
    };
    println!("{:?}", outer.collect::<Vec<_>>());
    let mut stream = pin!(async gen {
        emit!('a');
        emit!('b');
    });
    let mut cx = Context::from_waker(Waker::noop());
    while let Poll::Ready(Some(item)) = stream.as_mut().poll_next(&mut cx) {
        println!("{item}");
    }
    let mut coroutine = #[coroutine]
    |first: i32| {
        let second = emit!(first * 10);
        second + 1
    };
    println!("{:?}", Pin::new(&mut coroutine).resume(4));
    match Pin::new(&mut coroutine).resume(5) {
        CoroutineState::Complete(value) => println!("complete {value}"),
        CoroutineState::Yielded(value) => println!("yielded {value}"),
    }
}
