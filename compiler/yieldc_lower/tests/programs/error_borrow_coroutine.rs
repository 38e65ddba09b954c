//@ nightly-error: E0626
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut co = #[coroutine]
    || {
        let data = [1, 2, 3];
        let first = &data[0];
        yield 0;
        yield *first;
    };
    let _ = Pin::new(&mut co).resume(());
}
