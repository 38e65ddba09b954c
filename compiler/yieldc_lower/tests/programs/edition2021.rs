//@ edition: 2021
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

// In 2021 `gen` is an ordinary identifier: nothing named `gen` is touched.
fn gen(x: u32) -> u32 {
    x + 1
}

struct Gen {
    gen: u32,
}

fn main() {
    let gen = gen(1);
    let value = Gen { gen };
    println!("{}", value.gen);
    let mut co = #[coroutine]
    || {
        yield gen;
        yield gen * 2;
    };
    while let CoroutineState::Yielded(v) = Pin::new(&mut co).resume(()) {
        println!("{v}");
    }
}
