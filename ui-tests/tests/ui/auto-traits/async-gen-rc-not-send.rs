// An `async gen` holding an `Rc` across `yield` is `!Send`.
#![feature(gen_blocks, async_iterator)]

use std::rc::Rc;

fn assert_send<T: Send>(_: &T) {}

fn main() {
    let g = async gen {
        let rc = Rc::new(1);
        yield 1;
        println!("{rc}");
    };
    assert_send(&g); //~ ERROR: cannot be sent between threads safely
}
