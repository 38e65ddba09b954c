//@run
//@edition:2015
// `#[coroutine]` closures in edition 2015 (`async` and `await` are identifiers there): resume
// arguments, a `static` coroutine holding a borrow across a `yield`, `from_coroutine`.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes, iter_from_coroutine)]

use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    |await: u32| {
        let b = yield await + 1;
        let c = yield b * 2;
        c
    };
    println!("{:?}", Pin::new(&mut c).resume(1));
    println!("{:?}", Pin::new(&mut c).resume(5));
    if let CoroutineState::Complete(x) = Pin::new(&mut c).resume(7) {
        println!("done {}", x);
    }
    let mut s = Box::pin(
        #[coroutine]
        static || {
            let v = vec![1, 2];
            let r = &v;
            yield r.len();
            yield r[1];
        },
    );
    println!("{:?}", s.as_mut().resume(()));
    println!("{:?}", s.as_mut().resume(()));
    let it = std::iter::from_coroutine(
        #[coroutine]
        || {
            yield 1;
            yield 2;
        },
    );
    println!("{:?}", it.collect::<Vec<i32>>());
}
