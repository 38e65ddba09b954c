//@run
// A coroutine that returns at once.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    || {
        if false {
            yield ();
        }
        42
    };
    println!("{:?}", Pin::new(&mut c).resume(()));
}
