//@run
// A coroutine that sums what it is resumed with until it gets zero.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

fn main() {
    let mut summer = #[coroutine]
    |mut next: u32| {
        let mut total = 0;
        while next != 0 {
            total += next;
            next = yield total;
        }
        total
    };
    for input in [5, 10, 1, 0] {
        match Pin::new(&mut summer).resume(input) {
            CoroutineState::Yielded(t) => println!("running total {t}"),
            CoroutineState::Complete(t) => println!("final {t}"),
        }
    }
}
