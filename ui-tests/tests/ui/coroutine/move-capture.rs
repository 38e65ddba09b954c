//@run
// FIXME(yieldc): nightly rejects it with E0626@12; yieldc accepts it (see the nightly-diff allow file).
// A `move` coroutine owns its captures.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn make() -> impl Coroutine<Yield = char, Return = usize> + Unpin {
    let word = String::from("ok");
    #[coroutine]
    move || {
        for c in word.clone().chars() {
            yield c;
        }
        word.len()
    }
}

fn main() {
    let mut c = make();
    println!("{:?}", Pin::new(&mut c).resume(()));
    println!("{:?}", Pin::new(&mut c).resume(()));
    println!("{:?}", Pin::new(&mut c).resume(()));
}
