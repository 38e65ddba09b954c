//@run
// `#[coroutine]` closures: `resume` gives `Yielded` then `Complete`.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    || {
        yield 1;
        yield 2;
        "end"
    };
    loop {
        match Pin::new(&mut c).resume(()) {
            CoroutineState::Yielded(n) => println!("yielded {n}"),
            CoroutineState::Complete(s) => {
                println!("complete {s}");
                break;
            }
        }
    }
}
