//@run
// Two coroutines resumed in turn.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

fn main() {
    let mut ping = #[coroutine]
    || {
        for i in 0..2 {
            yield format!("ping {i}");
        }
    };
    let mut pong = #[coroutine]
    || {
        for i in 0..2 {
            yield format!("pong {i}");
        }
    };
    loop {
        let a = Pin::new(&mut ping).resume(());
        let b = Pin::new(&mut pong).resume(());
        match (a, b) {
            (CoroutineState::Yielded(a), CoroutineState::Yielded(b)) => println!("{a} / {b}"),
            _ => break,
        }
    }
}
