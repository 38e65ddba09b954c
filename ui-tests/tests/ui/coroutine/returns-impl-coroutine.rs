//@run
// A function returning `impl Coroutine`.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn countdown(from: u8) -> impl Coroutine<(), Yield = u8, Return = &'static str> {
    #[coroutine]
    move || {
        for i in (1..=from).rev() {
            yield i;
        }
        "liftoff"
    }
}

fn main() {
    let mut c = Box::pin(countdown(2));
    for _ in 0..3 {
        println!("{:?}", c.as_mut().resume(()));
    }
}
