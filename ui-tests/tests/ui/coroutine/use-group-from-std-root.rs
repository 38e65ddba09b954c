//@run
// `use` groups that start at the crate (`std::{..}`, `core::{..}`) and name mirrored library
// items inside: a module (`async_iter::..`), nested groups mixing mirrored and plain names
// (`ops::{Coroutine, CoroutineState}` next to `fmt::Debug`), and the `iter` macro.
#![feature(async_iterator, coroutines, coroutine_trait, stmt_expr_attributes)]
#![feature(gen_blocks, iter_macro, yield_expr, iter_from_coroutine)]

use core::{fmt::Debug, ops::{Coroutine, CoroutineState}};
use std::{
    async_iter::AsyncIterator,
    iter::{from_coroutine, iter},
    pin::{Pin, pin},
    task::{Context, Poll, Waker},
};

fn show(value: impl Debug) {
    println!("{value:?}");
}

fn main() {
    let mut counter = #[coroutine]
    || {
        yield 1;
        yield 2;
        "done"
    };
    while let CoroutineState::Yielded(n) = Pin::new(&mut counter).resume(()) {
        show(n);
    }

    let evens = iter! { || { for n in 0..3 { yield n * 2; } } };
    show(evens().collect::<Vec<_>>());
    show(from_coroutine(#[coroutine] || { yield 'a'; yield 'b'; }).collect::<String>());

    let mut stream = pin!(async gen { yield 10; yield 20; });
    let mut context = Context::from_waker(Waker::noop());
    while let Poll::Ready(Some(n)) = stream.as_mut().poll_next(&mut context) {
        show(n);
    }
}
