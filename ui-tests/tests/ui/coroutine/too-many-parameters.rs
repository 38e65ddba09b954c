// A coroutine closure takes at most one parameter: E0628 on its parameter list.
// FIXME(yieldc): nightly goes on to report E0308 on the `resume` call's tuple argument; yieldc
// stops at the front end's error.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine] |a: u8, b: u8| {
        //~^ ERROR: too many parameters for a coroutine
        yield a + b;
    };
    let _ = Pin::new(&mut c).resume((1, 2));
}
