// A `gen fn` and an `async gen` block that are not `Send`: nightly's wording (coroutine,
// iterator returned by `f`, used across a yield, within `impl Iterator<..>`).
#![feature(gen_blocks, async_iterator)]

use std::rc::Rc;

fn takes_send<T: Send>(_: T) {}

gen fn f(rc: Rc<u8>) -> u8 {
    yield *rc;
}

fn main() {
    takes_send(f(Rc::new(1))); //~ ERROR: cannot be sent between threads safely
}
