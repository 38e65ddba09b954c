// With `coroutine_clone`, a coroutine whose state is `Clone` can be cloned mid-way.
// FIXME(yieldc): nightly accepts it and runs it; yieldc accepts the gate but its coroutines are
// not `Clone`: E0599@19 (see the nightly-diff allow file).
#![feature(coroutines, coroutine_trait, coroutine_clone, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine]
    move || {
        let mut n = 0;
        loop {
            n += 1;
            yield n;
        }
    };
    let _ = Pin::new(&mut c).resume(());
    let mut copy = c.clone(); //~ ERROR: no method named `clone` found for coroutine
    println!("{:?}", Pin::new(&mut c).resume(()));
    println!("{:?}", Pin::new(&mut copy).resume(()));
}
