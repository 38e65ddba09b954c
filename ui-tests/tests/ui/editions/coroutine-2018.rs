//@run
//@edition:2018
// `#[coroutine]` closures in edition 2018.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    |x: u8| {
        let y = yield x;
        y
    };
    println!("{:?}", Pin::new(&mut c).resume(1));
    println!("{:?}", Pin::new(&mut c).resume(2));
}
