//@run
// A push parser: a coroutine fed characters, yielding complete lines.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

fn main() {
    let mut parser = #[coroutine]
    |mut c: Option<char>| {
        let mut line = String::new();
        while let Some(ch) = c {
            if ch == '\n' {
                c = yield Some(std::mem::take(&mut line));
            } else {
                line.push(ch);
                c = yield None;
            }
        }
        line
    };
    for ch in "ab\ncd\nrest".chars().map(Some).chain([None]) {
        match Pin::new(&mut parser).resume(ch) {
            CoroutineState::Yielded(Some(line)) => println!("line {line:?}"),
            CoroutineState::Yielded(None) => {}
            CoroutineState::Complete(rest) => println!("rest {rest:?}"),
        }
    }
}
