// A `match` on a `CoroutineState` without its `Complete` arm: E0004, and the suggested arm
// names `CoroutineState::Complete(_)` as nightly does (not the runtime's mirror by its path).
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    || {
        yield 1;
        2
    };
    match Pin::new(&mut c).resume(()) {
        //~^ ERROR: non-exhaustive patterns
        CoroutineState::Yielded(v) => println!("{v}"),
    }
}
