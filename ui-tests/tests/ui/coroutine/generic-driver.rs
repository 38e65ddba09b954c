//@run
// A generic function driving any `Coroutine`.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

fn drive<C: Coroutine<Yield = i32, Return = &'static str> + Unpin>(mut c: C) -> Vec<String> {
    let mut log = Vec::new();
    loop {
        match Pin::new(&mut c).resume(()) {
            CoroutineState::Yielded(y) => log.push(y.to_string()),
            CoroutineState::Complete(r) => {
                log.push(r.to_string());
                return log;
            }
        }
    }
}

fn main() {
    println!("{:?}", drive(#[coroutine] || {
        yield -1;
        yield 1;
        "fin"
    }));
}
