// An `Rc` live across a `yield` makes the gen `!Send`.
#![feature(gen_blocks)]

use std::rc::Rc;

fn assert_send<T: Send>(_: T) {}

fn main() {
    assert_send(gen { //~ ERROR: cannot be sent between threads safely
        let rc = Rc::new(1);
        yield 1;
        println!("{rc}");
    });
}
