//@run
// The first resume argument binds the parameter; each `yield` evaluates to the next one.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    |first: &'static str| {
        println!("first: {first}");
        let second = yield 1;
        println!("second: {second}");
        let third = yield 2;
        println!("third: {third}");
        3
    };
    println!("{:?}", Pin::new(&mut c).resume("a"));
    println!("{:?}", Pin::new(&mut c).resume("b"));
    println!("{:?}", Pin::new(&mut c).resume("c"));
}
