// A coroutine's resume argument has one type.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    |x: u32| {
        let _y = yield x;
    };
    let _ = Pin::new(&mut c).resume(1);
    let _ = Pin::new(&mut c).resume("two"); //~ ERROR: mismatched types
}
