//@run
// A parenthesized `yield` operand draws no `unused_parens` warning on nightly (the lowering's
// call `yield_((n + 1))` would draw one for a method argument).
#![feature(coroutines, coroutine_trait, stmt_expr_attributes, gen_blocks)]

use std::ops::Coroutine;
use std::pin::Pin;

fn main() {
    let mut counter = #[coroutine]
    |mut n: u32| {
        while n < 3 {
            n = yield (n + 1);
        }
        n
    };
    println!("{:?}", Pin::new(&mut counter).resume(0));
    println!("{:?}", Pin::new(&mut counter).resume(5));
    let pairs = gen { yield (1 * 2); yield (3, 4).0; };
    println!("{:?}", pairs.collect::<Vec<_>>());
}
