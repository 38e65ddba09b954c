//@run
//@edition:2015
// A postfix `.yield` in edition 2015, where `await` (which the front end reads `.yield` as)
// is an identifier: in a `#[coroutine]` closure, in an `iter!` closure (a macro's arguments,
// parsed apart), and next to a real field named `await`.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes, iter_macro, yield_expr)]

use std::iter::iter;
use std::ops::Coroutine;
use std::pin::Pin;

struct Reserved {
    await: u32,
}

fn main() {
    let field = Reserved { await: 7 };
    let mut c = #[coroutine]
    || {
        (field.await + 1).yield;
        field.await
    };
    println!("{:?}", Pin::new(&mut c).resume(()));
    println!("{:?}", Pin::new(&mut c).resume(()));

    let letters = iter! { || {
        for c in "ab".chars() {
            c.yield;
        }
        'z'.yield
    } };
    println!("{:?}", letters().collect::<String>());
}
