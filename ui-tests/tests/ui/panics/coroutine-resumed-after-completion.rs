//@run: 101
// Resuming a completed coroutine panics.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    || {
        yield 1;
        "done"
    };
    println!("{:?}", Pin::new(&mut c).resume(()));
    println!("{:?}", Pin::new(&mut c).resume(()));
    println!("{:?}", Pin::new(&mut c).resume(()));
}
