//@run
//@edition:2021
// Edition 2021: a macro making a `#[coroutine]` closure and one making an `iter!` closure,
// with `yield` from a third macro.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes, iter_macro, yield_expr)]

use std::iter::iter;
use std::ops::Coroutine;
use std::pin::Pin;

macro_rules! give {
    ($e:expr) => {
        yield $e
    };
}

macro_rules! counter {
    ($n:expr) => {
        #[coroutine]
        move || {
            for i in 0..$n {
                give!(i);
            }
            "done"
        }
    };
}

macro_rules! evens {
    ($limit:expr) => {
        iter!(|| {
            for i in (0..$limit).step_by(2) {
                give!(i);
            }
        })
    };
}

fn main() {
    let mut c = counter!(2);
    for _ in 0..3 {
        println!("{:?}", Pin::new(&mut c).resume(()));
    }
    let make = evens!(5);
    println!("{:?}", make().collect::<Vec<_>>());
}
