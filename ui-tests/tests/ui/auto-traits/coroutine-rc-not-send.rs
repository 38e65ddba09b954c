// A coroutine holding an `Rc` across `yield` is `!Send`.
#![feature(coroutines, stmt_expr_attributes)]

use std::rc::Rc;

fn assert_send<T: Send>(_: &T) {}

fn main() {
    let c = #[coroutine]
    || {
        let rc = Rc::new(1);
        yield 1;
        println!("{rc}");
    };
    assert_send(&c); //~ ERROR: cannot be sent between threads safely
}
