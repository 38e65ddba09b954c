//@run
// The variants of `CoroutineState` imported through groups: `CoroutineState::{self, *}` inside
// an `ops` group, a renamed variant, and a variant path inside a group rooted at the crate.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use core::ops::{CoroutineState::Yielded as Step};
use std::ops::{Coroutine, CoroutineState::{self, *}};
use std::{ops::CoroutineState::Complete as Done, pin::Pin};

fn describe(state: CoroutineState<u8, &str>) -> String {
    match state {
        Step(n) => format!("step {n}"),
        Done(s) => format!("done {s}"),
    }
}

fn main() {
    let mut steps = #[coroutine]
    || {
        yield 1;
        yield 2;
        "end"
    };
    loop {
        let state = Pin::new(&mut steps).resume(());
        let finished = matches!(state, Complete(_));
        println!("{}", describe(state));
        if finished {
            break;
        }
    }
    println!("{}", matches!(Yielded::<u8, ()>(3), Step(3)));
}
