// A `move` coroutine owns its captures, but a temporary borrowed by the `for` iterator across
// `yield` is still E0626 (movable coroutines cannot hold self-borrows).
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::Pin;

fn make() -> impl Coroutine<Yield = char, Return = usize> + Unpin {
    let word = String::from("ok");
    #[coroutine]
    move || {
        for c in word.clone().chars() { //~ ERROR: borrow may still be in use when coroutine yields
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
