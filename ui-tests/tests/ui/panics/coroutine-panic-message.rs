//@run: 101
// A panic inside a coroutine body: its message and location.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    |x: u32| {
        let y = yield x;
        if y > 10 {
            panic!("too big: {y}");
        }
    };
    println!("{:?}", Pin::new(&mut c).resume(1));
    println!("{:?}", Pin::new(&mut c).resume(11));
}
