//@run
// A coroutine whose return value is a `Result`.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

fn main() {
    let mut parse = #[coroutine]
    |input: &'static str| -> Result<u32, String> {
        let mut total = 0;
        let mut input = input;
        loop {
            if input.is_empty() {
                return Ok(total);
            }
            match input.parse::<u32>() {
                Ok(n) => total += n,
                Err(_) => return Err(format!("bad input {input:?}")),
            }
            input = yield total;
        }
    };
    println!("{:?}", Pin::new(&mut parse).resume("4"));
    println!("{:?}", Pin::new(&mut parse).resume("x"));
    let _ = CoroutineState::<u32, ()>::Complete(());
}
