//@run
// Gates enabled through `#![cfg_attr(PREDICATE, feature(..))]` whose predicate holds count, as
// on nightly (and the attribute keeps the rest of its list).
#![feature(coroutines)]
#![cfg_attr(all(), feature(coroutine_trait, stmt_expr_attributes), allow(unused_mut))]
#![cfg_attr(any(), feature(never_type))]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut c = #[coroutine] || {
        yield 2;
    };
    println!("{:?}", Pin::new(&mut c).resume(()));
}
