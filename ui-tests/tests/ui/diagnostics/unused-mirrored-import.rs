//@run
// An unused name in a `use` group the runtime mirrors: nightly's warning, without the
// tool-only "remove the unused import" suggestion (rustc does not draw it).
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine] |x: u32| {
        let y: u32 = yield x;
        y * 2
    };
    println!("{:?}", Pin::new(&mut c).resume(1));
    println!("{:?}", Pin::new(&mut c).resume(2));
}
