//@run
//@edition:2021
// `#[coroutine]` closures work in edition 2021.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    || {
        yield 2021;
    };
    println!("{:?}", Pin::new(&mut c).resume(()));
}
