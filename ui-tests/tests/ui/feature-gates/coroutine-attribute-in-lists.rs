//@run
// A `#[coroutine]` closure that is a call or method argument, an array element or a tuple
// element needs no `stmt_expr_attributes`: rustc does not gate attributes on comma-separated
// list items (nightly accepts this file; yieldc rejected it with E0658).
#![feature(coroutines, coroutine_trait, iter_from_coroutine)]

use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

fn first<C: Coroutine<Yield = u32, Return = ()> + Unpin>(mut c: C) -> Option<u32> {
    match Pin::new(&mut c).resume(()) {
        CoroutineState::Yielded(v) => Some(v),
        CoroutineState::Complete(()) => None,
    }
}

fn main() {
    println!("{:?}", first(#[coroutine] || { yield 1; }));
    let all: Vec<u32> = std::iter::from_coroutine(#[coroutine] || { yield 2; yield 3; }).collect();
    println!("{all:?}");
    let boxed = Box::new(#[coroutine] || { yield 4; });
    println!("{:?}", first(boxed));
    let [c] = [#[coroutine] || { yield 5; }];
    println!("{:?}", first(c));
    let (_, c) = (0, #[coroutine] || { yield 6; });
    println!("{:?}", first(c));
    println!("{:?}", Some(#[coroutine] || { yield 7; }).map(first));
}
