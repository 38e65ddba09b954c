//@run
// Coroutines behind `Pin<Box<dyn Coroutine>>`.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut all: Vec<Pin<Box<dyn Coroutine<Yield = u8, Return = ()>>>> = vec![
        Box::pin(#[coroutine] || {
            yield 1;
        }),
        Box::pin(#[coroutine] || {
            yield 2;
            yield 3;
        }),
    ];
    for c in &mut all {
        println!("{:?}", c.as_mut().resume(()));
        println!("{:?}", c.as_mut().resume(()));
    }
}
