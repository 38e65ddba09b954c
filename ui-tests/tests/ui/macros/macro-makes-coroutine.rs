//@run
// A macro expanding to a `#[coroutine]` closure.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

macro_rules! once {
    ($e:expr) => {
        #[coroutine]
        || {
            yield $e;
        }
    };
}

fn main() {
    let mut c = once!(7);
    println!("{:?}", Pin::new(&mut c).resume(()));
}
