//@run
// A non-`static` coroutine is `Unpin`: `Pin::new(&mut c)` works and it can move between resumes.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    || {
        yield 'x';
        yield 'y';
    };
    println!("{:?}", Pin::new(&mut c).resume(()));
    let mut moved = c;
    println!("{:?}", Pin::new(&mut moved).resume(()));
    println!("{:?}", Pin::new(&mut moved).resume(()));
}
