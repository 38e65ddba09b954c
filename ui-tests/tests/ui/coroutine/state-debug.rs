//@run
// `CoroutineState` implements `Debug`, `PartialEq` and `Clone`.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    || {
        yield 1u8;
        2u16
    };
    let first = Pin::new(&mut c).resume(());
    println!("{first:?} {}", first == CoroutineState::Yielded(1));
    let second = Pin::new(&mut c).resume(());
    println!("{:?}", second.clone());
}
