//@run
// yieldc only: the runtime crate `yieldc_rt` is in scope, and its mirrors of the nightly APIs
// can be named directly on stable.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::pin::Pin;
use yieldc_rt::ops::{Coroutine, CoroutineState};

fn main() {
    let mut c = #[coroutine]
    || {
        yield 1;
    };
    match Pin::new(&mut c).resume(()) {
        CoroutineState::Yielded(x) => println!("yielded {x}"),
        CoroutineState::Complete(()) => println!("complete"),
    }
}
