// FIXME(yieldc): gates enabled through `#![cfg_attr(.., feature(..))]` are not seen by yieldc:
// nightly compiles and runs this; yieldc reports the unstable library items and the closure
// attribute as gated (E0658@7, E0658@11, E0658@14; see the nightly-diff allow file).
#![feature(coroutines)]
#![cfg_attr(all(), feature(coroutine_trait, stmt_expr_attributes))]

use std::ops::Coroutine; //~ ERROR: use of unstable library feature `coroutine_trait`
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine] || { //~ ERROR: attributes on expressions are experimental
        yield 2;
    };
    println!("{:?}", Pin::new(&mut c).resume(())); //~ ERROR: use of unstable library feature `coroutine_trait`
}
