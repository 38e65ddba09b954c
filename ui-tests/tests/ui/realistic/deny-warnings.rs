//@run
// Under `#![deny(warnings)]`, the lowering's imports and `iter!` closures raise no lint.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes, iter_macro, iter_from_coroutine)]
#![deny(warnings)]
use std::ops::{Coroutine, CoroutineState};
use std::ops::{Add, Coroutine as C2};
use std::iter::iter;
use std::iter::{from_coroutine};
use std::pin::Pin;
fn main() {
    let mut c = #[coroutine] || { yield 1; };
    if let CoroutineState::Yielded(v) = Pin::new(&mut c).resume(()) { println!("{v}"); }
    fn takes<T: C2>(_: T) {}
    takes(#[coroutine] || { yield 2; });
    let _ = 1.add(2);
    let i = iter!(|| { yield 3; });
    println!("{:?}", i().collect::<Vec<_>>());


    println!("{:?}", from_coroutine(#[coroutine] || { yield 5; }).collect::<Vec<_>>());
}
