//@run
// A `static` coroutine pinned on the stack with `pin!`.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]

use std::ops::Coroutine;
use std::pin::pin;

fn main() {
    let mut c = pin!(
        #[coroutine]
        static || {
            let text = String::from("pinned");
            let view = text.as_str();
            yield view.len();
            yield view.len() * 2;
        }
    );
    println!("{:?}", c.as_mut().resume(()));
    println!("{:?}", c.as_mut().resume(()));
    println!("{:?}", c.as_mut().resume(()));
}
