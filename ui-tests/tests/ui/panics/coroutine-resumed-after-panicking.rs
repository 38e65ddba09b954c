//@run: 101
// Resuming a coroutine after a panic panics.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    || {
        yield 1;
        panic!("inside");
    };
    println!("{:?}", Pin::new(&mut c).resume(()));
    let _ = catch_unwind(AssertUnwindSafe(|| Pin::new(&mut c).resume(())));
    println!("caught");
    let _ = Pin::new(&mut c).resume(());
}
