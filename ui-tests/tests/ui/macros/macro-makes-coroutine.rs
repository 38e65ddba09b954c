// A macro expanding to a `#[coroutine]` closure.
// FIXME(yieldc): nightly accepts it and runs it; yieldc rejects it with E0599@19, E0658@10, E0658@12 (see the nightly-diff allow file).
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

macro_rules! once {
    ($e:expr) => {
        #[coroutine]
        //~^ ERROR: attributes on expressions are experimental
        //~| ERROR: the `#[coroutine]` attribute is an experimental feature
        || {
            yield $e;
            //~^ ERROR: yield syntax is experimental
            //~| ERROR: yield syntax is experimental
        }
    };
}

fn main() {
    let mut c = once!(7);
    println!("{:?}", Pin::new(&mut c).resume(())); //~ ERROR: no method named `resume` found for struct
}
