// A coroutine that takes an argument where a bound resumes with `()`, or none where it resumes
// with a value: nightly's E0593, "function is expected to take N arguments", for coroutines
// passed by name and written in the call (a tuple pattern is "a single N-tuple").
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::ops::Coroutine;

fn drive<C: Coroutine<u32>>(_c: C) {}
fn unit<C: Coroutine>(_c: C) {}

fn main() {
    let c = #[coroutine] || {
        yield 1;
    };
    drive(c);
    //~^ ERROR: function is expected to take 1 argument, but it takes 0 arguments
    drive(#[coroutine] || { yield 1; });
    //~^ ERROR: function is expected to take 1 argument, but it takes 0 arguments
    let d = #[coroutine] move |(a, b): (u8, String)| {
        yield a;
        drop(b);
    };
    unit(d);
    //~^ ERROR: function is expected to take 0 arguments, but it takes a single 2-tuple as argument
    unit(#[coroutine] |p: (u8, u16)| { yield p.0; });
    //~^ ERROR: function is expected to take 0 arguments, but it takes 1 argument
}
