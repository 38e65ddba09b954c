// A `gen fn` with an `Rc` parameter is `!Send`.
#![feature(gen_blocks)]

use std::rc::Rc;

gen fn hold(rc: Rc<u8>) -> u8 {
    yield *rc;
}

fn assert_send<T: Send>(_: T) {}

fn main() {
    assert_send(hold(Rc::new(1))); //~ ERROR: cannot be sent between threads safely
}
