//@run
// A tuple pattern as the resume parameter, and tuples as the values of `yield`.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;
fn main() {
    let mut c = #[coroutine] |(a, b): (i32, i32)| {
        let (c, d) = yield a + b;
        let (e, _) = yield c * d;
        e
    };
    for arg in [(1, 2), (3, 4), (5, 6)] {
        match Pin::new(&mut c).resume(arg) {
            CoroutineState::Yielded(y) => println!("y {y}"),
            CoroutineState::Complete(r) => println!("c {r}"),
        }
    }
}
