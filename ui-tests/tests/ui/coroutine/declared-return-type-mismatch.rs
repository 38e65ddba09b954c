// A coroutine closure's declared `-> RET` is checked against its body's value and its
// `return`s (nightly: E0308, "expected `u32`, found `&str`", with no note on the return type).
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    || -> u32 {
        yield 1;
        "no"
        //~^ ERROR: mismatched types
    };
    let _ = Pin::new(&mut c).resume(());
    let mut d = #[coroutine]
    |x: bool| -> u32 {
        if x {
            return 'c';
            //~^ ERROR: mismatched types
        }
        yield 1;
        2
    };
    let _ = Pin::new(&mut d).resume(true);
}
