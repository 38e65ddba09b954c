//@run
// A coroutine borrowing (not capturing by value) an outer variable.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let names = vec!["a", "b"];
    let mut c = #[coroutine]
    || {
        for n in &names {
            yield *n;
        }
    };
    println!("{:?}", Pin::new(&mut c).resume(()));
    println!("{:?}", Pin::new(&mut c).resume(()));
    println!("{:?}", Pin::new(&mut c).resume(()));
    println!("{names:?}");
}
