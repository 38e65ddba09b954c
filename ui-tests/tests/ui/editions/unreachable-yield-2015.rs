//@run
//@edition:2015
// An unreachable `yield` statement in edition 2015 (where the lowering's `yield` goes through
// the runtime's `__await!` macro) is reported at the statement, as on nightly.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut early = #[coroutine]
    || {
        return 1;
        yield 2;
    };
    println!("{:?}", Pin::new(&mut early).resume(()));
}
